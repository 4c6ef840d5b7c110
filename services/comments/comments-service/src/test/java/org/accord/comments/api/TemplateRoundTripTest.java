package org.accord.comments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.actor.Actor;
import org.accord.comments.domain.CommentDraft;
import org.accord.comments.domain.CommentPeriod;
import org.accord.comments.domain.CommentSubmission;
import org.accord.comments.domain.Committee;
import org.accord.comments.domain.Compilation;
import org.accord.comments.domain.Fixtures;
import org.accord.comments.domain.SubmissionForm;
import org.accord.comments.domain.SubmissionIds;
import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The reference comments (the ISO template's columns, UTF-8, quotes, commas, Chinese and French
 * text) survive CSV and Excel: parse, accept, compile, parse again gives the same comments.
 */
class TemplateRoundTripTest {

    static byte[] referenceCsv() throws IOException {
        try (InputStream in = TemplateRoundTripTest.class.getResourceAsStream("/templates/comments-iso-template.csv")) {
            return in.readAllBytes();
        }
    }

    /** The reference file as a workbook, as a national body would fill in the Excel template. */
    static byte[] referenceWorkbook() throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(new String(referenceCsv(), StandardCharsets.UTF_8))).getRecords();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Comments");
            sheet.createRow(0).createCell(0).setCellValue("Date: 2026-12-10    Document: ACC/TC 1 WD 42");
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < records.get(r).size(); c++) {
                    String value = records.get(r).get(c);
                    if (c == 1 && value.matches("\\d+")) {
                        row.createCell(c).setCellValue(Integer.parseInt(value));
                    } else if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Each member body submits its own rows, as national bodies do; the compilation puts them together. */
    static Compilation accept(List<CommentDraft> drafts) {
        Map<String, List<CommentDraft>> byMemberBody = new LinkedHashMap<>();
        drafts.forEach(d -> byMemberBody.computeIfAbsent(d.memberBody(), k -> new ArrayList<>()).add(d));
        CommentPeriod period = Fixtures.period();
        Committee committee = new Committee("ACC/TC 1", "AI", "CN", List.copyOf(byMemberBody.keySet()), List.of(), 1);
        List<CommentSubmission> submissions = byMemberBody.entrySet().stream()
                .map(e -> CommentSubmission.submit(SubmissionIds.fresh(), period, committee, Actor.nationalBody(e.getKey()),
                        SubmissionForm.CSV, e.getValue(), null, "fp", Fixtures.NOW).state())
                .toList();
        return Compilation.of(period, submissions);
    }

    static List<List<String>> templateFields(List<CommentDraft> drafts) {
        return drafts.stream().map(d -> List.of(d.memberBody(), d.lineNumber(), d.clause(), d.element(), d.type(), d.comment(),
                d.proposedChange())).toList();
    }

    @Test
    void shouldReadTheReferenceCsvWithQuotesCommasAndNonLatinText() throws IOException {
        List<CommentDraft> drafts = TemplateCsv.read(referenceCsv());

        assertThat(drafts).hasSize(8);
        assertThat(drafts.get(1).memberBody()).isEqualTo("CN");
        assertThat(drafts.get(1).comment()).isEqualTo("定义中\"exclusively\"过于严格，验证集也可用于报告。");
        assertThat(drafts.get(0).comment()).contains("précise pas si les modèles génératifs");
        assertThat(drafts.get(4).proposedChange()).isEqualTo("Add a list of permitted reasons (privacy, security, licence, other).");
        assertThat(drafts.get(5).element()).isEqualTo("Table 1");
        assertThat(drafts.get(6).lineNumber()).isEmpty();
        assertThat(drafts).extracting(d -> d.origin().row()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void shouldGiveBackTheSameCommentsAfterACsvRoundTrip() throws IOException {
        List<CommentDraft> parsed = TemplateCsv.read(referenceCsv());

        byte[] compiled = TemplateCsv.write(accept(parsed).comments());
        List<CommentDraft> reparsed = TemplateCsv.read(compiled);

        assertThat(templateFields(reparsed)).containsExactlyElementsOf(templateFields(parsed));
        assertThat(new String(compiled, StandardCharsets.UTF_8)).startsWith(
                "\uFEFFMB/NC,Line number,Clause/ Subclause,Paragraph/ Figure/ Table,Type of comment,Comments,Proposed change,"
                        + "Observations of the secretariat\r\n");
    }

    @Test
    void shouldGiveBackTheSameCommentsAfterAnExcelRoundTrip() throws IOException {
        List<CommentDraft> fromCsv = TemplateCsv.read(referenceCsv());
        List<CommentDraft> fromWorkbook = TemplateWorkbook.read(referenceWorkbook());

        byte[] compiled = TemplateWorkbook.write(accept(fromWorkbook).comments(), "Comments cp-1");
        List<CommentDraft> reparsed = TemplateWorkbook.read(compiled);

        assertThat(templateFields(fromWorkbook)).containsExactlyElementsOf(templateFields(fromCsv));
        assertThat(templateFields(reparsed)).containsExactlyElementsOf(templateFields(fromCsv));
        assertThat(fromWorkbook).extracting(d -> d.origin().row()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void shouldFillTheObservationsColumnWithTheDispositionInTheCompiledTemplate() throws IOException {
        Compilation compilation = accept(TemplateCsv.read(referenceCsv()));
        CommentSubmission kenya = compilation.comments().stream().filter(f -> f.comment().fields().memberBody().equals("KE"))
                .findFirst().orElseThrow().submission();
        CommentSubmission resolved = kenya.resolve(kenya.comments().get(0).commentId(), "accepted-in-principle",
                "A list of reasons is added to 5.2; 'other' requires a statement.", Fixtures.EDITOR, Fixtures.NOW).state();
        List<CommentSubmission> submissions = new ArrayList<>(compilation.comments().stream().map(f -> f.submission())
                .filter(s -> !s.memberBody().equals("KE")).distinct().toList());
        submissions.add(resolved);

        byte[] csv = TemplateCsv.write(Compilation.of(compilation.period(), submissions).comments());

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
        CSVRecord kenyaRow = records.stream().filter(r -> r.get(0).equals("KE")).findFirst().orElseThrow();
        assertThat(kenyaRow.get(7)).isEqualTo("Accepted in principle. A list of reasons is added to 5.2; 'other' requires a statement.");
        assertThat(records.get(0).get(7)).isEqualTo("Observations of the secretariat");
    }

    @Test
    void shouldGiveBackALineBreakInsideAQuotedFieldAsItWasSentAfterTheByteOrderMarkExcelNeeds() {
        String csv = "MB/NC,Line number,Clause/ Subclause,Paragraph/ Figure/ Table,Type of comment,Comments,Proposed change\r\n"
                + "KE,1,1,,ge,\"first line\r\nsecond line\",\"one\ntwo\"\r\n";

        byte[] compiled = TemplateCsv.write(accept(TemplateCsv.read(csv.getBytes(StandardCharsets.UTF_8))).comments());

        assertThat(compiled).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CommentDraft> back = TemplateCsv.read(compiled);
        assertThat(back.get(0).comment()).isEqualTo("first line\r\nsecond line");
        assertThat(back.get(0).proposedChange()).isEqualTo("one\ntwo");
    }

    @Test
    void shouldCountAQuotedLineBreakAsPartOfOneRow() {
        String csv = "MB/NC,Line number,Clause/ Subclause,Paragraph/ Figure/ Table,Type of comment,Comments,Proposed change\r\n"
                + "KE,1,1,,ge,\"first line\r\nsecond line, with a comma\",\r\n"
                + "KE,2,bad clause,,ge,third,\r\n";

        List<CommentDraft> drafts = TemplateCsv.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(drafts.get(0).comment()).isEqualTo("first line\r\nsecond line, with a comma");
        assertThat(drafts.get(1).origin().row()).isEqualTo(3);
    }

    @Test
    void shouldReadSemicolonSeparatedCsvWithAByteOrderMark() {
        String csv = "\uFEFFMB/NC;Line number;Clause/ Subclause;Paragraph/ Figure/ Table;Type of comment;Comments;Proposed change;"
                + "Observations of the secretariat\nDE;44;4.1;;te;\"Seeds; not reported\";Report seeds;\n";

        List<CommentDraft> drafts = TemplateCsv.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.memberBody()).isEqualTo("DE");
            assertThat(d.comment()).isEqualTo("Seeds; not reported");
        });
    }

    @Test
    void shouldRefuseColumnsOutOfTheTemplatesOrderNamingTheHeaderCell() {
        String csv = "MB/NC,Clause/ Subclause,Line number,Paragraph/ Figure/ Table,Type of comment,Comments,Proposed change\n"
                + "KE,1,12,,ge,x,\n";

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> TemplateCsv.read(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.errors()).extracting(FieldError::row, FieldError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Line number"),
                        org.assertj.core.groups.Tuple.tuple(1, "Clause/ Subclause"));
    }

    @Test
    void shouldRefuseFilesThatAreNotUtf8CsvOrNotWorkbooks() {
        byte[] latin1 = "MB/NC,Line\nFR,1,1,,ge,Le domaine d'application ne précise pas,\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> TemplateCsv.read(latin1)).errors())
                .extracting(FieldError::field).containsExactly("file");

        byte[] brokenQuote = "KE,1,1,,ge,\"never closed\n".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> TemplateCsv.read(brokenQuote)).getMessage())
                .contains("file").contains("not valid CSV");

        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> TemplateWorkbook.read("not a zip".getBytes(StandardCharsets.UTF_8))).getMessage()).contains(".xlsx");
    }

    @Test
    void shouldRefuseATemplateWithoutComments() {
        String csv = "MB/NC,Line number,Clause/ Subclause,Paragraph/ Figure/ Table,Type of comment,Comments,Proposed change\n,,,,,,\n";

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> TemplateCsv.read(csv.getBytes(StandardCharsets.UTF_8)))
                .getMessage()).contains("no comments");
    }

    @Test
    void shouldReadAWorkbookWrittenByTheServiceBackFromBytes() throws IOException {
        byte[] xlsx = TemplateWorkbook.write(accept(TemplateCsv.read(referenceCsv())).comments(), "Comments ACC/TC 1: [x]");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Comments ACC-TC 1- -x-");
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(5).getStringCellValue()).startsWith("定义中");
        }
    }
}
