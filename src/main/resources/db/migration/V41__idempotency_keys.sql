-- Idempotency-Key of the API's creating POSTs: one row per API client and key, inserted in the same transaction as
-- whatever the request creates, so a creation never exists without its key and a concurrent request with the same
-- key waits on the primary key, then answers what the first one answered. Rows older than 24 hours are deleted.
create table idempotency_key (
    client_id     varchar(64)   not null,
    idem_key      varchar(255)  not null,
    request_hash  varchar(64)   not null,
    created_at    timestamp with time zone not null,
    status        int,
    content_type  varchar(200),
    location      varchar(2000),
    body          bytea,
    constraint idempotency_key_pk primary key (client_id, idem_key)
);

create index idempotency_key_created on idempotency_key (created_at);
