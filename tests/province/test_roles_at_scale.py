"""Roles at scale: with 150 component portals, a commune's editor sees, edits and chooses only their portal's pages,
images, documents and media and cannot approve; its approver approves its pages only; the province's office sees
everything. Checked through the admin's own pages and choosers, not the permission tables.

The admin takes the same number of queries with 15 portals as with 150, for a user with roles on 10 of them, a
commune's editor and approver, and the province's office (Wagtail's tracker has an admin that stopped loading for a
user with roles on 11 sites: wagtail/wagtail#8410). Query counts are deterministic and asserted; times are not.

Portals are built cheaply (``add_portals``): a home page under the root with one section, the site, the collection
with an image, a document and a video, and the unit's editor and approver groups and workflow made by
``apply_unit_roles``, which is the permission structure ``create_component_site`` gives without its tree, settings
and menus (0.7 s a portal there, 150 would take 100 s). Fifteen are built once for the module, in a transaction
rolled back after its last test; each test runs in a savepoint of it.
"""

import html
import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, TaskState
from wagtail.search import index

import pytest
from wagtailmedia import get_media_model

from editorial.roles import apply_unit_roles
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("roles_at_scale")]

FIRST, MORE = 15, 150  # portals before and after the growth
OWN = range(10)  # the portals of the user with roles on ten


@dataclass
class Portal:
    number: int
    site: Site
    home: Page
    section: Page
    collection: Collection

    @property
    def mark(self) -> str:  # in every title and name of the portal, and nowhere else
        return f"Thử {self.number:03d}"

    @property
    def unit(self) -> str:
        return f"Xã {self.mark}"


def add_portals(numbers, uploader=lambda number: None, indexed=False) -> list[Portal]:
    """Component portals with the permission structure of ``create_component_site``: home page, one section, site,
    collection with an image, a document and a video uploaded by ``uploader(number)``, the unit's groups."""
    root, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    image, document, media = (model.objects.order_by("pk").first() for model in models())
    portals, items = [], {model: [] for model in models()}
    for number in numbers:
        mark = f"Thử {number:03d}"
        home = root.add_child(instance=HomePage(title=f"Cổng thông tin điện tử xã {mark}", slug=f"thu-{number:03d}"))
        section = home.add_child(instance=NewsIndexPage(title=f"Tin tức xã {mark}", slug="tin-tuc"))
        site = Site.objects.create(hostname=f"thu{number:03d}.haiphong.gov.vn", root_page=home, site_name=home.title)
        collection = root_collection.add_child(name=f"Xã {mark}")
        apply_unit_roles(apps, f"Xã {mark}", home, collection)
        portals.append(Portal(number, site, home, section, collection))
        common = {"collection": collection, "uploaded_by_user": uploader(number)}
        Image, Document, Media = models()
        items[Image].append(
            Image(title=f"Ảnh xã {mark}", file=image.file.name, width=image.width, height=image.height, **common)
        )
        items[Document].append(Document(title=f"Tệp xã {mark}", file=document.file.name, **common))
        items[Media].append(Media(title=f"Phim xã {mark}", file=media.file.name, type=media.type, duration=1, **common))
    for model, objects in items.items():  # in bulk: a document's save would extract its file's text
        for made in model.objects.bulk_create(objects):
            if indexed:
                index.insert_or_update_object(made)
    return portals


def models():
    return get_image_model(), get_document_model(), get_media_model()


@dataclass
class People:
    several: object  # editor of portals 0–9
    editor: object  # editor of portal 0
    approver: object  # approver of portal 0
    neighbour: object  # editor of portal 1
    province: object  # the province's office: a superuser


@dataclass
class Province:
    portals: list[Portal]
    people: People
    in_review: dict  # portal number → the task state of its page awaiting approval


def draft(portal, title, slug, user, submit=False):
    page = portal.home.add_child(instance=StandardPage(title=title, slug=slug, live=False, owner=user))
    page.save_revision(user=user, log_action=True)
    if submit:
        page.get_workflow().start(page, user)
        return TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    return page


