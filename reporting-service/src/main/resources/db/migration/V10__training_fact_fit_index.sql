-- The fit report reads only the WARN and MISFIT facts: a partial index that holds all it needs.
do $$
declare
    s text;
begin
    for s in select g.schema_name from public.report_generation g
             where g.status in ('ACTIVE', 'BUILDING')
               and exists (select 1 from information_schema.schemata i where i.schema_name = g.schema_name)
    loop
        execute format('create index training_fact_fit on %1$I.training_fact (period_month)
            include (fit, category, level, status, staff_category, unit_code, turns, cost_vnd)
            where fit in (''WARN'', ''MISFIT'')', s);
    end loop;
end $$;
