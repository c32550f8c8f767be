create table flows (
    id varchar(36) primary key,
    app_id varchar(36) not null references apps (id) on delete cascade,
    name varchar(300) not null,
    connector varchar(64) not null,
    action varchar(128) not null,
    trigger_spec varchar(2000) not null,
    source_entity varchar(100),
    source_filter varchar(4000),
    inputs varchar(100000) not null,
    connection_mode varchar(20) not null,
    created_by varchar(200) not null,
    status varchar(20) not null,
    status_reason varchar(1000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index flows_app on flows (app_id, connector);

create table flow_runs (
    id varchar(36) primary key,
    flow_id varchar(36) not null references flows (id) on delete cascade,
    idempotency_key varchar(400) not null unique,
    status varchar(20) not null,
    attempts integer not null,
    created_at timestamp with time zone not null,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    next_attempt_at timestamp with time zone,
    error varchar(4000),
    result_id varchar(1000),
    result_link varchar(2000),
    skipped_users integer not null,
    trigger_record varchar(100000),
    done_users varchar(20000)
);
create index flow_runs_flow on flow_runs (flow_id, created_at);
create index flow_runs_status on flow_runs (status);
