#!/usr/bin/env bash
# The HTTP benchmark of a blocking endpoint: the sample application's GET /search (a call to the stand-in
# vector store answering after 20 ms, then a little reranking CPU) under a closed loop of N concurrent
# clients, with Tomcat's request threads on Tomcat's default pool (200 threads), on BetaPool
# (betapool.web.enabled=true) and on virtual threads (spring.threads.virtual.enabled=true).
# The vector store is a second copy of the application, on Tomcat's own threads, started once: the
# application under test reaches it over HTTP through sample.backend.url, as it would a remote service.
# Prints a Markdown table. Needs JDK 21+ for virtual threads (JAVA, default Temurin 25) and the jars:
#   mvn -B -q -pl betapool-sample-app,betapool-benchmarks -am package -DskipTests
# Options through the environment: CLIENTS (default 50,200), WARMUP (10s), MEASURE (20s).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CLIENTS=${CLIENTS:-50,200}
WARMUP=${WARMUP:-10s}
MEASURE=${MEASURE:-20s}
APP=betapool-sample-app/target/betapool-sample-app-0.1.0-SNAPSHOT.jar
BENCH=betapool-benchmarks/target/benchmarks.jar
PATH_AND_QUERY='/search?q=How+does+the+pool+decide+to+grow+under+I/O&topK=3&searchLatencyMs=20'

for file in "$APP" "$BENCH"; do
	if [ ! -f "$file" ]; then
		echo "missing $file: run mvn -B -q -pl betapool-sample-app,betapool-benchmarks -am package -DskipTests" >&2
		exit 1
	fi
done

# Starts the application with the given arguments on a free port; sets PID and PORT.
start_app() {
	local log=$1
	shift
	"$JAVA" -Xms512m -Xmx512m -jar "$APP" --server.port=0 --sample.demo.enabled=false \
		--sample.backend.jitter=0 "$@" >"$log" 2>&1 &
	PID=$!
	PORT=""
	for _ in $(seq 1 180); do
		PORT=$(grep -oE 'Tomcat started on port [0-9]+' "$log" | grep -oE '[0-9]+$' || true)
		if [ -n "$PORT" ] || ! kill -0 "$PID" 2>/dev/null; then
			break
		fi
		sleep 1
	done
	if [ -z "$PORT" ]; then
		echo "the application did not start; its log:" >&2
		cat "$log" >&2
		kill "$PID" 2>/dev/null || true
		exit 1
	fi
}

downstream_log=$(mktemp)
start_app "$downstream_log" --betapool.web.enabled=false
DOWNSTREAM_PID=$PID
DOWNSTREAM_PORT=$PORT
trap 'kill $DOWNSTREAM_PID 2>/dev/null || true; rm -f "$downstream_log"' EXIT

run_setup() {
	local label=$1
	shift
	local log
	log=$(mktemp)
	start_app "$log" --sample.backend.url="http://localhost:$DOWNSTREAM_PORT" "$@"
	"$JAVA" -cp "$BENCH" io.betapool.benchmarks.http.HttpLoad --url "http://localhost:$PORT$PATH_AND_QUERY" \
		--clients "$CLIENTS" --warmup "$WARMUP" --measure "$MEASURE" --label "$label"
	kill "$PID"
	wait "$PID" 2>/dev/null || true
	rm -f "$log"
}

echo "| request threads | clients | requests/s | p50 ms | p99 ms | max ms | failed | JVM threads (max) |"
echo "|---|---|---|---|---|---|---|---|"
run_setup "Tomcat default (200 threads)" --betapool.web.enabled=false
run_setup "BetaPool (betapool.web.enabled)" --betapool.web.enabled=true
run_setup "virtual threads" --betapool.web.enabled=false --spring.threads.virtual.enabled=true
