-- Tables of the shared platform library: every service's database has them.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        varchar(200) not null,
    aggregate_id varchar(200) not null,
    type         varchar(200) not null,
    subject      varchar(200),
    payload      text        not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

create table audit_record (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(200) not null,
    entity_type varchar(100) not null,
    entity_id   varchar(100) not null,
    action      varchar(100) not null,
    before      jsonb,
    after       jsonb
);
create index audit_record_entity on audit_record (entity_type, entity_id, id);

create table scope_unit (
    code        varchar(50) primary key,
    parent_code varchar(50),
    name        varchar(300),
    kind        varchar(30),
    valid_from  date,
    valid_to    date
);
create index scope_unit_parent on scope_unit (parent_code);

create table idempotency_record (
    record_key   varchar(300) primary key,
    request_hash varchar(64) not null,
    status       int         not null,
    body         text,
    created_at   timestamptz not null
);
