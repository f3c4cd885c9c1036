package cn.huiyin.notify.staff.domain;

import cn.huiyin.notify.wecom.domain.Textcard;

/**
 * A stored notice as a WeCom text card: its title, its body under the tracking number (WeCom shows the card's
 * {@code gray} and {@code normal} lines in their colours, so the body is escaped: an appeal's title is typed by the
 * enterprise), and a button opening, on the service's public address, the page the recipient's role may open
 * ({@link NoticeLinks}).
 */
public final class NoticeCard {

    private NoticeCard() {
    }

    public static Textcard of(String title, String body, String trackingNo, String recipientRole, String publicBaseUrl,
            String buttonText) {
        String number = trackingNo.strip();
        String description = "<div class=\"gray\">诉求编号 " + number + "</div><div class=\"normal\">" + escaped(body)
                + "</div>";
        return new Textcard(title, description, address(publicBaseUrl, NoticeLinks.pathFor(recipientRole, number)),
                buttonText);
    }

    /** The page's full address on the service's public address. */
    static String address(String publicBaseUrl, String path) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path;
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
