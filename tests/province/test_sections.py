"""Moving content between portals (province/sections.py): the whole content of the former Gia Lộc district's portal
(the demo, the default site in the tests) into an archive section of the new commune's portal, a section between two
component portals; everything kept, old addresses and the routes below them answering 301 with the new ones, the
search and the page cache following; every bad input refused with its reason, nothing changed; the command and the
admin form."""

import io
import re
from urllib.parse import urlsplit

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils.translation import gettext as _

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    Site,
    Workflow,
    WorkflowState,
)

import pytest
from wagtailmedia.models import get_media_model

from documents.models import LegalDocumentFile
from gallery.models import AlbumIndexPage, AlbumPhoto
from home.models import HomePage, StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from notices.models import ExamSession, NoticeAttachment, WorkWeekPage
from portal.tree import publish
from province.components import ComponentUnit, UnitKind, create_component_site
from province.models import ArchiveSectionPage, MovedSection
from province.sections import NothingToMove, SectionMoveError, move_section
from search.models import SearchDocument
from visitors.models import PageDailyCount

pytestmark = pytest.mark.django_db

NEW_HOST = "gialoc.haiphong.gov.vn"
ARCHIVE = f"http://{NEW_HOST}/luu-tru-huyen-gia-loc"
ADMIN_FORM = "/admin/component-sites/move-section/"


@pytest.fixture
def commune():
    """The commune that takes over the district's name: its own portal, made as the province makes one."""
    return create_component_site(ComponentUnit("Gia Lộc", UnitKind.COMMUNE, NEW_HOST)).site


@pytest.fixture
def archived(site, commune):
    """The district's whole content moved into "Lưu trữ huyện Gia Lộc" on the commune's portal."""
    return move_section(site.root_page, commune.root_page, archive=True)


def tree():
    """Where every page is, and what would change if anything moved."""
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "path", "url_path", "live")),
        "revisions": Revision.objects.count(),
        "moved sections": MovedSection.objects.count(),
        "redirects": Redirect.objects.count(),
    }


def kept(ids):
    """What belongs to the pages ``ids`` and must follow them unchanged."""
    ids = list(ids)
    return {
        "revisions": dict(
            Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids])
            .values_list("object_id")
            .annotate(Count("pk"))
        ),
        "legal document files": list(
            LegalDocumentFile.objects.filter(page__in=ids).order_by("pk").values_list("page", "document")
        ),
        "notice files": list(
            NoticeAttachment.objects.filter(page__in=ids).order_by("pk").values_list("page", "document")
        ),
        "album photos": list(AlbumPhoto.objects.filter(page__in=ids).order_by("pk").values_list("page", "image")),
        "exam sessions": list(ExamSession.objects.filter(page__in=ids).order_by("pk").values_list("page", "date")),
        "visitor counts": list(
            PageDailyCount.objects.filter(page__in=ids).order_by("pk").values_list("page", "day", "views")
        ),
        "workflow states": list(
            WorkflowState.objects.filter(base_content_type__isnull=False, object_id__in=[str(pk) for pk in ids])
            .order_by("pk")
            .values_list("object_id", "workflow", "status", "current_task_state")
        ),
    }


def files():
    return {
        model.__name__: list(model.objects.order_by("pk").values_list("pk", "collection", "file"))
        for model in (get_document_model(), get_image_model(), get_media_model())
    }


def new_address(page) -> tuple[str, str]:
    """(host, path) of a page's full URL."""
    parts = urlsplit(page.get_full_url())
    return parts.hostname, parts.path


# The district's portal archived in the commune's


def test_an_archive_section_holds_what_a_home_page_holds_and_only_the_move_makes_one(site):
    sections = set(HomePage.allowed_subpage_models())
    assert {NewsIndexPage, AlbumIndexPage, StandardPage, ArchiveSectionPage} <= sections
    assert set(ArchiveSectionPage.allowed_subpage_models()) == sections
    assert set(ArchiveSectionPage.allowed_parent_page_models()) == {HomePage, StandardPage, ArchiveSectionPage}
    assert not ArchiveSectionPage.can_create_at(site.root_page.specific), "editors do not make one by hand"


