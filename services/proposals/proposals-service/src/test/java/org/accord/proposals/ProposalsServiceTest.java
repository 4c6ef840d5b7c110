package org.accord.proposals;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.accord.testing.AccordServiceTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The one configuration of every integration test of this module, so they all share one Spring
 * context on the real broker and store: the service, a WebTestClient, and the write gate.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AccordServiceTest
@AutoConfigureWebTestClient
@Import(WriteGate.Configuration.class)
public @interface ProposalsServiceTest {
}
