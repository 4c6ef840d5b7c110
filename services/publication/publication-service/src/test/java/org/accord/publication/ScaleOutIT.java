package org.accord.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.accord.proposals.events.PublicationApproved;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.TestInfrastructure;
import org.accord.testing.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Two instances of the service on one store and one broker, as when it is scaled out: an
 * approval is issued once, by whichever instance its partition belongs to, and the SSE clients
 * of BOTH instances receive it, because each instance reads accord.standards.v1 in a group of its
 * own. The live feeds' periodic sweep is 30 s in tests, so delivery within the wait below comes
 * from the fan-out, not from the sweep.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
class ScaleOutIT {

    static final Duration WAIT = Duration.ofSeconds(25);
    static ConfigurableApplicationContext second;

    @Autowired
    Environment environment;
    @Autowired
    BindingServiceProperties bindings;
    @LocalServerPort
    int port;

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void shouldDeliverEveryPublicationToTheSseClientsOfEveryInstance() throws Exception {
        String committee = Approvals.committee("ScaleOut");
        int secondPort = startSecondInstance();

        try (SseClient onFirst = SseClient.connect(port, committee, null);
             SseClient onSecond = SseClient.connect(secondPort, committee, null)) {
            for (String name : List.of("one", "two", "three")) {
                int project = Approvals.project();
                PublicationApproved approved = Approvals.approved(project, committee, "NEW", null, Approvals.text(project, name));
                Approvals.send(approved);
                ServerSentEvent<String> a = onFirst.next(WAIT);
                ServerSentEvent<String> b = onSecond.next(WAIT);
                assertThat(SseClient.data(a).get("designation").asString()).startsWith("ACC " + project + ":");
                assertThat(b.id()).isEqualTo(a.id());
                // The same event from both; its links name the address each client used (here, each instance's own port).
                assertThat(b.data()).contains("http://localhost:" + secondPort + "/standards/");
                assertThat(b.data().replace("http://localhost:" + secondPort + "/", "http://localhost:" + port + "/")).isEqualTo(a.data());
            }
        }
    }

    @Test
    void shouldLetAClientResumeOnAnotherInstanceFromAnIdTheFirstOneGaveIt() {
        String committee = Approvals.committee("Failover");
        int secondPort = startSecondInstance();
        String lastId;
        try (SseClient onFirst = SseClient.connect(port, committee, null)) {
            int project = Approvals.project();
            Approvals.send(Approvals.approved(project, committee, "NEW", null, Approvals.text(project, "before")));
            lastId = onFirst.next(WAIT).id();
        }
        int project = Approvals.project();
        PublicationApproved missed = Approvals.approved(project, committee, "NEW", null, Approvals.text(project, "missed"));
        try (SseClient watcher = SseClient.connect(port, committee, lastId)) {
            Approvals.send(missed);
            watcher.next(WAIT);
        }
        // The ids are the store's, not an instance's: the other instance knows exactly what was missed.
        try (SseClient onSecond = SseClient.connect(secondPort, committee, lastId)) {
            ServerSentEvent<String> resumed = onSecond.next(WAIT);
            assertThat(SseClient.data(resumed).get("designation").asString()).startsWith("ACC " + project + ":");
            assertThat(onSecond.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    /** Starts the second instance once, on the first instance's store, and waits until its fan-out consumer has partitions. */
    private int startSecondInstance() {
        if (second == null) {
            String brokers = TestInfrastructure.kafkaBootstrapServers();
            second = new SpringApplicationBuilder(PublicationApplication.class).run(
                    "--server.port=0",
                    "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                    "--spring.mongodb.database=" + environment.getProperty("spring.mongodb.database"),
                    "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                    "--spring.kafka.bootstrap-servers=" + brokers,
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.issuer(),
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri());
            String group = second.getBean(BindingServiceProperties.class).getBindingProperties("standardFanOut-in-0").getGroup();
            assertThat(group).startsWith("publication-fan-out-")
                    .isNotEqualTo(bindings.getBindingProperties("standardFanOut-in-0").getGroup());
            awaitAssigned(group);
        }
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    private static void awaitAssigned(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                Collection<MemberDescription> members = description.members();
                return !members.isEmpty() && members.stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }
}
