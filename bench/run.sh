#!/usr/bin/env bash
# Greenlight benchmark: generates the large organisation's data, starts the packaged application (JVM mode) on it and
# measures start time, memory, each page at a fixed arrival rate (open model, no coordinated omission), peak
# throughput with wrk, and two ceilings on the same machine: a page without SQL (the framework's limit) and the
# detail page's SQL run directly by pgbench (the database's limit). docs/benchmark.md explains the figures.
#
#   ./mvnw package -DskipTests -Dexec.skip && bench/run.sh
#
# Settings (environment): RATE (requests per second, 100), WARMUP and MEASURE (seconds, 5 and 20), PEAK (wrk seconds,
# 10), STARTS (3, the measured starts), SCHEMA (greenlight_bench), PORT (18480), SKIP_GENERATE=1 to reuse the data
# (approval POSTs then need releases still in review), JAVA_OPTS (the JVM flags below), JAVA (the java that runs the
# application: java on the PATH, or e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java for an AOT cache), CDS=0 for a
# start without any archive.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMA=${SCHEMA:-greenlight_bench}
PORT=${PORT:-18480}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1))}
RATE=${RATE:-100}
WARMUP=${WARMUP:-5}
MEASURE=${MEASURE:-20}
PEAK=${PEAK:-10}
STARTS=${STARTS:-3}
PGBENCH=${PGBENCH:-$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || command -v pgbench)}
PG="psql -h localhost -U postgres -d postgres -v ON_ERROR_STOP=1 -q"
# Small, steady footprint on two cores: serial GC, bounded heap and metaspace, smaller thread stacks. The code cache
# keeps its default size: a smaller cap makes code unloading trigger full collections (docs/benchmark.md).
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k"}
JAVA=${JAVA:-java}
BASE=http://localhost:$PORT
OUT=target/bench
APP=target/greenlight-runner.jar

# The pages measured: "name|path|user|id range". {id} becomes a random id in the range. Add pages here; a page that
# answers 404 is reported as not present and skipped.
PAGES=(
  "dashboard|/|user001|"
  "release list|/releases|user001|"
  "release list, page 100|/releases?page=100|user001|"
  "release detail|/releases/{id}|user001|1:100000"
  "review queue|/reviews|user301|"
  "audit log deep in history (API)|/api/v1/audit?before={id}&size=50|user001|1000:200000"
  "audit log page deep in history|/audit?before={id}|user001|1000:200000"
  "metrics page|/metrics|user001|"
)
# The framework's ceiling: a signed-in page that runs no SQL.
TRIVIAL_PATH=/policy

for tool in "$JAVA" psql curl wrk "$PGBENCH"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (wrk and pgbench: apt-get install wrk postgresql-client)"; exit 1; }
done
[[ -f $APP ]] || { echo "no $APP: run ./mvnw package -DskipTests -Dexec.skip first"; exit 1; }
mkdir -p "$OUT"
: > "$OUT/app.log"

# --- tokens: a local key pair stands in for the OIDC provider -------------------------------------------------
users=(user001=author user301=code-reviewer user491=maintainer)
for i in $(seq 0 9); do
  users+=("user$((301 + i))=code-reviewer" "user$((381 + i))=security-reviewer" "user$((421 + i))=product-reviewer")
done
java bench/BenchTokens.java "$OUT/tokens" "${users[@]}"
token() { cat "$OUT/tokens/token-$1"; }

export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/postgres?currentSchema=$SCHEMA"
export QUARKUS_DATASOURCE_USERNAME=postgres
export QUARKUS_FLYWAY_SCHEMAS=$SCHEMA
export QUARKUS_HTTP_PORT=$PORT
export QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT
# Bearer tokens checked with the local public key on both tenants; no provider, no network.
export QUARKUS_OIDC_APPLICATION_TYPE=service
export QUARKUS_OIDC_PUBLIC_KEY=$(cat "$OUT/tokens/public-key")
export QUARKUS_OIDC_API_PUBLIC_KEY=$QUARKUS_OIDC_PUBLIC_KEY
export QUARKUS_OIDC_API_AUTH_SERVER_URL=
export QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET=bench-only-secret-bench-only-secret-0123

APP_PID=
stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

# CDS=1: a training start on the generated data writes an archive that the measured start reads. On JDK 25 and newer
# it is an ahead-of-time cache (JEP 483/514/515: classes loaded and linked, method profiles); before that, an AppCDS
# archive of the classes loaded (JDK 13+).
CDS=${CDS:-1}
JAVA_FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if (( JAVA_FEATURE >= 25 )); then
  ARCHIVE=$OUT/app.aot WRITE_ARCHIVE=-XX:AOTCacheOutput READ_ARCHIVE=-XX:AOTCache ARCHIVE_KIND="AOT cache"
