-- Issue 14: the historical training records import.

-- A person named by national ID in an import file is found by the keyed digest of it that personnel events carry
-- (platform NationalIdDigest); the national ID itself never reaches this service's copies.
alter table person_copy add column national_id_digest varchar(64);
create index person_copy_national_id on person_copy (national_id_digest);

-- Programmes of the catalogue, from course-service's program.* events: an import names a programme by code, or by
-- category and level. Seeded with the programmes the class copies already carry (as of their newest version).
create table program_copy (
    program_id uuid primary key,
    code       varchar(100) not null,
    category   varchar(50),
    level      varchar(50),
    status     varchar(20)  not null,
    program    jsonb        not null,
    updated_at timestamptz  not null
);
create index program_copy_code on program_copy (code);
create index program_copy_category on program_copy (category, level);
insert into program_copy (program_id, code, category, level, status, program, updated_at)
select distinct on (program_id) program_id, program ->> 'code', program ->> 'category', program ->> 'level',
       'PUBLISHED', program, updated_at
from class_copy
where program_id is not null and program ->> 'code' is not null
order by program_id, coalesce((program ->> 'version')::int, 0) desc, updated_at desc;

-- A class that an import names by institution and dates but that course-service never announced: held here only
-- (historical = true), with an id derived from programme, institution and dates so a second import finds it.
alter table class_copy add column historical boolean not null default false;
create index class_copy_code on class_copy (code);
create index class_copy_match on class_copy (program_id, institution_code, start_date, end_date);

-- One upload of a history file, run in the background like personnel's staff import.
create table history_import_job (
    id             uuid primary key,
    file_name      varchar(300),
    mode           varchar(20)  not null,
    status         varchar(20)  not null,
    total_rows     int          not null default 0,
    processed_rows int          not null default 0,
    created_count  int          not null default 0,
    unchanged_count int         not null default 0,
    rejected_count int          not null default 0,
    errors         text,
    created_by     varchar(200) not null,
    started_at     timestamptz  not null,
    finished_at    timestamptz,
    worker         varchar(100),
    heartbeat_at   timestamptz
);
create index history_import_job_running on history_import_job (heartbeat_at) where status = 'RUNNING';
-- the import's idempotency check: a person's turns in a class
create index enrolment_person_class on enrolment (personnel_id, class_id);
