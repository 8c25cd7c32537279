"""Running an import: the file line by line, each record in its own transaction, a summary at the end.

A line that cannot be imported is reported with its number and the reason, and changes nothing (its transaction is
rolled back, the files written for it deleted); every other line is still imported. A record already imported with
the same content (same key, same checksum of the record and of its files) is skipped; one whose content changed
updates what it became. A dry run does everything inside one transaction that is rolled back at the end, and
deletes the files it wrote, so the database and the media storage are left as they were.
"""

import hashlib
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Site

from tqdm import tqdm

from importer.files import FileStore
from importer.indexing import deferred_indexing, index_objects, quiet_wagtail_log
from importer.models import ImportedRecord
from importer.records import RECORD_TYPES, Context, validation_reason
from importer.values import RecordError, describe_value

logger = logging.getLogger(__name__)
OUTCOMES = ("created", "updated", "skipped", "failed")
INDEX_BATCH = 500  # pages brought into the search indexes at a time
UNTYPED = ""  # the summary's row for lines without a known type


class ImportFileError(Exception):
    """The import file itself cannot be read: nothing was imported."""


@dataclass
class Known:
    record_id: int
    content_type_id: int
    object_id: int
    checksum: str


@dataclass
class Summary:
    dry_run: bool = False
    counts: dict = field(default_factory=dict)  # record type ("" for lines without one) → Counter of outcomes
    failures: list = field(default_factory=list)  # (line number, reason)
    seconds: float = 0.0

    def add(self, record_type: str, outcome: str):
        self.counts.setdefault(record_type, Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    @property
    def failed(self) -> int:
        return self.total("failed")


class Importer:
    def __init__(self, path, dry_run=False, report=None, progress=False, progress_file=None):
        self.path = Path(path)
        self.dry_run = dry_run
        self.report = report or (lambda line, reason: None)
        self.progress, self.progress_file = progress, progress_file
        self.summary = Summary(dry_run=dry_run)
        self.pending_pages: list[int] = []

    # Reading ---------------------------------------------------------------------------------------------------------
    def lines(self):
        try:
            with self.path.open("rb") as handle:
                yield from enumerate(handle, 1)
        except OSError as error:
            raise ImportFileError(
                _("Cannot read %(path)s: %(error)s") % {"path": self.path, "error": error.strerror or error}
            ) from error

    def count_lines(self) -> int:
        try:
            with self.path.open("rb") as handle:
                return sum(1 for _line in handle)
        except OSError as error:
            raise ImportFileError(
                _("Cannot read %(path)s: %(error)s") % {"path": self.path, "error": error.strerror or error}
            ) from error

    # What was imported before ----------------------------------------------------------------------------------------
    def load_known(self):
        self.known: dict[str, Known] = {}
        self.by_source_url: dict[tuple[str, str], str] = {}
        rows = ImportedRecord.objects.values_list(
            "key", "pk", "content_type_id", "object_id", "checksum", "record_type", "source_url"
        )
        for key, pk, content_type_id, object_id, checksum, record_type, source_url in rows.iterator():
            self.known[key] = Known(pk, content_type_id, object_id, checksum)
            if source_url:
                self.by_source_url[(record_type, source_url)] = key
        # Which of those objects still exist (an editor may have deleted some: they are imported again).
        self.existing: dict[int, set] = {}
        for content_type_id in {known.content_type_id for known in self.known.values()}:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            imported = ImportedRecord.objects.filter(content_type_id=content_type_id).values("object_id")
            ids = model._base_manager.filter(pk__in=imported).values_list("pk", flat=True) if model else []
            self.existing[content_type_id] = set(ids)

    def find_record(self, record_type: str, reference: str):
        """(model, object id) of an earlier record of ``record_type`` by its key or its address on the old portal."""
        key = f"{record_type}:{reference}"
        known = self.known.get(key) or self.known.get(self.by_source_url.get((record_type, reference), ""))
        if known is None or known.object_id not in self.existing.get(known.content_type_id, ()):
            return None
        return ContentType.objects.get_for_id(known.content_type_id).model_class(), known.object_id

    # Running ---------------------------------------------------------------------------------------------------------
    def run(self) -> Summary:
        started = time.monotonic()
        total = self.count_lines()
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise ImportFileError(_("There is no default site to import into."))
        self.files = FileStore(self.path.parent)
        self.context = Context(site.root_page.specific, self.files, self.find_record)
        self.types = {record_type.name: record_type(self.context) for record_type in RECORD_TYPES}
        bar = tqdm(total=total, disable=not self.progress, file=self.progress_file, unit=_("line"), leave=False)
        self.bar = bar
        try:
            with quiet_wagtail_log(), deferred_indexing():
                if self.dry_run:
                    try:
                        with transaction.atomic():
                            self.load_known()
                            self.import_lines(bar)
                            transaction.set_rollback(True)
                    finally:
                        self.files.discard_run()
                else:
                    self.load_known()
                    try:
                        self.import_lines(bar)
                    finally:
                        self.flush_index()
        finally:
            bar.close()
        self.summary.seconds = time.monotonic() - started
        return self.summary

    def import_lines(self, bar):
        for number, raw in self.lines():
            self.import_line(number, raw)
            bar.update(1)
            if len(self.pending_pages) >= INDEX_BATCH:
                self.flush_index()

    def flush_index(self):
        if self.dry_run or not (self.pending_pages or self.files.created_objects):
            return
        with transaction.atomic():
            index_objects(self.pending_pages, self.files.created_objects)
        self.pending_pages, self.files.created_objects = [], []

    def fail(self, number: int, record_type: str, reason: str):
        self.summary.add(record_type, "failed")
        self.summary.failures.append((number, reason))
        self.report(number, reason)

    def checksum(self, data: dict, paths: list[str]) -> str:
        digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode())
        for path in paths:
            digest.update(self.files.fingerprint(path).encode())
        return digest.hexdigest()

    def import_line(self, number: int, raw: bytes):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            self.fail(number, UNTYPED, _("The line is not UTF-8 text."))
            return
        if not text.strip():
            return
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            self.fail(number, UNTYPED, _("Invalid JSON: %(error)s.") % {"error": error.msg})
            return
        if not isinstance(data, dict):
            self.fail(number, UNTYPED, _("A line must hold one JSON object ({…})."))
            return
        record_type = data.get("type")
        handler = self.types.get(record_type) if isinstance(record_type, str) else None
        if handler is None:
            accepted = ", ".join(self.types)
            if record_type in (None, ""):
                reason = _("“type” is required; accepted: %(types)s.") % {"types": accepted}
            else:
                reason = _("Unknown type “%(type)s”; accepted: %(types)s.") % {
                    "type": describe_value(record_type),
                    "types": accepted,
                }
            self.fail(number, UNTYPED, reason)
            return
        try:
            fields = handler.read(data)
            key = handler.key(fields)
            checksum = self.checksum(data, handler.file_paths(fields))
        except RecordError as error:
            self.fail(number, record_type, error.reason)
            return
        known = self.known.get(key)
        existing = None
        if known is not None and known.object_id in self.existing.get(known.content_type_id, ()):
            if known.checksum == checksum:
                self.summary.add(record_type, "skipped")
                return
            model = ContentType.objects.get_for_id(known.content_type_id).model_class()
            existing = model.objects.filter(pk=known.object_id).first()
        try:
            with transaction.atomic():
                obj, page_ids = handler.save(fields, existing)
                content_type = ContentType.objects.get_for_model(obj)
                source_url = data.get("source_url") if isinstance(data.get("source_url"), str) else ""
                values = {
                    "record_type": record_type,
                    "content_type": content_type,
                    "object_id": obj.pk,
                    "checksum": checksum,
                    "source_url": source_url.strip()[:1000],
                }
                if known is not None:
                    ImportedRecord.objects.filter(pk=known.record_id).update(**values)
                    record_id = known.record_id
                else:
                    record_id = ImportedRecord.objects.create(key=key, **values).pk
        except Exception as error:  # whatever went wrong, the line is reported and the run goes on
            self.files.record_failed()
            self.context.forget_after_failure()
            if isinstance(error, RecordError):
                reason = error.reason
            elif isinstance(error, ValidationError):
                reason = validation_reason(error, handler.model)
            else:
                logger.exception("Line %s of %s could not be imported", number, self.path)
                reason = _("Unexpected error: %(error)s") % {"error": f"{type(error).__name__}: {error}"}
            self.fail(number, record_type, reason)
            return
        self.files.record_succeeded()
        self.known[key] = Known(record_id, content_type.pk, obj.pk, checksum)
        if source_url:
            self.by_source_url[(record_type, source_url.strip())] = key
        self.existing.setdefault(content_type.pk, set()).add(obj.pk)
        self.pending_pages += page_ids
        self.summary.add(record_type, "updated" if existing is not None else "created")
