-- The levels and yearly ratings imports keep their jobs beside the staff list's: a job says what it imports, and
-- each import's endpoint reads its own jobs only.
alter table import_job add column kind varchar(20) not null default 'STAFF';
