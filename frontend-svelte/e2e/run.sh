#!/usr/bin/env bash
# Starts the packaged service in local mode on its own schema and port and runs the browser flow against it; then a
# service whose OpenAI fails and Stability serves (vendor fakes) for the failover flow; then the
# same service in OIDC mode against a fake identity provider for the sign-in flow. Stops everything it started.
# Needs the packaged app (./mvnw package) and Debian's chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(cd .. && pwd)
port=${E2E_PORT:-18095}
oidc_port=$((port + 10))
idp_port=${IDP_PORT:-18106}
mkdir -p "$root/target/e2e"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true' EXIT

# start_service NAME PORT [VAR=value ...]: the packaged app on schema/key prefix NAME, ready on PORT
start_service() {
  local name=$1 http_port=$2
  shift 2
  psql -h localhost -U postgres -d postgres -q -c "drop schema if exists $name cascade" >/dev/null
  redis-cli --scan --pattern "$name:*" | xargs -r redis-cli del >/dev/null
  env QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$((http_port + 500))" ATELIER_DB_SCHEMA="$name" \
    ATELIER_REDIS_KEY_PREFIX="$name:" ATELIER_IMAGES_ROOT="$root/target/e2e-images" "$@" \
    java -jar "$root/target/quarkus-app/quarkus-run.jar" > "$root/target/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$((http_port + 500))/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "service $name did not start; see target/$name.log" >&2
  return 1
}

start_service atelier_e2e "$port"
BASE_URL="http://localhost:$port" node e2e/graphql-http-audit.mjs
BASE_URL="http://localhost:$port" node e2e/openai-sdk.mjs
BASE_URL="http://localhost:$port" node e2e/schema-check.mjs
BASE_URL="http://localhost:$port" SHOTS="$root/target/e2e" node e2e/flow.mjs
BASE_URL="http://localhost:$port" SHOTS="$root/target/e2e" node e2e/edit-flow.mjs

# failover: OpenAI answers 500, Stability serves; both are fakes in the vendors' shapes
vendors_port=${VENDORS_PORT:-18107}
VENDORS_PORT=$vendors_port node e2e/fake-vendors.mjs > "$root/target/e2e-vendors.log" 2>&1 &
pids+=($!)
start_service atelier_e2e_failover "$((port + 20))" OPENAI_API_KEY=sk-e2e-fake OPENAI_BASE_URL="http://127.0.0.1:$vendors_port/openai/v1" \
  STABILITY_API_KEY=sk-e2e-fake STABILITY_BASE_URL="http://127.0.0.1:$vendors_port/stability" ATELIER_PROMPT_LLM_ENABLED=false
BASE_URL="http://localhost:$((port + 20))" VENDORS_URL="http://127.0.0.1:$vendors_port" SHOTS="$root/target/e2e" \
  node e2e/failover-flow.mjs

IDP_PORT=$idp_port node e2e/fake-idp.mjs > "$root/target/e2e-idp.log" 2>&1 &
pids+=($!)
start_service atelier_e2e_oidc "$oidc_port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 ATELIER_AUTH_MODE=oidc QUARKUS_OIDC_TENANT_ENABLED=true \
  QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$idp_port" QUARKUS_OIDC_CLIENT_ID=atelier
BASE_URL="http://localhost:$oidc_port" SHOTS="$root/target/e2e" node e2e/oidc-flow.mjs
