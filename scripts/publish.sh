#!/usr/bin/env bash
# ./dev.sh publish [dir]: a zip-deployable Functions app: the self-contained linux-x64 handler,
# host.json, and <Function>/function.json for every function, all at the top of the folder.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib.sh"
cd "$ROOT"
require_tools dotnet
out=${1:-artifacts/publish}
rm -rf "$out"
info "publishing the self-contained linux-x64 handler to $out"
dotnet publish functions/PenguinMails.Functions -c Release -r linux-x64 --self-contained true \
  -p:PublishSingleFile=false -p:DebugType=none -o "$out" -nologo -v quiet
info "writing function.json files"
# The metadata comes from the same registrations the app serves; no storage is touched.
Security__CursorKey=$(head -c 32 /dev/urandom | base64) Storage=UseDevelopmentStorage=true \
  "$out/PenguinMails.Functions" emit-function-metadata "$out"
cp host.json "$out/host.json"
info "done: $(find "$out" -name function.json | wc -l) functions in $out (zip its contents to deploy)"
