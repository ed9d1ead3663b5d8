-- Notifications by mail (issue 15). The person copy keeps the work e-mail address that personnel events carry.
alter table person_copy add column email varchar(200);

-- One row per fact and person: the unique key makes a fact notified once, whatever the redeliveries. A row is
-- written in the transaction that consumes the fact and sent later by NotificationSender (PENDING until the SMTP
-- server took it; a failing server only delays it). OPTED_OUT: the person turned the kind off; NO_ADDRESS: the person
-- copy has no e-mail address. The rendered subject and text are kept: what was sent can be shown and is sent again
-- after a crash exactly as written.
create table notification (
    id              bigint generated always as identity primary key,
    kind            varchar(40)  not null,
    fact_key        varchar(200) not null,
    personnel_id    uuid         not null,
    recipient       varchar(200),
    subject         varchar(300) not null,
    body            text         not null,
    state           varchar(20)  not null,
    attempts        int          not null default 0,
    last_error      varchar(500),
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    constraint notification_once unique (kind, fact_key, personnel_id)
);
create index notification_due on notification (next_attempt_at, id) where state = 'PENDING';
create index notification_person on notification (personnel_id, created_at);

-- A person's choice for an optional kind (absent: on).
create table notification_preference (
    personnel_id uuid         not null,
    kind         varchar(40)  not null,
    enabled      boolean      not null,
    changed_by   varchar(200) not null,
    changed_at   timestamptz  not null,
    primary key (personnel_id, kind)
);

-- The schedule of each class as the notifications last saw it (dates, venue, sessions), to tell a change of schedule
-- from any other change of a class.
create table notification_class_schedule (
    class_id    uuid        primary key,
    fingerprint varchar(64) not null,
    seen_at     timestamptz not null
);
