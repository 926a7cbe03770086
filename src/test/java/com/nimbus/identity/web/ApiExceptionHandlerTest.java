package com.nimbus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.account.AccountNotFound;
import com.nimbus.identity.account.ChangeLocked;
import com.nimbus.identity.application.ApplicationDecided;
import com.nimbus.identity.application.ApplicationNotFound;
import com.nimbus.identity.application.ApplicationPending;
import com.nimbus.identity.application.ApplicationStatus;
import com.nimbus.identity.document.DocumentTooLarge;
import com.nimbus.identity.document.DocumentTypeUnsupported;
import com.nimbus.identity.document.store.DocumentStoreUnavailable;
import com.nimbus.identity.vocabulary.DomainException;
import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The web edge turns each domain failure into the status and problem body clients rely on. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    private ProblemDetail problem(DomainException e, HttpStatus expected) {
        ResponseEntity<ProblemDetail> response = handler.domain(e);
        assertThat(response.getStatusCode()).isEqualTo(expected);
        ProblemDetail body = response.getBody();
        assertThat(body.getStatus()).isEqualTo(expected.value());
        assertThat(body.getTitle()).isEqualTo(expected.getReasonPhrase());
        assertThat(body.getDetail()).isEqualTo(e.getMessage());
        assertThat(body.getProperties()).containsEntry("code", e.code());
        return body;
    }

    @Test
    void everyCategoryHasItsStatus() {
        for (DomainException.Category category : DomainException.Category.values()) {
            assertThat(ApiExceptionHandler.status(category)).isNotNull();
        }
        assertThat(ApiExceptionHandler.status(DomainException.Category.INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void notFoundIs404WithItsCode() {
        assertThat(problem(new AccountNotFound("a-1"), HttpStatus.NOT_FOUND).getProperties())
                .containsEntry("code", "ACCOUNT_NOT_FOUND");
        assertThat(problem(new ApplicationNotFound("a-1", "x-1"), HttpStatus.NOT_FOUND).getProperties())
                .containsEntry("code", "APPLICATION_NOT_FOUND");
    }

    @Test
    void conflictsAre409WithWhatTheClientNeeds() {
        Instant until = Instant.parse("2030-01-31T00:00:00Z");
        assertThat(problem(new ChangeLocked(until), HttpStatus.CONFLICT).getProperties())
                .containsEntry("code", "CHANGE_LOCKED").containsEntry("lockedUntil", "2030-01-31T00:00:00Z");
        assertThat(problem(new ApplicationPending("x-1"), HttpStatus.CONFLICT).getProperties())
                .containsEntry("code", "APPLICATION_PENDING").containsEntry("pendingApplicationId", "x-1");
        assertThat(problem(ApplicationPending.concurrently(), HttpStatus.CONFLICT).getProperties())
                .containsOnlyKeys("code");
        assertThat(problem(new ApplicationDecided(ApplicationStatus.APPROVED), HttpStatus.CONFLICT).getProperties())
                .containsEntry("code", "APPLICATION_DECIDED").containsEntry("applicationStatus", "APPROVED")
                .as("the problem's own status is the HTTP status").doesNotContainKey("status");
    }

    @Test
    void documentFailuresAre413And415() {
        problem(new DocumentTooLarge(), HttpStatus.PAYLOAD_TOO_LARGE);
        problem(new DocumentTypeUnsupported(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anUnreachableDocumentStoreIs503() {
        assertThat(problem(new DocumentStoreUnavailable("writing x", new java.io.IOException("refused")),
                HttpStatus.SERVICE_UNAVAILABLE).getProperties()).containsOnly(Map.entry("code", "DOCUMENT_STORE_UNAVAILABLE"));
    }

    @Test
    void validationIs400WithOneEntryPerField() {
        ProblemDetail body = problem(new ValidationFailed(List.of(new FieldError("fullName", "is required"),
                new FieldError("documentType", "must be one of ..."))), HttpStatus.BAD_REQUEST);
        assertThat(body.getProperties()).containsEntry("code", "VALIDATION_FAILED");
        assertThat(body.getProperties().get("errors")).isEqualTo(List.of(
                new FieldError("fullName", "is required"), new FieldError("documentType", "must be one of ...")));
    }

    @Test
    void anOversizedUploadIsDocumentTooLarge() {
        ResponseEntity<ProblemDetail> response = handler.tooLarge(
                new org.springframework.web.multipart.MaxUploadSizeExceededException(11L * 1024 * 1024));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().getProperties()).isEqualTo(Map.of("code", DocumentTooLarge.CODE));
    }

    @Test
    void theDatabaseOutOfReachIs503ToRetryAndAnyOtherFailure500() {
        org.springframework.mock.web.MockHttpServletRequest request =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/accounts");
        List<Exception> outages = List.of(
                new org.springframework.jdbc.CannotGetJdbcConnectionException("pool",
                        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new org.springframework.transaction.CannotCreateTransactionException("no connection",
                        new java.sql.SQLException("Connection refused", "08001")),
                // the database restarted within the request: its rollback fails on the closed connection
                new org.springframework.orm.jpa.JpaSystemException(new org.hibernate.TransactionException(
                        "Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection is closed"))),
                // the engine wraps it its own way
                new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03004",
                        new org.apache.ibatis.exceptions.PersistenceException(
                                new java.sql.SQLException("terminating connection due to administrator command", "57P01"))));
        for (Exception outage : outages) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(outage, request);
            assertThat(answer.getStatusCode()).as(outage.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        }
        ResponseEntity<ProblemDetail> other = handler.unexpected(
                new org.springframework.dao.DataIntegrityViolationException("duplicate", new java.sql.SQLException("dup", "23505")),
                request);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
