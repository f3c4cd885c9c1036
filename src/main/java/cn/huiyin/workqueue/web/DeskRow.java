package cn.huiyin.workqueue.web;

import java.util.List;

import cn.huiyin.shared.web.CsrfTokens;
import cn.huiyin.shared.web.HtmlRows;
import cn.huiyin.shared.web.PageTime;
import cn.huiyin.workqueue.web.DispatchDeskPage.Hint;
import cn.huiyin.workqueue.web.DispatchDeskPage.Line;
import io.quarkus.qute.RawString;

/**
 * A waiting appeal's row of the dispatcher's desk, written in one buffer ({@link HtmlRows}): a desk page has 50 rows
 * of about four forms each, and resolving them through the template engine was most of the page's cost. The desk
 * writes whole rows ({@link #waiting}); the appeal's placement page, which has the full catalogue lists in its action
 * cell, takes the same parts one by one. {@code csrfToken}: the request's anti-forgery token, in every form.
 */
public record DeskRow(Line line, String csrfToken) {

    private static final String RETURNED = "RETURNED";

    /** The desk's rows: each row's action cell opens the page's shared catalogue lists ("choose" links). */
    static RawString waiting(List<Line> lines, String csrfToken) {
        HtmlRows html = new HtmlRows(lines.size() * 6);
        for (Line line : lines) {
            DeskRow row = new DeskRow(line, csrfToken);
            html.markup("\n  <tr data-tracking-no=\"").text(row.no()).markup("\">\n");
            row.appealCells(html);
            html.markup("\n    <td>\n");
            if (row.returned()) {
                row.form(html, "return-decision", "").markup("""
                        \n        <input type="hidden" name="decision" value="accept">
                                <a class="choose" data-fields="redispatch-fields" href="/dispatch/""").text(row.no())
                        .markup("\">同意退回并改派…</a>\n      </form>\n");
                row.refuse(html);
            } else {
                row.oneClick(html);
                row.form(html, "dispatch", "").markup("\n        <a class=\"choose\" data-fields=\"placement-fields\" href=\"/dispatch/")
                        .text(row.no()).markup("\">选择分类派单…</a>\n      </form>\n");
            }
            html.markup("    </td>\n  </tr>\n");
            row.merge(html);
        }
        return html.done();
    }

    /** The appeal's two cells: what it is, and its state (the unit's reason when returned, else the suggestions). */
    public RawString appealCells() {
        return appealCells(new HtmlRows(1)).done();
    }

    /** One-click dispatch forms, one for each suggestion whose category names its unit. */
    public RawString oneClick() {
        return oneClick(new HtmlRows(1)).done();
    }

    /** Refusing a return: the appeal goes back to the unit that returned it. */
    public RawString refuse() {
        return refuse(new HtmlRows(1)).done();
    }

    /** The row below: merging the appeal into another (并单). */
    public RawString merge() {
        return merge(new HtmlRows(1)).done();
    }

    private String no() {
        return line.appeal().trackingNo();
    }

    private boolean returned() {
        return RETURNED.equals(line.appeal().status());
    }

    private HtmlRows appealCells(HtmlRows html) {
        html.markup("    <td>").text(no()).markup("<br>").text(line.appeal().title())
                .markup(line.appeal().urgent() ? " <span class=\"tag\">紧急</span>" : "")
                .markup("<br>\n      <span class=\"hint\">受理于 ").text(PageTime.beijing(line.appeal().receivedAt()))
                .markup("</span></td>\n    <td>").text(line.statusLabel());
        if (returned()) {
            String reason = line.appeal().returnReason();
            return html.markup("：").text(line.returnedByName()).markup("<br><span class=\"return-reason\">退单理由：")
                    .text(reason == null ? "—" : reason).markup("</span></td>");
        }
        List<Hint> hints = line.hints();
        if (hints != null && !hints.isEmpty()) {
            html.markup("<br>建议：");
            for (int i = 0; i < hints.size(); i++) {
                html.markup(i == 0 ? "" : "；").text(hints.get(i).category().name()).markup("（")
                        .text(Long.toString(hints.get(i).percent())).markup("%）");
            }
        }
        return html.markup("</td>");
    }

    private HtmlRows oneClick(HtmlRows html) {
        for (Hint hint : line.hints() == null ? List.<Hint>of() : line.hints()) {
            if (hint.category().unitName() != null) {
                form(html, "dispatch", " class=\"inline\"").markup("\n        <input type=\"hidden\" name=\"category\" value=\"")
                        .text(hint.category().code()).markup("\">\n        <button type=\"submit\" class=\"one-click\">派至")
                        .text(hint.category().unitName()).markup("（").text(hint.category().name())
                        .markup("）</button>\n      </form>\n");
            }
        }
        return html;
    }

    private HtmlRows refuse(HtmlRows html) {
        return form(html, "return-decision", "").markup("""
                \n        <input type="hidden" name="decision" value="refuse">
                        <input type="text" name="reason" placeholder="不同意的理由" aria-label="不同意退回的理由">
                        <button type="submit" class="refuse-return">不同意，退回原单位</button>
                      </form>
                """);
    }

    private HtmlRows merge(HtmlRows html) {
        html.markup("  <tr><td colspan=\"3\">\n  ");
        return form(html, "merge", " class=\"inline\"").markup("""
                \n      <input type="text" name="parent" placeholder="主诉求编号" aria-label="并入的主诉求编号">
                      <button type="submit" class="merge">并单</button>
                    </form>
                  </td></tr>""");
    }

    /** A form's opening tag posting to the appeal's {@code action}, with the anti-forgery field. */
    private HtmlRows form(HtmlRows html, String action, String attributes) {
        return html.markup("      <form").markup(attributes).markup(" method=\"post\" action=\"/dispatch/").text(no())
                .markup("/").markup(action).markup("\"><input type=\"hidden\" name=\"").markup(CsrfTokens.FIELD)
                .markup("\" value=\"").text(csrfToken).markup("\">");
    }
}
