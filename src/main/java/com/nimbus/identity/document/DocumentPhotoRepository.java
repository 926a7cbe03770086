package com.nimbus.identity.document;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentPhotoRepository extends JpaRepository<DocumentPhoto, String> {
}
