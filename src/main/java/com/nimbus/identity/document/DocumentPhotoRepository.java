package com.nimbus.identity.document;

import java.util.stream.Stream;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface DocumentPhotoRepository extends JpaRepository<DocumentPhoto, String> {

    /** The fingerprints of the photos of every other account's applications, read in batches. */
    @Query(nativeQuery = true, value = """
            select p.photo_fingerprint
              from document_photo p
              join verification_application a on a.id = p.application_id
             where a.account_id <> :accountId
               and p.photo_fingerprint is not null""")
    @QueryHints(@jakarta.persistence.QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FETCH_SIZE, value = "1000"))
    Stream<Number> fingerprintsOfOtherAccounts(@Param("accountId") String accountId);
}
