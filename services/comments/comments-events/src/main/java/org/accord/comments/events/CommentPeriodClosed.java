package org.accord.comments.events;

import java.time.Instant;
import java.util.Map;

/**
 * A comment period closed, at its deadline ({@code reason} DEADLINE), early at the editor's
 * request (EDITOR), or because its project was withdrawn (WITHDRAWN); the counts of the comments
 * it holds, by type and by member body.
 */
public record CommentPeriodClosed(String periodId, String proposalId, int version, String kind, String reason,
                                  int total, Map<String, Integer> byType, Map<String, Integer> byMemberBody,
                                  Instant closedAt) {
}
