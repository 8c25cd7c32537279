"""Moving a section of a portal, with every page below it, to another place of the same or another portal, and
archiving the whole content of a former unit's portal (a district abolished on 1 July 2025) into an archive section
of the portal that takes over.

``move_section(source, destination)`` moves the page ``source`` and everything below it under ``destination``.
``move_section(home, destination, archive=True)`` moves every page below the home page ``home`` of a site into an
archive section page ("Lưu trữ huyện Gia Lộc", ``province.ArchiveSectionPage``) made under ``destination``; the home
page stays, answering at its host with a notice that links the archive.

Pages move with Wagtail's own move (``MovePageAction``), so ids, revisions, workflow states, log entries, visitor
counts, attached files and view restrictions on the moved pages stay with them, and the ``post_page_move`` signal
re-indexes the public search and empties the page cache. Every old address keeps answering: one ``MovedSection`` row
per moved section sends whatever would be a 404 at or below its old path on its old site to the same place below the
page (province/middleware.py), pages, listings, feeds, archives and query strings alike.

A source or destination is a ``Page``, a page id, or a page address: ``http://gialoc.haiduong.gov.vn/tin-tuc/``,
``gialoc.haiphong.gov.vn/`` or ``gialoc.haiphong.gov.vn``. Whatever cannot be done as asked raises
``SectionMoveError`` with the reason and the field it is about, before anything is written; ``NothingToMove`` when
the move has been made already.
"""

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.actions.move_page import MovePageAction
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction, Site

from anyascii import anyascii

from home.models import HomePage
from province.models import ArchiveSectionPage, MovedSection

PORTAL_TITLE_PREFIX = "Cổng thông tin điện tử "


class SectionMoveError(ValueError):
    """A move that cannot be made as asked; the message says why, ``field`` which input was wrong."""

    def __init__(self, message: str, field: str = "source"):
        super().__init__(message)
        self.field = field


class NothingToMove(SectionMoveError):
    """The move asked for has been made already (or would change nothing)."""


@dataclass
class MovedItem:
    """One section: its title, how many pages it holds (itself included), its address before and after."""

    title: str
    pages: int
    old_url: str
    new_url: str


@dataclass
class Outcome:
    items: list[MovedItem]
    redirects: int  # old addresses that now answer 301, each for its section and everything below it
    archive_title: str = ""
    archive_url: str = ""
    archive_created: bool = False
    dry_run: bool = False

    @property
    def pages(self) -> int:
        return sum(item.pages for item in self.items)


@dataclass
class Plan:
    sections: list[Page]
    parent: Page  # where the sections go: the destination, or the archive (made under the destination if missing)
    old_site: Site
    new_site: Site
    items: list[MovedItem] = field(default_factory=list)
    archive_title: str = ""
    archive_slug: str = ""
    archive: ArchiveSectionPage | None = None  # the archive section, when it exists already
    archive_url: str = ""
    old_home: Page | None = None  # archive mode: the former portal's home page, which stays

    @property
    def archive_made(self) -> bool:
        """Whether the move makes the archive section (archive mode, no archive of that title yet)."""
        return self.old_home is not None and self.archive is None


# Finding pages and sites


def find_page(value, field: str) -> Page:
    """The page ``value`` names: a ``Page``, a page id or a page address."""
    if isinstance(value, Page):
        return Page.objects.get(pk=value.pk)
    text = str(value).strip()
    if text.isdigit():
        page = Page.objects.filter(pk=int(text)).first()
        if page is None:
            raise SectionMoveError(_("There is no page with id %(id)s.") % {"id": text}, field)
        return page
    site, path = site_and_path(text, field)
    page = Page.objects.filter(url_path=site.root_page.url_path + path.lstrip("/")).first()
    if page is None:
        moved = MovedSection.objects.filter(site=site, old_path=path).select_related("page").first()
        if moved is not None and field == "source":
            raise NothingToMove(
                _("Nothing to move: %(old)s was moved to %(new)s on %(day)s.")
                % {"old": moved.old_url, "new": page_url(moved.page), "day": local_day(moved.moved_at)},
                field,
            )
        raise SectionMoveError(_("There is no page at %(url)s.") % {"url": site.root_url + path}, field)
    return page


