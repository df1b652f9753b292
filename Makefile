# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install messages run test lint format bench loadtest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The English interface: its catalogue compiled from the .po (the .mo is build output, not
# committed; compilemessages needs gettext's msgfmt). pytest compiles it too when stale.
MO := locale/en/LC_MESSAGES/django.mo
$(MO): locale/en/LC_MESSAGES/django.po | $(STAMP)
	$(PY) manage.py compilemessages --locale en --ignore '$(VENV)'

messages: $(MO)

# Development server on SQLite (or DATABASE_URL), with the demo data and one user per role.
run: install messages
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py create_demo_users
	# The worker (PDFs, e-mail) beside the server; stopped with it (Ctrl+C, or the server exiting).
	DEBUG=1 $(PY) manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Style, formatting, and the import layers (core <- governance <- agreements <- plans <- portal).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The whole suite: lint, migrations in step with the models, then pytest
# (against PostgreSQL when DATABASE_URL is set).
test: lint messages
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest $(PYTEST_ARGS)

# Benchmarks: figures and ratios, printed (against PostgreSQL when DATABASE_URL is set).
bench: install
	BENCH=1 $(VENV)/bin/pytest tests/bench -q -s -p no:cacheprovider $(PYTEST_ARGS)

# Load test (not in CI; needs wrk: apt-get install wrk): the pages under 50 clients against
# gunicorn as in production, on PostgreSQL (LOADTEST_DATABASE_URL, its own database, created
# and loaded with the demo) and Redis (LOADTEST_REDIS_URL). Prints req/s, p50, p95, errors.
loadtest: install
	$(PY) -m tests.load.run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
