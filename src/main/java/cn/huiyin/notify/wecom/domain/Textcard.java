package cn.huiyin.notify.wecom.domain;

/** A WeCom text card (文本卡片消息): a title, a short description, and a button opening {@code url}. */
public record Textcard(String title, String description, String url, String buttonText) {
}