def test_archiving_keeps_every_page_with_its_revisions_files_workflow_and_counts(site, commune, admin_user):
    article = NewsArticlePage.objects.live().descendant_of(site.root_page).first()
    article.lead += " Bản sửa chờ duyệt."
    article.save_revision(user=admin_user)
    Workflow.objects.get(name="Duyệt tin").start(article, admin_user)
    below = set(Page.objects.descendant_of(site.root_page).values_list("pk", flat=True))
    before, files_before, revisions = kept(below), files(), Revision.objects.count()
    assert before["workflow states"] and before["legal document files"] and before["album photos"]
    assert before["visitor counts"] and before["exam sessions"]

    outcome = move_section(site.root_page, commune.root_page, archive=True)

    archive = ArchiveSectionPage.objects.get()
    assert set(Page.objects.descendant_of(archive).values_list("pk", flat=True)) == below, "the same pages, ids kept"
    assert not site.root_page.get_children().exists()
    assert kept(below) == before
    assert files() == files_before, "images, documents and media stay as they are, in their collections"
    assert Revision.objects.count() == revisions + 2, "one for the archive page, one for the notice on the old home"
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert outcome.pages == len(below)
    assert outcome.redirects == len(outcome.items) == archive.get_children().count() == MovedSection.objects.count()
    moves = PageLogEntry.objects.filter(action="wagtail.move", page__in=archive.get_children())
    assert moves.count() == len(outcome.items), "each section's history says it moved"
    assert archive.get_site() == commune
    assert archive.live and archive.former_portal == "Cổng thông tin điện tử huyện Gia Lộc"


def test_every_moved_page_answers_at_its_new_address_and_its_old_one_redirects_there(archived, client, rf):
    archive = ArchiveSectionPage.objects.get()
    pages = Page.objects.descendant_of(archive).live().public().specific()
    assert len(pages) > 100
    shown = set()
    for page in pages:
        new_url = page.get_full_url()
        assert new_url.startswith(ARCHIVE + "/"), new_url
        old_path = new_url.removeprefix(ARCHIVE)
        old = client.get(old_path)
        assert (old.status_code, old["Location"]) == (301, new_url), old_path
        host, path = new_address(page)
        assert Page.find_for_request(rf.get(path, HTTP_HOST=host), path) == page, "the new host routes to it"
        if type(page) in shown and page.depth > archive.depth + 1:
            continue  # rendering one page of each type below the sections is enough; routing was checked above
        shown.add(type(page))
        new = client.get(path, HTTP_HOST=host)
        if isinstance(page, WorkWeekPage):  # a week's page shows the schedule at that week, as before the move
            assert new.status_code == 302 and "/luu-tru-huyen-gia-loc/lich-lam-viec/?tuan=" in new["Location"], path
        else:
            assert new.status_code == 200, path


def test_the_routes_below_a_moved_section_redirect_to_the_same_route_below_its_new_address(archived, client):
    article = NewsArticlePage.objects.live().order_by("-display_date").first()
    category = article.primary_category
    session = ExamSession.objects.first()
    routes = [
        f"/tin-tuc/chuyen-muc/{category.slug}/",
        f"/tin-tuc/chuyen-muc/{category.slug}/rss/",
        "/tin-tuc/rss/",
        f"/tin-tuc/{article.display_date.year}/",
        f"/tin-tuc/{article.display_date.year}/{article.display_date.month}/",
        "/tin-tuc/?page=2",
        "/thong-bao/lich-thi/",
        "/thong-bao/rss/tuyen-dung/",
        "/thong-bao/?loai=tuyen-dung&nam=2023",
        f"/thong-bao/lich-thi/{session.pk}/ical/",
        "/lich-lam-viec/?tuan=2023-W06",
        "/lich-lam-viec/ical/",
        f"/tin-tuc/{article.slug}/?print=1",
    ]
    for route in routes:
        response = client.get(route)
        assert response.status_code == 301, route
        assert response["Location"] == ARCHIVE + route
        target = urlsplit(response["Location"])
        query = f"?{target.query}" if target.query else ""
        assert client.get(target.path + query, HTTP_HOST=target.hostname).status_code == 200, route

    without_slash = client.get("/tin-tuc")
    assert (without_slash.status_code, without_slash["Location"]) == (301, f"{ARCHIVE}/tin-tuc/")
    assert client.get("/khong-co-trang-nay/").status_code == 404, "only what was below a moved section redirects"
    assert client.get("/tim-kiem/", {"q": "gia loc"}).status_code == 200, "the old host still answers itself"


