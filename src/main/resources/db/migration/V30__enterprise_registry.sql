-- R9: the enterprise registry kept in the application's database (identity.recheck.registry=database),
-- loaded by CSV import. A copy of a public register: enterprise names, registered addresses, registration
-- numbers (normalised: upper case, no separators) and whether the enterprise is still active.
create table enterprise_registry_entry (
    region              varchar(2)   not null,
    registration_number varchar(32)  not null,
    name                varchar(300) not null,
    registered_address  varchar(500) not null,
    status              varchar(16)  not null,
    updated_at          timestamp with time zone not null,
    constraint enterprise_registry_entry_pk primary key (region, registration_number),
    constraint enterprise_registry_status_values check (status in ('ACTIVE', 'DISSOLVED'))
);

-- The re-check sweep pages through enterprise-verified accounts in id order (keyset pagination):
-- this index serves "status = 'VERIFIED' and identity_type = 'ENTERPRISE' and id > ? order by id".
create index account_recheck_order on account (status, identity_type, id);
