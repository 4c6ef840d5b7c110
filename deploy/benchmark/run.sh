#!/usr/bin/env bash
# Accord's benchmark: measures the running stack next to the raw Kafka broker and store it
# stands on, in one run, and writes deploy/benchmark/results/latest.md and latest.json.
#
#   deploy/benchmark/run.sh                              against http://localhost:8080, or a stack it starts
#   deploy/benchmark/run.sh --target http://localhost:18080   another stack (every port moves with the gateway's)
#   deploy/benchmark/run.sh --quick                      small sizes, a smoke run (writes quick.md / quick.json)
#   deploy/benchmark/run.sh --only=ingestion,propagation,reads,workflow,fanout
#
# When nothing answers at the target, it starts deploy/local/run.sh with fresh data in
# deploy/benchmark/target/stack and stops it at the end. All traffic stays on this machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

target="http://localhost:8080"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --target=*) target="${args[$i]#--target=}" ;;
    --target) target="${args[$((i + 1))]:-$target}" ;;
  esac
done

# One descriptor per SSE subscriber, in the publication service and in the benchmark client.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "Open-file limit for the benchmark and a stack it starts: $(ulimit -n)"

jar=deploy/benchmark/target/accord-benchmark.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find deploy/benchmark/src deploy/benchmark/pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "Building the benchmark (./mvnw -q -B package -pl deploy/benchmark -DskipTests) ..."
  ./mvnw -q -B package -pl deploy/benchmark -DskipTests
fi

stack="the running stack at $target"
if ! curl -sf --max-time 3 "$target/actuator/health" >/dev/null 2>&1; then
  data="$ROOT/deploy/benchmark/target/stack"
  port="$(sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#' <<<"$target")"
  offset=$(( ${port:-8080} - 8080 ))
  echo "Nothing answers at $target: starting the local stack (port offset $offset, fresh data in $data) ..."
  rm -rf "$data"
  mkdir -p "$data"
  ACCORD_DATA="$data" ACCORD_PORT_OFFSET="$offset" deploy/local/run.sh >"$data.log" 2>&1 &
  launcher=$!
  stop_stack() {
    echo "Stopping the stack the benchmark started ..."
    ACCORD_DATA="$data" deploy/local/run.sh stop >/dev/null 2>&1 || kill "$launcher" 2>/dev/null || true
    wait "$launcher" 2>/dev/null || true
  }
  trap stop_stack EXIT
  for _ in $(seq 1 900); do
    if grep -q "services UP after" "$data.log" 2>/dev/null; then break; fi
    if ! kill -0 "$launcher" 2>/dev/null; then
      echo "The local stack did not start; its output:"; cat "$data.log"; exit 1
    fi
    sleep 1
  done
  grep -E "services UP after|NOT UP|FAILED|MISSING" "$data.log" || true
  stack="the local stack started by the benchmark (deploy/local/run.sh, fresh data)"
fi

java -Xms256m -Xmx1g -XX:+UseParallelGC -jar "$jar" --root "$ROOT" --stack "$stack" "$@"
