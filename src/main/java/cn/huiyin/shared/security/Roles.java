package cn.huiyin.shared.security;

/**
 * The roles a bearer token may carry in its {@code groups} claim, as the Keycloak realm names them. The last three
 * are the separated duties of MLPS 2.0 level 3 (系统管理员 / 安全管理员 / 安全审计员, docs/operations.md).
 */
public final class Roles {

    public static final String ENTERPRISE = "enterprise";
    public static final String AGENT = "agent";
    public static final String COMMISSIONER = "commissioner";
    public static final String DISPATCHER = "dispatcher";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String DISTRICT_LEADER = "district-leader";
    /** 系统管理员: Huiyin's settings (catalogue, clock rules, duty roster, key enterprises); no audit records. */
    public static final String ADMIN = "admin";
    /** 安全管理员: who staff members are outside Huiyin (their WeCom user id and work mobile); no business data. */
    public static final String SECURITY_ADMIN = "security-admin";
    /** 安全审计员: reads the audit records (the reveal log, version histories, event chains); changes nothing. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