@pytest.fixture(scope="module")
def province(django_db_setup, django_db_blocker):
    """Fifteen portals, their people, a page of portal 1 owned and edited by its editor, and a page of each of
    portals 0 and 1 awaiting approval; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        Site.clear_site_root_paths_cache()
        User = get_user_model()
        people = People(
            several=User.objects.create_user("bientap-nhieu-xa", first_name="Lê", last_name="Nhiều Xã"),
            editor=User.objects.create_user("bientap-xa-0", first_name="Phạm", last_name="Biên Tập"),
            approver=User.objects.create_user("duyet-xa-0", first_name="Vũ", last_name="Người Duyệt"),
            neighbour=User.objects.create_user("bientap-xa-1", first_name="Khác", last_name="Xã Bên"),
            province=User.objects.create_superuser("van-phong-tinh", first_name="Văn phòng", last_name="Tỉnh"),
        )
        uploaders = {0: people.editor, 1: people.neighbour} | dict.fromkeys(OWN[2:], people.several)
        portals = add_portals(range(FIRST), uploaders.get, indexed=True)
        for portal in portals[: len(OWN)]:
            people.several.groups.add(editors(portal))
        people.editor.groups.add(editors(portals[0]))
        people.approver.groups.add(approvers(portals[0]))
        people.neighbour.groups.add(editors(portals[1]))
        draft(portals[1], "Trang riêng xã Thử 001", "trang-rieng", people.neighbour)
        in_review = {
            0: draft(portals[0], "Bài chờ duyệt xã Thử 000", "cho-duyet", people.editor, submit=True),
            1: draft(portals[1], "Bài chờ duyệt xã Thử 001", "cho-duyet", people.neighbour, submit=True),
        }
        yield Province(portals, people, in_review)
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()


def editors(portal):
    return apps.get_model("auth", "Group").objects.get(name=f"Biên tập viên – {portal.unit}")


def approvers(portal):
    return apps.get_model("auth", "Group").objects.get(name=f"Người duyệt – {portal.unit}")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def shown(response) -> str:
    """What a response shows: the page, or the HTML a chooser's JSON carries, entities resolved."""
    if response["Content-Type"].startswith("application/json"):
        return html.unescape(response.json().get("html") or "")
    return html.unescape(response.content.decode())


def marks(text) -> set[int]:
    """The numbers of the portals whose names or objects ``text`` shows."""
    return {int(number) for number in re.findall(r"Thử (\d{3})", text)}


def options(text, name) -> set[str]:
    """The values a listing filter offers."""
    return set(re.findall(rf'name="{name}" value="([^"]*)"', text))


# ---- queries ----------------------------------------------------------------------------------------------------


def editor_urls(portal):
    """Every admin place an editor opens: dashboard, explorer, choosers, listings, searches."""
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{portal.home.pk}/",
        f"/admin/pages/{portal.section.pk}/",
        "/admin/choose-page/",
        f"/admin/choose-page/{portal.home.pk}/",
        "/admin/choose-page/search/?q=Thử",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
        "/admin/media/chooser/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/media/",
        "/admin/pages/search/?q=Thử",
        "/admin/images/?q=Thử",
        "/admin/documents/?q=Thử",
        "/admin/media/?q=Thử",
    ]


# What the province's office opens the same way. Not here, since they list 25 (or 20) of all portals' rows, and Wagtail
# or wagtailmedia read one thing per row: the page chooser's root and search (each page's parent), the media listing
# (each item's collection), and the page search (whose first page of results changes with the portals).
PROVINCE_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{home}/",
    "/admin/pages/{section}/",
    "/admin/choose-page/{home}/",
    "/admin/images/chooser/",
    "/admin/documents/chooser/",
    "/admin/media/chooser/",
    "/admin/images/",
    "/admin/documents/",
]


def queries(client, urls) -> dict[str, tuple[int, int]]:
    """Per address: the answer's status and its number of queries, with the caches warmed by a first request."""
    counted = {}
    for url in urls:
        for alias in caches:
            caches[alias].clear()
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        counted[url] = (response.status_code, len(captured))
    return counted