else
  ARCHIVE=$OUT/app-cds.jsa WRITE_ARCHIVE=-XX:ArchiveClassesAtExit READ_ARCHIVE=-XX:SharedArchiveFile ARCHIVE_KIND=AppCDS
fi
[[ $CDS == 1 ]] || ARCHIVE_KIND=none
# start_app [train]: "train" writes the archive when the application stops; otherwise it is read when present.
start_app() {
  local archive=()
  if [[ $CDS == 1 && ${1:-} == train ]]; then
    archive=("$WRITE_ARCHIVE=$ARCHIVE")
  elif [[ $CDS == 1 && -f $ARCHIVE ]]; then
    archive=("$READ_ARCHIVE=$ARCHIVE")
  fi
  "$JAVA" $JAVA_OPTS "${archive[@]}" -jar "$APP" >>"$OUT/app.log" 2>&1 &
  APP_PID=$!
}

# Milliseconds from now until the page answers 200 (or fail after 120 s).
wait_for_page() {
  local started=$1 path=$2 auth
  auth="Authorization: Bearer $(token user001)"
  for _ in $(seq 1 2400); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$BASE$path") == 200 ]]; then
      echo $(( ($(date +%s%N) - started) / 1000000 ))
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $OUT/app.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "no 200 on $path within 120 s; see $OUT/app.log" >&2
  exit 1
}

rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }
# CPU time the application has used, in milliseconds: per request it hardly depends on what else the machine runs.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$APP_PID/stat"; }
# All CPUs' time and its stolen part, in jiffies. Steal is time the hypervisor gave to other guests: where it is high, a
# run measures the neighbours more than Greenlight, so every figure comes with the steal during it.
cpu_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9; exit}' /proc/stat; }
steal_since() {
  local before=($1) now=($(cpu_jiffies))
  awk -v total=$(( now[0] - before[0] )) -v stolen=$(( now[1] - before[1] )) \
    'BEGIN {printf "%.0f %%", total ? 100 * stolen / total : 0}'
}

# --- data ---------------------------------------------------------------------------------------------------------
# an archive belongs to one build of the application and one JDK
rm -f "$OUT/app-cds.jsa" "$OUT/app.aot"
if [[ ${SKIP_GENERATE:-0} != 1 ]]; then
  # a fresh schema, migrated by this build's Flyway scripts
  $PG -c "drop schema if exists $SCHEMA cascade"
  echo "Migrating schema $SCHEMA (first start of the application)..."
  start_app
  wait_for_page "$(date +%s%N)" /releases >/dev/null
  stop_app
  echo "Generating data (bench/generate.sql)..."
  gen_start=$(date +%s%N)
  $PG -v schema="$SCHEMA" -f bench/generate.sql | sed 's/^/  /'
  GENERATE_S=$(awk "BEGIN{printf \"%.1f\", ($(date +%s%N) - $gen_start) / 1e9}")
  echo "  generated in $GENERATE_S s"
else
  GENERATE_S="(reused)"
fi
if [[ $CDS == 1 ]]; then
  echo "Training start: every page a few times, then the $ARCHIVE_KIND is written ($ARCHIVE)..."
  start_app train
  wait_for_page "$(date +%s%N)" /releases >/dev/null
  for _ in 1 2 3 4 5; do
    for page in "${PAGES[@]}"; do
      IFS='|' read -r _ path user range <<<"$page"
      curl -s -o /dev/null -H "Authorization: Bearer $(token "$user")" "$BASE${path//\{id\}/${range%%:*}}"
    done
  done
  stop_app
fi

# --- start ----------------------------------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RUN_JIFFIES=$(cpu_jiffies)
# One start on a busy two-core machine varies by a few hundred milliseconds: the figure is the median of STARTS starts,
# and the last one stays up for the rest of the run.
start_times=()
for run in $(seq 1 "$STARTS"); do
  (( run == 1 )) || stop_app
  launched=$(date +%s%N)
  start_app
  start_times+=("$(wait_for_page "$launched" /releases)")
done
sleep 2
RSS_START=$(rss_mb)
START_STEAL=$(steal_since "$RUN_JIFFIES")
mapfile -t sorted_starts < <(printf '%s\n' "${start_times[@]}" | sort -n)
START_MS=${sorted_starts[$(( STARTS / 2 ))]}
START_RANGE="${sorted_starts[0]}–${sorted_starts[-1]}"
echo "Start to first page: $START_MS ms (median of $STARTS: ${start_times[*]}; CPU steal $START_STEAL);"\
  "RSS after start: $RSS_START MB"

