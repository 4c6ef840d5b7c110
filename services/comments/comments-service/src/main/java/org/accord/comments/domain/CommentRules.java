package org.accord.comments.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.FieldError;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;

/**
 * What a comment must be to be accepted, checked for every comment of a submission before
 * anything is stored (a batch is all or nothing): a member body that is an ISO 3166 alpha-2 code,
 * is the caller's own and is a member of the committee; a clause that exists in the commented
 * version; a type ge/te/ed; a comment; sizes a compiled template can hold. Every error names its
 * field, and for uploads the row and column of the cell.
 */
public final class CommentRules {

    /** Comments per submission; a national position on a long draft fits, and one document stays small. */
    public static final int MAX_COMMENTS = 1000;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_ELEMENT = 200;
    public static final int MAX_CLAUSE = 100;
    public static final int MAX_LINE_NUMBER = 9_999_999;
    /** A refusal lists at most this many errors, enough to fix a file without a megabyte of problem document. */
    public static final int MAX_REPORTED_ERRORS = 100;

    private static final Set<String> ISO_3166_ALPHA_2 = Set.of(Locale.getISOCountries());
    private static final Pattern LINE_NUMBER = Pattern.compile("\\d{1,7}");

    private CommentRules() {
    }

    /**
     * Validates a national body's submission against the period it is for. Rows naming another
     * member body are refused with 403 (the caller may not speak for it); everything else wrong is
     * a 422 listing each offending cell.
     */
    public static List<CommentFields> validate(List<CommentDraft> drafts, CommentPeriod period, Committee committee, Actor actor) {
        authorize(drafts, period, committee, actor);
        if (drafts.isEmpty()) {
            throw new InvalidInputException("comments", "a submission needs at least one comment");
        }
        if (drafts.size() > MAX_COMMENTS) {
            throw new InvalidInputException("comments", "a submission holds at most " + MAX_COMMENTS + " comments, this one has "
                    + drafts.size() + "; send the rest in another submission");
        }
        List<FieldError> errors = new ArrayList<>();
        List<CommentFields> valid = new ArrayList<>();
        for (CommentDraft draft : drafts) {
            check(draft, memberBodyOf(draft, actor), period, errors).ifPresent(valid::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(capped(errors));
        }
        return valid;
    }

    /**
     * Whether the caller may submit these comments at all, decided before anything about the
     * period's state or the content is told: a national body, for its own member body only (403),
     * and a P- or O-member of the committee (403).
     */
    public static void authorize(List<CommentDraft> drafts, CommentPeriod period, Committee committee, Actor actor) {
        actor.require(Role.NATIONAL_BODY);
        List<FieldError> forbidden = new ArrayList<>();
        for (CommentDraft draft : drafts) {
            String named = memberBodyOf(draft, actor);
            if (isCountryCode(named) && !named.equals(actor.memberBody())) {
                forbidden.add(draft.origin().error(TemplateColumn.MEMBER_BODY,
                        "names member body " + named + ", but the caller acts for " + actor.memberBody()));
            }
        }
        if (!forbidden.isEmpty()) {
            throw (ForbiddenException) new ForbiddenException(actor.name() + " may submit comments only for its own member body "
                    + actor.memberBody() + "; " + forbidden.size() + " comment(s) name another")
                    .with("errors", capped(forbidden));
        }
        if (!period.admits(actor.memberBody(), committee)) {
            // Not the content's fault but the caller's: only the committee's members comment (403, as everywhere in Accord).
            String why = actor.memberBody() + " is not a P- or O-member of " + period.committeeId()
                    + ", so it cannot comment in period '" + period.periodId() + "'";
            throw (ForbiddenException) new ForbiddenException(why)
                    .with("errors", drafts.isEmpty() ? List.of() : List.of(drafts.get(0).origin().error(TemplateColumn.MEMBER_BODY, why)));
        }
    }

    /**
     * Validates the new content of an amended comment; its member body stays the one it was
     * submitted for (naming another is a 403).
     */
    public static CommentFields validateAmendment(CommentDraft draft, String memberBody, CommentPeriod period) {
        String named = blankToNull(draft.memberBody());
        if (named != null && !named.strip().toUpperCase(Locale.ROOT).equals(memberBody)) {
            throw (ForbiddenException) new ForbiddenException("A comment of " + memberBody + " cannot be moved to member body " + named)
                    .with("errors", List.of(draft.origin().error(TemplateColumn.MEMBER_BODY, "must stay " + memberBody)));
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<CommentFields> fields = check(draft, memberBody, period, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return fields.orElseThrow();
    }

    private static Optional<CommentFields> check(CommentDraft draft, String memberBody, CommentPeriod period, List<FieldError> errors) {
        Origin at = draft.origin();
        int before = errors.size();
        if (!isCountryCode(memberBody)) {
            errors.add(at.error(TemplateColumn.MEMBER_BODY, "'" + draft.memberBody() + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        if (draft.version() != null && draft.version() != period.version()) {
            errors.add(at.error("version", null, "comments in period '" + period.periodId() + "' are on version "
                    + period.version() + " of the draft, not " + draft.version()));
        }
        Integer lineNumber = null;
        String line = blankToNull(draft.lineNumber());
        if (line != null) {
            if (LINE_NUMBER.matcher(line.strip()).matches() && Integer.parseInt(line.strip()) >= 1) {
                lineNumber = Integer.parseInt(line.strip());
            } else {
                errors.add(at.error(TemplateColumn.LINE_NUMBER, "'" + line + "' is not a line number (a whole number from 1 to "
                        + MAX_LINE_NUMBER + ")"));
            }
        }
        String clause = null;
        String reference = blankToNull(draft.clause());
        if (reference == null) {
            errors.add(at.error(TemplateColumn.CLAUSE, "is required: the clause or subclause the comment is about"));
        } else if (reference.length() > MAX_CLAUSE) {
            errors.add(at.error(TemplateColumn.CLAUSE, "is longer than " + MAX_CLAUSE + " characters"));
        } else if (period.clauses().isEmpty()) {
            errors.add(at.error(TemplateColumn.CLAUSE, "the clauses of version " + period.version()
                    + " are not known to the comments service yet; try again shortly"));
        } else {
            Optional<DraftClause> found = period.clause(reference);
            if (found.isPresent()) {
                clause = found.get().number();
            } else {
                errors.add(at.error(TemplateColumn.CLAUSE, "'" + reference.strip() + "' is not a clause of version " + period.version()
                        + " of the draft"));
            }
        }
        String element = text(draft.element());
        if (element != null && element.length() > MAX_ELEMENT) {
            errors.add(at.error(TemplateColumn.ELEMENT, "is longer than " + MAX_ELEMENT + " characters"));
        }
        CommentType type = null;
        if (blankToNull(draft.type()) == null) {
            errors.add(at.error(TemplateColumn.TYPE, "is required: ge (general), te (technical) or ed (editorial)"));
        } else {
            type = CommentType.parse(draft.type()).orElse(null);
            if (type == null) {
                errors.add(at.error(TemplateColumn.TYPE, "'" + draft.type().strip()
                        + "' is not a type of comment; use ge (general), te (technical) or ed (editorial)"));
            }
        }
        String comment = text(draft.comment());
        if (comment == null) {
            errors.add(at.error(TemplateColumn.COMMENT, "is required"));
        } else if (comment.length() > MAX_TEXT) {
            errors.add(at.error(TemplateColumn.COMMENT, "is longer than " + MAX_TEXT + " characters"));
        }
        String proposedChange = text(draft.proposedChange());
        if (proposedChange != null && proposedChange.length() > MAX_TEXT) {
            errors.add(at.error(TemplateColumn.PROPOSED_CHANGE, "is longer than " + MAX_TEXT + " characters"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CommentFields(memberBody, lineNumber, clause, element, type, comment, proposedChange));
    }

    private static String memberBodyOf(CommentDraft draft, Actor actor) {
        String named = blankToNull(draft.memberBody());
        return named == null ? actor.memberBody() : named.strip().toUpperCase(Locale.ROOT);
    }

    static boolean isCountryCode(String code) {
        return code != null && code.length() == 2 && ISO_3166_ALPHA_2.contains(code);
    }

    /** Trimmed text, its line breaks as they were sent ({@code \r\n} from a spreadsheet stays), or null when blank. */
    static String text(String value) {
        String text = blankToNull(value);
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<FieldError> capped(List<FieldError> errors) {
        return errors.size() <= MAX_REPORTED_ERRORS ? errors : errors.subList(0, MAX_REPORTED_ERRORS);
    }
}
