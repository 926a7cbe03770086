package com.nimbus.identity.document.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.AcceptedDocuments;
import com.nimbus.identity.document.rules.RegionDocumentTable;
import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentNumberCheckTest {

    private final DocumentNumberCheck check = new DocumentNumberCheck(new RegionDocumentTable(), new AcceptedDocuments(ModelRuleTables.shipped()));

    private static void assertNoPartOf(String number, CheckResult result) {
        for (int i = 0; i + 5 <= number.length(); i++) {
            assertThat(result.detail()).doesNotContain(number.substring(i, i + 5));
        }
    }

    @Test
    void passesAValidMainlandChinaIdentityNumber() {
        String id = TestIdentities.cnResidentId();
        CheckResult result = check.check(Subjects.individual("CN", DocumentType.ID_CARD, id, null));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(result.detail()).isEqualTo("a valid Mainland China citizen identity number (GB 11643)");
        assertNoPartOf(id, result);
    }

    @Test
    void failsAMainlandChinaIdentityNumberWithAWrongCheckCharacterWithoutShowingIt() {
        String id = TestIdentities.cnResidentId();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        CheckResult result = check.check(Subjects.individual("CN", DocumentType.DRIVERS_LICENSE, wrong, null));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.reason()).isEqualTo(ReasonCode.DOCUMENT_NUMBER_INVALID);
        assertThat(result.detail()).isEqualTo("not a valid Mainland China citizen identity number (GB 11643): "
                + "the check character does not match (ISO 7064 MOD 11-2)");
        assertNoPartOf(wrong, result);
    }

    @Test
    void failsAFutureBirthDate() {
        String id = TestIdentities.cnResidentId("110105", LocalDate.now().plusYears(1));
        CheckResult result = check.check(Subjects.individual("CN", DocumentType.ID_CARD, id, null));
        assertThat(result.reason()).isEqualTo(ReasonCode.DOCUMENT_NUMBER_INVALID);
        assertThat(result.detail()).endsWith("the birth date is in the future");
    }

    @Test
    void checksTheNumberAsTypedInFullWidthWithParentheses() {
        String hkid = TestIdentities.withParentheses(TestIdentities.hkid());
        StringBuilder fullWidth = new StringBuilder();
        hkid.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0)));
        CheckResult result = check.check(Subjects.individual("HK", DocumentType.ID_CARD, fullWidth.toString(), null));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
    }

    @Test
    void failsAnEnterpriseCodeWithACharacterOutsideTheCharset() {
        String code = TestIdentities.unifiedSocialCreditCode();
        CheckResult result = check.check(Subjects.enterprise("CN", code.substring(0, 10) + "O" + code.substring(11), null));
        assertThat(result.reason()).isEqualTo(ReasonCode.DOCUMENT_NUMBER_INVALID);
        assertThat(result.detail()).startsWith("not a valid Unified Social Credit Code (GB 32100): a character outside");
    }

    @Test
    void failsAPassportNumberThatIsTooLong() {
        CheckResult result = check.check(Subjects.individual("FR", DocumentType.PASSPORT, "12AB345678", null));
        assertThat(result.reason()).isEqualTo(ReasonCode.DOCUMENT_NUMBER_INVALID);
        assertThat(result.detail()).isEqualTo("not a valid passport number (ICAO 9303): longer than 9 characters");
    }

    @Test
    void appliesTheDefaultFormatInOtherRegions() {
        assertThat(check.check(Subjects.individual("FR", DocumentType.ID_CARD, "X4RTBPFW4", null)).outcome())
                .isEqualTo(CheckResult.Outcome.PASS);
        assertThat(check.check(Subjects.individual("FR", DocumentType.ID_CARD, "ABCDEFGH", null)).reason())
                .isEqualTo(ReasonCode.DOCUMENT_NUMBER_INVALID);
    }

    @Test
    void leavesATypeTheRegionDoesNotAcceptToTheTypeCheck() {
        CheckResult result = check.check(Subjects.individual("GB", DocumentType.ID_CARD, "ABCDEFGH", null));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(result.detail()).isEqualTo("not checked: the document type is not accepted in this region");
    }
}
