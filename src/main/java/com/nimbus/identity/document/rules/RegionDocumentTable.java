package com.nimbus.identity.document.rules;

import static com.nimbus.identity.document.DocumentType.BUSINESS_LICENSE;
import static com.nimbus.identity.document.DocumentType.DRIVERS_LICENSE;
import static com.nimbus.identity.document.DocumentType.ID_CARD;
import static com.nimbus.identity.document.DocumentType.PASSPORT;
import static com.nimbus.identity.document.DocumentType.WORK_PERMIT;

import com.nimbus.identity.document.DocumentType;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The format of document numbers, region by region (R2, R3). Which documents a region accepts is not decided here
 * but by the decision table {@code accepted-documents} that process owners change
 * ({@code document.AcceptedDocuments}); a type without a format of its region's own is checked in the default
 * format of that type, so a type a process owner adds to a region is checked too.
 *
 * <pre>
 * region                     ID_CARD           DRIVERS_LICENSE   PASSPORT  WORK_PERMIT  BUSINESS_LICENSE
 * CN Mainland China          GB 11643 id no.   GB 11643 id no.   ICAO      generic      USCC (GB 32100)
 * HK Hong Kong               HKID              HKID              ICAO      generic      BR number, 8 digits
 * GB                         generic           generic           ICAO      generic      company no.
 * every other region         generic           generic           ICAO      generic      generic
 * </pre>
 *
 * A Mainland China driving licence carries the holder's citizen identity number, and so does a Hong Kong
 * driving licence the holder's identity card number: both are checked as that number. "generic" is
 * {@link PatternNumberFormat#generic}: 5 to 20 letters and digits, at least one digit.
 */
@Component
public class RegionDocumentTable {

    private final Map<DocumentType, NumberFormat> defaults;
    private final Map<String, Map<DocumentType, NumberFormat>> regions;

    /** With the system's clock, for use outside the application. */
    public RegionDocumentTable() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock today's date, for birth dates in identity numbers: the application's (the engine's) clock */
    @Autowired
    public RegionDocumentTable(Clock clock) {
        NumberFormat identityCard = PatternNumberFormat.generic("identity card number");
        NumberFormat drivingLicence = PatternNumberFormat.generic("driving licence number");
        NumberFormat passport = new IcaoPassportNumber();
        NumberFormat workPermit = PatternNumberFormat.generic("work permit number");
        NumberFormat businessRegistration = PatternNumberFormat.generic("business registration number");
        NumberFormat cnIdentity = new CnResidentIdNumber(clock);
        NumberFormat cnCreditCode = new UnifiedSocialCreditCode();
        NumberFormat hkIdentity = new HongKongIdentityCardNumber();
        NumberFormat hkBusinessRegistration = new PatternNumberFormat("Hong Kong business registration number",
                "[0-9]{8}", "8 digits (the business registration number, without branch or certificate suffixes)");
        NumberFormat ukCompany = new PatternNumberFormat("UK company registration number",
                "[0-9]{8}|[A-Z]{2}[0-9]{6}", "8 digits, or 2 letters and 6 digits (Companies House number)");

        defaults = Map.of(
                ID_CARD, identityCard, DRIVERS_LICENSE, drivingLicence, PASSPORT, passport, WORK_PERMIT, workPermit,
                BUSINESS_LICENSE, businessRegistration);
        regions = Map.of(
                "CN", Map.of(ID_CARD, cnIdentity, DRIVERS_LICENSE, cnIdentity, PASSPORT, passport,
                        WORK_PERMIT, workPermit, BUSINESS_LICENSE, cnCreditCode),
                "HK", Map.of(ID_CARD, hkIdentity, DRIVERS_LICENSE, hkIdentity, PASSPORT, passport,
                        WORK_PERMIT, workPermit, BUSINESS_LICENSE, hkBusinessRegistration),
                "GB", Map.of(BUSINESS_LICENSE, ukCompany));
    }

    /** The format of the type's numbers in the region; empty only without a type. */
    public Optional<NumberFormat> formatFor(String region, DocumentType type) {
        if (type == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(regions.getOrDefault(region, Map.of()).getOrDefault(type, defaults.get(type)));
    }
}
