package com.nimbus.identity.document.rules;

import static com.nimbus.identity.document.DocumentType.BUSINESS_LICENSE;
import static com.nimbus.identity.document.DocumentType.DRIVERS_LICENSE;
import static com.nimbus.identity.document.DocumentType.ID_CARD;
import static com.nimbus.identity.document.DocumentType.PASSPORT;
import static com.nimbus.identity.document.DocumentType.WORK_PERMIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.support.TestIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionDocumentTableTest {

    private final RegionDocumentTable table = new RegionDocumentTable();

    private boolean valid(String region, DocumentType type, String number) {
        return table.formatFor(region, type).orElseThrow().isValid(number);
    }

    @Test
    void mainlandChinaChecksIdentityCardsAndDrivingLicencesAsCitizenIdentityNumbers() {
        String id = TestIdentities.cnResidentId();
        assertThat(table.formatFor("CN", ID_CARD)).containsInstanceOf(CnResidentIdNumber.class);
        assertThat(table.formatFor("CN", DRIVERS_LICENSE)).containsInstanceOf(CnResidentIdNumber.class);
        assertThat(valid("CN", ID_CARD, id)).isTrue();
        assertThat(valid("CN", DRIVERS_LICENSE, id)).isTrue();
        assertThat(valid("CN", DRIVERS_LICENSE, "X1234567")).isFalse();
    }

    @Test
    void mainlandChinaChecksBusinessLicensesAsUnifiedSocialCreditCodes() {
        assertThat(valid("CN", BUSINESS_LICENSE, TestIdentities.unifiedSocialCreditCode())).isTrue();
        assertThat(valid("CN", BUSINESS_LICENSE, "12345678")).isFalse();
    }

    @Test
    void hongKongChecksIdentityCardsByCheckDigitAndBusinessRegistrationsAsEightDigits() {
        assertThat(valid("HK", ID_CARD, TestIdentities.hkid())).isTrue();
        assertThat(valid("HK", ID_CARD, TestIdentities.cnResidentId())).isFalse();
        assertThat(valid("HK", DRIVERS_LICENSE, TestIdentities.hkid("XA"))).isTrue();
        assertThat(valid("HK", BUSINESS_LICENSE, "12345678")).isTrue();
        assertThat(valid("HK", BUSINESS_LICENSE, "12345678000")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN", "HK", "GB", "US", "FR", "JP", "SG"})
    void everyRegionChecksPassportsByIcao9303(String region) {
        assertThat(table.formatFor(region, PASSPORT)).containsInstanceOf(IcaoPassportNumber.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB", "US", "AU", "NZ", "CA"})
    void anIdentityCardARegionDoesNotAcceptTodayStillHasTheGenericFormatShouldTheTableAcceptIt(String region) {
        // whether the region accepts it is the decision table accepted-documents' (AcceptedDocumentsTableTest)
        assertThat(valid(region, ID_CARD, "X4RTBPFW4")).isTrue();
        assertThat(valid(region, ID_CARD, "1234")).isFalse();
    }

    @Test
    void theUnitedKingdomChecksCompanyNumbers() {
        assertThat(valid("GB", BUSINESS_LICENSE, "01234567")).isTrue();
        assertThat(valid("GB", BUSINESS_LICENSE, "SC123456")).isTrue();
        assertThat(valid("GB", BUSINESS_LICENSE, "S1234567")).isFalse();
        assertThat(valid("GB", BUSINESS_LICENSE, "123456789")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void aRegionWithoutRowsOfItsOwnChecksEveryTypeInTheDefaultFormat(DocumentType type) {
        assertThat(table.formatFor("FR", type)).isPresent();
        assertThat(table.formatFor("FR", type)).isEqualTo(table.formatFor("DE", type));
    }

    @Test
    void theDefaultFormatIsFiveToTwentyLettersAndDigitsWithADigit() {
        assertThat(valid("FR", ID_CARD, "X4RTBPFW4")).isTrue();
        assertThat(valid("FR", DRIVERS_LICENSE, "12AB34")).isTrue();
        assertThat(valid("FR", ID_CARD, "1234")).isFalse();
        assertThat(valid("FR", ID_CARD, "1".repeat(21))).isFalse();
        assertThat(valid("FR", ID_CARD, "ABCDEFGH")).isFalse();
        assertThat(valid("FR", WORK_PERMIT, "AB-12345")).isFalse(); // not normalised
    }

    @Test
    void noTypeIsNoFormat() {
        assertThat(table.formatFor("CN", null)).isEmpty();
    }
}
