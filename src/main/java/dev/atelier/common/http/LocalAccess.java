package dev.atelier.common.http;

/**
 * Whether the service is for this machine only - local mode, where every request acts as the one built-in user, not
 * opened to the network - so that it must answer only under this machine's own names (the Host check against DNS
 * rebinding). Provided by the user feature, which owns the authentication mode; declared here so the HTTP layer does
 * not reach up into it.
 */
public interface LocalAccess {

    boolean machineOnly();
}
