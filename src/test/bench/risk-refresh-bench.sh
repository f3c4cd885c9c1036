#!/usr/bin/env bash
# Risk refresh benchmark: what the breach-risk job's writes cost per refresh at OPEN open appeals, now and with
# V24's per-row trigger (the baseline), in the same run on the same data. The job writes every open appeal's risk
# (one upsert of OPEN rows), forgets the risks of appeals no longer open, and copies each risk row's holder (the
# appeal's assignee and claim lease, which the work-queue page's riskiest-first lists read by) as its last write.
# Until V26 a trigger also copied the holder row by row on every write of the job.
#
#   now       the statements of the built application (RiskRepository's WRITE_RISKS, FORGET_CLOSED and
#             HOLDER_COPIES, read from its classes), on the schema of its migrations
#   baseline  the same statements with V24's trigger put back for the run (read from V24's migration)
#
# Before each refresh, NEW appeals (held, claimed or in the pool, as the rest) lose their risk row, so that each
# refresh inserts NEW rows as the job does for appeals opened since the last one, and the rest are updates.
# The figure is the time of the three statements inside one transaction (PostgreSQL's clock, before the commit);
# runs alternate baseline / now, VACUUM after each (autovacuum may be off). Every run is checked, and a failed check
# fails the script: OPEN risk rows, each with its appeal's holder.
#
# Usage (from the repository root, after `mvn -o package -DskipTests`; this script never runs Maven):
#   src/test/bench/risk-refresh-bench.sh [NAME=value ...]
#
# Settings (environment variables, or NAME=value arguments, which win):
#   OPEN     open appeals, each with a running handling clock's risk (default 100000)
#   NEW      appeals whose risk row each refresh inserts (default 1000)
#   RUNS     refreshes of each kind (default 3)
#   DB       database, dropped and recreated, dropped again at the end (default huiyin_risk_bench)
#   KEEP_DB  yes to keep the database at the end (default no)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and java on the PATH; installs psql when missing.
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
for arg in "$@"; do
    case "$arg" in
        -h|--help) usage; exit 0 ;;
        OPEN=*|NEW=*|RUNS=*|DB=*|KEEP_DB=*) export "${arg?}" ;;
        *) usage; die "unknown argument: $arg" ;;
    esac
done
OPEN=${OPEN:-100000}
NEW=${NEW:-1000}
RUNS=${RUNS:-3}
DB=${DB:-huiyin_risk_bench}
KEEP_DB=${KEEP_DB:-no}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT"

command -v psql >/dev/null || apt_install postgresql-client
[[ -d target/quarkus-app/lib/main && -d target/classes ]] || die "build the application first: mvn -o package -DskipTests"
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
q() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }

CLASSPATH="target/classes:$(ls target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
statement() { java -cp "$CLASSPATH" src/test/bench/WorkQueueBench.java sql cn.huiyin.risk.persistence.RiskRepository "$1"; }
WRITE_RISKS=$(statement WRITE_RISKS)
FORGET_CLOSED=$(statement FORGET_CLOSED)
HOLDER_COPIES=$(statement HOLDER_COPIES)
# V24's trigger as it was: its function and its CREATE TRIGGER, from the migration itself
V24_TRIGGER=$(awk '/^CREATE FUNCTION appeal_risk_copies_holder/,/EXECUTE FUNCTION appeal_risk_copies_holder\(\);/' \
    src/main/resources/db/migration/V24__*.sql)
[[ "$V24_TRIGGER" == *"CREATE TRIGGER appeal_risk_copies_holder"* ]] || die "V24's trigger not found in its migration"