def test_the_former_home_page_links_the_archive_and_the_archive_lists_its_sections(archived, site, client):
    home = client.get("/")
    assert home.status_code == 200
    assert f'href="{ARCHIVE}/"' in home.content.decode()

    archive = ArchiveSectionPage.objects.get()
    page = client.get("/luu-tru-huyen-gia-loc/", HTTP_HOST=NEW_HOST).content.decode()
    assert "Cổng thông tin điện tử huyện Gia Lộc" in page
    assert archive.archived_since.strftime("%d/%m/%Y") in page
    for section in archive.get_children().live():
        assert f'href="/luu-tru-huyen-gia-loc/{section.slug}/"' in page, section.title


def test_the_search_finds_moved_pages_at_their_new_addresses_only(site, commune, client):
    article = NewsArticlePage.objects.live().descendant_of(site.root_page).order_by("-display_date").first()
    old_url = article.get_full_url()
    move_section(site.root_page, commune.root_page, archive=True)
    article.refresh_from_db()
    _host, new_path = new_address(article)

    assert set(SearchDocument.objects.filter(page_id=article.pk).values_list("path", flat=True)) == {article.path}
    found = client.get("/tim-kiem/", {"q": article.title}, HTTP_HOST=NEW_HOST).content.decode()
    assert new_path in found
    on_the_old_host = client.get("/tim-kiem/", {"q": article.title}).content.decode()
    assert old_url not in on_the_old_host
    assert f'href="{old_url.removeprefix("http://localhost")}"' not in on_the_old_host


