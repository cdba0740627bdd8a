# Two entry points for a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest screenshots bench bench-district wheel bundle bundle-smoke fonts clean

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
	$(VENV)/bin/ruff check staffdesk tests benchmarks tools
	$(VENV)/bin/ruff format --check staffdesk tests benchmarks tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m staffdesk.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m staffdesk.ui.screenshots docs/screenshots/es --lang es

bench: $(STAMP)
	$(PY) benchmarks/bench_slips.py
	$(PY) benchmarks/bench_sync.py
	$(PY) benchmarks/bench_portal.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_ui.py

## District scale (issue 11): 500,000 students on PostgreSQL, 50 desks syncing; ~10 minutes.
## Needs STAFFDESK_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test).
bench-district: $(STAMP)
	$(PY) benchmarks/bench_district.py

## The installable wheel (forms and resources inside it): dist/staffdesk-*.whl
wheel: $(STAMP)
	$(PY) -m build --wheel --outdir dist .

## The one-folder desktop bundle (PyInstaller): dist/staffdesk/staffdesk runs without Python.
bundle: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/staffdesk.spec

## Run the bundle in a bare environment (env -i): the app, the command line, printing.
bundle-smoke: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -p no:cacheprovider tests/test_bundle.py

## Regenerate resources/fonts/ from Debian's font packages (see tools/fonts.py).
fonts: $(STAMP)
	$(PY) -m pip install --quiet -e '.[fonts]'
	$(PY) tools/fonts.py

clean:
	rm -rf $(VENV) build dist *.egg-info
