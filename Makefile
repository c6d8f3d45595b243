# citegraph - GNU Makefile
#
#   make run     install missing packages, build, extract data/texts, rank, draw graphs/
#   make test    install missing packages, build, run unit, spec and golden tests
#   make asan    the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make eval    measure extraction against ../shared/corpus (says so when it is missing)
#   make bench   benchmarks (extraction stays linear in its input)
#   make format  clang-format every C file
#   make clean

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
CFLAGS  ?=
WARN    := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
SANFLAGS ?=
PKGS    := igraph yaml-0.1 cmocka libgvc
# The fonts draw Chinese and Arabic labels (Graphviz finds them through
# fontconfig).
APT_PKGS := libigraph-dev libyaml-dev libcmocka-dev pkg-config graphviz \
            libgraphviz-dev fonts-noto-cjk fonts-noto-core

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs igraph yaml-0.1 libgvc 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

ALL_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

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

.PHONY: all run test check-unit check-spec check-golden asan deps bench format clean
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
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    echo "citegraph: installing $(APT_PKGS)"; \
	    $$SUDO apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(APT_PKGS) || exit 1; \
	  else \
	    echo "citegraph: missing build dependencies and no apt-get here;" >&2; \
	    echo "citegraph: install igraph (>= 0.10), libyaml, cmocka, pkg-config, graphviz (with its" >&2; \
	    echo "citegraph: development files) and fonts for Chinese and Arabic" >&2; \
	    exit 1; \
	  fi; \
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
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(SPEC_BIN)
	@$(MAKE) --no-print-directory check-unit check-spec check-golden

check-unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do echo "== $$t"; $$t || fail=1; done; \
	if [ $$fail != 0 ]; then echo "unit tests failed" >&2; exit 1; fi

check-spec: $(SPEC_BIN)
	@$(SPEC_BIN) tests/spec/extract-*.txt

check-golden: $(BIN)
	@sh tests/golden/run.sh $(BIN)

asan:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  all build-asan/tests/spec_runner $(UNIT_SRC:tests/unit/%.c=build-asan/tests/%)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  $(MAKE) --no-print-directory BUILD=build-asan \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  check-unit check-spec check-golden

# --- benchmarks (never part of make test) ----------------------------------
BENCH_MB    ?= 100
BENCH_DOCS  ?= 100000
BENCH_CITES ?= 1000000
BENCH_GEN   := $(BUILD)/tests/bench-gen

$(BENCH_GEN): tests/bench/gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $<

bench: all $(BENCH_GEN)
	@sh tests/bench/linear.sh $(BIN) $(BENCH_MB)
	@sh tests/bench/graph.sh $(BIN) $(BENCH_GEN) $(BENCH_DOCS) $(BENCH_CITES)

format:
	clang-format -i --style='{BasedOnStyle: LLVM, IndentWidth: 4, ColumnLimit: 80, AlwaysBreakAfterDefinitionReturnType: All, BreakBeforeBraces: Linux}' \
	  $(wildcard include/*.h src/*/*.c src/*/*.h tests/*/*.c)

clean:
	rm -rf build build-asan

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
