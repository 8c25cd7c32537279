# The portal's commands. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help run serve test lint format migrate demo messages bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

migrate: $(VENV)/.runtime ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo portal (idempotent) and print the admin login
	$(MANAGE) load_demo --port $(PORT)

run: demo ## Install, migrate, load the demo and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

$(VENV)/serve-secret: | $(BIN)/python
	@$(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# Production settings over plain HTTP on this machine; SECRET_KEY from the environment or a key kept in the venv.
SERVE_ENV = DJANGO_SETTINGS_MODULE=config.settings.production SECURE_HTTPS=false SERVE_MEDIA=true \
	SECRET_KEY="$${SECRET_KEY:-$$(cat $(VENV)/serve-secret)}"

serve: demo $(VENV)/serve-secret ## Serve with production settings and gunicorn on http://127.0.0.1:$(PORT)
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

# One test worker per core (pytest-xdist); the browser tests, and each module whose fixture builds a portal of its own,
# are kept on one worker (xdist_group). TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= auto

test: $(VENV)/.dev ## Run the whole test suite (or some of it: make test ARGS=tests/visitors)
	$(BIN)/pytest --numprocesses $(TEST_WORKERS) --dist loadgroup $(ARGS)

lint: $(VENV)/.dev ## Check code style, the order of imports between apps, and that migrations match the models
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.dev ## Format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(VENV)/.runtime ## Extract the portal's strings into site/locale and compile the catalogs (needs GNU gettext)
	$(MANAGE) makemessages --locale vi --no-obsolete --ignore 'bench/*' --ignore 'tests/*'
	$(MANAGE) makemessages --locale vi --no-obsolete --domain djangojs --ignore 'bench/*' --ignore 'tests/*'
	$(MANAGE) compilemessages --locale vi --ignore '.venv'

bench: $(VENV)/.dev ## Run the benchmarks in bench/
	$(BIN)/python -m bench

clean: ## Remove the virtualenv, the database and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles var
