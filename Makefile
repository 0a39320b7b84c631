# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsfacts extract examples/seed.txt --published 2025-09-10 --format text
	$(BIN)/newsfacts extract examples/seed.txt --published 2025-09-10 -o out/seed.json
	$(BIN)/newsfacts extract examples/seed.txt --published 2025-09-10 --format html -o out/seed.html
	@echo "HTML report written to $(CURDIR)/out/seed.html"

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/newsfacts eval ../shared/gold/seed.json ../shared/data/quotes/polnear-dev.jsonl ../shared/data/times/te3-dev.jsonl
	$(BIN)/newsfacts eval ../shared/data/quotes/polnear-dev.jsonl --acts

clean:
	rm -rf $(VENV) out build src/*.egg-info
