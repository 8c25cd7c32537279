"""``manage.py import_content FILE.jsonl [--dry-run]``: bring an old portal's content in (docs/import.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from importer.records import RECORD_TYPES
from importer.run import OUTCOMES, UNTYPED, Importer, ImportFileError

# Exit status: 0 every line imported (or unchanged), 1 some lines failed (the others were imported), 2 the file could
# not be read (nothing was imported).
SOME_LINES_FAILED, UNREADABLE_FILE = 1, 2


class Command(BaseCommand):
    help = (
        "Import news, notices, exam sessions, legal documents, albums, videos and work-schedule rows from a JSON "
        "Lines file (docs/import.md). Importing the same file again changes only what changed. Exit status: 0 when "
        "every line was imported or unchanged, 1 when some lines failed (the others are imported), 2 when the file "
        "cannot be read."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON Lines file; file paths in it are relative to its folder")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check every line and report the same summary, but leave the database and the media files as they are",
        )

    def handle(self, *args, file, dry_run, **options):
        progress = self.stdout.isatty()
        importer = Importer(
            file, dry_run=dry_run, report=self.report, progress=progress, progress_file=self.stdout._out
        )
        self.importer = importer
        try:
            summary = importer.run()
        except ImportFileError as error:
            raise CommandError(str(error), returncode=UNREADABLE_FILE) from error
        self.write_summary(summary)
        if summary.failed:
            raise CommandError(
                _("%(failed)d line(s) could not be imported; the other lines were.") % {"failed": summary.failed},
                returncode=SOME_LINES_FAILED,
            )

    def report(self, line: int, reason: str):
        bar = getattr(self.importer, "bar", None)
        if bar is not None and not bar.disable:
            bar.clear()
        self.stderr.write(_("Line %(line)d: %(reason)s") % {"line": line, "reason": reason})
        if bar is not None and not bar.disable:
            bar.refresh()

    def write_summary(self, summary):
        labels = {record_type.name: record_type.model._meta.verbose_name for record_type in RECORD_TYPES}
        heading = _("Dry run: nothing was saved. Summary:") if summary.dry_run else _("Import summary:")
        self.stdout.write(heading)
        rows = [name for name in labels if name in summary.counts]
        if UNTYPED in summary.counts:
            rows.append(UNTYPED)
        for name in rows:
            counts = summary.counts[name]
            label = f"{name} ({labels[name]})" if name else _("lines without a known type")
            self.stdout.write("  " + self.counts_line(label, counts))
        totals = {outcome: summary.total(outcome) for outcome in OUTCOMES}
        self.stdout.write(self.counts_line(_("Total"), totals))
        self.stdout.write(_("Time: %(seconds).1f s") % {"seconds": summary.seconds})

    @staticmethod
    def counts_line(label, counts) -> str:
        return _(
            "%(label)s: created %(created)d, updated %(updated)d, skipped (unchanged) %(skipped)d, failed %(failed)d"
        ) % {
            "label": label,
            **{outcome: counts.get(outcome, 0) for outcome in OUTCOMES},
        }
