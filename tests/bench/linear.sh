#!/bin/sh
# Extraction stays linear in its input: times `citegraph extract` on
#   ordinary  - a fixture resolution repeated to SIZE_MB megabytes
#   oneline   - the same bytes with every line break made a space
#   digits    - one megabyte of digits and slashes, after "resolutions"
# and prints the time of each against the ordinary text of its size.
# Usage: linear.sh path/to/citegraph [SIZE_MB]
set -eu
bin=${1:?usage: linear.sh path/to/citegraph [SIZE_MB]}
size_mb=${2:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fixture=tests/fixtures/ga_sample.en.txt

awk -v target=$((size_mb * 1000000)) '
    { text = text $0 "\n" }
    END { n = 0; while (n < target) { printf "%s", text; n += length(text) } }
' "$fixture" > "$dir/ordinary.txt"
tr '\n' ' ' < "$dir/ordinary.txt" > "$dir/oneline.txt"
awk 'BEGIN { srand(7); printf "Recalling its resolutions ";
             for (i = 0; i < 1000000; i++) printf "%s", substr("0123456789/", int(rand() * 11) + 1, 1) }' \
    > "$dir/digits.txt"
head -c 1000000 "$dir/ordinary.txt" > "$dir/ordinary1.txt"

seconds() {
    start=$(date +%s.%N)
    "$bin" extract --lang en -o "$dir/out.yaml" "$1" 2>/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}
t_ord=$(seconds "$dir/ordinary.txt")
t_one=$(seconds "$dir/oneline.txt")
t_ord1=$(seconds "$dir/ordinary1.txt")
t_dig=$(seconds "$dir/digits.txt")
printf 'linear: %-28s %8.3f s\n' "ordinary ${size_mb} MB" "$t_ord"
printf 'linear: %-28s %8.3f s  ratio %.2f\n' "one line ${size_mb} MB" "$t_one" "$(ratio "$t_one" "$t_ord")"
printf 'linear: %-28s %8.3f s\n' "ordinary 1 MB" "$t_ord1"
printf 'linear: %-28s %8.3f s  ratio %.2f\n' "digits and slashes 1 MB" "$t_dig" "$(ratio "$t_dig" "$t_ord1")"
