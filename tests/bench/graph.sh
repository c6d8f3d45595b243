#!/bin/sh
# Network analytics at scale: a synthetic network of DOCS documents and
# CITES citations (preferential attachment, tests/bench/gen.c), read from
# the YAML `extract` writes, and each analysis timed with its peak memory.
# Usage: graph.sh path/to/citegraph path/to/gen [DOCS] [CITES]
set -eu
bin=${1:?usage: graph.sh citegraph gen [DOCS] [CITES]}
gen=${2:?usage: graph.sh citegraph gen [DOCS] [CITES]}
docs=${3:-100000}
cites=${4:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$gen" yaml "$docs" "$cites" > "$dir/net.yaml"
last=$(awk '/^  id: /{id=$2} END{print id}' "$dir/net.yaml")
mid=$(awk -v n=$((docs / 2)) '/^  id: /{c++; if (c == n) {print $2; exit}}' "$dir/net.yaml")
printf 'graph: %d documents, %d citations, %s MB of YAML\n' "$docs" "$cites" \
    "$(du -m "$dir/net.yaml" | cut -f1)"
run() {
    label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > "$dir/out" 2> "$dir/err" || {
        echo "graph: $label failed:"; cat "$dir/err"; return 1; }
    awk -v l="$label" '{ printf "graph: %-36s %8.2f s %8.0f MB\n", l, $1, $2 / 1024 }' "$dir/time"
}
run "rank (no betweenness)" "$bin" rank --no-betweenness --top 10 "$dir/net.yaml"
run "chain (precedents, all depths)" "$bin" chain --format csv "$last" "$dir/net.yaml"
run "chain --forward (descendants)" "$bin" chain --forward --format csv "$mid" "$dir/net.yaml"
run "path" "$bin" path "$last" A/RES/31/1 "$dir/net.yaml"
run "mainpath" "$bin" mainpath "$dir/net.yaml"
run "export graphml" "$bin" export --format graphml -o "$dir/net.graphml" "$dir/net.yaml"
run "export json" "$bin" export --format json -o "$dir/net.json" "$dir/net.yaml"
