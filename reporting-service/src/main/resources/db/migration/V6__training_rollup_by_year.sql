-- training_rollup also sums each calendar year (span 'Y', period_month 1 January), so a summary over whole years reads
-- a twelfth of the rows. Existing generations get the column (their rows are months), the new key, and the yearly
-- rows added up from the monthly ones; new generations get them from read-model/schema.sql.
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
            'alter table %1$I.training_rollup add column span char(1) not null default ''M''',
            'alter table %1$I.training_rollup alter column span drop default',
            'alter table %1$I.training_rollup drop constraint training_rollup_pkey',
            'alter table %1$I.training_rollup add primary key (anchor_code, span, period_month, staff_category, split,
                code, category, level, status)',
            'insert into %1$I.training_rollup (anchor_code, span, period_month, staff_category, split, code, category,
                    level, status, turns, periods, cost_vnd, funding_vnd)
                select anchor_code, ''Y'', date_trunc(''year'', period_month)::date, staff_category, split, code,
                    category, level, status, sum(turns), sum(periods), sum(cost_vnd), sum(funding_vnd)
                from %1$I.training_rollup where span = ''M'' group by 1, 2, 3, 4, 5, 6, 7, 8, 9']
        loop
            execute format(stmt, s);
        end loop;
    end loop;
end $$;
