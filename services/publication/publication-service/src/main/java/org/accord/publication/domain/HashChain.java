package org.accord.publication.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a project's chain of published texts. Each link is intact when its stored text still
 * hashes to the SHA-256 recorded at publication, and when the previous-text hash it recorded is
 * the recorded hash of the document published before it. Changing a text breaks its own link;
 * changing a text and its recorded hash together breaks the link of the next publication.
 */
public final class HashChain {

    private HashChain() {
    }

    /** The result for one publication of the chain. */
    public record Link(String designation, int edition, PublicationKind kind, String recordedSha256, String computedSha256,
                       String recordedPreviousSha256, String expectedPreviousSha256, boolean valid, List<String> problems) {
    }

    /** The result for the whole chain, one link per published document (edition or supplement): valid only if every link is. */
    public record Verification(int projectNumber, boolean valid, List<Link> editions) {
    }

    /**
     * Recomputes every hash of the standard's chain.
     *
     * @param textBySha256 the stored text recorded under a hash, or null when none is stored
     */
    public static Verification verify(Standard standard, Function<String, String> textBySha256) {
        List<Link> links = new ArrayList<>();
        String expectedPrevious = null;
        for (Publication p : standard.publications()) {
            List<String> problems = new ArrayList<>();
            String text = textBySha256.apply(p.textSha256());
            String computed = text == null ? null : TextHash.sha256(text);
            if (text == null) {
                problems.add("no text is stored for " + p.textSha256());
            } else if (!computed.equals(p.textSha256())) {
                problems.add("the stored text hashes to " + computed + ", not to the recorded " + p.textSha256());
            }
            if (!sameHash(expectedPrevious, p.previousSha256())) {
                problems.add("the recorded previous hash " + p.previousSha256() + " is not the hash " + expectedPrevious
                        + " recorded for the document published before it");
            }
            links.add(new Link(p.designation(), p.edition(), p.kind(), p.textSha256(), computed, p.previousSha256(),
                    expectedPrevious, problems.isEmpty(), List.copyOf(problems)));
            expectedPrevious = p.textSha256();
        }
        return new Verification(standard.number(), links.stream().allMatch(Link::valid), List.copyOf(links));
    }

    private static boolean sameHash(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
