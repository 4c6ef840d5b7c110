package org.accord.comments.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.accord.comments.domain.CommentDraft;
import org.accord.comments.domain.FiledComment;
import org.accord.comments.domain.TemplateColumn;
import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The commenting template as CSV (RFC 4180, UTF-8): fields quoted when they hold commas, quotes
 * or line breaks, any script. Reads what spreadsheets write, including a byte-order mark and the
 * semicolon-separated CSV of European locales; writes RFC 4180 with the template's header, after
 * a UTF-8 byte-order mark: without it Excel reads the file in the machine's legacy code page and
 * garbles every non-Latin letter (the mark is what Excel's own "CSV UTF-8" writes).
 */
public final class TemplateCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setHeader(TemplateColumn.titles().toArray(String[]::new)).get();

    private TemplateCsv() {
    }

    public static List<CommentDraft> read(byte[] file) {
        String text = utf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiterOf(text)).setIgnoreEmptyLines(false).get();
        List<TemplateSheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                // A quoted field may span lines: the record number is the row a spreadsheet shows.
                rows.add(new TemplateSheet.Row((int) record.getRecordNumber(), record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(List.of(new FieldError("file", "is not valid CSV: " + e.getMessage()
                    + " (check that quotes inside a field are doubled)", rows.size() + 1, null)));
        }
        return TemplateSheet.drafts(rows);
    }

    public static byte[] write(List<FiledComment> comments) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (FiledComment comment : comments) {
                printer.printRecord(TemplateSheet.cells(comment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "is not UTF-8 text; save the template as \"CSV UTF-8\"");
        }
    }

    /** Spreadsheets in locales with a decimal comma separate CSV fields with semicolons. */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        return firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';' : ',';
    }
}
