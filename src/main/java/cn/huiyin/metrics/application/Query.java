package cn.huiyin.metrics.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.huiyin.metrics.persistence.RollupRepository.Filter;

/** A validated metrics question: a period of received days and optional unit, street and category. */
public record Query(LocalDate from, LocalDate to, String unit, String street, String category) {

    public Filter filter() {
        return new Filter(from, to, unit, street, category);
    }

    public Query withUnit(String scopedUnit) {
        return new Query(from, to, scopedUnit, street, category);
    }

    /** The API drill-down link of a counted set under this question. */
    public String drilldown(String figure, String age) {
        return link("/api/v1/metrics/drilldown", figure, age);
    }

    /** The link to {@code base} with this question and a figure (the page's drill-down uses the same parameters). */
    public String link(String base, String figure, String age) {
        StringBuilder link = new StringBuilder(base).append("?figure=").append(figure)
                .append("&from=").append(from).append("&to=").append(to);
        append(link, "unit", unit);
        append(link, "street", street);
        append(link, "category", category);
        append(link, "age", age);
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null) {
            link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