def test_the_page_cache_forgets_the_moved_pages(site, commune, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    for _round in range(2):  # the second answer comes from the page cache
        assert client.get("/tin-tuc/").status_code == 200
    move_section(site.root_page, commune.root_page, archive=True)
    assert client.get("/tin-tuc/").status_code == 301


def test_archiving_again_moves_nothing(archived, site, commune):
    before = tree()
    with pytest.raises(NothingToMove) as nothing:
        move_section(site.root_page, commune.root_page, archive=True)
    assert str(nothing.value) == _("Nothing to move: the home page of %(host)s has no pages below it.") % {
        "host": "localhost"
    }
    with pytest.raises(NothingToMove) as by_address:
        move_section("localhost/tin-tuc/", f"{NEW_HOST}/luu-tru-huyen-gia-loc/")
    assert f"{ARCHIVE}/tin-tuc/" in str(by_address.value), "the old address says where the section went"
    assert tree() == before


def test_a_page_made_later_on_the_former_portal_joins_the_same_archive(archived, site, commune, client):
    late = publish(site.root_page, StandardPage(title="Thông tin bổ sung", slug="thong-tin-bo-sung"))
    outcome = move_section("http://localhost/", NEW_HOST, archive=True)
    assert not outcome.archive_created
    assert ArchiveSectionPage.objects.count() == 1
    late.refresh_from_db()
    assert late.get_parent().specific == ArchiveSectionPage.objects.get()
    assert client.get("/thong-tin-bo-sung/")["Location"] == f"{ARCHIVE}/thong-tin-bo-sung/"
    link = f'linktype="page" id="{late.get_parent().pk}"'
    home = Page.objects.get(pk=site.root_page_id).specific
    notices = [block for block in home.body if block.block_type == "text" and link in block.value["text"].source]
    assert len(notices) == 1, "the notice on the former home page is not repeated"


# A section between two component portals, and within one


@pytest.fixture
def two_communes():
    an_lac = create_component_site(ComponentUnit("An Lạc", UnitKind.COMMUNE, "anlac.haiphong.gov.vn")).site
    tan_hung = create_component_site(ComponentUnit("Tân Hưng", UnitKind.COMMUNE, "tanhung.haiphong.gov.vn")).site
    about = an_lac.root_page.get_children().get(slug="gioi-thieu")
    history = publish(
        about, StandardPage(title="Lịch sử làng vải thiều An Lạc", slug="lich-su-lang-vai", intro="Làng vải thiều.")
    )
    publish(history, StandardPage(title="Đình làng An Lạc", slug="dinh-lang", intro="Đình làng vải thiều."))
    return an_lac, tan_hung, history


def test_a_section_moves_between_two_component_portals(two_communes, client):
    redirects = Redirect.objects.count()
    outcome = move_section(
        "anlac.haiphong.gov.vn/gioi-thieu/lich-su-lang-vai/", "http://tanhung.haiphong.gov.vn/gioi-thieu/"
    )
    new_url = "http://tanhung.haiphong.gov.vn/gioi-thieu/lich-su-lang-vai/"
    assert (outcome.pages, outcome.redirects, outcome.items[0].new_url) == (2, 1, new_url)
    assert Redirect.objects.count() == redirects, "Wagtail makes no redirects across sites: the section's row does"

    for path in ["/gioi-thieu/lich-su-lang-vai/", "/gioi-thieu/lich-su-lang-vai/dinh-lang/"]:
        assert client.get(path, HTTP_HOST="tanhung.haiphong.gov.vn").status_code == 200
        old = client.get(path + "?print=1", HTTP_HOST="anlac.haiphong.gov.vn")
        assert (old.status_code, old["Location"]) == (301, f"http://tanhung.haiphong.gov.vn{path}?print=1")

    def search(host):
        return client.get("/tim-kiem/", {"q": "lang vai thieu"}, HTTP_HOST=host).content.decode()

    found = 'href="/gioi-thieu/lich-su-lang-vai/dinh-lang/"'
    assert found in search("tanhung.haiphong.gov.vn")
    assert found not in search("anlac.haiphong.gov.vn")


def test_a_section_moves_within_its_portal(two_communes, client):
    move_section("anlac.haiphong.gov.vn/lien-he/", "anlac.haiphong.gov.vn/gioi-thieu/")
    host = {"HTTP_HOST": "anlac.haiphong.gov.vn"}
    assert client.get("/gioi-thieu/lien-he/", **host).status_code == 200
    old = client.get("/lien-he/", **host)
    assert old.status_code == 301 and old["Location"].endswith("/gioi-thieu/lien-he/")


def test_a_section_moved_back_does_not_send_visitors_round_in_a_circle(two_communes, client):
    an_lac, tan_hung, history = two_communes
    move_section(history, tan_hung.root_page.get_children().get(slug="gioi-thieu"))
    move_section(history.pk, an_lac.root_page.get_children().get(slug="gioi-thieu").pk)
    host = {"HTTP_HOST": "anlac.haiphong.gov.vn"}
    assert client.get("/gioi-thieu/lich-su-lang-vai/", **host).status_code == 200
    assert client.get("/gioi-thieu/lich-su-lang-vai/khong-co/", **host).status_code == 404
    old = client.get("/gioi-thieu/lich-su-lang-vai/", HTTP_HOST="tanhung.haiphong.gov.vn")
    assert old["Location"] == "http://anlac.haiphong.gov.vn/gioi-thieu/lich-su-lang-vai/"


# Bad input: the reason, and nothing changed


def page_at(host: str, path: str) -> Page:
    site = Site.objects.get(hostname=host)
    return Page.objects.get(url_path=site.root_page.url_path + path.lstrip("/"))


BAD_INPUT = [
    # (source, destination, archive, title, field, expected message)
    (
        "khong-co.example/tin-tuc/",
        NEW_HOST,
        False,
        "",
        "source",
        lambda: _("No site answers at %(host)s.") % {"host": "khong-co.example"},
    ),
    (
        "localhost/khong-co/",
        NEW_HOST,
        False,
        "",
        "source",
        lambda: _("There is no page at %(url)s.") % {"url": "http://localhost/khong-co/"},
    ),
    ("987654", NEW_HOST, False, "", "source", lambda: _("There is no page with id %(id)s.") % {"id": "987654"}),
    (
        "ftp://localhost/tin-tuc/",
        NEW_HOST,
        False,
        "",
        "source",
        lambda: (
            _(
                "“%(address)s” is neither a page address nor a page id: write e.g. gialoc.haiphong.gov.vn/tin-tuc/ "
                "or 42."
            )
            % {"address": "ftp://localhost/tin-tuc/"}
        ),
    ),
    (
        "localhost/tin-tuc/",
        "khong-co.example",
        False,
        "",
        "destination",
        lambda: _("No site answers at %(host)s.") % {"host": "khong-co.example"},
    ),
    ("1", NEW_HOST, False, "", "source", lambda: _("The root of the page tree cannot move.")),
    (
        "localhost/",
        NEW_HOST,
        False,
        "",
        "source",
        lambda: (
            _("%(title)s is the home page of the site at %(host)s: to move everything below it, use the archive mode.")
            % {"title": "Trang chủ", "host": "localhost"}
        ),
    ),
    (
        "localhost/van-ban/",
        lambda: page_at("localhost", "/van-ban/").get_children().first().pk,
        False,
        "",
        "destination",
        lambda: (
            _("The destination %(title)s is inside the section to move.")
            % {"title": page_at("localhost", "/van-ban/").get_children().first().title}
        ),
    ),
    (
        "localhost/tin-tuc/",
        "localhost/",
        False,
        "",
        "destination",
        lambda: (
            _("Nothing to move: %(title)s is below %(parent)s already.") % {"title": "Tin tức", "parent": "Trang chủ"}
        ),
    ),
    (
        "localhost/tin-tuc/",
        f"{NEW_HOST}/thu-vien-anh/",
        False,
        "",
        "destination",
        lambda: (
            _("%(parent)s (%(parent_type)s) cannot hold %(page)s, which is a %(type)s.")
            % {
                "parent": "Thư viện ảnh",
                "parent_type": AlbumIndexPage._meta.verbose_name,
                "page": "Tin tức",
                "type": NewsIndexPage._meta.verbose_name,
            }
        ),
    ),
    (
        "localhost/tin-tuc/",
        NEW_HOST,
        False,
        "",
        "destination",
        lambda: (
            _("%(parent)s has a %(type)s already and may hold only one.")
            % {"parent": "Cổng thông tin điện tử xã Gia Lộc", "type": NewsIndexPage._meta.verbose_name}
        ),
    ),
    (
        "localhost/lien-he/",
        NEW_HOST,
        False,
        "",
        "destination",
        lambda: (
            _("%(parent)s has a page at %(url)s already.")
            % {"parent": "Cổng thông tin điện tử xã Gia Lộc", "url": f"http://{NEW_HOST}/lien-he/"}
        ),
    ),
    (
        "localhost/tin-tuc/",
        NEW_HOST,
        True,
        "",
        "source",
        lambda: (
            _("In the archive mode the source is the home page of a site; %(title)s is not.") % {"title": "Tin tức"}
        ),
    ),
    (
        "localhost/",
        "localhost/gioi-thieu/",
        True,
        "",
        "destination",
        lambda: _("The destination %(title)s is inside the site to archive.") % {"title": "Giới thiệu"},
    ),
    (
        "localhost/",
        f"{NEW_HOST}/tin-tuc/",
        True,
        "",
        "destination",
        lambda: (
            _("An archive section goes below a home page or an information page; %(title)s is a %(type)s.")
            % {"title": "Tin tức", "type": NewsIndexPage._meta.verbose_name}
        ),
    ),
    (
        "localhost/",
        NEW_HOST,
        True,
        "Giới thiệu",
        "archive_title",
        lambda: (
            _("%(url)s is taken by a page that is not an archive section: choose another title.")
            % {"url": f"http://{NEW_HOST}/gioi-thieu/"}
        ),
    ),
    (
        "localhost/",
        NEW_HOST,
        True,
        "!!!",
        "archive_title",
        lambda: _("The archive section's title needs letters or digits."),
    ),
]


@pytest.mark.parametrize(("source", "destination", "archive", "title", "field", "reason"), BAD_INPUT)
def test_a_bad_input_is_refused_with_its_reason_and_changes_nothing(
    commune, source, destination, archive, title, field, reason
):
    destination = destination() if callable(destination) else destination
    before = tree()
    with pytest.raises(SectionMoveError) as refused:
        move_section(source, destination, archive=archive, archive_title=title)
    assert str(refused.value) == reason()
    assert refused.value.field == field
    assert tree() == before


def test_a_private_section_is_not_made_public_by_a_move(site, commune, client):
    library = site.root_page.get_children().get(slug="van-ban")
    PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)
    taken = set(commune.root_page.get_children().get(slug="van-ban").get_children().values_list("slug", flat=True))
    shelf = library.get_children().exclude(slug__in=taken).first()
    before = tree()
    with pytest.raises(SectionMoveError) as refused:
        move_section(shelf, f"{NEW_HOST}/van-ban/")
    assert "Hệ thống văn bản" in str(refused.value), "the reason names the restricted page"
    assert tree() == before

    move_section(site.root_page, commune.root_page, archive=True)  # the restricted page moves with its restriction
    assert PageViewRestriction.objects.get().page_id == library.pk
    assert client.get("/luu-tru-huyen-gia-loc/van-ban/", HTTP_HOST=NEW_HOST).status_code == 302, "login first"


