#!/usr/bin/env bash
# Accord on this machine with only a JDK 17+: the Mongo-wire store, the Apache Kafka broker
# (KRaft) and every service, each its own process. Ctrl-C ends them all.
#
#   deploy/local/run.sh                 build what is missing, start everything, wait for health
#   deploy/local/run.sh --build         rebuild first (./mvnw install -DskipTests)
#   deploy/local/run.sh --services=proposals,voting   start only these services (or none)
#   deploy/local/run.sh --port-offset=10000   every port + 10000 (a second stack beside this one;
#                                       give it its own ACCORD_DATA)
#   deploy/local/run.sh --supervise     start again a process that dies (back-off 1 s doubling to 60 s)
#   deploy/local/run.sh stop            stop every process of the stack, whoever started it
#   deploy/local/run.sh restart <name>  restart one process of a running stack and wait for its health
#                                       (store, kafka, identity, gateway, proposals, comments, voting, publication)
#
# Environment: ACCORD_DATA (default deploy/local/data), KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI
# (use existing infrastructure instead of the embedded broker/store), ACCORD_PORT_OFFSET,
# ACCORD_SUPERVISE=true (as --supervise), ACCORD_MAX_REQUEST_SIZE (default 4MB, gateway and services),
# ACCORD_MAX_REQUEST_LINE (default 8KB) and ACCORD_MAX_REQUEST_HEADERS (default 16KB), likewise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export ACCORD_HOME="$ROOT"
DATA="${ACCORD_DATA:-deploy/local/data}"
case "$DATA" in /*) ;; *) DATA="$ROOT/$DATA" ;; esac
RUN="$DATA/run"

command -v java >/dev/null 2>&1 || { echo "Java 17 or later is needed (java not found on PATH)." >&2; exit 1; }

launch() {
  # The launcher runs from a copy, so a rebuild while the stack runs cannot pull a jar from under it.
  mkdir -p "$RUN/kafka-lib"
  # A new file moved into place: a running stack's processes keep reading the copy they opened.
  cp -p deploy/local/target/accord-local.jar "$RUN/accord-local.jar.new"
  mv -f "$RUN/accord-local.jar.new" "$RUN/accord-local.jar"
  cp -pu deploy/local/target/kafka-lib/*.jar "$RUN/kafka-lib/"
  exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$RUN/accord-local.jar:$RUN/kafka-lib/*" org.accord.local.LocalStack "$@"
}

control() {
  # stop and restart act on a running stack, whose launcher and infrastructure run from the copies
  # in $RUN: they run from the build output and leave those copies alone.
  exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "deploy/local/target/accord-local.jar:deploy/local/target/kafka-lib/*" org.accord.local.LocalStack "$@"
}

if [[ "${1:-}" == "stop" || "${1:-}" == "restart" ]]; then
  if [[ ! -f deploy/local/target/accord-local.jar ]]; then
    echo "Nothing to $1: the local stack was never built."; exit 0
  fi
  control "$@"
fi

build=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then build=true; else args+=("$arg"); fi
done

required=(
  deploy/local/target/accord-local.jar
  services/proposals/proposals-service/target/proposals-service.jar
  services/comments/comments-service/target/comments-service.jar
  services/voting/voting-service/target/voting-service.jar
  services/publication/publication-service/target/publication-service.jar
)
# Identity and the gateway count once their modules have sources; the stack runs without them.
[[ -d platform/identity/src/main ]] && required+=(platform/identity/target/accord-identity.jar)
[[ -d platform/gateway/src/main ]] && required+=(platform/gateway/target/accord-gateway.jar)
for jar in "${required[@]}"; do
  [[ -f "$jar" ]] || { echo "Not built yet: $jar"; build=true; }
done
[[ -d deploy/local/target/kafka-lib ]] || build=true

if $build; then
  echo "Building Accord (./mvnw -q -B install -DskipTests; the first build downloads dependencies) ..."
  start=$(date +%s)
  ./mvnw -q -B install -DskipTests
  echo "Built in $(( $(date +%s) - start )) s."
fi

launch start "${args[@]+"${args[@]}"}"
