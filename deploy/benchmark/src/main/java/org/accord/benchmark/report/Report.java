package org.accord.benchmark.report;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results of one run, written as a Markdown table (for people and the top-level README) and
 * as JSON (for tools). Every measurement carries the run's conditions: date, cores, JVM flags.
 */
public final class Report {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final RunContext context;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<SectionCpu> cpu = new ArrayList<>();
    private final List<Profile> profiles = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Duration duration = Duration.ZERO;

    public Report(RunContext context) {
        this.context = context;
    }

    public synchronized void add(Measurement measurement) {
        measurements.add(measurement);
    }

    public synchronized void add(SectionCpu section) {
        cpu.add(section);
    }

    public synchronized void add(Profile profile) {
        profiles.add(profile);
    }

    /** What limits a figure that missed its target, in a sentence with its numbers. */
    public synchronized void finding(String text) {
        findings.add(text);
    }

    /** A part that could not be measured, and why: reported, not hidden. */
    public synchronized void problem(String text) {
        problems.add(text);
    }

    public void duration(Duration duration) {
        this.duration = duration;
    }

    public RunContext context() {
        return context;
    }

    /** In the order (1a, 1b, ..., 5), whatever order the parts ran in. */
    public synchronized List<Measurement> measurements() {
        return measurements.stream().sorted(java.util.Comparator.comparing(Measurement::id)).toList();
    }

    public synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Accord benchmark: latest run\n\n");
        md.append(conditions()).append("\n\n");
        md.append(table());
        md.append('\n');
        if (!measurements.isEmpty()) {
            md.append("How each figure was measured:\n\n");
            for (Measurement m : measurements()) {
                if (!m.notes().isBlank()) {
                    md.append("- **").append(m.id()).append("** ").append(m.notes()).append('\n');
                }
            }
            md.append('\n');
        }
        if (!findings.isEmpty()) {
            md.append("## Targets missed and what limits them\n\n");
            findings.forEach(f -> md.append("- ").append(f).append('\n'));
            md.append('\n');
        }
        if (!problems.isEmpty()) {
            md.append("## Not measured in this run\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
            md.append('\n');
        }
        if (!cpu.isEmpty()) {
            md.append(cpuTable());
        }
        for (Profile profile : profiles) {
            md.append(profile(profile));
        }
        md.append("## Run conditions\n\n");
        md.append("| process | Java and flags | open files limit |\n|---|---|---|\n");
        Set<String> names = new LinkedHashSet<>(context.processJvms().keySet());
        names.addAll(context.openFiles().keySet());
        for (String name : names) {
            Long files = context.openFiles().get(name);
            md.append("| ").append(name).append(" | `").append(context.processJvms().getOrDefault(name, "?"))
                    .append("` | ").append(files == null ? "?" : String.format(Locale.ROOT, "%,d", files)).append(" |\n");
        }
        md.append('\n');
        return md.toString();
    }

    /** The line above the table: enough for the table to stand alone when copied elsewhere. */
    public String conditions() {
        return String.format(Locale.ROOT, "Measured %s on %d cores (%s, %,d MB), %s; %s; %s%s. Whole run %d min.%s",
                DAY.format(context.date()), context.cores(), context.cpuModel(), context.memoryMb(), context.os(),
                context.stack(), serviceFlags(), context.quick() ? "; QUICK run (small sizes, not for comparison)" : "",
                Math.max(1, Math.round(duration.toSeconds() / 60.0)), noise());
    }

    /** How busy the machine was with other work while the parts ran: the noise every figure carries. */
    private String noise() {
        double wall = cpu.stream().mapToDouble(SectionCpu::wallSeconds).sum();
        if (wall <= 0) {
            return "";
        }
        double others = cpu.stream().mapToDouble(c -> c.processCores().getOrDefault(OTHERS, 0.0) * c.wallSeconds()).sum() / wall;
        return String.format(Locale.ROOT, " Processes outside the stack and the benchmark used %s of the %d cores on average "
                + "while it measured (see the CPU table).", Numbers.format(others), context.cores());
    }

