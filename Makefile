# citegraph - GNU Makefile
#
#   make run     install missing packages, build, extract data/texts, rank, draw graphs/
#   make test    install missing packages, build, run unit, spec and golden tests
#   make asan    the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make valgrind  the golden end-to-end cases under valgrind (leaks and errors fatal)
#   make fuzz    each libFuzzer target for FUZZ_TIME seconds (default 60; needs clang)
#   make fuzz-smoke  the same for FUZZ_SMOKE_TIME seconds each (CI)
#   make eval    measure extraction against ../shared/corpus (says so when it is missing)
#   make bench   benchmarks (extraction stays linear in its input, check --cache,
#                citegraph against rg, python-igraph and networkx: compare.sh)
#   make format  clang-format every C file
#   make clean

CC      ?= cc
BUILD   ?= build
OPT     ?= -O3 -g
CFLAGS  ?=
WARN    := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
SANFLAGS ?=
PKGS    := igraph yaml-0.1 cmocka libgvc
# The fonts draw Chinese and Arabic labels (Graphviz finds them through
# fontconfig).
APT_PKGS := libigraph-dev libyaml-dev libcmocka-dev pkg-config graphviz \
            libgraphviz-dev fonts-noto-cjk fonts-noto-core

# The SARIF 2.1.0 schema that tests/sarif/validate.py checks `check --format
# sarif` against (golden case check-sarif-schema).  It is not ours, so it is
# not in the repository: `make deps` takes it from the npm package below
# (npm pack: the tarball alone, none of its dependencies, no scripts run),
# checks its SHA-256 and copies it to $(SARIF_SCHEMA), outside $(BUILD) so
# that every build folder's tests find it.  Validation needs the jsonschema
# Python module (Debian: python3-jsonschema) and the fetch needs npm (Debian:
# npm; not installed when some npm, e.g. the one bundled with nodejs, exists).
SARIF_NPM_PKG    := @microsoft/jest-sarif@1.0.0-beta.0
SARIF_NPM_DIR    := build/npm
SARIF_NPM_SCHEMA := $(SARIF_NPM_DIR)/package/lib/schemas/sarif-2.1.0-rtm.5.json
SARIF_SHA256     := 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
SARIF_SCHEMA     := build/sarif-2.1.0.json

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs igraph yaml-0.1 libgvc 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

ALL_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) -pthread -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) -pthread $(LDFLAGS)

