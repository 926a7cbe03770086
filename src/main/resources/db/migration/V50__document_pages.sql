-- The pages of an application's document: one to four files (JPEG, PNG or PDF) of at most four pages in all. The
-- files themselves, encrypted by the application, are objects of the document store (S3-compatible, or a directory on
-- the embedded default) under object_key; a PDF of several pages is one object that several rows name, source_page
-- telling which of its pages a row is. The database keeps metadata, the key id and a keyed hash only.
-- Plain SQL that H2 (default mode) and PostgreSQL 15 both accept.
create table document_page (
    application_id varchar(36)  not null references verification_application (id),
    page_no        smallint     not null,
    account_id     varchar(36)  not null references account (id),
    object_key     varchar(300) not null,
    source_page    smallint     not null,
    content_type   varchar(32)  not null,
    -- the file's size before encryption
    size_bytes     int          not null,
    -- HMAC-SHA256 (hex) of the file's bytes, keyed from the application's key (FieldCipher)
    content_hmac   varchar(64)  not null,
    -- which key encrypted the object (FieldCipher#keyId)
    key_id         varchar(32)  not null,
    created_at     timestamp with time zone not null,
    -- the page's photo fingerprint (64-bit difference hash), once the automated checks have decoded the page, and its
    -- three bands (bits 63-43, 42-22, 21-0): multi-index hashing finds near fingerprints through the band indexes
    -- below without reading every page
    fingerprint    bigint,
    band_1         int,
    band_2         int,
    band_3         int,
    constraint document_page_pk primary key (application_id, page_no),
    constraint document_page_numbers check (page_no between 1 and 4 and source_page between 1 and 4),
    constraint document_page_bands check (
        (fingerprint is null and band_1 is null and band_2 is null and band_3 is null)
        or (fingerprint is not null and band_1 is not null and band_2 is not null and band_3 is not null))
);

create index document_page_band_1 on document_page (band_1);
create index document_page_band_2 on document_page (band_2);
create index document_page_band_3 on document_page (band_3);
-- the sweep of objects no page names asks by key
create index document_page_object on document_page (object_key);
