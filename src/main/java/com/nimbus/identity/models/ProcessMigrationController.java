package com.nimbus.identity.models;

import com.nimbus.identity.vocabulary.ValidationFailed;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/process-migrations/plan} (dry run) and {@code POST /api/process-migrations} (run it as batches),
 * group {@code process-owners}: waiting instances of a process move to its newest version ({@link ProcessMigrations}).
 */
@RestController
@RequestMapping("/api/process-migrations")
@Tag(name = "Process migrations", description = "For process owners: move waiting instances to the newest version")
class ProcessMigrationController {

    @Schema(name = "ProcessMigrationRequest")
    record Request(String processDefinitionKey) {
    }

    private final ProcessMigrations migrations;

    ProcessMigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @Operation(operationId = "planProcessMigration", summary = "Dry run: what moving the waiting instances would do",
            description = "Maps every activity of each older version with instances to the activity with the same id "
                    + "in the newest version, and lists the activities where instances wait that it cannot map. "
                    + "Changes nothing. Group `process-owners`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject("{\"processDefinitionKey\": \"identity-decision\"}"))))
    @ApiResponse(responseCode = "200", description = "The plan", content = @Content(
            schema = @Schema(implementation = ProcessMigrations.Plan.class), examples = @ExampleObject("""
            {"processDefinitionKey": "identity-decision", "targetProcessDefinitionId": "identity-decision:3:41a7",
             "targetVersion": 3, "instances": 12, "executable": false,
             "fromVersions": [{"sourceProcessDefinitionId": "identity-decision:2:20c1", "sourceVersion": 2,
               "instances": 12, "instructions": [{"sourceActivityIds": ["Activity_ReviewApplication"],
               "targetActivityIds": ["Activity_ReviewApplication"]}],
               "unmapped": [{"activityId": "Event_ChangeLockExpires", "instances": 4}], "problems": []}]}""")))
    @ProblemResponses({"VALIDATION_FAILED", "PROCESS_NOT_FOUND", "MEDIA_TYPE_UNSUPPORTED"})
    @PostMapping("/plan")
    ProcessMigrations.Plan plan(@RequestBody(required = false) Request request) {
        return migrations.plan(key(request));
    }

    @Operation(operationId = "startProcessMigration", summary = "Move the waiting instances to the newest version",
            description = "Runs the plan of the dry run as one batch per older version (Cockpit shows the batches). "
                    + "Refused with `MIGRATION_NOT_MAPPABLE`, migrating nothing, while instances wait in activities "
                    + "the newest version cannot take. Group `process-owners`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject("{\"processDefinitionKey\": \"identity-decision\"}"))))
    @ApiResponse(responseCode = "202", description = "Batches started", content = @Content(
            schema = @Schema(implementation = ProcessMigrations.Started.class), examples = @ExampleObject("""
            {"processDefinitionKey": "identity-decision", "targetProcessDefinitionId": "identity-decision:3:41a7",
             "targetVersion": 3, "instances": 12,
             "batches": [{"batchId": "5d0c2e6a-7b1f-11f0-9a3b-0242ac120002", "sourceVersion": 2, "instances": 12}]}""")))
    @ProblemResponses({"VALIDATION_FAILED", "PROCESS_NOT_FOUND", "MIGRATION_NOT_MAPPABLE", "MEDIA_TYPE_UNSUPPORTED"})
    @PostMapping
    ResponseEntity<ProcessMigrations.Started> migrate(@RequestBody(required = false) Request request,
                                                      Principal caller) {
        return ResponseEntity.accepted().body(migrations.migrate(key(request), caller.getName()));
    }

    private static String key(Request request) {
        if (request == null || request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
            throw ValidationFailed.of("processDefinitionKey", "is required, e.g. identity-decision");
        }
        return request.processDefinitionKey().strip();
    }
}
