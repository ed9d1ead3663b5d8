-- person_copy is updated by every person event, and a history import's results change people again and again (a
-- level gained, a record changed): with the default autovacuum_analyze_scale_factor (0.1) autoanalyze sampled the
-- table every 10,000 updates at 100,000 staff (12.7 s of CPU by 500,000 turns), though its distributions (units,
-- categories, names) do not move with those updates. Half the table changed is often enough.
alter table person_copy set (autovacuum_analyze_scale_factor = 0.5);
