-- Retention and erasure. An erased account keeps its row (its id stays known to the event feed and the anonymous
-- counts) without contact data; its applications keep their kind, type, region, status, reasons and times.
alter table account add column erased_at timestamp with time zone;

-- An application's entered data reduced to the masked number and the decision: the number itself goes.
alter table verification_application alter column document_number_enc drop not null;
-- when the retention job first found the approved application's verification no longer standing (revoked, replaced
-- by a change, account erased)
alter table verification_application add column verification_ended_at timestamp with time zone;
-- how it ended: REVOKED (its documents then go after identity.retention.undecided-documents), REPLACED or ERASED
alter table verification_application add column verification_ended_by varchar(16);
-- when its document pages were deleted and its entered data reduced
alter table verification_application add column data_reduced_at timestamp with time zone;

create index verification_application_retention on verification_application (status, data_reduced_at, decided_at);
