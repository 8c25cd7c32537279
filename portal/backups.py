"""Backups that restore: the database (SQLite through its online backup API, PostgreSQL through ``pg_dump``), the
media folder and a manifest of versions, row counts and checksums; and the restore, checked against that manifest.

Tables are counted through the app registry, every model alike, so the foundation names no content app's models;
the few labels in ``SUMMARY`` are there for the operator's summary only."""

import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

import wagtail
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model, get_image_model_string

from wagtailmedia.settings import wagtailmedia_settings

from pagecache.store import invalidate

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRESQL_FILE = "database.dump"
MEDIA_FOLDER = "media"
# Wagtail keeps image renditions under images/ in MEDIA_ROOT and makes them again from the originals: they are left
# out of the backup, and a restore deletes their rows so that they are made again when first shown.
RENDITIONS_FOLDER = "images"
CHUNK = 1024 * 1024

# What the summary of a backup and of a restore names, by model label; every table is counted and compared anyway.
SUMMARY = {
    "pages": ("wagtailcore.page",),
    "revisions": ("wagtailcore.revision",),
    "documents": (get_document_model_string().lower(),),
    "images": (get_image_model_string().lower(),),
    "media": (wagtailmedia_settings.MEDIA_MODEL.lower(),),
    "counters": ("visitors.dailycount", "visitors.pagedailycount", "documents.filedownload"),
}

Report = Callable[[str], None]


class BackupError(CommandError):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Snapshot:
    """What one consistent view of the database holds: rows per table, the last migration of each app and the
    media files its rows name."""

    tables: dict[str, int] = field(default_factory=dict)
    migrations: dict[str, str] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)


def summary(tables: dict[str, int]) -> dict[str, int]:
    return {name: sum(tables.get(label, 0) for label in labels) for name, labels in SUMMARY.items()}


def describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{number} {name}" for name, number in counts.items())


def megabytes(number: int) -> str:
    return f"{number / 1024 / 1024:.1f} MB"


# Reading the database


def models_by_table() -> dict[str, type[models.Model]]:
    """Every model with a table of its own (many-to-many tables included), by table name."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            found.setdefault(model._meta.db_table, model)
    return dict(sorted(found.items()))


def read_snapshot(cursor, quote_name, existing_tables) -> Snapshot:
    """Rows of every model's table, migrations and the names in file fields, through any DB-API cursor."""
    snapshot = Snapshot()
    for table, model in models_by_table().items():
        if table not in existing_tables:
            continue
        cursor.execute(f"SELECT COUNT(*) FROM {quote_name(table)}")  # noqa: S608 - a model's own table name
        snapshot.tables[model._meta.label_lower] = cursor.fetchone()[0]
        for model_field in model._meta.local_concrete_fields:
            if isinstance(model_field, models.FileField):
                column = quote_name(model_field.column)
                cursor.execute(f"SELECT {column} FROM {quote_name(table)} WHERE {column} <> ''")  # noqa: S608
                snapshot.files.update(name for (name,) in cursor.fetchall() if name)
    cursor.execute("SELECT app, name FROM django_migrations")
    for app, name in cursor.fetchall():  # migrations are numbered: the highest name is the latest
        snapshot.migrations[app] = max(name, snapshot.migrations.get(app, name))
    snapshot.migrations = dict(sorted(snapshot.migrations.items()))
    return snapshot


