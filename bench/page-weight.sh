#!/usr/bin/env bash
# Measures what a browser transfers on the page's first load: the HTML, every local script, stylesheet and icon it
# references, the JS modules they import, and the API calls main.js makes at start. Sends the Accept-Encoding a
# browser sends. Usage: bench/page-weight.sh [BASE_URL]   (default http://127.0.0.1:5080; the service must run)
set -euo pipefail
base=${1:-http://127.0.0.1:5080}
web="$(dirname "$0")/../Directory.Web/wwwroot"

paths=("/")
# Local assets referenced by index.html (external links are attributions, not loaded).
while read -r p; do paths+=("/$p"); done < <(grep -oE '(src|href)="[^":]+"' "$web/index.html" | sed -E 's/^(src|href)="//; s/"$//' | sort -u)
# JS modules imported by the page's modules.
while read -r p; do paths+=("/js/$p"); done < <(grep -ohE "from '\./[^']+'" "$web"/js/*.js | sed -E "s/from '\.\///; s/'$//" | sort -u)
# API calls made at start (plain string literals in main.js).
while read -r p; do paths+=("$p"); done < <(grep -oE "getJson\('[^']+'\)" "$web/js/main.js" | sed -E "s/getJson\('//; s/'\)$//")

total_wire=0; total_raw=0
printf '%-48s %10s %10s %s\n' "path" "raw B" "wire B" "encoding"
for p in "${paths[@]}"; do
  raw=$(curl -fsS -o /dev/null -w '%{size_download}' "$base$p")
  read -r wire enc < <(curl -fsS -o /dev/null -D - -H 'Accept-Encoding: br, gzip' -w '%{size_download}\n' "$base$p" \
    | awk 'tolower($1)=="content-encoding:"{e=$2} /^[0-9]+$/{s=$1} END{gsub("\r","",e); print s, (e==""?"identity":e)}')
  printf '%-48s %10d %10d %s\n' "$p" "$raw" "$wire" "$enc"
  total_raw=$((total_raw + raw)); total_wire=$((total_wire + wire))
done
printf '%-48s %10d %10d\n' "TOTAL (${#paths[@]} requests)" "$total_raw" "$total_wire"
