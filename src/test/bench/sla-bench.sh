#!/usr/bin/env bash
# SLA sweeper benchmark: the sweeper's escalation steps per second against the claim-and-fire ceiling of SQL
# alone, measured in the same run on the same database, and what open timers, fired timers in history and an
# intake load do to it. Absolute figures drift ±25% on a 2-core machine: the figures to report are the ratios.
#
#   A (baseline)  DUE due timers, no other timer
#   B             the same DUE due timers, plus OPEN timers pending 30–60 days in the future
#   C             the same DUE due timers, plus HISTORY timers fired long ago (each with its escalation row)
#
# In each scenario:
#   ceiling  claim-and-fire by SQL alone: pgbench (-M prepared) runs one statement per transaction that does what
#            a batch of the sweeper does, set-based, for CEIL_BATCH timers: claim the due timers (the sweeper's
#            claim CTE), lock their appeals in id order, insert the escalation rows, the outbox rows and the
#            appeals' events (seq after the appeal's head, one SHA-256 per event over the previous hash and the
#            event) and move each appeal's head (count, last hash, updated_at, the supervision flag). Run with 1
#            and with 2 clients over CEIL due timers each; the ceiling is the better of the two, in steps/s (the
#            steps its timed transactions fired, at pgbench's rate; any left are fired afterwards, untimed)
#   claim    the sweeper's claim statement (the exact CTE of SlaTimerRepository.claimDue, prepared, LIMIT 500)
#            under EXPLAIN (ANALYZE, BUFFERS) in BEGIN … ROLLBACK, CLAIM_RUNS times after one warm-up run:
#            median execution time and shared buffers (hit + read) of the whole statement, and of its first
#            part alone, "select due" (the CTE: pending-index scan, LIMIT 500, FOR UPDATE SKIP LOCKED)
#   sweep    the service runs with the real sweeper; after a warm-up burst has fired, the DUE due timers are
#            inserted in one transaction and the script polls (every 200 ms) until none is pending. "steps/s"
#            comes from the sweeper's own timestamps (escalation.fired_at is the claim time of each batch):
#            timers fired before the last batch / (last − first batch start); "sweep / ceiling" is the ratio
#            to the ceiling of the same scenario. "insert → none pending" is the wall time seen by the poll
# Then, with the service still running (scenario C's history present) and once the outbox has drained (the sweep's
# notices delivered; the time it took is printed), LAT timers due evenly over now() + 5 s … 15 s, twice: idle, and under an intake load (pgbench, LOAD_CLIENTS clients at LOAD_RATE
# intake-shaped transactions/s: appeal, event, outbox row, clock, two timers, as intake writes them): firing
# lateness p50 / p99 / max of escalation.fired_at − due_at.
#
# Every check fails the run: each due timer fired exactly once (one escalation, one event, one outbox row; no
# due timer left pending; no future timer fired), and each appeal's event chain linked (seq 1…n without a gap,
# each previous_hash the hash before it, the appeal's head on the last event).
#
# Usage (from the repository root, after the application has been built; this script never runs Maven):
#   src/test/bench/sla-bench.sh [NAME=value ...]
#   HISTORY=10000000 src/test/bench/sla-bench.sh APP_DIR=/tmp/app
#
# Settings (environment variables, or NAME=value arguments, which win):
#   APP_DIR      built application (default target/quarkus-app; relative to the current directory, or else
#                to the repository root)
#   DB           database, dropped and recreated, dropped again at the end (default huiyin_sla_bench)
#   PORT         HTTP port of the service under test (default 8090)
#   OPEN         timers pending in the future in scenario B (default 1000000)
#   HISTORY      fired timers in history in scenario C (default 3000000; 10000000 takes about 4 minutes more)
#   DUE          due timers swept in each scenario (default 30000)
#   CEIL         due timers per ceiling run (default 30000), CEIL_BATCH timers per transaction (default 500)
#   LOAD_RATE    intake-shaped transactions/s during the loaded lateness run (default 500), LOAD_CLIENTS (8)
#   SWEEP_EVERY  the sweeper's tick, huiyin.sla.sweep-every (default 1s)
#   CLAIM_RUNS   measured EXPLAIN ANALYZE runs of the claim per scenario (default 7)
#   READY_TIMEOUT  seconds to wait for /q/health/ready (default 120)
#   SWEEP_TIMEOUT  seconds to wait for a sweep to finish (default 300)
#   KEEP_DB      yes to keep the database at the end, for inspection (default no)
#   KEEP_WORK    yes to keep the run's files (the service's log, pgbench's output) in /tmp/sla-bench.* (default no)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Redis on 127.0.0.1:6379 (the service
# starts with it); installs curl, psql and pgbench (Debian packages) when missing. Loopback only; every wait
# is bounded. Prints Markdown tables to paste into docs/benchmarks.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        APP_DIR=*|DB=*|PORT=*|OPEN=*|HISTORY=*|DUE=*|CEIL=*|CEIL_BATCH=*|LOAD_RATE=*|LOAD_CLIENTS=*|SWEEP_EVERY=*|CLAIM_RUNS=*|READY_TIMEOUT=*|SWEEP_TIMEOUT=*|KEEP_DB=*|KEEP_WORK=*) export "${arg?}" ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
APP_DIR=${APP_DIR:-target/quarkus-app}
if [[ "$APP_DIR" != /* ]]; then    # relative: to the current directory if it is there, else to the repository root
    if [[ -d "$APP_DIR" ]]; then APP_DIR=$(cd "$APP_DIR" && pwd); else APP_DIR=$ROOT/$APP_DIR; fi
fi
DB=${DB:-huiyin_sla_bench}
PORT=${PORT:-8090}
OPEN=${OPEN:-1000000}
HISTORY=${HISTORY:-3000000}
DUE=${DUE:-30000}
CEIL=${CEIL:-30000}
CEIL_BATCH=${CEIL_BATCH:-500}
LOAD_RATE=${LOAD_RATE:-500}
LOAD_CLIENTS=${LOAD_CLIENTS:-8}
SWEEP_EVERY=${SWEEP_EVERY:-1s}
CLAIM_RUNS=${CLAIM_RUNS:-7}
READY_TIMEOUT=${READY_TIMEOUT:-120}
SWEEP_TIMEOUT=${SWEEP_TIMEOUT:-300}
KEEP_DB=${KEEP_DB:-no}
WARM=2000                           # warm-up burst fired before each measured sweep
LAT=2000                            # latency timers, due evenly over now() + 5 s … 15 s
CLAIM_LIMIT=500                     # the sweeper's batch (huiyin.sla.sweep-batch default)
HOST=127.0.0.1                      # loopback only
PGCONN=(-h "$HOST" -p 5432 -U postgres)


for v in PORT OPEN HISTORY DUE CEIL CEIL_BATCH LOAD_RATE LOAD_CLIENTS CLAIM_RUNS READY_TIMEOUT SWEEP_TIMEOUT; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number (got ${!v})"
done
(( DUE >= 1 && CEIL >= 1 && CEIL_BATCH >= 1 && LOAD_RATE >= 1 && LOAD_CLIENTS >= 1 && CLAIM_RUNS >= 1 && READY_TIMEOUT >= 1 && SWEEP_TIMEOUT >= 1 )) \
    || die "DUE, CEIL, CEIL_BATCH, LOAD_RATE, LOAD_CLIENTS, CLAIM_RUNS, READY_TIMEOUT and SWEEP_TIMEOUT must be at least 1"
[[ "$SWEEP_EVERY" =~ ^[0-9]+(ms|s)$ ]] || die "SWEEP_EVERY must look like 1s or 250ms (got $SWEEP_EVERY)"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "DB must be a plain lower-case identifier (got $DB)"
[[ "$DB" != postgres && "$DB" != template0 && "$DB" != template1 ]] || die "refusing to drop database $DB"
[[ "$DB" != huiyin && "$DB" != huiyin_dev && "$DB" != huiyin_test ]] || die "refusing to drop database $DB (use a bench database)"
[[ -f "$APP_DIR/quarkus-run.jar" ]] || die "no $APP_DIR/quarkus-run.jar: build the application first (or set APP_DIR)"

# --- tools: install from Debian packages only when missing (apt-get update at most once)
command -v curl >/dev/null || apt_install curl
command -v psql >/dev/null || apt_install postgresql-client
PG_VERSION=$(psql "${PGCONN[@]}" -d postgres -XAtc "SHOW server_version" | cut -d' ' -f1) \
    || die "cannot reach PostgreSQL at $HOST:5432 as postgres"
PG_MAJOR=${PG_VERSION%%.*}
find_pgbench() {     # Debian ships pgbench in the server package; /usr/bin/pgbench is a wrapper
    local p
    for p in /usr/lib/postgresql/"$PG_MAJOR"/bin/pgbench /usr/lib/postgresql/*/bin/pgbench /usr/bin/pgbench; do
        [[ -x "$p" ]] && { echo "$p"; return 0; }
    done
    return 1
}
PGBENCH=$(find_pgbench) || { apt_install "postgresql-$PG_MAJOR"; PGBENCH=$(find_pgbench) || die "pgbench not found after install"; }

# --- the claim statement, exactly as SlaTimerRepository.claimDue sends it ($1 now, $2 the batch size)
CLAIM_SQL='WITH due AS (
    SELECT id FROM sla_timer WHERE fired_at IS NULL AND due_at <= $1
    ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
UPDATE sla_timer t SET fired_at = $1
FROM due, appeal_clock c, appeal a
WHERE t.id = due.id AND c.id = t.clock_id AND a.id = t.appeal_id
RETURNING t.id, t.appeal_id, c.clock, c.round, t.step, t.due_at, a.handling_unit'
REPO_SRC=$ROOT/src/main/java/cn/huiyin/sla/persistence/SlaTimerRepository.java
if [[ -f "$REPO_SRC" ]]; then      # the text block after claimDue( … ), whitespace-normalised
    in_source=$(awk '/claimDue\(/ { f = 1; next }
        f && !open && /"""/ { open = 1; next }
        open && /"""/ { sub(/""".*/, ""); print; exit }
        open' "$REPO_SRC" | tr -s ' \n\t' ' ' | sed 's/^ //; s/ $//')
    in_script=$(printf '%s' "$CLAIM_SQL" | tr -s ' \n\t' ' ' | sed 's/^ //; s/ $//')
    [[ "$in_source" == "$in_script" ]] || log "WARNING: the claim in $REPO_SRC differs from this script's copy; update CLAIM_SQL"
fi

# --- temp files and cleanup: the service is always stopped, the database dropped (unless KEEP_DB=yes)
WORK=$(mktemp -d /tmp/sla-bench.XXXXXX)
DB_CREATED=no
cleanup() {
    local rc=$?
    stop_app
    (( rc == 0 )) || show_app_log
    if [[ $DB_CREATED == yes && $KEEP_DB != yes ]]; then
        log "dropping database $DB"
        timeout 60 psql "${PGCONN[@]}" -d postgres -Xq -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 \
            || log "WARNING: could not drop database $DB"
    fi
    [[ ${KEEP_WORK:-no} == yes ]] || rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

q() { psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
qf() { psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1; }        # SQL on stdin
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/; ta'; }
export LC_NUMERIC=C

# a busy machine skews the figures (service, database and this script share the cores): say so
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 1.0) }'; then
    log "WARNING: load average is $LOAD_BEFORE before the run; other work will skew the absolute figures"
fi
others=$(pgrep -f 'quarkus-run\.jar' || true; pgrep -x wrk || true)
[[ -z "$others" ]] || log "WARNING: other services or load generators are running (pids: $(echo $others)); figures will be noisy"

# --- fresh database
log "recreating database $DB"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"
DB_CREATED=yes

# start_app SWEEP_EVERY: the service from APP_DIR (demo profile: migrates and seeds reference data)
start_app() {
    if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then die "port $PORT is already in use"; fi
    log "starting the service (sweep every $1) on port $PORT"
    java -Dquarkus.profile=demo -Dquarkus.http.host="$HOST" -Dquarkus.http.port="$PORT" \
        -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$HOST:5432/$DB" \
        -Dquarkus.datasource.reactive.url="postgresql://$HOST:5432/$DB" \
        -Dhuiyin.redis.key-prefix=huiyin-sla-bench: -Dquarkus.log.level=WARN \
        -Dhuiyin.sla.sweep-every="$1" \
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

# --- 1. schema: Flyway and the reference data (catalogue, clock rules) come from a first start, sweeper off
start_app off
stop_app
log "schema created, service stopped"
rule_id=$(q "SELECT min(id) FROM clock_rule WHERE clock = 'HANDLE'")
[[ -n "$rule_id" ]] || die "no HANDLE clock rule was seeded"
[[ "$(q "SELECT count(*) FROM handling_unit WHERE code = 'TAX'")" == 1 ]] || die "handling unit TAX was not seeded"

# --- 2. appeals and clocks, SQL only: one HANDLE clock per appeal, appeal id = clock id, 3 timers per clock
# (WARNING, OVERDUE, SUPERVISION). Ranges of clocks: M the measured due timers, W the warm-up burst, L1 / L2
# the lateness timers (idle, under intake load), C1 / C2 the ceiling's due timers (1 and 2 clients), O the open
# timers. Scenario C adds history clocks (later rounds of these appeals, ids after APPEALS).
clocks_for() { echo $(( ($1 + 2) / 3 )); }
ceil_timers() { echo $(( CEIL / (CEIL_BATCH * $1) * CEIL_BATCH * $1 )); }    # whole transactions per client
(( $(ceil_timers 2) >= CEIL_BATCH * 2 )) || die "CEIL must be at least 2 × CEIL_BATCH"
M_BASE=1
W_BASE=$(( M_BASE + $(clocks_for "$DUE") ))
L1_BASE=$(( W_BASE + $(clocks_for "$WARM") ))
L2_BASE=$(( L1_BASE + $(clocks_for "$LAT") ))
C1_BASE=$(( L2_BASE + $(clocks_for "$LAT") ))
C2_BASE=$(( C1_BASE + $(clocks_for "$(ceil_timers 1)") ))
O_BASE=$(( C2_BASE + $(clocks_for "$(ceil_timers 2)") ))
APPEALS=$(( O_BASE + $(clocks_for "$OPEN") - 1 ))

# timers_sql BASE_CLOCK COUNT DUE_AT_EXPR (i = 0 … COUNT-1): one INSERT … SELECT over generate_series
timers_sql() {
    cat <<SQL
INSERT INTO sla_timer (clock_id, appeal_id, step, due_at)
SELECT $1 + i / 3, $1 + i / 3, (ARRAY['WARNING', 'OVERDUE', 'SUPERVISION'])[i % 3 + 1], $3
FROM generate_series(0, $2 - 1) AS i;
SQL
}
DUE_AT_PAST="now() - interval '1 minute' - random() * interval '7 days'"
DUE_AT_FUTURE="now() + interval '30 days' + random() * interval '30 days'"

log "generating $(thousands "$APPEALS") appeals and clocks"
gen_start=$(now_s)
qf <<SQL
TRUNCATE appeal RESTART IDENTITY CASCADE;   -- whatever the demo start seeded: the ids below are the script's
INSERT INTO appeal (id, tracking_no, channel, identity_state, title, content, appeal_type, category, urgent, status,
    handling_unit, received_at, dispatched_at, updated_at, event_count, last_event_hash)
SELECT g, 'S' || lpad(g::text, 12, '0'), 'WEB', 'DECLARED', 'SLA bench appeal', 'SLA bench appeal ' || g, 'HELP',
    'TAX_SERVICE', false, 'HANDLING', 'TAX', now() - interval '20 days', now() - interval '20 days', now(), 0,
    decode(repeat('00', 32), 'hex')
FROM generate_series(1, $APPEALS) AS g;
SELECT setval(pg_get_serial_sequence('appeal', 'id'), $APPEALS) \\g /dev/null
INSERT INTO appeal_clock (id, appeal_id, clock, round, rule_id, started_at, due_at)
SELECT g, g, 'HANDLE', 1, $rule_id, now() - interval '20 days', now() + interval '30 days'
FROM generate_series(1, $APPEALS) AS g;
SELECT setval(pg_get_serial_sequence('appeal_clock', 'id'), $APPEALS) \\g /dev/null
SQL
appeals_s=$(elapsed "$gen_start" "$(now_s)")
log "appeals and clocks: ${appeals_s}s"

# reset_timers: no timer, no escalation, appeals back to no event (between scenarios)
reset_timers() {
    qf <<SQL
TRUNCATE escalation, sla_timer, appeal_event, outbox;
UPDATE appeal SET event_count = 0, last_event_hash = decode(repeat('00', 32), 'hex'), supervised = false
WHERE event_count > 0 OR supervised;
SQL
}

# load_history COUNT: about COUNT timers (3 per clock) fired 1–3 years ago, each with its escalation row, on
# stopped clocks of later rounds of the script's appeals (triggers and foreign-key checks off while generating:
# the rows are consistent by construction)
load_history() {
    local clocks; clocks=$(clocks_for "$1")
    log "loading $(thousands $(( clocks * 3 ))) fired timers with their escalations in history ($(thousands "$clocks") stopped clocks)"
    qf <<SQL
SET session_replication_role = replica;
INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at, stopped_at)
SELECT 1 + (j - 1) % $APPEALS, 'HANDLE', 2 + (j - 1) / $APPEALS, $rule_id,
    now() - interval '3 years', now() - interval '2 years', now() - interval '1 year'
FROM generate_series(1, $clocks) AS j;
INSERT INTO sla_timer (clock_id, appeal_id, step, due_at, fired_at)
SELECT c.id, c.appeal_id, s.step, c.due_at + s.after, c.due_at + s.after
FROM appeal_clock c,
    (VALUES ('WARNING', interval '-1 day'), ('OVERDUE', interval '0'), ('SUPERVISION', interval '1 day')) AS s(step, after)
WHERE c.round >= 2 AND c.appeal_id <= $APPEALS;
INSERT INTO escalation (timer_id, appeal_id, clock, step, due_at, fired_at, recipients)
SELECT id, appeal_id, 'HANDLE', step, due_at, fired_at, 'unit:TAX/handler' FROM sla_timer
WHERE fired_at < now() - interval '300 days';
SQL
    R_HISTORY=$(( clocks * 3 ))
}

# --- the ceiling: what a batch does, set-based, by SQL alone (one statement per transaction; no ":name" in it,
# which pgbench would take for a variable). Events: seq after the appeal's head, previous hash the head's, one SHA-256 each.
cat >"$WORK/ceiling.sql" <<SQL
WITH due AS (
    SELECT id FROM sla_timer WHERE fired_at IS NULL AND due_at <= now()
    ORDER BY due_at LIMIT $CEIL_BATCH FOR UPDATE SKIP LOCKED),
fired AS (
    UPDATE sla_timer t SET fired_at = now()
    FROM due, appeal_clock c, appeal a
    WHERE t.id = due.id AND c.id = t.clock_id AND a.id = t.appeal_id
    RETURNING t.id, t.appeal_id, c.clock, t.step, t.due_at, a.handling_unit),
step AS (
    SELECT f.*, r.recipients,
        json_build_object('clock', f.clock, 'step', f.step, 'dueAt', f.due_at, 'recipients', r.recipients)::text AS payload,
        row_number() OVER (PARTITION BY f.appeal_id ORDER BY f.id) AS k
    FROM fired f, LATERAL (SELECT CASE f.step
        WHEN 'WARNING' THEN 'unit:' || f.handling_unit || '/handler'
        WHEN 'OVERDUE' THEN 'unit:' || f.handling_unit || '/handler,unit:' || f.handling_unit || '/leader'
        ELSE 'unit:' || f.handling_unit || '/handler,unit:' || f.handling_unit || '/leader,district-office' END) r(recipients)),
head AS (
    SELECT id, tracking_no, event_count, last_event_hash FROM appeal
    WHERE id IN (SELECT appeal_id FROM fired) ORDER BY id FOR UPDATE),
esc AS (
    INSERT INTO escalation (timer_id, appeal_id, clock, step, due_at, fired_at, recipients)
    SELECT id, appeal_id, clock, step, due_at, now(), recipients FROM step),
notice AS (
    INSERT INTO outbox (appeal_id, event_type, payload) SELECT appeal_id, 'SlaEscalated', payload FROM step),
event AS (
    INSERT INTO appeal_event (appeal_id, seq, type, actor, occurred_at, reason, visibility, payload, previous_hash, hash)
    SELECT s.appeal_id, h.event_count + s.k, 'SLA_' || s.step, 'system:' || 'sla', now(), s.clock || ' ' || s.step, 'INTERNAL',
        s.payload, h.last_event_hash,
        sha256(h.last_event_hash || convert_to(h.tracking_no || (h.event_count + s.k) || s.step || s.payload, 'UTF8'))
    FROM step s JOIN head h ON h.id = s.appeal_id
    RETURNING appeal_id, seq, hash, type)
UPDATE appeal a SET event_count = l.seq, last_event_hash = l.hash, updated_at = now(),
    supervised = a.supervised OR l.supervision
FROM (SELECT DISTINCT ON (appeal_id) appeal_id, seq, hash,
          bool_or(type = 'SLA_SUPERVISION') OVER (PARTITION BY appeal_id) AS supervision
      FROM event ORDER BY appeal_id, seq DESC) l
WHERE a.id = l.appeal_id;
SQL

# ceiling LABEL CLIENTS BASE -> steps/s: loads the due timers, pgbench fires them, checks each fired once
ceiling() {
    local label=$1 clients=$2 base=$3 n tx out="$WORK/ceiling-$1-$2.txt" fired tps main rounds
    n=$(ceil_timers "$clients"); tx=$(( n / CEIL_BATCH / clients ))
    timers_sql "$base" "$n" "$DUE_AT_PAST" | qf
    q "VACUUM ANALYZE sla_timer"
    timeout 600 "$PGBENCH" -h "$HOST" -p 5432 -U postgres -n -M prepared -c "$clients" -j "$clients" -t "$tx" \
        -f "$WORK/ceiling.sql" "$DB" >"$out" 2>&1 || { cat "$out" >&2; die "ceiling pgbench failed"; }
    local count
    count="SELECT count(*) FROM escalation e JOIN sla_timer t ON t.id = e.timer_id
               WHERE t.clock_id >= $base AND t.clock_id < $base + $(clocks_for "$n")"
    fired=$(q "$count")
    tps=$(grep -oE '^tps = [0-9.]+' "$out" | head -1 | grep -oE '[0-9.]+$') || die "could not read pgbench's tps"
    # the rate is what the timed transactions fired; anything they left is fired untimed, then checked
    main=$fired; rounds=0
    while (( fired < n && rounds < 100 )); do
        "$PGBENCH" -h "$HOST" -p 5432 -U postgres -n -M prepared -c 1 -t 1 -f "$WORK/ceiling.sql" "$DB" >/dev/null 2>&1 \
            || die "ceiling pgbench (the rest) failed"
        fired=$(q "$count"); rounds=$(( rounds + 1 ))
    done
    (( fired == n )) || die "ceiling ($label, $clients clients): $fired escalations for $n due timers"
    awk -v t="$tps" -v m="$main" -v x="$(( tx * clients ))" 'BEGIN { printf "%.0f", t * m / x }'
}

# claim_cost LABEL: EXPLAIN (ANALYZE, BUFFERS) of the claim, one warm-up and CLAIM_RUNS measured runs, each in
# BEGIN … ROLLBACK. Writes the medians "ms buffers select_ms select_buffers" to $WORK/claim-LABEL.result:
# the whole statement (top node), and the selection of the due timers alone (the CTE's Limit node).
# Buffers are shared hit + read.
claim_cost() {
    local label=$1 sql="$WORK/claim-$1.sql" out="$WORK/claim-$1.txt"
    {
        # the service sends the claim with bound parameters: a custom plan every time
        echo "SET plan_cache_mode = force_custom_plan;"
        echo "PREPARE claim(timestamptz, bigint) AS $CLAIM_SQL;"
        for _ in $(seq 0 "$CLAIM_RUNS"); do            # run 0 is the warm-up
            echo "BEGIN;"
            echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE claim(now(), $CLAIM_LIMIT);"
            echo "ROLLBACK;"
        done
    } >"$sql"
    timeout 600 psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -f "$sql" >"$out" || { cat "$out" >&2; die "claim EXPLAIN failed"; }
    awk '
        function bufs(line,   h, r) { h = 0; r = 0
            if (match(line, /hit=[0-9]+/)) h = substr(line, RSTART + 4, RLENGTH - 4)
            if (match(line, /read=[0-9]+/)) r = substr(line, RSTART + 5, RLENGTH - 5)
            return h + r }
        /^Update on sla_timer/ { run++; top = 1; cte = 0; lim = 0 }
        top && /Buffers: shared/ { buf[run] = bufs($0); top = 0 }
        /CTE due$/ { cte = 1; next }
        cte && /Limit .*actual time=/ { match($0, /actual time=[0-9.]+\.\.[0-9.]+/)
            t = substr($0, RSTART, RLENGTH); sub(/.*\.\./, "", t); sel[run] = t; cte = 0; lim = 1; next }
        lim && /Buffers: shared/ { selbuf[run] = bufs($0); lim = 0 }
        /^Execution Time:/ { ms[run] = $3 }
        END { for (i = 2; i <= run; i++) print ms[i], buf[i], sel[i], selbuf[i] }' "$out" >"$out.runs"
    [[ $(awk 'NF == 4' "$out.runs" | wc -l) -eq "$CLAIM_RUNS" ]] || { cat "$out" >&2; die "could not read the claim plans"; }
    local claimed mid=$(( (CLAIM_RUNS + 1) / 2 ))
    claimed=$(grep -m1 -E '^Update on sla_timer' "$out" | grep -oE 'actual time=[0-9.]+ rows=[0-9]+' | grep -oE 'rows=[0-9]+' || true)
    log "claim ($label): $CLAIM_RUNS runs, ms / buffers / select ms / select buffers: $(tr '\n' ';' <"$out.runs" | sed 's/;/; /g')"
    [[ -z "$claimed" || "$claimed" == "rows=$CLAIM_LIMIT" ]] || log "WARNING: the claim updated ${claimed#rows=} rows, not $CLAIM_LIMIT"
    local col
    for col in 1 2 3 4; do                               # the median of each column (the middle run when odd)
        awk -v c="$col" '{ print $c }' "$out.runs" | sort -g | sed -n "${mid}p"
    done | paste -sd' ' >"$WORK/claim-$label.result"
}

# pending_due -> due timers not yet fired
pending_due() { q "SELECT count(*) FROM sla_timer WHERE fired_at IS NULL AND due_at <= now()"; }

# wait_none_pending TIMEOUT_S -> seconds the wait took (polls every 200 ms; dies on timeout)
wait_none_pending() {
    local start n deadline
    start=$(now_s); deadline=$(awk -v s="$start" -v t="$1" 'BEGIN { printf "%.0f", s + t }')
    while :; do
        n=$(pending_due)
        (( n == 0 )) && { elapsed "$start" "$(now_s)"; return 0; }
        (( $(date +%s) < deadline )) || die "$n due timers still pending after ${1}s"
        kill -0 "$APP_PID" 2>/dev/null || die "the service exited during the sweep"
        sleep 0.2
    done
}

# check_exactly_once LABEL: every timer of this run's clocks that is due has fired, once, with one escalation,
# one event and one outbox row; none fired before it was due; every appeal's event chain is linked and its head
# on the last event (the ceiling's appeals are left out of the link check: its events share the head's hash).
# Only the script's appeals are counted: the demo profile seeds a few appeals of its own at each start
check_exactly_once() {
    local label=$1 r
    r=$(qf <<SQL | tr '|' ' '
SELECT
  (SELECT count(*) FROM sla_timer WHERE fired_at IS NULL AND due_at <= now()),
  (SELECT count(*) FROM sla_timer t WHERE t.fired_at > now() - interval '1 day' AND NOT t.cancelled
       AND t.appeal_id <= $APPEALS AND NOT EXISTS (SELECT 1 FROM escalation e WHERE e.timer_id = t.id)),
  (SELECT count(*) - count(DISTINCT timer_id) FROM escalation WHERE fired_at > now() - interval '1 day'),
  (SELECT count(*) FROM sla_timer WHERE fired_at < due_at AND NOT cancelled),
  (SELECT count(*) FROM escalation WHERE fired_at > now() - interval '1 day' AND appeal_id <= $APPEALS),
  (SELECT count(*) FROM appeal_event WHERE type LIKE 'SLA\_%' AND appeal_id <= $APPEALS),
  (SELECT count(*) FROM outbox WHERE event_type = 'SlaEscalated' AND appeal_id <= $APPEALS),
  (SELECT count(*) FROM (SELECT seq, previous_hash, row_number() OVER w AS rn, lag(hash) OVER w AS before
       FROM appeal_event WHERE appeal_id < $C1_BASE OR appeal_id BETWEEN $O_BASE AND $APPEALS
       WINDOW w AS (PARTITION BY appeal_id ORDER BY seq)) x
   WHERE seq <> rn OR previous_hash <> coalesce(before, decode(repeat('00', 32), 'hex'))),
  (SELECT count(*) FROM appeal a JOIN (SELECT DISTINCT ON (appeal_id) appeal_id, seq, hash FROM appeal_event
       ORDER BY appeal_id, seq DESC) l ON l.appeal_id = a.id
   WHERE a.id <= $APPEALS AND (a.event_count <> l.seq OR a.last_event_hash <> l.hash))
SQL
)
    local pending unrecorded twice early escalations events notices broken heads
    read -r pending unrecorded twice early escalations events notices broken heads <<<"$r"
    (( pending == 0 )) || die "$label: $pending due timers never fired"
    (( unrecorded == 0 )) || die "$label: $unrecorded fired timers without an escalation"
    (( twice == 0 )) || die "$label: $twice timers fired more than once"
    (( early == 0 )) || die "$label: $early timers fired before they were due"
    (( events == escalations && notices == escalations )) \
        || die "$label: $escalations escalations but $events escalation events and $notices outbox rows"
    (( broken == 0 )) || die "$label: $broken events out of their appeal's chain"
    (( heads == 0 )) || die "$label: $heads appeals whose head is not their last event"
    log "$label: exactly once — $(thousands "$escalations") escalations, as many events and outbox rows, chains linked"
}

# scenario LABEL OPEN_COUNT HISTORY_COUNT: load, ceiling, claim cost, then the real sweeper. Sets the R_* results.
scenario() {
    local label=$1 open=$2 history=$3 wall stats
    log "=== scenario $label: $(thousands "$open") open timers, $(thousands "$history") fired in history, $(thousands "$DUE") due timers"
    reset_timers
    local t_load; t_load=$(now_s)
    if (( open > 0 )); then
        log "loading $(thousands "$open") open timers (due in 30–60 days)"
        timers_sql "$O_BASE" "$open" "$DUE_AT_FUTURE" | qf
    fi
    R_HISTORY=0
    (( history == 0 )) || load_history "$history"
    log "VACUUM ANALYZE"
    q "VACUUM ANALYZE"
    R_LOAD_S=$(elapsed "$t_load" "$(now_s)")

    R_CEIL1=$(ceiling "$label" 1 "$C1_BASE")
    R_CEIL2=$(ceiling "$label" 2 "$C2_BASE")
    R_CEIL=$(( R_CEIL1 > R_CEIL2 ? R_CEIL1 : R_CEIL2 ))
    log "scenario $label: ceiling (SQL alone, $CEIL_BATCH per transaction) $R_CEIL1 steps/s with 1 client, $R_CEIL2 with 2"

    timers_sql "$M_BASE" "$DUE" "$DUE_AT_PAST" | qf
    q "VACUUM ANALYZE sla_timer"
    log "timers loaded in ${R_LOAD_S}s; pending: $(q "SELECT count(*) FROM sla_timer WHERE fired_at IS NULL"), due: $(pending_due)"
    claim_cost "$label"
    read -r R_CLAIM_MS R_CLAIM_BUF R_SEL_MS R_SEL_BUF <"$WORK/claim-$label.result"

    # the measured due timers go in again once the service runs warm: remove them (never fired) for now
    q "DELETE FROM sla_timer WHERE clock_id < $W_BASE"
    q "VACUUM ANALYZE sla_timer"
    start_app "$SWEEP_EVERY"
    log "warm-up: $(thousands "$WARM") due timers"
    timers_sql "$W_BASE" "$WARM" "$DUE_AT_PAST" | qf
    wait_none_pending "$SWEEP_TIMEOUT" >/dev/null
    sleep 1
    log "inserting $(thousands "$DUE") due timers"
    timers_sql "$M_BASE" "$DUE" "$DUE_AT_PAST" | qf
    R_WALL_S=$(wait_none_pending "$SWEEP_TIMEOUT")
    # the sweeper's own clock: fired_at is each batch's claim time
    stats=$(q "WITH m AS (SELECT fired_at FROM escalation WHERE timer_id IN (SELECT id FROM sla_timer WHERE clock_id < $W_BASE))
               SELECT count(*), count(DISTINCT fired_at),
                      extract(epoch FROM max(fired_at) - min(fired_at)),
                      count(*) FILTER (WHERE fired_at < (SELECT max(fired_at) FROM m))
               FROM m" | tr '|' ' ')
    local fired batches span before_last
    read -r fired batches span before_last <<<"$stats"
    (( fired == DUE )) || die "scenario $label: $fired escalations recorded for $DUE due timers"
    if (( batches > 1 )) && awk -v s="$span" 'BEGIN { exit !(s > 0) }'; then
        R_RATE=$(awk -v n="$before_last" -v s="$span" 'BEGIN { printf "%.0f", n / s }')
    else                                                 # one batch: only the wall time is available
        R_RATE=$(awk -v d="$DUE" -v s="$R_WALL_S" 'BEGIN { printf "%.0f", d / s }')
    fi
    check_exactly_once "scenario $label"
    log "scenario $label: claim median ${R_CLAIM_MS} ms (${R_CLAIM_BUF} buffers), of which selecting the due timers ${R_SEL_MS} ms (${R_SEL_BUF} buffers); sweep: $batches batches, first→last batch ${span}s," \
        "${R_RATE} steps/s ($(awk -v a="$R_RATE" -v b="$R_CEIL" 'BEGIN { printf "%.2f", a / b }') × the ceiling); insert → none pending ${R_WALL_S}s"
}

ratio() { awk -v b="$1" -v a="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "n/a" }'; }
declare -A RES
keep() { local k; for k in CEIL1 CEIL2 CEIL RATE CLAIM_MS CLAIM_BUF SEL_MS SEL_BUF WALL_S LOAD_S HISTORY; do local v="R_$k"; RES[$1_$k]=${!v}; done; }

scenario A 0 0; keep A; stop_app
scenario B "$OPEN" 0; keep B; stop_app
scenario C 0 "$HISTORY"; keep C
log "generation: appeals and clocks ${appeals_s}s, timers A ${RES[A_LOAD_S]}s, B ${RES[B_LOAD_S]}s, C ${RES[C_LOAD_S]}s (with VACUUM ANALYZE)"

# --- lateness, with scenario C's history and the sweeper running: idle, then under an intake load
cat >"$WORK/intake.sql" <<SQL
BEGIN;
INSERT INTO appeal (tracking_no, channel, identity_state, title, content, appeal_type, category, urgent, status,
    handling_unit, received_at, dispatched_at, updated_at, event_count, last_event_hash)
VALUES ('L' || lpad(nextval('sla_bench_intake')::text, 12, '0'), 'WEB', 'DECLARED', 'SLA bench intake',
    'SLA bench intake load', 'HELP', 'TAX_SERVICE', false, 'DISPATCHED', 'TAX', now(), now(), now(), 1,
    sha256('received'::bytea)) RETURNING id AS appeal_id \\gset
INSERT INTO appeal_event (appeal_id, seq, type, actor, occurred_at, reason, visibility, payload, previous_hash, hash)
VALUES (:appeal_id, 1, 'RECEIVED', 'bench', now(), 'intake', 'PUBLIC', '{}', decode(repeat('00', 32), 'hex'),
    sha256('received'::bytea));
INSERT INTO outbox (appeal_id, event_type, payload) VALUES (:appeal_id, 'AppealReceived', '{}');
INSERT INTO appeal_clock (appeal_id, clock, round, rule_id, started_at, due_at)
VALUES (:appeal_id, 'HANDLE', 1, $rule_id, now(), now() + interval '30 days') RETURNING id AS clock_id \\gset
INSERT INTO sla_timer (clock_id, appeal_id, step, due_at)
VALUES (:clock_id, :appeal_id, 'WARNING', now() + interval '24 days'), (:clock_id, :appeal_id, 'OVERDUE', now() + interval '30 days');
END;
SQL
q "CREATE SEQUENCE IF NOT EXISTS sla_bench_intake"

# lateness LABEL BASE LOADED(yes/no): LAT timers due evenly over now() + 5 s … 15 s; sets LAT_* (ms) and LAT_TPS
lateness() {
    local label=$1 base=$2 loaded=$3 load_pid="" n deadline lat
    LAT_TPS=0
    if [[ $loaded == yes ]]; then
        log "lateness ($label): intake load of $LOAD_RATE tx/s from $LOAD_CLIENTS clients"
        timeout 120 "$PGBENCH" -h "$HOST" -p 5432 -U postgres -n -M prepared -c "$LOAD_CLIENTS" -j 2 -R "$LOAD_RATE" -T 25 \
            -f "$WORK/intake.sql" "$DB" >"$WORK/intake-load.txt" 2>&1 &
        load_pid=$!
        sleep 2
    fi
    log "lateness ($label): $LAT timers due evenly over now() + 5 s … 15 s"
    timers_sql "$base" "$LAT" "now() + interval '5 seconds' + i * (interval '10 seconds' / $LAT)" | qf
    deadline=$(( $(date +%s) + 15 + 60 ))                # bounded: the last one is due after 15 s
    while :; do
        n=$(q "SELECT count(*) FROM sla_timer WHERE clock_id >= $base AND clock_id < $base + $(clocks_for "$LAT") AND fired_at IS NULL")
        (( n == 0 )) && break
        (( $(date +%s) < deadline )) || die "$n lateness timers still pending 60 s after the last was due"
        kill -0 "$APP_PID" 2>/dev/null || die "the service exited during the lateness run"
        sleep 0.2
    done
    if [[ -n "$load_pid" ]]; then
        wait "$load_pid" || { cat "$WORK/intake-load.txt" >&2; die "the intake load (pgbench) failed"; }
        LAT_TPS=$(grep -oE '^tps = [0-9.]+' "$WORK/intake-load.txt" | head -1 | grep -oE '[0-9]+' | head -1)
    fi
    lat=$(q "SELECT count(*),
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 0),
                round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 0),
                round(max(ms)::numeric, 0)
             FROM (SELECT extract(epoch FROM e.fired_at - e.due_at) * 1000 AS ms
                   FROM escalation e JOIN sla_timer t ON t.id = e.timer_id
                   WHERE t.clock_id >= $base AND t.clock_id < $base + $(clocks_for "$LAT")) x" | tr '|' ' ')
    read -r LAT_N LAT_P50 LAT_P99 LAT_MAX <<<"$lat"
    (( LAT_N == LAT )) || die "$LAT_N escalations recorded for $LAT lateness timers"
    log "lateness ($label): p50 ${LAT_P50} ms, p99 ${LAT_P99} ms, max ${LAT_MAX} ms; intake load ${LAT_TPS} tx/s"
}
# "idle" means idle: the notices of scenario C's sweep (an outbox row per step, delivered to the staff notices, the
# leaders' figures and the supervision orders) are delivered first, and how long that took is reported
log "waiting for the outbox to drain (the sweep's notices)"
drain_start=$(date +%s%N)
deadline=$(( $(date +%s) + 300 ))                     # bounded
while :; do
    n=$(q "SELECT count(*) FROM outbox WHERE published_at IS NULL")
    (( n == 0 )) && break
    (( $(date +%s) < deadline )) || die "$n outbox rows still pending 300 s after scenario C's sweep"
    kill -0 "$APP_PID" 2>/dev/null || die "the service exited while the outbox drained"
    sleep 0.2
done
DRAIN_S=$(awk -v ns=$(( $(date +%s%N) - drain_start )) 'BEGIN { printf "%.1f", ns / 1e9 }')
log "outbox drained ${DRAIN_S}s after scenario C's sweep"
lateness idle "$L1_BASE" no
IDLE_P50=$LAT_P50 IDLE_P99=$LAT_P99 IDLE_MAX=$LAT_MAX
lateness loaded "$L2_BASE" yes
LOAD_P50=$LAT_P50 LOAD_P99=$LAT_P99 LOAD_MAX=$LAT_MAX LOAD_TPS=$LAT_TPS
check_exactly_once "end of run"
stop_app
log "service stopped"

# --- the Markdown rows for docs/benchmarks.md
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no-commit")
[[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] || commit="$commit (dirty)"
APP_BUILT="built $(date -r "$APP_DIR/quarkus-run.jar" '+%F %H:%M' 2>/dev/null || echo '?')"
[[ "$APP_DIR" == "$ROOT/target/quarkus-app" ]] || APP_BUILT="$APP_DIR, $APP_BUILT (not necessarily from this commit)"
row() {   # row LABEL OPEN HISTORY
    local s=$1
    echo "| $s | $(thousands "$2") | $(thousands "$3") | $(thousands "${RES[${s}_CEIL1]}") | $(thousands "${RES[${s}_CEIL2]}") | $(thousands "${RES[${s}_RATE]}") | $(ratio "${RES[${s}_RATE]}" "${RES[${s}_CEIL]}") | ${RES[${s}_CLAIM_MS]} | ${RES[${s}_CLAIM_BUF]} | ${RES[${s}_SEL_MS]} | ${RES[${s}_SEL_BUF]} | ${RES[${s}_WALL_S]} |"
}
vs_a() {
    local s=$1
    echo "| $s / A | | | $(ratio "${RES[${s}_CEIL1]}" "${RES[A_CEIL1]}") | $(ratio "${RES[${s}_CEIL2]}" "${RES[A_CEIL2]}") | $(ratio "${RES[${s}_RATE]}" "${RES[A_RATE]}") | | $(ratio "${RES[${s}_CLAIM_MS]}" "${RES[A_CLAIM_MS]}") | $(ratio "${RES[${s}_CLAIM_BUF]}" "${RES[A_CLAIM_BUF]}") | $(ratio "${RES[${s}_SEL_MS]}" "${RES[A_SEL_MS]}") | $(ratio "${RES[${s}_SEL_BUF]}" "${RES[A_SEL_BUF]}") | $(ratio "${RES[${s}_WALL_S]}" "${RES[A_WALL_S]}") |"
}
cat <<EOF

SLA sweeper, $(date +%F), commit $commit: ceiling = claim-and-fire by SQL alone (pgbench -M prepared, one set-based
statement per $CEIL_BATCH timers, $(thousands "$CEIL") due timers per run); sweep = the service's sweeper (tick
$SWEEP_EVERY, batches of 500) firing $(thousands "$DUE") due timers inserted at once, from the sweeper's batch timestamps;
claim = SlaTimerRepository's claim CTE under EXPLAIN (ANALYZE, BUFFERS), median of $CLAIM_RUNS; app $APP_BUILT;
$(nproc) cores; PostgreSQL $PG_VERSION; load average $LOAD_BEFORE before, $LOAD_AFTER after.

| scenario | open timers | fired in history | ceiling steps/s, 1 client | ceiling steps/s, 2 clients | sweep steps/s | sweep / ceiling | claim ms | claim buffers | select due ms | select due buffers | insert → none pending s |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(row A 0 0)
$(row B "$OPEN" 0)
$(row C 0 "${RES[C_HISTORY]}")
$(vs_a B)
$(vs_a C)

| lateness (fired_at − due_at), $(thousands "$LAT") timers due evenly over 10 s | fired in history | intake load tx/s | p50 ms | p99 ms | max ms |
| --- | ---: | ---: | ---: | ---: | ---: |
| idle | $(thousands "${RES[C_HISTORY]}") | 0 | $IDLE_P50 | $IDLE_P99 | $IDLE_MAX |
| under intake load ($LOAD_CLIENTS clients, $LOAD_RATE tx/s asked) | $(thousands "${RES[C_HISTORY]}") | $LOAD_TPS | $LOAD_P50 | $LOAD_P99 | $LOAD_MAX |

The outbox (scenario C's notices) drained ${DRAIN_S} s after its sweep, before the idle run.

EOF
