package cn.huiyin.notify.staff.domain;

/**
 * The district's supervision desk (督办): whoever has {@code role} in {@code unitCode}. Today the district centre's
 * dispatchers stand for it; a desk of its own is a change of configuration.
 */
public record DeskRole(String unitCode, String role) {
}
