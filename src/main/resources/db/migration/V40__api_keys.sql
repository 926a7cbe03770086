-- API keys of the API clients (Authorization: Bearer idv_...). Only a SHA-256 hash of each key is kept: a key is 256
-- random bits, so its hash cannot be reversed or guessed, and a copy of this table opens nothing. The prefix (the
-- first characters of the key) tells keys apart in lists and logs. Plain SQL that H2 and PostgreSQL 15 both accept.
create table api_key (
    id           varchar(36)  primary key,
    client_id    varchar(64)  not null,
    name         varchar(100) not null,
    key_prefix   varchar(16)  not null,
    key_hash     varchar(64)  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)  not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(64),
    constraint api_key_hash_unique unique (key_hash)
);

create index api_key_client on api_key (client_id, created_at);
