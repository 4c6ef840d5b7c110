package org.accord.publication;

import org.accord.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepTheDomainPlainAndOtherServicesBehindTheirContracts() {
        ArchitectureRules.verify("publication");
    }
}
