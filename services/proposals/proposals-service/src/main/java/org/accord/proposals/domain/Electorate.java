package org.accord.proposals.domain;

import java.util.List;

/** Who may vote on a ballot: the committee's P- and O-members when the ballot was requested. */
public record Electorate(List<String> participating, List<String> observing) {

    public Electorate {
        participating = List.copyOf(participating);
        observing = List.copyOf(observing);
    }
}
