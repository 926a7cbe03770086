package com.nimbus.identity.document.page;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Accounts and applications written straight into the application's tables, for tests of the page tables without
 * the application's services: a page belongs to an application of an account.
 */
final class PageTables {

    private PageTables() {
    }

    /** A fresh in-memory H2 database (the embedded default's dialect), migrated by the SQL migrations. */
    static DriverManagerDataSource h2(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    static String account(JdbcTemplate jdbc) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into account (id, email, phone, registration_region, language, status, created_at, version) "
                + "values (?, 'holder@example.com', '+8613800138000', 'CN', 'en', 'UNVERIFIED', ?, 0)", id,
                Timestamp.from(Instant.now()));
        return id;
    }

    /** A decided (rejected) application of the account, so that any number of them may exist. */
    static String application(JdbcTemplate jdbc, String accountId) {
        return applications(jdbc, accountId, 1).get(0);
    }

    static List<String> applications(JdbcTemplate jdbc, String accountId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        jdbc.batchUpdate("insert into verification_application (id, account_id, kind, identity_type, status, region, "
                + "holder_name, holder_address, document_type, document_number_enc, document_number_masked, identity_key, "
                + "submitted_at, version) values (?, ?, 'INITIAL', 'INDIVIDUAL', 'REJECTED', 'CN', 'Holder', 'Street', "
                + "'PASSPORT', 'sealed', '*****5678', 'CN:PASSPORT:key', ?, 0)", ids, ids.size(), (ps, id) -> {
                    ps.setString(1, id);
                    ps.setString(2, accountId);
                    ps.setTimestamp(3, Timestamp.from(Instant.now()));
                });
        return ids;
    }

    static JdbcTemplate jdbc(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }
}
