# Salvo: the two commands that matter are `make demo` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: setup configure build demo test bench clean

setup:
	@scripts/setup

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

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

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Every benchmark; the README's performance table quotes their output.
bench: build
	@bench/html-extraction --repeat 3
	@$(BUILD_DIR)/recognize_bench
	@$(BUILD_DIR)/stages_bench
	@bench/time-vs-chrono/run
	@bench/run

clean:
	rm -rf $(BUILD_DIR)
