-- Tables of one read-model generation; run with search_path set to the generation's schema.
create table unit_version (
    code           varchar(64) not null,
    effective_from date not null,
    parent_code    varchar(64),
    name           varchar(300),
    kind           varchar(40),
    valid_from     date,
    valid_to       date,
    merged_into    varchar(64),
    primary key (code, effective_from)
);
create index unit_version_parent on unit_version (parent_code, effective_from);

create table person (
    personnel_id    uuid primary key,
    full_name       varchar(300),
    gender          varchar(10) not null,
    ethnic_minority boolean not null,
    category        varchar(30),
    unit_code       varchar(64),
    status          varchar(20),
    title_code      varchar(64),
    rank_code       varchar(64),
    leader          boolean not null,
    planned_titles  text,
    planned         boolean not null default false,  -- one of planned_titles is ACTIVE
    ratings         text,
    excellent       boolean not null default false   -- person_result.excellent > 0 (an EXCELLENT enrolment)
);
create index person_unit on person (unit_code);
-- the succession review's two lists of people, counted and paged from the index alone
create index person_planned on person (unit_code) include (personnel_id, status, category, full_name) where planned;
create index person_excellent on person (unit_code) include (personnel_id, status, category, full_name)
    where excellent and not planned;

-- unit, category, status, title and rank of a person over time: [effective_from, effective_to). Only events that
-- change one of them add a row (a qualification or rating event never does).
create table person_version (
    personnel_id   uuid not null,
    effective_from date not null,
    effective_to   date,
    unit_code      varchar(64),
    category       varchar(30),
    status         varchar(20),
    title_code     varchar(64),
    rank_code      varchar(64),
    primary key (personnel_id, effective_from)
);
create index person_version_unit on person_version (unit_code, effective_from) include (effective_to, status, category, personnel_id);
-- the versions that start or end in a year, which the yearly minimum adds to staff_rollup's rows
create index person_version_from on person_version (effective_from) include (effective_to, unit_code, category, status);
create index person_version_to on person_version (effective_to) include (unit_code, category, status)
    where effective_to is not null;

-- qualification_id: the producer's id, or kind:level:awardedOn when an event has none; levels of FOREIGN_LANGUAGE
-- and IT are free codes
create table qualification (
    personnel_id     uuid not null,
    qualification_id varchar(200) not null,
    kind             varchar(100) not null,
    level            varchar(100) not null,
    awarded_on       date,
    primary key (personnel_id, qualification_id)
);

