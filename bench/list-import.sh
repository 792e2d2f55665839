#!/usr/bin/env bash
# Times the list import of the Release CLI on large generated lists (seeds/generator, deterministic), in rounds:
#   - validation only (--dry-run) of 10,000, 50,000 and 100,000 rows: time and peak memory (does memory grow with the file?)
#   - a real import of 100,000 rows into a database with only the geography (all new)
#   - the same list again (all unchanged: the diff against a 100,000-entry directory)
# Prints every round and the median. Needs GNU time (Debian package "time").   Usage: bench/list-import.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build -c Release Directory.Import >/dev/null
dotnet build -c Release seeds/generator >/dev/null
cli="dotnet Directory.Import/bin/Release/net10.0/Directory.Import.dll"
dotnet Directory.Import/bin/Release/net10.0/Directory.Import.dll geography --db "$work/geo.gpkg" >/dev/null
for n in 10000 50000 100000; do
  dotnet seeds/generator/bin/Release/net10.0/Directory.Seeds.Generator.dll --out "$work/list-$n.csv" --count $n >/dev/null
done

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # command...; prints "seconds peak_MB"
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null || true
  awk '{printf "%.2f %d\n", $1, $2/1024}' "$work/t"
}
report() { # label, then lines of "seconds MB"
  local label=$1; shift
  local s m
  s=$(printf '%s\n' "$@" | awk '{print $1}' | tr '\n' ' ')
  m=$(printf '%s\n' "$@" | awk '{print $2}' | tr '\n' ' ')
  printf '%-44s s: %-24s median %6s | MB: %-18s median %5s\n' "$label" "$s" \
    "$(printf '%s\n' "$@" | awk '{print $1}' | median)" "$m" "$(printf '%s\n' "$@" | awk '{print $2}' | median)"
}

for n in 10000 50000 100000; do
  results=()
  for _ in $(seq 1 "$rounds"); do results+=("$(measure $cli list "$work/list-$n.csv" --db "$work/geo.gpkg" --dry-run)"); done
  report "validate (--dry-run) $n rows, $(( $(stat -c %s "$work/list-$n.csv") / 1024 / 1024 )) MB" "${results[@]}"
done

fresh=(); again=()
for _ in $(seq 1 "$rounds"); do
  cp "$work/geo.gpkg" "$work/db.gpkg"
  fresh+=("$(measure $cli list "$work/list-100000.csv" --db "$work/db.gpkg")")
  again+=("$(measure $cli list "$work/list-100000.csv" --db "$work/db.gpkg")")
done
report "import 100000 rows, all new" "${fresh[@]}"
report "import 100000 rows again, all unchanged" "${again[@]}"
