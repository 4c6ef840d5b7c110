package org.accord.comments.api;

import java.util.List;

import org.accord.comments.domain.CommentFields;
import org.accord.comments.domain.Compilation;
import org.accord.comments.domain.FiledComment;
import org.accord.comments.domain.TemplateColumn;

/**
 * The compiled comments of a period as JSON, in the same order and with the same observations
 * column as the CSV and Excel compilations.
 */
public record CompilationView(String periodId, String proposalId, String committeeId, String kind, int version, String status,
                              List<String> columns, int count, List<Entry> comments) {

    public record Entry(String commentId, String memberBody, Integer lineNumber, String clause, String element, String type,
                        String comment, String proposedChange, String disposition, String observations,
                        String secretariatObservations) {
    }

    static CompilationView of(Compilation compilation) {
        var p = compilation.period();
        List<Entry> entries = compilation.comments().stream().map(CompilationView::entry).toList();
        return new CompilationView(p.periodId(), p.proposalId(), p.committeeId(), p.kind().name(), p.version(), p.status().name(),
                TemplateColumn.titles(), entries.size(), entries);
    }

    private static Entry entry(FiledComment filed) {
        CommentFields f = filed.comment().fields();
        var d = filed.comment().disposition();
        return new Entry(filed.comment().commentId(), f.memberBody(), f.lineNumber(), f.clause(), f.element(), f.type().code(),
                f.comment(), f.proposedChange(), d == null ? null : d.code(), filed.comment().observations(),
                filed.secretariatObservations());
    }
}
