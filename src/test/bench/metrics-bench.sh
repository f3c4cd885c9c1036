#!/usr/bin/env bash
# Leaders' metrics benchmark: what the dashboard's figures cost with 10,000,000 appeals in history, against
# baselines in the same run. The figures are read from daily rollups (one row per received day × unit × street ×
# category), so their cost must follow the number of rollup rows a question covers — units × days — and not
# the number of appeals. Report the ratios, not the absolute numbers (±25 % on a 2-core machine).
#
#   A  10,000 appeals      over UNITS × DAYS cells (most cells empty: fewer rows)
#   B  100,000 appeals     over the same cells (every cell filled)
#   C  10,000,000 appeals  over the same cells (100 × B's appeals per row)
#
# The rollups are generated on the fly (nothing bulky is committed) by MetricsBench.java with the service's own
# Rollup class: each appeal gets random counted sets and random response / handling minutes recorded into the
# cell's HdrHistograms, exactly as the projector builds a cell. Then, for each scenario, the dashboard's reads
# (RollupRepository.read's SQL, decoding every row's histograms and merging them, p90 per unit) run RUNS
# times after a warm-up for four questions: district 30 days, district 365 days, one unit 365 days, all history.
#
# Usage (from the repository root, after `mvn -o compile`; this script never runs Maven):
#   src/test/bench/metrics-bench.sh [NAME=value ...]
# Settings: DB (default huiyin_metrics_bench, dropped and recreated, dropped at the end unless KEEP_DB=yes),
#   UNITS (30), DAYS (1095), RUNS (5), BIG (10000000).
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), Java 17, and in ~/.m2 HdrHistogram 2.2.2 and
# the PostgreSQL JDBC driver (both are dependencies of the build). Loopback only; every step is bounded.
set -euo pipefail
for arg in "$@"; do
    case "$arg" in
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *=*) export "${arg?}" ;;
    esac
done
DB=${DB:-huiyin_metrics_bench}; UNITS=${UNITS:-30}; DAYS=${DAYS:-1095}; RUNS=${RUNS:-5}; BIG=${BIG:-10000000}
KEEP_DB=${KEEP_DB:-no}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
M2=${M2_REPO:-$HOME/.m2/repository}
HDR=$M2/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar
PGJDBC=$(ls "$M2"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
CP="$ROOT/target/classes:$HDR:$PGJDBC"
[ -d "$ROOT/target/classes/cn/huiyin/metrics" ] || { echo "build first: mvn -o compile" >&2; exit 1; }
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
WORK=$(mktemp -d)
cleanup() { rm -rf "$WORK"; [ "$KEEP_DB" = yes ] || $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; }
trap cleanup EXIT
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null

declare -A APPEALS=([a]=10000 [b]=100000 [c]=$BIG)
echo "| scenario | appeals | rollup rows | generate s | question | rows read | median ms | response rate |"
echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |"
for s in a b c; do
    n=${APPEALS[$s]}
    $PSQL -d "$DB" -c "CREATE SCHEMA s_$s" >/dev/null
    PGOPTIONS="-c search_path=s_$s" $PSQL -d "$DB" -f "$ROOT/src/main/resources/db/migration/V9__metrics.sql" >/dev/null
    start=$(date +%s.%N)
    timeout 1800 java -cp "$CP" "$ROOT/src/test/bench/MetricsBench.java" gen "$n" "$UNITS" "$DAYS" "$WORK/$s.csv"
    PGOPTIONS="-c search_path=s_$s" $PSQL -d "$DB" -c "\\copy metrics_daily FROM '$WORK/$s.csv' WITH (FORMAT csv)" \
        -c "ANALYZE metrics_daily" >/dev/null
    gen=$(echo "$(date +%s.%N) - $start" | bc)
    rows=$($PSQL -d "$DB" -tAc "SELECT count(*) FROM s_$s.metrics_daily")
    timeout 900 java -cp "$CP" "$ROOT/src/test/bench/MetricsBench.java" query \
        "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres&currentSchema=s_$s" "$RUNS" |
    while IFS=$'\t' read -r question read ms rate; do
        printf "| %s | %s | %s | %.0f | %s | %s | %s | %s |\n" "${s^^}" "$n" "$rows" "$gen" "$question" "$read" "$ms" "$rate"
    done
done
