package org.accord.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prints {@code SCENARIO <name> took <s> s} for every scenario, passed or failed. */
public final class ScenarioTimer implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScenarioTimer.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("started", Instant.now());
        System.out.println("SCENARIO " + context.getRequiredTestMethod().getName() + " starts");
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Instant started = context.getStore(NAMESPACE).get("started", Instant.class);
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "SCENARIO %s took %.1f s%s%n", context.getRequiredTestMethod().getName(), seconds,
                context.getExecutionException().isPresent() ? " (FAILED: " + context.getExecutionException().get() + ")" : "");
    }
}
