package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.TextNormaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * R10: what an account may buy in a cloud region, and why not. Individual-verified accounts may buy resources
 * designated for individuals, not those for organisations, and get no VAT invoices; enterprise-verified
 * accounts the reverse. Purchases in Mainland China regions ({@code identity.entitlements.mainland-china-regions})
 * need a verified account, and an ICP filing needs the verified name to equal the filing entity's name, compared as
 * every name is ({@link TextNormaliser}).
 */
@Component
public class Entitlements {

    public enum Entitlement { PURCHASE, INDIVIDUAL_RESOURCES, ORGANISATION_RESOURCES, VAT_INVOICE, ICP_FILING }

    /** One entitlement: allowed, or the reason it is not. */
    public record Grant(Entitlement entitlement, boolean allowed, String reason) {
        static Grant allow(Entitlement entitlement) {
            return new Grant(entitlement, true, null);
        }

        static Grant deny(Entitlement entitlement, String reason) {
            return new Grant(entitlement, false, reason);
        }
    }

    public record View(String accountId, String region, boolean mainlandChina, List<Grant> entitlements) {
    }

    private final Set<String> mainlandChinaRegions;

    public Entitlements(EntitlementsProperties properties) {
        this.mainlandChinaRegions = properties.mainlandChinaRegions().stream()
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param icpEntityName the entity an ICP filing would be made for; null when not asked
     */
    public View of(Account account, String region, String icpEntityName) {
        boolean mainland = mainlandChinaRegions.contains(region.strip().toLowerCase(Locale.ROOT));
        IdentityType type = account.isVerified() ? account.getIdentityType() : null;
        List<Grant> grants = new ArrayList<>();
        Grant purchase = mainland && type == null
                ? Grant.deny(Entitlement.PURCHASE, "Purchases in Mainland China regions need a verified account.")
                : Grant.allow(Entitlement.PURCHASE);
        grants.add(purchase);
        grants.add(designated(Entitlement.INDIVIDUAL_RESOURCES, IdentityType.INDIVIDUAL, type, purchase,
                "Resources designated for individuals need an individual-verified account."));
        grants.add(designated(Entitlement.ORGANISATION_RESOURCES, IdentityType.ENTERPRISE, type, purchase,
                "Resources designated for organisations need an enterprise-verified account."));
        grants.add(type == IdentityType.ENTERPRISE ? Grant.allow(Entitlement.VAT_INVOICE)
                : Grant.deny(Entitlement.VAT_INVOICE, "VAT invoices are issued to enterprise-verified accounts only."));
        grants.add(icpFiling(account, mainland, type, icpEntityName));
        return new View(account.getId(), region, mainland, grants);
    }

    private static Grant designated(Entitlement entitlement, IdentityType needed, IdentityType actual, Grant purchase,
                                    String reason) {
        if (!purchase.allowed()) {
            return Grant.deny(entitlement, purchase.reason());
        }
        return needed == actual ? Grant.allow(entitlement) : Grant.deny(entitlement, reason);
    }

    private static Grant icpFiling(Account account, boolean mainland, IdentityType type, String icpEntityName) {
        if (!mainland) {
            return Grant.deny(Entitlement.ICP_FILING, "ICP filings are for services in Mainland China regions.");
        }
        if (type == null) {
            return Grant.deny(Entitlement.ICP_FILING, "An ICP filing needs a verified account.");
        }
        if (icpEntityName != null && !TextNormaliser.same(icpEntityName, account.getVerifiedName())) {
            return Grant.deny(Entitlement.ICP_FILING,
                    "The ICP filing entity's name must equal the verified name of the account.");
        }
        return Grant.allow(Entitlement.ICP_FILING);
    }
}
