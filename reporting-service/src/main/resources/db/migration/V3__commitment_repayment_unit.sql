-- The commitments report groups commitments and repayments by the unit (and staff category) of their person now, or
-- of the enrolment while the person is unknown. The projection keeps both on the rows (EnrolmentProjector.PLACE) so
-- that the report reads them through an index instead of joining people and enrolments on every request. Existing
-- generations get the columns, their values and the indexes here; new ones from read-model/schema.sql.
do $$
declare
    s     text;
    stmt  text;
    place text := 'unit_code = coalesce((select p.unit_code from %1$I.person p where p.personnel_id = c.personnel_id),
                (select e.unit_code from %1$I.enrolment e where e.enrolment_id = c.enrolment_id)),
            staff_category = coalesce((select p.category from %1$I.person p where p.personnel_id = c.personnel_id),
                (select nullif(e.staff_category, '''') from %1$I.enrolment e where e.enrolment_id = c.enrolment_id))';
begin
    for s in select g.schema_name from public.report_generation g
             where g.status in ('ACTIVE', 'BUILDING')
               and exists (select 1 from information_schema.schemata i where i.schema_name = g.schema_name)
    loop
        foreach stmt in array array[
            'alter table %1$I.commitment add column if not exists unit_code varchar(64)',
            'alter table %1$I.commitment add column if not exists staff_category varchar(30)',
            'alter table %1$I.repayment add column if not exists unit_code varchar(64)',
            'alter table %1$I.repayment add column if not exists staff_category varchar(30)',
            'update %1$I.commitment c set ' || place,
            'update %1$I.repayment c set ' || place,
            'create index if not exists commitment_unit on %1$I.commitment (unit_code)',
            'create index if not exists repayment_unit on %1$I.repayment (unit_code)']
        loop
            execute format(stmt, s);
        end loop;
    end loop;
end $$;
