package com.nimbus.identity.recheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.PostMapping;
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
class EnterpriseRegistryController {

    private final RegistryImport imports;

    EnterpriseRegistryController(RegistryImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    ImportReport importBody(InputStream body) throws IOException {
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            return imports.importCsv(reader);
        }
    }

    @PostMapping(consumes = "multipart/form-data")
    ImportReport importFile(@RequestParam("file") MultipartFile file) throws IOException {
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return imports.importCsv(reader);
        }
    }
}
