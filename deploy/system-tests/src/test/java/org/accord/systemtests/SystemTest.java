package org.accord.systemtests;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.systemtests.api.AccordApi;
import org.accord.systemtests.checks.Ledger;
import org.accord.systemtests.checks.WorkflowChecks;
import org.accord.systemtests.stack.SystemStack;
import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every scenario shares: the one stack of this JVM (started by the first scenario), a
 * client of its gateway, the workflow steps and the checks. Scenarios run one after another.
 */
@ExtendWith(ScenarioTimer.class)
public abstract class SystemTest {

    /** Threads for the requests a scenario sends at once (comments, votes, dispositions). */
    protected static final ExecutorService REQUESTS = Executors.newFixedThreadPool(24, daemon("system-test-request"));
    /** Threads for whole journeys running side by side. */
    protected static final ExecutorService JOURNEYS = Executors.newCachedThreadPool(daemon("system-test-journey"));
    /** Generous: one step may wait for a service that was killed to come back. */
    protected static final Duration STEP = Duration.ofSeconds(180);

    protected static SystemStack stack;
    protected static AccordApi api;
    protected static Workflow workflow;
    protected static WorkflowChecks checks;

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicInteger NUMBER = new AtomicInteger();

    @BeforeAll
    static void sharedStack() {
        synchronized (SystemTest.class) {
            if (stack == null) {
                stack = SystemStack.shared();
                api = new AccordApi(stack.gatewayUrl());
                workflow = new Workflow(api, REQUESTS, Duration.ofMillis(300));
                checks = new WorkflowChecks(workflow, stack.kafkaBootstrapServers());
            }
        }
    }

    /** A new proposal of this scenario in ACC/TC 1, with a title no other run of any JVM shares. */
    protected static ProposalRun newRun(String scenario) {
        return newRun(scenario, "NEW", null);
    }

    /** A proposal of the kind given; a REVISION, AMENDMENT or CORRIGENDUM names the designation it changes. */
    protected static ProposalRun newRun(String scenario, String kind, String basedOn) {
        String name = "st" + RUN + "-" + scenario + "-" + NUMBER.incrementAndGet();
        return Ledger.record(new ProposalRun(name, Workflow.TC1,
                "Interoperable evaluation reports for machine-learning models [" + name + "]", kind, basedOn));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
