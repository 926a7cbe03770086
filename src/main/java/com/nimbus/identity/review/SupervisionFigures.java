package com.nimbus.identity.review;

import com.nimbus.identity.vocabulary.Workflow;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The review team's figures, for supervisors' page and the metrics: the queue now, its oldest task, decisions per day,
 * time to decision against the target (each review task's due date, 3 business days after the automated checks) and
 * the reasons' mix. Read from the engine (tasks, their history) and the applications' table, so every node shows the
 * team's numbers; one reading is kept for {@link #FRESH_FOR} so that scrapes and page views do not each query.
 */
@Component
class SupervisionFigures {

    /** How long one reading serves. */
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    /** Days shown in the decisions per day; the reasons' mix and time to decision cover the same period. */
    static final int DAYS = 14;
    /** Time to decision, in calendar days: up to 1, 2, 3, 5, 10, and longer. */
    static final List<Integer> DAY_BUCKETS = List.of(1, 2, 3, 5, 10);

    private final TaskService tasks;
    private final HistoryService history;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Figures last;

    SupervisionFigures(TaskService tasks, HistoryService history, JdbcTemplate jdbc, Clock clock) {
        this.tasks = tasks;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Decisions of one day by reviewers (the automated checks' rejections are not the team's). */
    record Day(LocalDate day, int approved, int rejected) {
    }

    /**
     * @param queue          open review tasks
     * @param oldest         age of the oldest open review task, empty when there is none
     * @param overdue        open review tasks past their due date
     * @param perDay         the last {@link #DAYS} days, oldest first
     * @param onTime         reviews decided in the period by their due date
     * @param late           reviews decided in the period after it
     * @param timeToDecision reviews decided in the period by calendar days from task to decision (the keys of
     *                       {@link #DAY_BUCKETS}, and {@code Integer.MAX_VALUE} for longer)
     * @param reasons        reviewers' rejection reasons in the period, by code, most frequent first
     */
    record Figures(Instant at, int queue, Optional<Duration> oldest, int overdue, List<Day> perDay, int onTime,
                   int late, Map<Integer, Integer> timeToDecision, Map<String, Integer> reasons) {

        int decidedToday() {
            Day today = perDay.get(perDay.size() - 1);
            return today.approved() + today.rejected();
        }

        double onTimeShare() {
            return onTime + late == 0 ? 1.0 : (double) onTime / (onTime + late);
        }
    }

    Figures now() {
        Figures figures = last;
        Instant now = clock.instant();
        if (figures == null || figures.at().plus(FRESH_FOR).isBefore(now) || figures.at().isAfter(now)) {
            figures = read(now);
            last = figures;
        }
        return figures;
    }

    private Figures read(Instant now) {
        List<Task> open = tasks.createTaskQuery().taskDefinitionKey(Workflow.USER_TASK_REVIEW).list();
        Optional<Duration> oldest = open.stream().map(Task::getCreateTime).min(Date::compareTo)
                .map(created -> Duration.between(created.toInstant(), now));
        int overdue = (int) open.stream().filter(t -> t.getDueDate() != null && t.getDueDate().toInstant().isBefore(now))
                .count();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<LocalDate, int[]> days = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            days.put(d, new int[2]);
        }
        jdbc.query("select status, decided_at from verification_application where decided_at >= ? "
                        + "and status in ('APPROVED', 'REJECTED') and decided_by <> ?",
                rs -> {
                    int[] day = days.get(LocalDate.ofInstant(rs.getTimestamp("decided_at").toInstant(), ZoneOffset.UTC));
                    if (day != null) {
                        day[rs.getString("status").equals("APPROVED") ? 0 : 1]++;
                    }
                }, Timestamp.from(since), Workflow.AUTOMATED_CHECKS_ACTOR);
        List<Day> perDay = days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();

        int onTime = 0;
        int late = 0;
        Map<Integer, Integer> buckets = new LinkedHashMap<>();
        DAY_BUCKETS.forEach(b -> buckets.put(b, 0));
        buckets.put(Integer.MAX_VALUE, 0);
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .taskDefinitionKey(Workflow.USER_TASK_REVIEW).finished().finishedAfter(Date.from(since)).list()) {
            if (!"completed".equals(task.getDeleteReason())) {
                continue;
            }
            if (task.getDueDate() == null || !task.getEndTime().after(task.getDueDate())) {
                onTime++;
            } else {
                late++;
            }
            double daysTaken = Duration.between(task.getStartTime().toInstant(), task.getEndTime().toInstant()).toMinutes()
                    / (24.0 * 60);
            int bucket = DAY_BUCKETS.stream().filter(b -> daysTaken <= b).findFirst().orElse(Integer.MAX_VALUE);
            buckets.merge(bucket, 1, Integer::sum);
        }

        Map<String, Integer> reasons = new LinkedHashMap<>();
        jdbc.query("select r.code, count(*) as n from application_reason r join verification_application a "
                        + "on a.id = r.application_id where a.status = 'REJECTED' and a.decided_at >= ? "
                        + "and a.decided_by <> ? group by r.code order by n desc, r.code",
                rs -> {
                    reasons.put(rs.getString("code"), rs.getInt("n"));
                }, Timestamp.from(since), Workflow.AUTOMATED_CHECKS_ACTOR);
        return new Figures(now, open.size(), oldest, overdue, perDay, onTime, late, buckets, reasons);
    }
}
