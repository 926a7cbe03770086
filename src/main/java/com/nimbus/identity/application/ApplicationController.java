package com.nimbus.identity.application;

import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/accounts/{accountId}/verification-applications")
@Tag(name = "Verification applications", description = "Submit, follow and withdraw an account's applications")
class ApplicationController {

    private static final String APPLICATION_EXAMPLE = """
            {"applicationId": "9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f", "kind": "INITIAL", "identityType": "INDIVIDUAL",
             "status": "REJECTED", "reasons": [{"code": "NAME_MISMATCH",
             "message": "The name entered does not match the name on the document."}],
             "submittedAt": "2025-07-01T09:00:00Z", "decidedAt": "2025-07-02T10:15:00Z"}""";

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    record Submitted(String applicationId, ApplicationKind kind, ApplicationStatus status) {
    }

    record Withdrawn(ApplicationStatus status) {
    }

    record Resubmitted(String applicationId, ApplicationStatus status) {
    }

    record ApplicationView(String applicationId, ApplicationKind kind, IdentityType identityType,
                           ApplicationStatus status, List<Reason> reasons, Instant submittedAt, Instant decidedAt) {

        static ApplicationView of(VerificationApplication a) {
            return new ApplicationView(a.getId(), a.getKind(), a.getIdentityType(), a.getStatus(), a.getReasons(),
                    a.getSubmittedAt(), a.getDecidedAt());
        }
    }

