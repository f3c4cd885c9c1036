package cn.huiyin.shared.security;

/** The roles a bearer token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String ENTERPRISE = "enterprise";
    public static final String AGENT = "agent";
    public static final String COMMISSIONER = "commissioner";
    public static final String DISPATCHER = "dispatcher";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String DISTRICT_LEADER = "district-leader";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
