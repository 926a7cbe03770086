-- One row that nodes starting at the same moment lock in turn while they create the groups, rights and shared
-- Tasklist filters of the engine: the second finds what the first made instead of failing on a duplicate.
create table startup_lock (
    id integer primary key
);
insert into startup_lock (id) values (1);
