package cn.huiyin.knowledge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.huiyin.knowledge.application.Deflection.ArticleFigures;
import cn.huiyin.knowledge.application.Deflection.ChannelFigures;
import cn.huiyin.knowledge.application.Deflection.Figures;
import cn.huiyin.knowledge.persistence.DeflectionRepository;
import cn.huiyin.knowledge.persistence.DeflectionRepository.ChannelRow;
import io.smallrye.mutiny.Uni;

/**
 * The deflection rate (分流率): how many questions the knowledge base answered were not followed by an appeal, per
 * channel an enterprise asks on, overall and per article, with how helpful the askers found the answers. The
 * formulas are in {@link Deflection}; the published figure is on the leaders' dashboard and {@code /knowledge/effect}.
 */
@ApplicationScoped
public class Deflections {

    /** An appeal later than this after an answer is a new matter, not the answer failing; younger sessions wait. */
    public static final Duration FOLLOW_WINDOW = Duration.ofHours(24);

    /** The channels on which enterprises ask, in the order the figures are shown, with their names. */
    static final Map<String, String> CHANNELS = Map.of(KnowledgeAnswers.WEB, "网页", KnowledgeAnswers.WECHAT, "微信",
            KnowledgeAnswers.PHONE, "电话");
    private static final List<String> ORDER = List.of(KnowledgeAnswers.WEB, KnowledgeAnswers.WECHAT, KnowledgeAnswers.PHONE);

    @Inject
    DeflectionRepository repository;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.sla.zone", defaultValue = "Asia/Shanghai")
    String zone;

    /** The figures of the days {@code from}…{@code toInclusive}, of one unit's articles or (null) of all. */
    public Uni<Deflection> deflection(LocalDate from, LocalDate toInclusive, String unitCode) {
        ZoneId district = ZoneId.of(zone);
        Instant start = from.atStartOfDay(district).toInstant();
        Instant end = toInclusive.plusDays(1).atStartOfDay(district).toInstant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant settledBefore = now.minus(FOLLOW_WINDOW);
        return Uni.combine().all().unis(repository.byChannel(start, end, zone, unitCode, settledBefore),
                repository.byArticle(start, end, zone, unitCode, settledBefore)).asTuple()
                .map(read -> {
                    List<ChannelFigures> channels = channels(read.getItem1());
                    List<ArticleFigures> articles = read.getItem2().stream().map(a -> new ArticleFigures(a.articleId(),
                            a.title(), a.unitCode(), a.figures(), a.reviewFlaggedAt(), a.reviewFlagReason())).toList();
                    return new Deflection(from, toInclusive, unitCode, now, settledBefore, channels,
                            Deflection.sum(channels), articles, Deflection.allFormulas());
                });
    }

    /** Today in the district, the default end of a period. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(zone)));
    }

    /** Every asking channel, those without answers with zeros, so the page and the API always list all three. */
    private static List<ChannelFigures> channels(List<ChannelRow> rows) {
        List<ChannelFigures> channels = new ArrayList<>();
        for (String channel : ORDER) {
            Figures figures = rows.stream().filter(r -> r.channel().equals(channel)).map(ChannelRow::figures).findFirst()
                    .orElse(Figures.NONE);
            channels.add(new ChannelFigures(channel, CHANNELS.get(channel), figures));
        }
        return channels;
    }
}
