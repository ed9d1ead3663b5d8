-- Local copies, fed by personnel-service's personnel events and course-service's class events: just the fields
-- this service uses, so that the write path never calls another service.
create table person_copy (
    personnel_id       uuid primary key,
    full_name          varchar(300) not null,
    search_name        varchar(300) not null,
    date_of_birth      date,
    category           varchar(30),
    org_unit_code      varchar(50),
    job_position_code  varchar(100),
    title_code         varchar(100),
    rank_code          varchar(100),
    management_tier    varchar(100),
    started_service_on date,
    status             varchar(20)  not null,
    left_on            date,
    left_reason        varchar(50),
    qualifications     jsonb        not null,
    ratings            jsonb        not null,
    planned_titles     jsonb        not null,
    updated_at         timestamptz  not null
);
create index person_copy_unit on person_copy (org_unit_code);
create index person_copy_search on person_copy using gin (search_name gin_trgm_ops);

create table class_copy (
    class_id               uuid primary key,
    code                   varchar(100) not null,
    program_id             uuid,
    program                jsonb        not null,
    institution_code       varchar(50),
    organising_unit_code   varchar(50),
    location               varchar(20),
    country                varchar(100),
    venue                  varchar(300),
    start_date             date,
    end_date               date,
    capacity               int          not null,
    min_capacity           int,
    registration_opens_on  date,
    registration_closes_on date,
    cost_per_learner_vnd   bigint,
    funding                jsonb        not null,
    status                 varchar(20)  not null,
    sessions               jsonb        not null,
    updated_at             timestamptz  not null
);
create index class_copy_institution on class_copy (institution_code);

create table enrolment (
    id                          uuid primary key,
    personnel_id                uuid         not null,
    class_id                    uuid         not null,
    program_id                  uuid,
    category                    varchar(50),
    level                       varchar(50),
    delivery_mode               varchar(30),
    location                    varchar(20),
    start_date                  date,
    end_date                    date,
    nominating_unit_code        varchar(50),
    person_org_unit_code        varchar(50),
    person_category             varchar(30),
    status                      varchar(20)  not null,
    fit_assessment              varchar(10)  not null,
    fit_reasons                 jsonb        not null,
    justification               text,
    decision_number             varchar(100),
    decision_date               date,
    funding_source              varchar(20),
    funding_amount_vnd          bigint,
    cost_vnd                    bigint,
    note                        text,
    waitlist_position           bigint,
    grade                       varchar(20),
    credential_number           varchar(100),
    credential_issued_on        date,
    periods_attended            int,
    grants_kind                 varchar(50),
    grants_level                varchar(50),
    completed_on                date,
    withdrawn_on                date,
    reason                      text,
    returned_on                 date,
    return_report_submitted_on  date,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null
);
-- one live enrolment per person and class; refused or withdrawn ones may be followed by a new nomination
create unique index enrolment_live on enrolment (personnel_id, class_id)
    where status not in ('REJECTED', 'WITHDRAWN');
create unique index enrolment_credential on enrolment (credential_number) where credential_number is not null;
create index enrolment_class on enrolment (class_id, status);
create index enrolment_person on enrolment (personnel_id);
create index enrolment_unit on enrolment (person_org_unit_code);

create table exam_result (
    id           bigint generated always as identity primary key,
    enrolment_id uuid         not null references enrolment (id),
    kind         varchar(10)  not null,
    attempt      int          not null,
    score        numeric(6, 2),
    passed       boolean      not null,
    taken_on     date         not null,
    unique (enrolment_id, kind, attempt)
);

create table attendance (
    enrolment_id uuid        not null references enrolment (id),
    session_id   varchar(100) not null,
    status       varchar(10) not null,
    primary key (enrolment_id, session_id)
);

create table class_unit_quota (
    class_id      uuid        not null,
    org_unit_code varchar(50) not null,
    seats         int         not null check (seats >= 0),
    primary key (class_id, org_unit_code)
);

create table enrolment_request (
    id                   uuid primary key,
    personnel_id         uuid         not null,
    class_id             uuid         not null,
    person_org_unit_code varchar(50),
    note                 text,
    status               varchar(20)  not null,
    enrolment_id         uuid,
    decline_reason       text,
    requested_at         timestamptz  not null,
    decided_at           timestamptz,
    decided_by           varchar(200)
);
create index enrolment_request_unit on enrolment_request (person_org_unit_code, status);

-- Rules of training as data, effective-dated per staff category.
create table rule_set (
    id                          bigint generated always as identity primary key,
    code                        varchar(50)  not null,
    name                        varchar(300) not null,
    staff_category              varchar(30)  not null,
    effective_from              date         not null,
    effective_to                date,
    postgraduate_max_age        int          not null,
    min_service_years           int          not null,
    required_good_rating_years  int          not null,
    commitment_factor           int          not null,
    covered_min_training_months int          not null,
    yearly_minimum_periods      int          not null,
    constraint rule_set_dates check (effective_to is null or effective_to >= effective_from)
);
create index rule_set_category on rule_set (staff_category, effective_from);

-- Decree 101/2017/ND-CP as amended by Decree 89/2021/ND-CP (Art. 33: 3 years' service, two consecutive years of
-- good performance, under 40 at first postgraduate study; commitment twice the training period).
-- Decree 171/2025/ND-CP for cadres and civil servants from 1 July 2025: under 45, commitment three times.
-- Covered training: postgraduate, overseas, or any state-funded training of at least 12 months.
insert into rule_set (code, name, staff_category, effective_from, effective_to, postgraduate_max_age, min_service_years,
                      required_good_rating_years, commitment_factor, covered_min_training_months, yearly_minimum_periods)
values ('ND101-2017', 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)', 'PUBLIC_EMPLOYEE',
        '2017-09-01', null, 40, 3, 2, 2, 12, 40),
       ('ND101-2017', 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)', 'CIVIL_SERVANT',
        '2017-09-01', '2025-06-30', 40, 3, 2, 2, 12, 40),
       ('ND101-2017', 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)', 'CADRE',
        '2017-09-01', '2025-06-30', 40, 3, 2, 2, 12, 40),
       ('ND171-2025', 'Nghị định 171/2025/NĐ-CP', 'CIVIL_SERVANT', '2025-07-01', null, 45, 3, 2, 3, 12, 40),
       ('ND171-2025', 'Nghị định 171/2025/NĐ-CP', 'CADRE', '2025-07-01', null, 45, 3, 2, 3, 12, 40);

create table commitment (
    id            uuid primary key,
    enrolment_id  uuid         not null unique references enrolment (id),
    personnel_id  uuid         not null,
    rule_set_code varchar(50)  not null,
    starts_on     date         not null,
    ends_on       date         not null,
    months        int          not null,
    cost_vnd      bigint       not null,
    status        varchar(20)  not null,
    breached_on   date
);
create index commitment_person on commitment (personnel_id, status);

create table repayment_case (
    id              uuid primary key,
    commitment_id   uuid references commitment (id),
    enrolment_id    uuid         not null references enrolment (id),
    personnel_id    uuid         not null,
    cause           varchar(30)  not null,
    cost_vnd        bigint       not null,
    served_months   int,
    unserved_months int,
    computed_vnd    bigint       not null,
    amount_vnd      bigint       not null,
    status          varchar(20)  not null,
    exemption       varchar(50),
    decision_number varchar(100),
    decided_on      date,
    paid_on         date,
    opened_on       date         not null,
    note            text
);
create unique index repayment_case_once on repayment_case (enrolment_id, cause);
create index repayment_case_person on repayment_case (personnel_id);
