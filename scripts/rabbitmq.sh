# RabbitMQ for the tests: Debian's rabbitmq-server with the AMQP 1.0 plugin, on 127.0.0.1 only,
# with all its state in a throw-away folder. Sourced by scripts/test.sh.
RABBITMQ_PID=
EPMD_WAS_RUNNING=

ensure_rabbitmq_installed() {
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && return 0
  info "installing rabbitmq-server (Debian package)"
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  command -v apt-get >/dev/null || die "rabbitmq-server is missing and apt-get is not available; install RabbitMQ 3.10+ with the AMQP 1.0 plugin"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
  # policy-rc.d stops the package from starting a system-wide broker on 5672.
  echo 'exit 101' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null || die "apt-get install rabbitmq-server failed"
  $sudo rm -f /usr/sbin/policy-rc.d
}

start_rabbitmq() { # amqp-port dist-port dir
  local dir=$3
  mkdir -p "$dir"
  pgrep -x epmd >/dev/null && EPMD_WAS_RUNNING=1
  (
    export HOME="$dir" RABBITMQ_NODENAME="pmtest$$@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$1 \
      RABBITMQ_DIST_PORT=$2 RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
      RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq" \
      RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    /usr/lib/rabbitmq/bin/rabbitmq-plugins enable --offline rabbitmq_amqp1_0 >"$dir/plugins.log" 2>&1 \
      || { echo "could not enable rabbitmq_amqp1_0 (see $dir/plugins.log)" >&2; exit 1; }
    exec /usr/lib/rabbitmq/bin/rabbitmq-server >"$dir/server.log" 2>&1
  ) &
  RABBITMQ_PID=$!
  wait_for_port "$1" 60 RabbitMQ
}

stop_rabbitmq() {
  [ -n "$RABBITMQ_PID" ] || return 0
  local beam
  beam=$(pgrep -P "$RABBITMQ_PID" beam.smp || true)
  [ -n "$beam" ] && stop_pid "$beam"
  stop_pid "$RABBITMQ_PID"
  [ -n "$EPMD_WAS_RUNNING" ] || pkill -x epmd 2>/dev/null || true
  RABBITMQ_PID=
}
