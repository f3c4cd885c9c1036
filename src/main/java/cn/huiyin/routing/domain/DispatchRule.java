package cn.huiyin.routing.domain;

/**
 * One line of the dispatch catalogue (派单目录).
 *
 * @param unitRule a handling unit's code, or {@link #BY_STREET} or {@link #BY_DISPATCHER}
 */
public record DispatchRule(String category, String name, String unitRule, Integer urgentHours) {

    /** Local matters go to the street (街道) where the enterprise is. */
    public static final String BY_STREET = "STREET";
    /** Matters outside the catalogue are placed by a dispatcher. */
    public static final String BY_DISPATCHER = "DISPATCH";
}
