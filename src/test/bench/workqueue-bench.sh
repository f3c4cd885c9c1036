#!/usr/bin/env bash
# Work-queue benchmark: the commissioner's and the dispatcher's lists with OPEN open appeals in one unit (TAX), at
# page 1 and deep, p50/p99 over HTTP, next to baselines measured in the same run: a primary-key read over HTTP
# (GET /api/v1/appeals/{no}: the service's fixed cost per request) and pgbench sending the deep page's statement
# straight to PostgreSQL. The goal is p99 ≤ 20 ms at any depth; the ratios to the baselines are the figures to
# compare between runs (absolute figures drift ±25 % on a 2-core machine).
#
# The appeals are generated with SQL (a few seconds, nothing bulky is committed): OPEN open TAX appeals in a mix of
# states (40 % claimed on a lease by one of five commissioners, 10 % nobody's, 0.5 % with a lapsed claim, 39.5 %
# signed for or in handling — a sixth commissioner holds 0.04 % of the unit —, 5 % nobody's in handling, 5 % in
# rework without a running handling clock), their
# RESPOND and HANDLE clocks (due −5…+20 days), a risk for all but the newest 5 % (and for every open SAMR appeal, so
# that those TAX helps with carry one); WAITING appeals for the dispatcher
# (80 % unplaced, 20 % returned with a reason; the desk is measured at page 1, 90 % deep and on one appeal's
# placement page, and its API 90 % deep, when the build pages it); OTHERS appeals of the market regulator (half open, half closed), of
# which every 20th open one is helped by TAX (协办). The work-queue page is measured at its first page (50 held + 50 in
# the pool) and 90 % deep in each list (list=mine|pool&after=…), in both orders, when the build pages it. The clocks are inserted as rows: the appeals' order key
# (appeal.handle_due_at) is filled by the database, and the script checks it. Then ANALYZE (this machine's
# PostgreSQL runs without autovacuum: nothing else would gather statistics).
#
# It prints the plans (EXPLAIN ANALYZE) of the statements the service sends — read from the built application's
# classes by WorkQueueBench.java — at page 1 and deep, and of the statement main sent before V20, on the same data.
#
# Usage (from the repository root, after `mvn -B package -DskipTests`; this script never runs Maven):
#   src/test/bench/workqueue-bench.sh [NAME=value ...]
#   OPEN=20000 DURATION=5s src/test/bench/workqueue-bench.sh
#
# Settings (environment variables, or NAME=value arguments, which win):
#   APP_DIR      built application (default target/quarkus-app; relative to the current directory, or else to
#                the repository root)
#   OPEN         open appeals of TAX (default 100000)
#   WAITING      appeals waiting for the dispatcher (default 10000)
#   OTHERS       appeals of another unit, half of them closed (default 20000)
#   DURATION     each measured wrk run, e.g. 10s (default 10s); pgbench runs for the same time
#   WARMUP       warm-up before each measured run (default 2s)
#   CONNECTIONS  wrk connections and pgbench clients (default 4)
#   RATE         requests/s of the paced run of each line (default 100; 0 skips it): the connections send at most
#                that rate in all, each waiting CONNECTIONS/RATE s after an answer before its next request (so the
#                rate reached is somewhat lower; the table gives it), and the latency is the service's at a load it
#                keeps up with, not the queueing of a saturated machine
#   THREADS      wrk threads and pgbench -j (default 2)
#   PORT         HTTP port of the service under test (default 8091)
#   JAVA_OPTS    JVM options of the service (default none: the JVM's own choice on this machine, G1 on 2 cores and
#                24 GiB; the Deployment's 1-CPU limit makes the JVM pick the serial collector: -XX:+UseSerialGC)
#   DB           database, dropped and recreated, dropped again at the end (default huiyin_wq_bench)
#   KEEP_DB      yes to keep the database at the end, for inspection (default no)
#   READY_TIMEOUT  seconds to wait for /q/health/ready (default 120)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), Redis on 127.0.0.1:6379 and Java 17; installs
# curl, psql, wrk and pgbench (Debian packages) when missing. Loopback only; every wait is bounded. The service runs
# with its risk refresh, claim sweeper and SLA sweeper off, so that the picture does not change while it is
# measured, and without the hot-spot grouping (a job over every appeal, measured on its own). Prints Markdown tables to paste into docs/benchmarks.md. Exits non-zero if an answer is not 200, if a
# page does not hold the expected items, or if an appeal's order key differs from its running handling clock.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        APP_DIR=*|OPEN=*|WAITING=*|OTHERS=*|DURATION=*|WARMUP=*|CONNECTIONS=*|RATE=*|JAVA_OPTS=*|THREADS=*|PORT=*|DB=*|KEEP_DB=*|READY_TIMEOUT=*)
            export "${arg?}" ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
