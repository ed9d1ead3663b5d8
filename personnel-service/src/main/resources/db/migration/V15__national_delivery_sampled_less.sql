-- Autoanalyze samples 300 rows per unit of a table's largest statistics target: 30,000 rows of national_delivery at
-- the default (100), half its time in the sections' JSON, which nothing filters on. Its lookups are by id, sequence
-- and person, whose spread 3,000 rows show as well (a table of 300,000 rows of 630 bytes: ANALYZE 370 ms at 100,
-- 50 ms at 10; its autoanalyze took 3.1 s of the 18 s that autovacuum spent in a 100,000-turn history import).
alter table national_delivery
    alter column id set statistics 10,
    alter column person_id set statistics 10,
    alter column sequence set statistics 10,
    alter column section set statistics 10,
    alter column section_key set statistics 10,
    alter column content set statistics 0,
    alter column status set statistics 10,
    alter column revision set statistics 10,
    alter column recorded_on set statistics 10,
    alter column deadline set statistics 10,
    alter column overdue_at set statistics 10,
    alter column attempts set statistics 10,
    alter column next_attempt_at set statistics 10,
    alter column last_attempt_at set statistics 10,
    alter column last_error set statistics 10,
    alter column rejection set statistics 0,
    alter column receipt set statistics 10,
    alter column accepted_at set statistics 10,
    alter column created_at set statistics 10;
