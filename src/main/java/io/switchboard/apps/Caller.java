package io.switchboard.apps;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The person behind the current request. */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    public String name() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return identity.getPrincipal().getName();
    }

    public String email() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("email") != null) {
            return jwt.getClaim("email");
        }
        String name = name();
        return name.contains("@") ? name : name + "@example.com";
    }
}
