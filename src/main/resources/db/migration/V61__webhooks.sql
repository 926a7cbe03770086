-- Webhook subscriptions of API clients and one delivery per (event, subscription). Plain SQL that H2 (default mode)
-- and PostgreSQL 15 both accept.

create table webhook_subscription (
    id                       varchar(36)   primary key,
    -- the API client (user of the group api-clients) the subscription belongs to
    client                   varchar(128)  not null,
    url                      varchar(2000) not null,
    -- the event types delivered, comma-separated, e.g. application.approved,verification.revoked
    event_types              varchar(1000) not null,
    -- the whsec_ secret, encrypted like document numbers (AES-256-GCM with IDENTITY_ENCRYPTION_KEY)
    secret_enc               varchar(200)  not null,
    -- after a rotation the previous secret signs too, until previous_secret_until
    previous_secret_enc      varchar(200),
    previous_secret_until    timestamp with time zone,
    created_at               timestamp with time zone not null
);

create index webhook_subscription_client on webhook_subscription (client, created_at);

-- PENDING: due at next_attempt_at (claimed by a dispatcher by moving next_attempt_at past the attempt and setting
-- claim_token); DELIVERED: a 2xx answer came; FAILED: every attempt of the retry schedule failed, waiting for an
-- operator (redelivery makes it PENDING again).
create table webhook_delivery (
    id               varchar(36)  primary key,
    event_id         bigint       not null references account_event (id),
    subscription_id  varchar(36)  not null references webhook_subscription (id) on delete cascade,
    status           varchar(16)  not null,
    attempts         int          not null,
    next_attempt_at  timestamp with time zone,
    claim_token      varchar(36),
    first_attempt_at timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_answer      varchar(500),
    delivered_at     timestamp with time zone,
    created_at       timestamp with time zone not null,
    constraint webhook_delivery_once unique (event_id, subscription_id),
    constraint webhook_delivery_status_values check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);

create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_subscription on webhook_delivery (subscription_id, status);
