#!/usr/bin/env bash
# ./dev.sh run: Azurite with its data in .azurite/, then the function app on http://127.0.0.1:7071.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

require_tools dotnet node npm
require_ports_free 7071 10000 10001 10002
ensure_azurite
ensure_local_settings
mkdir -p .azurite

AZURITE_PID=
APP_PID=
cleanup() { stop_pid "$APP_PID"; stop_pid "$AZURITE_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

info "starting Azurite (data in .azurite/, log in .azurite/azurite.log)"
start_azurite 10000 10001 10002 .azurite .azurite/azurite.log

if [ -f web/package.json ]; then
  info "building the admin SPA (web/)"
  (cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent) || die "the SPA build failed"
fi

info "building and starting the function app on http://127.0.0.1:7071 (Ctrl-C stops everything)"
dotnet build functions/PenguinMails.Functions -c Debug -v quiet -nologo | tail -n 3
# Run from the repository root, where local.settings.json and web/dist are.
ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} dotnet "$APP_DLL" &
APP_PID=$!
wait "$APP_PID"
