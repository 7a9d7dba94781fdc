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
CMAKE_FLAGS := -G Ninja -DRECOUP_WARNINGS_AS_ERRORS=ON
TZ_TEST := Europe/London
# pytest over tests/python with the project's settings; targets add their own selection.
PYTEST := cd tests/python && TZ=$(TZ_TEST) $(abspath $(VPY)) -m pytest -q -p no:cacheprovider --rootdir=$(CURDIR) -c $(CURDIR)/pyproject.toml

.PHONY: all deps venv cpp cpp-test python py-test test test-deep demo sanitize bench wheel docs lint stubs clean

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
