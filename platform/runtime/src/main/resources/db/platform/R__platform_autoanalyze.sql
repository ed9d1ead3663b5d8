-- The inbox (processed_event) and the audit trail (audit_record) are logs, a row an event or a change, read by key.
-- With the default autovacuum_analyze_scale_factor (0.1) autoanalyze sampled their 30,000 pages again each time they
-- grew by a tenth (audit_record: 18 runs, 15 s of CPU, in each of personnel and enrolment during a million-turn
-- history import; reporting's processed_event: 21 runs, 10 s), though their lookups by key do not depend on it. Half
-- the table changed is often enough. Repeatable and idempotent, so that existing databases get it too.
alter table processed_event set (autovacuum_analyze_scale_factor = 0.5);
alter table audit_record set (autovacuum_analyze_scale_factor = 0.5);
-- A sample is 300 rows per unit of the largest statistics target: 3,000 rows at 10 show the keys' spread as well as
-- the default's 30,000 (ANALYZE of 300,000 rows of 630 bytes: 50 ms against 370), and nothing filters on the
-- changes' JSON, so it has none.
alter table processed_event
    alter column consumer set statistics 10,
    alter column event_id set statistics 10,
    alter column processed_at set statistics 10;
alter table audit_record
    alter column id set statistics 10,
    alter column occurred_at set statistics 10,
    alter column actor set statistics 10,
    alter column entity_type set statistics 10,
    alter column entity_id set statistics 10,
    alter column action set statistics 10,
    alter column before set statistics 0,
    alter column after set statistics 0;
