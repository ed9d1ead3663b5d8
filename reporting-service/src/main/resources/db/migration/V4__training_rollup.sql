-- The training summary of wide scopes (a province, the whole data set) reads training_rollup: the training turns of
-- training_fact summed per anchor (the top of a unit's chain of parents), month and staff category, kept by the same
-- deltas (projection/TrainingRollup). Existing generations get the tables, the index for distinct counts without a
-- unit filter, and the roll-up filled from their training_fact (the statements of TrainingRollup.FILL); new ones
-- get them from read-model/schema.sql.
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
            'create index if not exists enrolment_start on %1$I.enrolment (start_date) include (category, level, status, personnel_id, class_id, staff_category)',
            'create table %1$I.rollup_unit (unit_code varchar(64) primary key, anchor_code varchar(64) not null)',
            'create index rollup_unit_anchor on %1$I.rollup_unit (anchor_code)',
            'create table %1$I.training_rollup (anchor_code varchar(64) not null, period_month date not null,
                staff_category varchar(30) not null, split varchar(20) not null, code varchar(40) not null,
                category varchar(40) not null, level varchar(100) not null, status varchar(20) not null,
                turns bigint not null, periods bigint not null, cost_vnd bigint not null, funding_vnd bigint not null,
                primary key (anchor_code, period_month, staff_category, split, code, category, level, status))',
            'insert into %1$I.rollup_unit (unit_code, anchor_code)
                with recursive up(unit_code, code, depth) as (
                    select u.unit_code, u.unit_code, 0 from (select distinct unit_code from %1$I.training_fact) u
                    union all
                    select up.unit_code, p.parent_code, up.depth + 1 from up
                    cross join lateral (select v.parent_code from %1$I.unit_version v where v.code = up.code
                        order by v.effective_from desc limit 1) p
                    where p.parent_code is not null and up.depth < 64)
                select distinct on (unit_code) unit_code, code from up order by unit_code, depth desc',
            'insert into %1$I.training_rollup (anchor_code, period_month, staff_category, split, code, category, level,
                    status, turns, periods, cost_vnd, funding_vnd)
                select m.anchor_code, f.period_month, f.staff_category, s.split, s.code, s.category, s.level, s.status,
                    sum(f.turns), sum(f.periods), sum(f.cost_vnd), sum(f.funding_vnd)
                from %1$I.training_fact f join %1$I.rollup_unit m on m.unit_code = f.unit_code
                cross join lateral (values (''LINE'', '''', f.category, f.level, f.status),
                    (''DELIVERY_MODE'', f.delivery_mode, '''', '''', ''''), (''LOCATION'', f.location, '''', '''', ''''),
                    (''FUNDING_SOURCE'', f.funding_source, '''', '''', '''')) s(split, code, category, level, status)
                where f.status in (''IN_PROGRESS'', ''COMPLETED'', ''FAILED'', ''WITHDRAWN'')
                group by 1, 2, 3, 4, 5, 6, 7, 8']
        loop
            execute format(stmt, s);
        end loop;
    end loop;
end $$;
