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
    private final Histogram response;
    private final Histogram handling;

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
     * Rebuilds a stored rollup row. The decoded histograms are kept as they are (not copied into fresh ones): decoding
     * is most of what a question costs, and a row is read once per question.
     */
    public static Rollup stored(Map<Count, Long> counts, long custodyMinutes, long custodyAppeals, byte[] response,
            byte[] handling) {
        Rollup rollup = new Rollup(decode(response), decode(handling));
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
        return Histogram.decodeFromByteBuffer(ByteBuffer.wrap(inflating.out, 0, size), 0);
    }
}
