package com.nimbus.identity.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.workflow.RuleTableGap;
import org.junit.jupiter.api.Test;

/** Every row of the decision table identity-quota (processes/identity-quota.dmn), and an override as owners add one. */
class IdentityQuotaTableTest {

    static final String GRANTED = "CN:ENTERPRISE:granted-by-account-manager";

    /** The shipped table with a row on top granting one enterprise 10 accounts, as a process owner adds it. */
    static String withOverride(String quotaKey, int accounts) {
        return ModelRuleTables.text("identity-quota").replace("      <rule id=\"Rule_Individual\">", """
                      <rule id="Rule_Override">
                        <inputEntry id="InputEntry_Override_Type"><text>"ENTERPRISE"</text></inputEntry>
                        <inputEntry id="InputEntry_Override_Key"><text>"%s"</text></inputEntry>
                        <outputEntry id="OutputEntry_Override"><text>%d</text></outputEntry>
                      </rule>
                      <rule id="Rule_Individual">""".formatted(quotaKey, accounts));
    }

    private final IdentityQuotaTable shipped = new IdentityQuotaTable(ModelRuleTables.shipped());

    @Test
    void rowIndividualOneDocumentVerifiesOneAccount() {
        assertThat(shipped.accountsPerIdentity(IdentityType.INDIVIDUAL, "CN:INDIVIDUAL:ID_CARD:abc")).isEqualTo(1);
    }

    @Test
    void rowEnterpriseOneEnterpriseVerifiesFiveAccounts() {
        assertThat(shipped.accountsPerIdentity(IdentityType.ENTERPRISE, "CN:ENTERPRISE:abc")).isEqualTo(5);
    }

    @Test
    void anOverrideRowGrantsThatEnterpriseAloneMore() {
        IdentityQuotaTable changed = new IdentityQuotaTable(ModelRuleTables.shipped()
                .with("identity-quota", withOverride(GRANTED, 10)));
        assertThat(changed.accountsPerIdentity(IdentityType.ENTERPRISE, GRANTED)).isEqualTo(10);
        assertThat(changed.accountsPerIdentity(IdentityType.ENTERPRISE, "CN:ENTERPRISE:other")).isEqualTo(5);
        assertThat(changed.accountsPerIdentity(IdentityType.INDIVIDUAL, GRANTED)).isEqualTo(1);
    }

    @Test
    void aTableWithoutARowForTheIdentityTypeFailsLoudly() {
        String enterprisesOnly = ModelRuleTables.text("identity-quota")
                .replace("<text>\"INDIVIDUAL\"</text>", "<text>\"NOBODY\"</text>");
        IdentityQuotaTable broken = new IdentityQuotaTable(ModelRuleTables.shipped()
                .with("identity-quota", enterprisesOnly));
        assertThatThrownBy(() -> broken.accountsPerIdentity(IdentityType.INDIVIDUAL, "CN:INDIVIDUAL:ID_CARD:abc"))
                .isInstanceOf(RuleTableGap.class).hasMessageContaining("identity-quota");
    }
}
