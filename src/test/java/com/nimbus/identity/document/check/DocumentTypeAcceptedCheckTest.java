package com.nimbus.identity.document.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.AcceptedDocuments;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.vocabulary.ReasonCode;
import org.junit.jupiter.api.Test;

class DocumentTypeAcceptedCheckTest {

    private final DocumentTypeAcceptedCheck check = new DocumentTypeAcceptedCheck(new AcceptedDocuments(ModelRuleTables.shipped()));

    @Test
    void passesATypeTheRegionAccepts() {
        CheckResult result = check.check(Subjects.individual("CN", DocumentType.ID_CARD, TestIdentities.cnResidentId(), null));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(result.detail()).isEqualTo("ID_CARD is accepted in CN");
    }

    @Test
    void failsAnIdentityCardInARegionWithoutNationalIdentityCards() {
        CheckResult result = check.check(Subjects.individual("GB", DocumentType.ID_CARD, "AB1234567", null));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.reason()).isEqualTo(ReasonCode.DOCUMENT_TYPE_NOT_ACCEPTED);
        assertThat(result.detail()).isEqualTo("ID_CARD is not accepted in GB; accepted: PASSPORT, DRIVERS_LICENSE, WORK_PERMIT");
    }

    @Test
    void passesABusinessLicenseForAnEnterprise() {
        CheckResult result = check.check(Subjects.enterprise("HK", "12345678", null));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
    }

    @Test
    void failsAMissingType() {
        CheckSubject subject = Subjects.individual("CN", DocumentType.ID_CARD, "X", null);
        CheckSubject noType = new CheckSubject(subject.applicationId(), subject.accountId(), "CN", subject.identityType(),
                null, subject.holderName(), subject.holderAddress(), subject.documentNumber(), null, subject.identityKey(), null);
        assertThat(check.check(noType).reason()).isEqualTo(ReasonCode.DOCUMENT_TYPE_NOT_ACCEPTED);
    }
}
