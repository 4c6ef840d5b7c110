package org.accord.publication.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.accord.problem.ConflictException;
import org.accord.problem.NotFoundException;
import org.accord.publication.events.StandardPublished;
import org.accord.publication.events.StandardWithdrawn;

/**
 * Everything published under one project number, in the order it was published: its editions
 * and their amendments and corrigenda. One project is one document, so numbering editions and
 * supplements, cancelling the edition a revision replaces, and linking each text to the one
 * before are decided together and written in one step.
 *
 * @param lastSequence     the highest feed sequence among the publications (for feed queries)
 * @param publicationCount the number of publications, kept for counting without reading them
 */
public record Standard(int number, String committeeId, String title, List<Publication> publications, long lastSequence,
                       Instant lastChangedAt, int publicationCount) {

    public Standard {
        publications = publications == null ? List.of() : List.copyOf(publications);
        publicationCount = publications.size();
    }

    /** A project with nothing published yet. */
    public static Standard empty(int number) {
        return new Standard(number, null, null, List.of(), 0, null, 0);
    }

    /** The id of the project's document: {@code ACC-42}. */
    public static String idOf(int number) {
        return Designation.PREFIX + "-" + number;
    }

    public String id() {
        return idOf(number);
    }

    /**
     * The state change a command causes and the facts it publishes, written together. The domain
     * decides before any feed number is drawn, so a refused command wastes none: the documents the
     * change touches carry sequence 0 until {@link #numbered} gives them the reserved numbers.
     */
    public record Change(Standard standard, List<Publication> affected, List<StandardPublished> published,
                         List<StandardWithdrawn> withdrawn) {

        public boolean isEmpty() {
            return published.isEmpty() && withdrawn.isEmpty();
        }

        /** How many feed numbers the change needs: one per publication and one per withdrawal. */
        public int numbersNeeded() {
            return published.size() + withdrawn.size();
        }

        /** The change with its feed events numbered {@code first}, {@code first + 1}, ... in order. */
        public Change numbered(long first) {
            List<Publication> numberedAffected = new ArrayList<>();
            List<Publication> all = new ArrayList<>(standard.publications());
            long next = first;
            for (Publication p : affected) {
                int at = all.indexOf(p);
                Publication n = p.numbered(next++);
                all.set(at, n);
                numberedAffected.add(n);
            }
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).lastSequence() == 0) {
                    all.set(i, all.get(i).touchedAt(first));
                }
            }
            Standard s = standard;
            Standard result = new Standard(s.number(), s.committeeId(), s.title(), all, Math.max(s.lastSequence(), next - 1),
                    s.lastChangedAt(), 0);
            return new Change(result, List.copyOf(numberedAffected), published, withdrawn);
        }
    }

    public boolean hasPublished(String proposalId, int version) {
        return publications.stream().anyMatch(p -> p.isFrom(proposalId, version));
    }

    /**
     * Issues the approved text: designation, edition number, link to the previous text. A
     * revision cancels and replaces the current edition (and the supplements in force with it).
     * An approval already issued changes nothing, so a redelivered approval publishes once.
     */
    public Change publish(Approval approval, Instant at) {
        if (approval.projectNumber() != number) {
            throw new IllegalArgumentException("Approval for project " + approval.projectNumber() + " given to project " + number);
        }
        Optional<Publication> already = publications.stream()
                .filter(p -> p.isFrom(approval.proposalId(), approval.proposalVersion())).findFirst();
        if (already.isPresent()) {
            return new Change(this, List.of(already.get()), List.of(), List.of());
        }
        PublicationKind kind = PublicationKind.from(approval.kind()).orElseThrow(() -> new PublicationRefused(
                "Proposal " + approval.proposalId() + " has kind '" + approval.kind()
                        + "'; it must be one of NEW, REVISION, AMENDMENT, CORRIGENDUM"));
        checkText(approval);
        int year = LocalDate.ofInstant(at, ZoneOffset.UTC).getYear();
        String previousSha256 = publications.isEmpty() ? null : publications.get(publications.size() - 1).textSha256();
        String previousEditionSha256 = null;
        String amendsSha256 = null;
        List<Publication> next = new ArrayList<>(publications);
        Designation designation;
        int edition;
        int supplementNumber = 0;
        String basedOn = null;
        String replaces = null;
        if (kind == PublicationKind.NEW) {
            if (!publications.isEmpty()) {
                throw new PublicationRefused("Project " + number + " already has " + currentEdition().map(Publication::designation)
                        .orElse("publications") + "; a NEW proposal cannot publish a first edition under it again");
            }
            designation = Designation.edition(number, year);
            edition = 1;
        } else if (kind == PublicationKind.REVISION) {
            Publication current = currentEdition().orElseThrow(() -> new PublicationRefused(
                    "Project " + number + " has no published edition for proposal " + approval.proposalId() + " to revise"));
            if (approval.basedOn() != null) {
                Publication named = edition(approval.basedOn());
                if (!named.equals(current)) {
                    throw new PublicationRefused(approval.basedOn() + " is edition " + named.edition() + ", not the current edition "
                            + current.designation() + " (edition " + current.edition() + "); only the current edition can be revised");
                }
            }
            designation = Designation.edition(number, editionYear(year));
            edition = current.edition() + 1;
            basedOn = current.designation();
            replaces = current.designation();
            previousEditionSha256 = current.textSha256();
            for (int i = 0; i < next.size(); i++) {
                Publication p = next.get(i);
                if (p.edition() == current.edition() && p.status() == PublicationStatus.PUBLISHED) {
                    next.set(i, p.replacedBy(designation.toString(), at));
                }
            }
        } else {
            Publication target = approval.basedOn() == null ? currentEdition().orElseThrow(() -> new PublicationRefused(
                    "Project " + number + " has no published edition for " + kind.name().toLowerCase() + " " + approval.proposalId()))
                    : edition(approval.basedOn());
            if (!target.isCurrent()) {
                throw new PublicationRefused(target.designation() + " is " + target.status().name().toLowerCase()
                        + "; only an edition in force can be amended or corrected");
            }
            supplementNumber = (int) publications.stream()
                    .filter(p -> p.kind() == kind && p.edition() == target.edition()).count() + 1;
            // Never dated before its edition (which may carry a later year than it was published in).
            designation = target.parsedDesignation().supplement(kind, supplementNumber,
                    Math.max(year, target.parsedDesignation().year()));
            edition = target.edition();
            basedOn = target.designation();
            amendsSha256 = target.textSha256();
            previousEditionSha256 = target.textSha256();
        }
        Publication issued = new Publication(designation.toString(), edition, kind, supplementNumber, basedOn,
                approval.proposalId(), approval.proposalVersion(), approval.title(), approval.committeeId(),
                approval.textSha256().toLowerCase(), previousSha256, replaces, null, at, PublicationStatus.PUBLISHED,
                0, 0, at, null, null, null, null, previousEditionSha256, amendsSha256);
        next.add(issued);
        Standard changed = new Standard(number, approval.committeeId(), approval.title(), next, lastSequence, at, 0);
        StandardPublished fact = new StandardPublished(issued.designation(), number, edition, kind.name(), approval.proposalId(),
                approval.committeeId(), approval.title(), issued.textSha256(), previousEditionSha256, replaces, at,
                kind.isEdition() ? null : basedOn, amendsSha256, previousSha256);
        return new Change(changed, List.of(issued), List.of(fact), List.of());
    }

    /**
     * The year an edition published in {@code year} is dated with: that year, unless an earlier
     * edition of the project already carries it, then the first later year none carries. So every
     * designation names one edition (and, through it, one amendment or corrigendum): two editions
     * in one year would otherwise both be {@code ACC 42:2027}, and so would their amendments. ISO
     * dates a document by its year of publication and gives no designation twice; the ISO/IEC
     * Directives do not settle this case, and ISO's own practice of dating a document published at
     * the end of a year with the next year is the precedent for a later year (see the README).
     */
    private int editionYear(int year) {
        int dated = year;
        while (true) {
            int candidate = dated;
            if (editions().stream().noneMatch(p -> p.parsedDesignation().year() == candidate)) {
                return candidate;
            }
            dated++;
        }
    }

    /**
     * Withdraws a document in force (stage 95.99); withdrawing an edition withdraws its amendments
     * and corrigenda in force with it.
     */
    public Change withdraw(Designation designation, Integer edition, String by, String reason, Instant at) {
        Publication target = find(designation, edition).orElseThrow(() -> notFound(designation));
        if (!target.isCurrent()) {
            throw (ConflictException) new ConflictException("Not in force", target.designation() + " is "
                    + target.status().name().toLowerCase() + "; only a standard in force can be withdrawn")
                    .with("currentStatus", target.status().name());
        }
        List<Publication> next = new ArrayList<>(publications);
        List<Publication> withdrawn = new ArrayList<>();
        List<StandardWithdrawn> facts = new ArrayList<>();
        for (Publication p : toWithdraw(target)) {
            Publication w = p.withdrawn(by, reason, at);
            next.set(next.indexOf(p), w);
            withdrawn.add(w);
            facts.add(new StandardWithdrawn(w.designation(), number, w.edition(), reason, by, at));
        }
        Standard changed = new Standard(number, committeeId, title, next, lastSequence, at, 0);
        return new Change(changed, withdrawn, List.of(), facts);
    }

    private List<Publication> toWithdraw(Publication target) {
        List<Publication> affected = new ArrayList<>();
        affected.add(target);
        if (target.isEdition()) {
            publications.stream()
                    .filter(p -> !p.isEdition() && p.edition() == target.edition() && p.isCurrent())
                    .forEach(affected::add);
        }
        return affected;
    }

    /**
     * The document with this designation. Designations are unique since editions are dated apart
     * ({@link #editionYear}); for editions published twice in one year before that, {@code edition}
     * picks one, else the newer is meant.
     */
    public Optional<Publication> find(Designation designation, Integer edition) {
        String name = designation.toString();
        return publications.stream()
                .filter(p -> p.designation().equals(name) && (edition == null || p.edition() == edition))
                .reduce((first, second) -> second);
    }

    /** The latest edition (NEW or REVISION), whatever its status. */
    public Optional<Publication> currentEdition() {
        return publications.stream().filter(Publication::isEdition).reduce((first, second) -> second);
    }

    public List<Publication> editions() {
        return publications.stream().filter(Publication::isEdition).toList();
    }

    public Optional<Publication> edition(int editionNumber) {
        return publications.stream().filter(p -> p.isEdition() && p.edition() == editionNumber).findFirst();
    }

    /** The published journal of this project: each publication and each withdrawal, by sequence. */
    public List<FeedEvent> feedEvents() {
        List<FeedEvent> events = new ArrayList<>();
        for (Publication p : publications) {
            events.add(new FeedEvent(p.sequence(), FeedEvent.Type.PUBLISHED, number, committeeId, p));
            if (p.withdrawalSequence() != null) {
                events.add(new FeedEvent(p.withdrawalSequence(), FeedEvent.Type.WITHDRAWN, number, committeeId, p));
            }
        }
        events.sort(Comparator.comparingLong(FeedEvent::sequence));
        return events;
    }

    private Publication edition(String basedOn) {
        Designation named = Designation.parse(basedOn).orElseThrow(() -> new PublicationRefused(
                "basedOn '" + basedOn + "' is not a designation such as ACC " + number + ":2027"));
        if (named.project() != number) {
            throw new PublicationRefused("basedOn " + basedOn + " belongs to project " + named.project() + ", not to project " + number);
        }
        return find(named.base(), null).filter(Publication::isEdition).orElseThrow(() -> new PublicationRefused(
                "basedOn " + basedOn + " names no published edition of project " + number));
    }

    private static void checkText(Approval approval) {
        if (approval.text() == null || approval.text().isBlank()) {
            throw new PublicationRefused("Proposal " + approval.proposalId() + " was approved without a text");
        }
        String computed = TextHash.sha256(approval.text());
        if (approval.textSha256() == null || !computed.equalsIgnoreCase(approval.textSha256())) {
            throw new PublicationRefused("The text of proposal " + approval.proposalId() + " version " + approval.proposalVersion()
                    + " hashes to " + computed + ", not to the approved " + approval.textSha256()
                    + " (SHA-256 of the UTF-8 text, hex); it is not published");
        }
    }

    private NotFoundException notFound(Designation designation) {
        return new NotFoundException("Standard", designation.toString());
    }
}
