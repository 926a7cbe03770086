-- Notifications: which channel of which notification was delivered, and the SMS outbox of the
-- embedded default. Plain SQL that H2 (default mode) and PostgreSQL 15 both accept.

-- One row per delivered channel of a notification. A notification is named by its key (the process
-- instance and the BPMN step that sent it); the unique constraint makes a retried job skip a channel
-- that was already delivered, and stops two deliveries of the same channel from both being recorded.
create table notification_delivery (
    id               varchar(36)  primary key,
    notification_key varchar(300) not null,
    channel          varchar(16)  not null,
    event            varchar(64)  not null,
    account_id       varchar(36),
    application_id   varchar(36),
    delivered_at     timestamp with time zone not null,
    constraint notification_delivery_once unique (notification_key, channel),
    constraint notification_delivery_channel_values check (channel in ('MESSAGE_CENTER', 'EMAIL', 'SMS'))
);

create index notification_delivery_account on notification_delivery (account_id, delivered_at);

-- SMS kept here instead of being sent when no SMS provider is configured (the embedded default).
create table sms_outbox (
    id         varchar(36)   primary key,
    phone      varchar(32)   not null,
    body       varchar(1000) not null,
    created_at timestamp with time zone not null
);

create index sms_outbox_created on sms_outbox (created_at);
