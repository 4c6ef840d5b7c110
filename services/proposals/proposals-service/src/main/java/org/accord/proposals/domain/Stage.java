package org.accord.proposals.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ISO harmonized stage codes a proposal passes through here. Phases 20 (preparatory) and
 * 90/95 (review, withdrawal of a published standard) are not run by this service: a draft goes from
 * registration (10) to committee consultation (30), enquiry (40), approval (50) and publication (60).
 */
public enum Stage {
    REGISTERED("10.00", "new project registered"),
    NP_BALLOT("10.20", "new work item ballot initiated"),
    NP_VOTING_CLOSED("10.60", "close of new work item voting"),
    NP_RETURNED("10.92", "returned to submitter for further definition"),
    NP_DELETED("10.98", "project abandoned"),
    NP_APPROVED("10.99", "new work item approved"),
    CD_CONSULTATION("30.20", "committee draft consultation initiated"),
    CD_CLOSED("30.60", "close of comment period"),
    CD_DELETED("30.98", "project abandoned"),
    DIS_BALLOT("40.20", "DIS ballot initiated"),
    DIS_VOTING_CLOSED("40.60", "close of DIS voting"),
    DIS_REFERRED_BACK("40.92", "full report circulated: DIS referred back"),
    DIS_NEW_BALLOT("40.93", "new DIS ballot initiated"),
    DIS_DELETED("40.98", "project abandoned"),
    DIS_APPROVED("40.99", "DIS approved for registration as FDIS"),
    FDIS_BALLOT("50.20", "FDIS ballot initiated"),
    FDIS_VOTING_CLOSED("50.60", "close of FDIS voting"),
    FDIS_REFERRED_BACK("50.92", "FDIS referred back"),
    FDIS_DELETED("50.98", "project abandoned"),
    FDIS_APPROVED("50.99", "FDIS approved for publication"),
    UNDER_PUBLICATION("60.00", "under publication"),
    PUBLISHED("60.60", "standard published");

    private final String code;
    private final String description;

    Stage(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The two-digit phase: 10, 30, 40, 50 or 60. */
    public String phase() {
        return code.substring(0, 2);
    }

    /** Abandoned projects end in substage 98 of the phase they were in; their number is never reused. */
    public boolean isAbandoned() {
        return code.endsWith(".98");
    }

    public static Optional<Stage> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code + " (" + description + ")";
    }
}
