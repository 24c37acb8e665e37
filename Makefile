# Every target sets up its own virtualenv: on a fresh machine `make check` is all it takes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
GEN_TMP := build/generated
SPEC_COPY := activitysmith/testing/openapi.yaml

.PHONY: install generate check-generated lint format typecheck test package check check-pythons demo bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,testing]'
	touch $(STAMP)

install: $(STAMP)

# Regenerate activitysmith_client/ from openapi.yaml with the pinned generator and ruff.
generate: install
	rm -rf $(GEN_TMP) && mkdir -p build
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi.yaml \
		--config generator-config.yml --meta none --output-path $(GEN_TMP) --overwrite --fail-on-warning
	rm -rf activitysmith_client && mv $(GEN_TMP) activitysmith_client
	cp openapi.yaml $(SPEC_COPY)

# Fails when the checked-in client (or the server's spec copy) differs from a fresh generation.
check-generated: install
	rm -rf $(GEN_TMP) && mkdir -p build
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi.yaml \
		--config generator-config.yml --meta none --output-path $(GEN_TMP) --overwrite --fail-on-warning >/dev/null
	diff -r -x __pycache__ $(GEN_TMP) activitysmith_client || \
		(echo "activitysmith_client/ is out of date with openapi.yaml: run 'make generate'" && exit 1)
	cmp openapi.yaml $(SPEC_COPY) || \
		(echo "$(SPEC_COPY) is out of date with openapi.yaml: run 'make generate'" && exit 1)
	rm -rf $(GEN_TMP)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install
	$(BIN)/mypy --strict activitysmith activitysmith_client

test: install
	$(BIN)/python -m pytest

# Build the wheel and sdist, install the wheel into a clean virtualenv, import both packages.
package: install
	rm -rf dist build/wheel-venv && mkdir -p build
	$(BIN)/python -m build --outdir dist . >build/build.log 2>&1 || (cat build/build.log && exit 1)
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/python -m pip install --quiet --disable-pip-version-check dist/*.whl
	cd build && wheel-venv/bin/python -c "import activitysmith, activitysmith_client, activitysmith.testing, activitysmith.cli; print('wheel OK: activitysmith', activitysmith.__version__)"

check: check-generated lint typecheck test package

# The whole suite on each other supported CPython, from Debian's packages (scripts/check-pythons).
check-pythons:
	scripts/check-pythons

demo: install
	$(BIN)/python -m activitysmith.demo

bench: install
	$(BIN)/python -m benchmarks

clean:
	rm -rf build dist $(VENV) .mypy_cache .ruff_cache
