package cn.huiyin.hotspot.domain;

import java.util.Arrays;

/**
 * A group's summed similarity to each neighbouring group, by the neighbour's index: an open-addressing map of ints to
 * doubles, because boxed maps of millions of entries would not fit a replica's memory. Nothing is removed: an entry
 * of a group that has merged into another is left behind, and the reader skips it.
 */
final class Sums {

    private static final int FREE = -1;

    private int[] keys;
    private double[] values;
    private int size;

    Sums() {
        keys = new int[4];
        Arrays.fill(keys, FREE);
        values = new double[4];
    }

    void add(int key, double value) {
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int slot = slot(keys, key);
        if (keys[slot] == FREE) {
            keys[slot] = key;
            size++;
        }
        values[slot] += value;
    }

    /** Adds every entry of {@code other}. */
    void addAll(Sums other) {
        for (int s = 0; s < other.keys.length; s++) {
            if (other.keys[s] != FREE) {
                add(other.keys[s], other.values[s]);
            }
        }
    }

    int capacity() {
        return keys.length;
    }

    /** The key in slot {@code s}, or -1 where the slot is free. */
    int keyAt(int s) {
        return keys[s];
    }

    double valueAt(int s) {
        return values[s];
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldKeys = keys;
        double[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        values = new double[keys.length];
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != FREE) {
                int slot = slot(keys, oldKeys[s]);
                keys[slot] = oldKeys[s];
                values[slot] = oldValues[s];
            }
        }
    }

    private static int slot(int[] keys, int key) {
        int mask = keys.length - 1;
        int s = (key * 0x9E3779B9) >>> 1 & mask;
        while (keys[s] != FREE && keys[s] != key) {
            s = s + 1 & mask;
        }
        return s;
    }
}
