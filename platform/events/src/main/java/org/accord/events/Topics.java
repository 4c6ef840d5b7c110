package org.accord.events;

import java.util.List;

/**
 * The topic catalogue: one topic per producing aggregate, keyed by the proposal id (committees by
 * the committee id, member bodies by their code) so one proposal's events stay in order. The suffix is the topic's major
 * version; a breaking change to the topic's contract gets a new topic.
 */
public final class Topics {

    /** Proposals service: drafts, versions, stages. Key: proposal id. */
    public static final String PROPOSALS = "accord.proposals.v1";
    /** Proposals service: committees and their membership. Key: committee id. */
    public static final String COMMITTEES = "accord.committees.v1";
    /** Proposals service: the member-body register (admissions, categories, suspensions, resignations). Key: ISO 3166 code. */
    public static final String MEMBER_BODIES = "accord.member-bodies.v1";
    /** Comments service: comment periods, comments, dispositions. Key: proposal id. */
    public static final String COMMENTS = "accord.comments.v1";
    /** Voting service: ballots, votes, results. Key: proposal id. */
    public static final String BALLOTS = "accord.ballots.v1";
    /** Publication service: published standards and withdrawals. Key: proposal id. */
    public static final String STANDARDS = "accord.standards.v1";

    public static final List<String> ALL = List.of(PROPOSALS, COMMITTEES, MEMBER_BODIES, COMMENTS, BALLOTS, STANDARDS);

    private Topics() {
    }

    /** The dead-letter topic of one consumer group on one topic: {@code <topic>.<group>.dlt}. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlt";
    }
}
