#!/usr/bin/env bash
# Office-time benchmark: how long CALLS questions "office time between these two instants" take (spans of up to 30
# days, as the risk job asks three per open clock every minute), in this build against an older one (the baseline),
# each in its own JVM, alternating, RUNS times. A run is the median of the timed rounds after two warm-up rounds
# (OfficeTimeBench.java). Both builds must give the same answers: the script fails if their checksums differ.
#
# Usage (from the repository root, after `mvn -o package -DskipTests`; this script never runs Maven):
#   src/test/bench/office-time-bench.sh BASE_APP_DIR=<an older build's target/quarkus-app> [NAME=value ...]
#
# Settings (environment variables, or NAME=value arguments, which win):
#   BASE_APP_DIR  the older build (required): its app/*.jar holds its classes
#   CALLS         questions per round (default 300000)
#   ROUNDS        rounds per JVM, the first two not counted (default 7)
#   RUNS          JVMs of each build (default 3)
#
# Needs java on the PATH. Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        BASE_APP_DIR=*|CALLS=*|ROUNDS=*|RUNS=*) export "${arg?}" ;;
        *) usage; die "unknown argument: $arg" ;;
    esac
done
CALLS=${CALLS:-300000}
ROUNDS=${ROUNDS:-7}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT"
for v in CALLS ROUNDS RUNS; do [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number"; done
(( ROUNDS >= 3 )) || die "ROUNDS must be at least 3 (two warm-up rounds)"
[[ -n "${BASE_APP_DIR:-}" ]] || die "BASE_APP_DIR is required (an older build's target/quarkus-app)"
[[ -d target/classes ]] || die "build the application first: mvn -o package -DskipTests"
BASE_JAR=$(ls "$BASE_APP_DIR"/app/*.jar 2>/dev/null | head -1)
[[ -n "$BASE_JAR" ]] || die "no application jar in $BASE_APP_DIR/app"

run() {   # run CLASSPATH -> "median-ms checksum"
    java -cp "$1" src/test/bench/OfficeTimeBench.java "$CALLS" "$ROUNDS"
}
declare -a NOW BASE
for i in $(seq 1 "$RUNS"); do
    read -r base_ms base_sum < <(run "$BASE_JAR")
    read -r now_ms now_sum < <(run target/classes)
    [[ "$base_sum" == "$now_sum" ]] || die "run $i: the builds' answers differ (checksum $base_sum against $now_sum)"
    log "run $i: baseline ${base_ms} ms, now ${now_ms} ms"
    BASE+=("$base_ms"); NOW+=("$now_ms")
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo "no-commit")
[[ -z "$(git status --porcelain 2>/dev/null)" ]] || commit="$commit (dirty)"
echo
echo "Office time between two instants, $(date +%F), commit $commit against $BASE_JAR: $CALLS spans of up"
echo "to 30 days, median of $(( ROUNDS - 2 )) timed rounds per JVM; the same answers in every run; $(nproc) cores."
echo
echo "| run | baseline ms | now ms | now / baseline |"
echo "| --- | ---: | ---: | ---: |"
for i in $(seq 0 $(( RUNS - 1 ))); do
    echo "| $(( i + 1 )) | ${BASE[$i]} | ${NOW[$i]} | $(awk -v a="${NOW[$i]}" -v b="${BASE[$i]}" 'BEGIN { printf "%.2f", a / b }') |"
done
