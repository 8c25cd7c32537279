"""The province speaks to all its communes: news, notices and documents the province marks for its component portals
appear on every one of them as the one page at its one address, editable only by the province, and a commune can
hide one from its own portal. (In the tests the demo portal is the default site, so it plays the province.)"""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Site

import feedparser
import pytest

from documents.models import LegalDocumentPage
from news.models import NewsArticlePage
from notices.models import NoticePage
from portal.models import HiddenSharedPage
from province.components import ComponentUnit, UnitKind, create_component_site

pytestmark = pytest.mark.django_db

AN_LAC, TAN_HUNG = "anlac.haiphong.gov.vn", "tanhung.haiphong.gov.vn"


@pytest.fixture
def communes():
    return {
        host: create_component_site(ComponentUnit(name, UnitKind.COMMUNE, host)).site
        for host, name in [(AN_LAC, "An Lạc"), (TAN_HUNG, "Tân Hưng")]
    }


def share(page):
    page.share_with_components = True
    page.save_revision().publish()
    return page


@pytest.fixture
def shared(communes):
    """One article, one recruitment notice with exam sessions and one legal document of the province, shared; and
    one article of the province that is not."""
    articles = NewsArticlePage.objects.live().order_by("-display_date")
    notice = NoticePage.objects.live().filter(exam_sessions__isnull=False).distinct().order_by("-issued_on").first()
    return {
        "article": share(articles[0].specific),
        "unshared": articles[1].specific,
        "notice": share(notice),
        "document": share(LegalDocumentPage.objects.live().order_by("-issued_on").first()),
    }


def page_text(client, path, host):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    return response.content.decode()


def province_url(page):
    return page.get_url_parts()[1] + page.get_url_parts()[2]


def test_a_shared_article_is_in_the_news_from_the_province_box_of_every_component(shared, client):
    article, unshared = shared["article"], shared["unshared"]
    for host in (AN_LAC, TAN_HUNG):
        home = page_text(client, "/", host)
        box = home[home.index("Tin từ tỉnh") :]
        assert f'href="{province_url(article)}"' in box, "one page, linked at its one address on the province portal"
        assert article.title in box
        assert unshared.title not in home
    assert province_url(article).startswith("http://localhost/")
    assert "Tin từ tỉnh" not in page_text(client, "/", "localhost"), "the province does not receive its own news"


def test_a_shared_notice_is_among_every_components_notices_box_feed_and_exam_schedule(shared, client):
    notice = shared["notice"]
    session = notice.exam_sessions.first()
    for host in (AN_LAC, TAN_HUNG):
        assert f'href="{province_url(notice)}"' in page_text(client, "/thong-bao/", host)
        feed = feedparser.parse(page_text(client, "/thong-bao/rss/", host))
        assert province_url(notice) in [entry.link for entry in feed.entries]
        if session.date >= notice.issued_on.today():
            assert session.position in page_text(client, "/thong-bao/lich-thi/", host)
        calendar = client.get(f"/thong-bao/lich-thi/thong-bao-{notice.pk}/ical/", HTTP_HOST=host)
        assert calendar.status_code == 200 and b"VEVENT" in calendar.content


def test_a_shared_document_is_on_the_province_shelf_of_every_components_library(shared, client):
    document = shared["document"]
    for host in (AN_LAC, TAN_HUNG):
        link = f'href="{province_url(document)}"'
        assert link in page_text(client, "/van-ban/van-ban-cua-tinh/", host)
        assert link in page_text(client, "/van-ban/", host)
        assert link in page_text(client, "/van-ban/?danh_muc=van-ban-cua-tinh", host)
        assert link not in page_text(client, "/van-ban/van-ban-cua-xa/", host), "not on the commune's own shelf"
        assert link not in page_text(client, "/van-ban/?danh_muc=van-ban-cua-xa", host)


def test_what_is_not_marked_stays_on_the_province_portal(communes, client):
    notice = NoticePage.objects.live().order_by("-issued_on").first()
    document = LegalDocumentPage.objects.live().order_by("-issued_on").first()
    assert province_url(notice) not in page_text(client, "/thong-bao/", AN_LAC)
    assert province_url(document) not in page_text(client, "/van-ban/van-ban-cua-tinh/", AN_LAC)


