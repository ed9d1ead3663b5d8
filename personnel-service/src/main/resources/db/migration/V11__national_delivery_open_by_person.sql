-- The connector sends a delivery only when it is its person's first one not accepted. The open deliveries were indexed
-- by next_attempt_at, which no query orders or filters by; a plan made while the table had few open deliveries checked
-- each candidate against every open delivery (2,000,000 rows and 1-4 s a look during a 20,000-person import). Indexed
-- by person and sequence, the check is one index entry, and the scans of all open deliveries (overdue marking and
-- counts) read the same entries as before.
drop index national_delivery_open;
create index national_delivery_open on national_delivery (person_id, sequence) where status <> 'ACCEPTED';
