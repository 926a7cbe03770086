-- Which sets of demo data the embedded default has seeded, so that each is seeded once however often the application
-- starts (and by one node only: the primary key refuses a second insert). Plain SQL for H2 and PostgreSQL 15.
create table demo_data_seeded (
    name      varchar(64) primary key,
    seeded_at timestamp with time zone not null
);