    private String serviceFlags() {
        Map<String, String> jvms = context.processJvms();
        List<String> services = jvms.keySet().stream()
                .filter(n -> !n.equals("kafka") && !n.equals("store") && !n.startsWith("benchmark") && !n.startsWith("kafka tools"))
                .toList();
        Set<String> distinct = services.stream().map(jvms::get).collect(Collectors.toCollection(LinkedHashSet::new));
        if (distinct.size() == 1) {
            return "services run with `" + distinct.iterator().next() + "`";
        }
        return "service JVMs as listed under Run conditions";
    }

    public String table() {
        StringBuilder md = new StringBuilder();
        md.append("| # | Measurement | Accord | Raw limit, same run | Ratio | Target | Met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Measurement m : measurements()) {
            md.append("| ").append(m.id())
                    .append(" | ").append(cell(m.title()))
                    .append(" | ").append(cell(m.accord() == null ? "—" : m.accord().format()))
                    .append(" | ").append(cell(m.limit() == null ? "—" : m.limitName() + ": " + m.limit().format()))
                    .append(" | ").append(cell(m.ratio() == null ? "—" : Numbers.format(m.ratio()) + " (" + m.ratioOf() + ")"))
                    .append(" | ").append(cell(m.target() == null ? "—" : m.target()))
                    .append(" | ").append(m.verdict().mark())
                    .append(" |\n");
        }
        return md.toString();
    }

