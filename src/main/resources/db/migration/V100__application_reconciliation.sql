-- An application whose engine instance ended without deciding it (deleted or cancelled in Cockpit) or that waits on
-- an incident too long is CANCELLED by the reconciliation, which frees the account's pending marker; each such
-- application is listed once in application_reconciliation for operators.
alter table verification_application drop constraint application_status_values;
alter table verification_application add constraint application_status_values
    check (status in ('SUBMITTED', 'IN_REVIEW', 'PHOTO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'));

create table application_reconciliation (
    id                  varchar(36)   primary key,
    application_id      varchar(36)   not null unique references verification_application (id),
    account_id          varchar(36)   not null references account (id),
    process_instance_id varchar(64),
    finding             varchar(32)   not null,
    detail              varchar(1000),
    reconciled_at       timestamp with time zone not null,
    constraint application_reconciliation_values check (finding in ('INSTANCE_ENDED', 'INSTANCE_MISSING', 'INCIDENT'))
);

create index application_reconciliation_at on application_reconciliation (reconciled_at);
