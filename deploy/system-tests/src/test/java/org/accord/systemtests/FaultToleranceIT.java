package org.accord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.accord.events.Topics;
import org.accord.systemtests.asyncapi.AsyncApiDocument;
import org.accord.systemtests.asyncapi.AsyncApiDocumentTest;
import org.accord.systemtests.checks.BrokerRecords;
import org.accord.systemtests.checks.DeadLetters;
import org.accord.systemtests.checks.Ledger;
import org.accord.systemtests.checks.Ledger.ExpectedDeadLetter;
import org.accord.systemtests.stack.SystemStack;
import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.Workflow;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * Faults in the middle of running workflows: a workflow service killed with SIGKILL and started
 * again, the broker killed with SIGKILL and started again, the store killed with SIGKILL during
 * journeys, batch uploads and submissions, and malformed records on every consumed topic. Each
 * scenario ends with the same checks: nothing answered lost, nothing doubled, nothing
 * dead-lettered that should not be; after the broker and the store, every event on the broker
 * held against the state. {@link FaultDrillIT} repeats the store and broker kills many times.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT extends FaultRounds {

    private static final long SEED = Long.getLong("accord.system-tests.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

    /** The steps of a journey in which each service has work to do: where its death hurts. */
    static final Map<String, List<String>> STEPS_OF = Map.of(
            "proposals", List.of("submit", "open comment period", "close comment period", "await 30.60", "revise",
                    "request DIS ballot", "await 40.99", "skip final ballot", "await 60.60"),
            "comments", List.of("open comment period", "comment", "comment batch", "comment CSV upload", "close comment period",
                    "await 30.60", "dispositions"),
            "voting", List.of("request DIS ballot", "await DIS ballot open", "votes", "await 40.99"),
            "publication", List.of("skip final ballot", "await 60.60"));

    @Test
    @Order(1)
    void shouldLoseNoCommentVoteOrPublicationWhenEachWorkflowServiceIsKilledAtARandomPointAndStartedAgain() throws Exception {
        System.out.println("FAULT random seed " + SEED + " (repeat with -Daccord.system-tests.seed=" + SEED + ")");
        List<String> members = workflow.committee(Workflow.TC1_SLUG).all();
        List<ProposalRun> runs = new ArrayList<>();
        List<CompletableFuture<ProposalRun.Edition>> journeys = new ArrayList<>();
        for (String service : SystemStack.WORKFLOW_SERVICES) {
            ProposalRun run = newRun("kill-" + service);
            runs.add(run);
            List<String> commenters = pick(members, 4);
            commenters.forEach(mb -> api.token(org.accord.systemtests.api.AccordApi.nationalBody(mb)));
            // A random step in which the service has work to do, and a random moment within it.
            String step = STEPS_OF.get(service).get(RANDOM.nextInt(STEPS_OF.get(service).size()));
            int within = RANDOM.nextInt(300);
            CompletableFuture<String> killed = new CompletableFuture<>();
            java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean(true);
            run.onStep(entered -> {
                if (entered.equals(step) && armed.getAndSet(false)) {
                    CompletableFuture.runAsync(() -> {
                        Workflow.sleep(Duration.ofMillis(within));
                        String at = run.step();
                        stack.kill(service);
                        killed.complete(at);
                    }, JOURNEYS);
                }
            });
            journeys.add(CompletableFuture.supplyAsync(() -> workflow.fullJourney(run, commenters, STEP), JOURNEYS));
            String at = killed.get(2, TimeUnit.MINUTES);
            System.out.println("FAULT kill -9 " + service + " " + within + " ms into step '" + step + "' of " + run.name
                    + " (then at '" + at + "')");
            assertThat(stack.alive(service)).isFalse();
            Duration back = stack.start(service);
            System.out.printf(Locale.ROOT, "FAULT %s UP again after %.1f s; %s is at step '%s'%n", service,
                    back.toMillis() / 1000.0, run.name, run.step());
        }
        await(journeys);
        checks.verify(runs);
    }

    @Test
    @Order(2)
    void shouldCompleteEveryWorkflowAndKeepEveryEventsStateWhenTheBrokerIsKilledMidWorkflow() {
        List<String> members = workflow.committee(Workflow.TC1_SLUG).all();
        List<ProposalRun> runs = List.of(newRun("broker-a"), newRun("broker-b"));
        List<CompletableFuture<ProposalRun.Edition>> journeys = new ArrayList<>();
        for (ProposalRun run : runs) {
            List<String> commenters = pick(members, 4);
            journeys.add(CompletableFuture.supplyAsync(() -> workflow.fullJourney(run, commenters, STEP), JOURNEYS));
        }
        Workflow.sleep(Duration.ofMillis(2_000 + RANDOM.nextInt(4_000)));
        System.out.println("FAULT kill -9 of the broker while " + runs.get(0).name + " is at '" + runs.get(0).step()
                + "' and " + runs.get(1).name + " at '" + runs.get(1).step() + "'");
        stack.kill("kafka");
        assertThat(stack.alive("kafka")).isFalse();
        Duration back = stack.start("kafka");
        System.out.printf(Locale.ROOT, "FAULT broker back after %.1f s; %s is at '%s'%n", back.toMillis() / 1000.0,
                runs.get(0).name, runs.get(0).step());
        await(journeys);
        checks.verify(runs);
        System.out.println("FAULT after the broker's kill: " + checks.verifyEvents());
    }

    @Test
    @Order(4)
    void shouldKeepEveryAnsweredWriteWhenTheStoreIsKilledDuringWorkflowsBatchUploadsAndSubmissions() {
        Round round = round("store", RANDOM, 2, List.of("store"));
        assertThat(round.killed()).containsExactly("store");
        assertThat(round.comments()).as("comments uploaded in batches across the kill").isEqualTo(6 * 3 * 15);
        assertThat(round.whileStoreDead()).as("a request while the store was dead").singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(503);
            assertThat(u.contentType()).startsWith("application/problem+json");
            assertThat(u.retryAfter()).isNotBlank();
        });
    }

    @Test
    @Order(3)
    void shouldDeadLetterAMalformedRecordOnEveryConsumedTopicWithItsReasonAndStillCompleteTheWorkflow() throws Exception {
        List<ExpectedDeadLetter> expected = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : Topics.ALL) {
                String key = "malformed-" + UUID.randomUUID();
                String value = "{\"not\": \"a CloudEvent\", \"topic\": \"" + topic + "\"";
                // No ce_* headers and a truncated body: no consumer can read it, however often it tries.
                producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
                AsyncApiDocument.consumerGroupsWithDeadLetters(topic).forEach(group -> {
                    ExpectedDeadLetter letter = new ExpectedDeadLetter(Topics.deadLetter(topic, group), key, value);
                    expected.add(letter);
                    Ledger.expectDeadLetter(letter);
                });
            }
        }
        // One per consuming group of each topic, as the AsyncAPI document lists them (a new consumer changes this).
        assertThat(expected).hasSize(9);

        ProposalRun run = newRun("malformed");
        workflow.fullJourney(run, pick(workflow.committee(Workflow.TC1_SLUG).all(), 3), STEP);

        List<DeadLetters.DeadLetter> letters = workflow.eventually("every malformed record dead-lettered", Duration.ofSeconds(60), () -> {
            List<DeadLetters.DeadLetter> all = DeadLetters.readAll(stack.kafkaBootstrapServers());
            List<ExpectedDeadLetter> found = all.stream().map(l -> new ExpectedDeadLetter(l.topic(), l.key(), l.value())).toList();
            return found.containsAll(expected) ? java.util.Optional.of(all) : java.util.Optional.empty();
        });
        for (ExpectedDeadLetter letter : expected) {
            assertThat(letters).filteredOn(l -> l.topic().equals(letter.topic()) && l.key().equals(letter.key()))
                    .singleElement()
                    .satisfies(l -> assertThat(l.reason()).as("the reason in " + l.topic()).contains("Not a CloudEvent"));
        }
        checks.verify(List.of(run));

        // The broker's real dead-letter topics, read from its admin API, are exactly the ones the documents name:
        // the *.dlt channels of the published deploy/asyncapi.yaml, each spelled <topic>.<group>.dlt as the README says.
        Set<String> onBroker = BrokerRecords.topicNames(stack.kafkaBootstrapServers()).stream()
                .filter(t -> t.endsWith(".dlt")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(onBroker).as("dead-letter topics on the broker vs deploy/asyncapi.yaml")
                .isEqualTo(publishedDeadLetterChannels());
        String readme = Files.readString(AsyncApiDocumentTest.ROOT.resolve("README.md"));
        assertThat(readme).contains("`<topic>.<group>.dlt`");
        Pattern spelled = Pattern.compile("(.+)\\.([a-z]+)\\.dlt");
        assertThat(onBroker).allSatisfy(name -> {
            Matcher m = spelled.matcher(name);
            assertThat(m.matches()).as(name).isTrue();
            assertThat(Topics.ALL).as("the <topic> of " + name).contains(m.group(1));
            assertThat(List.of("proposals", "comments", "voting", "publication")).as("the <group> of " + name).contains(m.group(2));
        });
    }

    /** The dead-letter channel addresses of deploy/asyncapi.yaml as published (the file, not its generator). */
    @SuppressWarnings("unchecked")
    private static Set<String> publishedDeadLetterChannels() throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(AsyncApiDocumentTest.DOCUMENT));
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        return channels.values().stream().map(c -> String.valueOf(c.get("address")))
                .filter(a -> a.endsWith(".dlt")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> pick(List<String> members, int count) {
        return pick(RANDOM, members, count);
    }
}
