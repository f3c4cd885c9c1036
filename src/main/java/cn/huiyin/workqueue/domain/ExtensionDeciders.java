package cn.huiyin.workqueue.domain;

import java.util.Objects;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;

/**
 * Who decides a request for more time (延期申请): the dispatch centre any unit's, a unit leader their own unit's. To
 * anyone else the request does not exist, so another unit's requests cannot be counted or probed.
 */
public final class ExtensionDeciders {

    private ExtensionDeciders() {
    }

    public static boolean mayDecide(Caller caller, String requestUnit) {
        if (caller.hasRole(Roles.DISPATCHER)) {
            return true;
        }
        return caller.hasRole(Roles.UNIT_LEADER) && caller.unitCode() != null && Objects.equals(caller.unitCode(), requestUnit);
    }
}