def site_and_path(address: str, field: str) -> tuple[Site, str]:
    """The site answering at an address such as ``gialoc.haiphong.gov.vn/tin-tuc/`` and the path below its home, with
    both slashes."""
    parts = urlsplit(address if "://" in address else f"http://{address}")
    try:
        host, port = (parts.hostname or "").rstrip("."), parts.port
    except ValueError:
        host, port = "", None
    if not host or parts.scheme not in ("http", "https"):
        raise SectionMoveError(
            _(
                "“%(address)s” is neither a page address nor a page id: write e.g. gialoc.haiphong.gov.vn/tin-tuc/ "
                "or 42."
            )
            % {"address": address},
            field,
        )
    sites = list(Site.objects.filter(hostname=host).select_related("root_page").order_by("port"))
    if port is not None:
        sites = [site for site in sites if site.port == port] or sites
    if not sites:
        raise SectionMoveError(_("No site answers at %(host)s.") % {"host": host}, field)
    segments = [unquote(segment) for segment in parts.path.split("/") if segment]
    return sites[0], "/" + "".join(f"{segment}/" for segment in segments)


def site_of(page: Page) -> Site | None:
    """The site whose home page is the nearest above ``page`` (or is ``page``)."""
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    return (
        Site.objects.filter(root_page__path__in=paths).select_related("root_page").order_by("-root_page__depth").first()
    )


def relative_path(site: Site, url_path: str) -> str:
    """The address of a page below the site's home: ``/tin-tuc/``."""
    return "/" + url_path[len(site.root_page.url_path) :]


def full_url(site: Site, url_path: str) -> str:
    return site.root_url + relative_path(site, url_path)


def page_url(page: Page) -> str:
    site = site_of(page)
    return full_url(site, page.url_path) if site else page.url_path


