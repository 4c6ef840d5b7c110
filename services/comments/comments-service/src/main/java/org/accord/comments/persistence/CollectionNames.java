package org.accord.comments.persistence;

/** The service's collections: one per aggregate type. */
public final class CollectionNames {

    public static final String PERIODS = "comment_periods";
    public static final String SUBMISSIONS = "comment_submissions";
    public static final String COMMITTEES = "committees";
    public static final String DRAFT_VERSIONS = "draft_versions";
    public static final String MEMBER_BODIES = "member_bodies";
    /** The state's field naming the proposal a comment period is kept under ({@code slot: "<proposalId>#<n>"}). */
    public static final String PERIOD_PARENT = "proposalId";
    /** The state's field naming the comment period a submission is kept under ({@code slot: "<periodId>#<n>"}). */
    public static final String SUBMISSION_PARENT = "periodId";

    private CollectionNames() {
    }
}
