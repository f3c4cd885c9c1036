package cn.huiyin.shared.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.channel.phone.domain.SignatureVerifier;
import cn.huiyin.channel.wechat.domain.WechatSignature;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Cti;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.RawHttp;
import cn.huiyin.testsupport.StaffPages;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Generated mutations of every write endpoint's valid body — keys twice, values of other types, control characters,
 * broken escapes and bytes, truncation, size — a bounded, seeded number per endpoint. None may be answered with a
 * 5xx or left unanswered, and afterwards no text column anywhere holds a control character. (The calendar import,
 * which replaces whole years, has hostile-input tests of its own.)
 */
@QuarkusTest
class EdgeFuzzTest {

    private static final int MUTATIONS_PER_ENDPOINT = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database db;

    /** One endpoint: where to send, how, a valid body, and what to add to each request (signatures, sign-in). */
    record Target(String name, String path, String contentType, Kind kind, byte[] valid,
            Function<byte[], Map<String, String>> headers) {
    }

    enum Kind { JSON, FORM, TEXT }

    @Test
    void no_mutation_of_any_endpoints_body_gets_a_5xx_or_stores_a_control_character() throws Exception {
        List<String> failures = new ArrayList<>();
        Random random = new Random(20261206L);
        List<String> validRefused = new ArrayList<>();
        for (Target target : targets()) {
            // the unmutated body is taken, so the mutations below are judged by the endpoint, not by a wrong sign-in
            Map<String, String> validHeaders = new LinkedHashMap<>(target.headers().apply(target.valid()));
            validHeaders.put("Content-Type", target.contentType());
            int validStatus = RawHttp.send("POST", target.path(), validHeaders, target.valid()).status();
            if (validStatus >= 400) {
                validRefused.add(target.name() + " " + validStatus);
            }
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < MUTATIONS_PER_ENDPOINT; i++) {
                bodies.add(mutate(target, random));
            }
            for (byte[] body : bodies) {
                Map<String, String> headers = new LinkedHashMap<>(target.headers().apply(body));
                headers.put("Content-Type", target.contentType());
                RawHttp.Answer answer = RawHttp.send("POST", target.path(), headers, body);
                if (answer.status() >= 500) {
                    failures.add(target.name() + " answered " + answer.status() + " to "
                            + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(validRefused).isEmpty();
        assertThat(failures).isEmpty();
        assertThat(textColumnsWithControlCharacters()).isEmpty();
    }

    private List<Target> targets() throws Exception {
        String agent = StaffPages.cookieFor("agent-demo");
        String commissioner = Appeals.tokenFor("commissioner-tax");
        String no = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then()
                .statusCode(202).extract().path("trackingNo");
        Map<String, Object> submission = Appeals.validSubmission();
        submission.put("uscc", Usccs.random());
        Function<byte[], Map<String, String>> none = body -> Map.of();
        // the token as a header, so that every mutation of the body still reaches the desk
        Function<byte[], Map<String, String>> asAgent = body -> Map.of("Cookie", "huiyin_token=" + agent + "; "
                + CsrfTokens.COOKIE + "=" + StaffPages.csrfCookieFor(agent), CsrfTokens.HEADER, StaffPages.csrfFor(agent));
        Function<byte[], Map<String, String>> asCommissioner = body -> Map.of("Authorization", "Bearer " + commissioner);
        Function<byte[], Map<String, String>> signed = body -> {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            return Map.of(SignatureVerifier.KEY_ID_HEADER, Cti.KEY_ID, SignatureVerifier.TIMESTAMP_HEADER, timestamp,
                    SignatureVerifier.SIGNATURE_HEADER, SignatureVerifier.sign(Cti.SECRET, timestamp, body));
        };
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String wechat = "/api/v1/channels/wechat?account=plain&timestamp=" + timestamp + "&nonce=fuzz&signature="
                + WechatSignature.urlSignature("plainToken2026", timestamp, "fuzz");
        String follower = "oFUZZ" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return List.of(
                new Target("web appeal", "/api/v1/appeals", "application/json", Kind.JSON, json(submission), none),
                new Target("web form", "/appeals/new", "application/x-www-form-urlencoded", Kind.FORM,
                        form(Map.of("uscc", Usccs.random(), "enterpriseName", "广州测试科技有限公司", "contactName", "张三",
                                "contactMobile", "13800138000", "category", "TAX_SERVICE", "appealType", "HELP",
                                "title", "数电发票开具失败", "description", "我司开具数电发票时一直提示授信额度不足，请协助处理。",
                                "consent", "on", "submissionId", UUID.randomUUID().toString())), none),
                new Target("lookup form", "/appeals/lookup", "application/x-www-form-urlencoded", Kind.FORM,
                        form(Map.of("trackingNo", no, "queryCode", "ABCD2345")), none),
                new Target("routing suggest", "/api/v1/routing/suggest", "application/json", Kind.JSON,
                        json(Map.of("text", "开具数电发票提示授信额度不足", "channel", "WEB")), asCommissioner),
                new Target("note", "/api/v1/appeals/" + no + "/notes", "application/json", Kind.JSON,
                        json(Map.of("note", "已电话联系企业说明进度", "visibleToEnterprise", false)), asCommissioner),
                new Target("agent desk", "/desk/phone/work-orders", "application/x-www-form-urlencoded", Kind.FORM,
                        form(Map.of("contactName", "赵女士", "contactMobile", "13800138000", "appealType", "HELP",
                                "category", "TAX_SERVICE", "description", "来电反映退税进度查询不到，希望税务部门尽快联系说明情况。",
                                "submissionId", UUID.randomUUID().toString())), asAgent),
                new Target("cti form", "/api/v1/cti/test-cti-token-0001", "application/x-www-form-urlencoded", Kind.FORM,
                        form(Map.of("event", "newCall", "direction", "in", "from", "13800138000", "to", "020-12345",
                                "callId", "fuzz-" + UUID.randomUUID())), none),
                new Target("cti json", "/api/v1/cti/test-cti-token-0001", "application/json", Kind.JSON,
                        json(Map.of("event", "newCall", "direction", "in", "from", "13800138000", "to", "020-12345",
                                "callId", "fuzz-" + UUID.randomUUID())), none),
                new Target("phone events", "/api/v1/channels/phone/events", "application/json", Kind.JSON,
                        Cti.workOrder("fuzz-" + UUID.randomUUID(), "fuzz-call", "13800138000", Usccs.random(), "TAX_SERVICE")
                                .getBytes(StandardCharsets.UTF_8), signed),
                new Target("wechat", wechat, "text/xml", Kind.TEXT, ("<xml><ToUserName><![CDATA[gh_huiyin_plain]]></ToUserName>"
                        + "<FromUserName><![CDATA[" + follower + "]]></FromUserName><CreateTime>" + timestamp
                        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[开票时提示授信额度不足，请帮忙]]></Content>"
                        + "<MsgId>" + System.nanoTime() + "</MsgId></xml>").getBytes(StandardCharsets.UTF_8), none));
    }

    private static byte[] json(Map<String, Object> body) throws Exception {
        return JSON.writeValueAsBytes(body);
    }

    private static byte[] form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // ---- mutations

    private static final String[] HOSTILE_TEXT = { "\u001b[31m", "a\u0000b", "\u0008", "\u000b", "\u0085", "\ud800",
            "\udfff\u4e00", "\uffff", "'); DROP TABLE appeal; --", "<script>alert(1)</script>", "\u202e反转", "x".repeat(100_000),
            "", " ", "𠀀😀", "%zz", "${jndi:ldap://127.0.0.1/a}", "\r\n\r\nHTTP/1.1 200 OK" };

    private static byte[] mutate(Target target, Random random) throws Exception {
        return switch (target.kind()) {
            case JSON -> mutateJson(target.valid(), random);
            case FORM -> mutateForm(target.valid(), random);
            case TEXT -> mutateBytes(target.valid(), random);
        };
    }

    @SuppressWarnings("unchecked")
    private static byte[] mutateJson(byte[] valid, Random random) throws Exception {
        Map<String, Object> body = JSON.readValue(valid, HashMap.class);
        List<String> keys = new ArrayList<>(body.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(9)) {
            case 0 -> text.replaceFirst("\\{", "{\"" + key + "\":\"again\",").getBytes(StandardCharsets.UTF_8);
            case 1 -> (text + (random.nextBoolean() ? " trailing" : text)).getBytes(StandardCharsets.UTF_8);
            case 2 -> {
                Object[] others = { 12345, 1.5, true, null, List.of("a"), Map.of("a", 1),
                        new java.math.BigInteger("1000000000000000000000000000000"), "true", "" };
                body.put(key, others[random.nextInt(others.length)]);
                yield JSON.writeValueAsBytes(body);
            }
            case 3 -> {
                body.put(key, HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)]);
                yield JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 5 -> insertBytes(valid, random, new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xFF },
                    { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { 0 } });
            case 6 -> new String[] { "", "null", "[]", "\"x\"", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":1e99999}",
                    "{\"" + key + "\":\"\\ud800\"}" }[random.nextInt(7)].getBytes(StandardCharsets.UTF_8);
            case 7 -> text.replace("\"" + key + "\"", "\"" + key + "\\u0000\"").getBytes(StandardCharsets.UTF_8);
            default -> {
                body.remove(key);
                yield JSON.writeValueAsBytes(body);
            }
        };
    }

