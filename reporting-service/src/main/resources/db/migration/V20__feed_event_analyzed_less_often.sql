-- feed_event is a log, one row an event, read by position (and by subject); with the default
-- autovacuum_analyze_scale_factor (0.1) autoanalyze sampled its 30,000 pages of 1 KB payloads each time it grew by a
-- tenth (13.1 s of CPU by 500,000 turns of a history import at 100,000 staff). Its growth does not change those
-- lookups' plans (a position past the statistics is read from the index). Half the table changed is often enough.
alter table feed_event set (autovacuum_analyze_scale_factor = 0.5);
