package io.switchboard.connections;

import java.util.List;

/** Implemented by flows: which flows depend on a connection, so a person sees what breaks if it goes. */
public interface ConnectionUsage {

    record FlowUse(String flowId, String name, List<String> scopes) {
    }

    List<FlowUse> flowsUsing(String appId, String connector, ConnectionMode mode, String owner);
}
