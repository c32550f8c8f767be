create table chat_memory (
    memory_id varchar(100) primary key,
    messages varchar(1000000) not null,
    updated_at timestamp with time zone not null
);
