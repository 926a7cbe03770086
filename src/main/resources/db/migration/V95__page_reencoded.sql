-- When the automated checks re-encoded a photo page from its decoded pixels (upright, without any metadata) and
-- replaced its object; null while the page is stored as it was cleaned at submission, and for PDF pages.
-- Plain SQL that H2 (default mode) and PostgreSQL 15 both accept.
alter table document_page add column reencoded_at timestamp with time zone;
