package io.switchboard.agent.offline;

import java.util.Optional;

/**
 * What a request says about app data: the entity it refers to, or, when it names a kind of record this app does
 * not have, that noun as written ("invoices").
 */
public record EntityMatch(Optional<String> entity, Optional<String> unknownNoun) {

    public static EntityMatch none() {
        return new EntityMatch(Optional.empty(), Optional.empty());
    }
}
