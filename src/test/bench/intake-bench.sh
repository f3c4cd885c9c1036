#!/usr/bin/env bash
# Web-intake benchmark: POST /api/v1/appeals appeals/s and p50/p99 at a fixed concurrency, next to two
# pgbench baselines measured in the same run on the same database: the intake-shaped transaction (one
# appeal per transaction: the appeal row, its outbox row and two timers, the ceiling of intake without group
# commit) and a durable single-row INSERT. Absolute figures drift ±25% on a 2-core machine; the figure to
# report is the ratio intake / intake-shaped pgbench.
#
# Usage (from the repository root, after the application has been built; this script never runs Maven):
#   src/test/bench/intake-bench.sh [NAME=value ...]
#   DURATION=20s CONNECTIONS=32 src/test/bench/intake-bench.sh
#
# Settings (environment variables, or NAME=value arguments, which win):
#   APP_DIR      built application (default target/quarkus-app; relative to the current directory, or else
#                to the repository root)
#   DURATION     measured run, e.g. 20s, 1m or 20 (default 20s); pgbench runs for the same time
#   CONNECTIONS  wrk connections and pgbench clients (default 32)
#   THREADS      wrk threads and pgbench -j (default 2)
#   PORT         HTTP port of the service under test (default 8089)
#   DB           database, dropped and recreated (default huiyin_bench)
#   WARMUP       warm-up with the same load before measuring (default 5s)
#   READY_TIMEOUT  seconds to wait for /q/health/ready (default 120)
#   EXTRA_JAVA_OPTS  more -D options for the service, split on spaces (default none; for experiments only,
#                the figure for docs/benchmarks.md is measured with the defaults)
#   REDIS_PREFIX the service's Redis key prefix (default huiyin-bench:), so that runs side by side do not share keys
#   PROFILE      jfr: records the measured run (not start-up or warm-up) with JDK Flight Recorder's "profile"
#                settings and samples what the service's database connections are doing every 100 ms; keeps
#                the work directory (intake.jfr, profile.txt, activity.txt) and prints what the time went to:
#                CPU samples by area and by frame, batch sizes, where a request waited. Costs a few percent of
#                throughput, so the figure for docs/benchmarks.md is measured without it (default none)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Redis on 127.0.0.1:6379; installs
# wrk and pgbench (Debian packages) when missing. Prints a Markdown table to paste into docs/benchmarks.md.
# Exits non-zero if more than 0.1% of the measured requests are not 202, or if fewer appeals are stored
# than were acknowledged.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        APP_DIR=*|DURATION=*|CONNECTIONS=*|THREADS=*|PORT=*|DB=*|WARMUP=*|READY_TIMEOUT=*|EXTRA_JAVA_OPTS=*|REDIS_PREFIX=*|PROFILE=*) export "${arg?}" ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
APP_DIR=${APP_DIR:-target/quarkus-app}
if [[ "$APP_DIR" != /* ]]; then    # relative: to the current directory if it is there, else to the repository root
    if [[ -d "$APP_DIR" ]]; then APP_DIR=$(cd "$APP_DIR" && pwd); else APP_DIR=$ROOT/$APP_DIR; fi
fi
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-8089}
DB=${DB:-huiyin_bench}
WARMUP=${WARMUP:-5s}
READY_TIMEOUT=${READY_TIMEOUT:-120}
read -r -a EXTRA_OPTS <<<"${EXTRA_JAVA_OPTS:-}"
REDIS_PREFIX=${REDIS_PREFIX:-huiyin-bench:}
PROFILE=${PROFILE:-}
HOST=127.0.0.1                      # loopback only
PGCONN=(-h "$HOST" -p 5432 -U postgres)


# "20s" / "1m" / "20" -> whole seconds (pgbench -T takes seconds; wrk gets "<n>s")
seconds() {
    case "$1" in
        *[0-9]s) echo "${1%s}" ;;
        *[0-9]m) echo $(( ${1%m} * 60 )) ;;
        *) echo "$1" ;;
    esac
}
DUR_S=$(seconds "$DURATION"); WARM_S=$(seconds "$WARMUP")
[[ "$DUR_S" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be like 20s, 1m or 20 (got $DURATION)"
[[ "$WARM_S" =~ ^[0-9]+$ ]] || die "WARMUP must be like 5s or 0 (got $WARMUP)"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*$ && "$THREADS" =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS and THREADS must be positive integers"
(( THREADS <= CONNECTIONS )) || die "THREADS ($THREADS) must not exceed CONNECTIONS ($CONNECTIONS)"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be a number"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "DB must be a plain lower-case identifier (got $DB)"
[[ "$DB" != postgres && "$DB" != template0 && "$DB" != template1 ]] || die "refusing to drop database $DB"
[[ -z "$PROFILE" || "$PROFILE" == jfr ]] || die "PROFILE must be jfr or empty (got $PROFILE)"
[[ "$REDIS_PREFIX" =~ ^[A-Za-z0-9_:.-]+$ ]] || die "REDIS_PREFIX must be letters, digits and _:.- (got $REDIS_PREFIX)"
[[ -f "$APP_DIR/quarkus-run.jar" ]] || die "no $APP_DIR/quarkus-run.jar: build the application first (or set APP_DIR)"

# --- tools: install from Debian packages only when missing (apt-get update at most once)
command -v curl >/dev/null || apt_install curl
command -v psql >/dev/null || apt_install postgresql-client
command -v wrk >/dev/null || apt_install wrk
find_pgbench() {
    # Debian ships pgbench in the server package (postgresql-15 for PostgreSQL 15); /usr/bin/pgbench is
    # the pg_wrapper from postgresql-client-common and needs that package behind it
    local p
    for p in /usr/lib/postgresql/"$PG_MAJOR"/bin/pgbench /usr/lib/postgresql/*/bin/pgbench; do
        [[ -x "$p" ]] && { echo "$p"; return 0; }
    done
    return 1
}
PG_MAJOR=$(psql "${PGCONN[@]}" -d postgres -XAtc "SELECT current_setting('server_version_num')::int / 10000") \
    || die "cannot reach PostgreSQL at $HOST:5432 as postgres"
PGBENCH=$(find_pgbench) || { apt_install "postgresql-$PG_MAJOR"; PGBENCH=$(find_pgbench) || die "pgbench not found after install"; }

# --- PROFILE=jfr: a flight recording and a sampler of the service's database sessions for the measured run only
SAMPLER_PID=""
stop_sampler() {
    [[ -n "$SAMPLER_PID" ]] || return 0
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
}
start_profile() {
    command -v jcmd >/dev/null && command -v jfr >/dev/null || die "PROFILE=jfr needs the JDK's jcmd and jfr"
    jcmd "$APP_PID" JFR.start name=intake settings=profile filename="$WORK/intake.jfr" >/dev/null \
        || die "could not start the flight recording"
    # one psql session, one row per service session every 100 ms: state, wait event, statement start
    printf '%s\n\\watch 0.1\n' "SELECT to_char(clock_timestamp(), 'HH24:MI:SS.MS'), state, coalesce(wait_event_type, '-'),
        coalesce(wait_event, '-'), regexp_replace(left(query, 50), '\s+', ' ', 'g')
        FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid() AND backend_type = 'client backend';" |
        psql "${PGCONN[@]}" -d "$DB" -XAtq -F '|' >"$WORK/activity.txt" 2>/dev/null &
    SAMPLER_PID=$!
    log "profiling: JFR (settings=profile) and database-session sampling into $WORK"
}
stop_profile() {
    stop_sampler
    jcmd "$APP_PID" JFR.stop name=intake >/dev/null || die "could not stop the flight recording"
}
# after the run: CPU by area (jfr-areas.py), database sessions, and the measured appeals' batches and waits
report_profile() {
    # the measured run's appeals: the wrk body's enterprise, posted on the web channel
    local mine="a.id >= $first_id AND a.channel = 'WEB' AND a.uscc = '91440106MA5CXK8R10'"
    {
        python3 "$ROOT/src/test/bench/jfr-areas.py" "$WORK/intake.jfr" "$WORK/activity.txt" || echo "(jfr-areas.py failed)"
        echo
        # fresh tables have no statistics yet: without them the joins below are planned as nested loops
        q "ANALYZE appeal, appeal_event, outbox, appeal_clock, sla_timer, custody"
        echo "Batches (one transaction each: the measured run's appeals grouped by the transaction that wrote them):"
        q "SELECT 'batches ' || count(*) || ', appeals ' || sum(n) || ', per batch: mean ' || round(avg(n), 1)
               || ', p50 ' || percentile_disc(0.5) WITHIN GROUP (ORDER BY n) || ', p90 '
               || percentile_disc(0.9) WITHIN GROUP (ORDER BY n) || ', max ' || max(n)
           FROM (SELECT xmin::text, count(*) AS n FROM appeal a WHERE $mine GROUP BY 1) b"
        echo "Where an appeal waited, ms (mean / p50 / p99):"
        q "SELECT format('  HTTP accepted -> batch planned (stream queue, batch reads): %s / %s / %s',
                   round(avg(p)::numeric, 1), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY p)::numeric, 1),
                   round(percentile_cont(0.99) WITHIN GROUP (ORDER BY p)::numeric, 1)) || E'\n' ||
                format('  batch planned -> its statement began (pool): %s / %s / %s',
                   round(avg(b)::numeric, 1), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY b)::numeric, 1),
                   round(percentile_cont(0.99) WITHIN GROUP (ORDER BY b)::numeric, 1))
           FROM (SELECT extract(epoch FROM a.dispatched_at - a.received_at) * 1000 AS p,
                        extract(epoch FROM o.created_at - a.dispatched_at) * 1000 AS b
                 FROM appeal a JOIN outbox o ON o.appeal_id = a.id AND o.event_type = 'AppealReceived'
                 WHERE $mine AND a.dispatched_at IS NOT NULL) w"
        echo "  (the rest of a request's latency, from wrk's mean, is the transaction itself and the answer)"
        echo "Rows per measured appeal at the end of the run (intake's, plus what the outbox handlers added since):"
        q "SELECT format('  appeal %s, appeal_event %s, outbox %s, appeal_clock %s, sla_timer %s, custody %s',
                   1, round((SELECT count(*) FROM appeal_event WHERE appeal_id IN (SELECT a.id FROM appeal a WHERE $mine))::numeric / nullif(n, 0), 2),
                   round((SELECT count(*) FROM outbox WHERE appeal_id IN (SELECT a.id FROM appeal a WHERE $mine))::numeric / nullif(n, 0), 2),
                   round((SELECT count(*) FROM appeal_clock WHERE appeal_id IN (SELECT a.id FROM appeal a WHERE $mine))::numeric / nullif(n, 0), 2),
                   round((SELECT count(*) FROM sla_timer WHERE appeal_id IN (SELECT a.id FROM appeal a WHERE $mine))::numeric / nullif(n, 0), 2),
                   round((SELECT count(*) FROM custody WHERE appeal_id IN (SELECT a.id FROM appeal a WHERE $mine))::numeric / nullif(n, 0), 2))
           FROM (SELECT count(*) AS n FROM appeal a WHERE $mine) c"
    } >"$WORK/profile.txt" 2>&1 || log "WARNING: the profile report is incomplete"
    cat "$WORK/profile.txt" >&2
}

