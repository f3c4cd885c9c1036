package cn.huiyin.shared.security;

import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An OpenID provider on a loopback port, as far as Huiyin's sign-in uses one (the Keycloak realm's endpoints under
 * {@code /realms/huiyin}): discovery, its signing keys, an authorization endpoint that signs {@link #nextUser} in at
 * once (no login page), a token endpoint that checks the client's secret, the redirect URI and the PKCE verifier and
 * answers with a signed ID and access token, and an end-session endpoint. It keeps what it was asked for.
 */
public class StubOidcProvider implements QuarkusTestResourceLifecycleManager {

    /** Who the authorization endpoint signs in. */
    public record User(String username, String name, String role, String unit, String uscc) {
    }

    public record Authorization(String clientId, String redirectUri, String state, String nonce, String challenge,
            User user) {
    }

    static final Map<String, String> CLIENT_SECRETS = Map.of("huiyin-staff", "stub-staff-secret",
            "huiyin-enterprise", "stub-enterprise-secret");
    static final String SESSION_SECRET = "stub-session-secret-0123456789abcdef";
    private static final String KEY_ID = "stub-key-1";
    private static final int LIFETIME_SECONDS = 300;

    public static volatile User nextUser;
    public static final List<Authorization> AUTHORIZED = new CopyOnWriteArrayList<>();
    /** Token requests answered with tokens (client, PKCE and redirect URI all right). */
    public static final List<String> TOKENS_ISSUED = new CopyOnWriteArrayList<>();
    /** Token requests refused, with why. */
    public static final List<String> TOKENS_REFUSED = new CopyOnWriteArrayList<>();
    /** The end-session requests' query parameters. */
    public static final List<Map<String, String>> LOGOUTS = new CopyOnWriteArrayList<>();

    private static volatile String issuer;
    private static volatile KeyPair keys;
    private static final Map<String, Authorization> CODES = new ConcurrentHashMap<>();

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            keys = rsa.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            try {
                handle(request, body.toString(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                request.response().setStatusCode(500).end(String.valueOf(e));
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        issuer = "http://127.0.0.1:" + server.actualPort() + "/realms/huiyin";
        return Map.of("HUIYIN_OIDC_URL", issuer,
                "HUIYIN_OIDC_STAFF_SECRET", CLIENT_SECRETS.get("huiyin-staff"),
                "HUIYIN_OIDC_ENTERPRISE_SECRET", CLIENT_SECRETS.get("huiyin-enterprise"),
                "HUIYIN_OIDC_SESSION_SECRET", SESSION_SECRET);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    public static String issuer() {
        return issuer;
    }

    /** An access token for the API, as the provider would issue one to {@code user} (audience huiyin-api). */
    public static String accessToken(User user) {
        return claims(user, "huiyin-staff").audience("huiyin-api").claim("azp", "huiyin-staff").jws().keyId(KEY_ID)
                .sign(keys.getPrivate());
    }

    private void handle(HttpServerRequest request, String body) {
        String path = request.path().substring(request.path().indexOf("/realms/huiyin") + "/realms/huiyin".length());
        switch (path) {
            case "/.well-known/openid-configuration" -> json(request, 200, discovery());
            case "/protocol/openid-connect/certs" -> json(request, 200, jwks());
            case "/protocol/openid-connect/auth" -> authorize(request);
            case "/protocol/openid-connect/token" -> token(request, body);
            case "/protocol/openid-connect/logout" -> logout(request);
            default -> request.response().setStatusCode(404).end();
        }
    }

    private static JsonObject discovery() {
        String endpoints = issuer + "/protocol/openid-connect";
        return new JsonObject().put("issuer", issuer)
                .put("authorization_endpoint", endpoints + "/auth")
                .put("token_endpoint", endpoints + "/token")
                .put("jwks_uri", endpoints + "/certs")
                .put("end_session_endpoint", endpoints + "/logout")
                .put("response_types_supported", new JsonArray().add("code"))
                .put("subject_types_supported", new JsonArray().add("public"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
                .put("code_challenge_methods_supported", new JsonArray().add("S256"));
    }

    private static JsonObject jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        JsonObject jwk = new JsonObject().put("kty", "RSA").put("kid", KEY_ID).put("use", "sig").put("alg", "RS256")
                .put("n", base64Url(key.getModulus())).put("e", base64Url(key.getPublicExponent()));
        return new JsonObject().put("keys", new JsonArray().add(jwk));
    }

    /** Signs {@link #nextUser} in at once and sends the browser back with a code. */
    private static void authorize(HttpServerRequest request) {
        String clientId = request.getParam("client_id");
        String redirectUri = request.getParam("redirect_uri");
        if (!CLIENT_SECRETS.containsKey(clientId) || redirectUri == null || !"code".equals(request.getParam("response_type"))
                || !"S256".equals(request.getParam("code_challenge_method")) || nextUser == null) {
            request.response().setStatusCode(400).end("invalid_request");
            return;
        }
        Authorization authorization = new Authorization(clientId, redirectUri, request.getParam("state"),
                request.getParam("nonce"), request.getParam("code_challenge"), nextUser);
        AUTHORIZED.add(authorization);
        String code = UUID.randomUUID().toString();
        CODES.put(code, authorization);
        String back = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + (authorization.state() == null ? "" : "&state=" + encode(authorization.state()));
        request.response().setStatusCode(302).putHeader("Location", back).end();
    }

    private static void token(HttpServerRequest request, String body) {
        Map<String, String> form = form(body);
        Authorization authorization = CODES.remove(String.valueOf(form.get("code")));
        String refusal = authorization == null ? "unknown code"
                : !"authorization_code".equals(form.get("grant_type")) ? "grant type"
                : !authorization.clientId().equals(clientOf(request, form)) ? "client authentication"
                : !authorization.redirectUri().equals(form.get("redirect_uri")) ? "redirect_uri"
                : !authorization.challenge().equals(s256(form.get("code_verifier"))) ? "PKCE verifier"
                : null;
        if (refusal != null) {
            TOKENS_REFUSED.add(refusal);
            json(request, 400, new JsonObject().put("error", "invalid_grant").put("error_description", refusal));
            return;
        }
        String clientId = authorization.clientId();
        JwtClaimsBuilder id = claims(authorization.user(), clientId).audience(clientId).claim("azp", clientId);
        if (authorization.nonce() != null) {
            id.claim("nonce", authorization.nonce());
        }
        String access = claims(authorization.user(), clientId).audience("huiyin-api").claim("azp", clientId)
                .jws().keyId(KEY_ID).sign(keys.getPrivate());
        TOKENS_ISSUED.add(clientId + " " + authorization.user().username());
        json(request, 200, new JsonObject().put("access_token", access).put("token_type", "Bearer")
                .put("expires_in", LIFETIME_SECONDS).put("id_token", id.jws().keyId(KEY_ID).sign(keys.getPrivate())));
    }

    private static void logout(HttpServerRequest request) {
        Map<String, String> query = new HashMap<>();
        request.params().forEach(entry -> query.put(entry.getKey(), entry.getValue()));
        LOGOUTS.add(query);
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            request.response().setStatusCode(200).end("logged out");
            return;
        }
        String state = query.get("state");
        request.response().setStatusCode(302)
                .putHeader("Location", back + (state == null ? "" : (back.contains("?") ? "&" : "?") + "state=" + encode(state)))
                .end();
    }

    private static JwtClaimsBuilder claims(User user, String clientId) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(UUID.nameUUIDFromBytes(user.username().getBytes(
                StandardCharsets.UTF_8)).toString()).claim("preferred_username", user.username())
                .claim("name", user.name()).claim("sid", UUID.randomUUID().toString()).groups(Set.of(user.role()))
                .expiresIn(LIFETIME_SECONDS);
        if (user.unit() != null) {
            claims.claim("unit", user.unit());
        }
        if (user.uscc() != null) {
            claims.claim("uscc", user.uscc());
        }
        return claims;
    }

    /** The client, authenticated by HTTP Basic or by the form's client_id and client_secret; null if neither holds. */
    private static String clientOf(HttpServerRequest request, Map<String, String> form) {
        String basic = request.getHeader("Authorization");
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        return id != null && secret != null && secret.equals(CLIENT_SECRETS.get(id)) ? id : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) { // the sign byte is not part of the unsigned value
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