cleanup() { [[ "$KEEP_DB" == yes ]] || "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; }
trap cleanup EXIT

log "database $DB: the schema of every migration, in version order"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
for migration in $(ls src/main/resources/db/migration/V*__*.sql | sort -V); do
    "${PSQL[@]}" -d "$DB" -1 -f "$migration" >/dev/null
done

log "$OPEN open TAX appeals: a third nobody's, a seventh claimed on a lease, the rest held by one of 40 commissioners"
"${PSQL[@]}" -d "$DB" >/dev/null <<SQL
INSERT INTO handling_unit (code, name, kind) VALUES ('TAX', '区税务局', 'DEPARTMENT');
INSERT INTO appeal (tracking_no, channel, identity_state, title, content, appeal_type, status, handling_unit,
    received_at, dispatched_at, updated_at, assignee, claim_expires_at)
SELECT lpad(n::text, 13, '0'), 'WEB', 'VERIFIED', '发票申领问题', repeat('企业反映发票申领流程较长。', 20), 'PROBLEM',
    'HANDLING', 'TAX', now() - interval '10 days', now() - interval '10 days', now(),
    CASE WHEN n % 3 <> 0 THEN 'commissioner-' || (n % 40) END,
    CASE WHEN n % 7 = 0 AND n % 3 <> 0 THEN now() + interval '1 day' END
FROM generate_series(1, $OPEN) n;
ANALYZE;
SQL

# One refresh as the job writes it, in one transaction: the risks of every open appeal (a fresh probability each),
# then the closed ones forgotten, then the holders' copies. Prints the milliseconds of the three statements.
refresh() {
    "${PSQL[@]}" -d "$DB" -At <<SQL
BEGIN;
DO \$refresh\$
DECLARE
    ids bigint[]; units varchar[]; probabilities float8[]; dues timestamptz[];
    at timestamptz := clock_timestamp();
    started timestamptz;
BEGIN
    SELECT array_agg(id ORDER BY id), array_agg('TAX'::varchar), array_agg(round(random()::numeric, 3)::float8),
        array_agg(now() + make_interval(days => (id % 20)::int))
    INTO ids, units, probabilities, dues FROM appeal;
    started := clock_timestamp();
    EXECUTE \$s\$$WRITE_RISKS\$s\$ USING ids, units, probabilities, dues, at;
    EXECUTE \$s\$$FORGET_CLOSED\$s\$ USING at;
    EXECUTE \$s\$$HOLDER_COPIES\$s\$;
    PERFORM set_config('bench.ms', (extract(epoch FROM clock_timestamp() - started) * 1000)::numeric(10, 1)::text, true);
END
\$refresh\$;
SELECT current_setting('bench.ms');
COMMIT;
SQL
}

check() {
    local rows wrong
    rows=$(q "SELECT count(*) FROM appeal_risk")
    wrong=$(q "SELECT count(*) FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
               WHERE r.assignee IS DISTINCT FROM a.assignee OR r.claim_expires_at IS DISTINCT FROM a.claim_expires_at")
    (( rows == OPEN )) || die "$1: $rows risk rows, $OPEN open appeals"
    (( wrong == 0 )) || die "$1: $wrong risk rows without their appeal's holder"
}

log "first refresh (every row inserted), untimed"
refresh >/dev/null
check "first refresh"
q "VACUUM ANALYZE appeal_risk" >/dev/null

declare -a BASE NOW
for ((run = 1; run <= RUNS; run++)); do
    for kind in baseline now; do
        q "DELETE FROM appeal_risk WHERE appeal_id IN (SELECT id FROM appeal ORDER BY random() LIMIT $NEW)" >/dev/null
        [[ $kind == baseline ]] && "${PSQL[@]}" -d "$DB" -c "$V24_TRIGGER" >/dev/null
        ms=$(refresh)
        [[ $kind == baseline ]] && q "DROP TRIGGER appeal_risk_copies_holder ON appeal_risk; DROP FUNCTION appeal_risk_copies_holder()" >/dev/null
        check "run $run, $kind"
        q "VACUUM appeal_risk" >/dev/null
        log "run $run, $kind: ${ms} ms"
        if [[ $kind == baseline ]]; then BASE[$run]=$ms; else NOW[$run]=$ms; fi
    done
done

echo
echo "Risk refresh at $(printf "%'d" "$OPEN") open appeals, $(printf "%'d" "$NEW") new risks per refresh ($(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo
echo "| run | baseline: with V24's trigger, ms | now, ms | now / baseline |"
echo "| --- | ---: | ---: | ---: |"
for ((run = 1; run <= RUNS; run++)); do
    awk -v run="$run" -v base="${BASE[$run]}" -v now="${NOW[$run]}" 'BEGIN { printf "| %d | %s | %s | %.2f |\n", run, base, now, now / base }'
done
