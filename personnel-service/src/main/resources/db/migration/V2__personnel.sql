-- Reference data: civil-service ranks, leadership titles, job positions (per unit) and their effective-dated standards.
create table rank (
    code     varchar(50) primary key,
    name     varchar(300) not null,
    category varchar(30)
);
create table title (
    code varchar(50) primary key,
    name varchar(300) not null
);
create table job_position (
    code          varchar(50) primary key,
    name          varchar(300) not null,
    org_unit_code varchar(50)
);
-- What a holder of a title or job position needs, from valid_from until valid_to (exclusive).
create table standard (
    id          bigint generated always as identity primary key,
    role_type   varchar(20) not null,
    role_code   varchar(50) not null,
    kind        varchar(30) not null,
    level       varchar(50) not null,
    category    varchar(30),
    valid_from  date not null,
    valid_to    date
);
create index standard_role on standard (role_type, role_code);

-- Staff records: never deleted; search_name = fold(full_name) for accent-insensitive search, sort_key = nameSortKey.
create table person (
    id                 uuid primary key,
    national_id        varchar(12)  not null,
    full_name          varchar(200) not null,
    search_name        varchar(200) not null,
    sort_key           varchar(200) not null,
    date_of_birth      date         not null,
    gender             varchar(10)  not null,
    ethnicity          varchar(50),
    category           varchar(30)  not null,
    org_unit_code      varchar(50)  not null,
    job_position_code  varchar(50),
    title_code         varchar(50),
    rank_code          varchar(50),
    management_tier    varchar(50),
    started_service_on date,
    email              varchar(200),
    phone              varchar(30),
    status             varchar(20)  not null,
    left_on            date,
    left_reason        varchar(30),
    account_username   varchar(100),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create unique index person_national_id on person (national_id);
create index person_search_name on person using gin (search_name gin_trgm_ops);
create index person_sort on person (sort_key, id);
create index person_unit on person (org_unit_code, sort_key);

-- Where a person worked when: one row per assignment, closed by a transfer or a unit merge.
create table person_assignment (
    id            bigint generated always as identity primary key,
    person_id     uuid        not null references person (id),
    org_unit_code varchar(50) not null,
    valid_from    date        not null,
    valid_to      date,
    reason        varchar(30) not null
);
create index person_assignment_person on person_assignment (person_id, valid_from);

create table qualification (
    id                uuid primary key,
    person_id         uuid        not null references person (id),
    kind              varchar(30) not null,
    level             varchar(50) not null,
    awarded_on        date        not null,
    institution       varchar(300),
    credential_number varchar(100),
    source            varchar(20) not null,
    source_ref        varchar(100),
    created_at        timestamptz not null
);
create index qualification_person on qualification (person_id, kind, awarded_on);
create index qualification_level on qualification (level, person_id);
-- a completed enrolment grants its level once, whatever the number of deliveries of its event
create unique index qualification_source_ref on qualification (source, source_ref) where source_ref is not null;

create table rating (
    id        bigint generated always as identity primary key,
    person_id uuid        not null references person (id),
    year      int         not null,
    rating    varchar(20) not null,
    unique (person_id, year)
);

create table succession_plan (
    id              uuid primary key,
    person_id       uuid         not null references person (id),
    title_code      varchar(50)  not null,
    org_unit_code   varchar(50)  not null,
    term_start      int          not null,
    term_end        int          not null,
    decision_number varchar(100),
    decision_date   date,
    status          varchar(20)  not null,
    status_reason   varchar(300),
    review_flag     boolean      not null default false,
    review_reason   varchar(300),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index succession_plan_person on succession_plan (person_id);
create index succession_plan_unit on succession_plan (org_unit_code, term_start);

-- Keycloak account changes, written with the HR change and applied by a worker until Keycloak answers.
create table account_task (
    id              bigint generated always as identity primary key,
    person_id       uuid         not null references person (id),
    action          varchar(20)  not null,
    username        varchar(100) not null,
    org_unit_code   varchar(50),
    roles           varchar(300),
    state           varchar(20)  not null,
    attempts        int          not null default 0,
    last_error      varchar(1000),
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    done_at         timestamptz
);
create index account_task_pending on account_task (next_attempt_at, id) where state = 'PENDING';

create table import_job (
    id             uuid primary key,
    file_name      varchar(300),
    mode           varchar(20)  not null,
    status         varchar(20)  not null,
    total_rows     int          not null default 0,
    processed_rows int          not null default 0,
    created_count  int          not null default 0,
    updated_count  int          not null default 0,
    unchanged_count int         not null default 0,
    error_count    int          not null default 0,
    errors         text,
    created_by     varchar(200) not null,
    started_at     timestamptz  not null,
    finished_at    timestamptz
);
