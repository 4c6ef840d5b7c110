package org.accord.web.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which requests need no token. Everything else needs a valid token (deny by default); what a
 * token's roles allow is then decided by the application layer through {@link org.accord.actor.Actor}.
 */
@ConfigurationProperties("accord.security")
public class AccordSecurityProperties {

    /** Path patterns anyone may GET (published standards, feeds, closed ballot results). */
    private List<String> publicGetPaths = new ArrayList<>();

    public List<String> getPublicGetPaths() {
        return publicGetPaths;
    }

    public void setPublicGetPaths(List<String> publicGetPaths) {
        this.publicGetPaths = publicGetPaths;
    }
}
