#!/bin/sh
# citegraph against the tools one would otherwise use, on the same files:
# a synthetic corpus (tests/bench/corpus.c) of DOCS resolution texts, half
# Chinese, half English, with known citations, is made once and kept in
# BENCH_DIR/bench-corpus-DOCS/ (made again when the generator changes); then each task is run BENCH_RUNS times under
# /usr/bin/time and the median wall time and median peak memory are kept:
#
#   citegraph extract -o out.yaml TEXTS      (and its MB/s)
#   citegraph extract -j 1 ...               on one processor, as rg -j1 (the
#                                            output must be the same bytes)
#   rg -j1 -o -e REGEX TEXTS                 finding the citations (the regex
#                                            is printed; its matches counted,
#                                            its recall against the truth
#                                            given by rg_recall.py); the same
#                                            with the narrower regex of
#                                            earlier benches, for comparison
#   citegraph rank out.yaml, rank TEXTS      (BENCH_RANK_OPTS)
#   citegraph chain, check out.yaml, check TEXTS
#   python-igraph, networkx                  loading edges.txt (the same
#                                            network as a plain edge list)
#                                            and computing PageRank
#
# It prints the recall and precision of extract against the corpus's truth
# (with examples of what was missed or found in excess), a table, and the
# acceptance lines of issue 8 marked PASS or FAIL.  Given several DOCS, it
# also prints how time and memory grow from one scale to the next: each
# task is run again at the two scales in turn, BENCH_GROWTH_RUNS times, and
# the median of the ratios of these pairs is kept (a machine that is slower
# for a while slows both runs of a pair, not one scale's whole table).
#
# Usage: compare.sh path/to/citegraph path/to/bench-corpus [DOCS...]
# Environment (defaults in brackets):
#   BENCH_RUNS [5]            runs per task; the median is kept
#   BENCH_RUNS_LARGE [3]      runs per task at BENCH_LARGE documents or more
#   BENCH_LARGE [100000]
#   BENCH_GROWTH_RUNS [3]     pairs of runs per task for the growth
#   BENCH_DIR [build]         where the corpora are kept (delete them by hand:
#                             200,000 documents take about 2 GB)
#   BENCH_RANK_OPTS [--metrics pagerank --top 10]  the timed rank's options
#                             (PageRank alone, as the Python yardsticks compute)
#   BENCH_NX_MAX [200000]     networkx is skipped above this many documents
#   PYTHON [/usr/bin/python3] Debian's interpreter, which has python3-igraph
#                             and python3-networkx (a pyenv python may not)
set -eu
bin=${1:?usage: compare.sh path/to/citegraph path/to/bench-corpus [DOCS...]}
gen=${2:?usage: compare.sh path/to/citegraph path/to/bench-corpus [DOCS...]}
shift 2
[ $# -gt 0 ] || set -- 20000
runs_small=${BENCH_RUNS:-5}
runs_large=${BENCH_RUNS_LARGE:-3}
growth_runs=${BENCH_GROWTH_RUNS:-3}
large=${BENCH_LARGE:-100000}
root=${BENCH_DIR:-build}
rank_opts=${BENCH_RANK_OPTS:---metrics pagerank --top 10}
nx_max=${BENCH_NX_MAX:-200000}
python=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)

# What a user would type to find the citations in both languages, as the
# texts write them: document symbols (A/RES/60/251, S/RES/1325,
# A/HRC/21/2, E/CN.4/RES/2004/81); the numbers of resolutions and
# decisions, 60/251 or 2004/81, wherever they stand (the members of a list
# too: "resolutions 5/1, 6/2 and 7/3", 第5/1号、第6/2号); a Security Council
# resolution's number and year, 1325 (2000) or 1325（2000）; any title
# between 《 》, and the English names of the instruments that the corpus
# cites.  Against the corpus's truth it finds 99.5% of the citing pairs
# (rg_recall.py says how many each time): what it misses is a number cut
# from its year by a line break ("394\n(1976)"), which a regex read line by
# line cannot join.  Of the ways to write it that find as much, this is the
# one rg ran fastest (20,000 documents: 0.46 s; the instruments as a list
# of their full names, 0.59 s).
regex='[AES]/[A-Z0-9.]+(/[A-Za-z0-9.]+)+|[0-9]+/[0-9]+|[0-9]+ ?[(（][0-9]{4}[)）]|《[^》]+》|Universal Declaration of Human Rights|International Covenant on [A-Za-z ,]+ Rights|Convention on the Rights of [A-Za-z ]+|Vienna Declaration and Programme of Action|Charter of the United Nations'
# The narrower regex of earlier benches, timed for comparison:
# the numbers only after "resolution(s)" or in 第 ... 号, so that the
# members of an English list after the first, Council resolutions listed
# after the first and the instruments are not found (72% of the citing
# pairs).
regex_narrow='[AES]/[A-Z0-9.]+(/[A-Za-z0-9.]+)+|resolutions? [0-9]+/[0-9]+|resolutions? [0-9]+ \([0-9]{4}\)|第 ?[0-9]+(/[0-9]+| ?[(（][0-9]{4}[)）]) ?号'

