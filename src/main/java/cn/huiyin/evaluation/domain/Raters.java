package cn.huiyin.evaluation.domain;

import java.util.Objects;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;

/**
 * Who rates through the API: only the enterprise that submitted the appeal, signed in. Staff never rate, not even on
 * an enterprise's behalf; another enterprise's appeal does not exist for it.
 */
public final class Raters {

    /** Where a caller stands before any appeal is looked at. */
    public enum Standing {
        /** Not signed in: asked to sign in (401). */
        SIGNED_OUT,
        /** A staff account: refused outright (403). */
        STAFF,
        /** An enterprise: may rate its own appeals. */
        ENTERPRISE
    }

    private Raters() {
    }

    public static Standing standing(Caller caller) {
        if (caller.isAnonymous()) {
            return Standing.SIGNED_OUT;
        }
        return caller.hasRole(Roles.ENTERPRISE) ? Standing.ENTERPRISE : Standing.STAFF;
    }

    /** Whether the appeal, submitted under {@code appealUscc}, is the calling enterprise's. */
    public static boolean owns(Caller caller, String appealUscc) {
        return caller.uscc() != null && Objects.equals(caller.uscc(), appealUscc);
    }
}
