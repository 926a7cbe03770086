package com.nimbus.identity.document.check;

import com.nimbus.identity.vocabulary.ReasonCode;
import java.util.List;

/** The results of all automated checks of one application. */
public record CheckReport(List<CheckResult> results) {

    public boolean passed() {
        return results.stream().noneMatch(r -> r.outcome() == CheckResult.Outcome.FAIL);
    }

    /** Every failing reason, each once, in the order of the checks. */
    public List<ReasonCode> failureReasons() {
        return results.stream()
                .filter(r -> r.outcome() == CheckResult.Outcome.FAIL)
                .map(CheckResult::reason)
                .distinct()
                .toList();
    }

    /** A soft signal: another account submitted a similar photo (the check warned). */
    public boolean similarPhotoWarning() {
        return warned(SimilarPhotoCheck.NAME);
    }

    /** A soft signal: a page is sharp enough to pass, but close to too blurry (the check warned). */
    public boolean blurWarning() {
        return warned(PhotoSharpnessCheck.NAME);
    }

    private boolean warned(String check) {
        return results.stream().anyMatch(r -> r.check().equals(check) && r.outcome() == CheckResult.Outcome.WARN);
    }

    /** A Markdown table for the reviewer's form: each check, its outcome and its detail. */
    public String summary() {
        StringBuilder md = new StringBuilder("| Check | Result | Detail |\n|---|---|---|\n");
        for (CheckResult r : results) {
            String outcome = switch (r.outcome()) {
                case PASS -> "passed";
                case WARN -> "**attention**";
                case FAIL -> "**failed: " + r.reason() + "**";
            };
            md.append("| ").append(r.check()).append(" | ").append(outcome).append(" | ")
                    .append(r.detail() == null ? "" : r.detail().replace("|", "/")).append(" |\n");
        }
        return md.toString();
    }
}
