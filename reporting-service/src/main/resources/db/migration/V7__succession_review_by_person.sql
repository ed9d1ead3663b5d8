-- The succession review reads who is planned from person.planned (with a partial index) instead of parsing every
-- person's planned_titles, and each person's failed, withdrawn and EXCELLENT enrolments from person_result instead of
-- counting their enrolments. Existing generations get both, computed from what they hold (the statement that fills
-- person_result is TrainingFacts.FILL_PERSON_RESULT); new ones get them from read-model/schema.sql.
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
            'alter table %1$I.person add column planned boolean not null default false',
            'update %1$I.person p set planned = true where exists (select 1 from jsonb_array_elements(
                coalesce(p.planned_titles, ''[]'')::jsonb) t where t->>''status'' = ''ACTIVE'')',
            'create index person_planned on %1$I.person (unit_code) where planned',
            'create table %1$I.person_result (personnel_id uuid primary key, failed bigint not null,
                withdrawn bigint not null, excellent bigint not null)',
            'create index person_result_excellent on %1$I.person_result (personnel_id) where excellent > 0',
            'insert into %1$I.person_result (personnel_id, failed, withdrawn, excellent)
                select personnel_id, count(*) filter (where status = ''FAILED'' or exam_failed),
                    count(*) filter (where status = ''WITHDRAWN''), count(*) filter (where grade = ''EXCELLENT'')
                from %1$I.enrolment
                where status = ''FAILED'' or exam_failed or status = ''WITHDRAWN'' or grade = ''EXCELLENT''
                group by personnel_id']
        loop
            execute format(stmt, s);
        end loop;
    end loop;
end $$;
