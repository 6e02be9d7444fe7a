# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The second test pass runs against these; override to use other servers or database names.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/peninsula
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
FIXTURES := $(wildcard fixtures/entities.json) fixtures/the_peninsula.json

.PHONY: run test test-sqlite test-postgres test-dates test-property serve bench compare soak wrk bench-search bench-autop bench-import-page vnu lighthouse bench-entities bench-hostile bench-hostile-load

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Local settings for manage.py commands typed by hand (archive/settings.py reads .env; real variables win).
# Written once, never overwritten; git ignores it.
.env:
	printf '# Read by archive/settings.py; real environment variables win. Written by make run.\nDJANGO_DEBUG=1\n' > $@

run: $(VENV)/.installed .env
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py loaddata $(FIXTURES)
	DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: test-sqlite test-postgres

# The W3C Nu HTML checker's jar from npm (vnu-jar, pinned in package-lock.json), run by tests/test_valid_html.py
# with Debian's Java (default-jre-headless). Without npm the test skips, saying so (it fails under CI=true).
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --silent && touch $@; \
	else echo "npm not found: the Nu HTML checker is not installed and its test will skip"; fi
vnu: $(VNU_JAR)

test-sqlite: $(VENV)/.installed $(VNU_JAR)
	$(PY) -m pytest $(PYTEST_ARGS)

# The SQLite suite with the clock moved (tests/conftest.py, TEST_CLOCK): the first of a month at 00:30 UTC
# and January 1st at 04:30 UTC (both still the day before in New York), the 31st, January 1st at noon,
# 29 February and 1 March of a leap year, and 23:30 on 31 December in a UTC-10 zone (clock@zone).
# TEST_CLOCKS="..." or PYTEST_ARGS="tests/test_x.py" narrow it.
TEST_CLOCKS ?= 2027-03-01T00:30 2027-01-01T04:30 2027-05-31T15:00 2027-01-01T12:00 2028-02-29T12:00 \
	2028-03-01T12:00 2027-12-31T23:30@Pacific/Honolulu
test-dates: $(VENV)/.installed $(VNU_JAR)
	@failed=""; for clock in $(TEST_CLOCKS); do \
		zone=$${clock#*@}; [ "$$zone" = "$$clock" ] && zone=UTC; \
		echo "== TEST_CLOCK=$${clock%@*} TEST_CLOCK_ZONE=$$zone"; \
		TEST_CLOCK=$${clock%@*} TEST_CLOCK_ZONE=$$zone $(PY) -m pytest $(PYTEST_ARGS) || failed="$$failed $$clock"; \
	done; \
	if [ -n "$$failed" ]; then echo "test-dates FAILED at:$$failed"; exit 1; fi

# PostgreSQL + Redis pass. Under CI=true an unreachable server fails the run instead of skipping it.
test-postgres: $(VENV)/.installed $(VNU_JAR)
	@if $(PY) bin/services_up.py "$(PG_TEST_URL)" "$(REDIS_TEST_URL)"; then \
		DATABASE_URL="$(PG_TEST_URL)" REDIS_URL="$(REDIS_TEST_URL)" $(PY) -m pytest $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL/Redis pass FAILED: servers unreachable under CI=true"; exit 1; \
	else \
		echo "PostgreSQL/Redis pass SKIPPED: servers unreachable (see above)"; \
	fi

# Production-style: hashed, compressed static files through whitenoise, gunicorn on 127.0.0.1:$(PORT)
# (BIND=0.0.0.0:8000 behind a proxy). Needs SECRET_KEY and ALLOWED_HOSTS; see "Running in production".
# DJANGO_DEBUG=0 unless set in the real environment, so .env's DJANGO_DEBUG=1 never reaches production.
serve: $(VENV)/.installed
	DJANGO_DEBUG=$${DJANGO_DEBUG-0} $(PY) manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=$${DJANGO_DEBUG-0} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG-0} PORT=$(PORT) $(VENV)/bin/gunicorn -c archive/gunicorn_conf.py archive.wsgi

# Benchmarks and the load/soak run (bench/README.md): gunicorn on 127.0.0.1:8810.
bench: $(VENV)/.installed wrk
	$(PY) bench/run.py $(BENCH_ARGS)

# The Wagtail peer's own compare.sh against the project served on 127.0.0.1:8812 (bench/compare.py).
compare: $(VENV)/.installed wrk
	$(PY) bench/compare.py

soak: $(VENV)/.installed wrk
	$(PY) bench/soak.py $(SOAK_ARGS)

wrk:
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)

# Search benchmark (bench/README.md): 50 queries at 6,300 and 100,000 articles, SQLite and PostgreSQL.
bench-search: $(VENV)/.installed
	nice -n 10 $(PY) bench/search.py $(BENCH_SEARCH_ARGS)

# Page import benchmark (docs/importing.md): 1,000 text and 1,000 HTML pages, time and peak memory.
bench-import-page: $(VENV)/.installed
	nice -n 10 $(PY) bench/import_page.py $(BENCH_IMPORT_PAGE_ARGS)

# The input property test (tests/test_property_input.py) with many random examples instead of the suite's few.
PROPERTY_EXAMPLES ?= 200
test-property: $(VENV)/.installed
	PROPERTY_EXAMPLES=$(PROPERTY_EXAMPLES) $(PY) -m pytest tests/test_property_input.py -p no:logging $(PYTEST_ARGS)

# Paragraph treatment on crafted posts at two sizes (docs/importing.md): linear, so about twice as long.
bench-autop: $(VENV)/.installed
	$(PY) bench/autop.py

# Lighthouse (desktop and mobile) on the article, index, tag and search pages: bench/lighthouse.py, bench/README.md "Lighthouse".
lighthouse: $(VENV)/.installed
	nice -n 10 $(PY) bench/lighthouse.py

# Hostile input (bench/README.md "Hostile input"): each shape at N and 2N; fails if one is superlinear.
bench-hostile: $(VENV)/.installed
	$(PY) bench/hostile.py

# Readers' cached pages (wrk) while three clients post the worst inputs to gunicorn with 3 workers, 20 s.
bench-hostile-load: $(VENV)/.installed wrk
	$(PY) bench/hostile_load.py $(BENCH_HOSTILE_LOAD_ARGS)

# Entity benchmarks (docs/entities.md): matching time per 900-word article, and the new-name finders
# compared (SPACY_PYTHON=a Python with spaCy and its small English model adds spaCy to the table).
bench-entities: $(VENV)/.installed
	$(PY) bench/entity_matching.py
	$(PY) bench/entity_candidates.py $(if $(SPACY_PYTHON),--spacy-python $(SPACY_PYTHON) --model $(or $(SPACY_MODEL),en_core_web_sm))
