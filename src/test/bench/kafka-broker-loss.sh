#!/usr/bin/env bash
# Kafka with a broker lost: three KRaft brokers (Apache Kafka from Maven Central, as the Kafka test uses) on
# loopback, the intake topic with replication factor 3 and min.insync.replicas=2, two service replicas with
# QUARKUS_PROFILE=kafka consuming it as one group (huiyin-intake). Web appeals are sent under load to both
# replicas; part-way through, the broker that leads the most intake partitions is killed (kill -9). Then the
# run is reconciled against the database: every appeal answered 202 must be stored, exactly once.
#
# Usage (from the repository root, after the application has been built; this script runs Maven only to
# fetch the broker's jars, once, when KAFKA_LIB has none):
#   src/test/bench/kafka-broker-loss.sh [NAME=value ...]
#   APP_DIR=/tmp/my-app DURATION=40 src/test/bench/kafka-broker-loss.sh
#
# Settings (environment variables, or NAME=value arguments, which win):
#   APP_DIR        built application (default target/quarkus-app)
#   KAFKA_LIB      the broker's jars (default target/kafka-broker/lib, filled from src/test/kafka/pom.xml)
#   DURATION       seconds of load (default 40)
#   KILL_AFTER     seconds into the load when the leader is killed (default 15)
#   CLIENTS        closed-loop clients, each one appeal at a time, retrying with the same key (default 16)
#   PARTITIONS     partitions of appeal-intake (default 6)
#   HTTP_PORTS     the two replicas' ports (default "18801 18802")
#   KAFKA_PORT     first of six loopback ports: three broker listeners, then three controllers (default 19092)
#   DB             database, dropped and recreated (default huiyin_bench_kafka)
#   SETTLE_TIMEOUT seconds to wait for every acknowledged appeal to be stored after the load (default 120)
#   READY_TIMEOUT  seconds to wait for each replica's /q/health/ready (default 180)
#
# Needs java 17, PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Redis on 127.0.0.1:6379.
# Prints the figures; exits non-zero, saying why, if an acknowledged appeal is missing or stored twice, if
# nothing was acknowledged, or if no broker was killed.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        APP_DIR=*|KAFKA_LIB=*|DURATION=*|KILL_AFTER=*|CLIENTS=*|PARTITIONS=*|HTTP_PORTS=*|KAFKA_PORT=*|DB=*|SETTLE_TIMEOUT=*|READY_TIMEOUT=*)
            export "${arg?}" ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
