package org.accord.proposals.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.reference.ReferenceFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The committees and member bodies the service starts with: its committees from
 * {@code reference/committees.yaml}, the member bodies from the one seeded list that
 * platform/reference carries (and identity reads too).
 */
@Component
public class ReferenceData {

    /** One committee as the YAML file lists it; {@code procedure} is ISO where the file names none. */
    public record CommitteeSeed(String id, String title, String secretariat, List<String> participating,
                                List<String> observing, String procedure) {
    }

    private final Resource committees = new ClassPathResource("reference/committees.yaml");
    /** One member body as the seeded list has it; {@code category} as the API spells it. */
    public record MemberBodySeed(String code, String name, String localName, String category) {
    }

    private final Resource memberBodies = new ClassPathResource(ReferenceFiles.MEMBER_BODIES);

    public List<CommitteeSeed> committees() {
        try (InputStream in = committees.getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<CommitteeSeed> seeds = new ArrayList<>();
            for (Object item : list(root.get("committees"), "committees")) {
                Map<?, ?> committee = (Map<?, ?>) item;
                Map<?, ?> members = (Map<?, ?>) committee.get("members");
                seeds.add(new CommitteeSeed(text(committee.get("id")), text(committee.get("title")),
                        text(committee.get("secretariat")), codes(members.get("P")), codes(members.get("O")),
                        committee.get("procedure") == null ? "ISO" : text(committee.get("procedure"))));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + committees, e);
        }
    }

    public List<MemberBodySeed> memberBodies() {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = new InputStreamReader(memberBodies.getInputStream(), StandardCharsets.UTF_8)) {
            List<MemberBodySeed> bodies = new ArrayList<>();
            for (CSVRecord record : format.parse(in)) {
                bodies.add(new MemberBodySeed(record.get("code").strip(), record.get("name").strip(),
                        record.get("localName").strip(), record.get("category").strip()));
            }
            return bodies;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + memberBodies, e);
        }
    }

    private static List<?> list(Object value, String name) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("reference/committees.yaml: '" + name + "' is not a list");
    }

    private static List<String> codes(Object value) {
        return value == null ? List.of() : list(value, "members").stream().map(ReferenceData::text).toList();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }
}
