package org.accord.publication.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.accord.publication.domain.Publication;
import org.accord.publication.domain.Standard;
import org.accord.web.PublicAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * How the service names its resources. Designations go into URLs as slugs
 * ({@code ACC 42:2027/Amd 1:2028} is {@code ACC-42-2027-Amd-1-2028}); a designation names one
 * document, but where two editions stored before designations were kept apart share one, the link
 * adds {@code ?edition=n}. Feed entry ids are URNs that never change: {@code urn:accord:standard:<slug>:edition:<n>}.
 */
final class Links {

    private Links() {
    }

    static String entryId(Publication p) {
        return "urn:accord:standard:" + p.parsedDesignation().slug() + ":edition:" + p.edition();
    }

    static String standard(Standard standard, Publication p) {
        return "/standards/" + p.parsedDesignation().slug() + editionQuery(standard, p);
    }

    static String text(Standard standard, Publication p, String form) {
        return "/standards/" + p.parsedDesignation().slug() + "/" + form + editionQuery(standard, p);
    }

    /** The links of a publication's JSON view, absolute: {@code base} is {@link #base} of the request. */
    static Map<String, String> of(String base, Standard standard, Publication p) {
        String slug = p.parsedDesignation().slug();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + standard(standard, p));
        links.put("markdown", base + text(standard, p, "text.md"));
        links.put("html", base + text(standard, p, "text.html"));
        links.put("editions", base + "/standards/" + slug + "/editions");
        links.put("verification", base + "/standards/" + slug + "/verification");
        if (p.isEdition() && p.edition() > 1) {
            links.put("diff", base + "/standards/" + slug + "/diff?from=" + (p.edition() - 1) + "&to=" + p.edition());
        }
        return links;
    }

    private static String editionQuery(Standard standard, Publication p) {
        long sharing = standard.publications().stream().filter(o -> o.designation().equals(p.designation())).count();
        return sharing > 1 ? "?edition=" + p.edition() : "";
    }

    /** Scheme, host and prefix of this request as the client addressed it (the gateway's, behind it). */
    static String base(ServerHttpRequest request) {
        return PublicAddress.base(request);
    }
}
