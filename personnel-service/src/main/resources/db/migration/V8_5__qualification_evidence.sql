-- The evidence of a qualification (the diploma or certificate, scanned): one file per qualification, PDF or image,
-- kept in the database with the record it proves (backed up and access-checked with it).
create table qualification_evidence (
    qualification_id uuid primary key references qualification (id),
    person_id uuid not null references person (id),
    file_name varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes integer not null,
    sha256 varchar(64) not null,
    content bytea not null,
    uploaded_at timestamptz not null,
    uploaded_by varchar(200)
);
create index qualification_evidence_person on qualification_evidence (person_id);
