-- A reviewer may ask the holder for new pages of the document instead of rejecting: the application waits as
-- PHOTO_REQUESTED, which is pending (it can be withdrawn and blocks a second application of the account).
alter table verification_application drop constraint application_status_values;
alter table verification_application drop constraint application_pending_marker;
alter table verification_application add constraint application_status_values
    check (status in ('SUBMITTED', 'IN_REVIEW', 'PHOTO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
alter table verification_application add constraint application_pending_marker check (
    (status in ('SUBMITTED', 'IN_REVIEW', 'PHOTO_REQUESTED') and pending_account_id = account_id)
    or (status not in ('SUBMITTED', 'IN_REVIEW', 'PHOTO_REQUESTED') and pending_account_id is null));
