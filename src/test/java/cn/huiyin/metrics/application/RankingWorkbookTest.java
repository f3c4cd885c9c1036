package cn.huiyin.metrics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.application.RankingService.Line;
import cn.huiyin.metrics.application.RankingService.RankingView;
import cn.huiyin.metrics.domain.RankingWeights;

/** The office's workbook, read back the way a spreadsheet program would read it. */
class RankingWorkbookTest {

    private static final RankingWeights WEIGHTS = new RankingWeights(0.25, 0.25, 0.30, 0.20, 0.10);

    private static XSSFWorkbook book;

    @BeforeAll
    static void aMonthWithOneRankedAndOneUnrankedUnit() throws Exception {
        RankingView units = view("unit", List.of(
                new Line(1, "U-TAX", "区税务局第一税务所", 12, 87.5, rates(91.7, 75.0, 100.0, null, 80.0)),
                new Line(0, "U-NEW", "新设单位", 2, null, rates(null, null, null, null, 100.0))));
        RankingView streets = view("street", List.of(new Line(1, "ST-SHIPAI", "石牌街道", 30, 66.67,
                rates(50.0, 66.7, 83.3, 66.7, 90.0))));
        byte[] bytes = RankingWorkbook.write(units, streets, WEIGHTS);
        book = new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void the_sheets_are_the_two_rankings_and_the_weights() {
        List<String> names = new ArrayList<>();
        book.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactly("2026-04 单位排名", "2026-04 街道排名", "权重与公式");
    }

    @Test
    void the_header_is_bold_filled_and_stays_in_view() {
        XSSFSheet units = book.getSheetAt(0);
        assertThat(texts(units.getRow(0))).containsExactly("名次", "代码", "名称", "受理件数", "综合得分", "响应率（%）",
                "解决率（%）", "满意率（%）", "按期办结率（%）", "免督办率（%）");
        for (int s = 0; s < 3; s++) {
            XSSFCell first = book.getSheetAt(s).getRow(0).getCell(0);
            assertThat(first.getCellStyle().getFont().getBold()).isTrue();
            assertThat(first.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            PaneInformation pane = book.getSheetAt(s).getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).as("rows frozen").isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).as("columns frozen").isZero();
        }
    }

    @Test
    void figures_are_numbers_with_the_decimals_the_office_reads() {
        XSSFRow ranked = book.getSheetAt(0).getRow(1);
        DataFormatter shown = new DataFormatter();
        assertThat(ranked.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(ranked.getCell(0).getNumericCellValue()).isEqualTo(1);
        assertThat(ranked.getCell(3).getNumericCellValue()).isEqualTo(12);
        assertThat(ranked.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0");
        assertThat(ranked.getCell(4).getNumericCellValue()).isEqualTo(87.5);
        assertThat(ranked.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(ranked.getCell(5).getNumericCellValue()).as("percent, not a fraction").isEqualTo(91.7);
        assertThat(ranked.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0");
        assertThat(shown.formatCellValue(ranked.getCell(4))).isEqualTo("87.50");
        assertThat(shown.formatCellValue(ranked.getCell(7))).isEqualTo("100.0");
        assertThat(ranked.getCell(8, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)).as("no rate: empty, not 0").isNull();
        assertThat(ranked.getCell(9).getNumericCellValue()).as("免督办率, in percent").isEqualTo(80.0);
    }

    @Test
    void an_unranked_unit_says_so_in_words() {
        XSSFRow unranked = book.getSheetAt(0).getRow(2);
        assertThat(unranked.getCell(0).getCellType()).isEqualTo(CellType.STRING);
        assertThat(unranked.getCell(0).getStringCellValue()).isEqualTo("未排名");
        assertThat(unranked.getCell(1).getStringCellValue()).isEqualTo("U-NEW");
        assertThat(unranked.getCell(3).getNumericCellValue()).isEqualTo(2);
        assertThat(unranked.getCell(4, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)).isNull();
    }

    @Test
    void chinese_names_get_a_wide_column_and_long_formulas_a_capped_one() {
        XSSFSheet units = book.getSheetAt(0);
        assertThat(units.getColumnWidth(2)).as("名称 wider than 代码").isGreaterThan(units.getColumnWidth(1));
        assertThat(units.getColumnWidth(2)).as("nine Chinese characters take eighteen cells")
                .isGreaterThanOrEqualTo(18 * 256);
        XSSFSheet weights = book.getSheetAt(2);
        assertThat(weights.getColumnWidth(2)).isEqualTo(RankingWorkbook.MAX_WIDTH_CHARS * 256);
    }

    @Test
    void the_rankings_can_be_filtered_by_their_header() {
        assertThat(book.getSheetAt(0).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J3");
        assertThat(book.getSheetAt(1).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J2");
        assertThat(book.getSheetAt(2).getCTWorksheet().isSetAutoFilter()).isFalse();
    }

    @Test
    void the_weights_sheet_publishes_each_weight_and_formula() {
        XSSFSheet weights = book.getSheetAt(2);
        assertThat(texts(weights.getRow(0))).containsExactly("指标", "权重", "公式");
        assertThat(weights.getRow(3).getCell(0).getStringCellValue()).isEqualTo("满意率");
        assertThat(weights.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(0.30);
        assertThat(weights.getRow(3).getCell(2).getStringCellValue()).startsWith("评价3–5分数");
        assertThat(weights.getRow(5).getCell(0).getStringCellValue()).isEqualTo("免督办率");
        assertThat(weights.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(0.10);
        assertThat(weights.getRow(5).getCell(2).getStringCellValue()).startsWith("1 − 被督办诉求数 ÷ 受理诉求数");
        assertThat(weights.getRow(6).getCell(0).getStringCellValue()).isEqualTo("综合得分");
        assertThat(weights.getRow(6).getCell(2).getStringCellValue()).isEqualTo(RankingService.SCORE_FORMULA)
                .contains("免督办率");
    }

    @Test
    void display_width_counts_chinese_characters_twice() {
        assertThat(RankingWorkbook.displayWidth("U-TAX")).isEqualTo(5);
        assertThat(RankingWorkbook.displayWidth("响应率（%）")).as("three characters, two full-width brackets, %")
                .isEqualTo(11);
    }

    private static RankingView view(String by, List<Line> lines) {
        Map<String, Double> weights = new LinkedHashMap<>();
        WEIGHTS.byFigure().forEach((f, w) -> weights.put(f.label(), w));
        return new RankingView("2026-04", by, weights, 5, RankingService.SCORE_FORMULA, lines);
    }

    private static Map<String, Double> rates(Double response, Double resolution, Double satisfaction, Double onTime,
            Double unsupervised) {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("响应率", response);
        rates.put("解决率", resolution);
        rates.put("满意率", satisfaction);
        rates.put("按期办结率", onTime);
        rates.put("免督办率", unsupervised);
        return rates;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
