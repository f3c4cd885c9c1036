package cn.huiyin.metrics.domain;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.HdrHistogram.Histogram;

/**
 * Counts and latency distributions of a set of appeals. A daily rollup row is one of these; any period, unit,
 * street or category is the {@link #merge} of rows, so percentiles over a year never read an appeal.
 * Histograms record office minutes with two significant digits: exact up to 255 minutes, within 1 % above
 * (three digits made every merge several times dearer; see docs/benchmarks.md).
 */
public final class Rollup {

    private static final int SIGNIFICANT_DIGITS = 2;

    private final Map<Count, Long> counts = new EnumMap<>(Count.class);
    private long custodyMinutes;
    private long custodyAppeals;
    private Histogram response;
    private Histogram handling;
    /** Whether the histograms are shared with the decoded-histogram cache: copied before this rollup changes. */
    private boolean shared;

    public Rollup() {
        this(newHistogram(), newHistogram());
    }

    private Rollup(Histogram response, Histogram handling) {
        this.response = response;
        this.handling = handling;
    }

    public static Rollup of(Iterable<AppealFact> facts) {
        Rollup rollup = new Rollup();
        facts.forEach(rollup::add);
        return rollup;
    }

    /**
     * Rebuilds a stored rollup row. Its histograms come from the decoded-histogram cache when these bytes were read
     * lately (decoding is most of what a question costs); they are shared until this rollup changes.
     */
    public static Rollup stored(Map<Count, Long> counts, long custodyMinutes, long custodyAppeals, byte[] response,
            byte[] handling) {
        Rollup rollup = new Rollup(cached(response), cached(handling));
        rollup.shared = true;
        rollup.counts.putAll(counts);
        rollup.custodyMinutes = custodyMinutes;
        rollup.custodyAppeals = custodyAppeals;
        return rollup;
    }

    /** A stored row read without its histograms: enough for rates, which are counts over counts. */
    public static Rollup countsOnly(Map<Count, Long> counts, long custodyMinutes, long custodyAppeals) {
        return stored(counts, custodyMinutes, custodyAppeals, null, null);
    }

    public void add(AppealFact fact) {
        add(fact.countBits(), fact.custodyMinutes(), fact.responseMinutes(), fact.handlingMinutes());
    }

    /** Adds one appeal as stored: its count bits ({@link AppealFact#countBits()}) and its office minutes. */
    public void add(int countBits, Long custody, Long responseMinutes, Long handlingMinutes) {
        own();
        for (Count count : Count.values()) {
            if ((countBits & count.bit()) != 0) {
                counts.merge(count, 1L, Long::sum);
            }
        }
        if (custody != null) {
            custodyMinutes += custody;
            custodyAppeals++;
        }
        if (responseMinutes != null) {
            response.recordValue(responseMinutes);
        }
        if (handlingMinutes != null) {
            handling.recordValue(handlingMinutes);
        }
    }

    /** The counts by name, as stored in a rollup row. */
    public Map<Count, Long> counts() {
        return new EnumMap<>(counts);
    }

    public Rollup merge(Rollup other) {
        own();
        other.counts.forEach((count, n) -> counts.merge(count, n, Long::sum));
        custodyMinutes += other.custodyMinutes;
        custodyAppeals += other.custodyAppeals;
        response.add(other.response);
        handling.add(other.handling);
        return this;
    }

    /**
     * Takes away a part of this rollup (a day of the month it is in): counts, custody and buckets subtract exactly, so
     * a month minus some of its days equals its other days merged. A count that reaches zero is dropped, as a merge of
     * the other days would not have it.
     */
    public Rollup subtract(Rollup part) {
        own();
        part.counts.forEach((count, n) -> {
            long left = count(count) - n;
            if (left < 0) {
                throw new IllegalArgumentException(count + " would be negative: not a part of this rollup");
            }
            if (left == 0) {
                counts.remove(count);
            } else {
                counts.put(count, left);
            }
        });
        custodyMinutes -= part.custodyMinutes;
        custodyAppeals -= part.custodyAppeals;
        response.subtract(part.response);
        handling.subtract(part.handling);
        return this;
    }

    /** Whether no appeal is left in it (a month minus all its days). */
    public boolean isEmpty() {
        return counts.values().stream().allMatch(n -> n == 0) && custodyAppeals == 0 && response.getTotalCount() == 0
                && handling.getTotalCount() == 0;
    }

    public long count(Count count) {
        return counts.getOrDefault(count, 0L);
    }

    public long custodyMinutes() {
        return custodyMinutes;
    }

    public long custodyAppeals() {
        return custodyAppeals;
    }

    /** Copies shared histograms before the first change, so the cache's stay as decoded. */
    private void own() {
        if (shared) {
            response = copy(response);
            handling = copy(handling);
            shared = false;
        }
    }

    private static Histogram copy(Histogram histogram) {
        Histogram copy = histogram.copy();
        copy.setAutoResize(true);
        return copy;
    }

