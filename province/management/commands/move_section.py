"""``manage.py move_section SOURCE --to DESTINATION [--archive [TITLE]] [--dry-run]``: a section of a portal, with every
page below it, moves under a page of the same or another portal, its old addresses answering 301 with the new ones;
with ``--archive`` the whole content of a former unit's portal moves into an archive section (province/sections.py).

SOURCE and DESTINATION are page addresses (``http://gialoc.haiduong.gov.vn/tin-tuc/``, ``gialoc.haiphong.gov.vn/``,
``gialoc.haiphong.gov.vn``) or page ids."""

from django.core.management.base import BaseCommand, CommandError

from province.sections import NothingToMove, SectionMoveError, move_section, outcome_lines


class Command(BaseCommand):
    help = (
        "Move a section (a page and every page below it) under a page of the same or another portal, its old "
        "addresses redirecting to the new ones; with --archive, move all the content of a former unit's portal into "
        "an archive section. Run again, it says there is nothing to move."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            help="the page to move, e.g. gialoc.haiduong.gov.vn/tin-tuc/ or a page id; with --archive, a home page",
        )
        parser.add_argument(
            "--to",
            dest="destination",
            required=True,
            help="the page it goes under, e.g. gialoc.haiphong.gov.vn/ (an address or a page id)",
        )
        parser.add_argument(
            "--archive",
            nargs="?",
            const="",
            default=None,
            metavar="TITLE",
            help="move everything below the source home page into an archive section titled TITLE "
            "(default: “Lưu trữ” and the former unit, e.g. “Lưu trữ huyện Gia Lộc”)",
        )
        parser.add_argument("--dry-run", action="store_true", help="check and say what would move, change nothing")

    def handle(self, *args, **options):
        archive_title = options["archive"]
        try:
            outcome = move_section(
                options["source"],
                options["destination"],
                archive=archive_title is not None,
                archive_title=archive_title or "",
                dry_run=options["dry_run"],
            )
        except NothingToMove as nothing:
            self.stdout.write(str(nothing))
            return
        except SectionMoveError as error:
            raise CommandError(str(error)) from error
        for line in outcome_lines(outcome):
            self.stdout.write(line)
