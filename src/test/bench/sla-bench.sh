#!/usr/bin/env bash
# SLA sweeper benchmark: what a sweep costs with OPEN timers pending in the future, against a baseline with
# none, both measured in the same run on the same database. The sweep must cost what is due, not what is
# open: the figures to report are the ratios B / A (≈ 1), not the absolute numbers (±25% on a 2-core machine).
#
#   A (baseline)  DUE due timers, no other pending timer
#   B             the same DUE due timers, plus OPEN timers pending 30–60 days in the future
#
# In each scenario:
#   claim   the sweeper's claim statement (the exact CTE of SlaTimerRepository.claimDue, prepared, LIMIT 500)
#           under EXPLAIN (ANALYZE, BUFFERS) in BEGIN … ROLLBACK, CLAIM_RUNS times after one warm-up run:
#           median execution time and shared buffers (hit + read) of the whole statement, and of its first
#           part alone, "select due" (the CTE: pending-index scan, LIMIT 500, FOR UPDATE SKIP LOCKED). The rest
#           is the update of the 500 claimed rows and their joins: a few index pages per claimed row (B-tree depth
#           grows slowly with the table, whatever is open or fired)
#   sweep   the service runs with the real sweeper (every 1 s); after a warm-up burst has fired, the DUE due
#           timers are inserted in one transaction and the script polls (every 200 ms) until none is pending.
#           "sweep s" and "steps/s" come from the sweeper's own timestamps (escalation.fired_at is the claim
#           time of each 500-timer batch): rate = timers fired before the last batch / (last − first batch
#           start), sweep s = DUE / rate. "insert → none pending" is the wall time seen by the poll (it also
#           holds the wait for the next 1 s tick and the 200 ms poll step).
# Then, with the OPEN timers still pending and the sweeper running, 2,000 timers due evenly over
# now() + 5 s … 15 s: firing latency p50 / p99 / max of escalation.fired_at − due_at (the claim time).
#
# Usage (from the repository root, after the application has been built; this script never runs Maven):
#   src/test/bench/sla-bench.sh [NAME=value ...]
#   OPEN=200000 src/test/bench/sla-bench.sh APP_DIR=/tmp/app
#
# Settings (environment variables, or NAME=value arguments, which win):
#   APP_DIR      built application (default target/quarkus-app; relative to the current directory, or else
#                to the repository root)
#   DB           database, dropped and recreated, dropped again at the end (default huiyin_sla_bench)
#   PORT         HTTP port of the service under test (default 8090)
#   OPEN         timers pending in the future in scenario B (default 1000000)
#   DUE          due timers swept in each scenario (default 10000)
#   CLAIM_RUNS   measured EXPLAIN ANALYZE runs of the claim per scenario (default 7)
#   READY_TIMEOUT  seconds to wait for /q/health/ready (default 120)
#   SWEEP_TIMEOUT  seconds to wait for a sweep to finish (default 300)
#   KEEP_DB      yes to keep the database at the end, for inspection (default no)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Redis on 127.0.0.1:6379 (the service
# starts with it); installs curl and psql (Debian packages) when missing. Loopback only; every wait is bounded.
# Prints Markdown tables to paste into docs/benchmarks.md. Exits non-zero if a sweep or the latency timers
# do not complete in time, or if a timer fires twice or not at all.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        APP_DIR=*|DB=*|PORT=*|OPEN=*|DUE=*|CLAIM_RUNS=*|READY_TIMEOUT=*|SWEEP_TIMEOUT=*|KEEP_DB=*) export "${arg?}" ;;
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
DUE=${DUE:-10000}
CLAIM_RUNS=${CLAIM_RUNS:-7}
READY_TIMEOUT=${READY_TIMEOUT:-120}
SWEEP_TIMEOUT=${SWEEP_TIMEOUT:-300}
KEEP_DB=${KEEP_DB:-no}
WARM=2000                           # warm-up burst fired before each measured sweep
LAT=2000                            # latency timers, due evenly over now() + 5 s … 15 s
CLAIM_LIMIT=500                     # the sweeper's batch (huiyin.sla.sweep-batch default)
HOST=127.0.0.1                      # loopback only
PGCONN=(-h "$HOST" -p 5432 -U postgres)


for v in PORT OPEN DUE CLAIM_RUNS READY_TIMEOUT SWEEP_TIMEOUT; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number (got ${!v})"
done
(( DUE >= 1 && CLAIM_RUNS >= 1 && READY_TIMEOUT >= 1 && SWEEP_TIMEOUT >= 1 )) \
    || die "DUE, CLAIM_RUNS, READY_TIMEOUT and SWEEP_TIMEOUT must be at least 1"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "DB must be a plain lower-case identifier (got $DB)"
[[ "$DB" != postgres && "$DB" != template0 && "$DB" != template1 ]] || die "refusing to drop database $DB"
[[ "$DB" != huiyin && "$DB" != huiyin_dev && "$DB" != huiyin_test ]] || die "refusing to drop database $DB (use a bench database)"
[[ -f "$APP_DIR/quarkus-run.jar" ]] || die "no $APP_DIR/quarkus-run.jar: build the application first (or set APP_DIR)"

