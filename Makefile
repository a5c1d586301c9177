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

# Extracts the bundled sample corpus (a copy of the founding seed articles): the five records,
# then the table of their events and tallies.
demo: build
	@$(BUILD_DIR)/salvo extract examples/seeds --format pretty --quiet
	@echo
	@$(BUILD_DIR)/salvo extract examples/seeds --format table --quiet

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Every benchmark; the README's performance table quotes their output.
bench: build
	@bench/html-extraction --repeat 3
	@$(BUILD_DIR)/recognize_bench
	@bench/time-vs-chrono/run

clean:
	rm -rf $(BUILD_DIR)