# One folder per pipeline stage; the library is everything but src/cli.
LIB_DIRS := core text extract yamlio graph render check
LIB_SRC  := $(foreach d,$(LIB_DIRS),$(sort $(wildcard src/$(d)/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libcite.a
BIN      := $(BUILD)/citegraph

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
SPEC_BIN := $(BUILD)/tests/spec_runner
# The fuzz targets (tests/fuzz/fuzz_<name>.c) and their replay programs.
FUZZ_TARGETS := extract yaml render report
REPLAY_BIN   := $(FUZZ_TARGETS:%=$(BUILD)/tests/replay-%)

.PHONY: all run test check-unit check-spec check-golden check-fuzz asan valgrind \
        fuzz fuzz-smoke fuzz-build fuzz-deps deps bench bench-deps bench-compare \
        format clean
.DELETE_ON_ERROR:

all: $(BIN)

# --- dependencies ----------------------------------------------------------
# Installs what is missing with apt-get (through sudo when not root).
deps:
	@missing=""; \
	for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || missing=1; done; \
	command -v pkg-config >/dev/null 2>&1 || missing=1; \
	command -v dot >/dev/null 2>&1 || missing=1; \
	[ -n "$$(fc-list :lang=zh family 2>/dev/null)" ] || missing=1; \
	[ -n "$$(fc-list :lang=ar family 2>/dev/null)" ] || missing=1; \
	extra=""; \
	python3 -c 'import jsonschema' >/dev/null 2>&1 || \
	  /usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || \
	  { missing=1; extra="$$extra python3-jsonschema"; }; \
	if [ ! -f $(SARIF_SCHEMA) ] && ! command -v npm >/dev/null 2>&1; then \
	  missing=1; extra="$$extra npm"; \
	fi; \
	command -v valgrind >/dev/null 2>&1 || { missing=1; extra="$$extra valgrind"; }; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    echo "citegraph: installing $(APT_PKGS)$$extra"; \
	    $$SUDO apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(APT_PKGS) $$extra || exit 1; \
	  else \
	    echo "citegraph: missing build dependencies and no apt-get here;" >&2; \
	    echo "citegraph: install igraph (>= 0.10), libyaml, cmocka, pkg-config, graphviz (with its" >&2; \
	    echo "citegraph: development files), fonts for Chinese and Arabic, the Python module" >&2; \
	    echo "citegraph: jsonschema, npm and valgrind" >&2; \
	    exit 1; \
	  fi; \
	fi
	@if [ ! -f $(SARIF_SCHEMA) ]; then \
	  if [ ! -f $(SARIF_NPM_SCHEMA) ]; then \
	    echo "citegraph: fetching the SARIF 2.1.0 schema from npm: $(SARIF_NPM_PKG)"; \
	    rm -rf $(SARIF_NPM_DIR) && mkdir -p $(SARIF_NPM_DIR) && \
	    tgz=$$(cd $(SARIF_NPM_DIR) && npm pack --silent --ignore-scripts $(SARIF_NPM_PKG)) && \
	    tar -xzf $(SARIF_NPM_DIR)/$$tgz -C $(SARIF_NPM_DIR) || exit 1; \
	  fi; \
	  if [ ! -f $(SARIF_NPM_SCHEMA) ]; then \
	    echo "citegraph: $(SARIF_NPM_PKG) has no $(SARIF_NPM_SCHEMA:$(SARIF_NPM_DIR)/package/%=%)" >&2; exit 1; \
	  fi; \
	  echo "$(SARIF_SHA256)  $(SARIF_NPM_SCHEMA)" | sha256sum -c --quiet - || { \
	    echo "citegraph: the SARIF schema from $(SARIF_NPM_PKG) is not the one expected" >&2; \
	    rm -rf $(SARIF_NPM_DIR); exit 1; }; \
	  cp $(SARIF_NPM_SCHEMA) $(SARIF_SCHEMA).tmp && mv $(SARIF_SCHEMA).tmp $(SARIF_SCHEMA); \
	fi

# --- build -----------------------------------------------------------------
$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS) -lm

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB) $(PKG_LIBS) $(CMOCKA_LIBS) $(ALL_LDFLAGS) -lm

$(SPEC_BIN): tests/spec/spec_runner.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIB) $(PKG_LIBS) $(ALL_LDFLAGS) -lm

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# --- the main job ----------------------------------------------------------
run: deps
	@$(MAKE) --no-print-directory all
	$(BIN) extract -o data/citations.yaml data/texts
	$(BIN) rank data/citations.yaml
	@mkdir -p graphs
	$(BIN) dot -o graphs/citations.dot data/citations.yaml
	@for f in svg png; do \
	  echo "$(BIN) dot ... -o graphs/{citations,chain-21-21,timeline}.$$f"; \
	  $(BIN) dot --size-by pagerank --title "The bundled corpus: who cites whom" \
	    -o graphs/citations.$$f data/citations.yaml && \
	  $(BIN) dot --chain A/HRC/RES/21/21 --rank-by year --edge-labels \
	    --title "The precedents of A/HRC/RES/21/21" \
	    -o graphs/chain-21-21.$$f data/citations.yaml && \
	  $(BIN) dot --rank-by year --cluster-by body \
	    --title "Timeline: one row per year, the oldest at the top" \
	    -o graphs/timeline.$$f data/citations.yaml || exit 1; \
	done
	@echo "citegraph: wrote data/citations.yaml and graphs/: citations.dot, citations, chain-21-21 and timeline (.svg, .png)"

# --- tests -----------------------------------------------------------------
test: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(SPEC_BIN) $(REPLAY_BIN)
	@$(MAKE) --no-print-directory check-unit check-spec check-golden check-fuzz

check-unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do echo "== $$t"; $$t || fail=1; done; \
	if [ $$fail != 0 ]; then echo "unit tests failed" >&2; exit 1; fi

check-spec: $(SPEC_BIN)
	@$(SPEC_BIN) tests/spec/extract-*.txt

