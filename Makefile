# Every target sets up its own virtualenv: on a fresh machine `make check` is all it takes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
GEN_TMP := build/generated
# Our overrides of the generator's templates (lazy model imports); see generator-config.yml.
TEMPLATES := templates/openapi-python-client
SPEC_COPY := activitysmith/testing/openapi.yaml
# Debian's Chromium, for the Lock Screen preview's browser tests and screenshots.
CHROMIUM := /usr/bin/chromium

.PHONY: install browser generate check-generated lint format typecheck test package check \
	check-pythons fuzz demo screenshots bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,testing]'
	touch $(STAMP)

install: $(STAMP)

# Installs Chromium with apt-get when it is missing (root or password-less sudo). Where that
# fails, say so and go on: the browser tests then fail with the same advice.
$(CHROMIUM):
	@scripts/install-chromium.sh || \
		echo "make: Chromium could not be installed; the preview's browser tests will fail" >&2

browser: $(CHROMIUM)

# Regenerate from openapi.yaml, with the pinned generator and ruff: activitysmith_client/
# (openapi-python-client), then the facade's tables, types, helpers and CLI flags
# (scripts/codegen), then the sync client from its async original (scripts/unasync.py).
generate: install
	rm -rf $(GEN_TMP) && mkdir -p build
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi.yaml \
		--config generator-config.yml --custom-template-path $(TEMPLATES) --meta none \
		--output-path $(GEN_TMP) --overwrite --fail-on-warning
	rm -rf activitysmith_client && mv $(GEN_TMP) activitysmith_client
	$(BIN)/python -m scripts.codegen
	$(BIN)/python -m scripts.unasync
	cp openapi.yaml $(SPEC_COPY)

# Fails when anything checked in differs from a fresh generation.
check-generated: install
	rm -rf $(GEN_TMP) && mkdir -p build
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi.yaml \
		--config generator-config.yml --custom-template-path $(TEMPLATES) --meta none \
		--output-path $(GEN_TMP) --overwrite --fail-on-warning >/dev/null
	diff -r -x __pycache__ $(GEN_TMP) activitysmith_client || \
		(echo "activitysmith_client/ is out of date with openapi.yaml: run 'make generate'" && exit 1)
	$(BIN)/python -m scripts.codegen --check
	$(BIN)/python -m scripts.unasync --check
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
	$(BIN)/mypy --strict activitysmith activitysmith_client scripts

test: install browser
	$(BIN)/python -m pytest

# Build the wheel and sdist, install the wheel into a clean virtualenv, import both packages.
package: install
	rm -rf dist build/wheel-venv && mkdir -p build
	$(BIN)/python -m build --outdir dist . >build/build.log 2>&1 || (cat build/build.log && exit 1)
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/python -m pip install --quiet --disable-pip-version-check dist/*.whl
	cd build && wheel-venv/bin/python -c "import activitysmith, activitysmith_client, activitysmith.testing, activitysmith.cli; print('wheel OK: activitysmith', activitysmith.__version__)"

check: check-generated lint typecheck test package

# The property-based tests with twenty times the examples, randomised, keeping failures found
# in build/hypothesis (ACTIVITYSMITH_FUZZ_SCALE=N for N times).
fuzz: install
	ACTIVITYSMITH_FUZZ=1 $(BIN)/python -m pytest tests/robustness -q \
		--hypothesis-show-statistics

# The whole suite on each other supported CPython, from Debian's packages (scripts/check-pythons).
check-pythons:
	scripts/check-pythons

# PREVIEW=1 plays the examples slowly and keeps the server and its Lock Screen preview running.
demo: install
	$(BIN)/python -m activitysmith.demo $(if $(PREVIEW),--preview) $(if $(PORT),--port $(PORT))

# Renders each Live Activity type and a notification stack into docs/*.png with Chromium.
screenshots: install
	@scripts/install-chromium.sh
	$(BIN)/python -m tests.preview.screenshots docs

bench: install
	$(BIN)/python -m benchmarks

clean:
	rm -rf build dist $(VENV) .mypy_cache .ruff_cache
