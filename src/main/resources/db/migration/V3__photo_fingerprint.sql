-- The perceptual fingerprint (64-bit difference hash) of each document photo, so that a photo submitted
-- again for another account is pointed out to the reviewer. Null for photos stored before this column
-- existed and for photos that could not be decoded.
alter table document_photo add column photo_fingerprint bigint;

create index document_photo_fingerprint on document_photo (photo_fingerprint);
