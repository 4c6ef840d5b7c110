package org.accord.comments.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.accord.comments.domain.CommentDraft;
import org.accord.comments.domain.FiledComment;
import org.accord.comments.domain.TemplateColumn;
import org.accord.problem.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The commenting template as an Excel workbook (.xlsx): the first sheet, the header row with
 * the template's titles, one comment per row. Cells are read as Excel shows them, so a line
 * number typed as a number reads as {@code 17}; clause numbers are written as text so that
 * {@code 3.10} stays {@code 3.10}.
 */
public final class TemplateWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int[] COLUMN_WIDTHS = {8, 8, 12, 14, 8, 60, 60, 50};

    private TemplateWorkbook() {
    }

    public static List<CommentDraft> read(byte[] file) {
        List<TemplateSheet.Row> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "is a workbook without sheets");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator formulas = workbook.getCreationHelper().createFormulaEvaluator();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < TemplateColumn.values().length; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell, formulas));
                }
                rows.add(new TemplateSheet.Row(row.getRowNum() + 1, cells));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a workbook in many ways (zip, XML, OOXML errors).
            throw new InvalidInputException("file", "is not an Excel .xlsx workbook of the commenting template: " + e.getMessage());
        }
        return TemplateSheet.drafts(rows);
    }

    public static byte[] write(List<FiledComment> comments, String sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(safeSheetName(sheetName));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            heading.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle body = workbook.createCellStyle();
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            List<String> titles = TemplateColumn.titles();
            Row header = sheet.createRow(0);
            for (int c = 0; c < titles.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(titles.get(c));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(c, COLUMN_WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (FiledComment comment : comments) {
                Row row = sheet.createRow(r++);
                List<String> cells = TemplateSheet.cells(comment);
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = row.createCell(c);
                    Integer lineNumber = comment.comment().fields().lineNumber();
                    if (c == TemplateColumn.LINE_NUMBER.ordinal() && lineNumber != null) {
                        cell.setCellValue(lineNumber);
                    } else {
                        cell.setCellValue(cells.get(c));
                    }
                    cell.setCellStyle(body);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel refuses sheet names over 31 characters or with {@code []:*?/\}. */
    private static String safeSheetName(String name) {
        String safe = name.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return safe.length() > 31 ? safe.substring(0, 31) : safe;
    }
}
