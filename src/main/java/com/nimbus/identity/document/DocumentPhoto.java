package com.nimbus.identity.document;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The photo of an application's document, encrypted at rest. */
@Entity
@Table(name = "document_photo")
public class DocumentPhoto {

    @Id
    private String applicationId;
    private String contentType;
    private int sizeBytes;
    private String sha256;
    private byte[] contentEnc;
    /** The photo's perceptual fingerprint ({@link PhotoFingerprint}); null when it could not be decoded. */
    private Long photoFingerprint;

    protected DocumentPhoto() {
    }

    DocumentPhoto(String applicationId, String contentType, int sizeBytes, String sha256, byte[] contentEnc,
                  Long photoFingerprint) {
        this.applicationId = applicationId;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.contentEnc = contentEnc;
        this.photoFingerprint = photoFingerprint;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Long getPhotoFingerprint() {
        return photoFingerprint;
    }

    byte[] getContentEnc() {
        return contentEnc;
    }
}
