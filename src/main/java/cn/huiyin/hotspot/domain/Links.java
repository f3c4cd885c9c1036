package cn.huiyin.hotspot.domain;

import java.util.Arrays;

/** Pairs of texts (by index) and their similarity, kept in flat arrays: a month can have millions. */
final class Links {

    private int[] a = new int[64];
    private int[] b = new int[64];
    private float[] similarity = new float[64];
    private int size;

    void add(int first, int second, double similar) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
            b = Arrays.copyOf(b, size * 2);
            similarity = Arrays.copyOf(similarity, size * 2);
        }
        a[size] = first;
        b[size] = second;
        similarity[size++] = (float) similar;
    }

    int size() {
        return size;
    }

    int a(int link) {
        return a[link];
    }

    int b(int link) {
        return b[link];
    }

    double similarity(int link) {
        return similarity[link];
    }
}
