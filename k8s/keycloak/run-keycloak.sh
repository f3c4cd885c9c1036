#!/usr/bin/env bash
# Runs a local Keycloak for development and testing, with the Huiyin realm imported.
#
#   bash k8s/keycloak/run-keycloak.sh start    fetch (once), unpack (once), start on 127.0.0.1:8180, wait until ready
#   bash k8s/keycloak/run-keycloak.sh stop     stop the Keycloak this script started
#   bash k8s/keycloak/run-keycloak.sh status
#
# Keycloak comes from its Maven Central distribution (org.keycloak:keycloak-quarkus-dist) and needs Java 21+.
# Dev mode: an embedded H2 database under the distribution's data/, plain HTTP, no production settings.
# Every start begins from an empty database and imports k8s/keycloak/huiyin-realm.json again (so the demo
# users and their seeded one-time-code device are as the file says); HUIYIN_KEYCLOAK_KEEP_DATA=1 keeps the
# previous state instead.
#
# Environment (all optional):
#   HUIYIN_KEYCLOAK_VERSION    distribution version           (26.7.3)
#   HUIYIN_KEYCLOAK_PORT       HTTP port                      (8180)
#   HUIYIN_KEYCLOAK_DIR        where it is unpacked and logs  (~/.cache/huiyin/keycloak)
#   HUIYIN_KEYCLOAK_JAVA_HOME  a Java 21+ home                (JAVA_HOME if it is 21+, else /usr/lib/jvm/temurin-25-jdk-amd64)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD  master-realm administrator (kcadmin / kcadmin)
set -euo pipefail

VERSION=${HUIYIN_KEYCLOAK_VERSION:-26.7.3}
PORT=${HUIYIN_KEYCLOAK_PORT:-8180}
BASE=${HUIYIN_KEYCLOAK_DIR:-$HOME/.cache/huiyin/keycloak}
HOME_DIR=$BASE/keycloak-$VERSION
PID_FILE=$BASE/keycloak.pid
LOG_FILE=$BASE/keycloak.log
REALM_FILE=$(cd "$(dirname "$0")" && pwd)/huiyin-realm.json
URL=http://127.0.0.1:$PORT

log() { printf '[keycloak] %s\n' "$*"; }

java_major() { "$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }

pick_java() {
    local candidate
    for candidate in "${HUIYIN_KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
            echo "$candidate"; return
        fi
    done
    log "Keycloak $VERSION needs Java 21 or newer: set HUIYIN_KEYCLOAK_JAVA_HOME"; exit 1
}

fetch() {
    [ -x "$HOME_DIR/bin/kc.sh" ] && return
    local repo=${MAVEN_REPO:-$HOME/.m2/repository}
    local archive=$repo/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.tar.gz
    if [ ! -f "$archive" ]; then
        log "fetching org.keycloak:keycloak-quarkus-dist:$VERSION from Maven Central"
        mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:tar.gz" -Dtransitive=false
    fi
    log "unpacking into $BASE"
    mkdir -p "$BASE"
    tar xzf "$archive" -C "$BASE"
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

ready() { curl -sf "$URL/realms/huiyin/.well-known/openid-configuration" >/dev/null; }

start() {
    if running; then log "already running (pid $(cat "$PID_FILE")) at $URL"; return; fi
    local began=$SECONDS
    fetch
    local java_home; java_home=$(pick_java)
    if [ "${HUIYIN_KEYCLOAK_KEEP_DATA:-0}" != 1 ]; then rm -rf "$HOME_DIR/data/h2"; fi
    mkdir -p "$HOME_DIR/data/import"
    cp "$REALM_FILE" "$HOME_DIR/data/import/huiyin-realm.json"
    log "starting Keycloak $VERSION with Java $(java_major "$java_home") on $URL (log: $LOG_FILE)"
    # its own process group, so that stop ends the launcher and the JVM together
    JAVA_HOME=$java_home \
        KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin} \
        KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin} \
        setsid "$HOME_DIR/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$PORT" \
        --http-management-port="$((PORT + 1000))" >"$LOG_FILE" 2>&1 < /dev/null &
    echo $! > "$PID_FILE"
    local waited=0
    until ready; do
        if ! running; then log "Keycloak exited during start; last lines of $LOG_FILE:"; tail -20 "$LOG_FILE"; exit 1; fi
        if [ "$waited" -ge 180 ]; then log "not ready after 180 s; see $LOG_FILE"; stop; exit 1; fi
        sleep 1; waited=$((waited + 1))
    done
    log "ready in $((SECONDS - began)) s: realm huiyin at $URL/realms/huiyin (admin console $URL/admin, kcadmin)"
}

stop() {
    if ! running; then log "not running"; rm -f "$PID_FILE"; return; fi
    local pid; pid=$(cat "$PID_FILE")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
    rm -f "$PID_FILE"
    log "stopped"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) if running && ready; then log "running at $URL (pid $(cat "$PID_FILE"))"; else log "not running"; exit 1; fi ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
