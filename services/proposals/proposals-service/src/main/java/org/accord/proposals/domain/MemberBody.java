package org.accord.proposals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.ConflictException;
import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;
import org.accord.proposals.events.MemberBodyAdmitted;
import org.accord.proposals.events.MemberBodyCategoryChanged;
import org.accord.proposals.events.MemberBodyReinstated;
import org.accord.proposals.events.MemberBodyResigned;
import org.accord.proposals.events.MemberBodySuspended;

/**
 * A national standards body in the organization's register, by its ISO 3166-1 alpha-2 code. The
 * secretariat admits it, changes its category, suspends and reinstates it, and records its
 * resignation; every change is one event with {@code revision} one higher. Setting what already
 * holds (the same category, suspending a suspended body) changes nothing and causes no event.
 *
 * @param name      the body's name in English
 * @param localName its name in its own language
 * @param reason    why it is suspended or resigned (null while active)
 */
public record MemberBody(String code, String name, String localName, MemberCategory category, MemberStanding standing,
                         String reason, long revision, String lastChange, String changedBy, Instant changedAt) {

    public static final int MAX_NAME = 200;
    public static final int MAX_REASON = 2_000;
    private static final Set<String> ISO_3166_ALPHA_2 = Set.of(Locale.getISOCountries());

    /** {@code code} in the register's spelling: trimmed, upper case. */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isCountryCode(String code) {
        return code != null && ISO_3166_ALPHA_2.contains(code);
    }

    /** Admits a body (secretariat, or the seeded list with {@code Actor.of("reference-data")} at first start). */
    public static Change<MemberBody> admit(String code, String name, String localName, String category, Actor actor,
                                           Instant now) {
        actor.require(Role.SECRETARIAT);
        return admit(code, name, localName, category, actor.name(), now);
    }

    public static Change<MemberBody> admit(String code, String name, String localName, String category, String by,
                                           Instant now) {
        String normalised = normalise(code);
        List<FieldError> errors = new ArrayList<>();
        if (!isCountryCode(normalised)) {
            errors.add(FieldError.of("code", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        requireText(errors, "name", name);
        requireText(errors, "localName", localName);
        MemberCategory parsed = MemberCategory.of(category).orElse(null);
        if (parsed == null) {
            errors.add(categoryError(category));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        MemberBody body = new MemberBody(normalised, name.strip(), localName.strip(), parsed, MemberStanding.ACTIVE, null, 1,
                "admitted as " + parsed.value(), by, now);
        return new Change<>(body, List.of(new MemberBodyAdmitted(body.code, body.name, body.localName, parsed.value(), 1,
                by, now)));
    }

    /**
     * Moves the body to another category. {@code participatingIn} are the committees it is a
     * P-member of: a correspondent or subscriber cannot stay one, so those must be changed first.
     */
    public Change<MemberBody> changeCategory(String next, List<String> participatingIn, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        MemberCategory parsed = MemberCategory.of(next).orElseThrow(() -> new InvalidInputException(List.of(categoryError(next))));
        requireNotResigned("change the category of");
        if (parsed == category) {
            return unchanged();
        }
        if (!parsed.mayBeParticipatingMember() && !participatingIn.isEmpty()) {
            throw new ConflictException("Only members are P-members", code + " is a P-member of " + participatingIn
                    + "; a " + parsed.value() + " may only be an O-member: make it an O-member there (or remove it) first");
        }
        MemberBody changed = next(parsed, standing, reason, "category changed from " + category.value() + " to "
                + parsed.value(), actor, now);
        return new Change<>(changed, List.of(new MemberBodyCategoryChanged(code, parsed.value(), category.value(),
                changed.revision, actor.name(), now)));
    }

    /** Suspends the body: it neither votes nor comments nor joins committees until reinstated; it still reads. */
    public Change<MemberBody> suspend(String why, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        requireNotResigned("suspend");
        if (standing == MemberStanding.SUSPENDED) {
            return unchanged();
        }
        MemberBody changed = next(category, MemberStanding.SUSPENDED, requireReason(why), "suspended", actor, now);
        return new Change<>(changed, List.of(new MemberBodySuspended(code, changed.reason, changed.revision, actor.name(), now)));
    }

    public Change<MemberBody> reinstate(Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        requireNotResigned("reinstate");
        if (standing == MemberStanding.ACTIVE) {
            return unchanged();
        }
        MemberBody changed = next(category, MemberStanding.ACTIVE, null, "reinstated", actor, now);
        return new Change<>(changed, List.of(new MemberBodyReinstated(code, changed.revision, actor.name(), now)));
    }

    /** Records that the body left the organization; recording it again changes nothing. */
    public Change<MemberBody> resign(String why, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        if (standing == MemberStanding.RESIGNED) {
            return unchanged();
        }
        MemberBody changed = next(category, MemberStanding.RESIGNED, requireReason(why), "resigned", actor, now);
        return new Change<>(changed, List.of(new MemberBodyResigned(code, changed.reason, changed.revision, actor.name(), now)));
    }

    /** Active bodies vote and comment as their category allows; suspended and resigned ones do neither. */
    public boolean isActive() {
        return standing == MemberStanding.ACTIVE;
    }

    /**
     * The rules of committee membership this body's register entry sets: only an active body joins
     * or changes its status, and only a {@code member} is a P-member.
     */
    public void requireMayHold(MembershipStatus status, String committeeId) {
        if (!isActive()) {
            throw new ConflictException("Member body " + standing.value(), code + " is " + standing.value()
                    + " and cannot be made a member of " + committeeId
                    + (standing == MemberStanding.SUSPENDED ? " until it is reinstated" : ""));
        }
        if (status == MembershipStatus.P && !category.mayBeParticipatingMember()) {
            throw new ConflictException("Only members are P-members", code + " is a " + category.value()
                    + " and may only be an O-member of " + committeeId);
        }
    }

    private void requireNotResigned(String what) {
        if (standing == MemberStanding.RESIGNED) {
            throw new ConflictException("Member body resigned", code + " resigned" + (changedAt == null ? "" : " at "
                    + changedAt) + "; the register cannot " + what + " it (a return is a new admission decision)");
        }
    }

    private MemberBody next(MemberCategory nextCategory, MemberStanding nextStanding, String nextReason, String change,
                            Actor actor, Instant now) {
        return new MemberBody(code, name, localName, nextCategory, nextStanding, nextReason, revision + 1, change,
                actor.name(), now);
    }

    private Change<MemberBody> unchanged() {
        return new Change<>(this, List.of());
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "must not be blank"));
        } else if (value.strip().length() > MAX_NAME) {
            errors.add(FieldError.of(field, "at most " + MAX_NAME + " characters"));
        }
    }

    private static FieldError categoryError(String category) {
        return FieldError.of("category", "'" + category + "' is not one of " + MemberCategory.valuesInWords());
    }

    private static String requireReason(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("reason", "must not be blank: say why, or which decision or letter it rests on");
        }
        return text.strip();
    }
}
