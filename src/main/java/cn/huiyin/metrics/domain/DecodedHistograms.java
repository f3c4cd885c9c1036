package cn.huiyin.metrics.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/**
 * The histograms last decoded, keyed by their stored bytes: a question asked again (the dashboard's, every few
 * seconds) finds most of its rows here and skips decoding, which is most of what it costs. Keyed by content, an entry
 * is right for as long as it lives — a rebuilt row has other bytes, on every replica — so nothing is ever invalidated;
 * the least recently used go when it is full. The histograms handed out are shared and never changed ({@link Rollup}
 * copies one before changing it).
 */
final class DecodedHistograms {

    /**
     * About 20 MB at the widest rows (a month of a busy unit): a year's or all history's month rows, or 30 days' days.
     * The JVM option {@code -Dhuiyin.metrics.decoded-histograms=N} sets another size (0: no cache).
     */
    static final int CAPACITY = Integer.getInteger("huiyin.metrics.decoded-histograms", 4096);

    /** The stored bytes as a map key, hashed once. */
    private static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && Arrays.equals(key.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, Histogram> recent = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Histogram> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The histogram these bytes encode: from the cache, else decoded (outside the lock) and kept. */
    Histogram of(byte[] bytes, Function<byte[], Histogram> decode) {
        Key key = new Key(bytes);
        Histogram found;
        synchronized (recent) {
            found = recent.get(key);
        }
        if (found != null) {
            return found;
        }
        Histogram decoded = decode.apply(bytes);
        synchronized (recent) {
            recent.put(key, decoded);
        }
        return decoded;
    }
}
