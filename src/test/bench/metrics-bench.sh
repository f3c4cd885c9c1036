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
#
# Then, over HTTP (HTTP=auto: when the application is built, `mvn -B package -DskipTests`; HTTP=yes requires it, no
# skips it): the built service is started on a database of its own (DB_http, migrated by the service), scenario C's
# rollups are loaded into it, and wrk asks, as the demo's district leader, the dashboard page (/leader/metrics) and
# the summary API (/api/v1/metrics/summary) for the same periods, HTTP_CONNECTIONS connections (default 1, so the
# latency is the server's time for one request, not a queue), HTTP_DURATION seconds each (default 10) after a 3 s
# warm-up. The baseline in the same run is the same request for a period with no rollup row (2019-01-01..2019-01-30):
# what the page costs besides its rollups (the overdue list, risks, hot spots, the unit lists, rendering). It fails if
# an answer is not 200, or if the API's received count for a period is not the generated one. Settings: APP_DIR
# (default target/quarkus-app), PORT (8093).
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), Redis on 127.0.0.1:6379 for the HTTP part, Java 17,
# and in ~/.m2 HdrHistogram 2.2.2 and the PostgreSQL JDBC driver (both are dependencies of the build); installs curl
# and wrk (Debian packages) when missing. Loopback only; every step is bounded.
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
source "$ROOT/src/test/bench/bench-lib.sh"
cleanup() {
    stop_app
    rm -rf "$WORK"
    [ "$KEEP_DB" = yes ] || $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS ${DB}_http" \
        >/dev/null 2>&1 || true
}
trap cleanup EXIT
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
HTTP=${HTTP:-auto}; APP_DIR=${APP_DIR:-$ROOT/target/quarkus-app}; PORT=${PORT:-8093}
HTTP_CONNECTIONS=${HTTP_CONNECTIONS:-1}; HTTP_DURATION=${HTTP_DURATION:-10}
[[ "$HTTP" == auto ]] && { [[ -f "$APP_DIR/quarkus-run.jar" ]] && HTTP=yes || HTTP=no; }
[[ "$HTTP" == no || -f "$APP_DIR/quarkus-run.jar" ]] || { echo "HTTP=yes: build the application first" >&2; exit 1; }

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

# --- Over HTTP: the page and the API served by the built service from scenario C's rollups
[[ "$HTTP" == yes ]] || { echo; echo "(not measured over HTTP: HTTP=no, or no built application at $APP_DIR)"; exit 0; }
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl
if [[ ! -f "$WORK/c.csv" ]]; then
    timeout 1800 java -cp "$CP" "$ROOT/src/test/bench/MetricsBench.java" gen "$BIG" "$UNITS" "$DAYS" "$WORK/c.csv" "$WORK/c-monthly.csv"
fi
HTTP_DB=${DB}_http
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $HTTP_DB" -c "CREATE DATABASE $HTTP_DB" >/dev/null
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is already in use"; fi
log "starting the service on port $PORT (database $HTTP_DB)"
java -Dquarkus.profile=demo -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$HTTP_DB" \
    -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:5432/$HTTP_DB" \
    -Dhuiyin.redis.key-prefix=huiyin-metrics-bench: -Dquarkus.log.level=WARN \
    -Dhuiyin.metrics.demo-history.appeals=0 -Dhuiyin.knowledge.demo-history.answers=0 \
    -Dhuiyin.hotspot.refresh-every=off -Dhuiyin.risk.refresh-every=off \
    -jar "$APP_DIR/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!
ready=no
for _ in $(seq 1 240); do                                   # bounded: 120 s
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the service exited during start-up"; }
    [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready" || true)" == 200 ]] \
        && { ready=yes; break; }
    sleep 0.5
done
[[ $ready == yes ]] || { tail -n 40 "$WORK/app.log" >&2; die "the service was not ready in 120 s"; }
timeout 1800 $PSQL -d "$HTTP_DB" -c "\\copy metrics_daily FROM '$WORK/c.csv' WITH (FORMAT csv)" \
    -c "\\copy metrics_monthly FROM '$WORK/c-monthly.csv' WITH (FORMAT csv)" \
    -c "ANALYZE metrics_daily" -c "ANALYZE metrics_monthly" >/dev/null
TOKEN=$(curl -sf -m 10 -X POST "http://127.0.0.1:$PORT/api/v1/demo/tokens/district-leader" \
    | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' || true)
[[ -n "$TOKEN" ]] || die "could not mint the district leader's demo token"

LAST=2026-10-31
# expected FROM TO [SQL]: appeals received in that period by the generated rollups' own rows (units U0…), where SQL
# holds ("true" for the district)
expected() {
    timeout 300 $PSQL -d "$HTTP_DB" -tAc "SELECT coalesce(sum((counts::jsonb->>'RECEIVED')::bigint), 0) FROM metrics_daily
        WHERE day BETWEEN '$1' AND '$2' AND unit_code LIKE 'U%' AND ${3:-true}"
}
cat >"$WORK/get.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local b = 0
  for _, t in ipairs(threads) do b = b + t:get("bad") end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d bad=%d duration_s=%.3f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, b, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout))
