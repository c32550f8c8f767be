create table conversations (
    id varchar(36) primary key,
    app_id varchar(36) not null references apps (id) on delete cascade,
    user_name varchar(200) not null,
    stage varchar(30) not null,
    plan varchar(20000),
    mode varchar(20),
    flow_id varchar(36),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table conversation_messages (
    id varchar(36) primary key,
    conversation_id varchar(36) not null references conversations (id) on delete cascade,
    seq integer not null,
    role varchar(20) not null,
    text varchar(10000) not null,
    card varchar(20000),
    created_at timestamp with time zone not null
);
create index conversation_messages_seq on conversation_messages (conversation_id, seq);
