# Shared helpers for dev.sh and scripts/*.sh. Sourced, not run.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

APP_DLL="$ROOT/functions/PenguinMails.Functions/bin/Debug/net10.0/PenguinMails.Functions.dll"

die() { echo "error: $*" >&2; exit 1; }
info() { echo "==> $*" >&2; }

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed. Install it (see README.md: .NET 10 SDK and Node 20) and retry."
  done
  if [[ " $* " == *" dotnet "* ]] && ! dotnet --list-sdks | grep -q '^10\.'; then
    die "the .NET 10 SDK is required (found: $(dotnet --list-sdks | tr '\n' ' '))"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_ports_free() {
  local port
  for port in "$@"; do
    port_free "$port" || die "port $port on 127.0.0.1 is already in use. Stop whatever listens there (ss -ltnp 'sport = :$port') and retry."
  done
}

wait_for_port() { # port seconds name
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    port_free "$1" || return 0
    sleep 0.2
  done
  die "$3 did not start listening on port $1 within $2 s"
}

ensure_azurite() {
  require_tools node npm
  if [ ! -x "$ROOT/node_modules/.bin/azurite" ]; then
    info "installing Azurite (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  fi
}

# start_azurite <blob-port> <queue-port> <table-port> <location|--memory> <log>
start_azurite() {
  local storage_args=(--location "$4")
  [ "$4" = --memory ] && storage_args=(--inMemoryPersistence)
  require_ports_free "$1" "$2" "$3"
  "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort "$1" --queueHost 127.0.0.1 --queuePort "$2" --tableHost 127.0.0.1 --tablePort "$3" \
    "${storage_args[@]}" >"$5" 2>&1 &
  AZURITE_PID=$!
  wait_for_port "$1" 30 Azurite
  wait_for_port "$2" 30 Azurite
  wait_for_port "$3" 30 Azurite
}

azurite_connection_string() { # blob queue table
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$3/devstoreaccount1;"
}

ensure_local_settings() {
  if [ ! -f "$ROOT/local.settings.json" ]; then
    cp "$ROOT/local.settings.sample.json" "$ROOT/local.settings.json"
    info "created local.settings.json from local.settings.sample.json"
  fi
}

# Kills a process and its children; ignores ones already gone.
stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