# The command and the admin


def test_the_command_checks_moves_reports_and_then_has_nothing_to_move(site, commune):
    checked = io.StringIO()
    call_command("move_section", "http://localhost/", "--to", NEW_HOST, "--archive", "--dry-run", stdout=checked)
    assert f"{ARCHIVE}/tin-tuc/" in checked.getvalue()
    assert not ArchiveSectionPage.objects.exists() and not MovedSection.objects.exists(), "a check changes nothing"

    out = io.StringIO()
    call_command("move_section", "localhost", "--to", f"http://{NEW_HOST}/", "--archive", stdout=out)
    lines = out.getvalue().splitlines()
    assert f"({ARCHIVE}/)" in lines[0]
    assert "http://localhost/tin-tuc/ → " + f"{ARCHIVE}/tin-tuc/" in out.getvalue()
    sections = MovedSection.objects.count()
    pages = Page.objects.descendant_of(ArchiveSectionPage.objects.get()).count()
    assert re.search(rf"\b{pages}\b", lines[-2]) and re.search(rf"\b{sections}\b", lines[-1])
    assert len(lines) == sections + 3

    again = io.StringIO()
    call_command("move_section", "localhost", "--to", NEW_HOST, "--archive", stdout=again)
    assert again.getvalue().strip() == _("Nothing to move: the home page of %(host)s has no pages below it.") % {
        "host": "localhost"
    }
    with pytest.raises(CommandError, match=r"khong-co\.example"):
        call_command("move_section", "khong-co.example/", "--to", NEW_HOST, stdout=io.StringIO())


