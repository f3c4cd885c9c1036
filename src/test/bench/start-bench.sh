#!/usr/bin/env bash
# Start-up and memory benchmark: how long the service takes from process start to /q/health/ready answering 200 on
# a database that is already migrated, and its resident memory (VmRSS, VmHWM from /proc) at ready, idle and under web
# intake load. Two builds (or one build with two sets of JVM options) are started in turn, STARTS times each, so every
# figure has its baseline from the same run; the ratios after / before are the figures to report.
#
# Usage (from the repository root):
#   src/test/bench/start-bench.sh [NAME=value ...]
#   BASELINE_DIR=/tmp/app-before src/test/bench/start-bench.sh
#   AFTER_OPTS="-XX:MaxRAM=1g -XX:TieredStopAtLevel=1" LOAD=no src/test/bench/start-bench.sh   # JVM options only
#
# Settings (environment variables, or NAME=value arguments, which win):
#   APP_DIR       the build measured, "after" (default target/quarkus-app; built once with Maven when missing)
#   BASELINE_DIR  the build it is compared with, "before" (default: APP_DIR, so only the JVM options differ)
#   BEFORE_OPTS   JVM options of the baseline (default: IMAGE_DEFAULTS below, what the image's run-java.sh gave the
#                 JVM before this script, with the Deployment's 1 GiB limit and -XX:MaxRAMPercentage=75)
#   AFTER_OPTS    JVM options of the build measured (default: the same limit with CONTAINER_OPTS below, the options
#                 src/main/docker/Dockerfile.jvm and k8s/deployment.yaml give it)
#   STARTS        starts of each build, alternating (default 5)
#   LOAD          yes: after each start, intake load with wrk at each of CONNECTIONS (default yes)
#   CONNECTIONS   wrk connection counts, one run each, space separated (default "8 32")
#   LOAD_SECONDS  seconds of each wrk run (default 10)
#   IDLE_SECONDS  seconds between ready and the idle memory reading (default 5)
#   PORT          HTTP port of the service under test (default 8094)
#   DB            database, dropped, recreated and migrated once (default huiyin_start_bench)
#   REDIS_PREFIX  the service's Redis key prefix (default huiyin-start-bench:)
#   READY_TIMEOUT seconds to wait for /q/health/ready (default 120)
#
# Each start runs the demo profile's settings without any demo data (huiyin.demo.enabled=false: no demo users, no
# history), as a production replica starts on a migrated database: Flyway only validates, the reference data is
# there. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on 127.0.0.1:6379; installs wrk and curl
# (Debian packages) when missing. Prints a Markdown table for docs/benchmarks.md. Exits non-zero if a start fails,
# if more than 0.1 % of the load's answers are not 202, or if fewer appeals are stored than were acknowledged.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        APP_DIR=*|BASELINE_DIR=*|BEFORE_OPTS=*|AFTER_OPTS=*|STARTS=*|LOAD=*|CONNECTIONS=*|LOAD_SECONDS=*|IDLE_SECONDS=*|PORT=*|DB=*|REDIS_PREFIX=*|READY_TIMEOUT=*) export "${arg?}" ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

