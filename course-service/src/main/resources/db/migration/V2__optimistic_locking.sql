-- Optimistic locking: two concurrent changes of one programme or class no longer both win (the later one is a
-- 409 concurrent-modification instead of a server error or a lost update).
alter table program add column lock_version bigint not null default 0;
alter table course_class add column lock_version bigint not null default 0;
