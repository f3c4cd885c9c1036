package cn.huiyin.channel.wechat.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.notify.wechat.WechatConfig;
import cn.huiyin.notify.wechat.WechatConfig.Account;
import cn.huiyin.channel.wechat.application.WechatService;
import cn.huiyin.channel.wechat.domain.Decrypted;
import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.domain.PassiveReply;
import cn.huiyin.channel.wechat.domain.WechatCrypto;
import cn.huiyin.channel.wechat.domain.WechatSignature;
import cn.huiyin.channel.wechat.domain.WechatXml;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET, POST /api/v1/channels/wechat}: the official account's server callback. Every request is signed;
 * in safe mode the message is encrypted and our reply is too. WeChat waits at most five seconds and retries,
 * so the reply is given well inside that, and a retry gets the first answer.
 */
@Path("/api/v1/channels/wechat")
public class WechatCallbackResource {

    private static final Logger LOG = Logger.getLogger(WechatCallbackResource.class);
    /** Leave WeChat's five seconds some room: past this, answer "success" and let the outbox notice follow. */
    private static final Duration REPLY_BUDGET = Duration.ofMillis(4000);
    private static final SecureRandom RANDOM = new SecureRandom();
    // The signed query parameters in WeChat's own shapes, checked before anything is hashed or parsed: Unix seconds
    // in ASCII digits (Long.parseLong would also take "+1700000000" and full-width digits), short ASCII nonces.
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[!-~]{1,64}");
    // echoed back as it came, though no signature covers it: bounded visible ASCII (safe mode's is Base64)
    private static final Pattern ECHOSTR = Pattern.compile("[!-~]{1,1024}");

    @Inject
    WechatConfig config;

    @Inject
    WechatService wechat;

    @Inject
    Clock clock;

    private final Map<String, WechatCrypto> cryptos = new ConcurrentHashMap<>();

    /** URL verification when the account's server address is saved: echo {@code echostr} if signed by us. */
    @GET
    public Response verify(@RestQuery String account, @RestQuery String signature, @RestQuery String timestamp,
            @RestQuery String nonce, @RestQuery String echostr) {
        Account acct = account(account);
        requireShapes(signature, timestamp, nonce);
        if (echostr == null || !ECHOSTR.matcher(echostr).matches()) {
            throw unauthorized("echostr");
        }
        if (!WechatSignature.matches(WechatSignature.urlSignature(acct.token(), timestamp, nonce), signature)) {
            throw unauthorized();
        }
        return Response.ok(echostr, MediaType.TEXT_PLAIN).build();
    }

    @POST
    @Consumes({ MediaType.TEXT_XML, MediaType.APPLICATION_XML, MediaType.TEXT_PLAIN, MediaType.WILDCARD })
    public Uni<Response> receive(byte[] body, @RestQuery String account, @RestQuery String signature,
            @RestQuery String timestamp, @RestQuery String nonce, @RestQuery("encrypt_type") String encryptType,
            @RestQuery("msg_signature") String msgSignature) {
        String name = account == null ? config.defaultAccount() : account;
        Account acct = account(account);
        if (body.length > config.maxBodyBytes()) {
            throw new ProblemException(Problem.of(413, "body-too-large", "Body too large",
                    "A WeChat message has at most " + config.maxBodyBytes() + " bytes").withField("body"));
        }
        requireShapes(signature, timestamp, nonce);
        if (!WechatSignature.matches(WechatSignature.urlSignature(acct.token(), timestamp, nonce), signature)
                || !fresh(acct, timestamp)) {
            throw unauthorized(); // a captured signed URL must not be replayable later
        }
        String xml = utf8(body);
        boolean encrypted = "aes".equals(encryptType);
        String plain = encrypted ? decrypt(name, acct, xml, timestamp, nonce, msgSignature) : plaintext(acct, xml);
        Optional<InboundMessage> message = WechatXml.parse(plain, config.maxBodyBytes()).flatMap(InboundMessage::from);
        if (message.isEmpty()) {
            LOG.debug("WeChat push without a message we understand: answered success");
            return Uni.createFrom().item(Response.ok(PassiveReply.NO_REPLY, MediaType.TEXT_PLAIN).build());
        }
        InboundMessage m = message.get();
        // the handling runs to its end even when the reply budget is spent: memoised and subscribed on its own,
        // so the timeout below only stops waiting for it and cancels nothing
        Uni<String> handling = wechat.handle(name, m).memoize().indefinitely();
        handling.subscribe().with(done -> {
        }, failure -> LOG.warnf("WeChat message from %s not handled: %s", m.fromUser(), failure.getMessage()));
        return handling
                .ifNoItem().after(REPLY_BUDGET).recoverWithItem("")
                .map(text -> text.isEmpty() ? Response.ok(PassiveReply.NO_REPLY, MediaType.TEXT_PLAIN).build()
                        : Response.ok(reply(name, acct, m, text, encrypted), MediaType.APPLICATION_XML).build());
    }

