#!/usr/bin/env bash
# Outbox relay benchmark: does delivery keep pace with intake? Web appeals are posted at a fixed RATE (an open loop:
# OutboxBench.java sends on a clock, whatever the answers take) for DURATION against 1 and then 2 replicas on one
# database, in turn over CATEGORIES (each placed in its unit at intake). Every appeal writes an AppealReceived outbox
# row; the relay hands each lease's rows to AssignAfterIntake in one call, which gives the appeals their first
# commissioners in batches (one transaction at a time per replica, one lock per unit). The script samples the pending
# outbox rows every second (printed every 5 s) and, once they are drained, reads from the database each row's publish
# lag (created_at → published_at) and each appeal's time to assignment (received_at → assigned_at). The goal: pending rows bounded, publish lag p99 ≤ 2 s, assignment p99 ≤ 2 s.
#
# Baselines from the same run: the same load against BASE_APP_DIR when given (an earlier build, e.g. the relay before
# a change), and the ceiling of the relay's SQL alone — the same rows claimed and marked done in batches with the
# relay's statements, one commit each, in one session, no handler — so the intake rate reads as a share of it.
#
# Usage (from the repository root, after the application has been built; this script never runs Maven):
#   src/test/bench/outbox-bench.sh [NAME=value ...]
#   RATE=600 DURATION=30s REPLICAS="1 2" src/test/bench/outbox-bench.sh
#
# Settings (environment variables, or NAME=value arguments, which win):
#   APP_DIR      built application (default target/quarkus-app; relative to the current directory, or else to the
#                repository root)
#   BASE_APP_DIR an earlier build to measure under the same load first (default none)
#   RATE         appeals posted per second (default 400)
#   DURATION     measured load, e.g. 30s or 1m (default 30s)
#   WARMUP       load at the same rate before measuring, then drained (default 10s)
#   REPLICAS     replica counts to measure, in order (default "1 2"; "" for the backlog alone)
#   CATEGORIES   dispatch categories the appeals rotate over, comma-separated (default ten categories of ten units;
#                CATEGORIES=TAX_SERVICE puts every appeal in one unit)
#   DRAIN_TIMEOUT  seconds to wait after the load for the pending rows to drain (default 90)
#   BACKLOG      appeals left pending by a replica whose relay is off, then drained by one replica of each build
#                with nothing else running: the relay's own rate, rows/s (default 0: skipped)
#   PORT         HTTP port of the first replica; the second uses PORT+1 (default 8093)
#   DB           database, dropped and recreated for every measurement, dropped at the end (default huiyin_outbox_bench)
#   KEEP_DB      yes to keep the database at the end, for inspection (default no)
#   READY_TIMEOUT  seconds to wait for /q/health/ready (default 120)
#   EXTRA_JAVA_OPTS  more -D options for APP_DIR's replicas, split on spaces (default none; for experiments only)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), Redis on 127.0.0.1:6379 and Java 17; installs
# curl and psql (Debian packages) when missing. Loopback only; every wait is bounded. Prints a Markdown table to
# paste into docs/benchmarks.md. Exits non-zero if more than 0.1 % of the requests are not 202, if fewer appeals
# are stored than were acknowledged, or if APP_DIR leaves pending rows or unassigned dispatched appeals behind.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        APP_DIR=*|BASE_APP_DIR=*|RATE=*|DURATION=*|WARMUP=*|REPLICAS=*|BACKLOG=*|CATEGORIES=*|DRAIN_TIMEOUT=*|PORT=*|DB=*|KEEP_DB=*|READY_TIMEOUT=*|EXTRA_JAVA_OPTS=*)
            export "${arg?}" ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
