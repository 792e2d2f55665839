#!/usr/bin/env bash
# Measures, over several rounds of the service published as docs/deployment.md publishes it (publish profile Server:
# self-contained, composite ReadyToRun) on
# 127.0.0.1: the first start on a missing database (create + import + snapshot) until /api/health answers; a start on
# an existing database until the first search (/api/managers/nearby?plz=57462) is answered, on the demo list and on a
# list of MANAGERS synthetic entries, with and without the stored copy of the list (served_list_cache; needs the sqlite3
# command to remove it); the same after SIGKILL of a service under load (wrk, bench/nearby.lua); the CLI
# geography import; and, as the baseline of the same run, the smallest ASP.NET Core service answering the same path
# (bench/StartupBaseline, published the same way). Prints each round, the medians and the ratios to the baseline.
# Usage: bench/startup.sh [ROUNDS] [MANAGERS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}; managers=${2:-100000}
port=5391
work=$(mktemp -d); pid=; trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$work"' EXIT
# The properties of Directory.Api's publish profile Server, given on the command line for the baseline too.
server=(-c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true)
dotnet publish Directory.Api -p:PublishProfile=Server -o "$work/api" >/dev/null
dotnet publish bench/StartupBaseline "${server[@]}" -o "$work/baseline" >/dev/null
dotnet build -c Release Directory.Import >/dev/null && dotnet build -c Release seeds/generator >/dev/null
api=$work/api/Directory.Api
cli=Directory.Import/bin/Release/net10.0/Directory.Import.dll

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start() { # $1 database; starts the service in the background (pid in $pid)
  Security__PermitsPerMinute=0 "$api" --urls "http://127.0.0.1:$port" --ConnectionStrings:Directory="Data Source=$1" >"$work/log" 2>&1 &
  pid=$!
}
start_baseline() { "$work/baseline/StartupBaseline" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 & pid=$!; }
until_answered() { # $1 start time, $2 path; prints ms from $1 until $2 answers 200
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$2" 2>/dev/null)" = 200 ]; do sleep 0.01; done
  echo $(( $(now_ms) - $1 ))
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

search=/api/managers/nearby?plz=57462
dotnet "$cli" geography --from data --db "$work/large.gpkg" >/dev/null
dotnet seeds/generator/bin/Release/net10.0/Directory.Seeds.Generator.dll --out "$work/large.csv" --count "$managers" >/dev/null
dotnet "$cli" list "$work/large.csv" --db "$work/large.gpkg" >/dev/null

declare -a first existing large nocopy killed import baseline
for i in $(seq 1 "$rounds"); do
  t0=$(now_ms); start_baseline; baseline+=("$(until_answered "$t0" "$search")"); stop
  rm -f "$work/db.gpkg"
  t0=$(now_ms); start "$work/db.gpkg"; first+=("$(until_answered "$t0" /api/health)"); stop
  t0=$(now_ms); start "$work/db.gpkg"; existing+=("$(until_answered "$t0" "$search")"); stop
  if command -v sqlite3 >/dev/null; then
    # As after an import while the service was down: no stored copy of the list yet, so the rows are read (and the
    # copy stored again while the service runs).
    sqlite3 "$work/large.gpkg" "DELETE FROM served_list_cache"
    t0=$(now_ms); start "$work/large.gpkg"; nocopy+=("$(until_answered "$t0" "$search")")
    sleep 5; stop
  fi
  t0=$(now_ms); start "$work/large.gpkg"; large+=("$(until_answered "$t0" "$search")")
  # Under load, then SIGKILL, then the same start again.
  wrk -t2 -c64 -d3s -s bench/nearby.lua "http://127.0.0.1:$port" >/dev/null
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  t0=$(now_ms); start "$work/large.gpkg"; killed+=("$(until_answered "$t0" "$search")"); stop
  rm -f "$work/cli.gpkg"
  t0=$(now_ms); dotnet "$cli" geography --from data --db "$work/cli.gpkg" >/dev/null; import+=($(( $(now_ms) - t0 )))
done
m() { printf '%s\n' "$@" | median; }
ratio() { awk -v a="$1" -v b="$(m "${baseline[@]}")" 'BEGIN{printf "%.1f x baseline", a/b}'; }
echo "baseline (bench/StartupBaseline), to its first answer (ms):  ${baseline[*]}  median $(m "${baseline[@]}")"
echo "first start, missing database, to /api/health (ms):       ${first[*]}  median $(printf '%s\n' "${first[@]}" | median)"
echo "existing database (demo list), to the first search (ms):    ${existing[*]}  median $(m "${existing[@]}")  $(ratio "$(m "${existing[@]}")")"
echo "existing database ($managers managers), to the first search (ms): ${large[*]}  median $(m "${large[@]}")  $(ratio "$(m "${large[@]}")")"
[ ${#nocopy[@]} -gt 0 ] && echo "the same without the stored list copy (ms):                  ${nocopy[*]}  median $(m "${nocopy[@]}")  $(ratio "$(m "${nocopy[@]}")")"
echo "the same after SIGKILL under load (ms):                      ${killed[*]}  median $(m "${killed[@]}")  $(ratio "$(m "${killed[@]}")")"
echo "CLI geography import, new file (ms):                         ${import[*]}  median $(printf '%s\n' "${import[@]}" | median)"