check-golden: $(BIN)
	@SARIF_SCHEMA=$(CURDIR)/$(SARIF_SCHEMA) sh tests/golden/run.sh $(BIN)

# The fuzz targets built by the ordinary compiler with a main() that
# replays inputs (tests/fuzz/replay.c): every seed and every input that
# once failed (tests/fuzz/regress/<target>/) goes through the target's
# checks on each `make test` and `make asan`.
check-fuzz: $(REPLAY_BIN)
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  rm -rf $(BUILD)/fuzz/seeds-$$t && sh tests/fuzz/seeds.sh $$t $(BUILD)/fuzz/seeds-$$t || exit 1; \
	  regress=; [ -d tests/fuzz/regress/$$t ] && regress=tests/fuzz/regress/$$t; \
	  $(BUILD)/tests/replay-$$t $$regress $(BUILD)/fuzz/seeds-$$t || fail=1; \
	done; \
	if [ $$fail != 0 ]; then echo "fuzz replay failed" >&2; exit 1; fi

asan:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  all build-asan/tests/spec_runner $(UNIT_SRC:tests/unit/%.c=build-asan/tests/%) \
	  $(FUZZ_TARGETS:%=build-asan/tests/replay-%)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  $(MAKE) --no-print-directory BUILD=build-asan \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  check-unit check-spec check-golden check-fuzz

# --- valgrind --------------------------------------------------------------
# The golden cases again, with every citegraph run under valgrind (an -O1
# build without sanitizers): a definite or indirect leak or any memory
# error fails the run.  Each run logs to build-valgrind/logs/<case>.<pid>.log,
# which -q leaves empty when all is well; the case's own cmd may hide the
# exit status (a pipe, 2>/dev/null), so the logs decide.
VG_BUILD := build-valgrind
VG_LOGS  := $(VG_BUILD)/logs
VALGRIND ?= valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
            --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
            --suppressions=$(CURDIR)/tests/valgrind.supp

