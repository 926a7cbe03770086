-- R9: what the enterprise re-check found about one verification, and what became of it. One finding per account is
-- open at a time (open_account_id is unique, and equals account_id exactly while the finding is open), so daily
-- sweeps do not start a second grace period or review for a finding already being handled. A finding a reviewer
-- kept is not reported again for the same verification.
create table registry_finding (
    id              varchar(36) primary key,
    account_id      varchar(36) not null references account (id),
    application_id  varchar(36) not null references verification_application (id),
    finding         varchar(32) not null,
    status          varchar(16) not null,
    open_account_id varchar(36) unique,
    reported_at     timestamp with time zone not null,
    closed_at       timestamp with time zone,
    closed_by       varchar(64),
    constraint registry_finding_values check (finding in ('DISSOLVED', 'DATA_MISMATCH', 'NOT_FOUND')
        and status in ('OPEN', 'REVOKED', 'KEPT', 'CLEARED')),
    constraint registry_finding_open_marker check (
        (status = 'OPEN' and open_account_id = account_id) or (status <> 'OPEN' and open_account_id is null))
);

create index registry_finding_account on registry_finding (account_id, application_id);
