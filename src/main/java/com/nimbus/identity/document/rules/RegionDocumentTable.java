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
 * Which documents each region accepts (R2, R3) and the format of their numbers: a table, region by region.
 * A region that is not listed accepts every document type in the default format of that type.
 *
 * <pre>
 * region                     ID_CARD           DRIVERS_LICENSE   PASSPORT  WORK_PERMIT  BUSINESS_LICENSE
 * CN Mainland China          GB 11643 id no.   GB 11643 id no.   ICAO      generic      USCC (GB 32100)
 * HK Hong Kong               HKID              HKID              ICAO      generic      BR number, 8 digits
 * GB AU NZ CA US (no national
 *    identity card)          not accepted      generic           ICAO      generic      generic (GB: company no.)
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
        Map<DocumentType, NumberFormat> noNationalIdCard = Map.of(
                DRIVERS_LICENSE, drivingLicence, PASSPORT, passport, WORK_PERMIT, workPermit,
                BUSINESS_LICENSE, businessRegistration);

        defaults = Map.of(
                ID_CARD, identityCard, DRIVERS_LICENSE, drivingLicence, PASSPORT, passport, WORK_PERMIT, workPermit,
                BUSINESS_LICENSE, businessRegistration);
        regions = Map.of(
                "CN", Map.of(ID_CARD, cnIdentity, DRIVERS_LICENSE, cnIdentity, PASSPORT, passport,
                        WORK_PERMIT, workPermit, BUSINESS_LICENSE, cnCreditCode),
                "HK", Map.of(ID_CARD, hkIdentity, DRIVERS_LICENSE, hkIdentity, PASSPORT, passport,
                        WORK_PERMIT, workPermit, BUSINESS_LICENSE, hkBusinessRegistration),
                "GB", Map.of(DRIVERS_LICENSE, drivingLicence, PASSPORT, passport, WORK_PERMIT, workPermit,
                        BUSINESS_LICENSE, ukCompany),
                "AU", noNationalIdCard,
                "NZ", noNationalIdCard,
                "CA", noNationalIdCard,
                "US", noNationalIdCard);
    }

    /** The format of the type's numbers in the region, or empty when the region does not accept the type. */
    public Optional<NumberFormat> formatFor(String region, DocumentType type) {
        if (type == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(acceptedIn(region).get(type));
    }

    /** The document types the region accepts, with the format of their numbers. */
    public Map<DocumentType, NumberFormat> acceptedIn(String region) {
        return regions.getOrDefault(region, defaults);
    }
}
