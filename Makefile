# Salvo: the two commands that matter are `make demo` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: setup configure build web demo serve test test-web screenshots test-sanitize fuzz bench bench-check clean

setup:
	@scripts/setup

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure web
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The dashboard: npm packages from web/package-lock.json, bundled into web/dist (served by
# `salvo serve`; nothing is fetched from a CDN at run time).
web: setup
	@cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

# The main job on the bundled sample corpus (a copy of the founding seed articles): ingest it into
# the embedded store ./salvo.db (a no-op when already there), then print the merged events and the
# official tallies beside the events held.
DEMO_DB ?= salvo.db
demo: build
	@$(BUILD_DIR)/salvo ingest examples/seeds --db $(DEMO_DB)
	@echo
	@$(BUILD_DIR)/salvo events --db $(DEMO_DB) --format table
	@echo
	@$(BUILD_DIR)/salvo tallies --db $(DEMO_DB)
	@echo
	@echo "Map, timeline and sources: run 'make serve' (or $(BUILD_DIR)/salvo serve --db $(DEMO_DB)) and open http://127.0.0.1:8080/"

# The dashboard on the demo store.
serve: demo
	@$(BUILD_DIR)/salvo serve --db $(DEMO_DB) --web web/dist

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory test-web

# The dashboard in headless Chromium (playwright-core) against `salvo serve`; screenshots in build/.
test-web:
	@cd web && node --test ../tests/web/

# The README's dashboard screenshots (docs/screenshots/*.png): the browser tests of the store of
# 3,000 generated articles (bench/make-corpus, the same corpus on every machine), saving there.
screenshots:
	@cd web && SALVO_SCREENSHOTS=$(CURDIR)/docs/screenshots node --test --test-name-pattern='3,000 generated articles' \
	  ../tests/web/dashboard_scale.test.mjs

# The whole C++ test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (a build of
# its own); any report fails it. CI runs it after `make test`.
SANITIZE_DIR ?= build-sanitize
SANITIZE_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
test-sanitize: setup
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$(SANITIZE_FLAGS)" \
	  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS) --target salvo salvo_tests
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(SANITIZE_DIR)/salvo_tests --gtest_brief=1

# Every parser and the whole pipeline under libFuzzer (clang, with ASan + UBSan), FUZZ_SECONDS
# each, on seed corpora made from the articles and data files (fuzz/run). Fails on any crash; the
# crashing input is kept in build-fuzz/artifacts/. CI runs it with the default 60 s.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = fuzz_text_article fuzz_jsonl fuzz_html fuzz_sentences fuzz_time fuzz_numbers fuzz_fold fuzz_data_files fuzz_extract fuzz_json_writer fuzz_simple_markup
fuzz: setup
	@CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DSALVO_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(FUZZ_TARGETS)
	@fuzz/run $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Every benchmark; the README's performance table quotes their output.
bench: build
	@bench/html-extraction --repeat 3
	@$(BUILD_DIR)/recognize_bench
	@$(BUILD_DIR)/stages_bench
	@bench/time-vs-chrono/run
	@bench/run

# The performance check of CI (simdjson's checkperf): extract and ingest as a ratio of their speed
# to cat on the same files; fails when either is below half of bench/recorded-ratios (~40 s).
bench-check: build
	@bench/run --check

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) web/dist