    /** Read only: the rollup's response-time distribution (possibly shared with the cache). */
    public Histogram response() {
        return response;
    }

    /** Read only: the rollup's handling-time distribution (possibly shared with the cache). */
    public Histogram handling() {
        return handling;
    }

    public byte[] encodedResponse() {
        return encode(response);
    }

    public byte[] encodedHandling() {
        return encode(handling);
    }

    private static Histogram newHistogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    static byte[] encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /**
     * The first int of HdrHistogram's compressed encoding as this version writes it (then an int length, then the
     * deflated plain encoding); anything else is left to HdrHistogram to decode.
     */
    private static final int COMPRESSED_COOKIE = ByteBuffer.wrap(encode(newHistogram())).getInt();

    /** One inflater and output buffer per thread: a fresh inflater per histogram cost a third of a row's decoding. */
    private static final ThreadLocal<Inflating> INFLATING = ThreadLocal.withInitial(Inflating::new);

    private static final class Inflating {
        final Inflater inflater = new Inflater();
        byte[] out = new byte[4096];
    }

    private static final DecodedHistograms DECODED = new DecodedHistograms();

    private static Histogram cached(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? newHistogram() : DECODED.of(bytes, Rollup::decode);
    }

    static Histogram decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return newHistogram();
        }
        try {
            Histogram histogram = bytes.length >= 8 && ByteBuffer.wrap(bytes).getInt() == COMPRESSED_COOKIE
                    ? inflated(bytes) : Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            // sized to what the row holds; merging a wider one into it must widen it, as a fresh one would
            histogram.setAutoResize(true);
            return histogram;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an encoded histogram", e);
        }
    }

    /** The compressed encoding inflated with this thread's inflater, then decoded as HdrHistogram would. */
    private static Histogram inflated(byte[] bytes) throws DataFormatException {
        Inflating inflating = INFLATING.get();
        Inflater inflater = inflating.inflater;
        int length = ByteBuffer.wrap(bytes, 4, 4).getInt();
        inflater.reset();
        inflater.setInput(bytes, 8, Math.min(length, bytes.length - 8));
        int size = 0;
        while (!inflater.finished()) {
            if (size == inflating.out.length) {
                inflating.out = Arrays.copyOf(inflating.out, size * 2);
            }
            int n = inflater.inflate(inflating.out, size, inflating.out.length - size);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("truncated histogram");
            }
            size += n;
        }
        return plain(inflating.out, size);
    }

    /** The first int of HdrHistogram's plain (uncompressed) encoding as this version writes it. */
    private static final int PLAIN_COOKIE = plainCookie();

    /** The plain encoding's header: cookie, payload length, index offset, digits, lowest, highest, ratio. */
    private static final int PLAIN_HEADER_BYTES = 40;

    /**
     * The plain encoding decoded straight into a histogram, bucket by bucket, without HdrHistogram's intermediate
     * copy (which cost three times the inflating). Its payload is the counts array as zigzag LEB128 longs, a negative
     * one standing for that many empty buckets. An encoding this code did not write is left to HdrHistogram.
     */
    private static Histogram plain(byte[] bytes, int size) {
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, size);
        int end = PLAIN_HEADER_BYTES + header.getInt(4);
        if (size < PLAIN_HEADER_BYTES || header.getInt(0) != PLAIN_COOKIE || header.getInt(8) != 0
                || header.getInt(12) != SIGNIFICANT_DIGITS || header.getLong(16) != 1 || end > size) {
            return Histogram.decodeFromByteBuffer(ByteBuffer.wrap(bytes, 0, size), 0);
        }
        Histogram histogram = new Histogram(1, Math.max(2, header.getLong(24)), SIGNIFICANT_DIGITS);
        int pos = PLAIN_HEADER_BYTES;
        int index = 0;
        while (pos < end) {
            long raw = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[pos++];
                raw |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0 && shift < 56);
            if (b < 0) {
                raw |= (long) (bytes[pos++] & 0xff) << 56;
            }
            long count = (raw >>> 1) ^ -(raw & 1);
            if (count < 0) {
                index += (int) -count;
            } else {
                if (count > 0) {
                    histogram.recordValueWithCount(valueAt(index), count);
                }
                index++;
            }
        }
        return histogram;
    }

    /** The value of a counts-array index, for two significant digits from 1 (sub-buckets of 256, halves of 128). */
    private static long valueAt(int index) {
        int bucket = (index >> 7) - 1;
        int subBucket = (index & 127) + 128;
        if (bucket < 0) {
            subBucket -= 128;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }

    private static int plainCookie() {
        Histogram empty = newHistogram();
        ByteBuffer buffer = ByteBuffer.allocate(empty.getNeededByteBufferCapacity());
        empty.encodeIntoByteBuffer(buffer);
        return buffer.getInt(0);
    }
}
