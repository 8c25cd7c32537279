"""Component portals: the site of a commune, ward or special zone inside its province's portal (Decree 224/2026,
Art. 11), made in one step on the same installation, and closed without losing anything.

``create_component_site`` builds what a new unit needs to start publishing: a Wagtail ``Site`` at its own host name,
the default tree (home, "Giới thiệu" with the pages a commune must publish, news, notices, work schedule, the
document library with its shelves, photos, videos, contacts), its identity in ``PortalSettings``, its menus and side
column, a collection for its images, documents and media, its own editor and approver groups with permissions on its
tree and collection only, and its approval workflow. Run again with the same name and host it changes nothing; a host
or a name that another site already has is refused with the reason, before anything is written.
"""

import re
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.http.request import validate_host
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from anyascii import anyascii

from consultations.models import DraftIndexPage
from documents.enums import CollectionKind
from documents.models import DocumentCollectionPage, DocumentLibraryPage
from editorial.roles import apply_unit_roles, unit_group_names
from gallery.models import AlbumIndexPage, VideoIndexPage
from home.models import HomePage, SideColumn, StandardPage
from news.models import NewsIndexPage
from notices.models import NoticeIndexPage, WorkSchedulePage
from portal.models import Menu, MenuItem, PortalSettings
from portal.tree import child_by_slug, publish
from questions.models import QuestionIndexPage

HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


class UnitKind(models.TextChoices):
    """The two tiers of local government since 1 July 2025: the three kinds of commune-level unit, whose portals are
    components, and the province or centrally-run city, whose portal holds them."""

    COMMUNE = "xa", gettext_lazy("commune (xã)")
    WARD = "phuong", gettext_lazy("ward (phường)")
    SPECIAL_ZONE = "dac-khu", gettext_lazy("special zone (đặc khu)")
    PROVINCE = "tinh", gettext_lazy("province (tỉnh)")
    CITY = "thanh-pho", gettext_lazy("centrally-run city (thành phố)")

    @property
    def word(self) -> str:
        """The Vietnamese word in a unit's name: "xã", "phường", "đặc khu", "tỉnh", "thành phố"."""
        return {"xa": "xã", "phuong": "phường", "dac-khu": "đặc khu", "tinh": "tỉnh", "thanh-pho": "thành phố"}[
            self.value
        ]

    @property
    def is_province(self) -> bool:
        return self in PROVINCE_KINDS


PROVINCE_KINDS = (UnitKind.PROVINCE, UnitKind.CITY)
COMPONENT_KINDS = [kind for kind in UnitKind if kind not in PROVINCE_KINDS]


