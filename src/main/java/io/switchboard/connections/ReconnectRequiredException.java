package io.switchboard.connections;

/** The provider no longer accepts the saved sign-in; a person has to connect the account again. */
public class ReconnectRequiredException extends RuntimeException {
    private final String connectionId;

    public ReconnectRequiredException(String connectionId, String message) {
        super(message, null, false, false);
        this.connectionId = connectionId;
    }

    public String connectionId() {
        return connectionId;
    }
}