# --- tools: install from Debian packages only when missing (apt-get update at most once)
command -v curl >/dev/null || apt_install curl
command -v psql >/dev/null || apt_install postgresql-client
PG_VERSION=$(psql "${PGCONN[@]}" -d postgres -XAtc "SHOW server_version" | cut -d' ' -f1) \
    || die "cannot reach PostgreSQL at $HOST:5432 as postgres"

# --- the claim statement, exactly as SlaTimerRepository.claimDue sends it ($1 now, $2 the batch size)
CLAIM_SQL='WITH due AS (
    SELECT id FROM sla_timer WHERE fired_at IS NULL AND due_at <= $1
    ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
UPDATE sla_timer t SET fired_at = $1
FROM due, appeal_clock c, appeal a
WHERE t.id = due.id AND c.id = t.clock_id AND a.id = t.appeal_id
RETURNING t.id, t.appeal_id, c.clock, t.step, t.due_at, a.handling_unit'
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
    rm -rf "$WORK"
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
# (WARNING, OVERDUE, SUPERVISION). Ranges of clocks: M the measured due timers, W the warm-up burst,
# L the latency timers, O the open timers.
clocks_for() { echo $(( ($1 + 2) / 3 )); }
M_BASE=1
W_BASE=$(( M_BASE + $(clocks_for "$DUE") ))
L_BASE=$(( W_BASE + $(clocks_for "$WARM") ))
O_BASE=$(( L_BASE + $(clocks_for "$LAT") ))
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

