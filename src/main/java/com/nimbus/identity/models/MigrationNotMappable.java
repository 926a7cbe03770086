package com.nimbus.identity.models;

import com.nimbus.identity.vocabulary.DomainException;
import java.util.List;
import java.util.Map;

/**
 * {@code MIGRATION_NOT_MAPPABLE}: some waiting instances wait in activities the newest version does not have (or the
 * engine refuses the mapping); nothing was migrated. The plan lists them.
 */
public class MigrationNotMappable extends DomainException {

    public MigrationNotMappable(String processDefinitionKey, List<String> unmappedActivities, List<String> problems) {
        super(Category.CONFLICT, "MIGRATION_NOT_MAPPABLE", "Instances of " + processDefinitionKey
                + " wait where the newest version cannot take them; nothing was migrated.",
                Map.of("unmappedActivities", List.copyOf(unmappedActivities), "problems", List.copyOf(problems)));
    }
}