def local_day(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y")


# Checking


def check_fits(page: Page, parent_class, parent: Page | None, parent_title: str):
    """That ``page`` may sit below ``parent`` (of ``parent_class``; ``None`` for an archive still to be made): its type
    is allowed there, the parent holds no other page of a type it may hold only one of, and no page of its slug."""
    page_class = page.specific_class
    if page_class not in parent_class.allowed_subpage_models():
        raise SectionMoveError(
            _("%(parent)s (%(parent_type)s) cannot hold %(page)s, which is a %(type)s.")
            % {
                "parent": parent_title,
                "parent_type": parent_class._meta.verbose_name,
                "page": page.title,
                "type": page_class._meta.verbose_name,
            },
            "destination",
        )
    if parent is None:
        return
    siblings = parent.get_children().exclude(pk=page.pk)
    limit = page_class.max_count_per_parent
    if limit is not None and siblings.type(page_class).count() >= limit:
        raise SectionMoveError(
            _("%(parent)s has a %(type)s already and may hold only one.")
            % {"parent": parent_title, "type": page_class._meta.verbose_name},
            "destination",
        )
    if siblings.filter(slug=page.slug).exists():
        raise SectionMoveError(
            _("%(parent)s has a page at %(url)s already.")
            % {"parent": parent_title, "url": page_url(parent) + page.slug + "/"},
            "destination",
        )


def check_no_site_below(page: Page):
    held = Site.objects.filter(root_page__path__startswith=page.path).exclude(root_page=page).first()
    if held is not None:
        raise SectionMoveError(
            _("%(title)s holds the home page of the site at %(host)s, which cannot move with it.")
            % {"title": page.title, "host": held.hostname}
        )


def check_privacy(above: Page, destination: Page):
    """Pages below a view restriction would become public where none applies: refuse, naming the restricted page."""
    restricted = PageViewRestriction.objects.filter(page__in=Page.objects.ancestor_of(above, inclusive=True)).first()
    if restricted is None:
        return
    if PageViewRestriction.objects.filter(page__in=Page.objects.ancestor_of(destination, inclusive=True)).exists():
        return
    raise SectionMoveError(
        _(
            "%(title)s is private and its pages would become public at the destination: restrict the destination "
            "first, or lift the restriction."
        )
        % {"title": restricted.page.title}
    )


def count_pages(section: Page) -> int:
    return Page.objects.filter(path__startswith=section.path).count()


def plan_section(source, destination) -> Plan:
    page = find_page(source, "source")
    if page.depth == 1:
        raise SectionMoveError(_("The root of the page tree cannot move."))
    home_of = Site.objects.filter(root_page=page).first()
    if home_of is not None:
        raise SectionMoveError(
            _("%(title)s is the home page of the site at %(host)s: to move everything below it, use the archive mode.")
            % {"title": page.title, "host": home_of.hostname}
        )
    target = find_page(destination, "destination")
    if target.pk == page.pk or target.is_descendant_of(page):
        raise SectionMoveError(
            _("The destination %(title)s is inside the section to move.") % {"title": target.title}, "destination"
        )
    if page.is_child_of(target):
        raise NothingToMove(
            _("Nothing to move: %(title)s is below %(parent)s already.")
            % {"title": page.title, "parent": target.title},
            "destination",
        )
    old_site, new_site = site_of(page), site_of(target)
    if old_site is None:
        raise SectionMoveError(_("%(title)s is on no site.") % {"title": page.title})
    if new_site is None:
        raise SectionMoveError(_("%(title)s is on no site.") % {"title": target.title}, "destination")
    check_no_site_below(page)
    check_fits(page, target.specific_class, target, target.title)
    check_privacy(page, target)
    new_url = full_url(new_site, target.url_path) + page.slug + "/"
    item = MovedItem(page.title, count_pages(page), full_url(old_site, page.url_path), new_url)
    return Plan([page], target, old_site, new_site, [item])


def default_archive_title(site: Site) -> str:
    """ "Lưu trữ huyện Gia Lộc" for the site "Cổng thông tin điện tử huyện Gia Lộc"."""
    name = site.site_name or site.hostname
    return "Lưu trữ " + name.removeprefix(PORTAL_TITLE_PREFIX)


def plan_archive(source, destination, title: str = "") -> Plan:
    home = find_page(source, "source")
    old_site = Site.objects.filter(root_page=home).select_related("root_page").first()
    if old_site is None:
        raise SectionMoveError(
            _("In the archive mode the source is the home page of a site; %(title)s is not.") % {"title": home.title}
        )
    target = find_page(destination, "destination")
    if target.pk == home.pk or target.is_descendant_of(home):
        raise SectionMoveError(
            _("The destination %(title)s is inside the site to archive.") % {"title": target.title}, "destination"
        )
    new_site = site_of(target)
    if new_site is None:
        raise SectionMoveError(_("%(title)s is on no site.") % {"title": target.title}, "destination")
    title = " ".join((title or default_archive_title(old_site)).split())
    slug = slugify(anyascii(title))[:255].strip("-")
    if not slug:
        raise SectionMoveError(_("The archive section's title needs letters or digits."), "archive_title")
    existing = target.get_children().filter(slug=slug).first()
    if existing is not None and existing.specific_class is not ArchiveSectionPage:
        raise SectionMoveError(
            _("%(url)s is taken by a page that is not an archive section: choose another title.")
            % {"url": full_url(new_site, existing.url_path)},
            "archive_title",
        )
    archive = existing.specific if existing is not None else None
    if archive is None and target.specific_class not in ArchiveSectionPage.allowed_parent_page_models():
        raise SectionMoveError(
            _("An archive section goes below a home page or an information page; %(title)s is a %(type)s.")
            % {"title": target.title, "type": target.specific_class._meta.verbose_name},
            "destination",
        )
    sections = list(home.get_children())
    if not sections:
        raise NothingToMove(
            _("Nothing to move: the home page of %(host)s has no pages below it.") % {"host": old_site.hostname}
        )
    archive_path = archive.url_path if archive else f"{target.url_path}{slug}/"
    for section in sections:
        check_fits(section, ArchiveSectionPage, archive, title)
        check_no_site_below(section)
    check_privacy(home, target)
    counts = page_counts(sections)
    items = [
        MovedItem(
            section.title,
            counts[section.pk],
            full_url(old_site, section.url_path),
            full_url(new_site, archive_path) + section.slug + "/",
        )
        for section in sections
    ]
    return Plan(
        sections, target, old_site, new_site, items, title, slug, archive, full_url(new_site, archive_path), home
    )


def page_counts(sections: list[Page]) -> dict[int, int]:
    """Pages in each of sibling sections (themselves included), in one query."""
    if not sections:
        return {}
    depth, steplen = sections[0].depth, Page.steplen
    prefixes = {section.path: section.pk for section in sections}
    counts = dict.fromkeys(prefixes.values(), 0)
    parent_path = sections[0].path[:-steplen]
    below = Page.objects.filter(path__startswith=parent_path, depth__gte=depth).values_list("path", flat=True)
    for path in below.iterator():
        section = prefixes.get(path[: depth * steplen])
        if section is not None:
            counts[section] += 1
    return counts


# Moving


def move_section(
    source, destination, *, archive: bool = False, archive_title: str = "", dry_run: bool = False, user=None
) -> Outcome:
    """Move as the module's description says; ``dry_run`` checks everything and says what would move, writing
    nothing."""
    plan = plan_archive(source, destination, archive_title) if archive else plan_section(source, destination)
    if dry_run:
        return Outcome(plan.items, len(plan.items), plan.archive_title, plan.archive_url, plan.archive_made, True)
    return execute(plan, user)


@transaction.atomic
def execute(plan: Plan, user=None) -> Outcome:
    parent = plan.parent
    if plan.old_home is not None:
        parent = make_archive(plan, user) if plan.archive_made else plan.archive
    moved_at = timezone.now()
    for section in plan.sections:
        old_path = relative_path(plan.old_site, section.url_path)
        target = Page.objects.get(pk=parent.pk)  # fresh: the tree below it changes with each move
        MovePageAction(Page.objects.get(pk=section.pk), target, pos="last-child", user=user).execute(
            skip_permission_checks=True
        )
        MovedSection.objects.update_or_create(
            site=plan.old_site, old_path=old_path, defaults={"page_id": section.pk, "moved_at": moved_at}
        )
    # A section back at an address it once left needs no redirect from there any more.
    for section in Page.objects.filter(pk__in=[section.pk for section in plan.sections]):
        MovedSection.objects.filter(
            site=plan.new_site, old_path=relative_path(plan.new_site, section.url_path)
        ).delete()
    outcome = Outcome(plan.items, len(plan.sections))
    if plan.old_home is not None:
        announce_archive(plan.old_home, parent, plan.new_site, user)
        outcome.archive_title, outcome.archive_url = parent.title, full_url(plan.new_site, parent.url_path)
        outcome.archive_created = plan.archive_made
    return outcome


def make_archive(plan: Plan, user=None) -> ArchiveSectionPage:
    archive = ArchiveSectionPage(
        title=plan.archive_title,
        slug=plan.archive_slug,
        former_portal=plan.old_site.site_name or plan.old_site.hostname,
        former_host=plan.old_site.hostname,
    )
    plan.parent.specific.add_child(instance=archive)
    log(archive, "wagtail.create", user=user)
    archive.save_revision(user=user).publish(user=user)
    return archive


def announce_archive(home: Page, archive: ArchiveSectionPage, new_site: Site, user=None):
    """Put a box on the former portal's home page linking the archive, unless it links it already."""
    home = home.specific
    if not isinstance(home, HomePage):
        return
    link = f'<a linktype="page" id="{archive.pk}">{escape(archive.title)}</a>'
    if any(block.block_type == "text" and link in block.value["text"].source for block in home.body):
        return
    portal = escape(new_site.site_name or new_site.hostname)
    text = f"<p>Nội dung của cổng thông tin này nay được lưu trữ tại {link} trên {portal}.</p>"
    box = HomePage.body.field.stream_block.child_blocks["text"]
    home.body.insert(0, ("text", box.to_python({"heading": "Nội dung đã chuyển", "text": text})))
    home.save_revision(user=user, log_action=True).publish(user=user)


# Saying what happened


def outcome_lines(outcome: Outcome) -> list[str]:
    """What the command prints and the admin shows, line by line."""
    lines = []
    if outcome.archive_title:
        into = {"title": outcome.archive_title, "url": outcome.archive_url}
        if outcome.dry_run:
            lines.append(_("Would move into %(title)s (%(url)s):") % into)
        else:
            lines.append(_("Moved into %(title)s (%(url)s):") % into)
    for item in outcome.items:
        lines.append(
            ngettext(
                "%(title)s, %(count)d page: %(old)s → %(new)s",
                "%(title)s, %(count)d pages: %(old)s → %(new)s",
                item.pages,
            )
            % {"title": item.title, "count": item.pages, "old": item.old_url, "new": item.new_url}
        )
    if outcome.dry_run:
        lines.append(
            ngettext(
                "Would move %(pages)d page; nothing was changed.",
                "Would move %(pages)d pages; nothing was changed.",
                outcome.pages,
            )
            % {"pages": outcome.pages}
        )
    else:
        lines.append(
            ngettext(
                "%(pages)d page moved with its revisions and files.",
                "%(pages)d pages moved with their revisions and files.",
                outcome.pages,
            )
            % {"pages": outcome.pages}
        )
        lines.append(
            ngettext(
                "%(count)d redirect made: the old address and everything below it answer 301 with the new one.",
                "%(count)d redirects made: each old address and everything below it answer 301 with the new one.",
                outcome.redirects,
            )
            % {"count": outcome.redirects}
        )
    return lines
