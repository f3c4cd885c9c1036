#!/usr/bin/env bash
# End-to-end check of the Huiyin realm: starts Keycloak (run-keycloak.sh), signs the demo commissioner in through
# Keycloak's login pages in headless Chromium (password + TOTP from the seeded secret), an auditor (made to enrol
# an authenticator) and the enterprise user (password only), and checks every demo user's token claims.
# With HUIYIN_KEYCLOAK_WITH_SERVICE=1 and a built target/quarkus-app, it also starts the demo service trusting this
# Keycloak (port 18182, database huiyin_keycloak_e2e, Redis prefix huiyin-keycloak-e2e:, removed after) and opens
# the commissioner's work queue with the Keycloak token. Stops what it started. Ends with 'N passed, M failed'.
set -euo pipefail
cd "$(dirname "$0")/../.."
KC_PORT=${HUIYIN_KEYCLOAK_PORT:-8180}
KC=http://127.0.0.1:$KC_PORT
began=$SECONDS
service=""
cleanup() {
    if [ -n "$service" ]; then
        kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true
        psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS huiyin_keycloak_e2e" >/dev/null || true
        redis-cli -h 127.0.0.1 --scan --pattern 'huiyin-keycloak-e2e:*' | xargs -r redis-cli -h 127.0.0.1 del >/dev/null || true
    fi
    bash k8s/keycloak/run-keycloak.sh stop
}
trap cleanup EXIT
bash k8s/keycloak/run-keycloak.sh start
huiyin=()
if [ "${HUIYIN_KEYCLOAK_WITH_SERVICE:-0}" = 1 ]; then
    db=huiyin_keycloak_e2e
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
    mkdir -p target
    java -Dquarkus.profile=demo -Dquarkus.http.port=18182 -Dhuiyin.demo.staff-every-unit=false \
        -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db \
        -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$db \
        -Dhuiyin.redis.key-prefix=huiyin-keycloak-e2e: \
        -Dmp.jwt.verify.issuer=$KC/realms/huiyin \
        -Dmp.jwt.verify.publickey.location=$KC/realms/huiyin/protocol/openid-connect/certs \
        -jar target/quarkus-app/quarkus-run.jar > target/keycloak-e2e-service.log 2>&1 &
    service=$!
    for _ in $(seq 1 90); do curl -sf http://127.0.0.1:18182/q/health/ready >/dev/null && break; sleep 1; done
    huiyin=(--huiyin http://127.0.0.1:18182)
fi
mkdir -p target
python3 k8s/keycloak/sign_in_check.py --keycloak "$KC" --shots target "${huiyin[@]}"
echo "[keycloak] whole check took $((SECONDS - began)) s"
