#!/usr/bin/env bash
# ./dev.sh test: installs and starts Azurite on test ports, runs every test
# (.NET tests, the Bicep build, the publish layout, the SPA in headless Chromium), stops what it started
# even on failure, and ends with the test runner's summary line.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

# Test ports; override them to run beside another test run.
BLOB=${PENGUINMAILS_TEST_BLOB_PORT:-20000} QUEUE=$((BLOB + 1)) TABLE=$((BLOB + 2))
RUN_DIR="$ROOT/.run/test"
RESULTS="$RUN_DIR/results"

require_tools dotnet node npm
ensure_azurite
require_ports_free $BLOB $QUEUE $TABLE

rm -rf "$RUN_DIR"; mkdir -p "$RESULTS"
AZURITE_PID=
cleanup() { stop_pid "$AZURITE_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

info "starting Azurite (in memory) on $BLOB/$QUEUE/$TABLE"
start_azurite $BLOB $QUEUE $TABLE --memory "$RUN_DIR/azurite.log"

export PENGUINMAILS_TEST_STORAGE=$(azurite_connection_string $BLOB $QUEUE $TABLE)
export PENGUINMAILS_PUBLISH_DIR="$RUN_DIR/publish"

failed_steps=()
info "checking infra/ with bicep build"
scripts/check-bicep.sh || failed_steps+=(bicep)
info "publishing (the layout test checks the output)"
scripts/publish.sh "$PENGUINMAILS_PUBLISH_DIR" || failed_steps+=(publish)
if [ -f web/package.json ] && [ -x scripts/test-web.sh ]; then
  scripts/test-web.sh "$RESULTS" || failed_steps+=(web)
fi

info "running the .NET tests"
dotnet test PenguinMails.Functions.sln -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" \
  || failed_steps+=(dotnet-test)

[ ${#failed_steps[@]} -eq 0 ] || echo "failed steps: ${failed_steps[*]}" >&2
# The summary is the last line: totals over every TRX (.NET) and JUnit (SPA) result file.
python3 scripts/summarize-results.py "$RESULTS"
[ ${#failed_steps[@]} -eq 0 ]
