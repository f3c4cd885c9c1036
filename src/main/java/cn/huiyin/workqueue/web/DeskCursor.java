package cn.huiyin.workqueue.web;

import java.util.List;
import java.util.Optional;

import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.web.ProblemException;

/**
 * Where a page of the dispatcher's waiting list starts: after the appeal whose tracking number the previous page
 * ended with (its place in the oldest-first order, whatever has become of it since). The API refuses a number that
 * is not one; the desk page, whose links carry it, starts again from the top.
 */
final class DeskCursor {

    /** Rows on one page of the desk, unless the address asks for another size. */
    static final int PAGE = 50;

    /** The most rows a desk page shows. */
    static final int MAX_PAGE = 100;

    private DeskCursor() {
    }

    /** The API's {@code after}: absent, or a tracking number as people write it. */
    static String after(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return TrackingNumber.parse(typed).map(TrackingNumber::value).orElseThrow(() -> ProblemException.badRequest("after",
                "after is the trackingNo of the previous page's last item"));
    }

    /** The desk page's {@code after}: null (the first page) when absent or not a tracking number. */
    static String pageAfter(String typed) {
        return trackingNo(typed);
    }

    /** A tracking number from an address, as people write it; null when it is none. */
    static String trackingNo(String typed) {
        return typed == null ? null : TrackingNumber.parse(typed).map(TrackingNumber::value).orElse(null);
    }

    /** The desk page's size: {@link #PAGE} unless the address names 1 to {@link #MAX_PAGE}. */
    static int pageSize(String typed) {
        try {
            int size = typed == null ? PAGE : Integer.parseInt(typed.trim());
            return size >= 1 && size <= MAX_PAGE ? size : PAGE;
        } catch (NumberFormatException e) {
            return PAGE;
        }
    }

    /**
     * A page read one row longer than shown: the rows to show, and where the next page starts — the last shown
     * row's tracking number — when the extra row says there is one.
     */
    record Page<T>(List<T> rows, Optional<T> lastBeforeMore) {

        static <T> Page<T> of(List<T> readOneMore, int size) {
            return readOneMore.size() > size ? new Page<>(readOneMore.subList(0, size), Optional.of(readOneMore.get(size - 1)))
                    : new Page<>(readOneMore, Optional.empty());
        }
    }
}