valgrind:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=$(VG_BUILD) OPT="-O1 -g" all
	@rm -rf $(VG_LOGS) && mkdir -p $(VG_LOGS)
	@status=0; \
	GOLDEN_WRAP="$(VALGRIND) --log-file=$(CURDIR)/$(VG_LOGS)/%q{GOLDEN_CASE}.%p.log" \
	  SARIF_SCHEMA=$(CURDIR)/$(SARIF_SCHEMA) sh tests/golden/run.sh $(VG_BUILD)/citegraph || status=1; \
	runs=$$(ls $(VG_LOGS) | wc -l); bad=0; \
	for f in $(VG_LOGS)/*.log; do \
	  if [ -s "$$f" ]; then echo "== valgrind: $$f"; cat "$$f"; bad=$$((bad + 1)); fi; \
	done; \
	echo "valgrind: $$((runs - bad)) passed, $$bad failed (citegraph runs)"; \
	[ $$runs -gt 0 ] && [ $$bad = 0 ] && [ $$status = 0 ]

# --- fuzzing ---------------------------------------------------------------
# libFuzzer targets (tests/fuzz/fuzz_<target>.c) built by clang with ASan
# and UBSan into $(FUZZ_BUILD), over the library compiled with the same
# flags.  Each runs FUZZ_TIME seconds on its dictionary and on the seeds
# that tests/fuzz/seeds.sh takes from the fixtures, in $(BUILD)/fuzz/
# corpus-<target>/ (kept between runs; never committed).  A crash, a leak,
# a failed check or an input slower than FUZZ_TIMEOUT seconds fails the
# target; the input is saved as $(FUZZ_BUILD)/crash-<target>-* and belongs
# in tests/fuzz/regress/<target>/ once fixed.
FUZZ_TIME       ?= 60
FUZZ_SMOKE_TIME ?= 20
FUZZ_TIMEOUT    ?= 10
FUZZ_CC         ?= clang
FUZZ_BUILD      := build-fuzz
FUZZ_SAN        := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_MAXLEN_extract := 65536
FUZZ_MAXLEN_yaml    := 16384
FUZZ_MAXLEN_render  := 8192
FUZZ_MAXLEN_report  := 8192

$(BUILD)/tests/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/oracle.c tests/fuzz/replay.c tests/fuzz/oracle.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $(filter %.c,$^) $(LIB) $(PKG_LIBS) $(ALL_LDFLAGS) -lm

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/oracle.c tests/fuzz/oracle.h $(FUZZ_BUILD)/libcite.a
	$(FUZZ_CC) $(WARN) -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer $(FUZZ_SAN) \
	  -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc $(PKG_CFLAGS) -o $@ \
	  $(filter %.c,$^) $(FUZZ_BUILD)/libcite.a $(PKG_LIBS) -lm

# clang, its libFuzzer runtime and its sanitizers (Debian: clang,
# libclang-rt-14-dev), installed with apt-get when a test link fails.
fuzz-deps:
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	  > /tmp/citegraph-fuzz-probe.$$$$.c; \
	if ! $(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o /tmp/citegraph-fuzz-probe.$$$$ \
	     /tmp/citegraph-fuzz-probe.$$$$.c >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    echo "citegraph: installing clang libclang-rt-14-dev"; \
	    $$SUDO apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q clang libclang-rt-14-dev || exit 1; \
	  else \
	    echo "citegraph: fuzzing needs clang with libFuzzer ($(FUZZ_CC) -fsanitize=fuzzer)" >&2; exit 1; \
	  fi; \
	fi; \
	rm -f /tmp/citegraph-fuzz-probe.$$$$ /tmp/citegraph-fuzz-probe.$$$$.c

fuzz-build: deps fuzz-deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	  OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_BUILD)/libcite.a
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

# FUZZ_TARGETS=extract runs one target.  The summary line of each run gives
# its executions, speed and coverage; the whole log is in $(FUZZ_BUILD).
fuzz: fuzz-build
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  c=$(BUILD)/fuzz/corpus-$$t; mkdir -p $$c && sh tests/fuzz/seeds.sh $$t $$c || exit 1; \
	  case $$t in extract) max=$(FUZZ_MAXLEN_extract) ;; yaml) max=$(FUZZ_MAXLEN_yaml) ;; \
	    render) max=$(FUZZ_MAXLEN_render) ;; *) max=$(FUZZ_MAXLEN_report) ;; esac; \
	  echo "fuzz_$$t: $(FUZZ_TIME) s, $$(ls $$c | wc -l) inputs in $$c"; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=$$max \
	    -timeout=$(FUZZ_TIMEOUT) -dict=tests/fuzz/$$t.dict -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- $$c > $(FUZZ_BUILD)/fuzz-$$t.log 2>&1; \
	  rc=$$?; \
	  grep -E '^#[0-9]+[[:space:]]+DONE' $(FUZZ_BUILD)/fuzz-$$t.log | tail -1 | sed "s/^/fuzz_$$t: /"; \
	  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
	    $(FUZZ_BUILD)/fuzz-$$t.log | sed "s/^/fuzz_$$t: /"; \
	  if [ $$rc != 0 ]; then \
	    echo "fuzz_$$t: FAILED (exit $$rc); the end of $(FUZZ_BUILD)/fuzz-$$t.log:" >&2; \
	    tail -60 $(FUZZ_BUILD)/fuzz-$$t.log >&2; fail=1; \
	  fi; \
	done; \
	if [ $$fail != 0 ]; then echo "fuzzing found something" >&2; exit 1; fi

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_TIME=$(FUZZ_SMOKE_TIME)

# --- benchmarks (never part of make test) ----------------------------------
BENCH_MB    ?= 100
BENCH_DOCS  ?= 100000
BENCH_CITES ?= 1000000
BENCH_TEXTS ?= 10000
BENCH_GEN   := $(BUILD)/tests/bench-gen

$(BENCH_GEN): tests/bench/gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $<

# compare.sh: citegraph against rg, python-igraph and networkx on a
# synthetic corpus of BENCH_SCALE documents (several: the growth from one
# to the next), kept in $(BUILD)/bench-corpus-<docs>/ for the next run.
# BENCH_BIN is the binary measured (another build of citegraph may be given).
BENCH_SCALE      ?= 20000
BENCH_RUNS       ?= 5
BENCH_RUNS_LARGE ?= 3
BENCH_RANK_OPTS  ?= --metrics pagerank --top 10
BENCH_BIN        ?= $(BIN)
BENCH_CORPUS     := $(BUILD)/tests/bench-corpus
BENCH_APT_PKGS   := ripgrep python3-igraph python3-networkx time

$(BENCH_CORPUS): tests/bench/corpus.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -o $@ $< -lm

# The yardsticks of compare.sh, installed with apt-get when missing (through
# sudo when not root).  Python is Debian's /usr/bin/python3, which has the
# python3-* modules.
bench-deps:
	@missing=""; \
	command -v rg >/dev/null 2>&1 || missing="$$missing ripgrep"; \
	/usr/bin/python3 -c 'import igraph' >/dev/null 2>&1 || missing="$$missing python3-igraph"; \
	/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || missing="$$missing python3-networkx"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    echo "citegraph: installing$$missing"; \
	    $$SUDO apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing || exit 1; \
	  else \
	    echo "citegraph: make bench needs$$missing and there is no apt-get here" >&2; \
	    exit 1; \
	  fi; \
	fi

bench: bench-deps all $(BENCH_GEN)
	@sh tests/bench/linear.sh $(BIN) $(BENCH_MB)
	@sh tests/bench/graph.sh $(BIN) $(BENCH_GEN) $(BENCH_DOCS) $(BENCH_CITES)
	@sh tests/bench/cache.sh $(BIN) $(BENCH_TEXTS)
	@$(MAKE) --no-print-directory bench-compare

bench-compare: bench-deps all $(BENCH_CORPUS)
	@BENCH_RUNS=$(BENCH_RUNS) BENCH_RUNS_LARGE=$(BENCH_RUNS_LARGE) BENCH_DIR=$(BUILD) \
	  BENCH_RANK_OPTS="$(BENCH_RANK_OPTS)" \
	  sh tests/bench/compare.sh $(BENCH_BIN) $(BENCH_CORPUS) $(BENCH_SCALE)

format:
	clang-format -i --style='{BasedOnStyle: LLVM, IndentWidth: 4, ColumnLimit: 80, AlwaysBreakAfterDefinitionReturnType: All, BreakBeforeBraces: Linux}' \
	  $(wildcard include/*.h src/*/*.c src/*/*.h tests/*/*.c)