for tool in /usr/bin/time rg "$python"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "compare: '$tool' is missing (make bench-deps)" >&2; exit 3; }
done
"$python" -c 'import igraph, networkx' 2>/dev/null ||
    { echo "compare: $python lacks igraph or networkx (make bench-deps)" >&2; exit 3; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT
trap 'exit 130' INT TERM

median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# measure DOCS KEY LABEL OKSTATUS COMMAND...: runs COMMAND $runs times with
# its wall time taken to the millisecond around /usr/bin/time (whose own %e
# has 10 ms steps: 3 % of a task of 0.3 s, enough to tip a ratio of growth)
# and its peak memory from /usr/bin/time, its output in $work/KEY.out
# (never /dev/null: rg stops at the first match when its output is
# /dev/null), and records the medians.  OKSTATUS is the
# highest exit status that is not a failure (check exits 1 on findings).
measure() {
    m_docs=$1 m_key=$2 m_label=$3 m_ok=$4
    shift 4
    m_t="" m_m=""
    m_i=1
    while [ "$m_i" -le "$runs" ]; do
        run_once "$work" "$m_key" "$m_label" "$m_ok" "$@"
        m_t="$m_t $r_t"
        m_m="$m_m $r_m"
        m_i=$((m_i + 1))
    done
    # shellcheck disable=SC2086 # m_t and m_m are lists of numbers
    printf '%s|%s|%s|%s|%s\n' "$m_docs" "$m_key" "$m_label" "$(median $m_t)" "$(median $m_m)" >> "$results"
}

# run_once WORK KEY LABEL OKSTATUS COMMAND...: one run of measure(), its
# output in WORK/KEY.out; sets r_t (seconds) and r_m (peak KB)
run_once() {
    r_work=$1 r_key=$2 r_label=$3 r_ok=$4
    shift 4
    r_st=0
    # what earlier tasks wrote goes to disk first: a task that writes
    # (check's report) is otherwise throttled by the kernel while GBs
    # of earlier output are still being written back, and a task is
    # timed for its own work only
    sync
    r_start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$r_work/time" "$@" > "$r_work/$r_key.out" 2> "$r_work/$r_key.err" ||
        r_st=$?
    r_end=$(date +%s.%N)
    if [ "$r_st" -gt "$r_ok" ]; then
        echo "compare: $r_label failed (exit status $r_st):" >&2
        tail -n 5 "$r_work/$r_key.err" >&2
        exit 1
    fi
    r_t=$(awk -v a="$r_start" -v b="$r_end" 'BEGIN { printf "%.3f", b - a }')
    r_m=$(tail -n 1 "$r_work/time")
}

# get DOCS KEY FIELD: a recorded median (4 = seconds, 5 = KB)
get() {
    awk -F'|' -v d="$1" -v k="$2" -v f="$3" '$1 == d && $2 == k { print $f }' "$results"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# verdict RATIO LIMIT
verdict() {
    awk -v r="$1" -v lim="$2" 'BEGIN { print (r <= lim ? "PASS" : "FAIL") }'
}

# pairs YAML: "citing<TAB>cited<TAB>source<TAB>mention" for each distinct
# pair of the YAML that extract wrote
pairs() {
    awk '
        function val(s) { sub(/^[^:]*: /, "", s); gsub(/^"|"$/, "", s); return s }
        /^source: / { src = val($0) }
        /^document:/ { indoc = 1; next }
        indoc && /^  id: / { id = val($0); indoc = 0; next }
        /^[a-z]/ { indoc = 0 }
        /^- target: / { tgt = val($0); next }
        /^  text: / && tgt != "" {
            k = id "\t" tgt
            if (!(k in seen)) { seen[k] = 1; print k "\t" src "\t" val($0) }
            tgt = ""
        }
    ' "$1"
}

accuracy() {
    a_dir=$1 a_work=$2
    pairs "$a_work/out.yaml" | sort -t "$(printf '\t')" -k1,2 > "$a_work/found.tsv"
    sort -t "$(printf '\t')" -k1,2 "$a_dir/truth.tsv" > "$a_work/truth.tsv"
    cut -f1,2 "$a_work/found.tsv" | sort > "$a_work/found.pairs"
    cut -f1,2 "$a_work/truth.tsv" | sort > "$a_work/truth.pairs"
    a_truth=$(wc -l < "$a_work/truth.pairs")
    a_found=$(wc -l < "$a_work/found.pairs")
    a_hit=$(comm -12 "$a_work/truth.pairs" "$a_work/found.pairs" | wc -l)
    awk -v h="$a_hit" -v t="$a_truth" -v f="$a_found" 'BEGIN {
        printf "extract: recall %.2f%% (%d of %d citing pairs), precision %.2f%% (%d of %d)\n",
            t ? 100 * h / t : 0, h, t, f ? 100 * h / f : 0, h, f }'
    comm -23 "$a_work/truth.pairs" "$a_work/found.pairs" > "$a_work/missed.pairs"
    comm -13 "$a_work/truth.pairs" "$a_work/found.pairs" > "$a_work/extra.pairs"
    if [ -s "$a_work/missed.pairs" ]; then
        echo "extract: missed (citing, cited, file, the text there), first 10 of $(wc -l < "$a_work/missed.pairs"):"
        awk -F'\t' 'NR == FNR { m[$1 "\t" $2] = 1; next } ($1 "\t" $2) in m' \
            "$a_work/missed.pairs" "$a_work/truth.tsv" | head -n 10 | sed 's/^/  /'
    fi
    if [ -s "$a_work/extra.pairs" ]; then
        echo "extract: not in the truth (citing, cited, file, mention), first 10 of $(wc -l < "$a_work/extra.pairs"):"
        awk -F'\t' 'NR == FNR { m[$1 "\t" $2] = 1; next } ($1 "\t" $2) in m' \
            "$a_work/extra.pairs" "$a_work/found.tsv" | head -n 10 | sed 's/^/  /'
    fi
}

echo "compare: citegraph $bin ($("$bin" --version 2>&1 | sed -n 1p)); $(rg --version | sed -n 1p);" \
    "python-igraph $("$python" -c 'import igraph; print(igraph.__version__)');" \
    "networkx $("$python" -c 'import networkx; print(networkx.__version__)'); $(nproc) cores"
echo "compare: rg regex: $regex"
echo "compare: rg narrow regex (earlier benches): $regex_narrow"
echo "compare: rank options: $rank_opts"
# other work on the machine makes the figures vary: say how busy it was
echo "compare: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

scales=""
for docs in "$@"; do
    dir=$root/bench-corpus-$docs
    work=$dir/run
    # a corpus made by another version of the generator is made again
    if ! grep -qx "generator=$("$gen" -V)" "$dir/corpus.info" 2>/dev/null; then
        rm -rf "$dir" && mkdir -p "$root"
        echo "compare: generating $docs documents in $dir ($("$gen" -V))"
        "$gen" -n "$docs" -o "$dir" -s 1
    fi
    mkdir -p "$work"
    runs=$runs_small
    [ "$docs" -lt "$large" ] || runs=$runs_large
    bytes=$(awk -F= '$1 == "bytes" { print $2 }' "$dir/corpus.info")
    top=$(awk -F= '$1 == "top" { print $2 }' "$dir/corpus.info")
    newest=$(awk -F= '$1 == "newest" { print $2 }' "$dir/corpus.info")
    echo "compare: $docs documents, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB," \
        "$(wc -l < "$dir/edges.txt") citing pairs; most cited $top; newest $newest; $runs run(s) each"
    # the texts in the page cache for every tool alike
    find "$dir/texts" -type f -exec cat {} + > /dev/null
    texts=$dir/texts
    measure "$docs" extract "citegraph extract -o out.yaml" 0 "$bin" extract -o "$work/out.yaml" "$texts"
    # on one processor, as rg -j1 runs (and as a mapper of a batch engine
    # given one core would)
    measure "$docs" extract_j1 "citegraph extract -j 1 (one core)" 0 "$bin" extract -j 1 -o "$work/out1.yaml" "$texts"
    # the order of the output is the texts', whatever the threads
    cmp -s "$work/out.yaml" "$work/out1.yaml" ||
        { echo "compare: extract -j 1 wrote other YAML than extract (out1.yaml, out.yaml)" >&2; exit 1; }
    # --no-ignore: the corpus is under build/, which .gitignore names
    measure "$docs" rg "rg -j1 -o REGEX" 0 rg -j1 -o --no-ignore -e "$regex" "$texts"
    rg_matches=$(wc -l < "$work/rg.out")
    measure "$docs" rg_narrow "rg -j1 -o NARROW" 0 rg -j1 -o --no-ignore -e "$regex_narrow" "$texts"
    rg_narrow_matches=$(wc -l < "$work/rg_narrow.out")
    accuracy "$dir" "$work"
    "$python" "$here/rg_recall.py" "rg REGEX" "$dir/truth.tsv" "$work/rg.out"
    "$python" "$here/rg_recall.py" "rg NARROW" "$dir/truth.tsv" "$work/rg_narrow.out"
    # shellcheck disable=SC2086 # rank_opts is a list of options
    measure "$docs" rank_yaml "citegraph rank out.yaml" 0 "$bin" rank $rank_opts "$work/out.yaml"
    # shellcheck disable=SC2086
    measure "$docs" rank_texts "citegraph rank TEXTS" 0 "$bin" rank $rank_opts "$texts"
    measure "$docs" chain "citegraph chain --forward TOP" 0 "$bin" chain --forward --format csv "$top" "$work/out.yaml"
    measure "$docs" chain_new "citegraph chain NEWEST" 0 "$bin" chain --format csv "$newest" "$work/out.yaml"
    measure "$docs" check_yaml "citegraph check out.yaml" 1 "$bin" check --no-config "$work/out.yaml"
    measure "$docs" check_texts "citegraph check TEXTS" 1 "$bin" check --no-config "$texts"
    measure "$docs" igraph "python-igraph PageRank" 0 "$python" "$here/pagerank_igraph.py" "$dir/edges.txt"
    if [ "$docs" -le "$nx_max" ]; then
        measure "$docs" networkx "networkx PageRank" 0 "$python" "$here/pagerank_networkx.py" "$dir/edges.txt"
    fi

    echo "compare: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
    echo ""
    printf '%-34s %10s %10s  %s\n' "task ($docs documents)" "median s" "peak MB" ""
    awk -F'|' -v d="$docs" -v b="$bytes" -v rgm="$rg_matches" -v rgn="$rg_narrow_matches" '
        $1 == d {
            note = ""
            if ($2 == "extract" || $2 == "extract_j1" || $2 == "rg" || $2 == "rg_narrow")
                note = sprintf("%.1f MB/s", $4 > 0 ? b / 1e6 / $4 : 0)
            if ($2 == "rg")
                note = note sprintf(", %d matches", rgm)
            if ($2 == "rg_narrow")
                note = note sprintf(", %d matches", rgn)
            printf "%-34s %10.3f %10.1f  %s\n", $3, $4, $5 / 1024, note
        }' "$results"
    echo ""
    r=$(ratio "$(get "$docs" extract 4)" "$(get "$docs" rg 4)")
    printf '%-58s %6s  %s\n' "extract / rg -j1 -o, time (at most 1.5; aim < 1.0)" "$r" "$(verdict "$r" 1.5)"
    printf '%-58s %6s\n' "extract -j 1 / rg -j1 -o, time (one processor each)" \
        "$(ratio "$(get "$docs" extract_j1 4)" "$(get "$docs" rg 4)")"
    printf '%-58s %6s\n' "extract / rg -j1 -o NARROW, time (the earlier regex)" \
        "$(ratio "$(get "$docs" extract 4)" "$(get "$docs" rg_narrow 4)")"
    r=$(ratio "$(get "$docs" rank_yaml 4)" "$(get "$docs" igraph 4)")
    printf '%-58s %6s  %s\n' "rank out.yaml / python-igraph PageRank, time (< 1)" "$r" \
        "$(awk -v r="$r" 'BEGIN { print (r < 1 ? "PASS" : "FAIL") }')"
    r=$(ratio "$(get "$docs" rank_yaml 5)" "$(get "$docs" igraph 5)")
    printf '%-58s %6s  %s\n' "rank out.yaml / python-igraph PageRank, memory (<= 0.5)" "$r" "$(verdict "$r" 0.5)"
    if [ "$docs" -le "$nx_max" ]; then
        printf '%-58s %6s\n' "rank out.yaml / networkx PageRank, time" \
            "$(ratio "$(get "$docs" rank_yaml 4)" "$(get "$docs" networkx 4)")"
        printf '%-58s %6s\n' "rank out.yaml / networkx PageRank, memory" \
            "$(ratio "$(get "$docs" rank_yaml 5)" "$(get "$docs" networkx 5)")"
    fi
    printf '%-58s %6s\n' "rank TEXTS / (extract + rank out.yaml), time" \
        "$(ratio "$(get "$docs" rank_texts 4)" "$(awk -v a="$(get "$docs" extract 4)" -v b="$(get "$docs" rank_yaml 4)" 'BEGIN { print a + b }')")"
    echo ""
    scales="$scales $docs"
done

# task_once KEY DOCS: one run of task KEY (as in the table) on the corpus of
# DOCS documents, with run_once()
task_once() {
    t_dir=$root/bench-corpus-$2
    t_work=$t_dir/run
    t_label=$(get "$2" "$1" 3)
    # shellcheck disable=SC2086 # rank_opts is a list of options
    case $1 in
    extract) run_once "$t_work" growth "$t_label" 0 "$bin" extract -o "$t_work/out.yaml" "$t_dir/texts" ;;
    rank_yaml) run_once "$t_work" growth "$t_label" 0 "$bin" rank $rank_opts "$t_work/out.yaml" ;;
    rank_texts) run_once "$t_work" growth "$t_label" 0 "$bin" rank $rank_opts "$t_dir/texts" ;;
    chain) run_once "$t_work" growth "$t_label" 0 "$bin" chain --forward --format csv \
               "$(awk -F= '$1 == "top" { print $2 }' "$t_dir/corpus.info")" "$t_work/out.yaml" ;;
    chain_new) run_once "$t_work" growth "$t_label" 0 "$bin" chain --format csv \
                   "$(awk -F= '$1 == "newest" { print $2 }' "$t_dir/corpus.info")" "$t_work/out.yaml" ;;
    check_yaml) run_once "$t_work" growth "$t_label" 1 "$bin" check --no-config "$t_work/out.yaml" ;;
    check_texts) run_once "$t_work" growth "$t_label" 1 "$bin" check --no-config "$t_dir/texts" ;;
    esac
}