APP_DIR=${APP_DIR:-target/quarkus-app}
if [[ "$APP_DIR" != /* ]]; then
    if [[ -d "$APP_DIR" ]]; then APP_DIR=$(cd "$APP_DIR" && pwd); else APP_DIR=$ROOT/$APP_DIR; fi
fi
KAFKA_LIB=${KAFKA_LIB:-$ROOT/target/kafka-broker/lib}
DURATION=${DURATION:-40}
KILL_AFTER=${KILL_AFTER:-15}
CLIENTS=${CLIENTS:-16}
PARTITIONS=${PARTITIONS:-6}
read -r -a PORTS <<<"${HTTP_PORTS:-18801 18802}"
KAFKA_PORT=${KAFKA_PORT:-19092}
DB=${DB:-huiyin_bench_kafka}
SETTLE_TIMEOUT=${SETTLE_TIMEOUT:-120}
READY_TIMEOUT=${READY_TIMEOUT:-180}
HOST=127.0.0.1
PGCONN=(-h "$HOST" -p 5432 -U postgres)
TOPIC=appeal-intake

for n in "$DURATION" "$KILL_AFTER" "$CLIENTS" "$PARTITIONS" "$KAFKA_PORT" "$SETTLE_TIMEOUT" "$READY_TIMEOUT"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "numeric settings must be positive integers (got $n)"
done
(( KILL_AFTER < DURATION )) || die "KILL_AFTER ($KILL_AFTER) must be less than DURATION ($DURATION)"
(( ${#PORTS[@]} == 2 )) || die "HTTP_PORTS must name two ports"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ && "$DB" != postgres ]] || die "DB must be a plain lower-case identifier, not postgres"
[[ -f "$APP_DIR/quarkus-run.jar" ]] || die "no $APP_DIR/quarkus-run.jar: build the application first (or set APP_DIR)"
command -v java >/dev/null && command -v javac >/dev/null || die "java and javac (17) are needed"
command -v psql >/dev/null || apt_install postgresql-client
command -v curl >/dev/null || apt_install curl
psql "${PGCONN[@]}" -d postgres -XAtqc "SELECT 1" >/dev/null || die "cannot reach PostgreSQL at $HOST:5432 as postgres"

# --- the broker's jars: the Kafka test's pom copies kafka_2.13 and its dependencies from Maven Central
if ! compgen -G "$KAFKA_LIB/*.jar" >/dev/null; then
    log "fetching the Kafka broker jars into $KAFKA_LIB (Maven, once)"
    mkdir -p "$KAFKA_LIB"
    mvn -q -B -f "$ROOT/src/test/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB" >&2 \
        || die "could not fetch the Kafka broker jars"
fi

WORK=$(mktemp -d /tmp/kafka-broker-loss.XXXXXX)
BROKER_PIDS=(); REPLICA_PIDS=()
cleanup() {
    local rc=$?
    for pid in "${REPLICA_PIDS[@]}"; do APP_PID=$pid; stop_app; done
    for pid in "${BROKER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${BROKER_PIDS[@]}"; do
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done   # ≤ 10 s each
        kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    done
    if (( rc != 0 )); then
        for i in 1 2; do [[ -s "$WORK/replica-$i.log" ]] && { log "replica $i log (last lines):";
            grep -vE '^[[:space:]]+(at |\.\.\.)' "$WORK/replica-$i.log" | tail -n 12 >&2; }; done
        log "logs kept in $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

javac -d "$WORK/tool" -cp "$KAFKA_LIB/*" "$ROOT/src/test/bench/KafkaBrokerLoss.java" || die "could not compile KafkaBrokerLoss.java"
tool() { timeout 120 java -Xmx128m -cp "$WORK/tool:$KAFKA_LIB/*" KafkaBrokerLoss "$@"; }
q() { psql "${PGCONN[@]}" -d "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
port_free() { ! (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# --- three KRaft nodes, each broker and controller, a static quorum of the three
broker_port() { echo $(( KAFKA_PORT + $1 - 1 )); }
controller_port() { echo $(( KAFKA_PORT + 3 + $1 - 1 )); }
for i in 1 2 3; do port_free "$(broker_port $i)" && port_free "$(controller_port $i)" \
    || die "port $(broker_port $i) or $(controller_port $i) is in use (set KAFKA_PORT)"; done
for p in "${PORTS[@]}"; do port_free "$p" || die "port $p is in use (set HTTP_PORTS)"; done
BOOTSTRAP="$HOST:$(broker_port 1),$HOST:$(broker_port 2),$HOST:$(broker_port 3)"
VOTERS="1@$HOST:$(controller_port 1),2@$HOST:$(controller_port 2),3@$HOST:$(controller_port 3)"
cat >"$WORK/log4j2.properties" <<'EOF'
rootLogger.level=WARN
rootLogger.appenderRef.console.ref=console
appender.console.type=Console
appender.console.name=console
appender.console.layout.type=PatternLayout
appender.console.layout.pattern=[%d] %p %m (%c)%n
EOF
kafka_java() { java -Xmx384m -Djava.awt.headless=true -Dlog4j2.configurationFile="$WORK/log4j2.properties" -cp "$KAFKA_LIB/*" "$@"; }
CLUSTER_ID=$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
[[ -n "$CLUSTER_ID" ]] || die "could not make a cluster id"
start_broker() {
    local i=$1 dir="$WORK/broker-$1"
    mkdir -p "$dir"
    cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=$i
listeners=PLAINTEXT://$HOST:$(broker_port "$i"),CONTROLLER://$HOST:$(controller_port "$i")
advertised.listeners=PLAINTEXT://$HOST:$(broker_port "$i"),CONTROLLER://$HOST:$(controller_port "$i")
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.voters=$VOTERS
log.dirs=$dir/data
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
unclean.leader.election.enable=false
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
    kafka_java kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
        || { cat "$dir/format.log" >&2; die "formatting broker $i failed"; }
    # exec: $! must be the broker's own pid, for kill -9 to kill the broker
    ( exec java -Xmx384m -Djava.awt.headless=true -Dlog4j2.configurationFile="$WORK/log4j2.properties" \
        -cp "$KAFKA_LIB/*" kafka.Kafka "$dir/server.properties" ) >"$dir/broker.log" 2>&1 &
    BROKER_PIDS[$i]=$!
}
log "starting 3 KRaft brokers on $BOOTSTRAP"
for i in 1 2 3; do start_broker "$i"; done
ready=no
for _ in $(seq 1 60); do                                  # bounded: ~60 polls of ≤ 5 s
    for i in 1 2 3; do kill -0 "${BROKER_PIDS[$i]}" 2>/dev/null || { tail -n 20 "$WORK/broker-$i/broker.log" >&2; die "broker $i exited"; }; done
    tool ready "$BOOTSTRAP" 3 2>/dev/null && { ready=yes; break; }
    sleep 1
done
[[ $ready == yes ]] || die "the three brokers did not form a cluster"
tool topic "$BOOTSTRAP" "$TOPIC" "$PARTITIONS"
tool topic "$BOOTSTRAP" "$TOPIC-dead-letter" 3
log "topic $TOPIC: $PARTITIONS partitions, replication factor 3, min.insync.replicas=2"
tool describe "$BOOTSTRAP" "$TOPIC" >&2

# --- a fresh database and two replicas on the Kafka profile
log "recreating database $DB"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql "${PGCONN[@]}" -d postgres -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB"
PREFIX="huiyin-kafka-loss-$$:"
start_replica() {
    local i=$1 port=${PORTS[$(( $1 - 1 ))]}
    # the kafka profile is production: secrets from the environment; the API's tokens are checked with the demo
    # key (the load needs none: web intake is anonymous)
    QUARKUS_PROFILE=kafka HUIYIN_DB_NAME="$DB" HUIYIN_HTTP_PORT="$port" HUIYIN_KAFKA_BOOTSTRAP="$BOOTSTRAP" \
    HUIYIN_CSRF_SECRET=kafka-broker-loss-csrf-secret HUIYIN_WEB_QUERY_CODE_SECRET=kafka-broker-loss-query-code-secret \
    java -Xmx512m -Dquarkus.http.host="$HOST" -Dquarkus.oidc.public-key='${huiyin.oidc.demo-public-key}' \
        -Dhuiyin.redis.key-prefix="$PREFIX" -Dquarkus.log.level=WARN \
        -jar "$APP_DIR/quarkus-run.jar" >"$WORK/replica-$i.log" 2>&1 &
    REPLICA_PIDS[$i]=$!
    for _ in $(seq 1 $(( READY_TIMEOUT * 2 ))); do       # bounded: READY_TIMEOUT seconds
        kill -0 "${REPLICA_PIDS[$i]}" 2>/dev/null || { tail -n 30 "$WORK/replica-$i.log" >&2; die "replica $i exited during start-up"; }
        [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$HOST:$port/q/health/ready" || true) == 200 ]] && {
            log "replica $i ready on port $port (pid ${REPLICA_PIDS[$i]})"; return 0; }
        sleep 0.5
    done
    die "replica $i not ready after ${READY_TIMEOUT}s"
}
start_replica 1      # migrates and seeds the database first
start_replica 2

# --- load, and the leader killed part-way (leaders move only when a broker fails: the victim is chosen first)
VICTIM=$(tool leader "$BOOTSTRAP" "$TOPIC") || die "could not find the partition leader"
[[ "$VICTIM" =~ ^[123]$ ]] || die "unexpected leader id: $VICTIM"
SURVIVOR=$(( VICTIM % 3 + 1 ))
log "load: $CLIENTS clients for ${DURATION}s over both replicas; the busiest leader of $TOPIC dies at ${KILL_AFTER}s"
tool load "$DURATION" "$CLIENTS" "$WORK/outcomes.csv" "http://$HOST:${PORTS[0]}" "http://$HOST:${PORTS[1]}" \
    >"$WORK/load.txt" 2>"$WORK/load.err" &
LOAD_PID=$!
load_started=$(date +%s)
while (( $(date +%s) - load_started < KILL_AFTER )); do    # the planned moment of the fault
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$WORK/load.err" >&2; die "the load ended before the fault"; }
    sleep 0.5
done
kill -KILL "${BROKER_PIDS[$VICTIM]}"
killed_ms=$(date +%s%3N)
stored_at_kill=$(q "SELECT count(*) FROM appeal")
wait "${BROKER_PIDS[$VICTIM]}" 2>/dev/null || true
unset "BROKER_PIDS[$VICTIM]"
killed_at=$(( killed_ms / 1000 ))
log "killed broker $VICTIM (kill -9) with $stored_at_kill appeals stored"
# how long until the survivors lead every partition it led (the controller fences it after its session times out)
failover_s="not within 60s"
for _ in $(seq 1 60); do                                  # bounded: ~60 polls
    [[ $(tool led-by "$HOST:$(broker_port $SURVIVOR)" "$TOPIC" "$VICTIM" 2>/dev/null || echo x) == 0 ]] && {
        failover_s="$(( $(date +%s) - killed_at ))s"; break; }
    sleep 1
done
log "partitions led by the survivors after $failover_s"
wait "$LOAD_PID" || { cat "$WORK/load.err" >&2; die "the load generator failed"; }
cat "$WORK/load.txt" >&2
log "partitions after the loss:"
tool describe "$HOST:$(broker_port $SURVIVOR)" "$TOPIC" >&2 || true

# --- reconcile: every 202 stored exactly once
awk -F, '$2 == 202 { print $1 "," $3 }' "$WORK/outcomes.csv" >"$WORK/acked.csv"
acked=$(wc -l <"$WORK/acked.csv")
appeals=$(wc -l <"$WORK/outcomes.csv")
(( acked > 0 )) || die "no appeal was acknowledged"
(( $(awk -F, -v k="$killed_ms" '$2 == 202 && $5 >= k' "$WORK/outcomes.csv" | wc -l) > 0 )) \
    || die "no appeal was acknowledged after the broker was killed: the run proves nothing about the loss"
q "CREATE TABLE bench_acked (idem_key text PRIMARY KEY, tracking_no text NOT NULL)"
psql "${PGCONN[@]}" -d "$DB" -Xq -v ON_ERROR_STOP=1 -c "\\copy bench_acked FROM '$WORK/acked.csv' WITH (FORMAT csv)"
missing() { q "SELECT count(*) FROM bench_acked b WHERE NOT EXISTS (SELECT 1 FROM appeal a WHERE a.dedupe_key = 'WEB:' || b.idem_key)"; }
settle_start=$(date +%s)
lost=$(missing)
while (( lost > 0 && $(date +%s) - settle_start < SETTLE_TIMEOUT )); do sleep 1; lost=$(missing); done
settle_s=$(( $(date +%s) - settle_start ))
# the marker in each appeal's text names the client's key: two appeals with one marker are one appeal stored twice
duplicated=$(q "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM appeal
    WHERE content LIKE '%标记%' GROUP BY substring(content FROM '标记([0-9a-f-]+)') HAVING count(*) > 1) d")
mismatched=$(q "WITH m AS (SELECT substring(content FROM '标记([0-9a-f-]+)') AS idem_key, tracking_no FROM appeal)
    SELECT count(*) FROM bench_acked b JOIN m ON m.idem_key = b.idem_key WHERE m.tracking_no <> b.tracking_no")
# the number the client was given must be the appeal's: a 202 whose tracking number is not stored cannot be looked up
unknown_number=$(q "SELECT count(*) FROM bench_acked b WHERE NOT EXISTS (SELECT 1 FROM appeal a WHERE a.tracking_no = b.tracking_no)")
stored=$(q "SELECT count(*) FROM appeal")
unacked_stored=$(( stored - acked + lost ))
dead=$(tool records "$HOST:$(broker_port $SURVIVOR)" "$TOPIC-dead-letter" 2>/dev/null || echo "?")
retried=$(sed -n 's/.* retried=\([0-9]*\).*/\1/p' "$WORK/load.txt")
first_try=$(awk -F, '$2 == 202 && $4 == "202"' "$WORK/outcomes.csv" | wc -l)
retried_answers=$(awk -F, '$4 ~ /;/ { print $4 }' "$WORK/outcomes.csv" | sort | uniq -c | awk '{ printf "%s%s × %s", sep, $1, $2; sep = ", " }')
after_kill=$(awk -F, -v k="$killed_ms" '$2 == 202 && $5 >= k' "$WORK/outcomes.csv" | wc -l)

cat <<EOF

Kafka with a broker lost: 3 KRaft brokers (Kafka $(basename "$(ls "$KAFKA_LIB"/kafka_2.13-*.jar)" .jar | sed 's/kafka_2.13-//')), $TOPIC $PARTITIONS partitions,
replication factor 3, min.insync.replicas=2; 2 replicas (QUARKUS_PROFILE=kafka, group huiyin-intake); $CLIENTS clients,
${DURATION}s; broker $VICTIM (the busiest leader) killed with kill -9 at ${KILL_AFTER}s; $(nproc) cores.

| appeals sent | 202 | 202 after the kill | 202 at first try | retries | not acknowledged | stored | lost | duplicated | 202 number not stored | of which stored under another number | stored without 202 | dead letters | leaders moved in | settled in |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| $appeals | $acked | $after_kill | $first_try | $retried | $(( appeals - acked )) | $stored | $lost | $duplicated | $unknown_number | $mismatched | $unacked_stored | $dead | $failover_s | ${settle_s}s |

EOF
[[ -z "$retried_answers" ]] || echo "Appeals that needed more than one attempt (statuses in order): $retried_answers"
failures=()
(( lost == 0 )) || failures+=("$lost acknowledged appeals were not stored")
(( duplicated == 0 )) || failures+=("$duplicated appeals were stored twice")
(( unknown_number == 0 )) || failures+=("$unknown_number tracking numbers answered with 202 are not stored ($mismatched of those appeals are stored under another number)")
if (( ${#failures[@]} > 0 )); then
    for f in "${failures[@]}"; do log "FAILED: $f"; done
    exit 1
fi
log "OK: every one of $acked acknowledged appeals stored exactly once, with broker $VICTIM lost"
