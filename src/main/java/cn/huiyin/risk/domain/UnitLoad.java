package cn.huiyin.risk.domain;

/**
 * How loaded a unit is now against its usual: the open appeals it holds, over what it usually holds by Little's law
 * (appeals answered per working minute × mean handling time). Above 1 the unit has more in hand than usual.
 *
 * @param open        appeals of the unit open now
 * @param usualOpen   what it usually holds; 0 or less when not known (a new unit), which reads as usual load
 */
public record UnitLoad(long open, double usualOpen) {

    /** Nothing known: the unit counts as usually loaded. */
    public static final UnitLoad USUAL = new UnitLoad(0, 0);

    /** From the answers of a past window: {@code answered} appeals in {@code windowMinutes} working minutes. */
    public static UnitLoad of(long open, long answered, double windowMinutes, double meanHandlingMinutes) {
        double usual = windowMinutes <= 0 ? 0 : answered / windowMinutes * meanHandlingMinutes;
        return new UnitLoad(open, usual);
    }

    public double factor() {
        return usualOpen <= 0 ? 1.0 : open / usualOpen;
    }
}