    private String cpuTable() {
        List<String> processes = new ArrayList<>();
        for (SectionCpu section : cpu) {
            section.processCores().keySet().stream().filter(p -> !processes.contains(p)).forEach(processes::add);
        }
        processes.sort(java.util.Comparator.comparingInt(Report::column));
        StringBuilder md = new StringBuilder("## Where the CPU went (cores busy on average, from /proc)\n\n");
        md.append("| part | wall s | machine | ").append(String.join(" | ", processes)).append(" |\n");
        md.append("|---|---|---|").append("---|".repeat(processes.size())).append('\n');
        for (SectionCpu section : cpu) {
            md.append("| ").append(section.section()).append(" | ").append(Numbers.format(section.wallSeconds()))
                    .append(" | ").append(Numbers.format(section.machineCores())).append(" of ").append(context.cores());
            for (String process : processes) {
                Double cores = section.processCores().get(process);
                md.append(" | ").append(cores == null ? "—" : Numbers.format(cores));
            }
            md.append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** The CPU table's column for everything that is neither the stack nor the benchmark. */
    public static final String OTHERS = "other processes";

    private static final List<String> COLUMNS = List.of("benchmark", "identity", "gateway", "proposals", "comments", "voting",
            "publication", "kafka", "store");

    /** Columns in a fixed order, the stack's processes as the catalogue lists them, anything else after. */
    private static int column(String process) {
        int i = COLUMNS.indexOf(process);
        return i < 0 ? COLUMNS.size() : i;
    }

    private static String profile(Profile p) {
        StringBuilder md = new StringBuilder();
        md.append("## Profile: ").append(p.process()).append(" during ").append(p.during()).append("\n\n");
        md.append(String.format(Locale.ROOT, "JFR, %,d execution samples (`%s`).%n%n", p.samples(), p.file()));
        md.append("| leaf frames by package | % of samples |\n|---|---|\n");
        p.packages().forEach(f -> md.append("| `").append(f.method()).append("` | ").append(Numbers.format(f.percent())).append(" |\n"));
        md.append("\n| hottest leaf frames | % of samples |\n|---|---|\n");
        p.leafFrames().forEach(f -> md.append("| `").append(f.method()).append("` | ").append(Numbers.format(f.percent())).append(" |\n"));
        if (!p.accordFrames().isEmpty()) {
            md.append("\n| Accord, JWT-check and store code on the sampled stacks (inclusive) | % of samples |\n|---|---|\n");
            p.accordFrames().forEach(f -> md.append("| `").append(f.method()).append("` | ").append(Numbers.format(f.percent())).append(" |\n"));
        }
        return md.append('\n').toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    public synchronized String json() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode conditions = root.putObject("conditions");
        conditions.put("date", context.date().toString());
        conditions.put("cores", context.cores());
        conditions.put("cpu", context.cpuModel());
        conditions.put("memoryMb", context.memoryMb());
        conditions.put("os", context.os());
        conditions.put("target", context.target());
        conditions.put("stack", context.stack());
        conditions.put("quick", context.quick());
        conditions.put("durationSeconds", duration.toSeconds());
        ObjectNode jvms = conditions.putObject("jvms");
        context.processJvms().forEach(jvms::put);
        ObjectNode files = conditions.putObject("openFilesLimit");
        context.openFiles().forEach(files::put);
        ArrayNode rows = root.putArray("measurements");
        for (Measurement m : measurements()) {
            ObjectNode row = rows.addObject();
            row.put("id", m.id());
            row.put("title", m.title());
            putReading(row, "accord", m.accord());
            if (m.limit() != null) {
                row.put("limitName", m.limitName());
                putReading(row, "limit", m.limit());
            }
            if (m.ratio() != null) {
                row.put("ratio", Numbers.rounded(m.ratio()));
                row.put("ratioOf", m.ratioOf());
            }
            if (m.target() != null) {
                row.put("target", m.target());
            }
            row.put("met", m.verdict() == Verdict.NO_TARGET ? null : m.verdict() == Verdict.MET);
            row.put("notes", m.notes());
            // Each figure carries its conditions, so one row copied elsewhere still says what it was measured on.
            row.put("date", context.date().toString());
            row.put("cores", context.cores());
            row.put("serviceJvmFlags", serviceFlags());
        }
        ArrayNode cpuRows = root.putArray("cpu");
        for (SectionCpu section : cpu) {
            ObjectNode row = cpuRows.addObject();
            row.put("part", section.section());
            row.put("wallSeconds", Numbers.rounded(section.wallSeconds()));
            row.put("machineCores", Numbers.rounded(section.machineCores()));
            ObjectNode per = row.putObject("processCores");
            section.processCores().forEach((k, v) -> per.put(k, Numbers.rounded(v)));
        }
        ArrayNode profileRows = root.putArray("profiles");
        for (Profile p : profiles) {
            ObjectNode row = profileRows.addObject();
            row.put("process", p.process());
            row.put("during", p.during());
            row.put("file", p.file());
            row.put("samples", p.samples());
            ArrayNode packages = row.putArray("packages");
            p.packages().forEach(f -> packages.addObject().put("package", f.method()).put("percent", Numbers.rounded(f.percent())));
            ArrayNode leaf = row.putArray("leafFrames");
            p.leafFrames().forEach(f -> leaf.addObject().put("method", f.method()).put("percent", Numbers.rounded(f.percent())));
            ArrayNode accord = row.putArray("accordFrames");
            p.accordFrames().forEach(f -> accord.addObject().put("method", f.method()).put("percent", Numbers.rounded(f.percent())));
        }
        ArrayNode findingRows = root.putArray("findings");
        findings.forEach(findingRows::add);
        ArrayNode problemRows = root.putArray("notMeasured");
        problems.forEach(problemRows::add);
        return JSON.writeValueAsString(root);
    }

    private static void putReading(ObjectNode row, String name, Reading reading) {
        if (reading == null) {
            return;
        }
        ObjectNode node = row.putObject(name);
        Map<String, Double> values = new LinkedHashMap<>(reading.values());
        values.forEach((k, v) -> node.put(k, Numbers.rounded(v)));
        node.put("unit", reading.unit());
    }
}
