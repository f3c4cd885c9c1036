package cn.huiyin.notify.staff.domain;

/** A person who hears of one ladder step, and why (the first audience that named them). */
public record Recipient(String username, Audience audience) {
}
