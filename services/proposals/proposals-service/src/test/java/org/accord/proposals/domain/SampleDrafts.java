package org.accord.proposals.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample working draft of ACC/TC 1 (a copy of the reference data, in the test resources). */
final class SampleDrafts {

    private SampleDrafts() {
    }

    static String workingDraft42() {
        try (InputStream in = SampleDrafts.class.getResourceAsStream("/draft-acc-tc1-wd-42.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
