package cn.huiyin.notify.staff.domain;

/** The late appeal as its notices need it: who holds it now ({@code assignee}, may be null) and in which unit. */
public record EscalatedAppeal(long appealId, String trackingNo, String title, String handlingUnit, String assignee) {
}
