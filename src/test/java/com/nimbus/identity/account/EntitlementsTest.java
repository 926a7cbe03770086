package com.nimbus.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.account.Entitlements.Entitlement;
import com.nimbus.identity.account.Entitlements.Grant;
import com.nimbus.identity.vocabulary.IdentityType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** R10, rule by rule. */
class EntitlementsTest {

    private final Entitlements entitlements = new Entitlements(new EntitlementsProperties(List.of("ap-guangzhou", "AP-Beijing ")));

    private static Account account(IdentityType verifiedAs, String name) {
        Account account = new Account("a@example.com", "+8613800138000", "CN", "en", Instant.now());
        if (verifiedAs != null) {
            account.verify(verifiedAs, "app-1", "CN:key", name, "****1234", Instant.now());
        }
        return account;
    }

    private Map<Entitlement, Grant> grants(Account account, String region, String icpEntityName) {
        return entitlements.of(account, region, icpEntityName).entitlements().stream()
                .collect(Collectors.toMap(Grant::entitlement, Function.identity()));
    }

    @Test
    void anUnverifiedAccountBuysNothingInMainlandChinaButMayElsewhere() {
        Map<Entitlement, Grant> mainland = grants(account(null, null), "ap-guangzhou", null);
        assertThat(entitlements.of(account(null, null), "ap-beijing", null).mainlandChina()).isTrue();
        assertThat(mainland.get(Entitlement.PURCHASE).allowed()).isFalse();
        assertThat(mainland.get(Entitlement.PURCHASE).reason()).contains("verified account");
        assertThat(mainland.values()).noneMatch(Grant::allowed);

        Map<Entitlement, Grant> abroad = grants(account(null, null), "ap-singapore", null);
        assertThat(abroad.get(Entitlement.PURCHASE).allowed()).isTrue();
        assertThat(abroad.get(Entitlement.INDIVIDUAL_RESOURCES).allowed()).isFalse();
        assertThat(abroad.get(Entitlement.ORGANISATION_RESOURCES).allowed()).isFalse();
    }

    @Test
    void anIndividualBuysIndividualResourcesButNotOrganisationsOnesAndGetsNoVatInvoice() {
        Map<Entitlement, Grant> grants = grants(account(IdentityType.INDIVIDUAL, "Wang Xiaoming"), "ap-guangzhou", null);
        assertThat(grants.get(Entitlement.PURCHASE).allowed()).isTrue();
        assertThat(grants.get(Entitlement.INDIVIDUAL_RESOURCES).allowed()).isTrue();
        assertThat(grants.get(Entitlement.ORGANISATION_RESOURCES).allowed()).isFalse();
        assertThat(grants.get(Entitlement.ORGANISATION_RESOURCES).reason()).contains("enterprise-verified");
        assertThat(grants.get(Entitlement.VAT_INVOICE).allowed()).isFalse();
    }

    @Test
    void anEnterpriseIsTheReverse() {
        Map<Entitlement, Grant> grants = grants(account(IdentityType.ENTERPRISE, "Example Co., Ltd."), "ap-singapore", null);
        assertThat(grants.get(Entitlement.INDIVIDUAL_RESOURCES).allowed()).isFalse();
        assertThat(grants.get(Entitlement.ORGANISATION_RESOURCES).allowed()).isTrue();
        assertThat(grants.get(Entitlement.VAT_INVOICE).allowed()).isTrue();
        assertThat(grants.get(Entitlement.ICP_FILING).allowed()).isFalse();
    }

    @Test
    void anIcpFilingNeedsTheVerifiedNameToEqualTheFilingEntitysName() {
        Account enterprise = account(IdentityType.ENTERPRISE, "Example Co., Ltd.");
        assertThat(grants(enterprise, "ap-guangzhou", null).get(Entitlement.ICP_FILING).allowed()).isTrue();
        assertThat(grants(enterprise, "ap-guangzhou", "ＥＸＡＭＰＬＥ Co., Ltd.").get(Entitlement.ICP_FILING).allowed()).isTrue();
        assertThat(grants(enterprise, "ap-guangzhou", "EXAMPLE CO LTD").get(Entitlement.ICP_FILING).allowed()).isTrue();
        Grant other = grants(enterprise, "ap-guangzhou", "Example Holdings Ltd.").get(Entitlement.ICP_FILING);
        assertThat(other.allowed()).isFalse();
        assertThat(other.reason()).contains("verified name");
    }

    /** The re-check keeps this verification ("Co., Ltd." equals the registry's "Co Ltd"), so ICP must accept it too. */
    @Test
    void theIcpCheckComparesNamesAsTheRecheckDoes() {
        Account enterprise = account(IdentityType.ENTERPRISE, "Nimbus Cloud Co., Ltd.");
        assertThat(grants(enterprise, "ap-guangzhou", "Nimbus Cloud Co Ltd").get(Entitlement.ICP_FILING).allowed())
                .isTrue();
        assertThat(grants(enterprise, "ap-guangzhou", "Nimbus Cloud Co., Ltd.").get(Entitlement.ICP_FILING).allowed())
                .isTrue();
    }
}