echo "Audit chain check (GET /api/v1/audit/verification)..."
VERIFY=$(curl -s -H "Authorization: Bearer $(token user001)" "$BASE/api/v1/audit/verification")
echo "  $VERIFY"
[[ $VERIFY == *'"intact":true'* ]] || { echo "the generated audit chain is broken"; exit 1; }

# --- ceilings -------------------------------------------------------------------------------------------------------
cat > "$OUT/random-id.lua" <<'LUA'
local path, lo, hi
function init(args) path = args[1]; lo = tonumber(args[2]); hi = tonumber(args[3]) end
function request() return wrk.format("GET", (path:gsub("{id}", tostring(math.random(lo, hi))))) end
LUA
# Peak requests per second of a GET, with wrk (closed model: for the ceiling only, never for latency).
peak() {
  local path=$1 user=$2 range=${3:-1:1}
  wrk -t2 -c16 -d"${PEAK}s" -H "Authorization: Bearer $(token "$user")" -s "$OUT/random-id.lua" "$BASE" \
    -- "$path" "${range%%:*}" "${range##*:}" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}
echo "Warming up and measuring the ceilings..."
peak "$TRIVIAL_PATH" user001 >/dev/null
FRAMEWORK_RPS=$(peak "$TRIVIAL_PATH" user001)
PGBENCH_TPS=$(PGOPTIONS="-c search_path=$SCHEMA" "$PGBENCH" -h localhost -U postgres -n -M prepared -c 4 -j 2 -T "$PEAK" \
  -f bench/detail-page.sql postgres 2>/dev/null | awk '/^tps/ {printf "%.0f", $3; exit}')
CEILING=$(( FRAMEWORK_RPS < PGBENCH_TPS ? FRAMEWORK_RPS : PGBENCH_TPS ))
echo "  framework ($TRIVIAL_PATH): $FRAMEWORK_RPS req/s; database (detail page SQL, pgbench): $PGBENCH_TPS tx/s"

# --- pages ----------------------------------------------------------------------------------------------------------
RSS_PEAK=$RSS_START
sample_rss() { while kill -0 "$APP_PID" 2>/dev/null; do rss_mb; sleep 0.5; done; }
ROWS=()
measure() {
  local name=$1 requests=$2 range=$3 peak_rps=$4 result rss share cpu_before cpu jiffies steal
  sample_rss > "$OUT/rss.txt" &
  local sampler=$!
  cpu_before=$(cpu_ms)
  jiffies=$(cpu_jiffies)
  result=$(java bench/LoadGen.java "$BASE" "$requests" "$RATE" "$WARMUP" "$MEASURE" ${range:+"$range"})
  cpu=$(awk "BEGIN{printf \"%.1f\", ($(cpu_ms) - $cpu_before) / ($RATE * ($WARMUP + $MEASURE))}")
  steal=$(steal_since "$jiffies")
  kill "$sampler" 2>/dev/null || true
  rss=$(sort -n "$OUT/rss.txt" | tail -1)
  (( rss > RSS_PEAK )) && RSS_PEAK=$rss
  share=n/a
  [[ $peak_rps =~ ^[0-9]+$ ]] && share=$(awk "BEGIN{printf \"%.0f %%\", 100 * $peak_rps / $CEILING}")
  eval "$result"
  ROWS+=("| $name | $throughput | $p50 | $p95 | $p99 | $max | $errors | $peak_rps | $share | $cpu | $steal |")
  echo "  $name: $result peak=$peak_rps share=$share app_cpu_ms_per_request=$cpu cpu_steal=\"$steal\""
}

