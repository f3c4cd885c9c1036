package cn.huiyin.shared.sql;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows turned into one typed array per column: the parameters of an {@code INSERT … SELECT FROM unnest($1, $2, …)},
 * which writes any number of rows in one statement. The client needs the element type of each array (String[],
 * Integer[], …), so each column's type is given once.
 */
public final class ColumnArrays {

    private final Class<?>[] types;
    private final List<Object[]> rows = new ArrayList<>();

    public ColumnArrays(Class<?>... types) {
        this.types = types;
    }

    /** One row, its values in column order (null for SQL NULL). */
    public void add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
        }
        rows.add(values);
    }

    /** The columns, in order, each an array with one element per row. */
    public List<Object> arrays() {
        Object[] columns = new Object[types.length];
        for (int c = 0; c < types.length; c++) {
            Object column = Array.newInstance(types[c], rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Array.set(column, r, rows.get(r)[c]);
            }
            columns[c] = column;
        }
        return Arrays.asList(columns);
    }
}
