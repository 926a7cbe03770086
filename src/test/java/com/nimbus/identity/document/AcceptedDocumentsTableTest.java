package com.nimbus.identity.document;

import static com.nimbus.identity.document.DocumentType.BUSINESS_LICENSE;
import static com.nimbus.identity.document.DocumentType.DRIVERS_LICENSE;
import static com.nimbus.identity.document.DocumentType.ID_CARD;
import static com.nimbus.identity.document.DocumentType.PASSPORT;
import static com.nimbus.identity.document.DocumentType.WORK_PERMIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.vocabulary.IdentityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every row of the decision table accepted-documents (processes/accepted-documents.dmn), as the checks ask it. */
class AcceptedDocumentsTableTest {

    private final AcceptedDocuments accepted = new AcceptedDocuments(ModelRuleTables.shipped());

    @ParameterizedTest(name = "row 1: an enterprise in {0} proves itself with a business license")
    @ValueSource(strings = {"CN", "HK", "GB", "US", "FR"})
    void rowEnterpriseBusinessLicense(String region) {
        assertThat(accepted.accepts(region, IdentityType.ENTERPRISE, BUSINESS_LICENSE)).isTrue();
    }

    @ParameterizedTest(name = "row 2: an enterprise cannot use a {0}")
    @EnumSource(value = DocumentType.class, names = "BUSINESS_LICENSE", mode = EnumSource.Mode.EXCLUDE)
    void rowEnterpriseOtherDocument(DocumentType type) {
        assertThat(accepted.accepts("CN", IdentityType.ENTERPRISE, type)).isFalse();
    }

    @ParameterizedTest(name = "row 3: {0} has no national identity card")
    @ValueSource(strings = {"GB", "AU", "NZ", "CA", "US"})
    void rowNoNationalIdentityCard(String region) {
        assertThat(accepted.accepts(region, IdentityType.INDIVIDUAL, ID_CARD)).isFalse();
        assertThat(accepted.acceptedIn(region, IdentityType.INDIVIDUAL))
                .containsExactly(PASSPORT, DRIVERS_LICENSE, WORK_PERMIT);
    }

    @ParameterizedTest(name = "row 4: an individual in {0} may use {1}")
    @CsvSource({"CN,ID_CARD", "CN,PASSPORT", "HK,DRIVERS_LICENSE", "FR,WORK_PERMIT", "GB,PASSPORT", "US,DRIVERS_LICENSE"})
    void rowIndividualDocument(String region, DocumentType type) {
        assertThat(accepted.accepts(region, IdentityType.INDIVIDUAL, type)).isTrue();
    }

    @Test
    void row5NothingElseIsAccepted() {
        assertThat(accepted.accepts("CN", IdentityType.INDIVIDUAL, BUSINESS_LICENSE)).isFalse();
        assertThat(accepted.acceptedIn("CN", IdentityType.INDIVIDUAL))
                .containsExactly(ID_CARD, PASSPORT, DRIVERS_LICENSE, WORK_PERMIT);
        assertThat(accepted.acceptedIn("CN", IdentityType.ENTERPRISE)).containsExactly(BUSINESS_LICENSE);
    }

    @Test
    void noTypeIsNeverAccepted() {
        assertThat(accepted.accepts("CN", IdentityType.INDIVIDUAL, null)).isFalse();
    }

    @Test
    void aRowAProcessOwnerAddsGovernsTheCheck() {
        String gbAcceptsIdCards = ModelRuleTables.text("accepted-documents").replace(
                "<text>\"GB\",\"AU\",\"NZ\",\"CA\",\"US\"</text>", "<text>\"AU\",\"NZ\",\"CA\",\"US\"</text>");
        AcceptedDocuments changed = new AcceptedDocuments(ModelRuleTables.shipped()
                .with("accepted-documents", gbAcceptsIdCards));
        assertThat(changed.accepts("GB", IdentityType.INDIVIDUAL, ID_CARD)).isTrue();
        assertThat(changed.accepts("US", IdentityType.INDIVIDUAL, ID_CARD)).isFalse();
    }
}
