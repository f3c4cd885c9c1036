package cn.huiyin.metrics.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.huiyin.metrics.application.RankingService.Line;
import cn.huiyin.metrics.application.RankingService.RankingView;
import cn.huiyin.metrics.domain.Figure;
import cn.huiyin.metrics.domain.RankingWeights;

/**
 * The leading-group office's monthly workbook (.xlsx): the units' ranking, the streets' ranking and the weights with
 * their formulas. Each sheet has a bold, filled header row that stays in view while scrolling, numbers stored as
 * numbers with a fixed number of decimals (so the office can sort, filter and sum them), and columns sized to their
 * content. Column widths are counted here rather than by POI's auto-size, which measures fonts through AWT and is
 * slow and unreliable for Chinese text on a headless server.
 */
final class RankingWorkbook {

    /** How a column's numbers show; a text value (未排名) in a number column stays text. */
    enum Kind {
        TEXT(-1), COUNT(0), SCORE(2), PERCENT(1), WEIGHT(2);

        final int decimals;

        Kind(int decimals) {
            this.decimals = decimals;
        }

        String format() {
            return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
        }
    }

    record Column(String header, Kind kind) {
    }

    static final List<Figure> RANKED_RATES = List.of(Figure.RESPONSE_RATE, Figure.RESOLUTION_RATE,
            Figure.SATISFACTION_RATE, Figure.ON_TIME_COMPLETION, Figure.UNSUPERVISED_RATE);

    /** Widest column, in characters: the long formula texts run on into the empty cells beside them instead. */
    static final int MAX_WIDTH_CHARS = 60;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final XSSFCellStyle header = headerStyle(workbook);
    private final Map<Kind, XSSFCellStyle> numbers = new EnumMap<>(Kind.class);

    private RankingWorkbook() {
    }

    /** The month's workbook; {@code units} and {@code streets} are the same month's rankings. */
    static byte[] write(RankingView units, RankingView streets, RankingWeights weights) {
        RankingWorkbook book = new RankingWorkbook();
        try (XSSFWorkbook workbook = book.workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.ranking(units.month() + " 单位排名", units);
            book.ranking(streets.month() + " 街道排名", streets);
            book.weights(weights, units.formula());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ranking(String name, RankingView view) {
        List<Column> columns = new ArrayList<>(List.of(new Column("名次", Kind.COUNT), new Column("代码", Kind.TEXT),
                new Column("名称", Kind.TEXT), new Column("受理件数", Kind.COUNT), new Column("综合得分", Kind.SCORE)));
        RANKED_RATES.forEach(f -> columns.add(new Column(f.label() + "（%）", Kind.PERCENT)));
        List<List<Object>> rows = new ArrayList<>();
        for (Line line : view.lines()) {
            List<Object> row = new ArrayList<>(Arrays.asList(line.place() == 0 ? "未排名" : line.place(), line.code(),
                    line.name(), line.appeals(), line.score()));
            RANKED_RATES.forEach(f -> row.add(line.ratesPercent().get(f.label())));
            rows.add(row);
        }
        XSSFSheet sheet = sheet(name, columns, rows);
        sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, columns.size() - 1));
    }

    private void weights(RankingWeights weights, String scoreFormula) {
        List<List<Object>> rows = new ArrayList<>();
        weights.byFigure().forEach((f, w) -> rows.add(Arrays.asList(f.label(), w, f.formula())));
        rows.add(Arrays.asList("综合得分", null, scoreFormula));
        sheet("权重与公式", List.of(new Column("指标", Kind.TEXT), new Column("权重", Kind.WEIGHT),
                new Column("公式", Kind.TEXT)), rows);
    }

    /** A sheet with a frozen header row; values are strings, numbers or null (no cell). */
    private XSSFSheet sheet(String name, List<Column> columns, List<List<Object>> rows) {
        XSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        XSSFRow top = sheet.createRow(0);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            XSSFCell cell = top.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(header);
            widths[c] = displayWidth(columns.get(c).header());
        }
        for (int r = 0; r < rows.size(); r++) {
            XSSFRow row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                Kind kind = columns.get(c).kind();
                if (value instanceof Number number) {
                    XSSFCell cell = row.createCell(c);
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(numbers.computeIfAbsent(kind, this::numberStyle));
                    widths[c] = Math.max(widths[c], displayWidth(shown(number, kind)));
                } else if (value != null) {
                    row.createCell(c).setCellValue(value.toString());
                    widths[c] = Math.max(widths[c], displayWidth(value.toString()));
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(widths[c] + 2, MAX_WIDTH_CHARS) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private XSSFCellStyle numberStyle(Kind kind) {
        XSSFCellStyle style = workbook.createCellStyle();
        if (kind != Kind.TEXT) {
            style.setDataFormat(workbook.createDataFormat().getFormat(kind.format()));
        }
        return style;
    }

    private static XSSFCellStyle headerStyle(XSSFWorkbook workbook) {
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setAlignment(HorizontalAlignment.CENTER);
        return style;
    }

    private static String shown(Number value, Kind kind) {
        return kind.decimals < 0 ? value.toString()
                : String.format(Locale.ROOT, "%." + kind.decimals + "f", value.doubleValue());
    }

    /** Width in character cells: Chinese characters and full-width punctuation take two. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000 && cp <= 0x3FFFD;
    }
}
