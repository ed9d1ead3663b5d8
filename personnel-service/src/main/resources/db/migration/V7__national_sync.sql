-- The sync with the national database of cadres, civil servants and public employees (Decree 27/2026): every change
-- its file must carry becomes a delivery, due within 3 working days (docs/national-sync.md).

-- Days that differ from the rule "Monday to Friday are working days": public holidays and compensatory days off
-- (HOLIDAY, also when they fall on a weekend: harmless) and Saturdays worked in exchange (WORKING_DAY). Kept by an
-- admin through /api/national-sync/calendar.
create table working_calendar_day (
    day        date primary key,
    kind       varchar(20)  not null,
    name       varchar(200) not null,
    updated_by varchar(200),
    updated_at timestamptz,
    constraint working_calendar_day_kind check (kind in ('HOLIDAY', 'WORKING_DAY'))
);

insert into working_calendar_day (day, kind, name) values
    -- 2025
    ('2025-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2025-01-27', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    ('2025-04-26', 'WORKING_DAY', 'Làm bù cho ngày nghỉ hoán đổi 02/5/2025'),
    ('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng 30/4'),
    ('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động 1/5'),
    ('2025-05-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'),
    ('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)'),
    ('2025-09-02', 'HOLIDAY', 'Quốc khánh 2/9'),
    -- 2026
    ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2026-01-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'),
    ('2026-01-10', 'WORKING_DAY', 'Làm bù cho ngày nghỉ hoán đổi 02/01/2026'),
    ('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)'),
    ('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
    ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng 30/4'),
    ('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động 1/5'),
    ('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)'),
    ('2026-09-02', 'HOLIDAY', 'Quốc khánh 2/9'),
    -- 2027: no official decision known when this was written; the Labour Code's rules applied (an admin corrects
    -- these days when the Ministry of Home Affairs announces the year's plan)
    ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch'),
    ('2027-02-04', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2027-02-10', 'HOLIDAY', 'Tết Nguyên đán'),
    ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    ('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng 30/4'),
    ('2027-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động 1/5 (thứ Bảy)'),
    ('2027-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế Lao động'),
    ('2027-09-02', 'HOLIDAY', 'Quốc khánh 2/9'),
    ('2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề)');

-- One change sent (or to be sent) to the national file: a section of the person's file (PERSON: identity, staff
-- category, unit, rank and title; LEVEL: one level with date and evidence; TRAINING: one completed training turn) as
-- it was when the change was recorded. A person's deliveries go in sequence order: one waits while an earlier one is
-- not ACCEPTED.
create sequence national_delivery_seq;
create table national_delivery (
    id              uuid primary key,
    person_id       uuid         not null references person (id),
    sequence        bigint       not null default nextval('national_delivery_seq'),
    section         varchar(20)  not null,
    section_key     varchar(100) not null,
    content         text         not null,
    status          varchar(20)  not null,
    revision        int          not null default 1,
    recorded_on     date         not null,
    deadline        date         not null,
    overdue_at      timestamptz,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_attempt_at timestamptz,
    last_error      varchar(500),
    rejection       text,
    receipt         varchar(200),
    accepted_at     timestamptz,
    created_at      timestamptz  not null,
    constraint national_delivery_section check (section in ('PERSON', 'LEVEL', 'TRAINING')),
    constraint national_delivery_status check (status in ('PENDING', 'SENT', 'ACCEPTED', 'REJECTED', 'OVERDUE'))
);
create unique index national_delivery_sequence on national_delivery (sequence);
create index national_delivery_person on national_delivery (person_id, sequence);
create index national_delivery_open on national_delivery (next_attempt_at) where status <> 'ACCEPTED';
