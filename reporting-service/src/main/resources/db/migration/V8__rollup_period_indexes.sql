-- The summary of the whole data set reads both roll-ups by period alone; their keys lead with the anchor.
do $$
declare
    s text;
begin
    for s in select g.schema_name from public.report_generation g
             where g.status in ('ACTIVE', 'BUILDING')
               and exists (select 1 from information_schema.schemata i where i.schema_name = g.schema_name)
    loop
        execute format('create index training_rollup_period on %1$I.training_rollup (span, period_month)', s);
        execute format('create index distinct_rollup_period on %1$I.distinct_rollup (span, period_start)', s);
    end loop;
end $$;
