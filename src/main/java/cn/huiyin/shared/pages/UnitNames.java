package cn.huiyin.shared.pages;

import io.smallrye.mutiny.Uni;

/**
 * The name of a handling unit for the page header. The catalogue knows the names; it implements this, so the shared
 * header does not depend on routing.
 */
public interface UnitNames {

    /** The unit's name, or its code when the catalogue does not know it. */
    Uni<String> nameOf(String unitCode);
}
