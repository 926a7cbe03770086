package com.nimbus.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo applications (seeded at start on the embedded default; the tests' PostgreSQL context seeds nothing by
 * itself): five applications whose drawn pages pass the automated checks and wait in the reviewers' queue, one of them
 * with the same-photo warning and the other application's page for the form; seeded once.
 */
@IntegrationTest
class DemoApplicationsIT {

    private static final List<String> EMAILS = List.of("wang@example.com", "chen@example.com",
            "finance@lanshan.example.com", "sam@example.com", "li@example.com");

    @Autowired DemoApplications demo;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    private List<String> demoApplications() {
        return jdbc.queryForList("select v.id from verification_application v join account a on a.id = v.account_id "
                + "where a.email in ('" + String.join("', '", EMAILS) + "') order by v.submitted_at", String.class);
    }

    @Test
    void fiveApplicationsWaitForReviewAfterTheirChecksAndAreSeededOnce() {
        assertThat(jdbc.queryForObject("select count(*) from demo_data_seeded", Integer.class))
                .as("nothing seeded on PostgreSQL unless asked").isZero();

        assertThat(demo.seed()).isTrue();
        assertThat(demo.seed()).isFalse();

        List<String> applications = demoApplications();
        assertThat(applications).hasSize(5);
        for (String id : applications) {
            Processes.executeJobs(engine, id);
            Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).singleResult();
            assertThat(review).as("application %s passed its checks and waits for a reviewer", id).isNotNull();
            assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId())
                    .taskCandidateGroup("identity-reviewers").count()).isOne();
            assertThat(jdbc.queryForObject("select status from verification_application where id = ?", String.class, id))
                    .isEqualTo("IN_REVIEW");
        }
        String wang = applications.get(0);
        String li = applications.get(4);
        assertThat(engine.getTaskService().getVariable(review(wang).getId(), "documentPageCount")).isEqualTo(2);
        assertThat((String) engine.getTaskService().getVariable(review(li).getId(), "checkSummary"))
                .contains("similar photo already submitted by another account");
        assertThat((String) engine.getTaskService().getVariable(review(li).getId(), "similarPageUrl"))
                .endsWith("/review/applications/" + li + "/similar/" + wang + "/pages/1");
        assertThat(review(applications.get(2)).getName())
                .isEqualTo("Review enterprise business license application · 审核企业营业执照申请");
    }

    private Task review(String applicationId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId).singleResult();
    }
}