APP_DIR=${APP_DIR:-target/quarkus-app}
if [[ "$APP_DIR" != /* ]]; then    # relative: to the current directory if it is there, else to the repository root
    if [[ -d "$APP_DIR" ]]; then APP_DIR=$(cd "$APP_DIR" && pwd); else APP_DIR=$ROOT/$APP_DIR; fi
fi
OPEN=${OPEN:-100000}
WAITING=${WAITING:-10000}
OTHERS=${OTHERS:-20000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
CONNECTIONS=${CONNECTIONS:-4}
RATE=${RATE:-100}
JAVA_OPTS=${JAVA_OPTS:-}
THREADS=${THREADS:-2}
PORT=${PORT:-8091}
DB=${DB:-huiyin_wq_bench}
KEEP_DB=${KEEP_DB:-no}
READY_TIMEOUT=${READY_TIMEOUT:-120}
PAGE=20                             # the API's page in every measured request
HOST=127.0.0.1                      # loopback only
PGCONN=(-h "$HOST" -p 5432 -U postgres)
export LC_NUMERIC=C

seconds() { case "$1" in *[0-9]s) echo "${1%s}" ;; *[0-9]m) echo $(( ${1%m} * 60 )) ;; *) echo "$1" ;; esac; }
DUR_S=$(seconds "$DURATION"); WARM_S=$(seconds "$WARMUP")
for v in OPEN WAITING OTHERS DUR_S WARM_S CONNECTIONS RATE THREADS PORT READY_TIMEOUT; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number (got ${!v})"
done
(( OPEN >= 1000 && DUR_S >= 1 && CONNECTIONS >= 1 && THREADS >= 1 && THREADS <= CONNECTIONS )) \
    || die "OPEN must be at least 1000, DURATION at least 1 s, and 1 ≤ THREADS ≤ CONNECTIONS"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "DB must be a plain lower-case identifier (got $DB)"
[[ "$DB" != postgres && "$DB" != template0 && "$DB" != template1 ]] || die "refusing to drop database $DB"
[[ "$DB" != huiyin && "$DB" != huiyin_dev && "$DB" != huiyin_test ]] || die "refusing to drop database $DB (use a bench database)"
[[ -f "$APP_DIR/quarkus-run.jar" ]] || die "no $APP_DIR/quarkus-run.jar: build the application first (or set APP_DIR)"
APP_JAR=$(ls "$APP_DIR"/app/*.jar 2>/dev/null | head -n 1)
[[ -n "$APP_JAR" ]] || die "no application jar in $APP_DIR/app"

# --- tools: install from Debian packages only when missing (apt-get update at most once)
command -v curl >/dev/null || apt_install curl
command -v psql >/dev/null || apt_install postgresql-client
command -v wrk >/dev/null || apt_install wrk
PG_MAJOR=$(psql "${PGCONN[@]}" -d postgres -XAtc "SELECT current_setting('server_version_num')::int / 10000") \
    || die "cannot reach PostgreSQL at $HOST:5432 as postgres"
PG_VERSION=$(psql "${PGCONN[@]}" -d postgres -XAtc "SHOW server_version" | cut -d' ' -f1)
find_pgbench() {     # Debian ships pgbench in the server package; /usr/bin/pgbench is only a wrapper
    local p
    for p in /usr/lib/postgresql/"$PG_MAJOR"/bin/pgbench /usr/lib/postgresql/*/bin/pgbench; do
        [[ -x "$p" ]] && { echo "$p"; return 0; }
    done
    return 1
}
PGBENCH=$(find_pgbench) || { apt_install "postgresql-$PG_MAJOR"; PGBENCH=$(find_pgbench) || die "pgbench not found after install"; }

# --- temp files and cleanup: the service is always stopped, the database dropped (unless KEEP_DB=yes)
WORK=$(mktemp -d /tmp/workqueue-bench.XXXXXX)
DB_CREATED=no
cleanup() {
    local rc=$?
    stop_app
    (( rc == 0 )) || show_app_log
    if [[ $DB_CREATED == yes && $KEEP_DB != yes ]]; then
        timeout 60 psql "${PGCONN[@]}" -d postgres -Xq -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 \
            || log "WARNING: could not drop database $DB"
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

q() { psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/; ta'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 1.0) }'; then
    log "WARNING: load average is $LOAD_BEFORE before the run; other work will skew the absolute figures"
fi

# --- fresh database
log "recreating database $DB"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"
DB_CREATED=yes

# start_app: the service from APP_DIR (demo profile: migrates and seeds reference data and the demo staff); the
# jobs that would rewrite the loaded picture are off, and so is the hot-spot grouping, which reads every appeal
# 30 s after the start (its cost is its own, not the queue's)
start_app() {
    if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then die "port $PORT is already in use"; fi
    log "starting the service on port $PORT"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    java $JAVA_OPTS -Dquarkus.profile=demo -Dquarkus.http.host="$HOST" -Dquarkus.http.port="$PORT" \
        -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$HOST:5432/$DB" \
        -Dquarkus.datasource.reactive.url="postgresql://$HOST:5432/$DB" \
        -Dhuiyin.redis.key-prefix=huiyin-wq-bench: -Dquarkus.log.level=WARN \
        -Dhuiyin.risk.refresh-every=off -Dhuiyin.workqueue.claim-sweep-every=off -Dhuiyin.sla.sweep-every=off \
        -Dhuiyin.metrics.demo-history.appeals=0 -Dhuiyin.hotspot.refresh-every=off \
        -jar "$APP_DIR/quarkus-run.jar" >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    local code
    for _ in $(seq 1 $(( READY_TIMEOUT * 2 ))); do     # bounded: READY_TIMEOUT seconds
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the service exited during start-up"; }
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$HOST:$PORT/q/health/ready" || true)
        [[ "$code" == 200 ]] && { log "service ready (pid $APP_PID)"; return 0; }
        sleep 0.5
    done
    tail -n 40 "$WORK/app.log" >&2; die "not ready after ${READY_TIMEOUT}s"
}

# --- 1. schema, reference data and demo staff from a first start
start_app
stop_app
[[ "$(q "SELECT count(*) FROM handling_unit WHERE code IN ('TAX', 'SAMR')")" == 2 ]] || die "handling units TAX and SAMR were not seeded"
HAS_KEY=$(q "SELECT count(*) FROM information_schema.columns WHERE table_name = 'appeal' AND column_name = 'handle_due_at'")

# --- 2. the backlog, SQL only
log "generating $(thousands "$OPEN") open TAX appeals, $(thousands "$WAITING") waiting, $(thousands "$OTHERS") of SAMR"
gen_start=$(now_s)
psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -v open="$OPEN" -v waiting="$WAITING" -v others="$OTHERS" <<'SQL'
SELECT id AS handle_rule FROM clock_rule WHERE clock = 'HANDLE' AND appeal_type = 'HELP' ORDER BY id LIMIT 1 \gset
SELECT id AS respond_rule FROM clock_rule WHERE clock = 'RESPOND' ORDER BY id LIMIT 1 \gset
BEGIN;
-- each appeal's place in the mix (r) and its deadline (r2); received over the last 30 days, oldest first
CREATE TEMP TABLE plan ON COMMIT DROP AS
SELECT n, unit, received, r2,
    CASE WHEN unit = 'TAX' THEN
             CASE WHEN r < 0.505 THEN 'DISPATCHED' WHEN r < 0.75 THEN 'ACCEPTED' WHEN r < 0.95 THEN 'HANDLING' ELSE 'REWORK' END
         WHEN unit IS NULL THEN CASE WHEN r < 0.8 THEN 'RECEIVED' ELSE 'RETURNED' END
         ELSE CASE WHEN r < 0.5 THEN 'HANDLING' ELSE 'ARCHIVED' END END AS status,
    CASE WHEN unit = 'TAX' AND r >= 0.505 AND r < 0.90 AND n % 1000 = 7 THEN 'commissioner-tax6'
         WHEN unit = 'TAX' AND NOT (r >= 0.40 AND r < 0.50) AND NOT (r >= 0.90 AND r < 0.95)
             THEN 'commissioner-' || (ARRAY['tax', 'tax2', 'tax3', 'tax4', 'tax5'])[1 + floor(r2 * 5)::int]
         WHEN unit = 'SAMR' AND r < 0.5 THEN 'commissioner-samr' END AS assignee,
    CASE WHEN unit = 'TAX' AND r < 0.40 THEN now() + interval '1 day'
         WHEN unit = 'TAX' AND r >= 0.50 AND r < 0.505 THEN now() - interval '1 hour' END AS claim_expires_at
FROM (SELECT g AS n, CASE WHEN g <= :open THEN 'TAX' WHEN g <= :open + :waiting THEN NULL ELSE 'SAMR' END AS unit,
          random() AS r, random() AS r2,
          now() - interval '30 days' + (g::float8 / (:open + :waiting + :others)) * interval '30 days' AS received
      FROM generate_series(1, :open + :waiting + :others) g) gen;
ANALYZE plan;
INSERT INTO appeal (id, tracking_no, channel, identity_state, title, content, appeal_type, category, urgent, status,
    handling_unit, received_at, dispatched_at, updated_at, event_count, last_event_hash, assignee, claim_expires_at,
    routing_suggestions)
SELECT n, 'B' || lpad(n::text, 12, '0'), 'WEB', 'DECLARED', '深度积压 ' || n, '积压诉求内容 ' || n, 'HELP',
    CASE WHEN unit IS NOT NULL THEN 'TAX_SERVICE' END, false, status,
    CASE WHEN status = 'RECEIVED' THEN NULL WHEN status = 'RETURNED' THEN 'SAMR' ELSE unit END,
    received, CASE WHEN status <> 'RECEIVED' THEN received END, received, 0, decode(repeat('00', 32), 'hex'),
    assignee, claim_expires_at,
    CASE WHEN status = 'RECEIVED' THEN '[{"category":"TAX_SERVICE","confidence":0.41},{"category":"BIZ_REG","confidence":0.22}]' END
FROM plan;
SELECT setval(pg_get_serial_sequence('appeal', 'id'), (SELECT max(id) FROM appeal)) \g /dev/null
-- dispatched appeals: the respond clock (stopped once handling began) and the handling clock (stopped at the
-- answer, so not running in rework); inserted as rows, as any writer would
INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at, stopped_at)
SELECT n, 'RESPOND', 1, :respond_rule, received, received + interval '1 hour',
    CASE WHEN status <> 'DISPATCHED' THEN received + interval '30 minutes' END
FROM plan WHERE status <> 'RECEIVED';
INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at, stopped_at)
SELECT n, 'HANDLE', 1, :handle_rule, received, now() - interval '5 days' + r2 * interval '25 days',
    CASE WHEN status IN ('REWORK', 'ARCHIVED') THEN received + interval '3 days' END
FROM plan WHERE status <> 'RECEIVED';
ANALYZE appeal, appeal_clock;
INSERT INTO appeal_event (appeal_id, seq, type, actor, occurred_at, reason, visibility, payload, previous_hash, hash)
SELECT n, 1, 'RETURNED', 'commissioner-samr', received + interval '1 hour', '不属于本单位职责', 'INTERNAL', '{}',
    decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex')
FROM plan WHERE status = 'RETURNED';
-- the risk job's last refresh: every open TAX appeal with a running handling clock but the newest 5 %, and every
-- open SAMR appeal (those TAX helps with carry a copy of it, from V23 on), each with its appeal's holder (V24, V26)
INSERT INTO appeal_risk (appeal_id, unit_code, miss_probability, handle_due_at, computed_at, assignee, claim_expires_at)
SELECT p.n, p.unit, round((random() ^ 3)::numeric, 3), c.due_at, now(), p.assignee, p.claim_expires_at
FROM plan p JOIN appeal_clock c ON c.appeal_id = p.n AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
WHERE p.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK') AND (p.unit = 'SAMR' OR p.n <= :open * 0.95);
INSERT INTO appeal_helper_unit (appeal_id, unit_code, added_by, added_at)
SELECT n, 'TAX', 'dispatcher-demo', received FROM plan WHERE unit = 'SAMR' AND status = 'HANDLING' AND n % 20 = 0;
COMMIT;
SQL
log "ANALYZE (autovacuum is off on this machine: without it the planner has no statistics)"
q "ANALYZE"
GEN_S=$(elapsed "$gen_start" "$(now_s)")
OPEN_TAX=$(q "SELECT count(*) FROM appeal WHERE handling_unit = 'TAX' AND status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')")
log "generated and analyzed in ${GEN_S}s: $(thousands "$OPEN_TAX") open TAX appeals"
if [[ "$HAS_KEY" == 1 ]]; then
    drift=$(q "SELECT count(*) FROM appeal a WHERE a.handle_due_at IS DISTINCT FROM (SELECT c.due_at FROM appeal_clock c
               WHERE c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL ORDER BY c.round DESC LIMIT 1)")
    (( drift == 0 )) || die "$drift appeals carry an order key other than their running handling clock's due time"
    log "order key checked: every appeal's handle_due_at is its running handling clock's due time"
else
    log "this build has no appeal.handle_due_at (before V20): its statements join the clocks"
fi
HAS_RISK_COPY=$(q "SELECT count(*) FROM information_schema.columns WHERE table_name = 'appeal_helper_unit' AND column_name = 'breach_risk'")
if [[ "$HAS_RISK_COPY" == 1 ]]; then
    drift=$(q "SELECT count(*) FROM appeal_helper_unit h JOIN appeal a ON a.id = h.appeal_id
               LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
               WHERE h.appeal_open AND h.breach_risk IS DISTINCT FROM r.miss_probability")
    (( drift == 0 )) || die "$drift helper rows carry a risk other than their appeal's"
    log "risk copy checked: every open helper row carries its appeal's risk ($(q "SELECT count(*) FROM appeal_helper_unit
        WHERE unit_code = 'TAX' AND appeal_open AND breach_risk IS NOT NULL") of TAX's with one)"
fi

# --- 3. cursors: where a client deep in the queue would be (the API hands out the last item's keys)
DUE_KEY="coalesce(a.handle_due_at, 'infinity'::timestamptz)"
[[ "$HAS_KEY" == 1 ]] || DUE_KEY="coalesce((SELECT c.due_at FROM appeal_clock c WHERE c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL), 'infinity'::timestamptz)"
UNDATED=$(q "SELECT count(*) FROM appeal a WHERE a.handling_unit = 'TAX' AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
    AND $DUE_KEY = 'infinity'")
DEEP=$(( OPEN_TAX * 9 / 10 ))                 # 90 % deep, among the appeals with a deadline
TAIL=$(( OPEN_TAX - UNDATED / 2 ))            # past the deadlines, halfway through those without one
queue_id() { q "SELECT a.id FROM appeal a WHERE a.handling_unit = 'TAX' AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
    ORDER BY $DUE_KEY, a.id OFFSET $1 LIMIT 1"; }
DEEP_ID=$(queue_id "$DEEP")
DEEP_DUE=$(q "SELECT to_char($DUE_KEY AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM appeal a WHERE a.id = $DEEP_ID")
TAIL_ID=$(queue_id "$TAIL")
TAIL_DUE=$(q "SELECT $DUE_KEY = 'infinity' FROM appeal a WHERE a.id = $TAIL_ID")
[[ "$TAIL_DUE" == t ]] || die "item $TAIL of the queue has a deadline: too few appeals without one for the tail cursor"
RISKED=$(q "SELECT count(*) FROM appeal_risk WHERE unit_code = 'TAX'")
read -r RISK_AT RISK_ID <<<"$(q "SELECT miss_probability, appeal_id FROM appeal_risk WHERE unit_code = 'TAX'
    ORDER BY miss_probability DESC, appeal_id OFFSET $(( RISKED * 9 / 10 )) LIMIT 1" | tr '|' ' ')"
# the baseline reads one appeal by its tracking number, which must be well formed (the generated ones are not)
SAMPLE_NO=$(java -cp "$APP_JAR" "$ROOT/src/test/bench/WorkQueueBench.java" trackingno "$DEEP_ID")
q "UPDATE appeal SET tracking_no = '$SAMPLE_NO' WHERE id = $DEEP_ID"
# the dispatcher's list 90 % deep: the appeal a page would end with (its number well formed, as the cursor must be)
DESK_DEEP=$(( $(q "SELECT count(*) FROM appeal WHERE status IN ('RECEIVED', 'RETURNED')") * 9 / 10 ))
DESK_ID=$(q "SELECT id FROM appeal WHERE status IN ('RECEIVED', 'RETURNED') ORDER BY received_at, id OFFSET $DESK_DEEP LIMIT 1")
[[ -n "$DESK_ID" ]] || die "no appeal waits for the dispatcher"
DESK_NO=$(java -cp "$APP_JAR" "$ROOT/src/test/bench/WorkQueueBench.java" trackingno "$DESK_ID")
q "UPDATE appeal SET tracking_no = '$DESK_NO' WHERE id = $DESK_ID"
# the desk pages by 50 with a cursor, and has a placement page per appeal, since V20's successor (not before)
DESK_PAGED=no
java -cp "$APP_JAR:$APP_DIR/lib/main/*" "$ROOT/src/test/bench/WorkQueueBench.java" sql DispatchDeskRepository WAITING_AFTER \
    >/dev/null 2>&1 && DESK_PAGED=yes
# the page's lists 90 % deep, for commissioner-tax: what they hold and the unit's pool, in both orders, as the
# cursors the page's 下一页 links carry (QueuePageCursor) — from the build that pages the page (not before)
PAGE_PAGED=no
java -cp "$APP_JAR:$APP_DIR/lib/main/*" "$ROOT/src/test/bench/WorkQueueBench.java" sql PageReads HELD_BY_DEADLINE 2>/dev/null \
    | grep -q '\$6' && PAGE_PAGED=yes
HELD_WHERE="a.assignee = 'commissioner-tax' AND a.handling_unit = 'TAX' AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
    AND (a.claim_expires_at IS NULL OR a.claim_expires_at > now())"
POOL_WHERE="a.handling_unit = 'TAX' AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
    AND (a.assignee IS NULL OR (a.status = 'DISPATCHED' AND a.claim_expires_at <= now()))"
DUE_TEXT="CASE WHEN a.handle_due_at IS NULL THEN 'none' ELSE to_char(a.handle_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') END"
# by_deadline_cursor / by_risk_cursor WHERE: the page's cursor after the row 90 % deep in that list
by_deadline_cursor() { q "SELECT $DUE_TEXT || ',' || a.id FROM appeal a WHERE $1
    ORDER BY $DUE_KEY, a.id OFFSET (SELECT count(*) * 9 / 10 FROM appeal a WHERE $1) LIMIT 1"; }
by_risk_cursor() { q "SELECT r.miss_probability::float8 || ',' || a.id FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
    WHERE r.unit_code = 'TAX' AND $1 ORDER BY r.miss_probability DESC, a.id
    OFFSET (SELECT count(*) * 9 / 10 FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id WHERE r.unit_code = 'TAX' AND $1) LIMIT 1"; }
HELD_N=$(q "SELECT count(*) FROM appeal a WHERE $HELD_WHERE"); POOL_N=$(q "SELECT count(*) FROM appeal a WHERE $POOL_WHERE")
HELD_CURSOR=$(by_deadline_cursor "$HELD_WHERE"); POOL_CURSOR=$(by_deadline_cursor "$POOL_WHERE")
HELD_RISK_CURSOR=$(by_risk_cursor "$HELD_WHERE"); POOL_RISK_CURSOR=$(by_risk_cursor "$POOL_WHERE")
log "page cursors (90 % deep): held by commissioner-tax of $(thousands "$HELD_N") $HELD_CURSOR, risk $HELD_RISK_CURSOR;" \
    "pool of $(thousands "$POOL_N") $POOL_CURSOR, risk $POOL_RISK_CURSOR"
log "cursors: deadline $(thousands "$DEEP") deep = ($DEEP_DUE, $DEEP_ID); past the deadlines $(thousands "$TAIL") deep = (none, $TAIL_ID);" \
    "risk $(thousands $(( RISKED * 9 / 10 ))) deep = ($RISK_AT, $RISK_ID)"

# --- 4. plans: the statements the service sends, on this data
statement() { java -cp "$APP_JAR:$APP_DIR/lib/main/*" "$ROOT/src/test/bench/WorkQueueBench.java" sql "$1" "$2"; }
# explain LABEL TYPES SQL ARGS MODE -> "ms buffers" and the plan in $WORK/plan-LABEL.txt. MODE generic: the one plan
# kept for every value, as on the connections of the work queue's reads since ADR 0013 (plan_cache_mode
# force_generic_plan, no parallel workers); custom: planned for the values, as PostgreSQL does elsewhere whenever
# such a plan looks cheaper (and for a statement longer than the client keeps prepared)
explain() {
    local label=$1 types=$2 sql=$3 args=$4 mode=$5 out="$WORK/plan-$1.txt"
    {
        echo "SET plan_cache_mode = force_${mode}_plan;"
        [[ $mode == generic ]] && echo "SET max_parallel_workers_per_gather = 0;"
        echo "PREPARE s($types) AS $sql;"
        echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE s($args);"      # warm
        echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE s($args);"
    } | timeout 120 psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 >"$out.all" 2>&1 || { cat "$out.all" >&2; die "EXPLAIN $label failed"; }
    awk 'f { print } /^Execution Time/ { f = 1 }' "$out.all" >"$out"    # the second, warm run
    local ms buffers
    ms=$(sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' "$out" | tail -n 1)
    buffers=$(grep -m1 -oE 'Buffers: shared( [a-z]+=[0-9]+)+' "$out" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
    if grep -qE 'Seq Scan on appeal( |$)|Parallel Seq Scan on appeal_clock|Seq Scan on appeal_risk' "$out"; then
        echo "$ms $buffers seq-scan"
    else
        echo "$ms $buffers -"
    fi
}
PLANS=()
plan_row() {    # plan_row LABEL DESCRIPTION TYPES SQL ARGS [MODE]
    local mode=${6:-generic} result
    result=$(explain "$1" "$3" "$4" "$5" "$mode")
    PLANS+=("| $2 | $mode | ${result// / | } |")
    log "plan $1: $result"
    grep -E 'Scan|Sort|Limit|Append|Join|Nested|Execution' "$WORK/plan-$1.txt" | sed 's/^/    /' | cut -c1-170 >&2
}
if [[ "$HAS_KEY" == 1 ]]; then
    BY_DEADLINE=$(statement QueueReads BY_DEADLINE)
    WITH_RISK=$(statement QueueReads WITH_RISK)
    WITHOUT_RISK=$(statement QueueReads WITHOUT_RISK)
    plan_row api-first "API queue, page 1" "varchar, timestamptz, bigint, int" "$BY_DEADLINE" "'TAX', '1970-01-01T00:00:00Z', 0, $PAGE"
    plan_row api-deep "API queue, $(thousands "$DEEP") deep" "varchar, timestamptz, bigint, int" "$BY_DEADLINE" "'TAX', '$DEEP_DUE', $DEEP_ID, $PAGE"
    plan_row api-tail "API queue, $(thousands "$TAIL") deep (afterDue=none)" "varchar, timestamptz, bigint, int" "$BY_DEADLINE" "'TAX', NULL, $TAIL_ID, $PAGE"
    # riskiest first: with the helper rows' risk copy (V23) the statement was longer than the client keeps prepared,
    # so it was planned for its values on every run, until ADR 0013's connections kept it (and its generic plan)
    RISK_MODE=generic
    [[ "$HAS_RISK_COPY" == 1 ]] && ! unzip -p "$APP_JAR" application.properties 2>/dev/null | grep -q '"generic-plans"' \
        && RISK_MODE=custom
    plan_row risk-first "API sort=risk, page 1" "varchar, numeric, bigint, int" "$WITH_RISK" "'TAX', 2, 0, $PAGE" "$RISK_MODE"
    plan_row risk-deep "API sort=risk, $(thousands $(( RISKED * 9 / 10 ))) deep" "varchar, numeric, bigint, int" "$WITH_RISK" "'TAX', $RISK_AT, $RISK_ID, $PAGE" "$RISK_MODE"
    plan_row risk-tail "API sort=risk, without a risk (afterRisk=none)" "varchar, bigint, int" "$WITHOUT_RISK" "'TAX', 0, $PAGE"
    HELD=$(statement PageReads HELD_BY_DEADLINE); HELD_RISKIEST=$(statement PageReads HELD_RISKIEST)
    POOL=$(statement PageReads POOL_BY_DEADLINE); POOL_RISKIEST=$(statement PageReads POOL_RISKIEST)
    # the pool by deadline was planned for its values until its lapsed claims were read apart (OFFSET 0); since then
    # the cached statement's generic plan serves it
    POOL_MODE=custom; [[ "$POOL" == *"OFFSET 0"* ]] && POOL_MODE=generic
    # riskiest first was planned for its values until V24 gave the risk rows a copy of their holder to walk by
    RISK_PAGE_MODE=custom; [[ "$HELD_RISKIEST" == *"r.assignee = "* ]] && RISK_PAGE_MODE=generic
    if [[ $PAGE_PAGED == yes ]]; then
        # a page cursor "key,id" as the statements' two parameters ('none': past the deadlines, NULL)
        args() { local key=${1%,*}; [[ "$key" == none ]] && key=NULL || key="'$key'"; echo "$key, ${1##*,}"; }
        HT="varchar, varchar, timestamptz"; PT="varchar, timestamptz"; ME="'TAX', 'commissioner-tax', now()"
        plan_row page-held "page: held by commissioner-tax, page 1 (51 of $(thousands "$HELD_N"))" "$HT, timestamptz, bigint, int" "$HELD" "$ME, '1970-01-01T00:00:00Z', 0, 51"
        plan_row page-held-deep "page: held by commissioner-tax, 90 % deep" "$HT, timestamptz, bigint, int" "$HELD" "$ME, $(args "$HELD_CURSOR"), 51"
        plan_row page-held-few "page: held by commissioner-tax6 (~40)" "$HT, timestamptz, bigint, int" "$HELD" "'TAX', 'commissioner-tax6', now(), '1970-01-01T00:00:00Z', 0, 51"
        plan_row page-pool "page: the unit's pool, page 1 (51 of $(thousands "$POOL_N"))" "$PT, timestamptz, bigint, int" "$POOL" "'TAX', now(), '1970-01-01T00:00:00Z', 0, 51" "$POOL_MODE"
        plan_row page-pool-deep "page: the unit's pool, 90 % deep" "$PT, timestamptz, bigint, int" "$POOL" "'TAX', now(), $(args "$POOL_CURSOR"), 51" "$POOL_MODE"
        plan_row page-held-risk "page sort=risk: held by commissioner-tax, page 1" "$HT, numeric, bigint, int" "$HELD_RISKIEST" "$ME, 2, 0, 51" "$RISK_PAGE_MODE"
        plan_row page-held-risk-deep "page sort=risk: held by commissioner-tax, 90 % deep" "$HT, numeric, bigint, int" "$HELD_RISKIEST" "$ME, $HELD_RISK_CURSOR, 51" "$RISK_PAGE_MODE"
        plan_row page-held-risk-few "page sort=risk: held by commissioner-tax6" "$HT, numeric, bigint, int" "$HELD_RISKIEST" "'TAX', 'commissioner-tax6', now(), 2, 0, 51" "$RISK_PAGE_MODE"
        plan_row page-pool-risk "page sort=risk: pool, page 1" "$PT, numeric, bigint, int" "$POOL_RISKIEST" "'TAX', now(), 2, 0, 51" "$RISK_PAGE_MODE"
        plan_row page-pool-risk-deep "page sort=risk: pool, 90 % deep" "$PT, numeric, bigint, int" "$POOL_RISKIEST" "'TAX', now(), $POOL_RISK_CURSOR, 51" "$RISK_PAGE_MODE"
    else
        plan_row page-held "page: held by commissioner-tax (100 of ~16,000)" "varchar, varchar, timestamptz, int" "$HELD" "'TAX', 'commissioner-tax', now(), 100"
        plan_row page-held-few "page: held by commissioner-tax6 (~40)" "varchar, varchar, timestamptz, int" "$HELD" "'TAX', 'commissioner-tax6', now(), 100"
        plan_row page-pool "page: the unit's pool (100)" "varchar, timestamptz, int" "$POOL" "'TAX', now(), 100" custom
        plan_row page-held-risk "page sort=risk: held by commissioner-tax (100)" "varchar, varchar, timestamptz, int" "$HELD_RISKIEST" "'TAX', 'commissioner-tax', now(), 100" custom
        plan_row page-held-risk-few "page sort=risk: held by commissioner-tax6" "varchar, varchar, timestamptz, int" "$HELD_RISKIEST" "'TAX', 'commissioner-tax6', now(), 100" custom
        plan_row page-pool-risk "page sort=risk: pool (100)" "varchar, timestamptz, int" "$POOL_RISKIEST" "'TAX', now(), 100" custom
    fi
fi
# the statement the API sent before V20 (commit 66f7e96), on the same data: join the clocks, sort the unit
OLD_QUEUE="SELECT a.id, a.tracking_no, a.title, a.status, a.appeal_type, a.urgent, a.supervised, a.received_at,
    coalesce(c.due_at, 'infinity'::timestamptz) AS handle_due, a.assignee,
    CASE WHEN a.handling_unit = \$1 THEN 'LEAD' ELSE 'HELPER' END AS part,
    r.miss_probability, coalesce(r.miss_probability, -1) AS risk_key
FROM appeal a
LEFT JOIN appeal_clock c ON c.appeal_id = a.id AND c.clock = 'HANDLE' AND c.stopped_at IS NULL
LEFT JOIN appeal_risk r ON r.appeal_id = a.id
WHERE (a.handling_unit = \$1 OR a.id IN (SELECT h.appeal_id FROM appeal_helper_unit h WHERE h.unit_code = \$1))
  AND a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')
  AND (coalesce(c.due_at, 'infinity'::timestamptz), a.id) > (coalesce(\$2, 'infinity'::timestamptz), \$3)
ORDER BY handle_due, a.id LIMIT \$4"
plan_row old-first "before V20: API queue, page 1" "varchar, timestamptz, bigint, int" "$OLD_QUEUE" "'TAX', '1970-01-01T00:00:00Z', 0, $PAGE"
plan_row old-deep "before V20: API queue, $(thousands "$DEEP") deep" "varchar, timestamptz, bigint, int" "$OLD_QUEUE" "'TAX', '$DEEP_DUE', $DEEP_ID, $PAGE"
DESK_SQL="SELECT a.tracking_no, a.title, a.status, a.channel, a.appeal_type, a.urgent, a.received_at,
    CASE WHEN a.status = 'RETURNED' THEN a.handling_unit END AS returned_by,
    (SELECT e.reason FROM appeal_event e WHERE e.appeal_id = a.id AND e.type = 'RETURNED' ORDER BY e.seq DESC LIMIT 1) AS return_reason,
    a.routing_suggestions
FROM appeal a WHERE a.status IN ('RECEIVED', 'RETURNED') ORDER BY a.received_at, a.id LIMIT \$1"
plan_row desk "dispatcher: waiting (500)" "int" "$DESK_SQL" "500"
if [[ $DESK_PAGED == yes ]]; then
    plan_row desk-first "dispatcher: waiting, page 1 (51)" "int" "$(statement DispatchDeskRepository WAITING_FIRST)" "51"
    plan_row desk-deep "dispatcher: waiting, $(thousands "$DESK_DEEP") deep (51)" "bpchar, int" \
        "$(statement DispatchDeskRepository WAITING_AFTER)" "'$DESK_NO', 51"
fi

# --- 5. the service, measured over HTTP
start_app
token() { curl -sf -m 10 -X POST "http://$HOST:$PORT/api/v1/demo/tokens/$1" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'; }
TAX_TOKEN=$(token commissioner-tax); DESK_TOKEN=$(token dispatcher-demo)
[[ -n "$TAX_TOKEN" && -n "$DESK_TOKEN" ]] || die "could not mint the demo tokens"

# check PATH TOKEN ITEMS [MARK]: one request answers 200 with at least ITEMS items (JSON objects with a trackingNo, or
# whatever MARK each item carries: data-tracking-no= for a page's rows; 0: any)
check() {
    local body code items mark=${4:-'"trackingNo"'}
    body=$(curl -s -m 30 -w '\n%{http_code}' -H "Authorization: Bearer $2" "http://$HOST:$PORT$1")
    code=${body##*$'\n'}; body=${body%$'\n'*}
    [[ "$code" == 200 ]] || die "GET $1 answered $code: $(echo "$body" | head -c 300)"
    items=$(grep -o "$mark" <<<"$body" | wc -l || true)
    (( items >= $3 )) || die "GET $1 held $items items, expected at least $3"
}

cat >"$WORK/get.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; bad = 0; sample = "" end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else
    bad = bad + 1
    if sample == "" then sample = status .. " " .. string.sub(body or "", 1, 200) end
  end
end
function done(summary, latency, requests)
  local o, b, s = 0, 0, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); b = b + t:get("bad")
    if s == "" then s = t:get("sample") end
  end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d ok=%d bad=%d duration_s=%.3f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, o, b, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout))
  if s ~= "" then io.write("BENCH_SAMPLE " .. string.gsub(s, "\n", " ") .. "\n") end
end
LUA
# the paced run: the same, each connection waiting BENCH_DELAY_MS before each request (wrk times a request from
# its sending, so the wait is not in the latency)
{ cat "$WORK/get.lua"; echo 'local pause = tonumber(os.getenv("BENCH_DELAY_MS"))
function delay() return pause end'; } >"$WORK/paced.lua"
DELAY_MS=0; (( RATE > 0 )) && DELAY_MS=$(( CONNECTIONS * 1000 / RATE ))
field() { sed -n "/^BENCH /s/.* $1=\([^ ]*\).*/\1/p" "$2"; }

RESULTS=()
BASE_P99=""; BASE_PACED_P99=""
# wrk_run OUT SCRIPT PATH TOKEN [DELAY_MS]: one measured wrk run; sets REQUESTS P50 P99 RPS, dies on any answer not 200
wrk_run() {
    BENCH_TOKEN=$4 BENCH_DELAY_MS=${5:-0} timeout $(( DUR_S + 30 )) wrk --latency -t "$THREADS" -c "$CONNECTIONS" \
        -d "${DUR_S}s" --timeout 10s -s "$2" "http://$HOST:$PORT$3" >"$1" 2>&1 || { cat "$1" >&2; die "wrk failed for $3"; }
    local bad errors secs
    REQUESTS=$(field requests "$1"); bad=$(field bad "$1"); errors=$(field errors "$1")
    P50=$(field p50_ms "$1"); P99=$(field p99_ms "$1"); secs=$(field duration_s "$1")
    [[ -n "$REQUESTS" && "$REQUESTS" -gt 0 ]] || { cat "$1" >&2; die "no answer at all from $3"; }
    (( bad == 0 && errors == 0 )) || { grep '^BENCH_SAMPLE' "$1" >&2 || true; die "$3: $bad answers not 200, $errors socket errors"; }
    RPS=$(awk -v n="$REQUESTS" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
}
# measure LABEL DESCRIPTION PATH TOKEN: warm-up, then DURATION as fast as the connections go, then DURATION paced at
# RATE; appends a row "description|p50|p99|req/s|paced p50|paced p99|paced req/s"
measure() {
    if (( WARM_S > 0 )); then
        BENCH_TOKEN=$4 timeout $(( WARM_S + 30 )) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARM_S}s" --timeout 10s \
            -s "$WORK/get.lua" "http://$HOST:$PORT$3" >/dev/null 2>&1 || die "wrk warm-up failed for $3"
    fi
    wrk_run "$WORK/wrk-$1.txt" "$WORK/get.lua" "$3" "$4"
    local row="$2|$P50|$P99|$RPS"
    log "$1: p50 $P50 ms, p99 $P99 ms, $RPS requests/s ($3)"
    if (( RATE > 0 )); then
        wrk_run "$WORK/wrk-$1-paced.txt" "$WORK/paced.lua" "$3" "$4" "$DELAY_MS"
        row="$row|$P50|$P99|$RPS"
        log "$1 paced: p50 $P50 ms, p99 $P99 ms, $RPS requests/s"
    else
        row="$row|n/a|n/a|n/a"
    fi
    RESULTS+=("$row")
}

API=/api/v1/workqueue
check "/api/v1/appeals/$SAMPLE_NO" "$TAX_TOKEN" 1
check "$API?limit=$PAGE" "$TAX_TOKEN" "$PAGE"
check "$API?limit=$PAGE&afterDue=$DEEP_DUE&afterId=$DEEP_ID" "$TAX_TOKEN" "$PAGE"
check "$API?limit=$PAGE&afterDue=none&afterId=$TAIL_ID" "$TAX_TOKEN" "$PAGE"
check "$API?sort=risk&limit=$PAGE" "$TAX_TOKEN" "$PAGE"
check "$API?sort=risk&limit=$PAGE&afterRisk=$RISK_AT&afterId=$RISK_ID" "$TAX_TOKEN" "$PAGE"
check "/workqueue" "$TAX_TOKEN" 0
check "/workqueue?sort=risk" "$TAX_TOKEN" 0
if [[ $PAGE_PAGED == yes ]]; then
    check "/workqueue" "$TAX_TOKEN" 100 data-tracking-no=
    check "/workqueue?sort=risk" "$TAX_TOKEN" 100 data-tracking-no=
    check "/workqueue?list=mine&after=$HELD_CURSOR" "$TAX_TOKEN" 50 data-tracking-no=
    check "/workqueue?list=pool&after=$POOL_CURSOR" "$TAX_TOKEN" 50 data-tracking-no=
    check "/workqueue?sort=risk&list=mine&after=$HELD_RISK_CURSOR" "$TAX_TOKEN" 50 data-tracking-no=
    check "/workqueue?sort=risk&list=pool&after=$POOL_RISK_CURSOR" "$TAX_TOKEN" 50 data-tracking-no=
fi
check "/api/v1/dispatch/queue" "$DESK_TOKEN" 100
check "/dispatch" "$DESK_TOKEN" 0
if [[ $DESK_PAGED == yes ]]; then
    check "/api/v1/dispatch/queue?after=$DESK_NO" "$DESK_TOKEN" 100
    check "/dispatch?after=$DESK_NO" "$DESK_TOKEN" 0
    check "/dispatch/$DESK_NO" "$DESK_TOKEN" 0
fi

measure base "baseline: GET /api/v1/appeals/{no} (one appeal by key)" "/api/v1/appeals/$SAMPLE_NO" "$TAX_TOKEN"
BASE_P99=$(IFS='|'; set -- ${RESULTS[0]}; echo "$3"); BASE_PACED_P99=$(IFS='|'; set -- ${RESULTS[0]}; echo "$6")
measure api-first "GET $API?limit=$PAGE (page 1)" "$API?limit=$PAGE" "$TAX_TOKEN"
measure api-deep "… $(thousands "$DEEP") deep (afterDue, afterId)" "$API?limit=$PAGE&afterDue=$DEEP_DUE&afterId=$DEEP_ID" "$TAX_TOKEN"
measure api-tail "… $(thousands "$TAIL") deep (afterDue=none)" "$API?limit=$PAGE&afterDue=none&afterId=$TAIL_ID" "$TAX_TOKEN"
measure risk-first "GET $API?sort=risk&limit=$PAGE (page 1)" "$API?sort=risk&limit=$PAGE" "$TAX_TOKEN"
measure risk-deep "… sort=risk, $(thousands $(( RISKED * 9 / 10 ))) deep" "$API?sort=risk&limit=$PAGE&afterRisk=$RISK_AT&afterId=$RISK_ID" "$TAX_TOKEN"
if [[ $PAGE_PAGED == yes ]]; then
    measure page "GET /workqueue (page: 50 held + 50 pool)" "/workqueue" "$TAX_TOKEN"
    measure page-mine-deep "… held, 90 % deep of $(thousands "$HELD_N") (list=mine&after)" "/workqueue?list=mine&after=$HELD_CURSOR" "$TAX_TOKEN"
    measure page-pool-deep "… pool, 90 % deep of $(thousands "$POOL_N") (list=pool&after)" "/workqueue?list=pool&after=$POOL_CURSOR" "$TAX_TOKEN"
    measure page-risk "GET /workqueue?sort=risk (50 + 50)" "/workqueue?sort=risk" "$TAX_TOKEN"
    measure page-risk-mine-deep "… sort=risk, held, 90 % deep" "/workqueue?sort=risk&list=mine&after=$HELD_RISK_CURSOR" "$TAX_TOKEN"
    measure page-risk-pool-deep "… sort=risk, pool, 90 % deep" "/workqueue?sort=risk&list=pool&after=$POOL_RISK_CURSOR" "$TAX_TOKEN"
else
    measure page "GET /workqueue (page: 100 held + 100 pool)" "/workqueue" "$TAX_TOKEN"
    measure page-risk "GET /workqueue?sort=risk" "/workqueue?sort=risk" "$TAX_TOKEN"
fi
measure desk-api "GET /api/v1/dispatch/queue (100 waiting)" "/api/v1/dispatch/queue" "$DESK_TOKEN"
if [[ $DESK_PAGED == yes ]]; then
    measure desk-api-deep "… $(thousands "$DESK_DEEP") deep (after)" "/api/v1/dispatch/queue?after=$DESK_NO" "$DESK_TOKEN"
    measure desk "GET /dispatch (page: 50 waiting)" "/dispatch" "$DESK_TOKEN"
    measure desk-deep "… $(thousands "$DESK_DEEP") deep (after)" "/dispatch?after=$DESK_NO" "$DESK_TOKEN"
    measure placement "GET /dispatch/{no} (one appeal's placement page)" "/dispatch/$DESK_NO" "$DESK_TOKEN"
else
    measure desk "GET /dispatch (page: 500 waiting)" "/dispatch" "$DESK_TOKEN"
fi
stop_app
log "service stopped"

# --- 6. pgbench: the deep page's statement straight to PostgreSQL, same clients and time (prepared, as the service's
# cached statements)
PG_P50=n/a; PG_P99=n/a; PG_TPS=n/a
if [[ "$HAS_KEY" == 1 ]]; then
    echo "$BY_DEADLINE" | sed 's/\$1/:unit/g; s/\$2/:after_due/g; s/\$3/:after_id/g; s/\$4/:page_size/g' | tr '\n' ' ' >"$WORK/deep.sql"
    echo ";" >>"$WORK/deep.sql"
    log "pgbench: the API's deep page statement, ${DUR_S}s, $CONNECTIONS clients"
    (cd "$WORK" && timeout $(( DUR_S + 60 )) "$PGBENCH" "${PGCONN[@]}" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DUR_S" \
        -D unit=TAX -D "after_due=$DEEP_DUE" -D "after_id=$DEEP_ID" -D "page_size=$PAGE" --log --log-prefix=pgb \
        -f "$WORK/deep.sql" "$DB" >"$WORK/pgbench.txt" 2>&1) || { cat "$WORK/pgbench.txt" >&2; die "pgbench failed"; }
    PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.txt" | tail -n 1 | awk '{ printf "%.0f", $1 }')
    cat "$WORK"/pgb.* | awk '{ print $3 / 1000 }' | sort -g >"$WORK/latency-ms.sorted"
    n=$(wc -l <"$WORK/latency-ms.sorted")
    (( n > 0 )) || die "pgbench logged no transaction"
    PG_P50=$(sed -n "$(( (n + 1) / 2 ))p" "$WORK/latency-ms.sorted" | awk '{ printf "%.2f", $1 }')
    PG_P99=$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$WORK/latency-ms.sorted" | awk '{ printf "%.2f", $1 }')
    log "pgbench: $n transactions, p50 $PG_P50 ms, p99 $PG_P99 ms, $PG_TPS tx/s"
fi

# --- 7. the Markdown for docs/benchmarks.md
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no-commit")
[[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] || commit="$commit + working tree"
APP_BUILT="built $(date -r "$APP_DIR/quarkus-run.jar" '+%F %H:%M' 2>/dev/null || echo '?')"
[[ "$APP_DIR" == "$ROOT/target/quarkus-app" ]] || APP_BUILT="$APP_DIR, $APP_BUILT"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "n/a" && b != "n/a" && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'; }
goal() { awk -v p="$1" 'BEGIN { print (p == "n/a" ? "n/a" : (p + 0 <= 20 ? "yes" : "**no**")) }'; }
cat <<EOF

Work queue at depth, $(date +%F), commit $commit: $(thousands "$OPEN_TAX") open appeals of TAX, $(thousands "$WAITING")
waiting for the dispatcher, $(thousands "$OTHERS") of SAMR; generated in ${GEN_S}s, then ANALYZE. wrk ${DUR_S}s after ${WARM_S}s
warm-up per line, $CONNECTIONS connections, $THREADS threads; app $APP_BUILT, JVM options: ${JAVA_OPTS:-none}; $(nproc) cores; PostgreSQL $PG_VERSION;
load average $LOAD_BEFORE before, $LOAD_AFTER after.

As fast as the connections go (the machine saturated), then paced at most $RATE requests/s in all (each connection
waiting $DELAY_MS ms after an answer before its next request; 0: not paced):

| request | p50 ms | p99 ms | requests/s | p99 / baseline p99 | p99 ≤ 20 ms | paced p50 ms | paced p99 ms | paced requests/s | paced p99 / baseline's | paced p99 ≤ 20 ms |
| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |
EOF
for row in "${RESULTS[@]}"; do
    IFS='|' read -r what p50 p99 rps pp50 pp99 prps <<<"$row"
    echo "| $what | $p50 | $p99 | $rps | $(ratio "$p99" "$BASE_P99") | $(goal "$p99") | $pp50 | $pp99 | $prps | $(ratio "$pp99" "$BASE_PACED_P99") | $(goal "$pp99") |"
done
cat <<EOF
| pgbench: the deep page's statement alone ($CONNECTIONS clients) | $PG_P50 | $PG_P99 | $PG_TPS | $(ratio "$PG_P99" "$BASE_P99") | | | | | | |

Plans on the same data (EXPLAIN ANALYZE, second run): the plan (generic: what a cached statement settles on;
custom: planned for the values), execution ms, shared buffers, and whether a sequential scan of appeal, appeal_clock
or appeal_risk remains.

| statement | plan | ms | buffers | seq scan |
| --- | --- | ---: | ---: | --- |
EOF
printf '%s\n' "${PLANS[@]}"
echo