def test_the_admin_takes_the_same_queries_with_15_and_150_portals(province):
    people, first = province.people, province.portals[0]
    province_urls = [url.format(home=first.home.pk, section=first.section.pk) for url in PROVINCE_URLS]
    measured = {
        "roles on ten portals": (people.several, editor_urls(first)),
        "a commune's editor": (people.editor, editor_urls(first)),
        "a commune's approver": (people.approver, editor_urls(first)),
        "the province's office": (people.province, province_urls),
    }
    clients = {who: (signed_in(user), urls) for who, (user, urls) in measured.items()}

    before = {who: queries(client, urls) for who, (client, urls) in clients.items()}
    add_portals(range(FIRST, MORE))
    assert Site.objects.count() == MORE + 1
    after = {who: queries(client, urls) for who, (client, urls) in clients.items()}

    grown = {
        f"{who}, {url}": (before[who][url][1], count)
        for who, counts in after.items()
        for url, (_, count) in counts.items()
        if count != before[who][url][1]
    }
    assert not grown, f"queries with {FIRST} portals and with {MORE}: {grown}"
    assert after == before
    not_shown = {url for counts in after.values() for url, (status, _) in counts.items() if status != 200}
    assert not_shown <= {"/admin/pages/"}, "a commune's people go from the root of the tree to their home page"


# ---- what each one sees -----------------------------------------------------------------------------------------


def test_a_communes_editor_explores_only_their_portal(province):
    portals, people = province.portals, province.people
    own, neighbour = portals[0], portals[1]
    client = signed_in(people.editor)

    assert client.get("/admin/pages/").url == f"/admin/pages/{own.home.pk}/"
    for page in (own.home, own.section):
        listing = shown(client.get(f"/admin/pages/{page.pk}/"))
        assert marks(listing) == {0}, "no other portal's name, not even among the filters"
        assert options(listing, "site") == {str(own.site.pk)}
        assert "Xã Bên" not in listing, "another portal's editor is no owner or editor to filter by"
    assert "Tin tức xã Thử 000" in shown(client.get(f"/admin/pages/{own.home.pk}/"))
    assert client.get(f"/admin/pages/{neighbour.home.pk}/").url == f"/admin/pages/{own.home.pk}/"


def test_a_user_of_several_portals_explores_those_only(province):
    portals, people = province.portals, province.people
    client = signed_in(people.several)

    root = shown(client.get("/admin/pages/"))
    assert marks(root) == set(OWN)
    assert options(root, "site") == {str(portal.site.pk) for portal in portals[: len(OWN)]}
    assert "Xã Bên" in root, "the editor of portal 1, one of theirs, owns a page there"
    outside = portals[len(OWN)]
    assert client.get(f"/admin/pages/{outside.home.pk}/").status_code == 302, "no other portal's page, even by address"
    assert client.get(f"/admin/pages/{outside.section.pk}/").status_code == 302

    for url in ["/admin/images/", "/admin/documents/", "/admin/images/chooser/", "/admin/documents/chooser/"]:
        listing = shown(client.get(url))
        assert marks(listing) == set(OWN), f"{url}: their portals' items and collections, no other's"

    dashboard = shown(client.get("/admin/"))
    pages_of_theirs = 2 * len(OWN) + 3  # a home and a section each, two pages of portal 1's editor, one of portal 0's
    count = re.search(r"(\d+) trang <span", dashboard)
    assert count and int(count[1]) == pages_of_theirs, "the dashboard counts the pages of their portals"


def test_a_communes_editor_cannot_open_another_portals_page(province):
    portals, people = province.portals, province.people
    client = signed_in(people.editor)

    assert client.get(f"/admin/pages/{portals[0].section.pk}/edit/").status_code == 200
    for page in (portals[1].home, portals[1].section):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403, 404)
        assert "Thử 001" not in shown(response)


