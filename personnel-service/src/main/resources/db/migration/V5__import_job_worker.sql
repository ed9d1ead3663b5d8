-- Issue 19: a running import names its worker (the service instance) and beats a heartbeat, so that a job whose
-- worker died (crash, kill, database outage) is found and ended instead of staying RUNNING for ever.
alter table import_job add column worker varchar(100);
alter table import_job add column heartbeat_at timestamptz;
create index import_job_running on import_job (heartbeat_at) where status = 'RUNNING';