    /**
     * Multipart: part {@code application} (JSON) and one to four parts {@code document} (each a JPEG, PNG or PDF of at
     * most 10 MiB; four pages in all).
     */
    @Operation(operationId = "submitApplication", summary = "Submit an application",
            description = "`kind` is `INITIAL` for an unverified account, `CHANGE` for a verified one (R7). The automated "
                    + "checks run next (`SUBMITTED`), then a reviewer decides (`IN_REVIEW`); the issuing region is the "
                    + "account's registration region. The document is one to four `document` parts (the front and back "
                    + "of a card, the pages of a license), each a JPEG, PNG or PDF of at most 10 MiB, told by its bytes; "
                    + "a PDF counts its pages, four pages in all. Bad input stores nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(ref = "#/components/schemas/Submission"),
                    encoding = {@Encoding(name = "application", contentType = MediaType.APPLICATION_JSON_VALUE),
                            @Encoding(name = "document", contentType = "image/jpeg, image/png, application/pdf")})))
    @ApiResponse(responseCode = "202", description = "Accepted: the automated checks run next",
            headers = @Header(name = "Location", description = "The application",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = Submitted.class), examples = @ExampleObject("""
                    {"applicationId": "9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f", "kind": "INITIAL", "status": "SUBMITTED"}""")))
    @ProblemResponses({"VALIDATION_FAILED", "ACCOUNT_NOT_FOUND", "APPLICATION_PENDING", "CHANGE_LOCKED",
            "DOCUMENT_TOO_LARGE", "DOCUMENT_TYPE_UNSUPPORTED", "MEDIA_TYPE_UNSUPPORTED", "DOCUMENT_STORE_UNAVAILABLE"})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Submitted> submit(@PathVariable String accountId,
                                     @Parameter(hidden = true) @RequestParam("application") String application,
                                     @Parameter(hidden = true) @RequestParam("document") List<MultipartFile> documents)
            throws IOException {
        byte[][] parts = new byte[documents.size()][];
        if (parts.length <= DocumentPages.MAX_PAGES) { // more parts are refused unread
            for (int i = 0; i < parts.length; i++) {
                parts[i] = documents.get(i).getBytes();
            }
        }
        VerificationApplication submitted = applications.submit(accountId, application, parts);
        return ResponseEntity.accepted()
                .location(URI.create("/api/accounts/" + accountId + "/verification-applications/" + submitted.getId()))
                .body(new Submitted(submitted.getId(), submitted.getKind(), submitted.getStatus()));
    }

    /** Multipart: one to four parts {@code document}, as at submission. */
    @Operation(operationId = "replaceDocument", summary = "Send new pages of the document a reviewer asked for",
            description = "Only while the application is `PHOTO_REQUESTED` (a reviewer asked for new photos; the reasons "
                    + "are in the application's `reasons`). The new pages replace every old page, which is deleted; the "
                    + "automated checks run again (`SUBMITTED`) and the review continues with the reviewer who asked. "
                    + "The parts are checked as at submission: one to four `document` parts, each a JPEG, PNG or PDF of "
                    + "at most 10 MiB, four pages in all. Bad input, or an application that is not waiting, changes "
                    + "nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(ref = "#/components/schemas/DocumentReplacement"),
                    encoding = @Encoding(name = "document", contentType = "image/jpeg, image/png, application/pdf"))))
    @ApiResponse(responseCode = "202", description = "Accepted: the automated checks run again",
            content = @Content(schema = @Schema(implementation = Resubmitted.class), examples = @ExampleObject("""
                    {"applicationId": "9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f", "status": "SUBMITTED"}""")))
    @ProblemResponses({"VALIDATION_FAILED", "ACCOUNT_NOT_FOUND", "APPLICATION_NOT_FOUND", "APPLICATION_NOT_WAITING",
            "DOCUMENT_TOO_LARGE", "DOCUMENT_TYPE_UNSUPPORTED", "MEDIA_TYPE_UNSUPPORTED", "DOCUMENT_STORE_UNAVAILABLE"})
    @PutMapping(path = "/{applicationId}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Resubmitted> replaceDocument(@PathVariable String accountId, @PathVariable String applicationId,
                                                @Parameter(hidden = true) @RequestParam("document")
                                                List<MultipartFile> documents) throws IOException {
        VerificationApplication replaced = applications.replaceDocument(accountId, applicationId, read(documents));
        return ResponseEntity.accepted().body(new Resubmitted(replaced.getId(), replaced.getStatus()));
    }

    private static byte[][] read(List<MultipartFile> documents) throws IOException {
        byte[][] parts = new byte[documents.size()][];
        if (parts.length <= DocumentPages.MAX_PAGES) { // more parts are refused unread
            for (int i = 0; i < parts.length; i++) {
                parts[i] = documents.get(i).getBytes();
            }
        }
        return parts;
    }

    @Operation(operationId = "listApplications", summary = "The account's applications, newest first")
    @ApiResponse(responseCode = "200", description = "The applications",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ApplicationView.class)),
                    examples = @ExampleObject("[" + APPLICATION_EXAMPLE + "]")))
    @ProblemResponses("ACCOUNT_NOT_FOUND")
    @GetMapping
    List<ApplicationView> list(@PathVariable String accountId) {
        return applications.list(accountId).stream().map(ApplicationView::of).toList();
    }

    @Operation(operationId = "getApplication", summary = "One application: its status and, once rejected, the reasons (R6)")
    @ApiResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationView.class),
                    examples = @ExampleObject(APPLICATION_EXAMPLE)))
    @ProblemResponses({"ACCOUNT_NOT_FOUND", "APPLICATION_NOT_FOUND"})
    @GetMapping("/{applicationId}")
    ApplicationView get(@PathVariable String accountId, @PathVariable String applicationId) {
        return ApplicationView.of(applications.get(accountId, applicationId));
    }

    @Operation(operationId = "withdrawApplication", summary = "Withdraw a pending application (R8)",
            description = "The account stays exactly as it was. Withdrawing a withdrawn application answers the same again.")
    @ApiResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = Withdrawn.class), examples = @ExampleObject("""
                    {"status": "WITHDRAWN"}""")))
    @ProblemResponses({"ACCOUNT_NOT_FOUND", "APPLICATION_NOT_FOUND", "APPLICATION_DECIDED"})
    @PostMapping("/{applicationId}/withdrawal")
    Withdrawn withdraw(@PathVariable String accountId, @PathVariable String applicationId) {
        return new Withdrawn(applications.withdraw(accountId, applicationId).getStatus());
    }
}
