import java.lang.reflect.Field;
import java.time.LocalDate;

import cn.huiyin.shared.domain.TrackingNumber;

/**
 * Work-queue benchmark helper, run by workqueue-bench.sh and risk-refresh-bench.sh (single-file source launch with
 * the built application's jar on the class path): prints one of the statements the service sends, read from the
 * service's own classes, so the plans the script shows are those of the code under test and never of a copy.
 *   sql CLASS FIELD     e.g. sql QueueReads BY_DEADLINE (classes of cn.huiyin.workqueue.persistence), or of any
 *                       package by its full name: sql cn.huiyin.risk.persistence.RiskRepository HOLDER_COPIES
 *   trackingno SERIAL   a well-formed tracking number (check digit and all) of 1 January 2001, so that a generated
 *                       appeal can be read by key as any other
 */
public class WorkQueueBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("trackingno")) {
            System.out.println(TrackingNumber.issue(LocalDate.of(2001, 1, 1), Long.parseLong(args[1])).value());
            return;
        }
        if (args.length != 3 || !args[0].equals("sql")) {
            System.err.println("usage: WorkQueueBench sql CLASS FIELD | trackingno SERIAL");
            System.exit(2);
        }
        String type = args[1].contains(".") ? args[1] : "cn.huiyin.workqueue.persistence." + args[1];
        Field field = Class.forName(type).getDeclaredField(args[2]);
        field.setAccessible(true);
        System.out.println(field.get(null));
    }
}
