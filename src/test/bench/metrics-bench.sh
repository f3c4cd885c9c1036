#!/usr/bin/env bash
# Leaders' metrics benchmark: what the dashboard's figures cost with 10,000,000 appeals in history, before (as of
# V21: whole months from metrics_monthly, the partial months' days from metrics_daily, each histogram decoded by
# HdrHistogram) against now (the service's CoveringRead statement: a month mostly covered is read whole less the days
# it misses, histograms decoded straight into their buckets), one read per dashboard page, both in the same run on the
# same rows, alternating. Both answers are compared with the daily rows' alone. Report the ratios, not the absolute
# numbers (±25 % on a 2-core machine).
#
#   A  10,000 appeals      over UNITS × DAYS cells (most cells empty: fewer rows)
#   B  100,000 appeals     over the same cells (every cell filled)
#   C  10,000,000 appeals  over the same cells (100 × B's appeals per row)
#
# The rollups are generated on the fly (nothing bulky is committed) by MetricsBench.java with the service's own
# Rollup class: each appeal gets random counted sets and random response / handling minutes recorded into the
# cell's HdrHistograms, exactly as the projector builds a cell; each month row is its days merged, as the projector
# keeps it. The schema is V9 + V21 as migrated; the data ends on 2026-10-31 ("today"). Then, per scenario and question
# (district 30 days to the month's end and to mid-month, 365 days and a year from mid-month, one unit or street,
# all history, and the dashboard page's rollup figures for 30 days, 365 days and all history), both ways run RUNS
# times after a warm-up; the table gives rows read and p50 / p95 of each, the p95 ratio, and whether both ways gave
# the daily rows' answer (counts, percentiles, trend, p90 per unit; the script fails if not). The last line per
# scenario is the projector's extra work per touched cell: one month cell re-merged from its days.
#
# Usage (from the repository root, after `mvn -o compile`; this script never runs Maven):
#   src/test/bench/metrics-bench.sh [NAME=value ...]
# Settings: DB (default huiyin_metrics_bench, dropped and recreated, dropped at the end unless KEEP_DB=yes),
#   UNITS (30), DAYS (1095), RUNS (20), BIG (10000000), SCENARIOS (a b c), CLASSES (the compiled service,
#   default target/classes), CACHE (decoded histograms kept, default the service's 4096; 0 measures every read cold).
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), Java 17, and in ~/.m2 HdrHistogram 2.2.2 and
# the PostgreSQL JDBC driver (both are dependencies of the build). Loopback only; every step is bounded.
set -euo pipefail
for arg in "$@"; do
    case "$arg" in
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *=*) export "${arg?}" ;;
    esac
done
DB=${DB:-huiyin_metrics_bench}; UNITS=${UNITS:-30}; DAYS=${DAYS:-1095}; RUNS=${RUNS:-20}; BIG=${BIG:-10000000}
KEEP_DB=${KEEP_DB:-no}; SCENARIOS=${SCENARIOS:-a b c}; CACHE=${CACHE:-4096}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
M2=${M2_REPO:-$HOME/.m2/repository}
HDR=$M2/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar
PGJDBC=$(ls "$M2"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
CLASSES=${CLASSES:-$ROOT/target/classes}
CP="$CLASSES:$HDR:$PGJDBC"
[ -d "$CLASSES/cn/huiyin/metrics" ] || { echo "build first: mvn -o compile" >&2; exit 1; }
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
WORK=$(mktemp -d)
cleanup() { rm -rf "$WORK"; [ "$KEEP_DB" = yes ] || $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; }
trap cleanup EXIT
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null

declare -A APPEALS=([a]=10000 [b]=100000 [c]=$BIG)
echo "| scenario | appeals | rollup rows daily / monthly | question | rows read before → after | p50 ms before → after | p95 ms before → after | p95 before ÷ after | answers |"
echo "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |"
for s in $SCENARIOS; do
    n=${APPEALS[$s]}
    $PSQL -d "$DB" -c "CREATE SCHEMA s_$s" >/dev/null
    for v in V9__metrics.sql V21__metrics_monthly.sql; do
        PGOPTIONS="-c search_path=s_$s" $PSQL -d "$DB" -f "$ROOT/src/main/resources/db/migration/$v" >/dev/null
    done
    timeout 1800 java -cp "$CP" "$ROOT/src/test/bench/MetricsBench.java" gen "$n" "$UNITS" "$DAYS" "$WORK/$s.csv" \
        "$WORK/$s-monthly.csv"
    # autovacuum may be off: the planner needs the statistics of the loaded rows
    PGOPTIONS="-c search_path=s_$s" $PSQL -d "$DB" -c "\\copy metrics_daily FROM '$WORK/$s.csv' WITH (FORMAT csv)" \
        -c "\\copy metrics_monthly FROM '$WORK/$s-monthly.csv' WITH (FORMAT csv)" \
        -c "ANALYZE metrics_daily" -c "ANALYZE metrics_monthly" >/dev/null
    rows=$($PSQL -d "$DB" -tAc "SELECT (SELECT count(*) FROM s_$s.metrics_daily) || ' / ' || (SELECT count(*) FROM s_$s.metrics_monthly)")
    timeout 1800 java -Dhuiyin.metrics.decoded-histograms="$CACHE" -cp "$CP" "$ROOT/src/test/bench/MetricsBench.java" query \
        "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres&currentSchema=s_$s" "$RUNS" >"$WORK/$s.out"
    while IFS=$'\t' read -r question before after p50b p95b p50a p95a same; do
        ratio=$( [ "$p95b" = - ] && echo - || echo "scale=1; $p95b / $p95a" | bc)
        printf "| %s | %s | %s | %s | %s → %s | %s → %s | %s → %s | %s | %s |\n" "${s^^}" "$n" "$rows" "$question" \
            "$before" "$after" "$p50b" "$p50a" "$p95b" "$p95a" "$ratio" "$same"
    done <"$WORK/$s.out"
    if grep -q DIFFERENT "$WORK/$s.out"; then
        echo "scenario ${s^^}: an answer differs from the daily rows' (see above)" >&2
        exit 1
    fi
done
