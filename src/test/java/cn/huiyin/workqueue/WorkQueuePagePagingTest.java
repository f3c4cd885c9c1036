package cn.huiyin.workqueue;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The work-queue page shows 50 rows a list and pages each list on the API's keysets through 下一页 links that work
 * without scripts: following them lists every appeal once, in the list's order, whichever order is asked; and an
 * address the page did not write starts again from the top.
 */
@QuarkusTest
class WorkQueuePagePagingTest {

    private static final Pattern ROW = Pattern.compile("data-tracking-no=\"([^\"]+)\"");

    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\" id=\"mine-next\">下一页</a>");

    @Inject
    Database db;

    @Inject
    Pool pool;

    /** 53 appeals held by a commissioner of their own: a full page, then three. */
    private String commissionerHolding(int appeals, List<String> held) {
        String me = newCommissioner(db, "ECO");
        for (int i = 0; i < appeals; i++) {
            String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("分页测试：废气排放 " + i));
            db.execute("UPDATE appeal SET assignee = $2, claim_expires_at = NULL, assigned_at = now() WHERE tracking_no = $1", no, me);
            held.add(no);
        }
        return me;
    }

    /** The "mine" list, page after page through its 下一页 links; the number of pages in {@code pages}. */
    private static List<String> walkMine(String cookie, String first, List<Integer> pages) {
        List<String> seen = new ArrayList<>();
        String address = first;
        while (address != null) {
            // the link as the page wrote it (its cursor already encoded), as a browser follows it
            String html = given().urlEncodingEnabled(false).cookie("huiyin_token", cookie).get(address).then().statusCode(200)
                    .extract().asString();
            String mine = html.substring(html.indexOf("<table id=\"mine\">"));
            Matcher rows = ROW.matcher(mine.substring(0, mine.indexOf("</table>")));
            int shown = 0;
            while (rows.find()) {
                seen.add(rows.group(1));
                shown++;
            }
            pages.add(shown);
            Matcher next = NEXT.matcher(html);
            address = next.find() ? next.group(1).replace("&amp;", "&") : null;
            assertThat(pages).hasSizeLessThan(10);
        }
        return seen;
    }

    private List<String> trackingNumbers(String sql, String holder) {
        List<String> numbers = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.of(holder)).await().atMost(Duration.ofSeconds(10))) {
            numbers.add(row.getString(0).strip());
        }
        return numbers;
    }

    @Test
    void each_list_pages_by_fifty_through_its_next_link_in_either_order() {
        List<String> held = new ArrayList<>();
        String me = commissionerHolding(53, held);
        String cookie = cookieFor(me);

        List<Integer> pages = new ArrayList<>();
        List<String> byDeadline = walkMine(cookie, "/workqueue", pages);
        assertThat(pages).containsExactly(50, 3);
        assertThat(byDeadline).containsExactlyInAnyOrderElementsOf(held).isEqualTo(trackingNumbers("""
                SELECT tracking_no FROM appeal WHERE assignee = $1
                ORDER BY coalesce(handle_due_at, 'infinity'::timestamptz), id""", me));

        // riskiest first: risks with ties for 40 of them, the other 13 without one follow by deadline
        for (int i = 0; i < 40; i++) {
            db.execute("""
                    INSERT INTO appeal_risk (appeal_id, unit_code, miss_probability, handle_due_at, computed_at,
                        assignee, claim_expires_at)
                    SELECT id, handling_unit, $2, coalesce(handle_due_at, now()), now(), assignee, claim_expires_at
                    FROM appeal WHERE tracking_no = $1""",
                    held.get(i), (i % 4) * 0.25);
        }
        pages.clear();
        List<String> byRisk = walkMine(cookie, "/workqueue?sort=risk", pages);
        assertThat(pages).containsExactly(50, 3);
        assertThat(byRisk).isEqualTo(trackingNumbers("""
                SELECT a.tracking_no FROM appeal a LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
                WHERE a.assignee = $1
                ORDER BY r.miss_probability DESC NULLS LAST,
                    CASE WHEN r.miss_probability IS NULL THEN coalesce(a.handle_due_at, 'infinity'::timestamptz) END, a.id""", me));

        // a page of one list shows that list alone, with the way back; an address the page did not write is the top
        String second = get(cookie, "/workqueue?list=pool&after=nonsense").statusCode(200).extract().asString();
        assertThat(second).contains("<table id=\"pool\">").doesNotContain("<table id=\"mine\">").contains("id=\"first-page\"");
        // so is a cursor whose year the database cannot store (ISO-8601 reads it)
        String farOff = get(cookie, "/workqueue?list=mine&after=%2B999999-01-01T00:00:00Z,1").statusCode(200).extract().asString();
        assertThat(farOff).contains("<table id=\"mine\">").contains("data-tracking-no=");
        db.execute("DELETE FROM appeal_risk WHERE appeal_id IN (SELECT id FROM appeal WHERE assignee = $1)", me);
    }
}
