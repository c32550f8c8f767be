package io.switchboard.connections;

import java.util.List;
import java.util.Optional;

/** The one door flows use to act as a connection. */
public interface ConnectionAccess {

    /** The connection a flow of this app uses for {@code connector}: the shared one, or {@code user}'s own. */
    Optional<String> connectionFor(String appId, String connector, ConnectionMode mode, String user);

    /** Owners of active per-user connections of this app for {@code connector}. */
    List<String> perUserOwners(String appId, String connector);

    /**
     * A usable grant: refreshed first when the token is expired or about to expire (one refresh per connection at a
     * time). Throws {@link ReconnectRequiredException} when the provider refuses the saved sign-in.
     */
    AccessGrant grant(String connectionId);

    /** {@link #grant} of the connection {@link #connectionFor} names, found and read at once; empty when none is. */
    Optional<AccessGrant> grantFor(String appId, String connector, ConnectionMode mode, String user);

    /**
     * The grant as stored, when its token needs no refresh yet: no provider call, so it may be read inside a caller's
     * transaction. Empty when there is no such connection or its token is (nearly) expired: {@link #grantFor} then.
     * Throws {@link ReconnectRequiredException} when the connection needs a new sign-in.
     */
    Optional<AccessGrant> storedGrant(String appId, String connector, ConnectionMode mode, String user);

    /** After the provider answered 401 with {@code rejected}: refresh once and return the new grant. */
    AccessGrant refreshAfterRejection(String connectionId, AccessGrant rejected);

    /** The scopes the connection holds now. */
    List<String> grantedScopes(String connectionId);
}
