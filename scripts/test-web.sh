#!/usr/bin/env bash
# scripts/test-web.sh [results-dir] [test files…]: the admin SPA in headless Chromium against the real app on Azurite.
# Installs Debian's chromium if it is missing, builds the SPA (printing its bundle size) and the app, starts the app
# standalone on 127.0.0.1:$E2E_PORT (default 7181) with a fresh storage prefix, its trigger runner on (queues, workflows,
# timers, as ./dev.sh run), a fake Google issuer on $E2E_GOOGLE_PORT (default 7182) and a fake Stripe API on
# $E2E_STRIPE_PORT (default 7183), bootstraps an administrator, runs web/e2e with node:test, writes JUnit XML into
# the results folder and screenshots into .run/screenshots, and stops what it started, even on failure.
# Needs PENGUINMAILS_TEST_STORAGE (a running Azurite): ./dev.sh test sets it.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

# Test files relative to web/ (e.g. e2e/journeys/staff.test.mjs) narrow the run while working on a story.
FILES=("${@:2}")
# The default set is globbed inside web/, where node runs them.
[ ${#FILES[@]} -gt 0 ] || FILES=($(cd web && echo e2e/*.test.mjs e2e/journeys/*.test.mjs))
RESULTS=$(mkdir -p "${1:-$ROOT/.run/test-web/results}" && cd "${1:-$ROOT/.run/test-web/results}" && pwd)
RUN_DIR="$ROOT/.run/test-web"
SCREENSHOTS="$ROOT/.run/screenshots"
APP_PORT=${E2E_PORT:-7181}
GOOGLE_PORT=${E2E_GOOGLE_PORT:-7182}
STRIPE_PORT=${E2E_STRIPE_PORT:-7183}
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
CLIENT_ID=penguinmails-admin-e2e
HOSTED_DOMAIN=penguinmails.test
DLL="$ROOT/functions/PenguinMails.Functions/bin/Debug/net10.0/PenguinMails.Functions.dll"

# A set-up failure still shows in the test summary, as one failed JUnit test case.
setup_failed() {
  local message=${1//&/&amp;}
  message=${message//</&lt;}
  cat >"$RESULTS/web-setup.junit.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="web set-up" tests="1" failures="1"><testcase classname="web" name="set-up"><failure message="$message"/></testcase></testsuite></testsuites>
XML
  die "$1"
}

ensure_chromium() {
  [ -x "$CHROMIUM" ] && return 0
  info "installing Debian's chromium with apt-get"
  local sudo=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || setup_failed "chromium is not installed and there is no sudo: run apt-get install chromium as root"
    sudo=sudo
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || setup_failed "apt-get install chromium failed"
  [ -x "$CHROMIUM" ] || setup_failed "chromium was installed but $CHROMIUM does not exist; set CHROMIUM_PATH"
}

wait_for_health() { # pid
  local i
  for ((i = 0; i < 300; i++)); do
    kill -0 "$1" 2>/dev/null || return 1
    curl -sf "http://127.0.0.1:$APP_PORT/api/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

require_tools dotnet node npm curl
[ -n "${PENGUINMAILS_TEST_STORAGE:-}" ] || setup_failed "PENGUINMAILS_TEST_STORAGE is not set: run ./dev.sh test, or start Azurite and export its connection string (web/README.md)"
port_free "$APP_PORT" || setup_failed "port $APP_PORT is in use (ss -ltnp 'sport = :$APP_PORT'); stop it or set E2E_PORT"
port_free "$GOOGLE_PORT" || setup_failed "port $GOOGLE_PORT is in use (ss -ltnp 'sport = :$GOOGLE_PORT'); stop it or set E2E_GOOGLE_PORT"
port_free "$STRIPE_PORT" || setup_failed "port $STRIPE_PORT is in use (ss -ltnp 'sport = :$STRIPE_PORT'); stop it or set E2E_STRIPE_PORT"
ensure_chromium
rm -rf "$RUN_DIR/app" "$SCREENSHOTS" "$RESULTS"/web-*.junit.xml
mkdir -p "$RUN_DIR/app" "$SCREENSHOTS"

info "building the admin SPA (npm ci, npm run build)"
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent) || setup_failed "the SPA build failed (npm run build in web/)"
info "building the function app"
dotnet build functions/PenguinMails.Functions -c Debug -v quiet -nologo >"$RUN_DIR/build.log" 2>&1 || { tail -n 20 "$RUN_DIR/build.log" >&2; setup_failed "dotnet build failed"; }

APP_PID=
GOOGLE_PID=
STRIPE_PID=
cleanup() { stop_pid "$APP_PID"; stop_pid "$GOOGLE_PID"; stop_pid "$STRIPE_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# Test-mode Stripe key and webhook secret, fresh per run: the app calls the fake Stripe API with the key, and the tests
# sign webhook events with the secret as Stripe does.
STRIPE_KEY="sk_test_e2e$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
STRIPE_WEBHOOK_SECRET="whsec_e2e$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

# The app runs from an empty folder: no local.settings.json of a developer leaks into the test. Its trigger runner is on,
# so Stripe events, workflows and the tenant-status-changes queue (a Service Bus trigger, read from the storage queue of
# that name when Bus__Kind is StorageQueue, the default) and the timers run as they do under ./dev.sh run, so a
# workflow (offboarding, a refund) advances while the browser watches.
app_env=(
  "Storage=$PENGUINMAILS_TEST_STORAGE"
  "Storage__Prefix=e2e$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
  "Security__CursorKey=$(head -c 32 /dev/urandom | base64)"
  "Secrets__LocalKey=$(head -c 32 /dev/urandom | base64)"
  "urls=http://127.0.0.1:$APP_PORT"
  "Triggers__RunLocally=true"
  "Spa__Root=$ROOT/web/dist"
  "Auth__Oidc__MetadataAddress=http://127.0.0.1:$GOOGLE_PORT/.well-known/openid-configuration"
  "Auth__Oidc__ClientId=$CLIENT_ID"
  "Auth__Oidc__HostedDomain=$HOSTED_DOMAIN"
  "Auth__Oidc__RequireHttpsMetadata=false"
  "Stripe__SecretKey=$STRIPE_KEY"
  "Stripe__ApiBase=http://127.0.0.1:$STRIPE_PORT"
  "Stripe__WebhookSecret=$STRIPE_WEBHOOK_SECRET"
)

info "starting the fake Google issuer on 127.0.0.1:$GOOGLE_PORT"
node web/e2e/support/fake-google.mjs "$GOOGLE_PORT" "$CLIENT_ID" "$HOSTED_DOMAIN" >"$RUN_DIR/fake-google.log" 2>&1 &
GOOGLE_PID=$!

info "starting the fake Stripe API on 127.0.0.1:$STRIPE_PORT"
node web/e2e/support/fake-stripe.mjs "$STRIPE_PORT" "$STRIPE_KEY" >"$RUN_DIR/fake-stripe.log" 2>&1 &
STRIPE_PID=$!

info "bootstrapping an administrator"
(cd "$RUN_DIR/app" && env "${app_env[@]}" dotnet "$DLL" bootstrap-admin --email "e2e-admin@$HOSTED_DOMAIN" >"$RUN_DIR/bootstrap.out" 2>"$RUN_DIR/bootstrap.log") \
  || { cat "$RUN_DIR/bootstrap.log" >&2; setup_failed "bootstrap-admin failed"; }
ADMIN_TOKEN=$(tail -n 1 "$RUN_DIR/bootstrap.out")

info "starting the app on http://127.0.0.1:$APP_PORT (log: .run/test-web/app.log)"
(cd "$RUN_DIR/app" && exec env "${app_env[@]}" dotnet "$DLL") >"$RUN_DIR/app.log" 2>&1 &
APP_PID=$!
wait_for_health "$APP_PID" || { tail -n 30 "$RUN_DIR/app.log" >&2; setup_failed "the app did not answer /api/health on port $APP_PORT"; }
wait_for_port "$GOOGLE_PORT" 10 "the fake Google issuer"
wait_for_port "$STRIPE_PORT" 10 "the fake Stripe API"

info "running the browser tests (web/e2e) in headless Chromium"
(cd web && E2E_BASE_URL="http://127.0.0.1:$APP_PORT" E2E_ADMIN_TOKEN="$ADMIN_TOKEN" E2E_GOOGLE_URL="http://127.0.0.1:$GOOGLE_PORT" \
  E2E_HOSTED_DOMAIN="$HOSTED_DOMAIN" E2E_SCREENSHOTS="$SCREENSHOTS" CHROMIUM_PATH="$CHROMIUM" \
  E2E_STRIPE_URL="http://127.0.0.1:$STRIPE_PORT" E2E_STRIPE_WEBHOOK_SECRET="$STRIPE_WEBHOOK_SECRET" \
  node --test --test-concurrency=1 --test-timeout=180000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=junit --test-reporter-destination="$RESULTS/web-e2e.junit.xml" \
    "${FILES[@]}")
status=$?
info "screenshots: .run/screenshots ($(ls "$SCREENSHOTS" 2>/dev/null | wc -l) files)"
exit $status
