package cn.huiyin.shared.domain;

/**
 * Who is asking. {@code role} is null for an anonymous caller; {@code unitCode} is set for staff of a
 * handling unit, {@code uscc} for an enterprise user.
 */
public record Caller(String username, String role, String unitCode, String uscc) {

    public static Caller anonymous() {
        return new Caller(null, null, null, null);
    }

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean hasRole(String candidate) {
        return candidate.equals(role);
    }

    /** How this caller is written in an event's actor column. */
    public String actor() {
        return isAnonymous() ? "anonymous" : role + ":" + username;
    }
}