def test_the_province_office_moves_a_section_in_the_admin(site, commune, admin_client, admin_user):
    assert ADMIN_FORM in admin_client.get("/admin/").content.decode(), "the Settings menu offers it"
    assert admin_client.get(ADMIN_FORM).status_code == 200
    data = {"source": site.root_page_id, "destination": commune.root_page_id, "archive": "on", "archive_title": ""}

    checked = admin_client.post(ADMIN_FORM, {**data, "dry_run": "on"})
    assert checked.status_code == 200
    assert f"{ARCHIVE}/tin-tuc/" in checked.content.decode()
    assert not ArchiveSectionPage.objects.exists()

    moved = admin_client.post(ADMIN_FORM, data, follow=True)
    assert moved.redirect_chain[-1][0] == ADMIN_FORM
    assert f"{ARCHIVE}/" in moved.content.decode()
    assert "http://localhost/tin-tuc/" in moved.content.decode(), "the page lists the moved sections"
    section = ArchiveSectionPage.objects.get().get_children().first()
    assert PageLogEntry.objects.get(action="wagtail.move", page=section).user == admin_user

    again = admin_client.post(ADMIN_FORM, data)
    assert again.status_code == 200 and again.context["form"].errors["source"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"archive": ""}, "source"),  # a home page moves only in the archive mode
        ({"destination": "987654"}, "destination"),
        ({"archive_title": "Giới thiệu"}, "archive_title"),
    ],
)
def test_the_admin_form_names_what_is_wrong_and_moves_nothing(site, commune, admin_client, change, field):
    data = {"source": site.root_page_id, "destination": commune.root_page_id, "archive": "on", **change}
    before = tree()
    response = admin_client.post(ADMIN_FORM, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert tree() == before


def test_only_who_may_add_sites_moves_sections_in_the_admin(site, commune, client, django_user_model):
    editor = django_user_model.objects.create_user("bientap-gialoc")
    editor.groups.add(Group.objects.get(name="Biên tập viên – Xã Gia Lộc"))
    client.force_login(editor)
    assert ADMIN_FORM not in client.get("/admin/", follow=True).content.decode()
    before = tree()
    data = {"source": site.root_page_id, "destination": commune.root_page_id, "archive": "on"}
    assert client.post(ADMIN_FORM, data).status_code in (302, 403)
    assert tree() == before
