package cn.huiyin.notify.staff.domain;

/**
 * How a notice reaches its reader besides the app, decided when it is stored: WeCom where it can (an app configured
 * and the person's WeCom user id set), else an SMS to their work mobile (SMS on and a mobile set), else the app alone.
 * One channel at most, so nobody is told the same step twice outside the app.
 */
public enum NoticeChannel {
    APP_ONLY, WECOM, SMS;

    /** What the roster says of a person's ways to be reached (whether each is set, not the values). */
    public record Contact(boolean hasWecomUserId, boolean hasMobile) {

        public static final Contact NONE = new Contact(false, false);
    }

    public static NoticeChannel of(boolean wecomOn, boolean smsOn, Contact contact) {
        if (wecomOn && contact.hasWecomUserId()) {
            return WECOM;
        }
        if (smsOn && contact.hasMobile()) {
            return SMS;
        }
        return APP_ONLY;
    }
}
