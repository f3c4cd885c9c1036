package cn.huiyin.supervision;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.restassured.http.ContentType;

/**
 * Appeals the breach risk job finds expected late (预计超时), made as the risk's own tests make them: TAX answers its
 * appeals within about a day, so an appeal it has held for two weeks is beyond everything its history has seen.
 */
final class AtRisk {

    private AtRisk() {
    }

    /** A tax appeal, dispatched to TAX on intake, its handling clock running. */
    static String taxAppeal() {
        return given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
    }

    /** TAX's history: twenty appeals answered within about a day of dispatch, over the last weeks. */
    static void taxAnsweredHistory(Database db) {
        for (int i = 0; i < 20; i++) {
            long id = db.id(taxAppeal());
            db.execute("UPDATE appeal_clock SET started_at = now() - make_interval(days => $2), "
                    + "stopped_at = now() - make_interval(days => $2) + interval '20 hours' "
                    + "WHERE appeal_id = $1 AND clock = 'HANDLE'", id, 3 + i);
        }
    }

    /** The appeal's handling began {@code days} ago and is due in {@code dueIn} (negative: already past). */
    static void handlingStartedDaysAgo(Database db, String trackingNo, int days, Duration dueIn) {
        db.execute("UPDATE appeal_clock SET started_at = now() - make_interval(days => $2), "
                + "due_at = now() + make_interval(secs => $3) WHERE appeal_id = $1 AND clock = 'HANDLE'",
                db.id(trackingNo), days, (double) dueIn.toSeconds());
    }

    /** The appeal's stored risk, as the job would have written it for a unit whose history said so. */
    static void storeRisk(Database db, String trackingNo, double risk) {
        db.execute("UPDATE appeal_risk SET miss_probability = $2 WHERE appeal_id = $1", db.id(trackingNo), (float) risk);
    }

    static double storedRisk(Database db, String trackingNo) {
        return Double.parseDouble(db.string("SELECT miss_probability::text FROM appeal_risk WHERE appeal_id = $1",
                db.id(trackingNo)));
    }

    /**
     * The desk's 预计超时 scene: TAX's history; {@code riskier} due in 5 h and {@code lesser} due in 1 h (a test may
     * lower the lesser one's stored risk, so that the list's order by risk differs from the deadlines'); one past its
     * deadline; and {@code onDesk}, already on the late list, its handling deadline 3 h ahead.
     */
    record Scene(String riskier, String lesser, String overdue, String onDesk) {
    }

    static Scene scene(Database db, String onDesk) {
        taxAnsweredHistory(db);
        String riskier = taxAppeal();
        handlingStartedDaysAgo(db, riskier, 14, Duration.ofHours(5));
        String lesser = taxAppeal();
        handlingStartedDaysAgo(db, lesser, 14, Duration.ofHours(1));
        String overdue = taxAppeal();
        handlingStartedDaysAgo(db, overdue, 14, Duration.ofHours(-2));
        handlingStartedDaysAgo(db, onDesk, 14, Duration.ofHours(3));
        return new Scene(riskier, lesser, overdue, onDesk);
    }
}
