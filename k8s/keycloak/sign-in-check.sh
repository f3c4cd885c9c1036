#!/usr/bin/env bash
# End-to-end check of the Huiyin realm: starts Keycloak (run-keycloak.sh), signs the demo commissioner in through
# Keycloak's login pages in headless Chromium (password + TOTP from the seeded secret), an auditor (made to enrol
# an authenticator) and the enterprise user (password only), and checks every demo user's token claims.
# With HUIYIN_KEYCLOAK_WITH_SERVICE=1 and a built target/quarkus-app, it also starts the demo service connected to this
# Keycloak as production is (HUIYIN_OIDC_URL and the clients' secrets; port 18182, database huiyin_keycloak_e2e, Redis
# prefix huiyin-keycloak-e2e:, removed after), reads the API with the commissioner's Keycloak token, and signs the
# commissioner in through Huiyin's own sign-in page (authorization code flow) to the unit's work queue, then out again.
# Stops what it started. Ends with 'N passed, M failed'.
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
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
    mkdir -p target
    # the production profile (no demo users, no demo tokens), connected to Keycloak the way production is: the realm
    # URL, the clients' (development) secrets and the service's own secrets
    HUIYIN_PUBLIC_BASE_URL=http://127.0.0.1:18182 HUIYIN_OIDC_URL=$KC/realms/huiyin \
        HUIYIN_OIDC_STAFF_SECRET=huiyin-staff-dev-secret \
        HUIYIN_OIDC_ENTERPRISE_SECRET=huiyin-enterprise-dev-secret \
        HUIYIN_OIDC_SESSION_SECRET="$(head -c 32 /dev/urandom | base64)" \
        HUIYIN_CSRF_SECRET="$(head -c 24 /dev/urandom | base64)" \
        HUIYIN_WEB_QUERY_CODE_SECRET="$(head -c 24 /dev/urandom | base64)" \
        java -Dquarkus.http.port=18182 \
        -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db \
        -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$db \
        -Dhuiyin.redis.key-prefix=huiyin-keycloak-e2e: \
        -jar target/quarkus-app/quarkus-run.jar > target/keycloak-e2e-service.log 2>&1 &
    service=$!
    for _ in $(seq 1 90); do curl -sf http://127.0.0.1:18182/q/health/ready >/dev/null && break; sleep 1; done
    huiyin=(--huiyin http://127.0.0.1:18182)
fi
mkdir -p target
python3 k8s/keycloak/sign_in_check.py --keycloak "$KC" --shots target "${huiyin[@]}"
echo "[keycloak] whole check took $((SECONDS - began)) s"
