create table connections (
    id varchar(36) primary key,
    app_id varchar(36) not null references apps (id) on delete cascade,
    connector varchar(64) not null,
    mode varchar(20) not null,
    owner varchar(200) not null,
    account varchar(300),
    scopes varchar(4000) not null,
    status varchar(20) not null,
    status_reason varchar(500),
    access_token varchar(8000),
    refresh_token varchar(8000),
    extra varchar(8000),
    expires_at timestamp with time zone,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create unique index connections_owner on connections (app_id, connector, mode, owner);

create table connection_scopes (
    connection_id varchar(36) not null references connections (id) on delete cascade,
    scope varchar(300) not null,
    granted_at timestamp with time zone not null,
    primary key (connection_id, scope)
);

create table oauth_states (
    state_hash varchar(64) primary key,
    app_id varchar(36) not null,
    user_name varchar(200) not null,
    conversation_id varchar(36),
    connector varchar(64) not null,
    mode varchar(20) not null,
    scopes varchar(4000) not null,
    connection_id varchar(36),
    code_verifier varchar(500),
    expires_at timestamp with time zone not null,
    used boolean not null
);