# --- temp files and cleanup: the service is always stopped on exit
WORK=$(mktemp -d /tmp/intake-bench.XXXXXX)
cleanup() {
    local rc=$?
    stop_app
    stop_sampler
    (( rc == 0 )) || show_app_log
    if [[ -n "$PROFILE" ]]; then log "profile kept in $WORK"; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

q() { psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }

# a busy machine makes the ratio meaningless (client, service and database share the cores): say so
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" 'BEGIN { exit !(l > 1.0) }'; then
    log "WARNING: load average is $load before the run; other work will skew the figures"
fi

# --- fresh database
log "recreating database $DB"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"

# --- start the service (demo profile: migrates the database and seeds reference data). Not the demo's months of
# history: the demo seeds them in the background after start-up, thousands of appeals and their projection, which
# would be measured along with the intake
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then die "port $PORT is already in use"; fi
log "starting the service from $APP_DIR on port $PORT"
java -Dquarkus.profile=demo -Dquarkus.http.host="$HOST" -Dquarkus.http.port="$PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$HOST:5432/$DB" \
    -Dquarkus.datasource.reactive.url="postgresql://$HOST:5432/$DB" \
    -Dhuiyin.metrics.demo-history.appeals=0 -Dhuiyin.knowledge.demo-history.answers=0 \
    -Dhuiyin.redis.key-prefix="$REDIS_PREFIX" -Dquarkus.log.level=WARN ${EXTRA_OPTS[@]+"${EXTRA_OPTS[@]}"} \
    -jar "$APP_DIR/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!
ready=no
for _ in $(seq 1 $(( READY_TIMEOUT * 2 ))); do     # bounded: READY_TIMEOUT seconds
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the service exited during start-up"; }
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$HOST:$PORT/q/health/ready" || true)
    [[ "$code" == 200 ]] && { ready=yes; break; }
    sleep 0.5
done
[[ $ready == yes ]] || { tail -n 40 "$WORK/app.log" >&2; die "not ready after ${READY_TIMEOUT}s"; }
log "service ready (pid $APP_PID)"

# --- wrk script: fixed JSON body, no Idempotency-Key (each request is a new appeal); counts statuses
# per thread and prints one machine-readable BENCH line plus a sample of the first non-202 response
cat >"$WORK/intake.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"uscc":"91440106MA5CXK8R10","enterpriseName":"广州天河云帆科技有限公司","contactName":"王经理","contactMobile":"13800138000","category":"TAX_SERVICE","appealType":"HELP","urgent":false,"title":"数电发票开具失败","description":"我司在电子税务局开具数电发票时一直提示授信额度不足，影响正常开票，请协助处理。","consent":true}]]

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) accepted = 0; non202 = 0; non2xx = 0; sample = "" end
function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 else
    non202 = non202 + 1
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
    if sample == "" then sample = status .. " " .. string.sub(body or "", 1, 300) end
  end
