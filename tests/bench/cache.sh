#!/bin/sh
# check --cache: COUNT small texts (the fixture resolution, each with its
# own symbol and cited numbers, so that every text has its own hash and no
# two are duplicates) checked without a cache, then with one: a first run
# (extracts and fills the cache), a second (reads it), and a run over a
# fresh copy of the texts.  Short texts are the hard case for a cache: the
# less a text costs to extract, the less there is to save.
# unresolved-target is off (a configuration file), so that the time goes to
# reading the texts, not to writing 190,000 notes.  Prints the medians of
# three runs and the ratios (the target: the second run at least 5 times
# faster than the first).  KEEP=1 keeps the working folder.
# Usage: cache.sh path/to/citegraph [COUNT]
set -eu
bin=${1:?usage: cache.sh path/to/citegraph [COUNT]}
count=${2:-10000}
dir=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
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
# seconds NAME OPTIONS [DIR]: the wall-clock time of one check run
seconds() {
    start=$(date +%s.%N)
    "$bin" check --config "$dir/config.yaml" $2 -f json -o "$dir/$1.json" "${3:-$dir/texts}" 2>/dev/null || true
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}
# three of each, the median kept: no cache; a first run (the cache emptied
# before each); a second run (the texts unchanged: taken by stat); a run
# over a fresh copy of the texts (new inodes and times, as in a CI clone:
# taken by content, each text read and hashed)
p="" f="" s="" c=""
for i in 1 2 3; do
    p="$p $(seconds plain "")"
    rm -rf "$dir/cache"
    f="$f $(seconds first "--cache $dir/cache")"
done
for i in 1 2 3; do
    s="$s $(seconds second "--cache $dir/cache")"
done
for i in 1 2 3; do
    rm -rf "$dir/clone" && cp -r "$dir/texts" "$dir/clone"
    c="$c $(seconds clone "--cache $dir/cache" "$dir/clone")"
done
t0=$(median $p) t1=$(median $f) t2=$(median $s) t3=$(median $c)
for r in first second; do
    cmp -s "$dir/plain.json" "$dir/$r.json" || { echo "cache: the $r report differs"; exit 1; }
done
sed "s|$dir/clone/|$dir/texts/|g" "$dir/clone.json" | cmp -s "$dir/plain.json" - ||
    { echo "cache: the report over the copy differs"; exit 1; }
printf 'cache: %-36s %8.3f s\n' "no cache, $count texts" "$t0"
printf 'cache: %-36s %8.3f s\n' "first run (fills the cache)" "$t1"
printf 'cache: %-36s %8.3f s\n' "second run (texts unchanged)" "$t2"
printf 'cache: %-36s %8.3f s\n' "fresh copy of the texts (by content)" "$t3"
printf 'cache: %-36s %8s (target: >= 5)\n' "first / second" "$(ratio "$t1" "$t2")"
printf 'cache: %-36s %8s\n' "first / fresh copy" "$(ratio "$t1" "$t3")"
printf 'cache: %-36s %8s\n' "no cache / second" "$(ratio "$t0" "$t2")"
