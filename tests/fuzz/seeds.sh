#!/bin/sh
# Writes the seed inputs of a fuzz target into a folder, from the test
# fixtures, the spec files and the bundled corpus, in the input format of
# the target (see the comment at the top of tests/fuzz/fuzz_<target>.c).
# Run from the top of the tree:
#   sh tests/fuzz/seeds.sh extract|yaml|render|report OUTDIR
# The seeds are generated, never committed.
set -eu
target=${1:?usage: seeds.sh TARGET OUTDIR}
out=${2:?usage: seeds.sh TARGET OUTDIR}
mkdir -p "$out"

# byte N (0..255) written raw
byte() { printf "\\$(printf '%03o' "$1")"; }

# the enum cite_lang number of a file named *.LL.txt or extract-LL*.txt
lang_of() {
    case $1 in
    *zh*) echo 1 ;; *[.-]en*) echo 2 ;; *[.-]fr*) echo 3 ;;
    *[.-]es*) echo 4 ;; *[.-]ru*) echo 5 ;; *[.-]ar*) echo 6 ;; *) echo 0 ;;
    esac
}

case $target in
extract)
    # each example of the spec files, with its language; then whole texts,
    # with their language and with detection
    for f in tests/spec/extract-*.txt; do
        base=$(basename "$f" .txt)
        l=$(lang_of "$base")
        awk -v dir="$out" -v base="$base" -v lang="$l" '
            /^````````````````````````````````+ example$/ { inex = 1; n++; file = sprintf("%s/%s-%03d", dir, base, n); printf "%c", lang > file; next }
            inex && /^\.$/ { inex = 0; close(file); next }
            inex && /^%/ { next }
            inex { print > file }
        ' "$f"
        { byte 0; cat "$f"; } > "$out/$base-whole"
    done
    for f in data/texts/*.txt tests/fixtures/*.txt tests/fixtures/injected/*/*.txt; do
        [ -f "$f" ] || continue
        name=$(echo "$f" | tr '/' '_')
        { byte "$(lang_of "$(basename "$f")")"; cat "$f"; } > "$out/$name"
        { byte 0; cat "$f"; } > "$out/$name-detect"
    done
    ;;
yaml)
    # control byte: 0 corpus, 3 corpus + check, 1 registry, 2 configuration
    for f in $(find tests/fixtures -name '*.yaml' | sort); do
        name=$(echo "$f" | tr '/' '_')
        case $f in
        *registry*) { byte 1; cat "$f"; } > "$out/$name" ;;
        *check-config*) { byte 2; cat "$f"; } > "$out/$name" ;;
        *) { byte 0; cat "$f"; } > "$out/$name"
           { byte 3; cat "$f"; } > "$out/$name-check" ;;
        esac
    done
    ;;
render)
    # the YAML fixtures in the line format of fuzz_render.c, under two sets
    # of options (everything drawn; a timeline clustered by community)
    for f in tests/fixtures/*.yaml; do
        name=$(basename "$f" .yaml)
        for opt in 31:0 255:2 13:5; do
            flags=${opt%:*}
            seed=${opt#*:}
            {
                byte "$flags"; byte "$seed"; echo "Seed $name"
                awk '
                    function val(s) { sub(/^[^:]*: */, "", s); gsub(/^"|"$/, "", s); return s }
                    /^citations:/ { incit = 1 }
                    /^---/ { incit = 0 }
                    /^  id: / && !incit { print "D" val($0) }
                    /^  title: / && !incit { print "T" val($0) }
                    /^  date: / && !incit { print "d" val($0) }
                    /^- target: / { print "R" val($0) }
                    /^  date: / && incit { print "a" val($0) }
                    /^  pinpoint: / { s = val($0); gsub(/[][]/, "", s); n = split(s, p, /, */); for (i = 1; i <= n; i++) print "P" p[i] }
                ' "$f"
            } > "$out/$name-$flags"
        done
    done
    ;;
report)
    # the findings of the golden reports, one seed per case: per finding
    # code, severity, line and column, file, message and source line
    for f in tests/golden/check-*/stdout tests/golden/check-*/stderr; do
        grep -q '^[^ ]*:[0-9]*:[0-9]*: [a-z]*: ' "$f" 2>/dev/null || continue
        name=$(echo "$f" | tr '/' '_')
        {
            byte 3
            awk -F: '/^[^ ]*:[0-9]+:[0-9]+: [a-z]+: / {
                    line = $2 + 0; col = $3 + 0
                    rest = $0; sub(/^[^:]*:[0-9]+:[0-9]+: /, "", rest)
                    sev = rest; sub(/:.*/, "", sev)
                    msg = rest; sub(/^[a-z]+: /, "", msg)
                    printf "%c%c%c%c%c%c%s%c%s%c%c", NR % 21, sev == "error" ? 2 : sev == "warning" ? 1 : 0,
                        int(line / 256) + 1, line % 256 + 1, int(col / 256) + 1, col % 256 + 1, $1, 255, msg, 255, 255
                }' "$f"
        } > "$out/$name"
    done
    ;;
*)
    echo "seeds.sh: unknown target '$target'" >&2
    exit 2
    ;;
esac