def test_choosers_offer_only_the_users_portal(province):
    portals, people = province.portals, province.people
    own, neighbour = portals[0], portals[1]
    client = signed_in(people.editor)

    assert marks(shown(client.get("/admin/choose-page/"))) == {0}
    assert marks(shown(client.get(f"/admin/choose-page/{own.home.pk}/"))) == {0}
    assert "Tin tức xã Thử 000" in shown(client.get(f"/admin/choose-page/{own.home.pk}/"))
    assert "Tin tức xã Thử 001" not in shown(client.get(f"/admin/choose-page/{neighbour.home.pk}/"))
    assert marks(shown(client.get("/admin/choose-page/search/?q=Thử"))) == {0}

    for url, title in [
        ("/admin/images/chooser/", "Ảnh xã Thử 000"),
        ("/admin/documents/chooser/", "Tệp xã Thử 000"),
        ("/admin/media/chooser/", "Phim xã Thử 000"),
    ]:
        chooser = shown(client.get(url))
        assert title in chooser, url
        assert marks(chooser) == {0}, f"{url}: no other portal's item or collection"
    media = shown(client.get("/admin/media/chooser/"))
    assert 'name="collection_id"' not in media, "one collection of their own: no collection menu"

    several = shown(signed_in(people.several).get("/admin/media/chooser/"))
    collections = set(re.findall(r"Xã Thử (\d{3})\s*</option>", several))
    assert collections == {f"{number:03d}" for number in OWN}, "the collection menu: their ten portals'"


def test_listings_and_searches_show_only_the_users_portal(province):
    people = province.people
    client = signed_in(people.editor)

    for url, title in [
        ("/admin/images/", "Ảnh xã Thử 000"),
        ("/admin/documents/", "Tệp xã Thử 000"),
        ("/admin/media/", "Phim xã Thử 000"),
        ("/admin/pages/search/?q=Thử", "Tin tức xã Thử 000"),
        ("/admin/images/?q=Thử", "Ảnh xã Thử 000"),
        ("/admin/documents/?q=Thử", "Tệp xã Thử 000"),
        ("/admin/media/?q=Thử", "Phim xã Thử 000"),
    ]:
        listing = shown(client.get(url))
        assert title in listing, url
        assert marks(listing) == {0}, url


def test_the_province_office_sees_every_portal(province):
    portals, people = province.portals, province.people
    client = signed_in(people.province)
    every = {portal.number for portal in portals}

    root = shown(client.get("/admin/pages/"))
    assert marks(root) == every
    assert options(root, "site") == {str(site.pk) for site in Site.objects.all()}
    assert marks(shown(client.get("/admin/choose-page/"))) == every
    assert {0, 1} <= marks(shown(client.get("/admin/choose-page/search/?q=Thử")))
    for url in ["/admin/images/chooser/", "/admin/documents/chooser/", "/admin/media/chooser/", "/admin/media/"]:
        assert {0, 1} <= marks(shown(client.get(url))), url
    assert client.get(f"/admin/pages/{portals[1].section.pk}/edit/").status_code == 200


# ---- approval ---------------------------------------------------------------------------------------------------


def approve_url(task_state):
    page_id = task_state.workflow_state.object_id
    return reverse("wagtailadmin_pages:workflow_action", args=(page_id, "approve", task_state.pk))


def refused(response) -> bool:
    """Wagtail's admin answers a refused action with 403, or for a page with a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def test_only_a_portals_approvers_approve_its_pages(province):
    people, in_review = province.people, province.in_review
    own, neighbours = in_review[0], in_review[1]

    editor = signed_in(people.editor)
    assert approve_url(own) not in shown(editor.get("/admin/")), "an editor is offered no approval"
    assert refused(editor.post(approve_url(own), {"comment": ""}))

    approver = signed_in(people.approver)
    dashboard = shown(approver.get("/admin/"))
    assert approve_url(own) in dashboard
    assert "Bài chờ duyệt xã Thử 001" not in dashboard and approve_url(neighbours) not in dashboard
    assert refused(approver.post(approve_url(neighbours), {"comment": ""}))
    for task_state in (own, neighbours):
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_IN_PROGRESS

    approver.post(approve_url(own), {"comment": "Đồng ý."})
    own.refresh_from_db()
    assert own.status == TaskState.STATUS_APPROVED, "their own portal's page they approve"


def test_reports_listing_every_portal_are_neither_offered_nor_served_to_a_communes_people(province):
    editor, office = signed_in(province.people.editor), signed_in(province.people.province)
    reports = ["/admin/reports/workflow/", "/admin/reports/workflow_tasks/", "/admin/reports/page-types-usage/"]
    for url in reports:
        assert refused(editor.get(url)), url
        assert office.get(url).status_code == 200, url
    dashboard = editor.get("/admin/").content.decode()
    assert not any(url in dashboard for url in reports), "the menu does not offer them"
    assert all(url in office.get("/admin/").content.decode() for url in reports)
