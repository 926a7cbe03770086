package com.nimbus.identity.quota;

import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.RuleTables;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * R4's limits, from the decision table {@code identity-quota} that process owners change: by identity type
 * (1 individual, 5 enterprise today) unless a row for the identity's quota key grants more (or fewer). The key, not
 * the registration number, is the table's input: it is what the engine keeps in its decision history.
 */
@Component
public class IdentityQuotaTable {

    static final String IDENTITY_TYPE = "identityType";
    static final String QUOTA_KEY = "quotaKey";
    static final String ACCOUNTS_PER_IDENTITY = "accountsPerIdentity";

    private final RuleTables tables;

    public IdentityQuotaTable(RuleTables tables) {
        this.tables = tables;
    }

    /** How many accounts the identity may verify at the same time, by the table in force now. */
    public int accountsPerIdentity(IdentityType type, String quotaKey) {
        Object limit = tables.decide(Workflow.TABLE_IDENTITY_QUOTA,
                Map.of(IDENTITY_TYPE, type.name(), QUOTA_KEY, quotaKey)).get(ACCOUNTS_PER_IDENTITY);
        if (!(limit instanceof Number number) || number.intValue() < 0) {
            throw new IllegalStateException("The decision table " + Workflow.TABLE_IDENTITY_QUOTA
                    + " gives no accountsPerIdentity of 0 or more for " + type + ": deploy a version that does");
        }
        return number.intValue();
    }
}
