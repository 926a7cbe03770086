package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.security.CryptoProperties;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

/**
 * The embedded default runs on H2: the migrations (V30 among them), the CSV import's upsert, the database
 * registry's queries and the sweep's keyset query work there too.
 */
class RegistryOnH2Test {

    private static final String KEY = "ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";
    private static JdbcTemplate jdbc;
    private static FieldCipher cipher;

    @BeforeAll
    static void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:recheck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        cipher = new FieldCipher(new CryptoProperties(KEY));
    }

    @Test
    void theImportInsertsThenUpdatesAndTheRegistryAnswers() {
        RegistryImport imports = new RegistryImport(jdbc, Clock.systemUTC(),
                new RegistryImportProperties(DataSize.ofMegabytes(32), 200_000, 1000));
        ImportReport first = imports.importCsv(new StringReader(
                "region,registration_number,name,registered_address,status\n"
                        + "CN,91110105MA00000001,Nimbus Cloud Ltd.,1 Jianguo Road,ACTIVE\n"
                        + "CN,91110105MA00000002,Nimbus Edge Ltd.,8 Harbour Road,ACTIVE\n"
                        + "CN,91110105MA00000003,Nimbus Labs Ltd.,9 Road,CLOSED\n"));
        ImportReport second = imports.importCsv(new StringReader(
                "region,registration_number,name,registered_address,status\n"
                        + "CN,91110105MA00000002,Nimbus Edge Ltd.,8 Harbour Road,DISSOLVED\n"));

        assertThat(first.inserted()).isEqualTo(2);
        assertThat(first.rejected()).containsExactly(
                new ImportReport.RejectedRow(4, "unknown status 'CLOSED': expected ACTIVE or DISSOLVED"));
        assertThat(second.updated()).isEqualTo(1);
        DatabaseEnterpriseRegistry registry = new DatabaseEnterpriseRegistry(jdbc);
        assertThat(registry.lookup("CN", "91110105MA00000001"))
                .isEqualTo(RegistryAnswer.found("Nimbus Cloud Ltd.", "1 Jianguo Road", EnterpriseStatus.ACTIVE));
        Map<String, RegistryAnswer> answers = registry.lookupAll("CN",
                List.of("91110105MA00000002", "91110105MA00000009"));
        assertThat(answers).containsEntry("91110105MA00000002",
                RegistryAnswer.found("Nimbus Edge Ltd.", "8 Harbour Road", EnterpriseStatus.DISSOLVED));
        assertThat(answers).containsEntry("91110105MA00000009", RegistryAnswer.notFound());
    }

    @Test
    void aFileOverTheRowLimitIsRefusedWholeAndImportsNothing() {
        RegistryImport imports = new RegistryImport(jdbc, Clock.systemUTC(),
                new RegistryImportProperties(DataSize.ofMegabytes(32), 2, 1000));
        String csv = "region,registration_number,name,registered_address,status\n"
                + "CN,91110105MA00000101,One Ltd.,1 Road,ACTIVE\n"
                + "CN,91110105MA00000102,Two Ltd.,2 Road,ACTIVE\n"
                + "CN,91110105MA00000103,Three Ltd.,3 Road,ACTIVE\n";

        assertThatThrownBy(() -> imports.importCsv(new StringReader(csv)))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors().get(0).message())
                        .isEqualTo("has more than 2 rows: split the registry into several files"));
    }

    @Test
    void anUploadOverTheSizeLimitStopsAsItIsRead() throws Exception {
        byte[] file = ("region,registration_number,name,registered_address,status\n"
                + "CN,91110105MA00000201,One Ltd.,1 Road,ACTIVE\n").getBytes(StandardCharsets.UTF_8);
        InputStream limited = new SizeLimitedInputStream(new ByteArrayInputStream(file), DataSize.ofBytes(40));

        assertThatThrownBy(() -> limited.readAllBytes()).isInstanceOfSatisfying(ImportTooLarge.class,
                e -> assertThat(e.code()).isEqualTo("IMPORT_TOO_LARGE"));
        assertThat(new SizeLimitedInputStream(new ByteArrayInputStream(file), DataSize.ofBytes(file.length))
                .readAllBytes()).isEqualTo(file);
    }

    @Test
    void theSweepPagesThroughEnterpriseVerifiedAccountsInIdOrder() {
        List<String> ids = List.of("h2-account-1", "h2-account-2", "h2-account-3");
        ids.forEach(id -> verifiedEnterprise(id, "91110105MA0000000" + id.charAt(id.length() - 1)));
        jdbc.update("insert into enterprise_registry_entry values ('CN', '91110105MA00000007', 'Nimbus Cloud Ltd.', "
                + "'1 Jianguo Road', 'ACTIVE', ?)", Timestamp.from(Instant.now()));
        EnterpriseRecheckService service = new EnterpriseRecheckService(jdbc, new DatabaseEnterpriseRegistry(jdbc),
                null, null, cipher, Clock.systemUTC(), new RecheckProperties("0 0 2 * * ?", 2, "database", null), null, null);

        EnterpriseRecheckService.Page first = service.nextPage(null);
        EnterpriseRecheckService.Page second = service.nextPage(first.lastAccountId());
        EnterpriseRecheckService.Page third = service.nextPage(second.lastAccountId());

        assertThat(first).isEqualTo(new EnterpriseRecheckService.Page("h2-account-1", "h2-account-2", 2));
        assertThat(second).isEqualTo(new EnterpriseRecheckService.Page("h2-account-3", "h2-account-3", 1));
        assertThat(third.isEmpty()).isTrue();
        jdbc.update("update verification_application set document_number_enc = ? where account_id = 'h2-account-3'",
                cipher.encryptText("91110105MA00000007", "h2-account-3-application"));
        assertThat(service.recheck("h2-account-3", "h2-account-3").accountsChecked()).isEqualTo(1);
    }

    private static void verifiedEnterprise(String accountId, String number) {
        String applicationId = accountId + "-application";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into account (id, email, phone, registration_region, language, status, created_at, version) "
                + "values (?, 'h@example.com', '+8613800138000', 'CN', 'en', 'UNVERIFIED', ?, 0)", accountId, now);
        jdbc.update("insert into verification_application (id, account_id, kind, identity_type, status, region, "
                + "holder_name, holder_address, document_type, document_number_enc, document_number_masked, "
                + "identity_key, submitted_at, decided_at, version) values (?, ?, 'INITIAL', 'ENTERPRISE', 'APPROVED', "
                + "'CN', 'Nimbus Cloud Ltd.', '1 Jianguo Road', 'BUSINESS_LICENSE', ?, '****', ?, ?, ?, 0)",
                applicationId, accountId, cipher.encryptText(number, applicationId), "CN:ENTERPRISE:" + number, now, now);
        jdbc.update("update account set status = 'VERIFIED', identity_type = 'ENTERPRISE', verified_application_id = ?, "
                + "identity_key = ?, verified_name = 'Nimbus Cloud Ltd.' where id = ?",
                applicationId, "CN:ENTERPRISE:" + number, accountId);
    }
}
