package org.accord.systemtests.workflow;

import static org.accord.systemtests.api.AccordApi.body;
import static org.accord.systemtests.api.AccordApi.editor;
import static org.accord.systemtests.api.AccordApi.encode;
import static org.accord.systemtests.api.AccordApi.nationalBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import org.accord.systemtests.api.AccordApi;
import org.accord.systemtests.api.Reply;
import org.accord.systemtests.workflow.ProposalRun.SentComment;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;

/**
 * The steps of a standard's life as the people involved take them through the public API: the
 * editor submits, opens and closes comment periods, records dispositions, revises, requests
 * ballots and skips the final ballot; national bodies comment and vote. Each step records what was
 * sent in the {@link ProposalRun}; each wait reads the API until the other services have done
 * their part.
 */
public final class Workflow {

    public static final String TC1 = "ACC/TC 1";
    public static final String TC1_SLUG = "ACC-TC-1";

    private final AccordApi api;
    private final ExecutorService requests;
    private final Duration poll;

    public Workflow(AccordApi api, ExecutorService requests, Duration poll) {
        this.api = api;
        this.requests = requests;
        this.poll = poll;
    }

    public AccordApi api() {
        return api;
    }

    // ---------------------------------------------------------------- reference data

    public static String resource(String name) {
        try (InputStream in = Workflow.class.getResourceAsStream("/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference working draft, with a line that makes this run's text its own. */
    public static String draft(String marker) {
        String text = resource("draft-acc-tc1-wd-42.md");
        return marker == null ? text : text.replace("standards body.\n", "standards body. Project record " + marker + ".\n");
    }

    /** The template's rows of one member body, as a CSV file of its own with the template's header. */
    public static byte[] templateRowsOf(String memberBody) {
        String csv = resource("comments-iso-template.csv");
        String header = csv.lines().findFirst().orElseThrow();
        StringBuilder out = new StringBuilder(header).append("\r\n");
        for (String line : csv.lines().skip(1).toList()) {
            if (line.startsWith(memberBody + ",")) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The comments a template CSV holds, read with the template's column order. */
    public static List<SentComment> commentsIn(byte[] csv) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(new String(csv, StandardCharsets.UTF_8)))
                .setFormat(CSVFormat.RFC4180).get()) {
            List<SentComment> comments = new ArrayList<>();
            List<CSVRecord> rows = parser.getRecords();
            for (CSVRecord row : rows.subList(1, rows.size())) {
                comments.add(new SentComment(row.get(0), row.get(2), row.get(4), row.get(5), blankToNull(row.get(6))));
            }
            return comments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The P- and O-members of a committee, as anyone may read them. */
    public Committee committee(String slug) {
        JsonNode json = api.getAnonymous("/api/committees/" + slug, null).requireStatus(200).json();
        return new Committee(texts(json.path("participating")), texts(json.path("observing")));
    }

    public record Committee(List<String> participating, List<String> observing) {
        public List<String> all() {
            List<String> all = new ArrayList<>(participating);
            all.addAll(observing);
            return all;
        }
    }

    // ---------------------------------------------------------------- editor: proposal

    /** Submits the draft; a submission whose answer was lost is found again by its title rather than sent twice. */
    public void submit(ProposalRun run, String text) {
        run.enter("submit");
        Reply reply = api.once("POST", "/api/proposals", editor(), body("committee", run.committee, "title", run.title,
                "scope", "Evaluation reports for machine-learning models (" + run.name + ")", "kind", run.kind,
                "basedOn", run.basedOn, "text", text), () -> findByTitle(run).isPresent());
        if (reply == null) {
            run.proposalId = findByTitle(run).orElseThrow();
        } else {
            JsonNode submitted = reply.requireStatus(201).json();
            run.proposalId = submitted.get("id").asString();
            run.projectNumber = submitted.path("projectNumber").asInt();
        }
    }

    /** The ids of the proposals whose title carries the run's name (exactly one, unless a submission was duplicated). */
    public List<String> proposalsTitled(ProposalRun run) {
        // Every page: "…-submission-4" also finds -40 … -49 and -400 … -499, more than one page holds.
        List<String> ids = new ArrayList<>();
        long total = Long.MAX_VALUE;
        for (int number = 1; (long) (number - 1) * 100 < total; number++) {
            JsonNode page = api.get(editor(), "/api/proposals?size=100&page=" + number + "&q=" + encode(run.name))
                    .requireStatus(200).json();
            total = page.path("total").asLong();
            for (JsonNode item : page.path("items")) {
                String title = item.path("title").asString();
                int at = title.indexOf(run.name);
                // "…-many-1" is not "…-many-10": the name must not run on into more digits.
                if (at >= 0 && (at + run.name.length() == title.length() || !Character.isDigit(title.charAt(at + run.name.length())))) {
                    ids.add(item.path("id").asString());
                }
            }
        }
        return ids;
    }

    private Optional<String> findByTitle(ProposalRun run) {
        List<String> ids = proposalsTitled(run);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    public JsonNode proposal(ProposalRun run) {
        return api.get(editor(), "/api/proposals/" + run.proposalId).requireStatus(200).json();
    }

    public String stage(ProposalRun run) {
        return proposal(run).path("stage").asString();
    }

    public void openCommentPeriod(ProposalRun run, Instant deadline) {
        run.enter("open comment period");
        Reply reply = api.once("POST", "/api/proposals/" + run.proposalId + "/comment-periods", editor(),
                body("deadline", deadline.toString()), () -> !proposal(run).path("commentPeriod").isNull()
                        && !proposal(run).path("commentPeriod").isMissingNode());
        if (reply != null) {
            reply.requireStatus(200);
        }
        String periodId = proposal(run).path("commentPeriod").path("periodId").asString();
        run.periods.add(new ProposalRun.Period(periodId, "COMMITTEE"));
        awaitPeriod(run, periodId, "OPEN");
    }

    /** Asks the comments service (through the proposal) to close the period now; the stage moves once it has. */
    public void closeCommentPeriodEarly(ProposalRun run) {
        run.enter("close comment period");
        ProposalRun.Period period = run.lastPeriod("COMMITTEE");
        Reply reply = api.once("POST", "/api/proposals/" + run.proposalId + "/comment-periods/" + period.periodId + "/close",
                editor(), null, () -> {
                    JsonNode p = proposal(run);
                    return p.path("commentPeriod").path("closeRequested").asBoolean(false) || !"30.20".equals(p.path("stage").asString());
                });
        if (reply != null) {
            reply.requireStatus(202);
        }
    }

    public void revise(ProposalRun run, String text, String note) {
        run.enter("revise");
        int before = proposal(run).path("latestVersion").asInt();
        Reply reply = api.once("POST", "/api/proposals/" + run.proposalId + "/versions", editor(), body("text", text, "note", note),
                () -> proposal(run).path("latestVersion").asInt() > before);
        if (reply != null) {
            reply.requireStatus(201);
        }
    }

    /** Requests a ballot with early close allowed, waits until the voting service has opened it, and answers with it. */
    public JsonNode requestBallot(ProposalRun run, String type, String ruleSet, Instant deadline) {
        run.enter("request " + type + " ballot");
        Set<String> earlier = Set.copyOf(run.ballots.stream().map(b -> b.ballotId).toList());
        Reply reply = api.once("POST", "/api/proposals/" + run.proposalId + "/ballots", editor(),
                body("type", type, "ruleSet", ruleSet, "deadline", deadline.toString(), "earlyCloseAllowed", true), () -> {
                    JsonNode ballot = proposal(run).path("ballot");
                    return ballot.isObject() && !earlier.contains(ballot.path("ballotId").asString());
                });
        if (reply != null) {
            reply.requireStatus(200);
        }
        String ballotId = proposal(run).path("ballot").path("ballotId").asString();
        run.ballots.add(new ProposalRun.Ballot(ballotId, type));
        if (!"NP".equals(type)) {
            // A DIS or FDIS ballot comes with an enquiry comment period of the same id.
            run.periods.add(new ProposalRun.Period(ballotId, "ENQUIRY"));
        }
        run.enter("await " + type + " ballot open");
        return eventually("ballot " + ballotId + " opened by the voting service", Duration.ofSeconds(120), () -> {
            // While it is open a ballot shows its terms to the editor, the secretariat and the committee's national bodies.
            Reply got = api.tryGet(editor(), "/api/ballots/" + ballotId);
            return got.status() == 200 ? Optional.of(got.json()) : Optional.empty();
        });
    }

    /** Submits the run's draft, has every member approve the enquiry, skips the final ballot and waits for the edition. */
    public ProposalRun.Edition publishThroughEnquiry(ProposalRun run, Duration stepTimeout) {
        submit(run, draft(run.name));
        voteAll(run, requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL", Instant.now().plus(Duration.ofMinutes(5))),
                mb -> "APPROVE");
        awaitStage(run, "40.99", stepTimeout);
        skipFinalBallot(run);
        return awaitPublished(run, stepTimeout);
    }

    public void skipFinalBallot(ProposalRun run) {
        run.enter("skip final ballot");
        Reply reply = api.once("POST", "/api/proposals/" + run.proposalId + "/skip-final-ballot", editor(), null,
                () -> Set.of("60.00", "60.60").contains(stage(run)));
        if (reply != null) {
            reply.requireStatus(200);
        }
    }

    // ---------------------------------------------------------------- national bodies: comments

    public void commentOne(ProposalRun run, ProposalRun.Period period, SentComment comment) {
        run.enter("comment");
        period.sent.add(comment);
        api.idempotent("POST", nationalBody(comment.memberBody()), "/api/comment-periods/" + period.periodId + "/comments",
                commentJson(comment), Map.of("Idempotency-Key", UUID.randomUUID().toString())).requireStatus(201);
    }

    public void commentBatch(ProposalRun run, ProposalRun.Period period, String memberBody, List<SentComment> comments) {
        run.enter("comment batch");
        period.sent.addAll(comments);
        Reply reply = api.idempotent("POST", nationalBody(memberBody), "/api/comment-periods/" + period.periodId + "/comments/batch",
                comments.stream().map(Workflow::commentJson).toList(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        reply.requireStatus(201);
        if (reply.json().path("count").asInt() != comments.size()) {
            throw new AssertionError("Batch of " + comments.size() + " accepted as " + reply);
        }
    }

    public void uploadCsv(ProposalRun run, ProposalRun.Period period, String memberBody, byte[] csv) {
        run.enter("comment CSV upload");
        List<SentComment> comments = commentsIn(csv);
        period.sent.addAll(comments);
        Reply reply = api.idempotentRaw("POST", nationalBody(memberBody), "/api/comment-periods/" + period.periodId + "/comments",
                "text/csv", csv, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        reply.requireStatus(201);
        if (reply.json().path("count").asInt() != comments.size()) {
            throw new AssertionError("Upload of " + comments.size() + " rows accepted as " + reply);
        }
    }

    /**
     * National bodies upload batches into the period, all at once: {@code batches} each of
     * {@code size} comments per member body, each batch with its own Idempotency-Key, sent again
     * with the same key while its fate is unknown.
     */
    public void uploadBatches(ProposalRun run, ProposalRun.Period period, List<String> memberBodies, int batches, int size) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (String mb : memberBodies) {
            for (int b = 0; b < batches; b++) {
                List<SentComment> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    batch.add(new SentComment(mb, i % 2 == 0 ? "4.1" : "5.3", i % 3 == 0 ? "ed" : "te",
                            "Batch " + b + " comment " + i + " of " + mb + " on " + run.name + ".", i % 2 == 0 ? "Say so." : null));
                }
                sent.add(CompletableFuture.runAsync(() -> commentBatch(run, period, mb, batch), requests));
            }
        }
        join(sent);
    }

    private static Map<String, Object> commentJson(SentComment c) {
        return body("memberBody", c.memberBody(), "clause", c.clause(), "type", c.type(), "comment", c.comment(),
                "proposedChange", c.proposedChange());
    }

    /** The editor's disposition of every comment of the period: technical ones accepted, the rest noted. */
    public int disposeAll(ProposalRun run, ProposalRun.Period period) {
        run.enter("dispositions");
        List<JsonNode> comments = strings(api.get(editor(), "/api/comment-periods/" + period.periodId + "/comments")
                .requireStatus(200).json());
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (JsonNode comment : comments) {
            String disposition = "te".equals(comment.path("type").asString()) ? "accepted" : "noted";
            String id = comment.path("commentId").asString();
            done.add(CompletableFuture.runAsync(() -> api.idempotent("PUT", editor(), "/api/comments/" + id + "/disposition",
                    body("disposition", disposition, "observations", "Considered at the meeting of " + run.name), Map.of())
                    .requireStatus(200), requests));
        }
        join(done);
        return comments.size();
    }

    // ---------------------------------------------------------------- national bodies: votes

    /**
     * Every eligible member body votes as {@code positionOf} says: the O-members first, then the
     * P-members. The ballot closes early once no vote still to come can change its outcome, so the
     * last voters may find it closed: their votes were not needed and are not counted.
     */
    public void voteAll(ProposalRun run, JsonNode ballotView, Function<String, String> positionOf) {
        run.enter("votes");
        String ballotId = ballotView.path("ballotId").asString();
        ProposalRun.Ballot ballot = run.ballots.stream().filter(b -> b.ballotId.equals(ballotId)).findFirst().orElseThrow();
        List<String> observing = texts(ballotView.path("electorate").path("observing"));
        List<String> participating = texts(ballotView.path("electorate").path("participating"));
        for (List<String> group : List.of(observing, participating)) {
            join(group.stream().map(mb -> CompletableFuture.runAsync(() -> vote(ballot, mb, positionOf.apply(mb)), requests)).toList());
        }
    }

    public void vote(ProposalRun.Ballot ballot, String memberBody, String position) {
        ballot.votes.put(memberBody, position);
        Map<String, Object> vote = "DISAPPROVE".equals(position)
                ? body("position", position, "reasons", "Clause 5.2 cannot be met by national datasets that may not be published.")
                : body("position", position);
        Reply reply = api.idempotent("PUT", nationalBody(memberBody), "/api/ballots/" + ballot.ballotId + "/votes/" + memberBody,
                vote, Map.of());
        if (reply.status() == 409 && "Ballot closed".equals(reply.title())) {
            Reply mine = api.get(nationalBody(memberBody), "/api/ballots/" + ballot.ballotId + "/votes/" + memberBody);
            if (mine.status() == 404 && "OUTCOME_SETTLED".equals(api.getAnonymous("/api/ballots/" + ballot.ballotId, null)
                    .requireStatus(200).json().path("closedBecause").asString())) {
                // Closed early by the votes before it: no vote still to come could change the outcome.
                ballot.votes.remove(memberBody);
                return;
            }
            // An earlier attempt whose answer was lost was the last vote and closed the ballot: it stands if it was counted.
            String counted = mine.requireStatus(200).json().path("position").asString();
            if (!position.equals(counted)) {
                throw new AssertionError(memberBody + " voted " + position + " but the closed ballot counts " + counted);
            }
            return;
        }
        reply.requireStatus(200);
    }

    // ---------------------------------------------------------------- waiting for the other services

    public void awaitStage(ProposalRun run, String stage, Duration timeout) {
        run.enter("await " + stage);
        String[] last = {"?"};
        eventually("proposal " + run.name + " at stage " + stage, timeout, () -> {
            Reply reply = api.tryGet(editor(), "/api/proposals/" + run.proposalId);
            if (reply.status() == 200) {
                last[0] = reply.json().path("stage").asString();
                return last[0].equals(stage) ? Optional.of(true) : Optional.empty();
            }
            return Optional.empty();
        }, () -> "last stage " + last[0]);
    }

    public JsonNode awaitPeriod(ProposalRun run, String periodId, String status) {
        return eventually("comment period " + periodId + " " + status, Duration.ofSeconds(120), () -> {
            Reply reply = api.tryGet(editor(), "/api/comment-periods/" + periodId);
            return reply.status() == 200 && status.equals(reply.json().path("status").asString())
                    ? Optional.of(reply.json()) : Optional.empty();
        });
    }

    /** Waits for 60.60 and reads the edition the publication service issued for this proposal. */
    public ProposalRun.Edition awaitPublished(ProposalRun run, Duration timeout) {
        awaitStage(run, "60.60", timeout);
        run.enter("read publication");
        String designation = proposal(run).path("designation").asString();
        JsonNode editions = api.getAnonymous("/api/standards/" + encode(designation) + "/editions", null).requireStatus(200).json();
        for (JsonNode e : editions) {
            if (run.proposalId.equals(e.path("proposalId").asString())) {
                run.edition = new ProposalRun.Edition(e.path("designation").asString(), e.path("slug").asString(),
                        e.path("edition").asInt(), e.path("textSha256").asString(),
                        e.path("previousEditionSha256").isString() ? e.path("previousEditionSha256").asString() : null);
                run.enter("published");
                return run.edition;
            }
        }
        throw new AssertionError("No edition of " + designation + " was issued for proposal " + run.proposalId + ": " + editions);
    }

    public <T> T eventually(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return eventually(what, timeout, probe, () -> "");
    }

    private <T> T eventually(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException failure = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (AccordApi.Unreachable e) {
                failure = e;
            }
            sleep(poll);
        }
        throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what + " " + lastSeen.get()
                + (failure == null ? "" : " (last error " + failure.getMessage() + ")"));
    }

    // ---------------------------------------------------------------- the whole journey

    /**
     * The whole journey in one go: submit; a committee comment period with comments from the
     * given member bodies (one JSON comment, a batch and a CSV upload in turn), closed early by the
     * editor; dispositions; a revision; a DIS ballot everyone approves; the final ballot skipped;
     * publication.
     */
    public ProposalRun.Edition fullJourney(ProposalRun run, List<String> commenters, Duration stepTimeout) {
        submit(run, draft(run.name));
        openCommentPeriod(run, Instant.now().plus(Duration.ofMinutes(10)));
        ProposalRun.Period period = run.lastPeriod("COMMITTEE");
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < commenters.size(); i++) {
            String mb = commenters.get(i);
            int form = i % 3;
            sent.add(CompletableFuture.runAsync(() -> {
                switch (form) {
                    case 0 -> commentOne(run, period, new SentComment(mb, "4.1", "te",
                            "Reproducibility needs the random seed of " + run.name + " for " + mb + ".", "Require the seed."));
                    case 1 -> commentBatch(run, period, mb, List.of(
                            new SentComment(mb, "5.3", "te", "State the confidence level (" + mb + ", " + run.name + ").", null),
                            new SentComment(mb, "6.2", "ed", "Cite ISO 8601-1 in Clause 2 (" + mb + ").", "Move it to Clause 2.")));
                    default -> uploadCsv(run, period, mb, csvOf(List.of(new SentComment(mb, "1", "ge",
                            "Scope, \"generative\" models, " + run.name + " — " + mb, "Say so in the scope."))));
                }
            }, requests));
        }
        join(sent);
        closeCommentPeriodEarly(run);
        awaitStage(run, "30.60", stepTimeout);
        disposeAll(run, period);
        revise(run, draft(run.name).replace("acceptance thresholds for any metric.",
                "acceptance thresholds for any metric, nor a confidence level."), "Dispositions of " + period.periodId + " applied");
        JsonNode ballot = requestBallot(run, "DIS", "ISO_ENQUIRY_APPROVAL", Instant.now().plus(Duration.ofMinutes(10)));
        voteAll(run, ballot, mb -> "APPROVE");
        awaitStage(run, "40.99", stepTimeout);
        skipFinalBallot(run);
        return awaitPublished(run, stepTimeout);
    }

    /** A template CSV of the comments, quoted as spreadsheets write it. */
    public static byte[] csvOf(List<SentComment> comments) {
        StringBuilder out = new StringBuilder("MB/NC,Line number,Clause/ Subclause,Paragraph/ Figure/ Table,Type of comment,"
                + "Comments,Proposed change,Observations of the secretariat\r\n");
        for (SentComment c : comments) {
            out.append(String.join(",", quote(c.memberBody()), "", quote(c.clause()), "", quote(c.type()), quote(c.comment()),
                    quote(c.proposedChange() == null ? "" : c.proposedChange()), "")).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    // ---------------------------------------------------------------- small things

    public static <T> void join(List<CompletableFuture<T>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static List<JsonNode> strings(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static List<String> texts(JsonNode array) {
        return strings(array).stream().map(JsonNode::asString).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
