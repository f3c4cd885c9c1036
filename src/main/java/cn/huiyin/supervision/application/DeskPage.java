package cn.huiyin.supervision.application;

import java.util.List;

/** One page of the desk; {@code next} is the cursor of the following page, null on the last. */
public record DeskPage(List<DeskLine> lines, String next) {
}
