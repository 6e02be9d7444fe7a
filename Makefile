# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The second test pass runs against these; override to use other servers or database names.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/peninsula
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
FIXTURES := $(wildcard fixtures/entities.json) fixtures/the_peninsula.json

.PHONY: run test test-sqlite test-postgres serve bench soak wrk bench-search bench-entities

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

# Production-style: hashed, compressed static files through whitenoise, gunicorn on 127.0.0.1:$(PORT)
# (BIND=0.0.0.0:8000 behind a proxy). Needs SECRET_KEY and ALLOWED_HOSTS; see "Running in production".
serve: $(VENV)/.installed
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py migrate --noinput
	PORT=$(PORT) $(VENV)/bin/gunicorn -c archive/gunicorn_conf.py archive.wsgi

# Benchmarks and the load/soak run (bench/README.md): gunicorn on 127.0.0.1:8810.
bench: $(VENV)/.installed wrk
	$(PY) bench/run.py $(BENCH_ARGS)

soak: $(VENV)/.installed wrk
	$(PY) bench/soak.py $(SOAK_ARGS)

wrk:
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)

# Search benchmark (bench/README.md): 50 queries at 6,300 and 100,000 articles, SQLite and PostgreSQL.
bench-search: $(VENV)/.installed
	nice -n 10 $(PY) bench/search.py $(BENCH_SEARCH_ARGS)

# Entity benchmarks (README "Entities"): matching time per 900-word article, and the new-name finders
# compared (SPACY_PYTHON=a Python with spaCy and its small English model adds spaCy to the table).
bench-entities: $(VENV)/.installed
	$(PY) bench/entity_matching.py
	$(PY) bench/entity_candidates.py $(if $(SPACY_PYTHON),--spacy-python $(SPACY_PYTHON) --model $(or $(SPACY_MODEL),en_core_web_sm))
