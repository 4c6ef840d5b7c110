package org.accord.proposals.domain;

/**
 * What can move a proposal: an action someone asks for through the API, or a reaction to another
 * service's event. Actions carry the name the API uses for them in {@code allowedActions}.
 */
public enum Step {
    OPEN_COMMENT_PERIOD("open-comment-period", true),
    CLOSE_COMMENT_PERIOD("close-comment-period", true),
    REVISE_DRAFT("revise-draft", true),
    REQUEST_NP_BALLOT("request-np-ballot", true),
    REQUEST_DIS_BALLOT("request-dis-ballot", true),
    REQUEST_FDIS_BALLOT("request-fdis-ballot", true),
    SKIP_FINAL_BALLOT("skip-final-ballot", true),
    WITHDRAW("withdraw", true),
    COMMENT_PERIOD_CLOSED("comment-period-closed", false),
    BALLOT_APPROVED("ballot-approved", false),
    BALLOT_REJECTED("ballot-rejected", false),
    STANDARD_PUBLISHED("standard-published", false);

    private final String actionName;
    private final boolean action;

    Step(String actionName, boolean action) {
        this.actionName = actionName;
        this.action = action;
    }

    public String actionName() {
        return actionName;
    }

    /** Who may ask for this action: the secretariat withdraws a project, the editor does everything else; null for reactions. */
    public org.accord.actor.Role askedBy() {
        return this == WITHDRAW ? org.accord.actor.Role.SECRETARIAT : action ? org.accord.actor.Role.EDITOR : null;
    }

    /** True for what a person asks for; false for reactions to other services' events. */
    public boolean isAction() {
        return action;
    }

    public static Step requestBallot(BallotType type) {
        return switch (type) {
            case NP -> REQUEST_NP_BALLOT;
            case DIS -> REQUEST_DIS_BALLOT;
            case FDIS -> REQUEST_FDIS_BALLOT;
        };
    }
}