end
function done(summary, latency, requests)
  local a, n, x, s = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    a = a + t:get("accepted"); n = n + t:get("non202"); x = x + t:get("non2xx")
    if s == "" then s = t:get("sample") end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d accepted=%d non202=%d non2xx=%d duration_s=%.3f p50_ms=%.2f p99_ms=%.2f " ..
    "socket_errors=%d timeouts=%d\n",
    summary.requests, a, n, x, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write, e.timeout))
  if s ~= "" then io.write("BENCH_SAMPLE " .. string.gsub(s, "\n", " ") .. "\n") end
end
LUA

# run_wrk SECONDS OUTFILE: bounded by timeout(1) in case wrk hangs
run_wrk() {
    timeout $(( $1 + 30 )) wrk --latency -t "$THREADS" -c "$CONNECTIONS" -d "${1}s" --timeout 10s \
        -s "$WORK/intake.lua" "http://$HOST:$PORT/api/v1/appeals" >"$2" 2>&1 || { cat "$2" >&2; die "wrk failed"; }
}
field() { sed -n "/^BENCH /s/.* $1=\([^ ]*\).*/\1/p" "$2"; }   # field NAME FILE

# stored appeals settle (the service acknowledges only after the commit, so this is normally instant)
settled_count() {
    local want=$1 n prev=-1
    for _ in $(seq 1 20); do                          # bounded: ≤ 10 s
        n=$(q "SELECT count(*) FROM appeal")
        (( n >= want )) && [[ "$n" == "$prev" ]] && break
        prev=$n; sleep 0.5
    done
    echo "$n"
}