-- levels a planned person still lacks for the title of an ACTIVE plan (personnel events' planGaps)
create table plan_gap (
    personnel_id uuid not null,
    line         integer not null,
    plan_id      varchar(64),
    title_code   varchar(64),
    kind         varchar(100) not null,
    level        varchar(100) not null,
    primary key (personnel_id, line)
);

-- the highest level of each kind an active person held, where and as what they were: [valid_from, valid_to)
create table stock_interval (
    personnel_id uuid not null,
    kind         varchar(100) not null,
    level        varchar(100) not null,
    unit_code    varchar(64) not null,
    category     varchar(30) not null,
    valid_from   date not null,
    valid_to     date
);
create index stock_interval_unit on stock_interval (unit_code, valid_from) include (valid_to, kind, level, category);
create index stock_interval_person on stock_interval (personnel_id);
-- the intervals that start or end in a year, which the stock of a wide scope adds to stock_rollup's rows
create index stock_interval_from on stock_interval (valid_from) include (valid_to, kind, level, category, unit_code);
create index stock_interval_to on stock_interval (valid_to) include (kind, level, category, unit_code)
    where valid_to is not null;

create table training_class (
    class_id          uuid primary key,
    code              varchar(64),
    program_id        uuid,
    program_name      varchar(500),
    category          varchar(40),
    level             varchar(100),
    delivery_mode     varchar(40),
    location          varchar(20),
    periods           integer,
    organising_unit   varchar(64),
    start_date        date,
    end_date          date,
    cost_per_learner  bigint,
    status            varchar(20)
);
create index training_class_unit on training_class (organising_unit, start_date);

create table plan (
    plan_id        uuid primary key,
    year           integer not null,
    org_unit_code  varchar(64),
    status         varchar(20)
);
create table plan_item (
    plan_id          uuid not null,
    line             integer not null,
    category         varchar(40),
    level            varchar(100),
    planned_classes  integer not null,
    target_learners  integer not null,
    primary key (plan_id, line)
);
create index plan_unit on plan (org_unit_code, year);

-- every enrolment with its latest state and its reported status (projection/TrainingTurn: turns are IN_PROGRESS,
-- COMPLETED, FAILED, WITHDRAWN; WITHDRAWN_EARLY, ENTRY_EXAM_FAILED and CLASS_CANCELLED never were one); unit_code and
-- staff_category are the person's on the class's start date (TrainingTurn.PLACE), source_* the producer's, used only
-- while the person's history is unknown; retraining is false for degree training, which the yearly minimum ignores
create table enrolment (
    enrolment_id       uuid primary key,
    personnel_id       uuid not null,
    class_id           uuid,
    category           varchar(40) not null,
    level              varchar(100) not null,
    delivery_mode      varchar(40) not null,
    location           varchar(20) not null,
    start_date         date,
    end_date           date,
    unit_code          varchar(64) not null,
    staff_category     varchar(30) not null,
    source_unit_code   varchar(64) not null default '',
    source_staff_category varchar(30) not null default '',
    gender             varchar(10) not null,
    ethnic_minority    boolean not null,
    leader             boolean not null,
    status             varchar(20) not null,
    fit                varchar(10),
    funding_source     varchar(20) not null,
    funding_vnd        bigint not null,
    cost_vnd           bigint not null,
    periods            integer not null,
    retraining         boolean not null default true,
    grade              varchar(20),
    exam_failed        boolean not null,
    completed_on       date,
    withdrawn_on       date
);
create index enrolment_unit on enrolment (unit_code, start_date) include (category, level, status, personnel_id, class_id, staff_category);
-- distinct people and classes of the whole data set in a period, without a unit filter
create index enrolment_start on enrolment (start_date) include (category, level, status, personnel_id, class_id, staff_category);
create index enrolment_person on enrolment (personnel_id);
create index enrolment_class on enrolment (class_id);
create index enrolment_excellent on enrolment (personnel_id) where grade = 'EXCELLENT';

-- training turns pre-aggregated by every dimension the reports group or filter by, kept by deltas
create table training_fact (
    unit_code        varchar(64) not null,
    period_month     date not null,
    category         varchar(40) not null,
    level            varchar(100) not null,
    delivery_mode    varchar(40) not null,
    location         varchar(20) not null,
    staff_category   varchar(30) not null,
    leader           boolean not null,
    gender           varchar(10) not null,
    ethnic_minority  boolean not null,
    status           varchar(20) not null,
    funding_source   varchar(20) not null,
    fit              varchar(10) not null,
    turns            bigint not null,
    periods          bigint not null,
    cost_vnd         bigint not null,
    funding_vnd      bigint not null,
    primary key (unit_code, period_month, category, level, delivery_mode, location, staff_category, leader, gender,
                 ethnic_minority, status, funding_source, fit)
);
-- the fit report reads only WARN and MISFIT facts (a few percent): from this index alone
create index training_fact_fit on training_fact (period_month)
    include (fit, category, level, status, staff_category, unit_code, turns, cost_vnd) where fit in ('WARN', 'MISFIT');

-- the anchor of every unit that has training facts or stock intervals: the top of its chain of latest parents when
-- last computed (the unit itself while its parents are unknown). Kept in step with training_rollup (TrainingRollup)
-- and stock_rollup (StockRollup).
create table rollup_unit (
    unit_code   varchar(64) primary key,
    anchor_code varchar(64) not null
);
create index rollup_unit_anchor on rollup_unit (anchor_code);

-- training turns (IN_PROGRESS, COMPLETED, FAILED, WITHDRAWN) of training_fact summed per anchor, month (span 'M'),
-- quarter (span 'Q', period_month its first day) or calendar year (span 'Y', period_month 1 January) and staff
-- category, for the training summary of wide scopes: rows of split LINE by category, level and status (code ''), rows
-- of split DELIVERY_MODE, LOCATION and FUNDING_SOURCE by code (category, level, status ''). Kept by the same deltas as training_fact; a row may fall to zero and stay.
create table training_rollup (
    anchor_code     varchar(64) not null,
    span            char(1) not null,
    period_month    date not null,
    staff_category  varchar(30) not null,
    split           varchar(20) not null,
    code            varchar(40) not null,
    category        varchar(40) not null,
    level           varchar(100) not null,
    status          varchar(20) not null,
    turns           bigint not null,
    periods         bigint not null,
    cost_vnd        bigint not null,
    funding_vnd     bigint not null,
    primary key (anchor_code, span, period_month, staff_category, split, code, category, level, status)
);
-- the whole data set's rows of a period (no anchor to lead with)
create index training_rollup_period on training_rollup (span, period_month);

-- a small number for every person and class seen in an enrolment, so that sets of them fit in compact bitmaps
create table id_number (
    id     uuid primary key,
    number integer generated always as identity unique
);

-- the distinct people and classes with training turns, per anchor (as in training_rollup), month (span 'M'), quarter
-- (span 'Q') or calendar year (span 'Y', period_start 1 January), staff category, category and level: serialised
-- Roaring bitmaps of id_number.number (projection/DistinctRollup). People and classes are not additive; bitmaps of the cells of a
-- scope and period are united and counted instead of scanning the turns.
create table distinct_rollup (
    anchor_code     varchar(64) not null,
    span            char(1) not null,
    period_start    date not null,
    staff_category  varchar(30) not null,
    category        varchar(40) not null,
    level           varchar(100) not null,
    people          bytea not null,
    classes         bytea not null,
    primary key (anchor_code, span, period_start, staff_category, category, level)
);
create index distinct_rollup_period on distinct_rollup (span, period_start);

-- the annual report's figures (report 8) per anchor, year of the class start, staff category and leader: one row per
-- measure (a column of AnnualReport.COLUMNS, TOTAL, WOMEN, MINORITY, COST_<funding source>, COST), kept by the deltas
-- of training_fact (projection/AnnualRollup)
create table annual_rollup (
    anchor_code    varchar(64) not null,
    year           integer not null,
    staff_category varchar(30) not null,
    leader         boolean not null,
    measure        varchar(40) not null,
    value          bigint not null,
    primary key (anchor_code, year, staff_category, leader, measure)
);
create index annual_rollup_year on annual_rollup (year);

-- the qualification stock per anchor (as in training_rollup), year, category, kind and level
-- (projection/StockRollup, counted as projection/YearlyIntervals says): held = closed intervals containing 31 December
-- of the year before; opened = open intervals starting on or after 1 January of the year (the row of
-- YearlyIntervals.FIRST_YEAR - 1: every open interval). stock_change: per month, the intervals starting in it less
-- those ending in it. Kept by the deltas of a person's intervals and moved with units that change anchor.
create table stock_rollup (
    anchor_code varchar(64) not null,
    year        integer not null,
    category    varchar(30) not null,
    kind        varchar(100) not null,
    level       varchar(100) not null,
    held        bigint not null,
    opened      bigint not null,
    primary key (anchor_code, year, category, kind, level)
);
create index stock_rollup_year on stock_rollup (year);
create table stock_change (
    anchor_code varchar(64) not null,
    month       date not null,
    category    varchar(30) not null,
    kind        varchar(100) not null,
    level       varchar(100) not null,
    net         bigint not null,
    primary key (anchor_code, month, category, kind, level)
);
create index stock_change_month on stock_change (month);

-- failed (course or exam), withdrawn and EXCELLENT enrolments per person, for the succession review; kept by the
-- deltas of TrainingFacts
create table person_result (
    personnel_id uuid primary key,
    failed       bigint not null,
    withdrawn    bigint not null,
    excellent    bigint not null
);
create index person_result_excellent on person_result (personnel_id) where excellent > 0;

-- periods of completed retraining per person and year (yearly minimum), kept by deltas
-- unit_code, category: where the person was on 31 December of the year, null when not active then (StaffRollup)
create table person_year (
    personnel_id uuid not null,
    year         integer not null,
    periods      bigint not null,
    unit_code    varchar(64),
    category     varchar(30),
    primary key (personnel_id, year)
);
create index person_year_met on person_year (year, unit_code) include (periods, category);

-- the active staff (person_version not LEFT) per unit, year and category, and per unit, month and category
-- (staff_change), as YearlyIntervals counts intervals (see stock_rollup); kept by the deltas of a person's history
-- (StaffRollup)
create table staff_rollup (
    unit_code varchar(64) not null,
    year      integer not null,
    category  varchar(30) not null,
    held      bigint not null,
    opened    bigint not null,
    primary key (unit_code, year, category)
);
create index staff_rollup_year on staff_rollup (year);
create table staff_change (
    unit_code varchar(64) not null,
    month     date not null,
    category  varchar(30) not null,
    net       bigint not null,
    primary key (unit_code, month, category)
);
create index staff_change_month on staff_change (month);

-- per unit, staff category, kind and level: the planned people (not LEFT) who still lack that level for a planned
-- title, kept by every person event (projection/GapRollup)
create table gap_rollup (
    unit_code varchar(64) not null,
    category  varchar(30) not null,
    kind      varchar(100) not null,
    level     varchar(100) not null,
    people    bigint not null,
    primary key (unit_code, category, kind, level)
);

-- unit_code, staff_category: of the person now, or of the enrolment while the person is unknown (Placement)
create table commitment (
    commitment_id  uuid primary key,
    enrolment_id   uuid,
    personnel_id   uuid,
    starts_on      date,
    ends_on        date,
    months         integer,
    cost_vnd       bigint,
    status         varchar(20),
    unit_code      varchar(64),
    staff_category varchar(30)
);
create index commitment_unit on commitment (unit_code);
create index commitment_person on commitment (personnel_id);
create index commitment_enrolment on commitment (enrolment_id);
create table repayment (
    case_id         uuid primary key,
    commitment_id   uuid,
    enrolment_id    uuid,
    personnel_id    uuid,
    amount_vnd      bigint,
    status          varchar(20),
    decision_number varchar(100),
    decided_on      date,
    unit_code       varchar(64),
    staff_category  varchar(30)
);
create index repayment_unit on repayment (unit_code);
create index repayment_commitment on repayment (commitment_id);
create index repayment_person on repayment (personnel_id);
-- the commitments still ACTIVE after their end date (until enrolment-service fulfils them): the report counts them
-- as fulfilled
create index commitment_active_ends on commitment (ends_on) include (unit_code, staff_category, cost_vnd)
    where status = 'ACTIVE';

-- commitments (items, cost) and repayment cases (items, amount) per unit, staff category and status, as the
-- commitments report counts them ('' for unknown); kept with every write of commitment and repayment
-- (projection/CommitmentRollup)
create table commitment_rollup (
    unit_code      varchar(64) not null,
    staff_category varchar(30) not null,
    status         varchar(20) not null,
    items          bigint not null,
    amount_vnd     bigint not null,
    primary key (unit_code, staff_category, status)
);
create table repayment_rollup (like commitment_rollup including all);
