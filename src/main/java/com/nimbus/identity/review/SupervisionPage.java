package com.nimbus.identity.review;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The supervisors' page as HTML with its charts drawn as inline SVG on the server: no script, no library, nothing
 * loaded from elsewhere. Four pictures: the queue now (length, oldest task, overdue), decisions per day (approved and
 * rejected, stacked), time to decision against the 3-business-day target, and the reasons' mix.
 */
final class SupervisionPage {

    private static final String APPROVED = "#2e7d32";
    private static final String REJECTED = "#c62828";
    private static final String LATE = "#ef6c00";
    private static final String BAR = "#1565c0";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private SupervisionPage() {
    }

    static String render(SupervisionFigures.Figures f) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Review supervision · 审核监督</title><style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222;background:#fafafa}")
                .append("h1{font-size:22px;margin:0 0 4px}p.sub{color:#666;margin:0 0 20px}")
                .append(".grid{display:grid;grid-template-columns:repeat(2,560px);gap:20px}")
                .append("figure{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px}")
                .append("figcaption{font-weight:bold;margin-bottom:8px}svg text{font-size:12px;fill:#333}")
                .append("</style></head><body>")
                .append("<h1>Review supervision · 审核监督</h1><p class=\"sub\">The review team's figures as of ")
                .append(escape(f.at().toString())).append(" (UTC); decisions, time to decision and reasons over the last ")
                .append(SupervisionFigures.DAYS).append(" days.</p><div class=\"grid\">");
        queue(html, f);
        perDay(html, f.perDay());
        timeToDecision(html, f);
        reasons(html, f.reasons());
        return html.append("</div></body></html>").toString();
    }

    private static void queue(StringBuilder html, SupervisionFigures.Figures f) {
        figure(html, "queue", "Queue now · 当前队列");
        String oldest = f.oldest().map(SupervisionPage::age).orElse("-");
        tile(html, 10, "Waiting · 待审核", Integer.toString(f.queue()), BAR);
        tile(html, 190, "Oldest · 最久", oldest, f.oldest().filter(a -> a.toDays() >= 3).isPresent() ? LATE : BAR);
        tile(html, 370, "Overdue · 已逾期", Integer.toString(f.overdue()), f.overdue() > 0 ? REJECTED : APPROVED);
        html.append("</svg></figure>");
    }

    private static void tile(StringBuilder html, int x, String label, String value, String colour) {
        html.append("<rect x=\"").append(x).append("\" y=\"20\" width=\"170\" height=\"150\" rx=\"8\" fill=\"")
                .append(colour).append("\" opacity=\"0.12\"/>")
                .append("<text x=\"").append(x + 85).append("\" y=\"55\" text-anchor=\"middle\">")
                .append(escape(label)).append("</text>")
                .append("<text x=\"").append(x + 85).append("\" y=\"125\" text-anchor=\"middle\" style=\"font-size:44px;fill:")
                .append(colour).append("\">").append(escape(value)).append("</text>");
    }

    private static void perDay(StringBuilder html, List<SupervisionFigures.Day> days) {
        figure(html, "decisions-per-day", "Decisions per day · 每日审核决定");
        int max = Math.max(1, days.stream().mapToInt(d -> d.approved() + d.rejected()).max().orElse(1));
        int left = 40;
        int bottom = 170;
        int height = 140;
        int step = 500 / days.size();
        axis(html, left, bottom, 500, height, max);
        for (int i = 0; i < days.size(); i++) {
            SupervisionFigures.Day d = days.get(i);
            int x = left + 4 + i * step;
            int approved = d.approved() * height / max;
            int rejected = d.rejected() * height / max;
            rect(html, x, bottom - approved, step - 8, approved, APPROVED, d.day() + ": " + d.approved() + " approved");
            rect(html, x, bottom - approved - rejected, step - 8, rejected, REJECTED, d.day() + ": " + d.rejected() + " rejected");
            if ((days.size() - 1 - i) % 2 == 0) {
                html.append("<text x=\"").append(x + (step - 8) / 2).append("\" y=\"").append(bottom + 14)
                        .append("\" text-anchor=\"middle\">").append(DAY.format(d.day())).append("</text>");
            }
        }
        legend(html, 360, 12, APPROVED, "approved · 批准");
        legend(html, 460, 12, REJECTED, "rejected · 拒绝");
        html.append("</svg></figure>");
    }

    private static void timeToDecision(StringBuilder html, SupervisionFigures.Figures f) {
        figure(html, "time-to-decision", "Time to decision vs the 3-business-day target · 审核用时与 3 个工作日目标");
        Map<Integer, Integer> buckets = f.timeToDecision();
        int max = Math.max(1, buckets.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int left = 40;
        int bottom = 150;
        int height = 110;
        int step = 500 / buckets.size();
        axis(html, left, bottom, 500, height, max);
        int i = 0;
        int previous = 0;
        for (Map.Entry<Integer, Integer> bucket : buckets.entrySet()) {
            int x = left + 4 + i * step;
            int h = bucket.getValue() * height / max;
            String label = bucket.getKey() == Integer.MAX_VALUE ? "> " + previous + " d" : "≤ " + bucket.getKey() + " d";
            rect(html, x, bottom - h, step - 10, h, bucket.getKey() <= 3 ? BAR : LATE, label + ": " + bucket.getValue());
            html.append("<text x=\"").append(x + (step - 10) / 2).append("\" y=\"").append(bottom + 14)
                    .append("\" text-anchor=\"middle\">").append(escape(label)).append("</text>");
            previous = bucket.getKey();
            i++;
        }
        // the share decided by the due date, as a bar against the whole
        int decided = f.onTime() + f.late();
        int onTimeWidth = (int) Math.round(500 * f.onTimeShare());
        html.append("<text x=\"").append(left).append("\" y=\"185\">By the due date · 按时完成: ").append(f.onTime())
                .append(" of ").append(decided).append(" (").append(Math.round(100 * f.onTimeShare())).append("%)</text>");
        rect(html, left, 192, onTimeWidth, 14, APPROVED, "on time: " + f.onTime());
        rect(html, left + onTimeWidth, 192, 500 - onTimeWidth, 14, decided == 0 ? "#ddd" : LATE, "late: " + f.late());
        html.append("</svg></figure>");
    }

    private static void reasons(StringBuilder html, Map<String, Integer> reasons) {
        figure(html, "reasons-mix", "Reasons' mix · 拒绝原因分布");
        if (reasons.isEmpty()) {
            html.append("<text x=\"280\" y=\"110\" text-anchor=\"middle\">No rejection in the period · 期间内没有拒绝</text>");
        }
        int max = Math.max(1, reasons.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int y = 14;
        for (Map.Entry<String, Integer> reason : reasons.entrySet().stream().limit(8).toList()) {
            int w = reason.getValue() * 250 / max;
            html.append("<text x=\"265\" y=\"").append(y + 13).append("\" text-anchor=\"end\">")
                    .append(escape(reason.getKey())).append("</text>");
            rect(html, 272, y, Math.max(w, 1), 18, REJECTED, reason.getKey() + ": " + reason.getValue());
            html.append("<text x=\"").append(278 + w).append("\" y=\"").append(y + 13).append("\">")
                    .append(reason.getValue()).append("</text>");
            y += 25;
        }
        html.append("</svg></figure>");
    }

    private static void figure(StringBuilder html, String id, String caption) {
        html.append("<figure id=\"").append(id).append("\"><figcaption>").append(escape(caption))
                .append("</figcaption><svg role=\"img\" aria-label=\"").append(escape(caption))
                .append("\" width=\"560\" height=\"215\" viewBox=\"0 0 560 215\" xmlns=\"http://www.w3.org/2000/svg\">");
    }

    private static void axis(StringBuilder html, int left, int bottom, int width, int height, int max) {
        html.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(left + width)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#999\"/>")
                .append("<line x1=\"").append(left).append("\" y1=\"").append(bottom - height).append("\" x2=\"")
                .append(left).append("\" y2=\"").append(bottom).append("\" stroke=\"#999\"/>")
                .append("<text x=\"").append(left - 6).append("\" y=\"").append(bottom - height + 4)
                .append("\" text-anchor=\"end\">").append(max).append("</text>")
                .append("<text x=\"").append(left - 6).append("\" y=\"").append(bottom + 4)
                .append("\" text-anchor=\"end\">0</text>");
    }

    private static void rect(StringBuilder html, int x, int y, int w, int h, String colour, String title) {
        if (h <= 0 || w <= 0) {
            return;
        }
        html.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" fill=\"").append(colour).append("\"><title>")
                .append(escape(title)).append("</title></rect>");
    }

    private static void legend(StringBuilder html, int x, int y, String colour, String label) {
        html.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                .append(colour).append("\"/><text x=\"").append(x + 14).append("\" y=\"").append(y).append("\">")
                .append(escape(label)).append("</text>");
    }

    static String age(Duration age) {
        if (age.toDays() >= 1) {
            return age.toDays() + " d " + age.toHoursPart() + " h";
        }
        if (age.toHours() >= 1) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return Math.max(0, age.toMinutes()) + " min";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
