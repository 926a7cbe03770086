package com.nimbus.identity.recheck;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry kept in the application's database ({@code enterprise_registry_entry}), loaded by CSV import
 * ({@link RegistryImport}). Asks for a whole page of numbers in one query.
 */
@Component
@ConditionalOnProperty(name = "identity.recheck.registry", havingValue = "database", matchIfMissing = true)
class DatabaseEnterpriseRegistry implements EnterpriseRegistry {

    private final JdbcTemplate jdbc;

    DatabaseEnterpriseRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RegistryAnswer lookup(String region, String normalisedRegistrationNumber) {
        return lookupAll(region, List.of(normalisedRegistrationNumber)).get(normalisedRegistrationNumber);
    }

    @Override
    public Map<String, RegistryAnswer> lookupAll(String region, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(",", Collections.nCopies(numbers.size(), "?"));
        Object[] args = new Object[numbers.size() + 1];
        args[0] = region;
        int i = 1;
        for (String number : numbers) {
            args[i++] = number;
        }
        Map<String, RegistryAnswer> answers = new HashMap<>();
        try {
            jdbc.query("select registration_number, name, registered_address, status from enterprise_registry_entry "
                    + "where region = ? and registration_number in (" + placeholders + ")", rs -> {
                answers.put(rs.getString(1), RegistryAnswer.found(rs.getString(2), rs.getString(3),
                        EnterpriseStatus.valueOf(rs.getString(4))));
            }, args);
        } catch (DataAccessException e) {
            throw new RegistryUnavailableException("the enterprise registry table could not be read", e);
        }
        for (String number : numbers) {
            answers.putIfAbsent(number, RegistryAnswer.notFound());
        }
        return answers;
    }
}