# The container's 1 GiB limit (k8s/deployment.yaml), as the JVM sizes itself from it
LIMIT_OPTS="-XX:MaxRAM=1g"
# run-java.sh's own options (its GC_CONTAINER_OPTIONS default and heap ratios), then the Deployment's heap share
IMAGE_DEFAULTS="-XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=75"
# what the image and the Deployment set now (keep in step with GC_CONTAINER_OPTIONS and JAVA_OPTS_APPEND there)
CONTAINER_OPTS="-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=25 -Xss512k"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
absolute() {   # relative: to the current directory if it is there, else to the repository root
    if [[ "$1" == /* ]]; then echo "$1"; elif [[ -d "$1" ]]; then (cd "$1" && pwd); else echo "$ROOT/$1"; fi
}
APP_DIR=$(absolute "${APP_DIR:-target/quarkus-app}")
BASELINE_DIR=$(absolute "${BASELINE_DIR:-$APP_DIR}")
BEFORE_OPTS=${BEFORE_OPTS-$LIMIT_OPTS $IMAGE_DEFAULTS}
AFTER_OPTS=${AFTER_OPTS-$LIMIT_OPTS $CONTAINER_OPTS}
STARTS=${STARTS:-5}
LOAD=${LOAD:-yes}
CONNECTIONS=${CONNECTIONS:-8 32}
LOAD_SECONDS=${LOAD_SECONDS:-10}
IDLE_SECONDS=${IDLE_SECONDS:-5}
PORT=${PORT:-8094}
DB=${DB:-huiyin_start_bench}
REDIS_PREFIX=${REDIS_PREFIX:-huiyin-start-bench:}
READY_TIMEOUT=${READY_TIMEOUT:-120}
HOST=127.0.0.1
PGCONN=(-h "$HOST" -p 5432 -U postgres)

[[ "$STARTS" =~ ^[1-9][0-9]*$ ]] || die "STARTS must be a positive integer"
[[ "$LOAD" == yes || "$LOAD" == no ]] || die "LOAD must be yes or no"
[[ "$LOAD_SECONDS" =~ ^[1-9][0-9]*$ && "$IDLE_SECONDS" =~ ^[0-9]+$ ]] || die "LOAD_SECONDS and IDLE_SECONDS must be whole seconds"
for c in $CONNECTIONS; do [[ "$c" =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be positive integers (got $c)"; done
[[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be a number"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "DB must be a plain lower-case identifier (got $DB)"
[[ "$DB" != postgres && "$DB" != template0 && "$DB" != template1 ]] || die "refusing to drop database $DB"
[[ "$REDIS_PREFIX" =~ ^[A-Za-z0-9_:.-]+$ ]] || die "REDIS_PREFIX must be letters, digits and _:.- (got $REDIS_PREFIX)"

command -v curl >/dev/null || apt_install curl
command -v psql >/dev/null || apt_install postgresql-client
[[ "$LOAD" == no ]] || command -v wrk >/dev/null || apt_install wrk
psql "${PGCONN[@]}" -d postgres -XAtqc "SELECT 1" >/dev/null || die "cannot reach PostgreSQL at $HOST:5432 as postgres"

# --- the build: reused when there, otherwise built once (serialised with any other Maven run on this machine)
if [[ ! -f "$APP_DIR/quarkus-run.jar" && "$APP_DIR" == "$ROOT/target/quarkus-app" ]]; then
    log "no $APP_DIR: building it once (mvn package -DskipTests)"
    (cd "$ROOT" && flock /tmp/huiyin-mvn.lock mvn -B -o -q package -DskipTests) || die "the build failed"
fi
for dir in "$APP_DIR" "$BASELINE_DIR"; do
    [[ -f "$dir/quarkus-run.jar" ]] || die "no $dir/quarkus-run.jar: build it first (or set APP_DIR / BASELINE_DIR)"
done

WORK=$(mktemp -d /tmp/start-bench.XXXXXX)
cleanup() {
    local rc=$?
    stop_app
    if (( rc == 0 )); then rm -rf "$WORK"; else show_app_log; log "logs kept in $WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

q() { psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
kib() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$APP_PID/status"; }   # kib VmRSS|VmHWM
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.0f", ($12 + $13) * 1000 / hz }' "/proc/$APP_PID/stat"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" 'BEGIN { exit !(l > 1.0) }'; then
    log "WARNING: load average is $load before the run; other work will skew the absolute figures"
fi
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then die "port $PORT is already in use"; fi

# start_app DIR LOGFILE JAVA_OPTS EXTRA_D_OPTS...: the demo profile's settings on this script's database and port
start_app() {
    local dir=$1 logfile=$2 opts=$3
    shift 3
    local -a jvm
    read -r -a jvm <<<"$opts"
    java ${jvm[@]+"${jvm[@]}"} -Dquarkus.profile=demo -Dquarkus.http.host="$HOST" -Dquarkus.http.port="$PORT" \
        -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$HOST:5432/$DB" \
        -Dquarkus.datasource.reactive.url="postgresql://$HOST:5432/$DB" \
        -Dhuiyin.metrics.demo-history.appeals=0 -Dhuiyin.knowledge.demo-history.answers=0 \
        -Dhuiyin.redis.key-prefix="$REDIS_PREFIX" "$@" -jar "$dir/quarkus-run.jar" >"$logfile" 2>&1 &
    APP_PID=$!
}

# wait_ready LOGFILE: polls /q/health/ready every 50 ms; fails when the service exits or READY_TIMEOUT passes
wait_ready() {
    local deadline=$(( $(now_ms) + READY_TIMEOUT * 1000 ))
    while (( $(now_ms) < deadline )); do
        kill -0 "$APP_PID" 2>/dev/null || { cp "$1" "$WORK/app.log"; die "the service exited during start-up"; }
        [[ $(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://$HOST:$PORT/q/health/ready" || true) == 200 ]] && return 0
        sleep 0.05
    done
    cp "$1" "$WORK/app.log"
    die "not ready after ${READY_TIMEOUT}s"
}

# --- migrate once, with the demo profile's reference data (and its demo enterprises, which the load's appeal names)
log "recreating and migrating database $DB with $APP_DIR"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"
start_app "$APP_DIR" "$WORK/migrate.log" "" -Dquarkus.log.level=WARN
wait_ready "$WORK/migrate.log"
stop_app

# --- wrk: one fixed valid appeal, no Idempotency-Key (each request a new appeal); counts the 202s
cat >"$WORK/intake.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"uscc":"91440106MA5CXK8R10","enterpriseName":"广州天河云帆科技有限公司","contactName":"王经理","contactMobile":"13800138000","category":"TAX_SERVICE","appealType":"HELP","urgent":false,"title":"数电发票开具失败","description":"我司在电子税务局开具数电发票时一直提示授信额度不足，影响正常开票，请协助处理。","consent":true}]]
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) accepted = 0 end
function response(status, headers, body) if status == 202 then accepted = accepted + 1 end end
function done(summary, latency, requests)
  local a = 0
  for _, t in ipairs(threads) do a = a + t:get("accepted") end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d accepted=%d errors=%d duration_s=%.3f\n", summary.requests, a,
    e.connect + e.read + e.write + e.timeout, summary.duration / 1e6))
end
LUA
field() { sed -n "/^BENCH /s/.* $1=\([^ ]*\).*/\1/p" "$2"; }   # field NAME FILE

# under_load CONNECTIONS OUT_PREFIX: one wrk run while VmRSS is read every 0.5 s; prints "max_rss_kib appeals_per_s"
under_load() {
    local conns=$1 out=$2 before after requests accepted errors secs sampler
    before=$(q "SELECT count(*) FROM appeal")
    # ends by itself when the service stops, should this run fail before it is stopped here
    ( while kill -0 "$APP_PID" 2>/dev/null; do kib VmRSS; sleep 0.5; done ) >"$out.rss" 2>/dev/null &
    sampler=$!
    timeout $(( LOAD_SECONDS + 30 )) wrk -t 2 -c "$conns" -d "${LOAD_SECONDS}s" --timeout 10s -s "$WORK/intake.lua" \
        "http://$HOST:$PORT/api/v1/appeals" >"$out.wrk" 2>&1 || { cat "$out.wrk" >&2; die "wrk failed"; }
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    requests=$(field requests "$out.wrk"); accepted=$(field accepted "$out.wrk")
    errors=$(field errors "$out.wrk"); secs=$(field duration_s "$out.wrk")
    [[ -n "$requests" && "$requests" -gt 0 ]] || die "no answer at all under load: the service stalled"
    if (( (requests - accepted + errors) * 1000 > requests + errors )); then
        die "more than 0.1% of the answers at $conns connections were not 202 ($(( requests - accepted )) of $requests, $errors errors)"
    fi
    after=$(q "SELECT count(*) FROM appeal")   # a 202 is sent after the commit: every acknowledged appeal is there
    (( after - before >= accepted )) || die "only $(( after - before )) appeals stored for $accepted acknowledged (every 202 must be durable)"
    echo "$(sort -n "$out.rss" | tail -n 1) $(awk -v a="$accepted" -v s="$secs" 'BEGIN { printf "%.0f", a / s }')"
}

# measure NAME DIR OPTS ROUND: one start; appends "name ready_ms cpu_ms started_s rss_ready rss_idle [rss_c rate_c]... hwm"
measure() {
    local name=$1 dir=$2 opts=$3 round=$4 logfile t0 ready_ms cpu started rss_ready rss_idle row
    logfile="$WORK/$name-$round.log"
    t0=$(now_ms)
    start_app "$dir" "$logfile" "$opts" -Dhuiyin.demo.enabled=false
    wait_ready "$logfile"
    ready_ms=$(( $(now_ms) - t0 ))
    cpu=$(cpu_ms)
    rss_ready=$(kib VmRSS)
    sleep "$IDLE_SECONDS"
    started=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$logfile" | head -n 1)
    rss_idle=$(kib VmRSS)
    row="$name $ready_ms $cpu ${started:-0} $rss_ready $rss_idle"
    if [[ "$LOAD" == yes ]]; then
        for c in $CONNECTIONS; do row="$row $(under_load "$c" "$WORK/$name-$round-c$c")"; done
    fi
    row="$row $(kib VmHWM)"
    stop_app
    log "$name, start $round: ready in $ready_ms ms ($cpu ms of CPU), RSS at ready $(mib "$rss_ready") MiB, idle $(mib "$rss_idle") MiB"
    echo "$row" >>"$WORK/results.txt"
}

log "before: $BASELINE_DIR [$BEFORE_OPTS]"
log "after:  $APP_DIR [$AFTER_OPTS]"
for round in $(seq 1 "$STARTS"); do
    if (( round % 2 )); then   # alternate which goes first, so neither always meets a warmer machine
        measure before "$BASELINE_DIR" "$BEFORE_OPTS" "$round"; measure after "$APP_DIR" "$AFTER_OPTS" "$round"
    else
        measure after "$APP_DIR" "$AFTER_OPTS" "$round"; measure before "$BASELINE_DIR" "$BEFORE_OPTS" "$round"
    fi
done

# --- summary: per build the median of each column (ready also its max), then after / before
# column COL NAME STAT: median or max of one column of results.txt for one build
column() {
    awk -v n="$2" -v c="$1" '$1 == n { print $c }' "$WORK/results.txt" | sort -g |
        awk -v s="$3" '{ v[NR] = $1 } END { if (s == "max") print v[NR]; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }' |
        awk '{ printf ($1 == int($1) ? "%d\n" : "%.1f\n"), $1 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
ncols=$(awk '{ print NF; exit }' "$WORK/results.txt")
header="| build | ready p50 ms | ready max ms | CPU to ready p50 ms | Quarkus \"started in\" p50 s | RSS at ready MiB | RSS idle MiB"
sep="| --- | ---: | ---: | ---: | ---: | ---: | ---:"
if [[ "$LOAD" == yes ]]; then
    for c in $CONNECTIONS; do header="$header | RSS max, $c conns MiB | appeals/s, $c conns"; sep="$sep | ---: | ---:"; done
fi
header="$header | VmHWM MiB |"; sep="$sep | ---: |"
row_of() {   # row_of NAME LABEL
    local r="| $2 | $(column 2 "$1" median) | $(column 2 "$1" max) | $(column 3 "$1" median)" col
    r="$r | $(column 4 "$1" median)"
    for col in $(seq 5 "$ncols"); do
        if (( col == 5 || col == 6 || col == ncols || (col - 7) % 2 == 0 )); then
            r="$r | $(mib "$(column "$col" "$1" median)")"
        else
            r="$r | $(column "$col" "$1" median)"
        fi
    done
    echo "$r |"
}
ratio_row() {
    local r col
    r="| after / before | $(ratio "$(column 2 after median)" "$(column 2 before median)") | $(ratio "$(column 2 after max)" "$(column 2 before max)")"
    for col in $(seq 3 "$ncols"); do r="$r | $(ratio "$(column "$col" after median)" "$(column "$col" before median)")"; done
    echo "$r |"
}
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no-commit")
[[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] || commit="$commit (dirty)"
after_ready=$(column 2 after median)
after_peak=$(column "$ncols" after max)
cat <<EOF

Start to ready and resident memory, $(date +%F), $commit: $STARTS starts of each build, alternating, on a migrated
database without demo data; $(nproc) cores, load average $load before the run. Memory is the median of the starts
(VmHWM: the process's peak); under load: wrk ${LOAD_SECONDS}s per connection count, POST /api/v1/appeals.
before: $BASELINE_DIR [$BEFORE_OPTS]
after:  $APP_DIR [$AFTER_OPTS]

$header
$sep
$(row_of before before)
$(row_of after after)
$(ratio_row)

Goals (P6): start to ready ≤ 3,000 ms: after p50 $after_ready ms; resident memory ≤ 350 MiB under load: after's
highest VmHWM $(mib "$after_peak") MiB$([[ "$LOAD" == yes ]] || echo " (no load in this run)").
EOF