def test_a_commune_hides_a_shared_page_from_its_own_portal_only(shared, client):
    an_lac = Site.objects.get(hostname=AN_LAC)
    for page in (shared["article"], shared["notice"], shared["document"]):
        HiddenSharedPage.objects.create(site=an_lac, page=page)
    assert shared["article"].title not in page_text(client, "/", AN_LAC)
    assert province_url(shared["notice"]) not in page_text(client, "/thong-bao/", AN_LAC)
    assert province_url(shared["document"]) not in page_text(client, "/van-ban/van-ban-cua-tinh/", AN_LAC)
    assert shared["article"].title in page_text(client, "/", TAN_HUNG)
    assert province_url(shared["notice"]) in page_text(client, "/thong-bao/", TAN_HUNG)


def test_unmarking_takes_a_page_off_every_component(shared, client):
    article = shared["article"]
    article.share_with_components = False
    article.save_revision().publish()
    for host in (AN_LAC, TAN_HUNG):
        assert article.title not in page_text(client, "/", host)


def refused(response):
    """Wagtail's admin answers a refused permission by going back to the dashboard with a message."""
    assert (response.status_code, response.get("Location")) in [(302, "/admin/"), (403, None)]


def user_in(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_only_the_province_edits_a_shared_page_and_only_its_pages_offer_the_mark(
    shared, client, admin_client, django_user_model
):
    client.force_login(user_in(django_user_model, "duyet-anlac", "Người duyệt – Xã An Lạc"))
    edit = reverse("wagtailadmin_pages:edit", args=[shared["article"].pk])
    assert client.get(edit).status_code in (302, 403)
    assert 'name="share_with_components"' in admin_client.get(edit).content.decode()
    commune_news = Site.objects.get(hostname=AN_LAC).root_page.get_children().get(slug="tin-tuc")
    add = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", commune_news.pk])
    assert 'name="share_with_components"' not in admin_client.get(add).content.decode()
    province_news = NewsArticlePage.objects.live().first().get_parent()
    add = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", province_news.pk])
    assert 'name="share_with_components"' in admin_client.get(add).content.decode()


def test_a_communes_approver_hides_and_shows_again_in_the_admin(shared, client, django_user_model):
    an_lac = Site.objects.get(hostname=AN_LAC)
    client.force_login(user_in(django_user_model, "duyet-anlac", "Người duyệt – Xã An Lạc"))
    listing = client.get(reverse("portal_shared_pages")).content.decode()
    assert shared["article"].title in listing and shared["unshared"].title not in listing
    assert "Tân Hưng" not in listing, "a commune's approver sees their own portal only"
    hide = reverse("portal_hide", args=[an_lac.pk, shared["article"].pk])
    assert client.post(hide).status_code == 302
    assert HiddenSharedPage.objects.filter(site=an_lac, page=shared["article"]).exists()
    assert shared["article"].title not in page_text(client, "/", AN_LAC)
    client.post(reverse("portal_show", args=[an_lac.pk, shared["article"].pk]))
    assert not HiddenSharedPage.objects.exists()
    tan_hung = Site.objects.get(hostname=TAN_HUNG)
    refused(client.post(reverse("portal_hide", args=[tan_hung.pk, shared["article"].pk])))
    assert not HiddenSharedPage.objects.exists()
    unshared = reverse("portal_hide", args=[an_lac.pk, shared["unshared"].pk])
    assert client.post(unshared).status_code == 404, "only what the province shares can be hidden"


def test_a_communes_editor_sees_the_list_but_cannot_hide(shared, client, django_user_model):
    an_lac = Site.objects.get(hostname=AN_LAC)
    client.force_login(user_in(django_user_model, "bientap-anlac", "Biên tập viên – Xã An Lạc"))
    listing = client.get(reverse("portal_shared_pages")).content.decode()
    assert shared["article"].title in listing
    assert reverse("portal_hide", args=[an_lac.pk, shared["article"].pk]) not in listing
    refused(client.post(reverse("portal_hide", args=[an_lac.pk, shared["article"].pk])))
    assert not HiddenSharedPage.objects.exists()


def test_the_province_office_chooses_the_portal_and_the_province_editor_has_no_such_page(
    shared, admin_client, client, django_user_model
):
    tan_hung = Site.objects.get(hostname=TAN_HUNG)
    listing = admin_client.get(reverse("portal_shared_pages"), {"site": tan_hung.pk}).content.decode()
    assert "Tân Hưng" in listing and "An Lạc" in listing
    admin_client.post(reverse("portal_hide", args=[tan_hung.pk, shared["notice"].pk]))
    assert HiddenSharedPage.objects.get().site == tan_hung
    nobody = django_user_model.objects.create_user("khach", password="x", is_staff=False)
    nobody.user_permissions.add(*Group.objects.get(name="Biên tập viên").permissions.all())
    client.force_login(nobody)
    refused(client.get(reverse("portal_shared_pages")))
