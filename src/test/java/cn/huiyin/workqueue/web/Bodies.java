package cn.huiyin.workqueue.web;

import java.util.List;

import cn.huiyin.shared.validation.RejectedField;

/** A JSON body checked as the API checks it: each broken field as {@code field message}, first field first. */
final class Bodies {

    private Bodies() {
    }

    static List<String> rejected(Object body) {
        return RejectedField.inOrder(Forms.VALIDATOR.validate(body)).stream().map(r -> r.field() + " " + r.message()).toList();
    }
}