    private static byte[] mutateForm(byte[] valid, Random random) {
        String text = new String(valid, StandardCharsets.US_ASCII);
        String[] fields = text.split("&");
        String field = fields[random.nextInt(fields.length)];
        String name = field.substring(0, field.indexOf('='));
        return switch (random.nextInt(7)) {
            case 0 -> text.replace(field, name + "=%zz").getBytes(StandardCharsets.US_ASCII);
            case 1 -> text.replace(field, name + "=" + URLEncoder.encode(HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)],
                    StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
            case 2 -> (text + "&" + field + "&" + name + "=second").getBytes(StandardCharsets.US_ASCII);
            case 3 -> text.replace(field, name + "=%C0%AF%FF%ED%A0%80").getBytes(StandardCharsets.US_ASCII);
            case 4 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 5 -> text.replace(field, name + "=" + "%E6%8F%8F".repeat(random.nextInt(30_000))).getBytes(StandardCharsets.US_ASCII);
            default -> text.replace(field, "").getBytes(StandardCharsets.US_ASCII);
        };
    }

    private static byte[] mutateBytes(byte[] valid, Random random) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(5)) {
            case 0 -> insertBytes(valid, random, new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xFF }, { 0 }, { 0x1b } });
            case 1 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 2 -> text.replace("开票时", HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)]).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + text.replace("开票时", "&e;"))
                    .getBytes(StandardCharsets.UTF_8);
            default -> text.repeat(1 + random.nextInt(3_000)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] insertBytes(byte[] valid, Random random, byte[][] choices) {
        byte[] bad = choices[random.nextInt(choices.length)];
        int at = 1 + random.nextInt(valid.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.write(bad, 0, bad.length);
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    /** Every text column of every table, checked for a control character other than tab and line breaks. */
    private List<String> textColumnsWithControlCharacters() {
        List<String> found = new ArrayList<>();
        String columns = db.string("SELECT string_agg(table_name || '.' || column_name, ',') FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') "
                + "AND table_name NOT LIKE 'flyway%'");
        for (String column : columns.split(",")) {
            String[] parts = column.split("\\.");
            long rows = db.count("SELECT count(*) FROM " + parts[0] + " WHERE " + parts[1]
                    + " ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]'");
            if (rows > 0) {
                found.add(column + ": " + rows + " rows");
            }
        }
        return found;
    }
}
