-- The inbox (processed_event) and the audit trail (audit_record) are logs, a row an event or a change, read by key.
-- With the default autovacuum_analyze_scale_factor (0.1) autoanalyze sampled their 30,000 pages again each time they
-- grew by a tenth (audit_record: 18 runs, 15 s of CPU, in each of personnel and enrolment during a million-turn
-- history import; reporting's processed_event: 21 runs, 10 s), though their lookups by key do not depend on it. Half
-- the table changed is often enough. Repeatable and idempotent, so that existing databases get it too.
alter table processed_event set (autovacuum_analyze_scale_factor = 0.5);
alter table audit_record set (autovacuum_analyze_scale_factor = 0.5);