if (( WARM_S > 0 )); then
    log "warm-up: ${WARM_S}s, $CONNECTIONS connections"
    run_wrk "$WARM_S" "$WORK/warmup.txt"
    grep '^BENCH ' "$WORK/warmup.txt" | sed 's/^BENCH /  warm-up: /' >&2
fi
before=$(settled_count 0)
first_id=$(q "SELECT coalesce(max(id), 0) + 1 FROM appeal")   # the measured run's appeals have ids from here
q "CHECKPOINT" >/dev/null                             # same starting point for every measured run
if [[ -n "$PROFILE" ]]; then start_profile; fi

log "measuring intake: ${DUR_S}s, $CONNECTIONS connections, $THREADS threads"
run_wrk "$DUR_S" "$WORK/intake.txt"
if [[ -n "$PROFILE" ]]; then stop_profile; fi
cat "$WORK/intake.txt" >&2
requests=$(field requests "$WORK/intake.txt"); accepted=$(field accepted "$WORK/intake.txt")
non202=$(field non202 "$WORK/intake.txt"); non2xx=$(field non2xx "$WORK/intake.txt")
wrk_s=$(field duration_s "$WORK/intake.txt")
p50=$(field p50_ms "$WORK/intake.txt"); p99=$(field p99_ms "$WORK/intake.txt")
sock=$(field socket_errors "$WORK/intake.txt"); tmo=$(field timeouts "$WORK/intake.txt")
[[ -n "$requests" && "$requests" -gt 0 ]] || die "no response at all in ${DUR_S}s: the service stalled"
after=$(settled_count $(( before + accepted )))
stored=$(( after - before ))
intake_rate=$(awk -v a="$accepted" -v s="$wrk_s" 'BEGIN { printf "%.0f", a / s }')

