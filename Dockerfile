# Multi-stage build: wheels are built in the first stage, the runtime image holds no compilers and runs as a
# non-root user. Static files are collected at build time; migrations run as a release step (see docker-compose.yml).
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/requirements.txt
RUN python -m venv /opt/venv && /opt/venv/bin/pip install -r /tmp/requirements.txt

FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    MEDIA_ROOT=/data/media \
    STATIC_ROOT=/app/staticfiles \
    PORT=8000
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/* \
    && groupadd --system portal && useradd --system --gid portal --home-dir /app portal \
    && mkdir -p /app /data/media && chown -R portal:portal /app /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=portal:portal . /app
# collectstatic needs a key to import the settings; this one is used for nothing else.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput --verbosity 0
USER portal
EXPOSE 8000
VOLUME ["/data"]
# Liveness: whether the process answers (a restart mends nothing else); load balancers ask /healthz, the readiness.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz/live', timeout=4)"
CMD ["sh", "-c", "exec gunicorn config.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --access-logfile - --forwarded-allow-ips='*'"]
