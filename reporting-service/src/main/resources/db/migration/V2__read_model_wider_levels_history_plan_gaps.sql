-- Brings the generations that already exist to the tables of read-model/schema.sql (new generations are created
-- from that file directly):
-- * qualification ids are not always present in events: a person's qualification is keyed by (personnel_id,
--   qualification_id) and the id made up of kind:level:awardedOn fits; FOREIGN_LANGUAGE and IT levels are free
--   codes of up to 50 characters at the producer, so every kind/level column takes 100;
-- * person history keeps title and rank (an "updated" event adds a row only when one of these changed);
-- * plan_gap: the levels planned people still lack (personnel events' planGaps);
-- * indexes for the commitments report, which now reaches repayments and commitments without the person.
-- Person history built before this version may hold rows dated by qualification or rating events: run
-- POST /api/admin/rebuild once after upgrading.
do $$
declare
    s    text;
    stmt text;
begin
    for s in select g.schema_name from public.report_generation g
             where g.status in ('ACTIVE', 'BUILDING')
               and exists (select 1 from information_schema.schemata i where i.schema_name = g.schema_name)
    loop
        foreach stmt in array array[
            'alter table %I.person add column if not exists rank_code varchar(64)',
            'alter table %I.person_version add column if not exists title_code varchar(64)',
            'alter table %I.person_version add column if not exists rank_code varchar(64)',
            'alter table %I.qualification drop constraint if exists qualification_pkey',
            'drop index if exists %I.qualification_person',
            'alter table %I.qualification alter column qualification_id type varchar(200), alter column kind type varchar(100), alter column level type varchar(100)',
            'alter table %I.qualification add primary key (personnel_id, qualification_id)',
            'alter table %I.stock_interval alter column kind type varchar(100), alter column level type varchar(100)',
            'alter table %I.training_class alter column level type varchar(100)',
            'alter table %I.plan_item alter column level type varchar(100)',
            'alter table %I.enrolment alter column level type varchar(100)',
            'alter table %I.training_fact alter column level type varchar(100)',
            'create table if not exists %I.plan_gap (personnel_id uuid not null, line integer not null, plan_id varchar(64), title_code varchar(64), kind varchar(100) not null, level varchar(100) not null, primary key (personnel_id, line))',
            'create index if not exists commitment_enrolment on %I.commitment (enrolment_id)',
            'create index if not exists repayment_person on %I.repayment (personnel_id)']
        loop
            execute format(stmt, s);
        end loop;
    end loop;
end $$;

-- A rebuild left BUILDING by a crash no longer blocks the next one: the building instance beats a heartbeat, and a
-- build whose heartbeat is older than the timeout is abandoned by the next start.
alter table report_generation add column owner varchar(100);
alter table report_generation add column heartbeat_at timestamptz;
