#!/bin/sh
# check --cache: COUNT small texts (the fixture resolution, each with its
# own symbol and cited numbers, so that every text has its own hash and no
# two are duplicates) checked three times: without a cache, then twice
# with one (the first run extracts and fills the cache, the second reads
# it).  unresolved-target is off (a configuration file), so that the time
# goes to reading the texts, not to writing 190,000 notes.  Prints the
# times and the ratios (the target: the second run at least 5 times faster
# than the first).
# Usage: cache.sh path/to/citegraph [COUNT]
set -eu
bin=${1:?usage: cache.sh path/to/citegraph [COUNT]}
count=${2:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fixture=tests/fixtures/ga_sample.en.txt
mkdir "$dir/texts"
awk -v n="$count" -v d="$dir/texts" '
    { line[NR] = $0 }
    END {
        for (i = 1; i <= n; i++) {
            f = sprintf("%s/text-%05d.txt", d, i)
            for (k = 1; k <= NR; k++) {
                l = line[k]
                gsub(/81\/99/, "81/" (100 + i), l)
                gsub(/77\/203/, "77/" (1 + i % 300), l)
                print l > f
            }
            close(f)
        }
    }
' "$fixture"
printf 'severity: {unresolved-target: off}\n' > "$dir/config.yaml"
seconds() {
    start=$(date +%s.%N)
    "$bin" check --config "$dir/config.yaml" $2 -f json -o "$dir/$1.json" "$dir/texts" 2>/dev/null || true
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}
t0=$(seconds plain "")
t1=$(seconds first "--cache $dir/cache")
t2=$(seconds second "--cache $dir/cache")
for r in first second; do
    cmp -s "$dir/plain.json" "$dir/$r.json" || { echo "cache: the $r report differs"; exit 1; }
done
printf 'cache: %-32s %8.3f s\n' "no cache, $count texts" "$t0"
printf 'cache: %-32s %8.3f s\n' "first run (fills the cache)" "$t1"
printf 'cache: %-32s %8.3f s\n' "second run (reads the cache)" "$t2"
printf 'cache: %-32s %8s (target: >= 5)\n' "first / second" "$(ratio "$t1" "$t2")"
printf 'cache: %-32s %8s\n' "no cache / second" "$(ratio "$t0" "$t2")"
