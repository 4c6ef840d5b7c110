package org.accord.testing.malformed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which request is sent to which operation with which kind of malformation: every kind that
 * applies at least once per operation (oversized bodies twice: JSON and bytes), then kinds drawn
 * from the seed, the operations in turn, up to the number of requests asked for.
 */
final class Plan {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    /** One request of the plan; its own random numbers come from the seed and its index. */
    record Planned(int index, Operation operation, Kind kind) {
    }

    private Plan() {
    }

    static List<Planned> of(List<Operation> operations, long seed, int requests) {
        List<Planned> plan = new ArrayList<>();
        Map<Operation, List<Kind>> kinds = new LinkedHashMap<>();
        for (Operation operation : operations) {
            List<Kind> applicable = Kind.applicable(operation);
            if (applicable.isEmpty()) {
                log.warn("{} takes no input that could be malformed without making it valid; not sent", operation.key());
                continue;
            }
            kinds.put(operation, applicable);
            for (Kind kind : applicable) {
                plan.add(new Planned(plan.size(), operation, kind));
                if (kind == Kind.OVERSIZED_BODY) {
                    plan.add(new Planned(plan.size(), operation, kind));
                }
            }
        }
        Random random = new Random(seed);
        List<Operation> planned = new ArrayList<>(kinds.keySet());
        while (plan.size() < requests && !planned.isEmpty()) {
            Operation operation = planned.get(plan.size() % planned.size());
            List<Kind> applicable = kinds.get(operation).stream().filter(k -> k != Kind.OVERSIZED_BODY).toList();
            plan.add(new Planned(plan.size(), operation, applicable.get(random.nextInt(applicable.size()))));
        }
        return plan;
    }

    /** The request of a plan, malformed: the same for the same seed and index. */
    static Draft draft(ValidValues valid, Planned planned, long seed) {
        Random random = new Random(seed * 1_000_003L + planned.index());
        Draft draft = valid.draft(planned.operation());
        planned.kind().malform(draft, planned.operation(), random);
        return draft;
    }
}
