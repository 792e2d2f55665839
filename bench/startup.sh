#!/usr/bin/env bash
# Measures, over several rounds of the Release build on 127.0.0.1: the first start on a missing database (create +
# import + snapshot) and a start on an existing database, each until /api/health answers; and the CLI import.
# Prints each round and the median. Usage: bench/startup.sh [ROUNDS]   (builds Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
port=5391
dotnet build -c Release Directory.Api >/dev/null && dotnet build -c Release Directory.Import >/dev/null
api=Directory.Api/bin/Release/net10.0/Directory.Api.dll
cli=Directory.Import/bin/Release/net10.0/Directory.Import.dll
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start_until_healthy() { # $1 database; prints ms until /api/health answers
  local t0; t0=$(now_ms)
  dotnet "$api" --urls "http://127.0.0.1:$port" --ConnectionStrings:Directory="Data Source=$1" >"$work/log" 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do sleep 0.02; done
  echo $(( $(now_ms) - t0 ))
  kill $pid; wait $pid 2>/dev/null || true
}

declare -a first existing import
for i in $(seq 1 "$rounds"); do
  rm -f "$work/db.gpkg"
  first+=("$(start_until_healthy "$work/db.gpkg")")
  existing+=("$(start_until_healthy "$work/db.gpkg")")
  rm -f "$work/cli.gpkg"
  t0=$(now_ms); dotnet "$cli" geography --from data --db "$work/cli.gpkg" >/dev/null; import+=($(( $(now_ms) - t0 )))
done
echo "first start, missing database (ms):  ${first[*]}  median $(printf '%s\n' "${first[@]}" | median)"
echo "start on existing database (ms):     ${existing[*]}  median $(printf '%s\n' "${existing[@]}" | median)"
echo "CLI geography import, new file (ms): ${import[*]}  median $(printf '%s\n' "${import[@]}" | median)"