present() {
  local path=$1 user=$2 range=$3
  [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(token "$user")" \
    "$BASE${path//\{id\}/${range%%:*}}") != 404 ]]
}
echo "Warming up every page (JIT) with wrk, ${WARMUP} s each..."
for page in "${PAGES[@]}"; do
  IFS='|' read -r name path user range <<<"$page"
  present "$path" "$user" "$range" && PEAK=$WARMUP peak "$path" "$user" "$range" >/dev/null
done
echo "Pages at $RATE req/s (warm-up ${WARMUP} s, then ${MEASURE} s measured), then wrk peak for ${PEAK} s:"
for page in "${PAGES[@]}"; do
  IFS='|' read -r name path user range <<<"$page"
  if ! present "$path" "$user" "$range"; then
    echo "  $name: not present ($path answers 404), skipped"
    ROWS+=("| $name | not present | | | | | | | | | |")
    continue
  fi
  printf 'GET\t%s\t%s\n' "$path" "$(token "$user")" > "$OUT/requests.tsv"
  measure "$name" "$OUT/requests.tsv" "$range" "$(peak "$path" "$user" "$range")"
done

# Approval POSTs: each releases in review gets a code, a security and a product approval, each from a reviewer of
# that role who neither created it nor wrote its changesets (generate.sql keeps those apart).
$PG -At -c "select id from $SCHEMA.release where state = 'IN_REVIEW' order by id" > "$OUT/in-review.txt"
: > "$OUT/approvals.tsv"
for slot in code:301 security:381 product:421; do
  awk -v slot="${slot%%:*}" -v first="${slot##*:}" -v dir="$OUT/tokens" '{
    user = "user" (first + NR % 10); file = dir "/token-" user; getline token < file; close(file)
    printf "POST\t/api/v1/releases/%s/approvals\t%s\t{\"slot\":\"%s\",\"decision\":\"approve\"}\n", $1, token, slot
  }' "$OUT/in-review.txt" >> "$OUT/approvals.tsv"
done
needed=$(( RATE * (WARMUP + MEASURE) ))
if (( $(wc -l < "$OUT/approvals.tsv") < needed )); then
  echo "  approval POST: only $(wc -l < "$OUT/approvals.tsv") open slots for $needed requests; regenerate the data"
  ROWS+=("| approval POST | too few open slots | | | | | | | | | |")
else
  # The GET pages are warmed up with wrk; a POST can happen once, so the slots the measured run does not use (from
  # the end of the file) warm the approval path first, at half the rate for up to 30 s, as a running server would be.
  spare=$(( $(wc -l < "$OUT/approvals.tsv") - needed ))
  warm_rate=$(( RATE / 2 ))
  warm_s=$(( spare / warm_rate < 30 ? spare / warm_rate : 30 ))
  if (( warm_s > 0 )); then
    tail -n "$(( warm_rate * warm_s ))" "$OUT/approvals.tsv" > "$OUT/approvals-warmup.tsv"
    echo "  approval POST: warming up with $(( warm_rate * warm_s )) other approvals at $warm_rate req/s..."
    java bench/LoadGen.java "$BASE" "$OUT/approvals-warmup.tsv" "$warm_rate" 0 "$warm_s" | sed 's/^/    warm-up: /'
  fi
  head -n "$needed" "$OUT/approvals.tsv" > "$OUT/approvals-measured.tsv"
  measure "approval POST" "$OUT/approvals-measured.tsv" "" "n/a (each approval happens once)"
fi
# The queue again once the POSTs have filled every code slot: a code reviewer's few tasks (a major bump or a security
# fix wants a second code review) lie among many releases that wait for others.
printf 'GET\t/reviews\t%s\n' "$(token user301)" > "$OUT/requests.tsv"
measure "review queue after the approvals" "$OUT/requests.tsv" "" "$(peak /reviews user301)"
RSS_LOAD=$RSS_PEAK
VERIFY_AFTER=$(curl -s -H "Authorization: Bearer $(token user001)" "$BASE/api/v1/audit/verification")
echo "Audit chain after the approval POSTs: $VERIFY_AFTER"
[[ $VERIFY_AFTER == *'"intact":true'* ]] || ROWS+=("| audit chain after the POSTs | BROKEN: $VERIFY_AFTER | | | | | | | | | |")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RUN_STEAL=$(steal_since "$RUN_JIFFIES")

# --- report ---------------------------------------------------------------------------------------------------------
{
  echo "# Greenlight benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1);"
  echo "load average before: $LOAD_BEFORE, after: $LOAD_AFTER; CPU steal from the measured starts on: $RUN_STEAL."
  echo "JVM: \`$JAVA_OPTS\`."
  echo "Data generated in $GENERATE_S s. Command: \`RATE=$RATE WARMUP=$WARMUP MEASURE=$MEASURE PEAK=$PEAK bench/run.sh\`."
  echo
  echo "| figure | value | target |"
  echo "| --- | --- | --- |"
  echo "| start to first page ($ARCHIVE_KIND, median of $STARTS starts) | $START_MS ms ($START_RANGE; CPU steal $START_STEAL) | < 2000 ms |"
  echo "| RSS after start | $RSS_START MB | < 250 MB |"
  echo "| RSS under load (peak) | $RSS_LOAD MB | |"
  echo "| framework ceiling ($TRIVIAL_PATH, wrk) | $FRAMEWORK_RPS req/s | |"
  echo "| database ceiling (detail page SQL, pgbench) | $PGBENCH_TPS tx/s | |"
  echo
  echo "Latencies in ms from each request's due time, at $RATE req/s; peak with wrk; share of the lower ceiling ($CEILING/s);"
  echo "the application's CPU time per request at $RATE req/s (two cores give 2000 CPU ms per second); the machine's"
  echo "CPU steal (time the hypervisor gave other guests) while the page was measured at $RATE req/s."
  echo
  echo "| page | req/s | p50 | p95 | p99 | max | errors | peak req/s | share of ceiling | app CPU ms/request | CPU steal |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
} > "$OUT/results.md"
echo
cat "$OUT/results.md"
