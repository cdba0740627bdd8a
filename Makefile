# Two entry points for a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest screenshots bench clean

$(STAMP): setup.cfg setup.py pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Set up and run the app on the embedded default (demo district in its own SQLite file).
run: $(STAMP)
	$(VENV)/bin/staffdesk demo

## Set up and run the whole test suite: ruff, mypy on the core, pytest.
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check staffdesk tests benchmarks
	$(VENV)/bin/ruff format --check staffdesk tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m staffdesk.ui.screenshots docs/screenshots

bench: $(STAMP)
	$(PY) benchmarks/bench_slips.py
	$(PY) benchmarks/bench_sync.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_ui.py

clean:
	rm -rf $(VENV) build *.egg-info