absolute() {   # relative: to the current directory if it is there, else to the repository root
    if [[ "$1" == /* ]]; then echo "$1"; elif [[ -d "$1" ]]; then (cd "$1" && pwd); else echo "$ROOT/$1"; fi
}
APP_DIR=$(absolute "${APP_DIR:-target/quarkus-app}")
BASE_APP_DIR=${BASE_APP_DIR:-}
[[ -z "$BASE_APP_DIR" ]] || BASE_APP_DIR=$(absolute "$BASE_APP_DIR")
RATE=${RATE:-400}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
REPLICAS=${REPLICAS-1 2}
CATEGORIES=${CATEGORIES:-TAX_SERVICE,BIZ_REG,PROPERTY_REG,LABOR,CONSTRUCTION,FINANCING,GOV_SERVICE,POWER,WATER,CITY_MGMT}
[[ "$CATEGORIES" =~ ^[A-Z_]+(,[A-Z_]+)*$ ]] || die "CATEGORIES must be category codes separated by commas (got $CATEGORIES)"
NCAT=$(tr ',' '\n' <<<"$CATEGORIES" | sort -u | wc -l)
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-90}
BACKLOG=${BACKLOG:-0}
[[ "$BACKLOG" =~ ^[0-9]+$ ]] || die "BACKLOG must be a number"
PORT=${PORT:-8093}
DB=${DB:-huiyin_outbox_bench}
KEEP_DB=${KEEP_DB:-no}
READY_TIMEOUT=${READY_TIMEOUT:-120}
read -r -a EXTRA_OPTS <<<"${EXTRA_JAVA_OPTS:-}"
HOST=127.0.0.1
PGCONN=(-h "$HOST" -p 5432 -U postgres)

seconds() { case "$1" in *[0-9]s) echo "${1%s}" ;; *[0-9]m) echo $(( ${1%m} * 60 )) ;; *) echo "$1" ;; esac; }
DUR_S=$(seconds "$DURATION"); WARM_S=$(seconds "$WARMUP")
[[ "$DUR_S" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be like 30s, 1m or 30 (got $DURATION)"
[[ "$WARM_S" =~ ^[0-9]+$ ]] || die "WARMUP must be like 5s or 0 (got $WARMUP)"
[[ "$RATE" =~ ^[1-9][0-9]*$ ]] || die "RATE must be a positive integer"
[[ "$DRAIN_TIMEOUT" =~ ^[1-9][0-9]*$ && "$PORT" =~ ^[0-9]+$ ]] || die "DRAIN_TIMEOUT and PORT must be numbers"
for r in $REPLICAS; do [[ "$r" == 1 || "$r" == 2 ]] || die "REPLICAS takes 1 and/or 2 (got $REPLICAS)"; done
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "DB must be a plain lower-case identifier (got $DB)"
[[ "$DB" != postgres && "$DB" != template0 && "$DB" != template1 ]] || die "refusing to drop database $DB"
for d in "$APP_DIR" ${BASE_APP_DIR:+"$BASE_APP_DIR"}; do
    [[ -f "$d/quarkus-run.jar" ]] || die "no $d/quarkus-run.jar: build the application first (or set APP_DIR)"
done
command -v curl >/dev/null || apt_install curl
command -v psql >/dev/null || apt_install postgresql-client
command -v java >/dev/null || die "java (17) is needed"
PG_MAJOR=$(psql "${PGCONN[@]}" -d postgres -XAtc "SELECT current_setting('server_version_num')::int / 10000") \
    || die "cannot reach PostgreSQL at $HOST:5432 as postgres"

WORK=$(mktemp -d /tmp/outbox-bench.XXXXXX)
PIDS=()
stop_replicas() {
    local p
    for p in ${PIDS[@]+"${PIDS[@]}"}; do APP_PID=$p; stop_app; done
    PIDS=()
}
SAMPLER=""
cleanup() {
    local rc=$?
    [[ -z "$SAMPLER" ]] || kill "$SAMPLER" 2>/dev/null || true
    stop_replicas
    (( rc == 0 )) || show_app_log
    [[ $KEEP_DB == yes ]] || timeout 60 psql "${PGCONN[@]}" -d postgres -Xq -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
        >/dev/null 2>&1 || log "WARNING: could not drop database $DB"
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

q() { psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
pending() { q "SELECT count(*) FROM outbox WHERE published_at IS NULL"; }

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" 'BEGIN { exit !(l > 1.0) }'; then
    log "WARNING: load average is $load before the run; other work will skew the figures"
fi

# start_replica APP_DIR INDEX [extra -D ...]: the first replica migrates and seeds; each log goes to $WORK/app.log too
start_replica() {
    local dir=$1 i=$2 port=$(( PORT + $2 )); shift 2
    if (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then die "port $port is already in use"; fi
    java -Dquarkus.profile=demo -Dquarkus.http.host="$HOST" -Dquarkus.http.port="$port" \
        -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$HOST:5432/$DB" \
        -Dquarkus.datasource.reactive.url="postgresql://$HOST:5432/$DB" \
        -Dhuiyin.redis.key-prefix=huiyin-outbox-bench: -Dquarkus.log.level=WARN "$@" \
        -jar "$dir/quarkus-run.jar" >"$WORK/app-$i.log" 2>&1 &
    PIDS+=($!)
    local pid=$! code
    for _ in $(seq 1 $(( READY_TIMEOUT * 2 ))); do
        kill -0 "$pid" 2>/dev/null || { cp "$WORK/app-$i.log" "$WORK/app.log"; die "replica $i exited during start-up"; }
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$HOST:$port/q/health/ready" || true)
        if [[ "$code" == 200 ]]; then log "replica $i ready on port $port (pid $pid)"; return 0; fi
        sleep 0.5
    done
    cp "$WORK/app-$i.log" "$WORK/app.log"; die "replica $i not ready after ${READY_TIMEOUT}s"
}

# run_load SECONDS OUTFILE REPLICA_COUNT: bounded by timeout(1)
run_load() {
    local urls=() i
    for (( i = 0; i < $3; i++ )); do urls+=("http://$HOST:$(( PORT + i ))"); done
    timeout $(( $1 + 60 )) java -Xmx256m "$ROOT/src/test/bench/OutboxBench.java" load "$RATE" "$1" "$2" "$CATEGORIES" "${urls[@]}" \
        || die "the load generator failed"
}
field() { sed -n "/^BENCH /s/.* $1=\([^ ]*\).*/\1/p" "$2"; }

# wait_drained SECONDS -> seconds it took (or "-" when rows are still pending)
wait_drained() {
    local t0 n
    t0=$(date +%s.%N)
    for _ in $(seq 1 $(( $1 * 4 ))); do
        n=$(pending)
        if (( n == 0 )); then awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; return 0; fi
        sleep 0.25
    done
    echo "-"
}

ROWS=()
SERIES=()
FAILURES=()
WINDOW_START=0
# measure LABEL APP_DIR REPLICA_COUNT MUST_DRAIN extra -D...
measure() {
    local label=$1 dir=$2 n=$3 must=$4 i; shift 4
    log "== $label, $n replica(s), $RATE appeals/s for ${DUR_S}s"
    psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
    psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"
    for (( i = 0; i < n; i++ )); do start_replica "$dir" "$i" "$@"; done
    if (( WARM_S > 0 )); then
        run_load "$WARM_S" "$WORK/warmup.txt" "$n"
        log "warm-up: $(head -n 1 "$WORK/warmup.txt" | sed 's/^BENCH //'); drained after $(wait_drained "$DRAIN_TIMEOUT") s"
    fi
    local start_outbox start_appeal t0
    start_outbox=$(q "SELECT coalesce(max(id), 0) FROM outbox"); start_appeal=$(q "SELECT coalesce(max(id), 0) FROM appeal")
    t0=$(q "SELECT now()")
    WINDOW_START=$start_outbox
    q "CHECKPOINT" >/dev/null
    ( while :; do echo "$(date +%s) $(pending)"; sleep 1; done ) >"$WORK/pending.txt" 2>/dev/null &
    SAMPLER=$!
    run_load "$DUR_S" "$WORK/load.txt" "$n"
    local t1; t1=$(q "SELECT now()")
    local drained; drained=$(wait_drained "$DRAIN_TIMEOUT")
    kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
    sed 's/^BENCH /  load: /' "$WORK/load.txt" >&2

    local sent accepted non202 errors skipped p99http pending_max pending_end stored lag assign
    sent=$(field sent "$WORK/load.txt"); accepted=$(field accepted "$WORK/load.txt")
    non202=$(field non202 "$WORK/load.txt"); errors=$(field errors "$WORK/load.txt"); skipped=$(field skipped "$WORK/load.txt")
    p99http=$(field p99_ms "$WORK/load.txt")
    pending_max=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$WORK/pending.txt")
    pending_end=$(pending)
    stored=$(q "SELECT count(*) FROM appeal WHERE id > $start_appeal AND received_at >= '$t0' AND channel = 'WEB'")
    # publish lag of the window's rows (a row still pending counts until now: a lower bound)
    lag=$(q "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY l)::numeric, 2) || ' ' ||
                    round(percentile_cont(0.99) WITHIN GROUP (ORDER BY l)::numeric, 2) || ' ' || round(max(l)::numeric, 2)
             FROM (SELECT extract(epoch FROM coalesce(published_at, clock_timestamp()) - created_at) AS l
                   FROM outbox WHERE id > $start_outbox) w")
    assign=$(q "SELECT coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY l)::numeric, 2)::text, '-') || ' ' ||
                       coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY l)::numeric, 2)::text, '-') || ' ' ||
                       count(*) FILTER (WHERE unassigned)
                FROM (SELECT extract(epoch FROM coalesce(assigned_at, clock_timestamp()) - received_at) AS l,
                             assigned_at IS NULL AS unassigned
                      FROM appeal WHERE id > $start_appeal AND received_at >= '$t0' AND channel = 'WEB'
                            AND dispatched_at IS NOT NULL) w")
    # the same from the intake transaction (its outbox row's created_at) to the assignment: the relay's and
    # assignment's share, without intake's own wait before its commit
    local after
    after=$(q "SELECT coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY l)::numeric, 2)::text, '-') || ' ' ||
                      coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY l)::numeric, 2)::text, '-')
               FROM (SELECT extract(epoch FROM coalesce(a.assigned_at, clock_timestamp()) - o.created_at) AS l
                     FROM appeal a JOIN outbox o ON o.appeal_id = a.id AND o.event_type = 'AppealReceived'
                     WHERE a.id > $start_appeal AND a.received_at >= '$t0' AND a.channel = 'WEB'
                           AND a.dispatched_at IS NOT NULL) w")
    read -r lag50 lag99 lagmax <<<"$lag"; read -r as50 as99 unassigned <<<"$assign"; read -r ac50 ac99 <<<"$after"
    local relayed; relayed=$(q "SELECT round(count(*) / extract(epoch FROM '$t1'::timestamptz - '$t0'::timestamptz))
                                FROM outbox WHERE published_at BETWEEN '$t0' AND '$t1'")
    log "relayed $relayed rows/s during the load; pending max $pending_max, at the end $pending_end; drained ${drained} s after the load; publish lag p50 $lag50 s," \
        "p99 $lag99 s, max $lagmax s; assignment p50 $as50 s, p99 $as99 s, after the intake commit p50 $ac50 s, p99 $ac99 s" \
        "($unassigned dispatched appeals unassigned)"
    stop_replicas

    local answered=$(( accepted + non202 + errors ))
    if (( answered > 0 )) && awk -v b="$(( non202 + errors ))" -v t="$answered" 'BEGIN { exit !(b * 1000 > t) }'; then
        grep '^BENCH_SAMPLE' "$WORK/load.txt" >&2 || true
        FAILURES+=("$label, $n replica(s): more than 0.1 % of the requests were not 202 ($(( non202 + errors )) of $answered)")
    fi
    (( stored >= accepted )) || FAILURES+=("$label, $n replica(s): $stored appeals stored for $accepted acknowledged")
    if [[ $must == yes ]]; then
        (( pending_end == 0 )) || FAILURES+=("$label, $n replica(s): $pending_end outbox rows still pending ${DRAIN_TIMEOUT}s after the load")
        (( unassigned == 0 )) || FAILURES+=("$label, $n replica(s): $unassigned dispatched appeals never assigned")
    fi
    (( skipped == 0 )) || log "WARNING: $skipped sends skipped (more than 256 requests outstanding): intake fell behind RATE"
    local rate; rate=$(awk -v a="$accepted" -v d="$(field duration_s "$WORK/load.txt")" 'BEGIN { printf "%.0f", a / d }')
    ROWS+=("| $label | $n | $rate | $p99http | $relayed | $pending_max | $pending_end | $drained | $lag50 | $lag99 | $lagmax | $as50 | $as99 | $ac50 | $ac99 |")
    # pending rows over time: the first sample of every 5 s (a sample can take longer than its second on a busy
    # machine), from the start of the load until drained
    SERIES+=("| $label | $n | $(awk 'NR == 1 { t = $1 } $1 >= t { printf "%s%d", sep, $2; sep = " "; while ($1 >= t) t += 5 }' \
        "$WORK/pending.txt") |")
}

if [[ -n "$BASE_APP_DIR" ]]; then
    for n in $REPLICAS; do measure "baseline ($(basename "$BASE_APP_DIR"))" "$BASE_APP_DIR" "$n" no; done
fi
for n in $REPLICAS; do measure "relay" "$APP_DIR" "$n" yes ${EXTRA_OPTS[@]+"${EXTRA_OPTS[@]}"}; done

# --- backlog: BACKLOG appeals stored with the relay off, then one replica of each build drains the same copy
DRAINS=()
if (( BACKLOG > 0 )); then
    log "== backlog: $BACKLOG appeals with the relay off"
    psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS ${DB}_backlog WITH (FORCE)"
    psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE ${DB}_backlog"
    main_db=$DB; DB=${DB}_backlog
    # by the earlier build when there is one: its schema is the older one, which the later build migrates on
    start_replica "${BASE_APP_DIR:-$APP_DIR}" 0 -Dhuiyin.outbox.poll-every=off
    run_load $(( (BACKLOG + RATE - 1) / RATE )) "$WORK/backlog.txt" 1
    stop_replicas
    log "backlog: $(pending) rows pending ($(head -n 1 "$WORK/backlog.txt" | sed 's/^BENCH //'))"
    DB=$main_db
    for dir in ${BASE_APP_DIR:+"$BASE_APP_DIR"} "$APP_DIR"; do
        psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
        psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB TEMPLATE ${DB}_backlog"
        rows=$(pending)
        extra=(); [[ $dir != "$APP_DIR" ]] || extra=(${EXTRA_OPTS[@]+"${EXTRA_OPTS[@]}"})
        start_replica "$dir" 0 ${extra[@]+"${extra[@]}"}
        took=$(wait_drained "$DRAIN_TIMEOUT")
        left=$(pending)
        stop_replicas
        done_rows=$(( rows - left ))
        # nothing was published before this replica started: the rate over the span of its publications
        drain_rate=$(q "SELECT round(count(*) / greatest(extract(epoch FROM max(published_at) - min(published_at)), 0.001))
                        FROM outbox WHERE published_at IS NOT NULL")
        log "$(basename "$dir"): $done_rows of $rows rows delivered, $drain_rate rows/s (drained after ${took} s)"
        DRAINS+=("| $(basename "$dir") | $rows | $done_rows | $drain_rate |")
        [[ $dir != "$APP_DIR" ]] || (( left == 0 )) || FAILURES+=("backlog: $left rows still pending after ${DRAIN_TIMEOUT}s")
    done
    psql "${PGCONN[@]}" -d postgres -Xq -c "DROP DATABASE IF EXISTS ${DB}_backlog WITH (FORCE)" >/dev/null 2>&1 || true
    WINDOW_START=0
fi

# --- ceiling: the relay's SQL alone on the last window's rows (service stopped): lease 100 oldest due rows with
# SKIP LOCKED, mark them done in one statement, commit; repeat until none is due
rows=$(q "UPDATE outbox SET published_at = NULL, next_attempt_at = NULL, last_error = NULL WHERE id > $WINDOW_START RETURNING 1" | wc -l)
q "VACUUM ANALYZE outbox" >/dev/null
q "CHECKPOINT" >/dev/null
ceiling=$(psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 <<'SQL' 2>&1 | sed -n 's/.*CEILING \([0-9.]*\).*/\1/p'
DO $$
DECLARE ids bigint[]; n bigint := 0; t0 timestamptz := clock_timestamp();
BEGIN
    LOOP
        WITH leased AS (
            UPDATE outbox o SET next_attempt_at = clock_timestamp() + interval '60 s'
            WHERE o.id IN (SELECT id FROM outbox WHERE published_at IS NULL
                           AND (next_attempt_at IS NULL OR next_attempt_at <= clock_timestamp())
                           ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
            RETURNING o.id)
        SELECT array_agg(id) INTO ids FROM leased;
        COMMIT;
        EXIT WHEN ids IS NULL;
        UPDATE outbox SET published_at = now(), last_error = NULL WHERE id = ANY(ids);
        COMMIT;
        n := n + cardinality(ids);
    END LOOP;
    RAISE NOTICE 'CEILING %', round(n / extract(epoch FROM clock_timestamp() - t0));
END $$;
SQL
)
[[ -n "$ceiling" ]] || die "could not measure the SQL claim-and-mark ceiling"
log "SQL claim-and-mark ceiling: $ceiling rows/s over $rows rows"
ratio=$(awk -v a="$RATE" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no-commit")
[[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] || commit="$commit (dirty)"
(( ${#ROWS[@]} == 0 )) || cat <<EOF

Outbox relay under open-loop web intake, $(date +%F), commit $commit: $RATE appeals/s posted for ${DUR_S}s after ${WARM_S}s
warm-up over $NCAT categories ($CATEGORIES), every one an AppealReceived row assigned by AssignAfterIntake; $(nproc) cores;
PostgreSQL $PG_MAJOR. "relayed" = rows marked done per second while the load ran; "drained" = seconds after the load
until no row was pending; lag and assignment in seconds, assignment from the appeal's receipt and from its intake
transaction ("after commit").
SQL claim-and-mark ceiling (the relay's lease and mark-done statements, 100 rows a commit, no handler): $ceiling rows/s,
so the intake rate is $ratio× of it.

| build | replicas | intake appeals/s | intake p99 ms | relayed rows/s | pending max | pending at end | drained s | publish lag p50 | p99 | max | assignment p50 | p99 | after commit p50 | p99 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${ROWS[@]}")

Pending outbox rows every 5 s from the start of the load until drained:

| build | replicas | pending |
| --- | ---: | --- |
$(printf '%s\n' "${SERIES[@]}")

EOF
if (( ${#DRAINS[@]} > 0 )); then
    cat <<EOF
A backlog of $BACKLOG appeals stored with the relay off, drained by one replica of each build with no intake running
(rows/s = delivered rows over the span of their published_at):

| build | pending | delivered | rows/s |
| --- | ---: | ---: | ---: |
$(printf '%s\n' "${DRAINS[@]}")

EOF
fi
if (( ${#FAILURES[@]} > 0 )); then
    for f in "${FAILURES[@]}"; do log "FAILED: $f"; done
    exit 1
fi
