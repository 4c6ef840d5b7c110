package org.accord.proposals.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The secretariat set how a committee decides: {@code procedure} ISO, IEEE_SA or SIMPLE_MAJORITY
 * (was {@code previousProcedure}); {@code ruleSets} lists, per ballot type (NP, DIS, FDIS), the
 * rule sets its ballots may be counted under from now on, the default first.
 */
public record CommitteeProcedureSet(String committeeId, String procedure, String previousProcedure,
                                    Map<String, List<String>> ruleSets, String setBy, Instant setAt) {
}
