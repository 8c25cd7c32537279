"""The admin report "Page usefulness": the least useful pages first, each portal's people see their own portal only,
and its queries do not grow with the pages."""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest

from home.models import StandardPage
from province.components import ComponentUnit, UnitKind, create_component_site
from ratings.models import PageRating, RatingComment

pytestmark = pytest.mark.django_db
URL = "/admin/reports/page-usefulness/"


@pytest.fixture(autouse=True)
def site_root_paths_forgotten():
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


def rate(page, site, useful, not_useful, days_ago=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    PageRating.objects.create(site=site, page=page, day=day, useful=useful, not_useful=not_useful)


def refused(response) -> bool:
    """Wagtail answers a refusal in the admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_(db):
    return signed_in(get_user_model().objects.create_superuser("quan-tri-danh-gia", "q@gialoc.example", "pw"))


@pytest.fixture
def pages(site):
    home = site.root_page
    return [
        home.add_child(instance=StandardPage(title=f"Trang đánh giá {n}", slug=f"trang-danh-gia-{n}")) for n in range(3)
    ]


def test_the_least_useful_page_comes_first(admin_client_, site, pages):
    rate(pages[0], site, useful=9, not_useful=1)
    rate(pages[1], site, useful=2, not_useful=8)
    rate(pages[2], site, useful=1, not_useful=2)  # too few answers to be ranked
    rate(pages[0], site, useful=0, not_useful=50, days_ago=100)  # outside the 30 days
    RatingComment.objects.create(site=site, page=pages[1], useful=False, text="Thiếu biểu mẫu đính kèm")
    response = admin_client_.get(URL)
    assert response.status_code == 200
    assert [score.page.pk for score in response.context["scores"]] == [pages[1].pk, pages[0].pk]
    assert (response.context["useful"], response.context["not_useful"]) == (12, 11)
    assert "Thiếu biểu mẫu đính kèm" in response.content.decode()
    weeks = response.context["weeks"]
    assert len(weeks) in (5, 6) and weeks[0].votes == 23  # this week first
    longer = admin_client_.get(URL, {"days": "365"})
    assert [score.page.pk for score in longer.context["scores"]] == [pages[0].pk, pages[1].pk]


def test_the_ranked_pages_download_as_csv(admin_client_, site, pages):
    rate(pages[1], site, useful=2, not_useful=8)
    rate(pages[0], site, useful=9, not_useful=1)
    pages[0].title = "=HYPERLINK(1)"
    pages[0].save()
    response = admin_client_.get(URL, {"days": "90", "export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert len(rows) == 3 and rows[1].startswith("Trang đánh giá 1,") and rows[1].endswith(",2,8,80")
    assert rows[2].startswith("'=HYPERLINK(1)")


@pytest.mark.parametrize("days", ["7", "abc", "", "99999999999999999999"])
def test_an_unknown_period_shows_the_default(admin_client_, days):
    response = admin_client_.get(URL, {"days": days})
    assert response.status_code == 200 and response.context["days"] == 30


@pytest.fixture(scope="module")
def communes(django_db_setup, django_db_blocker):
    """Two component portals, each with a rated page and an editor; built once, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        Site.clear_site_root_paths_cache()
        made = {}
        for host, name in (("anlac.example", "An Lạc"), ("tanhung.example", "Tân Hưng")):
            commune = create_component_site(ComponentUnit(name, UnitKind.COMMUNE, host)).site
            page = commune.root_page.get_children().live().first()
            rate(page, commune, useful=1, not_useful=9)
            editor = get_user_model().objects.create_user(f"bientap-{host.split('.')[0]}")
            editor.groups.add(apps.get_model("auth", "Group").objects.get(name=f"Biên tập viên – Xã {name}"))
            made[host] = (commune, page, editor)
        yield made
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()


def test_a_communes_editor_sees_only_their_portal(communes):
    commune, page, editor = communes["anlac.example"]
    other, _other_page, _other_editor = communes["tanhung.example"]
    client = signed_in(editor)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["sites"] == [commune]
    assert [score.page.pk for score in response.context["scores"]] == [page.pk]
    assert 'id="ratings-site"' not in response.content.decode()
    assert refused(client.get(URL, {"site": other.pk}))
    assert refused(client.get(URL, {"site": "abc"}))
    assert "page-usefulness" in client.get("/admin/").content.decode()


def test_the_province_office_chooses_any_portal(admin_client_, communes, site, pages):
    other, other_page, _editor = communes["tanhung.example"]
    rate(pages[0], site, useful=0, not_useful=10)
    default = admin_client_.get(URL)
    assert len(default.context["sites"]) == 3 and 'id="ratings-site"' in default.content.decode()
    assert default.context["site"] == site  # the default site when the admin's host is none of them
    assert [score.page.pk for score in default.context["scores"]] == [pages[0].pk]
    chosen = admin_client_.get(URL, {"site": other.pk})
    assert [score.page.pk for score in chosen.context["scores"]] == [other_page.pk]


def test_someone_without_a_role_is_refused(db):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("khong-vai-tro")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert refused(signed_in(user).get(URL))


def report_queries(client) -> int:
    client.get(URL)  # per-process caches (content types, site root paths) warmed
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_reports_queries_do_not_grow_with_the_pages(admin_client_, site):
    home = site.root_page

    def add(count, start):
        for n in range(start, start + count):
            page = home.add_child(instance=StandardPage(title=f"Trang đếm {n}", slug=f"trang-dem-{n}"))
            rate(page, site, useful=n % 7, not_useful=7 - n % 7, days_ago=n % 25)
            RatingComment.objects.create(site=site, page=page, useful=False, text=f"Góp ý {n}")

    add(2, 0)
    before = report_queries(admin_client_)
    add(25, 2)
    after = report_queries(admin_client_)
    assert after == before
    assert len(admin_client_.get(URL).context["scores"]) == 20
