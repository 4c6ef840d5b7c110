package org.accord.identity.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;

/** Reads the member bodies that get a client from a CSV whose first column is the ISO 3166 code. */
public final class MemberBodyRegister {

    private MemberBodyRegister() {
    }

    /** The codes in file order, without duplicates; the header row ({@code code,...}) is skipped. */
    public static List<String> codes(Resource csv) {
        Set<String> codes = new LinkedHashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                row++;
                String code = line.split(",", 2)[0].replace("\uFEFF", "").trim();
                if (code.isEmpty() || (row == 1 && code.equalsIgnoreCase("code"))) {
                    continue;
                }
                if (!code.matches("[A-Za-z]{2}")) {
                    throw new IllegalStateException("Row " + row + " of " + csv.getDescription()
                            + ": '" + code + "' is not an ISO 3166-1 alpha-2 code");
                }
                codes.add(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the member bodies from " + csv.getDescription(), e);
        }
        return new ArrayList<>(codes);
    }
}
