#!/usr/bin/env bash
# PenguinMails Admin: the run and test commands. See README.md.
#   ./dev.sh run                      Azurite + the function app on http://127.0.0.1:7071 (Ctrl-C stops both)
#   ./dev.sh test                     Azurite + every test (the Service Bus, Stripe, Jira, Key Vault and OIDC peers are in-test fakes), then stops what it started
#   ./dev.sh publish                  zip-deployable folder in artifacts/publish
#   ./dev.sh bootstrap-admin --email you@example.com
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
source scripts/lib.sh

cmd=${1:-help}
shift || true
case "$cmd" in
  run) exec scripts/run.sh "$@" ;;
  test) exec scripts/test.sh "$@" ;;
  publish) exec scripts/publish.sh "$@" ;;
  bootstrap-admin)
    require_tools dotnet
    ensure_local_settings
    dotnet build functions/PenguinMails.Functions -c Debug -v quiet -nologo >/dev/null || die "build failed"
    exec dotnet "$APP_DLL" bootstrap-admin "$@" ;;
  *)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    [ "$cmd" = help ] || exit 2 ;;
esac
