package cn.huiyin.metrics.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal Office Open XML workbook (.xlsx): sheets of rows, text as inline strings, numbers as numbers. Enough
 * for the leading-group office's ranking sheet, without a spreadsheet library.
 */
public final class XlsxWorkbook {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

    /** Adds a sheet; cells are strings, numbers or null (empty). Names are at most 31 characters. */
    public XlsxWorkbook sheet(String name, List<List<Object>> rows) {
        sheets.put(name.length() > 31 ? name.substring(0, 31) : name, rows);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", contentTypes());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\""
                    + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"" + PKG_REL + "\">");
            int n = 0;
            for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
                n++;
                workbook.append("<sheet name=\"").append(escape(sheet.getKey())).append("\" sheetId=\"").append(n)
                        .append("\" r:id=\"rId").append(n).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(REL)
                        .append("/worksheet\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
                put(zip, "xl/worksheets/sheet" + n + ".xml", sheetXml(sheet.getValue()));
            }
            put(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            put(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String contentTypes() {
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        for (int n = 1; n <= sheets.size(); n++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"")
                    .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return types.append("</Types>").toString();
    }

    private static String sheetXml(List<List<Object>> rows) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\""
                + MAIN + "\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                String ref = column(c) + (r + 1);
                if (value instanceof Number) {
                    xml.append("<c r=\"").append(ref).append("\"><v>").append(value).append("</v></c>");
                } else if (value != null) {
                    xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(value.toString()))
                            .append("</t></is></c>");
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    /** A, B, …, Z, AA, AB, … */
    static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            name.insert(0, (char) ('A' + i % 26));
        }
        return name.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
