#!/usr/bin/env bash
# Builds every Bicep file under infra/ (and the example .bicepparam) with the Bicep CLI taken from
# the NuGet package Azure.Bicep.CommandLine.linux-x64. Fails on any error and on any linter warning.
#
#   scripts/check-bicep.sh
#
# The CLI is fetched by restoring infra/tools/BicepTool.csproj (a PackageDownload, not part of the
# solution) into the NuGet global packages folder; later runs reuse it.
set -euo pipefail

BICEP_PACKAGE=azure.bicep.commandline.linux-x64
BICEP_VERSION=0.49.2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_project="$root/infra/tools/BicepTool.csproj"

fail() {
  echo "check-bicep: $*" >&2
  exit 1
}

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) ;;
  *) fail "the Bicep CLI package used here is linux-x64 only (this is $(uname -s)/$(uname -m))" ;;
esac

command -v dotnet >/dev/null 2>&1 || fail "dotnet is not on PATH; it is needed to fetch the Bicep CLI from NuGet"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

packages_dir="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
[[ -n "$packages_dir" ]] || fail "could not find the NuGet global packages folder (dotnet nuget locals global-packages --list)"
package_dir="${packages_dir%/}/$BICEP_PACKAGE/$BICEP_VERSION"
bicep="$package_dir/tools/bicep"

if [[ ! -f "$bicep" || ! -f "$package_dir/.nupkg.metadata" ]]; then
  echo "check-bicep: restoring Azure.Bicep.CommandLine.linux-x64 $BICEP_VERSION ..."
  if ! restore_log="$(dotnet restore "$tool_project" --verbosity quiet 2>&1)"; then
    echo "$restore_log" >&2
    fail "dotnet restore of $tool_project failed: could not get Azure.Bicep.CommandLine.linux-x64 $BICEP_VERSION from the NuGet source"
  fi
  [[ -f "$bicep" ]] || fail "restore succeeded but $bicep is missing"
fi
[[ -x "$bicep" ]] || chmod +x "$bicep"

# The CLI is a self-contained .NET app; it needs no ICU for building templates.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1

cd "$root"
mapfile -t files < <(find infra -path infra/tools -prune -o \( -name '*.bicep' -o -name '*.bicepparam' \) -type f -print | LC_ALL=C sort)
[[ ${#files[@]} -gt 0 ]] || fail "no .bicep files found under infra/"

failed=0
diagnostics="$(mktemp)"
trap 'rm -f "$diagnostics"' EXIT

for file in "${files[@]}"; do
  case "$file" in
    *.bicepparam) command=build-params ;;
    *) command=build ;;
  esac
  status=0
  "$bicep" "$command" "$file" --stdout >/dev/null 2>"$diagnostics" || status=$?
  # Bicep writes errors and linter warnings to stderr; any output there fails the check.
  if [[ $status -ne 0 || -s "$diagnostics" ]]; then
    failed=$((failed + 1))
    echo "bicep $command $file: FAILED (exit $status)" >&2
    sed 's/^/  /' "$diagnostics" >&2
  fi
done

if [[ $failed -gt 0 ]]; then
  fail "bicep build: $failed of ${#files[@]} files have errors or warnings (see above)"
fi

echo "bicep build: ok (${#files[@]} files)"
