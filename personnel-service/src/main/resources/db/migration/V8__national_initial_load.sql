-- The initial load of the national sync (issue 16): people who existed before the sync was switched on get their
-- national file. An admin starts it; a worker goes through every person in batches (one transaction per batch, the
-- job's counters and cursor committed with the batch's deliveries), so it resumes where it stopped after a restart.
-- At most one load runs at a time.
create table national_initial_load (
    id                  uuid         primary key,
    status              varchar(20)  not null,
    requested_by        varchar(200) not null,
    started_at          timestamptz  not null,
    finished_at         timestamptz,
    -- people in the register when the load started (the load also takes those registered while it runs)
    total_people        integer      not null,
    processed_people    integer      not null default 0,
    deliveries_created  integer      not null default 0,
    -- the last person done (people are taken in id order): where the next batch starts
    last_person_id      uuid,
    heartbeat_at        timestamptz,
    constraint national_initial_load_status check (status in ('RUNNING', 'COMPLETED'))
);
create unique index national_initial_load_one_running on national_initial_load ((true)) where status = 'RUNNING';
