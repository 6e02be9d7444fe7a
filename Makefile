# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The second test pass runs against these; override to use other servers or database names.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/peninsula
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
FIXTURES := $(wildcard fixtures/entities.json) fixtures/the_peninsula.json

.PHONY: run test test-sqlite test-postgres serve

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py loaddata $(FIXTURES)
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: test-sqlite test-postgres

test-sqlite: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

# PostgreSQL + Redis pass. Under CI=true an unreachable server fails the run instead of skipping it.
test-postgres: $(VENV)/.installed
	@if $(PY) bin/services_up.py "$(PG_TEST_URL)" "$(REDIS_TEST_URL)"; then \
		DATABASE_URL="$(PG_TEST_URL)" REDIS_URL="$(REDIS_TEST_URL)" $(PY) -m pytest $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL/Redis pass FAILED: servers unreachable under CI=true"; exit 1; \
	else \
		echo "PostgreSQL/Redis pass SKIPPED: servers unreachable (see above)"; \
	fi
