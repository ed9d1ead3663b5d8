-- A transfer or departure effective in the future: recorded now, applied on its date by ScheduledChanges (a job that
-- takes due rows with "for update skip locked", so two instances never apply one twice).
create table scheduled_change (
    id             uuid primary key,
    person_id      uuid        not null references person (id),
    kind           varchar(20) not null,
    to_unit_code   varchar(50),
    left_reason    varchar(30),
    effective_on   date        not null,
    requested_by   varchar(200),
    requested_at   timestamptz not null,
    applied_at     timestamptz,
    constraint scheduled_change_kind check (kind in ('TRANSFER', 'LEAVE'))
);
create index scheduled_change_due on scheduled_change (effective_on) where applied_at is null;
create index scheduled_change_person on scheduled_change (person_id) where applied_at is null;
