-- The change feed (GET /api/feed, service/ChangeFeed): every event of the four topics, in the order this service
-- recorded them (position), kept for training.feed.retention (90 days) after it was recorded, for systems that do
-- not read Kafka. Outside the read-model generations: a rebuild of the reports leaves it alone.
create table feed_event (
    position  bigint generated always as identity primary key,
    event_id  varchar(100) not null unique,
    source    varchar(200) not null,
    type      varchar(200) not null,
    subject   varchar(200),
    time      timestamptz  not null,
    -- the unit the event belongs to, for the caller's scope (null: no unit, e.g. a programme of the catalogue)
    unit_code varchar(64),
    data      text         not null,
    recorded_at timestamptz not null default now()
);
create index feed_event_recorded on feed_event (recorded_at);
create index feed_event_subject on feed_event (subject);

-- The highest position removed by retention: a cursor before it may have missed events (410).
create table feed_retention (
    id               int primary key check (id = 1),
    expired_through  bigint not null
);
insert into feed_retention (id, expired_through) values (1, 0);
