# Shared by the benchmark scripts (sourced, not run): logging, Debian tools on demand, and stopping the
# service under test. A script sets APP_PID when it starts the service and WORK for its temporary files.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# The script's leading comment is its help text.
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

# Installs Debian packages only when missing; apt-get update runs at most once.
APT_UPDATED=no
apt_install() {
    command -v apt-get >/dev/null || die "$* missing and apt-get not available: install it by hand"
    if [[ $APT_UPDATED == no ]]; then log "apt-get update"; apt-get update -qq; APT_UPDATED=yes; fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

APP_PID=""
stop_app() {
    [[ -n "$APP_PID" ]] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done   # ≤ 30 s
        kill -0 "$APP_PID" 2>/dev/null && { log "service did not stop in 30 s: killing"; kill -KILL "$APP_PID" 2>/dev/null || true; }
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

# On failure, what the service logged (no stack frames).
show_app_log() {
    [[ -s "$WORK/app.log" ]] || return 0
    log "service log (last lines):"
    grep -vE '^[[:space:]]+(at |\.\.\.)' "$WORK/app.log" | tail -n 15 >&2 || true
}
