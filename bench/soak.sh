#!/usr/bin/env bash
# Soak: the Release service on 127.0.0.1 over N synthetic managers under a mixed load (bench/mixed.lua: searches by
# position and postcode, autocomplete, locate, coverage, OGC items, boundaries, the page) for DURATION, with the list
# imported again by the CLI every quarter of the run (snapshot swaps under load). Samples the resident memory every
# 10 s; prints requests, errors (non-2xx and socket errors), memory after warm-up, at the end and the largest, and the
# growth after warm-up. Usage: bench/soak.sh [MANAGERS] [MINUTES] [CONNECTIONS]     e.g. bench/soak.sh 100000 10 32
# SERVICE=DIR soaks the service published in DIR (publish profile Server) instead of the Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
managers=${1:-100000}; minutes=${2:-10}; connections=${3:-32}; port=5389
work=$(mktemp -d); pid=; trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build -c Release Directory.Api >/dev/null
dotnet build -c Release Directory.Import >/dev/null
dotnet build -c Release seeds/generator >/dev/null
cli=Directory.Import/bin/Release/net10.0/Directory.Import.dll
dotnet $cli geography --db "$work/soak.gpkg" >/dev/null
dotnet seeds/generator/bin/Release/net10.0/Directory.Seeds.Generator.dll --out "$work/list.csv" --count "$managers" >/dev/null
dotnet $cli list "$work/list.csv" --db "$work/soak.gpkg" >/dev/null
if [ -n "${SERVICE:-}" ]; then service=("$SERVICE/Directory.Api"); else service=(dotnet Directory.Api/bin/Release/net10.0/Directory.Api.dll); fi
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Security__PermitsPerMinute=0 \
  "${service[@]}" --urls "http://127.0.0.1:$port" \
  --ConnectionStrings:Directory="Data Source=$work/soak.gpkg" >"$work/service.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do sleep 0.2; done
rss() { awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status; }
anon() { awk '/RssAnon/{print int($2/1024)}' /proc/$pid/status; }

seconds=$((minutes * 60))
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/mixed.lua "http://127.0.0.1:$port" > "$work/wrk.out" &
wrk_pid=$!
samples=(); anon_samples=()
for t in $(seq 10 10 "$seconds"); do
  sleep 10
  samples+=("$t $(rss)")
  anon_samples+=("$t $(anon)")
  if (( t % (seconds / 4 / 10 * 10) == 0 && t < seconds )); then
    dotnet $cli list "$work/list.csv" --db "$work/soak.gpkg" >/dev/null && echo "t=${t}s: list imported again"
  fi
done
wait $wrk_pid
warm=$(printf '%s\n' "${samples[@]}" | awk '$1==60{print $2}')
last=$(printf '%s\n' "${samples[@]}" | tail -1 | awk '{print $2}')
# The largest after warm-up: the first samples hold the start's own peak.
max=$(printf '%s\n' "${samples[@]}" | awk 'BEGIN{m=0} $1>=60 && $2>m{m=$2} END{print m}')
echo "memory samples (s MB): $(printf '%s, ' "${samples[@]}")"
echo "of which heap and stacks (RssAnon; s MB): $(printf '%s, ' "${anon_samples[@]}")"
grep -E "requests in|Requests/sec|Non-2xx|Socket errors|99%" "$work/wrk.out" || true
echo "resident memory: after warm-up (60 s) ${warm} MB, at the end ${last} MB, largest ${max} MB"
awk -v w="$warm" -v m="$max" 'BEGIN{printf "growth after warm-up (largest vs 60 s): %.1f %%\n", 100*(m-w)/w}'
echo "at the end: $(grep -E 'RssAnon|RssFile' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')(heap and stacks vs code and files mapped)"
echo "error lines in the service log: $(grep -ciE "fail|exception" "$work/service.log" || true)"
