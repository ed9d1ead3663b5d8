-- A delivery changes state twice on its way (SENT, then ACCEPTED) and its content (1-2 KB) not at all. While status
-- was in the predicates of the partial indexes national_delivery_due and national_delivery_open, neither change could
-- be a HOT update: each wrote the whole row again and an entry in every index of the table, and autovacuum cleaned up
-- after it (three row versions and fifteen index entries per delivery; autovacuum was PostgreSQL's largest part of a
-- million-turn import). The deliveries not accepted yet are now kept apart, in a narrow table the database keeps
-- current by triggers, and national_delivery's indexes no longer depend on status: its state changes are HOT updates
-- into the room fillfactor leaves on the page (rows written from now on).

drop index national_delivery_due;
drop index national_delivery_open;

-- The deliveries not ACCEPTED (pending, on their way, overdue, rejected), by sequence, with their person and deadline
-- (neither changes): the connector's window of open deliveries in sequence order, a person's first one not accepted,
-- the overdue marking and counts.
create table national_delivery_open (
    sequence  bigint primary key,
    person_id uuid   not null,
    deadline  date   not null
);
create index national_delivery_open_person on national_delivery_open (person_id, sequence);
insert into national_delivery_open (sequence, person_id, deadline)
    select sequence, person_id, deadline from national_delivery where status <> 'ACCEPTED';

create function national_delivery_inserted() returns trigger language plpgsql as $$
begin
    insert into national_delivery_open (sequence, person_id, deadline)
        select sequence, person_id, deadline from added where status <> 'ACCEPTED';
    return null;
end $$;

-- the keys as an array, so that the delete is a look in the primary key for each (a join with the transition table,
-- whose size the planner does not know, read the whole table at each update)
create function national_delivery_updated() returns trigger language plpgsql as $$
begin
    delete from national_delivery_open
        where sequence = any (array(select sequence from new_rows where status = 'ACCEPTED'));
    insert into national_delivery_open (sequence, person_id, deadline)
        select a.sequence, a.person_id, a.deadline from new_rows a join old_rows b on b.id = a.id
        where b.status = 'ACCEPTED' and a.status <> 'ACCEPTED'
    on conflict do nothing;
    return null;
end $$;

create function national_delivery_deleted() returns trigger language plpgsql as $$
begin
    delete from national_delivery_open where sequence = any (array(select sequence from removed));
    return null;
end $$;

-- statement triggers: an import's JDBC batch (one multi-row insert) and the connector's bulk updates run each once
create trigger national_delivery_inserted after insert on national_delivery
    referencing new table as added for each statement execute function national_delivery_inserted();
create trigger national_delivery_updated after update on national_delivery
    referencing old table as old_rows new table as new_rows for each statement execute function national_delivery_updated();
create trigger national_delivery_deleted after delete on national_delivery
    referencing old table as removed for each statement execute function national_delivery_deleted();

-- room for a row's next two versions on its page (a row is 1-2 KB): HOT updates, no new index entries
alter table national_delivery set (fillfactor = 60);
