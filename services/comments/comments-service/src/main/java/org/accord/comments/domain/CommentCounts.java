package org.accord.comments.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many comments a period holds, by type and by member body; withdrawn comments do not count. */
public record CommentCounts(int total, Map<String, Integer> byType, Map<String, Integer> byMemberBody) {

    public CommentCounts {
        byType = byType == null ? Map.of() : new LinkedHashMap<>(byType);
        byMemberBody = byMemberBody == null ? Map.of() : new LinkedHashMap<>(byMemberBody);
    }

    public static CommentCounts of(List<Comment> comments) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (CommentType type : CommentType.values()) {
            byType.put(type.code(), 0);
        }
        Map<String, Integer> byMemberBody = new TreeMap<>();
        int total = 0;
        for (Comment comment : comments) {
            if (comment.isWithdrawn()) {
                continue;
            }
            total++;
            byType.merge(comment.fields().type().code(), 1, Integer::sum);
            byMemberBody.merge(comment.fields().memberBody(), 1, Integer::sum);
        }
        return new CommentCounts(total, byType, byMemberBody);
    }
}
