-- Organisational units, effective-dated: one row per version of a unit; a change closes the current version
-- (valid_to = the change's effective date) and opens the next. The tree "at" a date reads the versions valid then.
create table org_unit_version (
    id          bigint generated always as identity primary key,
    code        varchar(50)  not null,
    name        varchar(300) not null,
    search_name varchar(300) not null,
    kind        varchar(30)  not null,
    parent_code varchar(50),
    valid_from  date         not null,
    valid_to    date,
    merged_into varchar(50),
    constraint org_unit_version_dates check (valid_to is null or valid_to > valid_from)
);
create unique index org_unit_version_current on org_unit_version (code) where valid_to is null;
create index org_unit_version_code on org_unit_version (code, valid_from);
create index org_unit_version_parent on org_unit_version (parent_code);
