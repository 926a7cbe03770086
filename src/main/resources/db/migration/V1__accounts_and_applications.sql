-- The application's own tables. The engine's tables (ACT_*) are the engine's business.

create table account (
    id                      varchar(36)  primary key,
    email                   varchar(320) not null,
    phone                   varchar(32)  not null,
    registration_region     varchar(2)   not null,
    language                varchar(10)  not null,
    status                  varchar(16)  not null,
    identity_type           varchar(16),
    verified_application_id varchar(36),
    identity_key            varchar(160),
    verified_name           varchar(300),
    masked_document_number  varchar(64),
    verified_at             timestamp with time zone,
    change_locked_until     timestamp with time zone,
    revocation_code         varchar(64),
    revocation_message      varchar(500),
    revoked_at              timestamp with time zone,
    created_at              timestamp with time zone not null,
    version                 bigint       not null,
    constraint account_status_values check (status in ('UNVERIFIED', 'VERIFIED')),
    constraint account_verified_has_identity check (status = 'UNVERIFIED' or identity_key is not null)
);

create table verification_application (
    id                     varchar(36)  primary key,
    account_id             varchar(36)  not null references account (id),
    kind                   varchar(16)  not null,
    identity_type          varchar(16)  not null,
    status                 varchar(16)  not null,
    -- equals account_id while the application is pending, null once it is decided or withdrawn:
    -- the unique constraint holds "one pending application per account" in the database.
    pending_account_id     varchar(36)  unique,
    region                 varchar(2)   not null,
    holder_name            varchar(300) not null,
    holder_address         varchar(500) not null,
    document_type          varchar(32)  not null,
    document_number_enc    varchar(512) not null,
    document_number_masked varchar(64)  not null,
    identity_key           varchar(160) not null,
    submitted_at           timestamp with time zone not null,
    decided_at             timestamp with time zone,
    decided_by             varchar(64),
    review_comment         varchar(2000),
    version                bigint       not null,
    constraint application_status_values check (status in ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    constraint application_pending_marker check (
        (status in ('SUBMITTED', 'IN_REVIEW') and pending_account_id = account_id)
        or (status not in ('SUBMITTED', 'IN_REVIEW') and pending_account_id is null))
);

create index verification_application_account on verification_application (account_id, submitted_at);

alter table account add constraint account_verified_application
    foreign key (verified_application_id) references verification_application (id);

create table application_reason (
    application_id varchar(36)  not null references verification_application (id),
    position       int          not null,
    code           varchar(64)  not null,
    message        varchar(500) not null,
    primary key (application_id, position)
);

-- The document photo, encrypted at rest, one per application.
create table document_photo (
    application_id varchar(36) primary key references verification_application (id),
    content_type   varchar(32) not null,
    size_bytes     int         not null,
    sha256         varchar(64) not null,
    content_enc    bytea       not null
);

-- R4: how many accounts an identity verifies now. The conditional update that takes a slot
-- (used < quota_limit) and this check hold the quota atomically under concurrent approvals.
create table identity_quota (
    identity_key varchar(160) primary key,
    quota_limit  int not null,
    used         int not null,
    constraint identity_quota_bounds check (used >= 0 and used <= quota_limit)
);

-- The console's message center.
create table message (
    id             varchar(36)   primary key,
    account_id     varchar(36)   not null references account (id),
    event          varchar(64)   not null,
    application_id varchar(36),
    subject        varchar(300)  not null,
    body           varchar(4000) not null,
    created_at     timestamp with time zone not null,
    read_at        timestamp with time zone
);

create index message_account on message (account_id, created_at);