failures=()
log "intake: $requests responses, $accepted × 202, $non202 not 202 ($non2xx not 2xx), $sock socket errors, $tmo timeouts"
log "stored: $stored appeals in $DB during the measured run, against $accepted × 202 from wrk"
# socket errors and timeouts count as "not 202" too
if awk -v n="$(( non202 + sock + tmo ))" -v t="$(( requests + sock + tmo ))" 'BEGIN { exit !(n * 1000 > t) }'; then
    grep '^BENCH_SAMPLE' "$WORK/intake.txt" >&2 || true
    die "more than 0.1% of the intake requests were not 202 ($non202 of $requests)"
fi
(( stored >= accepted )) || failures+=("only $stored appeals stored for $accepted acknowledged (every 202 must be durable)")
# wrk stops with up to one request in flight per connection: those are stored but never counted
extra=$(( stored - accepted ))
if (( extra > CONNECTIONS + sock + tmo )); then
    log "WARNING: $extra more appeals stored than acknowledged (expected at most $(( CONNECTIONS + sock + tmo )))"
elif (( extra > 0 )); then
    log "stored - acknowledged = $extra: requests still in flight when wrk stopped (at most $CONNECTIONS expected)"
fi

# --- pgbench with the service stopped, same database, same clients and duration
if [[ -n "$PROFILE" ]]; then report_profile; fi
stop_app
log "service stopped"
q "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
payload=$(printf 'x%.0s' $(seq 1 300))              # 300-byte payload, roughly an appeal's text
printf "INSERT INTO bench_insert (payload) VALUES ('%s');\n" "$payload" >"$WORK/insert.sql"