# growth from each scale to the next: at most 1.1 times the growth in
# documents; each task run at the two scales in turn, growth_runs times,
# and the median of the pairs' ratios kept (memory: the ratio of medians)
prev=""
for docs in $scales; do
    if [ -n "$prev" ]; then
        lim=$(awk -v a="$docs" -v b="$prev" 'BEGIN { printf "%.2f", 1.1 * a / b }')
        echo "growth from $prev to $docs documents (limit $lim; median of $growth_runs pairs of runs):"
        printf '  %-34s %8s %8s\n' "task" "time" "memory"
        for key in extract rank_yaml rank_texts chain chain_new check_yaml check_texts; do
            label=$(get "$docs" "$key" 3)
            g_r="" g_mp="" g_md=""
            g_i=1
            while [ "$g_i" -le "$growth_runs" ]; do
                task_once "$key" "$prev"
                g_tp=$r_t
                g_mp="$g_mp $r_m"
                task_once "$key" "$docs"
                g_md="$g_md $r_m"
                g_r="$g_r $(awk -v a="$r_t" -v b="$g_tp" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }')"
                g_i=$((g_i + 1))
            done
            # shellcheck disable=SC2086 # lists of numbers
            t=$(awk -v r="$(median $g_r)" 'BEGIN { printf "%.2f", r }')
            # shellcheck disable=SC2086
            m=$(ratio "$(median $g_md)" "$(median $g_mp)")
            v=$(awk -v t="$t" -v m="$m" -v l="$lim" 'BEGIN { print (t <= l && m <= l ? "PASS" : "FAIL") }')
            printf '  %-34s %8s %8s  %s\n' "$label" "$t" "$m" "$v"
        done
        echo ""
    fi
    prev=$docs
done
