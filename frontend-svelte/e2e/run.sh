#!/usr/bin/env bash
# Starts the packaged service in local mode on its own schema and port, runs the browser flow against it, stops it.
# Needs the packaged app (./mvnw package) and Debian's chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(cd .. && pwd)
port=${E2E_PORT:-18095}
log="$root/target/e2e-service.log"
mkdir -p "$root/target/e2e"
psql -h localhost -U postgres -d postgres -q -c "drop schema if exists atelier_e2e cascade" >/dev/null
redis-cli --scan --pattern 'atelier_e2e:*' | xargs -r redis-cli del >/dev/null
ATELIER_AUTH_ALLOW_LOCAL_IN_PROD=true QUARKUS_HTTP_PORT=$port ATELIER_DB_SCHEMA=atelier_e2e \
  ATELIER_REDIS_KEY_PREFIX=atelier_e2e: ATELIER_IMAGES_ROOT="$root/target/e2e-images" \
  java -jar "$root/target/quarkus-app/quarkus-run.jar" > "$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://localhost:$port/q/health/ready" >/dev/null || { echo "service did not start; see $log" >&2; exit 1; }
BASE_URL="http://localhost:$port" node e2e/schema-check.mjs
BASE_URL="http://localhost:$port" SHOTS="$root/target/e2e" node e2e/flow.mjs

# The same service in OIDC mode against a fake identity provider: sign-in with code + PKCE, then a signed-in generation.
idp_port=${IDP_PORT:-18106}
oidc_port=$((port + 10))
kill $service 2>/dev/null || true
wait $service 2>/dev/null || true
IDP_PORT=$idp_port node e2e/fake-idp.mjs > "$root/target/e2e-idp.log" 2>&1 &
idp=$!
psql -h localhost -U postgres -d postgres -q -c "drop schema if exists atelier_e2e_oidc cascade" >/dev/null
ATELIER_AUTH_MODE=oidc QUARKUS_OIDC_TENANT_ENABLED=true QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$idp_port" \
  QUARKUS_OIDC_CLIENT_ID=atelier QUARKUS_HTTP_PORT=$oidc_port ATELIER_DB_SCHEMA=atelier_e2e_oidc \
  ATELIER_REDIS_KEY_PREFIX=atelier_e2e_oidc: ATELIER_IMAGES_ROOT="$root/target/e2e-images" \
  java -jar "$root/target/quarkus-app/quarkus-run.jar" > "$root/target/e2e-service-oidc.log" 2>&1 &
service=$!
trap 'kill $service $idp 2>/dev/null || true; wait $service $idp 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$oidc_port/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
BASE_URL="http://localhost:$oidc_port" SHOTS="$root/target/e2e" node e2e/oidc-flow.mjs
