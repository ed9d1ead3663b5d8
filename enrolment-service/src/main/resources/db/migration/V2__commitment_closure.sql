-- How a commitment ended: fulfilled (served to its end), breached (left early: repayment) or released (left for a
-- reason that owes nothing, e.g. death or retirement), with the date and the reason.
alter table commitment add column closed_on date;
alter table commitment add column closed_reason varchar(50);
-- the fulfilment job looks for running commitments past their end
create index commitment_due on commitment (ends_on) where status = 'ACTIVE';
