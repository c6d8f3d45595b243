#!/bin/sh
# Golden end-to-end tests: each folder tests/golden/<case>/ holds
#   cmd     a shell command, run from the top of the tree, with $CITEGRAPH
#           set to the binary under test
#   stdout  the expected standard output
#   stderr  the expected standard error (diagnostics are output too)
#   status  the expected exit status
# Updating an expected file is a reviewed change: read the diff first.
# With GOLDEN_WRAP set (e.g. "valgrind -q --error-exitcode=99"), the binary
# runs under it; GOLDEN_CASE names the case in its environment (make
# valgrind names its logs after it).  A case with a file `unwrapped` (which
# says why) runs the binary itself even then: what it tests is something
# the wrapper changes (valgrind's log takes a closed standard output).
set -u
bin=${1:?usage: run.sh path/to/citegraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
plain=$bin
unwrapped=0
if [ -n "${GOLDEN_WRAP:-}" ]; then
    wrapper=$(mktemp)
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$GOLDEN_WRAP" "$bin" > "$wrapper"
    chmod +x "$wrapper"
    bin=$wrapper
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" ${wrapper:+"$wrapper"}' EXIT
passed=0
failed=0
for dir in tests/golden/*/; do
    name=$(basename "$dir")
    [ -f "$dir/cmd" ] || continue
    run=$bin
    if [ "$run" != "$plain" ] && [ -f "$dir/unwrapped" ]; then
        run=$plain
        unwrapped=$((unwrapped + 1))
    fi
    GOLDEN_CASE=$name CITEGRAPH=$run TMPDIR=$tmp LC_ALL=C sh "$dir/cmd" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
    status=$?
    ok=1
    if ! cmp -s "$tmp/stdout" "$dir/stdout"; then
        echo "FAIL $name: stdout differs"; diff -u "$dir/stdout" "$tmp/stdout" | head -40; ok=0
    fi
    if ! cmp -s "$tmp/stderr" "$dir/stderr"; then
        echo "FAIL $name: stderr differs"; diff -u "$dir/stderr" "$tmp/stderr" | head -40; ok=0
    fi
    if [ "$status" != "$(cat "$dir/status")" ]; then
        echo "FAIL $name: exit status $status, expected $(cat "$dir/status")"; ok=0
    fi
    if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "golden: $passed passed, $failed failed"
if [ $unwrapped -gt 0 ]; then
    echo "golden: $unwrapped case(s) ran without GOLDEN_WRAP, as their 'unwrapped' file says"
fi
[ $failed = 0 ] && [ $passed -gt 0 ]
