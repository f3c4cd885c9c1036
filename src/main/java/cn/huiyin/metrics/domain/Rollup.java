package cn.huiyin.metrics.domain;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.DataFormatException;

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
    private final Histogram response = newHistogram();
    private final Histogram handling = newHistogram();

    public static Rollup of(Iterable<AppealFact> facts) {
        Rollup rollup = new Rollup();
        facts.forEach(rollup::add);
        return rollup;
    }

    /** Rebuilds a stored rollup row. */
    public static Rollup stored(Map<Count, Long> counts, long custodyMinutes, long custodyAppeals, byte[] response,
            byte[] handling) {
        Rollup rollup = new Rollup();
        rollup.counts.putAll(counts);
        rollup.custodyMinutes = custodyMinutes;
        rollup.custodyAppeals = custodyAppeals;
        rollup.response.add(decode(response));
        rollup.handling.add(decode(handling));
        return rollup;
    }

    public void add(AppealFact fact) {
        add(fact.countBits(), fact.custodyMinutes(), fact.responseMinutes(), fact.handlingMinutes());
    }

    /** Adds one appeal as stored: its count bits ({@link AppealFact#countBits()}) and its office minutes. */
    public void add(int countBits, Long custody, Long responseMinutes, Long handlingMinutes) {
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
        other.counts.forEach((count, n) -> counts.merge(count, n, Long::sum));
        custodyMinutes += other.custodyMinutes;
        custodyAppeals += other.custodyAppeals;
        response.add(other.response);
        handling.add(other.handling);
        return this;
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

    public Histogram response() {
        return response;
    }

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

    static Histogram decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return newHistogram();
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an encoded histogram", e);
        }
    }
}
