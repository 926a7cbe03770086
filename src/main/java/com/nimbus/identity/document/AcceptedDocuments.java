package com.nimbus.identity.document;

import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.RuleTables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * R2, R3: which documents prove an identity in a region, from the decision table {@code accepted-documents} that
 * process owners change (regions without a national identity card, GB, AU, NZ, CA and US, do not accept
 * {@code ID_CARD}; enterprises prove themselves with a {@code BUSINESS_LICENSE} only). The format of the numbers is
 * the application's ({@code document.rules.RegionDocumentTable}).
 */
@Component
public class AcceptedDocuments {

    static final String REGION = "region";
    static final String IDENTITY_TYPE = "identityType";
    static final String DOCUMENT_TYPE = "documentType";
    static final String ACCEPTED = "accepted";

    private final RuleTables tables;

    public AcceptedDocuments(RuleTables tables) {
        this.tables = tables;
    }

    /** Whether the region accepts the document as proof of an identity of this type, by the table in force now. */
    public boolean accepts(String region, IdentityType identityType, DocumentType documentType) {
        if (documentType == null || identityType == null) {
            return false;
        }
        Object accepted = tables.decide(Workflow.TABLE_ACCEPTED_DOCUMENTS, Map.of(REGION, String.valueOf(region),
                IDENTITY_TYPE, identityType.name(), DOCUMENT_TYPE, documentType.name())).get(ACCEPTED);
        return Boolean.TRUE.equals(accepted);
    }

    /** The document types the region accepts for an identity of this type, in the order of {@link DocumentType}. */
    public List<DocumentType> acceptedIn(String region, IdentityType identityType) {
        return Arrays.stream(DocumentType.values()).filter(type -> accepts(region, identityType, type)).toList();
    }
}
