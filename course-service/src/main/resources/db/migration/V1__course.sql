-- Training institutions: who runs classes.
create table institution (
    code        varchar(50)  primary key,
    name        varchar(300) not null,
    search_name varchar(300) not null,
    kind        varchar(30)  not null,
    country     varchar(2)   not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- A programme of the catalogue; its content lives in versions. A change after publishing adds a version, and
-- classes keep the version they were scheduled with.
create table program (
    id              uuid         primary key,
    code            varchar(50)  not null unique,
    status          varchar(20)  not null,
    current_version int          not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    published_at    timestamptz,
    retired_at      timestamptz
);

create table program_version (
    id                      bigint generated always as identity primary key,
    program_id              uuid         not null references program (id),
    version                 int          not null,
    name                    varchar(300) not null,
    search_name             varchar(400) not null,
    category                varchar(30)  not null,
    level                   varchar(40),
    periods                 int,
    days                    int,
    delivery_mode           varchar(20)  not null,
    credential              varchar(20)  not null,
    grants_kind             varchar(30),
    grants_level            varchar(40),
    yearly_minimum_periods  int          not null,
    target_groups           jsonb        not null,
    prerequisites           jsonb        not null,
    required_rank_codes     jsonb        not null,
    postgraduate            boolean      not null,
    overseas                boolean      not null,
    max_exit_exam_retakes   int          not null,
    description             text,
    created_at              timestamptz  not null,
    constraint program_version_unique unique (program_id, version),
    constraint program_version_length check (coalesce(periods, days) is not null),
    constraint program_version_not_negative check (coalesce(periods, 0) >= 0 and coalesce(days, 0) >= 0
        and yearly_minimum_periods >= 0 and max_exit_exam_retakes >= 0)
);
create index program_version_search on program_version using gin (search_name gin_trgm_ops);
create index program_version_category on program_version (category, level);

-- A class: one run of a programme version.
create table course_class (
    id                     uuid         primary key,
    code                   varchar(50)  not null unique,
    program_id             uuid         not null references program (id),
    program_version        int          not null,
    category               varchar(30)  not null,
    level                  varchar(40),
    institution_code       varchar(50)  not null references institution (code),
    organising_unit_code   varchar(50)  not null,
    location               varchar(20)  not null,
    country                varchar(2)   not null,
    venue                  varchar(300),
    start_date             date         not null,
    end_date               date         not null,
    capacity               int          not null,
    min_capacity           int          not null,
    registration_opens_on  date         not null,
    registration_closes_on date         not null,
    cost_per_learner_vnd   bigint       not null,
    funding                jsonb        not null,
    status                 varchar(20)  not null,
    cancel_reason          varchar(1000),
    revision               int          not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    constraint course_class_program_version foreign key (program_id, program_version)
        references program_version (program_id, version),
    constraint course_class_dates check (end_date >= start_date and registration_closes_on >= registration_opens_on),
    constraint course_class_capacity check (capacity > 0 and min_capacity >= 0 and min_capacity <= capacity),
    constraint course_class_cost check (cost_per_learner_vnd >= 0)
);
create index course_class_program on course_class (program_id);
create index course_class_dates on course_class (start_date, end_date);
create index course_class_institution on course_class (institution_code);
create index course_class_unit on course_class (organising_unit_code);
create index course_class_status on course_class (status, category);

create table class_session (
    id         uuid          primary key,
    class_id   uuid          not null references course_class (id) on delete cascade,
    position   int           not null,
    date       date          not null,
    start_time time          not null,
    end_time   time          not null,
    topic      varchar(500)  not null,
    lecturer   varchar(300),
    constraint class_session_times check (end_time > start_time)
);
create index class_session_class on class_session (class_id, position);

-- The annual training plan of an organising unit.
create table training_plan (
    id             uuid        primary key,
    year           int         not null,
    org_unit_code  varchar(50) not null,
    status         varchar(20) not null,
    items          jsonb       not null,
    note           varchar(2000),
    approved_by    varchar(200),
    approved_at    timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint training_plan_unique unique (year, org_unit_code)
);
