package cn.huiyin.sla.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.sla.application.SlaCalendar;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockRules;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * {@code /sla}: the service time limits in force, and those dated ahead with their date, and the loaded work calendar,
 * public (Chinese). Versions replaced by a later one are left out: the administrators' history lists them.
 */
@Path("/sla")
public class SlaPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<RuleRow> rules, Set<Integer> loadedYears, Set<Integer> missingYears,
                String officeHours);
    }

    /** A rule as the page shows it. */
    public record RuleRow(String clock, String appliesTo, String limit, String source, String effectiveFrom) {
    }

    @Inject
    SlaCalendar calendar;

    @Inject
    Catalogues catalogue;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page() {
        return Uni.combine().all().unis(calendar.planner(), catalogue.current()).with((planner, categories) -> {
            var cal = planner.calculator().calendar();
            ClockRules.Standing standing = planner.rules().standing(LocalDate.now(clock.withZone(cal.zone())));
            List<RuleRow> rows = Stream.concat(standing.inForce().stream(), standing.scheduled().stream())
                    .sorted(Comparator.comparing(ClockRule::clock).thenComparing(ClockRule::id))
                    .map(rule -> row(rule, categories)).toList();
            String hours = String.join("，", cal.officeHours().stream().map(Object::toString).toList());
            return Templates.page(rows, cal.loadedYears(), calendar.missingYearsAround(cal), hours);
        });
    }

    private static RuleRow row(ClockRule r, Catalogue categories) {
        String appliesTo = String.join(" · ", Stream.of(
                r.appealType() == null ? null : "类型 " + typeName(r.appealType()),
                r.category() == null ? null : "分类 " + categoryName(r.category(), categories),
                r.urgent() == null ? null : (r.urgent() ? "紧急" : "非紧急")).filter(Objects::nonNull).toList());
        String unit = switch (r.unit()) {
            case NATURAL_MINUTES -> "分钟";
            case NATURAL_HOURS -> "小时";
            case NATURAL_DAYS -> "个自然日";
            case WORKING_HOURS -> "个工作小时";
            case WORKING_DAYS -> "个工作日";
        };
        return new RuleRow(r.clock().label(), appliesTo.isEmpty() ? "全部" : appliesTo, r.amount() + unit, r.legalSource(),
                r.effectiveFrom().toString());
    }

    /** 咨询, 求助, …; a code the page does not know is shown as it is. */
    private static String typeName(String code) {
        return Arrays.stream(AppealType.values()).filter(t -> t.name().equals(code)).findFirst()
                .map(AppealType::label).orElse(code);
    }

    /** The catalogue's name of the category, e.g. 用电报装与供电. */
    private static String categoryName(String code, Catalogue categories) {
        DispatchRule rule = categories.rules().get(code);
        return rule == null ? code : rule.name();
    }
}