class ComponentSiteError(ValueError):
    """A component portal that cannot be made as asked; the message says why, ``field`` what was wrong."""

    def __init__(self, message: str, field: str = "host"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ComponentUnit:
    """Who the component portal is for: "Gia Lộc", a commune, at gialoc.haiphong.gov.vn."""

    name: str
    kind: UnitKind
    host: str
    email: str = ""
    phone: str = ""
    address: str = ""

    @property
    def unit_name(self) -> str:  # "Xã Gia Lộc"
        return f"{self.kind.word.capitalize()} {self.name}"

    @property
    def in_a_sentence(self) -> str:  # "xã Gia Lộc"
        return f"{self.kind.word} {self.name}"

    @property
    def portal_title(self) -> str:
        return f"Cổng thông tin điện tử {self.in_a_sentence}"

    @property
    def governing_body(self) -> str:
        return f"Ủy ban nhân dân {self.in_a_sentence}"


@dataclass
class Outcome:
    site: Site
    created: list[str] = field(default_factory=list)


def clean_host(host: str) -> str:
    """The host name in lower case, or ``ComponentSiteError`` saying what is wrong with it."""
    host = host.strip().lower().rstrip(".")
    labels = host.split(".")
    if not host or len(host) > 253 or len(labels) < 2 or not all(HOST_LABEL.match(label) for label in labels):
        raise ComponentSiteError(
            _(
                "“%(host)s” is not a host name: use letters without marks, digits and hyphens, in at least two parts "
                "separated by dots, e.g. gialoc.haiphong.gov.vn."
            )
            % {"host": host}
        )
    if labels[-1].isdigit():
        raise ComponentSiteError(_("“%(host)s” is an address, not a host name.") % {"host": host})
    return host


def clean_unit(unit: ComponentUnit, province: bool = False) -> ComponentUnit:
    name = " ".join(unit.name.split())
    if not name:
        raise ComponentSiteError(_("The unit needs a name, e.g. Gia Lộc."), field="name")
    kind = UnitKind(unit.kind)
    if kind.is_province != province:
        expected = PROVINCE_KINDS if province else COMPONENT_KINDS
        raise ComponentSiteError(
            _("A %(what)s is one of: %(kinds)s.")
            % {
                "what": _("province's portal") if province else _("component portal"),
                "kinds": ", ".join(str(choice.label) for choice in expected),
            },
            field="kind",
        )
    # A province tried on this machine (the demo) answers at localhost, the one name of a single part allowed.
    host = "localhost" if province and unit.host.strip().lower() == "localhost" else clean_host(unit.host)
    return replace(unit, name=name, kind=kind, host=host)


def check_free(unit: ComponentUnit) -> Site | None:
    """The unit's site when it exists already with this name and host; ``ComponentSiteError`` when the host or the
    name belongs to another site."""
    by_host = Site.objects.filter(hostname=unit.host).select_related("root_page").first()
    by_name = Site.objects.filter(site_name=unit.portal_title).exclude(hostname=unit.host).first()
    if by_name is not None:
        raise ComponentSiteError(
            _("The name “%(name)s” is taken: the site at %(host)s has it.")
            % {"name": unit.portal_title, "host": by_name.hostname},
            field="name",
        )
    if by_host is not None and by_host.site_name != unit.portal_title:
        raise ComponentSiteError(
            _("The host %(host)s is taken by “%(site)s”.") % {"host": unit.host, "site": by_host.site_name}
        )
    return by_host


@transaction.atomic
def create_component_site(unit: ComponentUnit) -> Outcome:
    """Make the component portal of ``unit``, or complete it when it exists; see the module's description."""
    return create_site(clean_unit(unit))


@transaction.atomic
def create_province_site(unit: ComponentUnit) -> Outcome:
    """Make the portal of the province (or centrally-run city) ``unit`` the same way, as the installation's default
    site: the one that answers the province's host and any host no component portal has."""
    unit = clean_unit(unit, province=True)
    outcome = create_site(unit)
    site = outcome.site
    if not site.is_default_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site.is_default_site = True
        site.save()
        outcome.created.append(_("the default site"))
    return outcome


def create_site(unit: ComponentUnit) -> Outcome:
    site = check_free(unit)
    created = []
    if site is None:
        home = publish(Page.get_first_root_node(), HomePage(title=unit.portal_title, slug=home_slug(unit)))
        site = Site.objects.create(hostname=unit.host, port=80, root_page=home, site_name=unit.portal_title)
        created.append(_("site %(host)s") % {"host": unit.host})
    home = site.root_page.specific
    builder = Builder(unit, home, created)
    tree = builder.tree()
    menus = builder.menus(tree)
    builder.settings(site, menus)
    builder.side_column(site)
    builder.home_boxes(home)
    collection = builder.collection()
    builder.roles(home, collection)
    return Outcome(site, created)


def home_slug(unit: ComponentUnit) -> str:
    """Home pages sit side by side under the root, so each needs a slug of its own: the host's first part ("anlac"),
    or the unit's name when the host has one part only (a province tried at localhost: "hai-phong"). It also names
    the unit in addresses (the province's search filter ``?don_vi=``, the open-data API's ``unit=``)."""
    slug = unit.host.split(".")[0] if "." in unit.host else slugify(anyascii(unit.name))
    taken = set(Page.get_first_root_node().get_children().values_list("slug", flat=True))
    number, candidate = 1, slug
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


# The pages "Giới thiệu" holds on a commune's portal (Decree 224/2026, Art. 9(1)(c)). They are drafts until the unit
# writes them, so that no empty page is ever shown to a citizen.
ABOUT_PAGES = [
    ("chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ"),
    ("co-cau-to-chuc", "Cơ cấu tổ chức"),
    ("lanh-dao", "Lãnh đạo"),
    ("dieu-kien-tu-nhien", "Điều kiện tự nhiên"),
    ("lich-su-truyen-thong-van-hoa", "Lịch sử, truyền thống văn hóa"),
    ("di-tich-danh-thang", "Di tích, danh lam thắng cảnh"),
    ("ban-do-dia-gioi-hanh-chinh", "Bản đồ địa giới hành chính"),
]

SHELVES = [
    (CollectionKind.COMMUNE, "van-ban-cua-{kind}", "Văn bản của {unit}"),
    (CollectionKind.PROVINCE, "van-ban-cua-tinh", "Văn bản của tỉnh"),
    (CollectionKind.NORMATIVE, "van-ban-quy-pham-phap-luat", "Văn bản quy phạm pháp luật"),
]
# The province's own documents are its province shelf; it has no other province above it.
PROVINCE_SHELVES = [
    (CollectionKind.PROVINCE, "van-ban-cua-{kind}", "Văn bản của {unit}"),
    (CollectionKind.NORMATIVE, "van-ban-quy-pham-phap-luat", "Văn bản quy phạm pháp luật"),
]


class Builder:
    """Each step makes what is missing and leaves what exists as the editors left it."""

    def __init__(self, unit: ComponentUnit, home: HomePage, created: list[str]):
        self.unit, self.home, self.created = unit, home, created

    def child(self, parent: Page, page: Page, live: bool = True) -> Page:
        existing = child_by_slug(parent, page.slug)
        if existing is not None:
            return existing
        self.created.append(_("page %(title)s") % {"title": page.title})
        if live:
            return publish(parent, page)
        parent.add_child(instance=page)
        page.save_revision()
        return page

    def tree(self) -> dict[str, Page]:
        unit, home = self.unit, self.home
        about = self.child(
            home, StandardPage(title="Giới thiệu", slug="gioi-thieu", intro=f"Giới thiệu {unit.in_a_sentence}.")
        )
        for slug, title in ABOUT_PAGES:
            self.child(about, StandardPage(title=title, slug=slug, live=False), live=False)
        tree = {
            "about": about,
            "news": self.child(
                home, NewsIndexPage(title="Tin tức", slug="tin-tuc", intro=f"Tin hoạt động của {unit.in_a_sentence}.")
            ),
            "notices": self.child(home, NoticeIndexPage(title="Thông báo", slug="thong-bao")),
            "schedule": self.child(
                home,
                WorkSchedulePage(
                    title="Lịch làm việc", slug="lich-lam-viec", intro=f"Lịch công tác tuần của {unit.governing_body}."
                ),
            ),
            "library": self.child(home, DocumentLibraryPage(title="Văn bản", slug="van-ban")),
            "photos": self.child(home, AlbumIndexPage(title="Thư viện ảnh", slug="thu-vien-anh")),
            "videos": self.child(home, VideoIndexPage(title="Video", slug="video")),
            "consultations": self.child(home, DraftIndexPage(title="Lấy ý kiến dự thảo", slug="lay-y-kien")),
            "questions": self.child(
                home,
                QuestionIndexPage(
                    title="Hỏi đáp",
                    slug="hoi-dap",
                    intro=f"Công dân, tổ chức đặt câu hỏi; {unit.governing_body} trả lời.",
                ),
            ),
            "contact": self.child(home, StandardPage(title="Liên hệ", slug="lien-he", intro=self.contact_text())),
        }
        for kind, slug, title in PROVINCE_SHELVES if unit.kind.is_province else SHELVES:
            shelf = DocumentCollectionPage(
                kind=kind,
                slug=slug.format(kind=unit.kind.value),
                title=title.format(unit=unit.in_a_sentence),
                show_in_menus=True,
            )
            self.child(tree["library"], shelf)
        return tree

    def contact_text(self) -> str:
        unit = self.unit
        parts = [unit.governing_body]
        parts += [f"Địa chỉ: {unit.address}"] if unit.address else []
        parts += [f"Điện thoại: {unit.phone}"] if unit.phone else []
        parts += [f"Thư điện tử: {unit.email}"] if unit.email else []
        return ". ".join(parts) + "."

    def menu(self, title: str, items: list[dict]) -> Menu:
        title = f"{title} – {self.unit.unit_name}"
        menu = Menu.objects.filter(title=title).first()
        if menu is None:
            menu = Menu(title=title)
            menu.items = [MenuItem(sort_order=order, **item) for order, item in enumerate(items)]
            menu.save()
            self.created.append(_("menu %(title)s") % {"title": title})
        return menu

    def menus(self, tree) -> dict[str, Menu]:
        return {
            "main": self.menu(
                "Menu chính",
                [
                    {"link_page": tree["about"], "show_children": True},
                    {"link_page": tree["news"]},
                    {"link_page": tree["notices"]},
                    {"link_page": tree["schedule"]},
                    {"link_page": tree["library"], "show_children": True},
                    {"link_page": tree["photos"]},
                    {"link_page": tree["contact"]},
                ],
            ),
            "footer": self.menu(
                "Chân trang",
                [
                    {"link_page": tree["about"]},
                    {"link_page": tree["library"]},
                    {"link_page": tree["questions"]},
                    {"link_page": tree["consultations"]},
                    {"link_page": tree["contact"]},
                ],
            ),
        }

    def settings(self, site: Site, menus: dict[str, Menu]):
        portal = PortalSettings.for_site(site)
        if portal.unit_name:
            return
        unit = self.unit
        portal.unit_name = unit.unit_name
        portal.portal_title = unit.portal_title
        portal.governing_body = unit.governing_body
        portal.address, portal.phone, portal.email = unit.address, unit.phone, unit.email
        portal.main_menu, portal.footer_menu = menus["main"], menus["footer"]
        portal.save()
        self.created.append(_("portal settings"))

    def side_column(self, site: Site):
        column = SideColumn.for_site(site)
        if column.boxes:
            return
        column.boxes = [
            ("notices", {"heading": "Thông báo", "count": 5}),
            ("most_read", {"heading": "Tin đọc nhiều", "days": "7", "count": 5}),
            ("photos", {"heading": "Thư viện ảnh", "count": 4}),
        ]
        column.save()
        self.created.append(_("side column"))

    def home_boxes(self, home: HomePage):
        if home.body:
            return
        home.body = [
            ("featured_news", {"heading": "Tin nổi bật", "count": 5}),
            ("latest_news", {"heading": "Tin mới", "count": 6}),
        ]
        if not self.unit.kind.is_province:
            home.body.append(("province_news", {"heading": "Tin từ tỉnh", "count": 5}))
        home.save_revision().publish()
        self.created.append(_("home page boxes"))

    def collection(self) -> Collection:
        collection = unit_collection(self.unit.unit_name)
        if collection is None:
            collection = Collection.get_first_root_node().add_child(name=self.unit.unit_name)
            self.created.append(_("collection %(name)s") % {"name": self.unit.unit_name})
        return collection

    def roles(self, home: HomePage, collection: Collection):
        missing = [
            name for name in unit_group_names(self.unit.unit_name) if not Group.objects.filter(name=name).exists()
        ]
        apply_unit_roles(apps, self.unit.unit_name, home, collection)
        self.created += [_("group %(name)s") % {"name": name} for name in missing]


def unit_collection(unit_name: str) -> Collection | None:
    """The collection of a unit's images, documents and media: the root collection's child named after the unit."""
    return Collection.get_first_root_node().get_children().filter(name=unit_name).first()


def host_allowed(host: str) -> bool:
    """Whether ``ALLOWED_HOSTS`` lets requests for ``host`` in (a wildcard such as ``.haiphong.gov.vn`` does)."""
    return validate_host(host, settings.ALLOWED_HOSTS)


@transaction.atomic
def close_component_site(host: str, reopen: bool = False) -> Site:
    """Close a component portal: its pages stay live at their addresses with a notice that the portal is an archive,
    every page is locked, and its editor and approver groups lose their page and collection permissions (the groups
    are kept). Nothing is deleted. ``reopen`` undoes it: the pages are unlocked and the groups get their permissions
    again. Both are idempotent."""
    site = Site.objects.filter(hostname=clean_host(host)).select_related("root_page").first()
    if site is None or site.is_default_site:
        raise ComponentSiteError(_("There is no component portal at %(host)s.") % {"host": host})
    portal = PortalSettings.for_site(site)
    pages = Page.objects.descendant_of(site.root_page, inclusive=True)
    groups = Group.objects.filter(name__in=unit_group_names(portal.unit_name))
    if reopen:
        pages.filter(locked=True, locked_by=None).update(locked=False, locked_at=None)
        apply_unit_roles(apps, portal.unit_name, site.root_page, unit_collection(portal.unit_name))
        portal.archived_since = None
    else:
        pages.filter(locked=False).update(locked=True, locked_by=None, locked_at=timezone.now())
        GroupPagePermission.objects.filter(group__in=groups).delete()
        GroupCollectionPermission.objects.filter(group__in=groups).delete()
        portal.archived_since = portal.archived_since or timezone.localdate()
    portal.save()
    return site


def state_message(site: Site, reopened: bool) -> str:
    """What the command and the admin say after closing or reopening ``site``."""
    if reopened:
        return _("%(site)s is open again for its editors.") % {"site": site.site_name}
    return _("%(site)s is closed: its pages stay at their addresses as an archive.") % {"site": site.site_name}