# the intake-shaped transaction, one appeal per transaction as intake would run without group commit: an
# appeal-sized row, its outbox row and two escalation timers (pending ones indexed, as sla_timer's are)
q "CREATE TABLE bench_appeal (id bigserial PRIMARY KEY, payload text NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
   CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, appeal_id bigint NOT NULL, event_type text NOT NULL,
       payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
   CREATE TABLE bench_timer (id bigserial PRIMARY KEY, appeal_id bigint NOT NULL, step text NOT NULL,
       due_at timestamptz NOT NULL, fired_at timestamptz);
   CREATE INDEX bench_timer_pending_idx ON bench_timer (due_at) WHERE fired_at IS NULL"
cat >"$WORK/intake-shaped.sql" <<SQL
BEGIN;
INSERT INTO bench_appeal (payload) VALUES ('$payload') RETURNING id \\gset
INSERT INTO bench_outbox (appeal_id, event_type, payload) VALUES (:id, 'AppealReceived', '$payload');
INSERT INTO bench_timer (appeal_id, step, due_at) VALUES (:id, 'WARNING', now() + interval '1 day');
INSERT INTO bench_timer (appeal_id, step, due_at) VALUES (:id, 'OVERDUE', now() + interval '2 days');
COMMIT;
SQL

# run_pgbench SCRIPT CLIENTS JOBS -> tps (bounded by timeout(1))
run_pgbench() {
    local out="$WORK/pgbench-$1-$2.txt"
    q "CHECKPOINT" >/dev/null
    log "pgbench $1: ${DUR_S}s, $2 clients, $3 threads"
    timeout $(( DUR_S + 60 )) "$PGBENCH" "${PGCONN[@]}" -n -M prepared -c "$2" -j "$3" -T "$DUR_S" \
        -f "$WORK/$1.sql" "$DB" >"$out" 2>&1 || { cat "$out" >&2; die "pgbench failed"; }
    grep -E '^(number of transactions actually processed|latency average|tps)' "$out" | sed 's/^/  /' >&2
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out" | tail -n 1
}
shaped_tps=$(run_pgbench intake-shaped "$CONNECTIONS" "$THREADS")
pg_tps=$(run_pgbench insert "$CONNECTIONS" "$THREADS")
pg1_tps=$(run_pgbench insert 1 1)
[[ -n "$shaped_tps" && -n "$pg_tps" && -n "$pg1_tps" ]] || die "could not read pgbench's tps"

# --- the Markdown rows for docs/benchmarks.md
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no-commit")
[[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] || commit="$commit (dirty)"
ratio=$(awk -v a="$intake_rate" -v b="$pg_tps" 'BEGIN { printf "%.2f", a / b }')
shaped_ratio=$(awk -v a="$intake_rate" -v b="$shaped_tps" 'BEGIN { printf "%.2f", a / b }')
fmt() { awk -v x="$1" 'BEGIN { printf "%.0f", x }'; }
cat <<EOF

Web intake, POST /api/v1/appeals: wrk ${DUR_S}s after ${WARM_S}s warm-up, $CONNECTIONS connections, $THREADS threads;
pgbench (-M prepared), ${DUR_S}s each, same database: the intake-shaped transaction (appeal + outbox + 2 timers) and a
single-row INSERT; $(nproc) cores; PostgreSQL $PG_MAJOR.

| date | commit | connections | intake appeals/s | p50 ms | p99 ms | pgbench intake-shaped tx/s | intake / intake-shaped | pgbench INSERT tx/s | intake / INSERT | pgbench INSERT tx/s (1 client) |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| $(date +%F) | $commit | $CONNECTIONS | $intake_rate | $p50 | $p99 | $(fmt "$shaped_tps") | $shaped_ratio | $(fmt "$pg_tps") | $ratio | $(fmt "$pg1_tps") |

EOF

if (( ${#failures[@]} > 0 )); then
    for f in "${failures[@]}"; do log "FAILED: $f"; done
    exit 1
fi
