-- The read model lives in a schema per generation (rpt_g1, rpt_g2, ...): a rebuild fills a fresh schema from the
-- topics and switches over when caught up. The tables of a generation are created from read-model/schema.sql.
create table report_generation (
    id            integer primary key,
    schema_name   varchar(63) not null unique,
    status        varchar(20) not null,           -- BUILDING, ACTIVE, RETIRED, FAILED
    created_at    timestamptz not null default now(),
    switched_at   timestamptz,
    events_total  bigint,
    events_read   bigint not null default 0,
    error         text
);
create unique index report_generation_one_active on report_generation (status) where status = 'ACTIVE';