clean:
	rm -rf build build-asan $(VG_BUILD) $(FUZZ_BUILD)

# --- evaluation against the development corpus -----------------------------
# Not part of `make test`: measures extraction against the hand-checked truth
# in $(CORPUS) (texts/<lang>/*.txt, truth/<lang>/*.yaml; see its
# ANNOTATION.md), which is never copied here.  Prints precision / recall
# tables, every miss and false hit, and whether the issue's thresholds are
# met.  Exits 0 whatever the figures, 2 when the corpus is missing, 1 on a
# tool error.  EVAL_LANG=en measures one language; EVAL_VERBOSE=1 adds the
# truth's notes, our mention texts and a per-document table.
CORPUS       ?= ../shared/corpus
EVAL_LANG    ?=
EVAL_VERBOSE ?=
EVAL_BIN     := $(BUILD)/tests/eval

.PHONY: eval

$(EVAL_BIN): tests/eval/eval.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(ALL_LDFLAGS) -lm

eval:
	@if [ ! -d "$(CORPUS)/texts" ] || [ ! -d "$(CORPUS)/truth" ]; then \
	  echo "" >&2; \
	  echo "**********************************************************" >&2; \
	  echo "eval: THE CORPUS IS MISSING: $(CORPUS)" >&2; \
	  echo "eval: (no texts/ and truth/ there); NOTHING WAS MEASURED." >&2; \
	  echo "eval: run 'make eval CORPUS=path/to/corpus'." >&2; \
	  echo "**********************************************************" >&2; \
	  echo "" >&2; \
	  exit 2; \
	fi
	@$(MAKE) --no-print-directory -s $(BIN) $(EVAL_BIN)
	@$(EVAL_BIN) --corpus "$(CORPUS)" --citegraph $(BIN) --work $(BUILD)/eval \
	  $(if $(strip $(EVAL_LANG)),--lang $(EVAL_LANG)) \
	  $(if $(filter-out 0 no,$(strip $(EVAL_VERBOSE))),--verbose)
