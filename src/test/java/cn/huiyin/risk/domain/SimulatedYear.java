package cn.huiyin.risk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A generated year of appeals in working time, with the dynamics that make a backlog matter: arrivals that come in
 * bursts (a policy change, a storm), units with a few commissioners who work their queue first come first served, the
 * effort of each appeal, and the wait on the enterprise or another department that no commissioner can shorten.
 */
final class SimulatedYear {

    static final int WORKING_DAYS = 250;
    private static final int[] CASE_DAYS = { 10, 10, 15, 10, 15 };     // HELP HELP COMPLAINT SUGGEST REPORT; CONSULT is 2

    private SimulatedYear() {
    }

    static List<Backtest.Appeal> draw(long seed, int units) {
        Random random = new Random(seed);
        List<Backtest.Appeal> appeals = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            appeals.addAll(unit("U" + u, random));
        }
        return appeals;
    }

    private static List<Backtest.Appeal> unit(String name, Random random) {
        int commissioners = 2 + random.nextInt(4);
        double effort = 200 + random.nextInt(220);                  // mean office minutes of work per appeal
        double consults = 0.1 + 0.6 * random.nextDouble();         // a hotline-like unit answers mostly questions
        double perDay = 0.75 * commissioners * Backtest.DAY / (effort * (1.2 - 0.7 * consults));     // usually 75 % busy
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int c = 0; c < commissioners; c++) {
            free.add(0.0);
        }
        List<Backtest.Appeal> appeals = new ArrayList<>();
        double burst = 1;
        int burstLeft = 0;
        for (int day = 0; day < WORKING_DAYS; day++) {
            if (burstLeft == 0 && random.nextDouble() < 0.03) {
                burst = 1.4 + random.nextDouble() * 1.2;
                burstLeft = 2 + random.nextInt(6);
            }
            double rate = perDay * burst * (0.85 + 0.3 * Math.sin(day / 40.0));
            int arrivals = poisson(rate, random);
            for (int i = 0; i < arrivals; i++) {
                double at = day * Backtest.DAY + random.nextDouble() * Backtest.DAY;
                appeals.add(new Backtest.Appeal(name, (long) at, 0, 0));
            }
            if (burstLeft > 0 && --burstLeft == 0) {
                burst = 1;
            }
        }
        appeals.sort((a, b) -> Long.compare(a.dispatched(), b.dispatched()));
        List<Backtest.Appeal> served = new ArrayList<>();
        for (Backtest.Appeal a : appeals) {
            boolean consult = random.nextDouble() < consults;     // a question is answered from the desk; a case waits on others
            int budget = consult ? 2 : CASE_DAYS[random.nextInt(CASE_DAYS.length)];
            double start = Math.max(a.dispatched(), free.poll());
            double work = effort * (consult ? 0.5 : 1.2) * Math.exp(0.6 * random.nextGaussian() - 0.18);
            free.add(start + work);
            double outside = Backtest.DAY * (consult ? 0.1 : 1.5) * Math.exp(0.8 * random.nextGaussian());
            long replied = (long) (start + work + outside);
            long due = a.dispatched() + budget * Backtest.DAY;
            served.add(new Backtest.Appeal(name, a.dispatched(), replied, due));
        }
        return served;
    }

    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
