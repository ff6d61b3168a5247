# A thin layer over CMake so that two commands do everything (as Neovim's Makefile does):
#   make run    install dependencies, configure, build, start the app
#   make test   install dependencies, configure, build, run every test
#   make package  the .deb and the source tarball, in build/
# The plain CMake route works too: cmake -S . -B build && cmake --build build && ctest --test-dir build

BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= 2
CMAKE_FLAGS ?=
# CI (CI=true) also turns warnings into errors, so a warning cannot land.
ifeq ($(CI),true)
CMAKE_FLAGS += -DSP_WERROR=ON
endif
# Rebuilds of a fresh clone or another worktree reuse earlier compiles where ccache is
# installed (it is not a dependency: without it nothing changes).
ifneq ($(shell command -v ccache 2>/dev/null),)
CMAKE_FLAGS += -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
endif

FUZZ_DIR     ?= build-fuzz
FUZZ_SECONDS ?= 60

BENCH_DIR    ?= build-bench

.PHONY: all deps configure build run test fuzz bench perf soak clean

all: build

deps:
	@installer/deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The desktop app (the command line is $(BUILD_DIR)/bin/stretchplan-cli).
run: build
	$(BUILD_DIR)/bin/stretchplan

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)

# The Debian package (build/stretchplan_<version>_<arch>.deb) and the source tarball.
.PHONY: package
package: build
	cmake --build $(BUILD_DIR) --target package package_source

# libFuzzer over what arrives from outside (needs clang; not part of `make test`): pack
# files, plan files and images. Every target one after the other, FUZZ_SECONDS each, or
# one: make fuzz FUZZ_TARGET=fuzz_plan_file
FUZZ_TARGETS ?= fuzz_pack_json fuzz_plan_file fuzz_image_decode
FUZZ_TARGET  ?= $(FUZZ_TARGETS)
fuzz:
	@installer/deps.sh --fuzz
	@CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSP_BUILD_TESTS=OFF -DSP_BUILD_FUZZ=ON >/dev/null
	cmake --build $(FUZZ_DIR) -j$(JOBS) --target $(FUZZ_TARGET)
	@for t in $(FUZZ_TARGET); do tests/fuzz/run.sh $(FUZZ_DIR)/bin/$$t $(FUZZ_SECONDS) || exit 1; done

# Benchmarks (tests/bench), in a Release build of their own; results go into docs/benchmarks.md by hand.
bench: deps
	@cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DSP_BUILD_TESTS=OFF -DSP_BUILD_BENCH=ON >/dev/null
	cmake --build $(BENCH_DIR) -j$(JOBS) --target bench_handout
	$(BENCH_DIR)/bin/bench_handout 1000

# Performance at clinic scale (docs/PERFORMANCE.md): the same Release build, a 20,000-exercise
# catalog and a 50,000-patient database generated once under build-bench/perf-data/ (kept
# between runs), every benchmark PERF_RUNS times, one table of medians against the targets.
PERF_RUNS ?= 5
perf: deps
	@cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DSP_BUILD_TESTS=OFF -DSP_BUILD_BENCH=ON >/dev/null
	cmake --build $(BENCH_DIR) -j$(JOBS) --target bench_handout bench_catalog bench_db bench_clinic_day stretchplan stretchplan-cli stretchplan-plugin-runner native-hello
	python3 tests/bench/perf.py $(BENCH_DIR) . $(PERF_RUNS)

# The soak (docs/PERFORMANCE.md), on demand only, never in CI or `make test`: the clinic-day
# mix from client processes, SOAK_KILLS of them killed with SIGKILL at random and the
# PostgreSQL server crashed SOAK_CRASHES times (pg_ctl stop -m immediate, start); then the
# same kills against the SQLite file. Fails unless every acknowledged write is there and
# the audit chain is whole.
SOAK_KILLS   ?= 1000
SOAK_CRASHES ?= 50
soak: deps
	@cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DSP_BUILD_TESTS=OFF -DSP_BUILD_BENCH=ON >/dev/null
	cmake --build $(BENCH_DIR) -j$(JOBS) --target bench_soak bench_db
	@mkdir -p $(BENCH_DIR)/perf-data
	$(BENCH_DIR)/bin/bench_db make $(BENCH_DIR)/perf-data/clinic.db plugins
	$(BENCH_DIR)/bin/bench_soak server plugins $(SOAK_KILLS) $(SOAK_CRASHES)
	$(BENCH_DIR)/bin/bench_soak file $(BENCH_DIR)/perf-data/clinic.db $(SOAK_KILLS)

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_DIR) $(BENCH_DIR)
