-- national_delivery gains a row for every section a person's change or a completed turn records, and each row is
-- updated again as it is sent and answered. With the default autovacuum_analyze_scale_factor (0.1) that many changes
-- had autoanalyze sample the table over and over as it grew (18 runs, 16 s of CPU, by 500,000 turns of a history
-- import at 100,000 staff), though what its lookups need (person_id's spread) does not move with growth. Half the
-- table changed is often enough.
alter table national_delivery set (autovacuum_analyze_scale_factor = 0.5);