def sqlite_tables(database: sqlite3.Connection) -> set[str]:
    return {name for (name,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_only(path, timeout: float = 5) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def sqlite_quote(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


# PostgreSQL's tools


@dataclass(frozen=True)
class Tool:
    path: str
    version: str
    major: int


def postgresql_tool(name: str) -> Tool:
    """``pg_dump`` or ``pg_restore`` from PATH, with its version; a clear error where it is missing."""
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client of the server's major version or newer "
            "(Debian: apt-get install postgresql-client; a newer one from apt.postgresql.org)."
        )
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    match = re.search(r"\(PostgreSQL\) (\d+)(?:\.(\d+))?", output)
    if not match:
        raise BackupError(f"Cannot read the version of {path}: {output.strip()!r}")
    return Tool(path=path, version=".".join(part for part in match.groups() if part), major=int(match[1]))


def connection_arguments(settings_dict: dict) -> tuple[list[str], dict]:
    """Host, port, user and database for ``pg_dump``/``pg_restore``, and the environment Django's own ``dbshell``
    would give psql (password, service, TLS files)."""
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments.append(f"{option}={settings_dict[key]}")
    arguments.append(f"--dbname={settings_dict['NAME'] or 'postgres'}")
    _, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    return arguments, {**os.environ, **(env or {})}


def run_tool(command: list[str], env: dict, what: str):
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - our own tool
    if done.returncode != 0:
        raise BackupError(f"{what} failed (exit {done.returncode}):\n{done.stderr.strip()[-4000:]}")


# Files


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_with_sha256(source: Path, target: Path) -> str:
    """Copy a file and return the checksum of what was read, so that each file is read once."""
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
    shutil.copystat(source, target)
    return digest.hexdigest()


def files_below(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


def is_empty(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


# Backup


def backup(folder: Path, report: Report, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write a backup of the database and MEDIA_ROOT into ``folder``, new or empty, and return its manifest. The
    manifest is written last: a folder without one is not a backup."""
    folder = Path(folder)
    if not is_empty(folder):
        raise BackupError(f"{folder} exists and is not empty: a backup goes into a new folder.")
    created = not folder.exists()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # it holds password hashes and private documents
    try:
        return write_backup(folder, report, using)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for path in folder.iterdir():
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        raise


def write_backup(folder: Path, report: Report, using: str) -> dict:
    connection = connections[using]
    started = time.monotonic()
    if connection.vendor == "sqlite":
        database_file = folder / SQLITE_FILE
        snapshot, engine = backup_sqlite(connection, database_file)
    elif connection.vendor == "postgresql":
        database_file = folder / POSTGRESQL_FILE
        snapshot, engine = backup_postgresql(using, database_file)
    else:
        raise BackupError(f"Backups cover SQLite and PostgreSQL, not {connection.vendor}.")
    files = {database_file.name: {"size": database_file.stat().st_size, "sha256": sha256_of(database_file)}}
    report(
        f"Database ({engine['description']}): {database_file.name}, {megabytes(files[database_file.name]['size'])}, "
        f"{time.monotonic() - started:.1f} s"
    )

    started = time.monotonic()
    media_root = Path(settings.MEDIA_ROOT)
    copied = set()
    for source in files_below(media_root):
        name = source.relative_to(media_root).as_posix()
        if name.startswith(f"{RENDITIONS_FOLDER}/"):
            continue
        target = folder / MEDIA_FOLDER / name
        files[f"{MEDIA_FOLDER}/{name}"] = {"size": source.stat().st_size, "sha256": copy_with_sha256(source, target)}
        copied.add(name)
    media_bytes = sum(entry["size"] for key, entry in files.items() if key.startswith(f"{MEDIA_FOLDER}/"))
    report(
        f"Media ({media_root}): {len(copied)} files, {megabytes(media_bytes)}, {time.monotonic() - started:.1f} s; "
        f"image renditions ({RENDITIONS_FOLDER}/) left out: they are made again from the originals"
    )
    missing = sorted(name for name in snapshot.files - copied if not name.startswith(f"{RENDITIONS_FOLDER}/"))
    if missing:
        report(f"WARNING: {len(missing)} files named in the database are not in {media_root}: {', '.join(missing)}")

    counts = summary(snapshot.tables)
    manifest = {
        "format": FORMAT,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "versions": {
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "python": platform.python_version(),
        },
        "migrations": snapshot.migrations,
        "counts": {**counts, "media files": len(copied)},
        "tables": snapshot.tables,
        "media": {"left out": [f"{RENDITIONS_FOLDER}/"], "missing": missing},
        "files": files,
    }
    written = folder / f".{MANIFEST}.part"
    written.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    written.rename(folder / MANIFEST)
    report(f"Backup of {describe(counts)} and {len(copied)} media files written to {folder}")
    return manifest


def backup_sqlite(connection, target: Path) -> tuple[Snapshot, dict]:
    """Copy the database with SQLite's online backup API in one step: one read transaction, so the copy is
    consistent, and in WAL mode the portal goes on writing meanwhile."""
    name = connection.settings_dict["NAME"]
    if not name or str(name) == ":memory:" or not Path(name).is_file():
        raise BackupError(f"The SQLite database {name!r} is not a file.")
    source = read_only(name, timeout=60)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        problems = copy.execute("PRAGMA quick_check").fetchone()[0]
        if problems != "ok":
            raise BackupError(f"The copy of {name} fails SQLite's check: {problems}")
        snapshot = read_snapshot(copy.cursor(), sqlite_quote, sqlite_tables(copy))
    finally:
        copy.close()
        source.close()
    return snapshot, {"vendor": "sqlite", "description": f"SQLite {sqlite3.sqlite_version}"}


def backup_postgresql(using: str, target: Path) -> tuple[Snapshot, dict]:
    """``pg_dump --format=custom`` in a snapshot exported from a transaction of our own, which also counts the rows:
    the counts are those of the dump, however busy the portal is."""
    pg_dump = postgresql_tool("pg_dump")
    database = connections.create_connection(using)
    try:
        database.ensure_connection()
        server_major = database.pg_version // 10000
        server = f"{server_major}.{database.pg_version % 10000}"
        if pg_dump.major < server_major:
            raise BackupError(
                f"pg_dump {pg_dump.version} ({pg_dump.path}) is older than the PostgreSQL {server} server and cannot "
                f"back it up: install postgresql-client-{server_major} and put its pg_dump first on PATH."
            )
        database.set_autocommit(False)
        with database.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            arguments, env = connection_arguments(database.settings_dict)
            command = [pg_dump.path, "--format=custom", f"--snapshot={snapshot_id}", f"--file={target}", *arguments]
            run_tool(command, env, "pg_dump")
            snapshot = read_snapshot(cursor, database.ops.quote_name, set(database.introspection.table_names(cursor)))
        database.rollback()
    finally:
        database.close()
    engine = {
        "vendor": "postgresql",
        "description": f"PostgreSQL {server}, pg_dump {pg_dump.version}",
        "server": server,
        "pg_dump": pg_dump.version,
    }
    return snapshot, engine


# Restore


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} has no {MANIFEST}: it is not a backup, or its backup did not finish.")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is of format {manifest.get('format')!r}; this version reads format {FORMAT}.")
    return manifest


def verify_files(folder: Path, manifest: dict) -> int:
    """Every file the manifest lists is there with its checksum, and nothing else is; returns the bytes read."""
    folder = Path(folder)
    problems = []
    present = {path.relative_to(folder).as_posix() for path in files_below(folder)} - {MANIFEST}
    for name, expected in manifest["files"].items():
        path = folder / name
        if name not in present:
            problems.append(f"{name}: missing")
        elif path.stat().st_size != expected["size"] or sha256_of(path) != expected["sha256"]:
            problems.append(f"{name}: changed since the backup (checksum differs)")
    problems += [f"{name}: not in the manifest" for name in sorted(present - manifest["files"].keys())]
    if problems:
        raise BackupError(
            f"The backup in {folder} is damaged; nothing was restored.\n" + "\n".join(f"  {line}" for line in problems)
        )
    return sum(entry["size"] for entry in manifest["files"].values())


def check_migrations(manifest: dict):
    """The code knows every migration the backup's database went through (for the apps it has): a backup made by a
    newer version of the portal is restored with that version."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    installed = {config.label for config in apps.get_app_configs()}
    unknown = [
        f"{app}.{name}"
        for app, name in manifest["migrations"].items()
        if app in installed and (app, name) not in loader.disk_migrations
    ]
    if unknown:
        versions = manifest["versions"]
        raise BackupError(
            f"The backup comes from a newer version of the portal (Django {versions['django']}, Wagtail "
            f"{versions['wagtail']}): this code lacks the migrations {', '.join(unknown)}. Restore it with the "
            "version that made it, then upgrade."
        )


def restore(folder: Path, report: Report, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Restore a backup into the database ``using`` names and MEDIA_ROOT, both empty unless ``force``; the counts
    are compared with the manifest's at the end. Returns the restored counts."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    started = time.monotonic()
    checked = verify_files(folder, manifest)
    versions = manifest["versions"]
    report(
        f"Backup of {manifest['created']} ({manifest['engine']['description']}, Django {versions['django']}, "
        f"Wagtail {versions['wagtail']}): {len(manifest['files'])} files, {megabytes(checked)}, checksums match "
        f"({time.monotonic() - started:.1f} s)"
    )
    connection = connections[using]
    vendor = manifest["engine"]["vendor"]
    if connection.vendor != vendor:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupError(
            f"The backup is of a {names.get(vendor, vendor)} database and DATABASE_URL names a "
            f"{names.get(connection.vendor, connection.vendor)} one: restore it into {names.get(vendor, vendor)}."
        )
    check_migrations(manifest)
    media_root = Path(settings.MEDIA_ROOT)
    refusals = []
    if not force and not database_is_empty(connection):
        refusals.append(f"The database {connection.settings_dict['NAME']} is not empty.")
    if not force and not is_empty(media_root):
        refusals.append(f"The media folder {media_root} (MEDIA_ROOT) is not empty.")
    if refusals:
        raise BackupError(" ".join([*refusals, "Restore into empty ones, or replace them with --force."]))

    started = time.monotonic()
    if vendor == "sqlite":
        restore_sqlite(connection, folder / SQLITE_FILE)
    else:
        restore_postgresql(connection, folder / POSTGRESQL_FILE, manifest, force)
    report(f"Database restored into {connection.settings_dict['NAME']} in {time.monotonic() - started:.1f} s")

    started = time.monotonic()
    media = {name: entry for name, entry in manifest["files"].items() if name.startswith(f"{MEDIA_FOLDER}/")}
    media_root.mkdir(parents=True, exist_ok=True)
    for name in media:
        target = media_root / name.removeprefix(f"{MEDIA_FOLDER}/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / name, target)
    report(
        f"Media restored into {media_root}: {len(media)} files, "
        f"{megabytes(sum(entry['size'] for entry in media.values()))}, {time.monotonic() - started:.1f} s"
    )

    tables = count_tables(connection)
    differences = [
        f"  {label}: {expected} in the backup, {tables.get(label, 'no table')} restored"
        for label, expected in manifest["tables"].items()
        if tables.get(label) != expected
    ]
    for name, entry in media.items():
        target = media_root / name.removeprefix(f"{MEDIA_FOLDER}/")
        if not target.is_file() or target.stat().st_size != entry["size"]:
            differences.append(f"  {name}: not restored whole")
    if differences:
        raise BackupError("The restore does not match the backup's manifest:\n" + "\n".join(differences))
    counts = {**summary(tables), "media files": len(media)}
    report(f"Restored {describe(counts)}; all {len(manifest['tables'])} tables have the backup's row counts.")

    renditions = get_image_model().get_rendition_model().objects.all().delete()[0]
    if renditions:
        report(f"{renditions} image renditions forgotten (their files are not backed up): made again when shown.")
    try:
        invalidate("restore")
        report("Page cache emptied.")
    except OSError as error:
        report(f"WARNING: the page cache could not be emptied ({error}): delete PAGE_CACHE_DIR by hand.")
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        report("This code has migrations the backup has not: run `manage.py migrate` now.")
    return counts


def database_is_empty(connection) -> bool:
    if connection.vendor == "sqlite":
        name = Path(connection.settings_dict["NAME"])
        if not name.is_file() or name.stat().st_size == 0:
            return True
        database = read_only(name)
        try:
            return not sqlite_tables(database)
        finally:
            database.close()
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor, include_views=True)


def restore_sqlite(connection, source_file: Path):
    """Copy the backup over the database file with SQLite's backup API, which writes the whole database at once
    and keeps the file of any process that has it open valid."""
    name = connection.settings_dict["NAME"]
    if not name or str(name) == ":memory:":
        raise BackupError("The settings name no SQLite database file to restore into.")
    connection.close()
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    source = read_only(source_file)
    target = sqlite3.connect(name, timeout=60)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=WAL")  # as the portal runs it (config/settings/base.py)
    finally:
        target.close()
        source.close()


def restore_postgresql(connection, dump: Path, manifest: dict, force: bool):
    """``pg_restore --no-owner --no-privileges`` in one transaction: onto a new machine, with its own roles, and
    all or nothing. With ``force`` the tables already there are dropped first."""
    pg_restore = postgresql_tool("pg_restore")
    made_by = int(manifest["engine"]["pg_dump"].split(".")[0])
    if pg_restore.major < made_by:
        raise BackupError(
            f"pg_restore {pg_restore.version} ({pg_restore.path}) cannot read a dump of pg_dump "
            f"{manifest['engine']['pg_dump']}: install postgresql-client-{made_by} or newer."
        )
    if force:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for table in connection.introspection.get_table_list(cursor):
                kind = "VIEW" if table.type == "v" else "TABLE"
                cursor.execute(f"DROP {kind} IF EXISTS {connection.ops.quote_name(table.name)} CASCADE")
    connection.close()
    arguments, env = connection_arguments(connection.settings_dict)
    command = [
        pg_restore.path,
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        *arguments,
        str(dump),
    ]
    run_tool(command, env, "pg_restore")


def count_tables(connection) -> dict[str, int]:
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        return read_snapshot(cursor, connection.ops.quote_name, existing).tables
