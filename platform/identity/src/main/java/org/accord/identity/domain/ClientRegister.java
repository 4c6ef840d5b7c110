package org.accord.identity.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every client Accord knows: the editor, the secretariat and one national body per member body. */
public final class ClientRegister {

    private final Map<String, ClientIdentity> byClientId = new LinkedHashMap<>();

    private ClientRegister(List<ClientIdentity> identities) {
        identities.forEach(identity -> {
            if (byClientId.putIfAbsent(identity.clientId(), identity) != null) {
                throw new IllegalArgumentException("Two clients with the id " + identity.clientId());
            }
        });
    }

    /** The editor, the secretariat, then {@code nb-<code>} for each member body code. */
    public static ClientRegister withMemberBodies(List<String> memberBodyCodes) {
        List<ClientIdentity> identities = new ArrayList<>();
        identities.add(ClientIdentity.editor());
        identities.add(ClientIdentity.secretariat());
        memberBodyCodes.forEach(code -> identities.add(ClientIdentity.nationalBody(code)));
        return new ClientRegister(identities);
    }

    public Optional<ClientIdentity> find(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    public List<ClientIdentity> all() {
        return List.copyOf(byClientId.values());
    }
}
