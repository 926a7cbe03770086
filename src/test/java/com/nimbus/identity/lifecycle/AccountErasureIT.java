package com.nimbus.identity.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.document.store.DocumentObjectMissing;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** DELETE /api/accounts/{id} on PostgreSQL: refused while something stands, else the identity data is gone. */
@IntegrationTest
class AccountErasureIT {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired DocumentStore store;
    @Autowired HistoryService history;

    private ApiClient console() {
        return ApiClient.as(port, "console", "console");
    }

    @Test
    void anAccountWithDecidedApplicationsIsErasedAndItsDocumentsAreGone() {
        String accountId = fixtures.account().getId();
        VerificationApplication rejected = fixtures.submitIndividual(accountId);
        fixtures.runJobs(rejected.getId());
        fixtures.reject(rejected.getId(), "[\"DOCUMENT_EXPIRED\"]", "expired in 2019");
        fixtures.runJobs(rejected.getId());
        List<String> objects = jdbc.queryForList("select object_key from document_page where application_id = ?",
                String.class, rejected.getId());
        assertThat(objects).isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from message where account_id = ?", Integer.class, accountId))
                .isPositive();

        ApiClient.Response erased = console().delete("/api/accounts/" + accountId);

        assertThat(erased.status()).as(erased.text()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from document_page where application_id = ?", Integer.class,
                rejected.getId())).isZero();
        for (String key : objects) {
            Assertions.assertThatThrownBy(() -> store.get(key)).isInstanceOf(DocumentObjectMissing.class);
        }
        Map<String, Object> kept = jdbc.queryForMap("select status, holder_name, holder_address, document_number_enc, "
                + "document_number_masked, identity_key, review_comment, data_reduced_at from verification_application "
                + "where id = ?", rejected.getId());
        assertThat(kept.get("status")).as("the decision stays, as an anonymous count").isEqualTo("REJECTED");
        assertThat(kept.get("document_number_masked")).isEqualTo(rejected.getDocumentNumberMasked());
        assertThat(kept.get("holder_name")).isEqualTo("");
        assertThat(kept.get("holder_address")).isEqualTo("");
        assertThat(kept.get("document_number_enc")).isNull();
        assertThat(kept.get("identity_key")).isEqualTo("");
        assertThat(kept.get("review_comment")).isNull();
        assertThat(kept.get("data_reduced_at")).isNotNull();
        Map<String, Object> account = jdbc.queryForMap("select email, phone, erased_at from account where id = ?", accountId);
        assertThat(account.get("email")).isEqualTo("");
        assertThat(account.get("phone")).isEqualTo("");
        assertThat(account.get("erased_at")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from message where account_id = ?", Integer.class, accountId))
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rejected.getId()).count())
                .isZero();
        assertThat(console().get("/api/accounts/" + accountId + "/verification").status()).isEqualTo(404);
        assertThat(console().delete("/api/accounts/" + accountId).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where account_id = ? and action = 'ACCOUNT_ERASED' "
                + "and actor = 'console'", Integer.class, accountId)).isEqualTo(1);
    }

    @Test
    void aPendingApplicationOrAStandingVerificationRefusesTheErasureAndNothingChanges() {
        String pendingAccount = fixtures.account().getId();
        VerificationApplication pending = fixtures.submitIndividual(pendingAccount);
        String verifiedAccount = fixtures.account().getId();
        fixtures.verifiedIndividual(verifiedAccount);

        ApiClient.Response whilePending = console().delete("/api/accounts/" + pendingAccount);
        ApiClient.Response whileVerified = console().delete("/api/accounts/" + verifiedAccount);

        assertThat(whilePending.status()).isEqualTo(409);
        assertThat(whilePending.json().get("code").asText()).isEqualTo("APPLICATION_PENDING");
        assertThat(whilePending.json().get("pendingApplicationId").asText()).isEqualTo(pending.getId());
        assertThat(whileVerified.status()).isEqualTo(409);
        assertThat(whileVerified.contentType()).startsWith("application/problem+json");
        assertThat(whileVerified.json().get("code").asText()).isEqualTo("ACCOUNT_VERIFIED");
        assertThat(jdbc.queryForObject("select count(*) from document_page where account_id in (?, ?)", Integer.class,
                pendingAccount, verifiedAccount)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from account where id in (?, ?) and erased_at is null",
                Integer.class, pendingAccount, verifiedAccount)).isEqualTo(2);
        assertThat(console().delete("/api/accounts/no-such-account").status()).isEqualTo(404);
    }
}
