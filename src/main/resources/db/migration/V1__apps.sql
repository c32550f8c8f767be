create table apps (
    id varchar(36) primary key,
    name varchar(200) not null,
    plan varchar(20) not null,
    timezone varchar(64) not null,
    entities varchar(200000) not null,
    pages varchar(20000) not null,
    created_by varchar(200) not null,
    created_at timestamp with time zone not null
);

create table app_members (
    app_id varchar(36) not null references apps (id) on delete cascade,
    user_name varchar(200) not null,
    role varchar(20) not null,
    primary key (app_id, user_name)
);
create index app_members_user on app_members (user_name);

create table app_records (
    id varchar(36) primary key,
    app_id varchar(36) not null references apps (id) on delete cascade,
    entity varchar(100) not null,
    data varchar(100000) not null,
    created_by varchar(200) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index app_records_entity on app_records (app_id, entity, created_at);