    /** Within the account's window of our clock (five minutes unless configured). The shape is checked. */
    private boolean fresh(Account acct, String timestamp) {
        return Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) <= acct.signatureWindow().toSeconds();
    }

    /** Refused like a wrong signature, but naming the parameter: its shape is no secret. */
    private static void requireShapes(String signature, String timestamp, String nonce) {
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            throw unauthorized("timestamp");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            throw unauthorized("nonce");
        }
        if (!WechatSignature.isWellFormed(signature)) {
            throw unauthorized("signature");
        }
    }

    /** WeChat sends UTF-8; bytes that are not (a replacement character would be stored) are no push of its. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(400, "bad-xml", "Unreadable message", "The body is not valid UTF-8")
                    .withField("body"));
        }
    }

    /** Every account's keys are checked at start-up, not at the first encrypted message. */
    void checkAccounts(@Observes StartupEvent event) {
        config.accounts().forEach((name, acct) -> {
            if (acct.mode() != WechatConfig.Mode.PLAIN) {
                crypto(name, acct);
            }
        });
    }

    private String reply(String name, Account acct, InboundMessage m, String text, boolean encrypted) {
        String plain = PassiveReply.text(m.fromUser(), acct.accountId(), clock.instant().getEpochSecond(), text);
        if (!encrypted) {
            return plain;
        }
        // a fresh timestamp and nonce for our own envelope; WeChat checks its MsgSignature
        return PassiveReply.encrypted(crypto(name, acct), acct.token(), plain,
                String.valueOf(clock.instant().getEpochSecond()), String.valueOf(1_000_000_000L + RANDOM.nextInt(1_000_000_000)));
    }

    private String plaintext(Account acct, String xml) {
        if (acct.mode() == WechatConfig.Mode.SAFE) {
            throw unauthorized(); // a safe-mode account never receives plaintext from WeChat
        }
        return xml;
    }

    private String decrypt(String name, Account acct, String envelope, String timestamp, String nonce, String msgSignature) {
        if (acct.mode() == WechatConfig.Mode.PLAIN) {
            throw unauthorized();
        }
        String encrypt = WechatXml.parse(envelope, config.maxBodyBytes()).map(fields -> fields.get("Encrypt"))
                .orElseThrow(() -> new ProblemException(Problem.of(400, "bad-xml", "Unreadable message",
                        "The body is not a WeChat message envelope").withField("body")));
        if (!WechatSignature.isWellFormed(msgSignature)) {
            throw unauthorized("msg_signature");
        }
        if (!WechatSignature.matches(
                WechatSignature.messageSignature(acct.token(), timestamp, nonce, encrypt), msgSignature)) {
            throw unauthorized();
        }
        Decrypted decrypted = crypto(name, acct).decrypt(encrypt);
        if (decrypted instanceof Decrypted.Ok ok) {
            return ok.xml();
        }
        LOG.warnf("WeChat message refused: %s", ((Decrypted.Failed) decrypted).reason());
        throw unauthorized();
    }

    private WechatCrypto crypto(String name, Account acct) {
        return cryptos.computeIfAbsent(name, n -> new WechatCrypto(acct.encodingAesKey()
                .orElseThrow(() -> new IllegalStateException("account " + n + " has no encoding-aes-key")), acct.appId()));
    }

    private Account account(String name) {
        Account acct = config.accounts().get(name == null ? config.defaultAccount() : name);
        if (acct == null) {
            throw ProblemException.notFound("WeChat account");
        }
        return acct;
    }

    private static ProblemException unauthorized() {
        return new ProblemException(Problem.of(401, "bad-signature", "Signature rejected",
                "The request is not signed by the account's token, or its content could not be verified"));
    }

    private static ProblemException unauthorized(String parameter) {
        return new ProblemException(unauthorized().problem().withField(parameter));
    }
}
