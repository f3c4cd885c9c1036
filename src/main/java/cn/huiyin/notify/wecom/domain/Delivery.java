package cn.huiyin.notify.wecom.domain;

/** How one WeCom message fared: sent, to be tried again later, or refused for good (with WeCom's reason). */
public sealed interface Delivery {

    record Sent() implements Delivery {
    }

    record TryLater(String why) implements Delivery {
    }

    record Refused(String why) implements Delivery {
    }
}
