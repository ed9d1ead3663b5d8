-- A person's calendar subscriptions (issue 16): a secret URL a calendar app polls without a token. Only the SHA-256
-- hash of the secret is kept; a revoked subscription stays (revoked_at) so the audit trail keeps pointing at it.
create table calendar_subscription (
    id           uuid         primary key,
    secret_hash  varchar(64)  not null unique,
    personnel_id uuid         not null,
    created_by   varchar(200) not null,
    created_at   timestamptz  not null,
    revoked_at   timestamptz
);
create index calendar_subscription_person on calendar_subscription (personnel_id);