end
LUA
field() { sed -n "/^BENCH /s/.* $1=\([^ ]*\).*/\1/p" "$2"; }
HTTP_ROWS=()
# over_http NAME FROM TO [unit=U3|street=ST-3]: the API (its received count checked) and the page for that period and
# scope, warm-up then measured
over_http() {
    local query="from=$2&to=$3${4:+&$4}" got want kind url out scope=true
    case "${4:-}" in unit=*) scope="unit_code = '${4#unit=}'" ;; street=*) scope="street_code = '${4#street=}'" ;; esac
    got=$(curl -sf -m 60 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/metrics/summary?$query" \
        | sed -n 's/.*"RECEIVED":{[^}]*"value":\([0-9]*\).*/\1/p' || true)
    want=$(expected "$2" "$3" "$scope")
    [[ "$got" == "$want" ]] || die "$1: the API counted ${got:-nothing} received, the rollups hold $want"
    for kind in api page; do
        url="http://127.0.0.1:$PORT/api/v1/metrics/summary?$query"
        [[ $kind == page ]] && url="http://127.0.0.1:$PORT/leader/metrics?$query"
        out="$WORK/http-$kind-$2.txt"
        BENCH_TOKEN=$TOKEN timeout 40 wrk -t 1 -c "$HTTP_CONNECTIONS" -d 3s -s "$WORK/get.lua" "$url" >/dev/null 2>&1 \
            || die "wrk warm-up failed for $url"
        BENCH_TOKEN=$TOKEN timeout $(( HTTP_DURATION + 40 )) wrk -t 1 -c "$HTTP_CONNECTIONS" -d "${HTTP_DURATION}s" \
            --timeout 10s -s "$WORK/get.lua" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed for $url"; }
        (( $(field bad "$out") == 0 && $(field errors "$out") == 0 )) || die "$url: answers not 200 or socket errors"
        HTTP_ROWS+=("$1|$kind|$want|$(field requests "$out")|$(field duration_s "$out")|$(field p50_ms "$out")|$(field p95_ms "$out")|$(field p99_ms "$out")")
        log "$1 $kind: p50 $(field p50_ms "$out") ms, p95 $(field p95_ms "$out") ms"
    done
}
over_http "baseline: a period with no rollup row" 2019-01-01 2019-01-30
over_http "district, last 30 days" 2026-10-02 $LAST
over_http "district, 30 days to mid-month" 2026-09-15 2026-10-14
over_http "district, last 365 days" 2025-11-01 $LAST
over_http "district, a year from mid-month" 2025-10-15 2026-10-14
over_http "district, all history" 2023-11-02 $LAST
over_http "one unit, last 365 days" 2025-11-01 $LAST unit=U3
over_http "one street, 30 days to mid-month" 2026-09-15 2026-10-14 street=ST-3
stop_app

# base KIND: the baseline's p95 for the API or the page
base() {
    local row q k p95
    for row in "${HTTP_ROWS[@]}"; do
        IFS='|' read -r q k _ _ _ _ p95 _ <<<"$row"
        if [[ "$q" == baseline* && "$k" == "$1" ]]; then echo "$p95"; fi
    done
}
API_BASE=$(base api); PAGE_BASE=$(base page)
echo
echo "Over HTTP ($(date +%F), $HTTP_CONNECTIONS connection(s), ${HTTP_DURATION}s each after 3 s warm-up, district leader; load average $(cut -d' ' -f1-3 /proc/loadavg)):"
echo
echo "| question | request | appeals counted | requests/s | p50 ms | p95 ms | p99 ms | p95 − baseline's p95 ms | p95 ≤ goal |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for row in "${HTTP_ROWS[@]}"; do
    IFS='|' read -r q kind want n secs p50 p95 p99 <<<"$row"
    if [[ $kind == api ]]; then b=$API_BASE; limit=50; what="GET /api/v1/metrics/summary"; else b=$PAGE_BASE; limit=100; what="GET /leader/metrics"; fi
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$q" "$what" "$want" \
        "$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')" "$p50" "$p95" "$p99" \
        "$(awk -v a="$p95" -v b="$b" 'BEGIN { printf "%.1f", a - b }')" \
        "$(awk -v a="$p95" -v l="$limit" 'BEGIN { print (a <= l ? "yes (" l " ms)" : "**no** (" l " ms)") }')"
done
