-- Webhook subscriptions (issue 16): the change feed's events pushed to an integration client's URL as CloudEvents
-- over HTTP (binary mode), signed with the subscription's secret, in feed order per subscription, retried with
-- back-off (service/WebhookDispatcher). Outside the read-model generations, like the feed: a rebuild leaves them.
create table webhook_subscription (
    id               uuid          primary key,
    -- who subscribed (user name or client id): only they (and admins) see and change it
    owner            varchar(200)  not null,
    name             varchar(200)  not null,
    target_url       varchar(2000) not null,
    -- type prefixes, comma-separated (empty: every type), as the feed's types=
    type_prefixes    varchar(4100) not null,
    -- the HMAC-SHA256 key (whsec_<base64>), shown to the owner when created or rotated only
    secret           varchar(100)  not null,
    -- the owner's scope when they subscribed or last changed it, as the feed applies it
    province_wide    boolean       not null,
    org_unit         varchar(64),
    personal_data    boolean       not null,
    status           varchar(20)   not null,
    -- the last feed position delivered or passed (not of the subscription's types or scope): the next event to send
    -- is the first matching one after it
    cursor           bigint        not null,
    -- failed attempts at that next event, when to try again, why the last attempt failed
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_error       varchar(500),
    last_delivered_at timestamptz,
    -- taken by an instance until then (another instance, or this one after a restart, takes it once it has passed)
    claimed_until    timestamptz,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    constraint webhook_subscription_status check (status in ('ACTIVE', 'PAUSED'))
);
create index webhook_subscription_due on webhook_subscription (next_attempt_at) where status = 'ACTIVE';
create index webhook_subscription_owner on webhook_subscription (owner, created_at);

-- Every attempt to deliver an event to a subscription (and every gap retention caused), newest read first.
create table webhook_delivery (
    id               bigint        generated always as identity primary key,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         varchar(100),
    event_type       varchar(200),
    position         bigint        not null,
    attempt          integer       not null,
    attempted_at     timestamptz   not null,
    outcome          varchar(20)   not null,
    http_status      integer,
    error            varchar(500),
    duration_ms      integer,
    constraint webhook_delivery_outcome check (outcome in ('DELIVERED', 'FAILED', 'EXPIRED'))
);
create index webhook_delivery_subscription on webhook_delivery (subscription_id, id);
