package com.nimbus.identity.recheck;

import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/enterprise-registry/imports} (group {@code process-owners}): loads the database registry
 * from CSV (UTF-8), sent as the request body ({@code text/csv}) or as the part {@code file} of a
 * {@code multipart/form-data} upload. Answers 200 with the {@link ImportReport}.
 */
@RestController
@RequestMapping("/api/enterprise-registry/imports")
@Tag(name = "Enterprise re-check")
class EnterpriseRegistryController {

    /** The multipart form of an import, for the API's description. */
    @Schema(name = "RegistryCsvUpload")
    record CsvUpload(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
                     String file) {
    }

    private final RegistryImport imports;
    private final DataSize maxSize;

    EnterpriseRegistryController(RegistryImport imports, RegistryImportProperties limits) {
        this.imports = imports;
        this.maxSize = limits.maxSize();
    }

    @Operation(operationId = "importEnterpriseRegistry", summary = "Load the database registry from CSV",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject("""
                            region,registration_number,name,registered_address,status
                            CN,91110108MA01ABCD2X,Beijing Example Technology Co. Ltd.,"8 Zhongguancun Street, Beijing",ACTIVE
                            """)),
                    @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
                    @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = CsvUpload.class))}),
            description = "UTF-8 CSV with the columns `region,registration_number,name,registered_address,status` "
                    + "(status `ACTIVE` or `DISSOLVED`), as the body or as the part `file`. Good rows are inserted or "
                    + "updated; the answer lists the rejected rows by line. A file over "
                    + "`identity.recheck.import.max-size` (32 MB), with more rows than `max-rows` (200,000) or a field "
                    + "longer than `max-field-length` (1,000 characters) is refused whole. Group `process-owners`.")
    @ApiResponse(responseCode = "200", description = "What the import did", content = @Content(
            schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject("""
            {"rowsRead": 3, "inserted": 1, "updated": 1, "rejectedCount": 1,
             "rejected": [{"line": 4, "reason": "unknown status 'CLOSED': expected ACTIVE or DISSOLVED"}],
             "rejectedListTruncated": false}""")))
    @ProblemResponses({"VALIDATION_FAILED", "IMPORT_TOO_LARGE", "MEDIA_TYPE_UNSUPPORTED"})
    @PostMapping(consumes = {"text/csv", "text/plain"})
    ImportReport importBody(InputStream body, HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxSize.toBytes()) {
            throw new ImportTooLarge(maxSize);
        }
        try (Reader reader = new InputStreamReader(new SizeLimitedInputStream(body, maxSize), StandardCharsets.UTF_8)) {
            return imports.importCsv(reader);
        }
    }

    @Operation(hidden = true)
    @PostMapping(consumes = "multipart/form-data")
    ImportReport importFile(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > maxSize.toBytes()) {
            throw new ImportTooLarge(maxSize);
        }
        try (Reader reader = new InputStreamReader(new SizeLimitedInputStream(file.getInputStream(), maxSize),
                StandardCharsets.UTF_8)) {
            return imports.importCsv(reader);
        }
    }
}
