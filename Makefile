# recoup — `make demo` sets everything up and runs the tour; `make test` sets up and runs every test.
SHELL := /bin/bash
PYTHON ?= python3
JOBS ?= 2
VENV := .venv
VPY := $(VENV)/bin/python
VBIN := $(abspath $(VENV)/bin)
export PATH := $(VBIN):$(PATH)
CMAKE := $(VBIN)/cmake
BUILD := build/cpp
SANITIZE_BUILD := build/sanitize
BENCH_BUILD := build/bench
FUZZ_BUILD := build/fuzz
# `make fuzz FUZZ_SECONDS=600` fuzzes each target longer; CI runs them briefly.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := decimal_text money_text rule_pack calendar strategy_policy c_abi_text
CMAKE_FLAGS := -G Ninja -DRECOUP_WARNINGS_AS_ERRORS=ON
TZ_TEST := Europe/London
# pytest over tests/python with the project's settings; targets add their own selection.
PYTEST := cd tests/python && TZ=$(TZ_TEST) $(abspath $(VPY)) -m pytest -q -p no:cacheprovider --rootdir=$(CURDIR) -c $(CURDIR)/pyproject.toml

.PHONY: all deps venv cpp cpp-test python py-test test test-deep demo sanitize fuzz bench wheel docs lint stubs clean

all: test

deps:
	@tools/ensure_deps.sh

$(VENV)/.stamp: requirements-dev.txt
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r requirements-dev.txt
	@touch $@

venv: deps $(VENV)/.stamp

# --- C++ --------------------------------------------------------------------------------------
cpp: venv
	$(CMAKE) -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECOUP_BUILD_TESTS=ON -DRECOUP_BUILD_EXAMPLES=ON
	$(CMAKE) --build $(BUILD) -j$(JOBS)

cpp-test: cpp
	cd $(BUILD) && TZ=$(TZ_TEST) ctest --output-on-failure -j$(JOBS)

# --- Python -----------------------------------------------------------------------------------
python: venv
	$(VPY) -m pip install -q --no-build-isolation --no-deps .

py-test: python
	$(PYTEST) .

lint: venv
	$(VBIN)/ruff check bindings/python tests/python examples/python benchmarks
	$(VBIN)/mypy

test: cpp-test py-test lint
	@echo "recoup: all C++ and Python tests passed"

test-deep: python
	$(PYTEST) -m deep .

# --- the main job -----------------------------------------------------------------------------
demo: cpp python
	@echo "== C++ tour (examples/cpp/money_tour.cpp) =="
	@$(BUILD)/examples/money_tour
	@echo
	@echo "== Python tour (examples/python/money_tour.py) =="
	@$(VPY) examples/python/money_tour.py
	@echo
	@echo "== C++ plan tour (examples/cpp/plan_tour.cpp) =="
	@$(BUILD)/examples/plan_tour
	@echo
	@echo "== Python plan tour (examples/python/plan_tour.py) =="
	@$(VPY) examples/python/plan_tour.py
	@echo
	@echo "== recoup demo: a synthetic US/UK portfolio, every check, the HTML report =="
	@$(VBIN)/recoup demo --no-open --out build/demo

# --- other jobs -------------------------------------------------------------------------------
sanitize: venv
	$(CMAKE) -S . -B $(SANITIZE_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DRECOUP_SANITIZE=ON -DRECOUP_BUILD_TESTS=ON -DRECOUP_BUILD_EXAMPLES=OFF
	$(CMAKE) --build $(SANITIZE_BUILD) -j$(JOBS)
	cd $(SANITIZE_BUILD) && TZ=$(TZ_TEST) ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

# libFuzzer + ASan + UBSan over every parser and loader of outside text (tests/fuzz); new
# inputs go to build/fuzz/corpus, crashes to build/fuzz/findings (see docs/reliability.md).
fuzz: venv
	@tools/ensure_deps.sh fuzz
	$(CMAKE) -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1" \
	  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DRECOUP_BUILD_FUZZERS=ON \
	  -DRECOUP_BUILD_TESTS=OFF -DRECOUP_BUILD_EXAMPLES=OFF -DRECOUP_INSTALL=OFF
	$(CMAKE) --build $(FUZZ_BUILD) -j$(JOBS)
	@set -o pipefail; mkdir -p $(FUZZ_BUILD)/findings; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; echo "== fuzz $$t: $(FUZZ_SECONDS) s"; \
	  TZ=UTC $(FUZZ_BUILD)/tests/fuzz/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/findings/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t 2>&1 | tail -n 9 || exit 1; \
	done
	@echo "recoup: every fuzz target ran $(FUZZ_SECONDS) s without a finding"

bench: python
	$(CMAKE) -S . -B $(BENCH_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release -DRECOUP_BUILD_BENCHMARKS=ON -DRECOUP_BUILD_TESTS=OFF -DRECOUP_BUILD_EXAMPLES=OFF
	$(CMAKE) --build $(BENCH_BUILD) -j$(JOBS)
	$(BENCH_BUILD)/benchmarks/recoup_bench
	$(VPY) benchmarks/peers.py
	$(VPY) benchmarks/plan_peers.py --cpp-bench $(BENCH_BUILD)/benchmarks/recoup_bench
	$(VPY) benchmarks/portfolio_peers.py --cpp-bench $(BENCH_BUILD)/benchmarks/recoup_bench
	$(VPY) benchmarks/monitor_peers.py
	$(VPY) benchmarks/rules_peers.py
	$(VPY) benchmarks/portfolio_evaluate_bench.py --accounts 1000000
	$(VPY) benchmarks/include_cost.py

wheel: venv
	$(VPY) -m pip wheel -q --no-build-isolation --no-deps -w dist .
	@ls -1 dist/*.whl

stubs: python
	$(VPY) tools/generate_stubs.py

docs: python
	$(VPY) tools/generate_docs.py
	cd docs && $(abspath $(VPY)) -m pytest -q -p no:cacheprovider --doctest-glob='*.md' -o addopts='' --rootdir=$(CURDIR)/docs .

clean:
	rm -rf build dist
