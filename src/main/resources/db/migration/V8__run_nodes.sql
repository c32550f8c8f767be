-- Nodes that work runs, each seen at its last heartbeat; a run remembers the node that holds it, so the runs of a
-- node that stopped beating can be handed to another.
create table run_nodes (
    id varchar(36) primary key,
    seen_at timestamp with time zone not null
);
alter table flow_runs add column node_id varchar(36);
create index flow_runs_node on flow_runs (node_id, status);
