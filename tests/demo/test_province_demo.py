"""The demo of ``make run``: the city of Hải Phòng's portal at localhost, three commune portals at *.localhost, the
former Gia Lộc district's portal archived in the commune of Gia Lộc with its old addresses redirecting, shared news
from the city on every commune, and an editor and approver per portal. Built once for the module on top of the
one-site demo the suite uses, and rolled back after it."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Page, Site

import pytest

from demo.portal import DemoPortal
from demo.province import ACCOUNTS, ARCHIVE_TITLE, COMMUNES, FORMER_DISTRICT_HOST, PROVINCE, DemoProvince
from news.models import NewsArticlePage
from notices.models import NoticePage

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("province_demo")]

PORT = 8000


@pytest.fixture(scope="module")
def province(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        Site.clear_site_root_paths_cache()
        pages_before = Page.objects.count()
        DemoProvince(DemoPortal(), port=PORT).load()
        yield {"pages_before": pages_before}
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def site_root_paths_forgotten():
    Site.clear_site_root_paths_cache()


def get(client, host, path="/"):
    return client.get(path, HTTP_HOST=f"{host}:{PORT}")


def test_the_city_is_the_default_site_and_each_commune_answers_at_its_host(province, client):
    default = Site.objects.get(is_default_site=True)
    assert (default.hostname, default.port) == (PROVINCE.host, PORT)
    assert "thành phố Hải Phòng" in get(client, "127.0.0.1").content.decode(), "any other host gets the city"
    for unit in COMMUNES:
        text = get(client, unit.host).content.decode()
        assert unit.portal_title.upper() in text.upper(), unit.host
        assert "Cổng thông tin minh họa" in text, "each portal says it is a demo"


def test_the_former_district_is_an_archive_of_the_commune_of_gia_loc_and_its_addresses_redirect(province, client):
    gialoc = COMMUNES[0].host
    archive = get(client, gialoc, "/luu-tru-huyen-gia-loc/")
    assert archive.status_code == 200 and ARCHIVE_TITLE in archive.content.decode()
    assert "/luu-tru-huyen-gia-loc/" in get(client, gialoc).content.decode(), "the archive is in the main menu"
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    assert article.full_url == f"http://{gialoc}:{PORT}/luu-tru-huyen-gia-loc/tin-tuc/{article.slug}/"
    old = get(client, FORMER_DISTRICT_HOST, f"/tin-tuc/{article.slug}/")
    assert (old.status_code, old["Location"]) == (301, article.full_url)
    listing = get(client, FORMER_DISTRICT_HOST, "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/")
    assert listing.status_code == 301
    assert listing["Location"].endswith("/luu-tru-huyen-gia-loc/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/")
    assert Page.objects.count() > province["pages_before"], "nothing of the district was lost on the way"


def test_the_communes_boxes_show_what_the_commune_and_the_city_publish_now_not_the_archive(province, client):
    home = get(client, COMMUNES[0].host).content.decode()
    assert "Xã Gia Lộc đưa Bộ phận Một cửa mới vào hoạt động" in home
    assert "Thành phố công bố Chỉ số cải cách hành chính" in home, "news from the city"
    notices = home[home.index("box--notices") :]
    assert "Thông báo tuyển dụng công chức cấp xã" in notices, "the city's recruitment, shared"
    old_notice = NoticePage.objects.filter(path__startswith=Site.objects.get(hostname=COMMUNES[0].host).root_page.path)
    old_notice = old_notice.exclude(share_with_components=True).order_by("-issued_on").first()
    assert old_notice is not None and old_notice.title not in notices, "archived notices stay in the archive"


def test_the_city_shares_its_news_notice_and_documents_with_every_commune(province, client):
    for unit in COMMUNES:
        assert "Hướng dẫn người dân nộp hồ sơ trực tuyến" in get(client, unit.host).content.decode()
        assert "Thông báo tuyển dụng công chức cấp xã" in get(client, unit.host, "/thong-bao/").content.decode()
        shelf = get(client, unit.host, "/van-ban/van-ban-cua-tinh/").content.decode()
        assert "Quy định chức năng, nhiệm vụ của các cơ quan chuyên môn" in shelf
    assert "Hội nghị sơ kết một năm vận hành" not in get(client, COMMUNES[1].host).content.decode(), "not shared"


def test_the_city_search_finds_a_communes_article_and_names_its_unit(province, client):
    text = get(client, PROVINCE.host, "/tim-kiem/?q=bo+phan+mot+cua+moi").content.decode()
    assert "Xã Yết Kiêu" in text and "Xã Gia Phúc" in text


def test_each_demo_account_edits_its_own_portal(province):
    User = get_user_model()
    for username, (_first, _last, unit, _role) in ACCOUNTS.items():
        user = User.objects.get(username=username)
        home = Site.objects.get(hostname=unit.host).root_page
        assert home.permissions_for_user(user).can_edit(), username
        others = Site.objects.exclude(hostname=unit.host).exclude(hostname=FORMER_DISTRICT_HOST)
        assert not any(site.root_page.permissions_for_user(user).can_edit() for site in others), username


def test_loading_again_changes_nothing(province):
    counts = (Page.objects.count(), Site.objects.count(), get_user_model().objects.count())
    out = io.StringIO()
    call_command("load_demo", "--port", str(PORT), stdout=out)
    assert "nothing to do" in out.getvalue()
    assert (Page.objects.count(), Site.objects.count(), get_user_model().objects.count()) == counts
    assert f"http://gialoc.localhost:{PORT}/" in out.getvalue()