# claim_cost LABEL: EXPLAIN (ANALYZE, BUFFERS) of the claim, one warm-up and CLAIM_RUNS measured runs, each in
# BEGIN … ROLLBACK. Writes the medians "ms buffers select_ms select_buffers" to $WORK/claim-LABEL.result:
# the whole statement (top node), and the selection of the due timers alone (the CTE's Limit node).
# Buffers are shared hit + read.
claim_cost() {
    local label=$1 sql="$WORK/claim-$1.sql" out="$WORK/claim-$1.txt"
    {
        # the service sends the claim with bound parameters and no client-side statement cache
        # (quarkus.datasource.reactive.cache-prepared-statements defaults to false): a custom plan every time
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
    log "claim ($label) plan of the last run:"
    awk '/^Update on sla_timer/ { n++ } n == '"$(( CLAIM_RUNS + 1 ))"'' "$out" | sed 's/^/    /' >&2
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

# scenario LABEL OPEN_COUNT: load, claim cost, then the real sweeper. Sets the R_* results.
scenario() {
    local label=$1 open=$2 t0 wall stats
    log "=== scenario $label: $(thousands "$open") open timers, $(thousands "$DUE") due timers"
    reset_timers
    local t_load; t_load=$(now_s)
    if (( open > 0 )); then
        log "loading $(thousands "$open") open timers (due in 30–60 days)"
        timers_sql "$O_BASE" "$open" "$DUE_AT_FUTURE" | qf
    fi
    timers_sql "$M_BASE" "$DUE" "$DUE_AT_PAST" | qf
    log "VACUUM ANALYZE"
    q "VACUUM ANALYZE"
    R_LOAD_S=$(elapsed "$t_load" "$(now_s)")
    log "timers loaded and vacuumed in ${R_LOAD_S}s; pending: $(q "SELECT count(*) FROM sla_timer WHERE fired_at IS NULL"), due: $(pending_due)"

    claim_cost "$label"
    read -r R_CLAIM_MS R_CLAIM_BUF R_SEL_MS R_SEL_BUF <"$WORK/claim-$label.result"

    # the measured due timers go in again once the service runs warm: remove them (never fired) for now
    q "DELETE FROM sla_timer WHERE clock_id < $W_BASE"
    q "VACUUM ANALYZE sla_timer"
    start_app 1s
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
        R_SWEEP_S=$(awk -v d="$DUE" -v r="$R_RATE" 'BEGIN { printf "%.2f", d / r }')
    else                                                 # one batch: only the wall time is available
        R_SWEEP_S=$R_WALL_S
        R_RATE=$(awk -v d="$DUE" -v s="$R_WALL_S" 'BEGIN { printf "%.0f", d / s }')
    fi
    log "scenario $label: claim median ${R_CLAIM_MS} ms (${R_CLAIM_BUF} buffers), of which selecting the due timers ${R_SEL_MS} ms (${R_SEL_BUF} buffers); sweep: $batches batches, first→last batch ${span}s," \
        "${R_RATE} steps/s, ${R_SWEEP_S}s; insert → none pending ${R_WALL_S}s"
}

scenario A 0
A_CLAIM=$R_CLAIM_MS A_BUF=$R_CLAIM_BUF A_SEL=$R_SEL_MS A_SELBUF=$R_SEL_BUF A_SWEEP=$R_SWEEP_S A_RATE=$R_RATE A_WALL=$R_WALL_S A_LOAD=$R_LOAD_S
stop_app

scenario B "$OPEN"
B_CLAIM=$R_CLAIM_MS B_BUF=$R_CLAIM_BUF B_SEL=$R_SEL_MS B_SELBUF=$R_SEL_BUF B_SWEEP=$R_SWEEP_S B_RATE=$R_RATE B_WALL=$R_WALL_S B_LOAD=$R_LOAD_S
log "generation: appeals and clocks ${appeals_s}s, scenario A timers ${A_LOAD}s, scenario B timers ${B_LOAD}s (with VACUUM ANALYZE)"

# --- 5. firing latency, with the OPEN timers pending and the sweeper still running
log "latency: $LAT timers due evenly over now() + 5 s … 15 s, $(thousands "$OPEN") open timers pending"
timers_sql "$L_BASE" "$LAT" "now() + interval '5 seconds' + i * (interval '10 seconds' / $LAT)" | qf
deadline=$(( $(date +%s) + 15 + 60 ))                   # bounded: the last one is due after 15 s
while :; do
    n=$(q "SELECT count(*) FROM sla_timer WHERE clock_id >= $L_BASE AND clock_id < $O_BASE AND fired_at IS NULL")
    (( n == 0 )) && break
    (( $(date +%s) < deadline )) || die "$n latency timers still pending 60 s after the last was due"
    kill -0 "$APP_PID" 2>/dev/null || die "the service exited during the latency run"
    sleep 0.2
done
lat=$(q "SELECT count(*),
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 0),
            round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 0),
            round(max(ms)::numeric, 0), round(min(ms)::numeric, 0)
         FROM (SELECT extract(epoch FROM e.fired_at - e.due_at) * 1000 AS ms
               FROM escalation e JOIN sla_timer t ON t.id = e.timer_id
               WHERE t.clock_id >= $L_BASE AND t.clock_id < $O_BASE) x" | tr '|' ' ')
read -r LAT_N LAT_P50 LAT_P99 LAT_MAX LAT_MIN <<<"$lat"
(( LAT_N == LAT )) || die "$LAT_N escalations recorded for $LAT latency timers"
log "latency: $LAT_N fired, min ${LAT_MIN} ms, p50 ${LAT_P50} ms, p99 ${LAT_P99} ms, max ${LAT_MAX} ms"
still_open=$(q "SELECT count(*) FROM sla_timer WHERE clock_id >= $O_BASE AND fired_at IS NOT NULL")
(( still_open == 0 )) || die "$still_open open (future) timers fired"
twice=$(q "SELECT count(*) FROM (SELECT timer_id FROM escalation GROUP BY timer_id HAVING count(*) > 1) x")
(( twice == 0 )) || die "$twice timers fired more than once"
stop_app
log "service stopped"

# --- 6. the Markdown rows for docs/benchmarks.md
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no-commit")
[[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] || commit="$commit (dirty)"
APP_BUILT="built $(date -r "$APP_DIR/quarkus-run.jar" '+%F %H:%M' 2>/dev/null || echo '?')"
[[ "$APP_DIR" == "$ROOT/target/quarkus-app" ]] || APP_BUILT="$APP_DIR, $APP_BUILT (not necessarily from this commit)"
ratio() { awk -v b="$1" -v a="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "n/a" }'; }
cat <<EOF

SLA sweeper, $(date +%F), commit $commit: claim = SlaTimerRepository's claim CTE (prepared, LIMIT $CLAIM_LIMIT) under
EXPLAIN (ANALYZE, BUFFERS), median of $CLAIM_RUNS runs in BEGIN … ROLLBACK; sweep = the service's sweeper (every 1 s,
batches of 500) firing $(thousands "$DUE") due timers inserted at once, from the sweeper's batch timestamps;
app $APP_BUILT; $(nproc) cores; PostgreSQL $PG_VERSION; load average $LOAD_BEFORE before, $LOAD_AFTER after.

| scenario | open timers | due timers | claim ms (median) | claim buffers | of which select due ms | select due buffers | sweep s | steps/s | insert → none pending s |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| A (baseline) | 0 | $(thousands "$DUE") | $A_CLAIM | $A_BUF | $A_SEL | $A_SELBUF | $A_SWEEP | $(thousands "$A_RATE") | $A_WALL |
| B | $(thousands "$OPEN") | $(thousands "$DUE") | $B_CLAIM | $B_BUF | $B_SEL | $B_SELBUF | $B_SWEEP | $(thousands "$B_RATE") | $B_WALL |
| B / A | | | $(ratio "$B_CLAIM" "$A_CLAIM") | $(ratio "$B_BUF" "$A_BUF") | $(ratio "$B_SEL" "$A_SEL") | $(ratio "$B_SELBUF" "$A_SELBUF") | $(ratio "$B_SWEEP" "$A_SWEEP") | $(ratio "$B_RATE" "$A_RATE") | $(ratio "$B_WALL" "$A_WALL") |

| firing latency (fired_at − due_at) | open timers | timers | p50 ms | p99 ms | max ms |
| --- | ---: | ---: | ---: | ---: | ---: |
| due evenly over 10 s, sweep every 1 s | $(thousands "$OPEN") | $(thousands "$LAT") | $LAT_P50 | $LAT_P99 | $LAT_MAX |

EOF
