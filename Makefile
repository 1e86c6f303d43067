# The two set-up commands of README.md. `make run` and `make test` each install what is missing
# (Debian 12 packages, as root or through sudo), configure, build and run.
PACKAGES := cmake g++ make libboost-graph-dev libeigen3-dev libyaml-cpp-dev libgtest-dev \
            libbenchmark-dev libcli11-dev nlohmann-json3-dev libfmt-dev
# The report's browser-side libraries come from the npm registry (package-lock.json): npm from
# Debian when the machine has none.
NODE_PACKAGES := npm
# The Python module's, and clang-tidy: only `make python` and `make test` need them.
PYTHON_PACKAGES := pybind11-dev python3-dev python3-pytest python3-pandas python3-numpy
# clang and its runtime libraries (libFuzzer): the fuzz preset's compiler.
FUZZ_PACKAGES := clang libclang-rt-dev
# The report's tests: headless Chromium (driven by playwright-core from npm) and GDAL's ogrinfo.
REPORT_TEST_PACKAGES := chromium gdal-bin
TEST_PACKAGES := $(PYTHON_PACKAGES) clang-tidy $(FUZZ_PACKAGES) $(REPORT_TEST_PACKAGES)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CORRIDOR := build/release/sim/cli/corridor

.PHONY: deps deps-python deps-test deps-node build run python test test-fast tidy fuzz bench clean

# Idempotent: installs only the packages that are not installed yet.
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps: deps-node
	$(call install_missing,$(PACKAGES))

# npm itself (Debian's, unless the machine has one), then the locked packages into node_modules.
deps-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(NODE_PACKAGES); }
	npm ci --no-audit --no-fund
	@touch $@

deps-python:
	$(call install_missing,$(PYTHON_PACKAGES))

deps-test:
	$(call install_missing,$(TEST_PACKAGES))

# The main job's build: the corridor executable only.
build: deps
	cmake --preset release
	cmake --build --preset release --target corridor

# The main job.
run: build
	$(CORRIDOR) --help
	$(CORRIDOR) version
	$(CORRIDOR) validate models/middle_corridor.yaml
	$(CORRIDOR) route models/middle_corridor.yaml --from XIA --to POT --cargo container
	$(CORRIDOR) run

# The Python module for /usr/bin/python3, in build/python/lib: PYTHONPATH=build/python/lib.
python: deps deps-python
	cmake --preset python
	cmake --build --preset python
	@echo "corridor for Python: PYTHONPATH=build/python/lib /usr/bin/python3 -c 'import corridor'"

# The whole test suite: a -Werror build with asserts (and the Python module's tests), clang-tidy,
# the C++ tests again under ASan + UBSan, then each fuzz target for FUZZ_SECONDS.
test: deps deps-test
	cmake --preset ci
	cmake --build --preset ci
	ctest --preset ci
	$(MAKE) --no-print-directory tidy
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan
	$(MAKE) --no-print-directory fuzz

# libFuzzer on the model loader, the scenario loader (extends, overrides) and --set settings,
# FUZZ_SECONDS each (a campaign: FUZZ_SECONDS=3600). Seeds: the bundled models and scenarios and
# tests/data (with its hostile corpus and the fuzzers' regression files in tests/data/fuzz);
# what the fuzzer adds stays in build/fuzz/corpus. A finding is written to build/fuzz/findings
# and fails the target: keep it in tests/data/fuzz/<target>/ once fixed.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1
fuzz: deps deps-test
	cmake --preset fuzz
	cmake --build --preset fuzz
	mkdir -p build/fuzz/corpus/model_loader build/fuzz/corpus/scenario_loader build/fuzz/corpus/settings build/fuzz/findings
	cd build/fuzz && SIM_SOURCE_DIR=$(CURDIR) tests/fuzz/fuzz_model_loader $(FUZZ_FLAGS) -artifact_prefix=findings/model_loader- \
	  corpus/model_loader $(CURDIR)/models $(CURDIR)/tests/data
	cd build/fuzz && SIM_SOURCE_DIR=$(CURDIR) tests/fuzz/fuzz_scenario_loader $(FUZZ_FLAGS) -artifact_prefix=findings/scenario_loader- \
	  corpus/scenario_loader $(CURDIR)/scenarios $(CURDIR)/tests/data
	cd build/fuzz && SIM_SOURCE_DIR=$(CURDIR) tests/fuzz/fuzz_settings $(FUZZ_FLAGS) -artifact_prefix=findings/settings- \
	  corpus/settings $(CURDIR)/tests/data/fuzz/settings

# Only the -Werror build's tests, for quick iterations.
test-fast: deps deps-test
	cmake --preset ci
	cmake --build --preset ci
	ctest --preset ci

# clang-tidy over sim/ with .clang-tidy's checks, on the ci build's compile commands.
tidy:
	@test -f build/ci/compile_commands.json || { cmake --preset ci && cmake --build --preset ci; }
	run-clang-tidy -quiet -p build/ci -j 2 -extra-arg=-Wno-unknown-warning-option "$(CURDIR)/sim/" > build/ci/tidy.log 2>&1 \
	  || { grep -E "(warning|error):" build/ci/tidy.log | sort -u; exit 1; }
	@echo "clang-tidy: sim/ clean"

bench: deps
	cmake --preset bench
	cmake --build --preset bench
	mkdir -p results/bench
	for b in build/bench/bench/sim_*_bench; do \
	  $$b --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
	      --benchmark_out=results/bench/$$(basename $$b).json --benchmark_out_format=json; \
	done

clean:
	rm -rf build
