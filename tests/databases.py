"""Databases of their own for tests that run the portal in another process (the browser tests' server, the upgrade
from an earlier version): of the same kind as the test run's, made for the test and dropped afterwards."""

import os
from pathlib import Path
from urllib.parse import urlparse


def scratch_database(workdir: Path, name: str) -> tuple[str, callable]:
    """The address of a new, empty database and a function that drops it: a file in ``workdir`` on SQLite, a
    database called ``name`` plus this process's id on the PostgreSQL server of ``DATABASE_URL``."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / f'{name}.sqlite3'}", lambda: None
    import psycopg

    parsed = urlparse(url)
    database = f"{name}_{os.getpid()}"
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"')

    def drop():
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    return parsed._replace(path=f"/{database}").geturl(), drop
