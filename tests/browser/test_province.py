"""A province and its communes in a real browser. Two component portals are added to the browser tests' portal (whose
default site, the district's demo, plays the province) at anlac.localhost and tanhung.localhost, which Chromium
resolves to this machine:

- a commune's editor signs in, writes an article on their portal, submits it; their approver approves it; citizens
  read it there, and the editor cannot open another commune's pages;
- a notice the province marks for its communes shows on both component portals, linking to its one address;
- the province's search finds a commune's article typed without marks and names its unit;
- the new pages pass axe at phone size.
"""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_fixture, describe, run_axe  # noqa: F401 - axe_fixture is the fixture `axe`
from tests.browser.test_journeys import ADMIN_TIMEOUT, DEMO_PASSWORD, RECRUITMENT

COMMUNES = {"anlac": "An Lạc", "tanhung": "Tân Hưng"}
TAN_HUNG_ARTICLE = "Hội thi gói bánh chưng xanh mừng xuân ở Tân Hưng"

# Run in the portal's own database: the two communes' sites at the server's port (so that addresses from one portal
# to another reach it), an editor and an approver of An Lạc, an article of Tân Hưng, and the province's recruitment
# notice marked for its communes.
SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site
from news.models import NewsArticlePage, NewsCategory
from notices.models import NoticePage
from portal.tree import publish

for site in Site.objects.all():
    site.port = {port}
    site.save()
User = get_user_model()
for username, group, first, last in [
    ("bientap-anlac", "Biên tập viên – Xã An Lạc", "Lê Thị", "Hoa"),
    ("duyet-anlac", "Người duyệt – Xã An Lạc", "Phạm Văn", "Huy"),
]:
    user = User.objects.create_user(username, password="{password}", first_name=first, last_name=last)
    user.groups.add(Group.objects.get(name=group))
news = Site.objects.get(hostname="tanhung.localhost").root_page.get_children().get(slug="tin-tuc")
publish(news, NewsArticlePage(
    title="{article}", slug="hoi-thi-goi-banh-chung",
    lead="Các thôn của xã Tân Hưng thi gói và nấu bánh chưng mừng xuân.",
    primary_category=NewsCategory.objects.get(slug="tin-tuc-su-kien"),
))
notice = NoticePage.objects.get(title="{notice}")
notice.share_with_components = True
notice.save_revision().publish()
"""


@pytest.fixture(scope="module")
def communes(portal):
    port = urlparse(portal.url).port
    for key, name in COMMUNES.items():
        portal.manage("create_component_site", name, "--kind", "xa", "--host", f"{key}.localhost")
    setup = SETUP.format(port=port, password=DEMO_PASSWORD, article=TAN_HUNG_ARTICLE, notice=RECRUITMENT)
    portal.manage("shell", "-c", setup)
    return {key: f"http://{key}.localhost:{port}" for key in COMMUNES}


def sign_in(page, address, username):
    page.goto(address + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(address + "/admin/")


def test_a_communes_editor_publishes_on_their_portal_through_their_approver(chromium, communes, shoot):
    an_lac = communes["anlac"]
    title = "Xã An Lạc ra mắt tổ công nghệ số cộng đồng"
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(ADMIN_TIMEOUT)
    expect.set_options(timeout=ADMIN_TIMEOUT)
    try:
        sign_in(page, an_lac, "bientap-anlac")
        shoot(page, "editor-dashboard")
        page.goto(an_lac + "/admin/pages/")
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        assert "xã An Lạc" in page.get_by_role("main").inner_text(), "the explorer opens at the editor's own portal"
        assert "Tân Hưng" not in page.content(), "nothing of the other commune, not even its name"
        page.get_by_role("link", name="Thêm trang con vào 'Tin tức'").click()  # the new portal's news is empty
        page.wait_for_url("**/admin/pages/add/news/newsarticlepage/**")
        page.get_by_role("textbox", name=re.compile("^Tiêu đề")).fill(title)
        page.get_by_role("textbox", name=re.compile("^Sapo")).fill("Tổ công nghệ số giúp người dân dùng dịch vụ công.")
        page.get_by_role("button", name="Chọn chuyên mục tin").click()
        chooser = page.get_by_role("dialog")
        chooser.get_by_role("link", name="Tin tức – Sự kiện", exact=True).click()
        chooser.wait_for(state="hidden")
        page.get_by_role("checkbox", name="Tin tức – Sự kiện").check()
        assert page.locator("[name=share_with_components]").count() == 0, "a commune shares nothing"
        page.get_by_role("button", name="Thao tác khác").click()
        page.get_by_role("button", name=re.compile("^Gửi tới Duyệt tin – Xã An Lạc")).click()
        page.wait_for_url("**/admin/pages/*/")
        shoot(page, "submitted")

        page.goto(an_lac + "/admin/choose-page/search/?q=gói bánh chưng")
        assert TAN_HUNG_ARTICLE not in page.content(), "the page chooser offers only their portal"
        context.clear_cookies()

        sign_in(page, an_lac, "duyet-anlac")
        awaiting = page.get_by_role("row").filter(has_text=title)
        awaiting.scroll_into_view_if_needed()
        shoot(page, "approver-dashboard")
        awaiting.get_by_role("button", name="Thao tác").click()
        awaiting.get_by_role("button", name="Phê duyệt", exact=True).click()
        expect(awaiting).to_have_count(0)
        context.clear_cookies()

        page.goto(an_lac + "/")
        expect(page.get_by_role("main").get_by_role("link", name=title).first).to_be_visible()
        shoot(page, "published-on-the-commune")
        page.goto(communes["tanhung"] + "/")
        assert title not in page.content(), "not on the other commune's portal"
    finally:
        context.close()


def test_a_communes_editor_cannot_open_another_communes_pages(chromium, communes):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(ADMIN_TIMEOUT)
    try:
        sign_in(page, communes["anlac"], "bientap-anlac")
        page.goto(communes["tanhung"] + "/")
        article = page.get_by_role("link", name=TAN_HUNG_ARTICLE).first
        article_path = urlparse(article.get_attribute("href")).path
        page.goto(communes["tanhung"] + article_path)
        page_id = page.locator("body").get_attribute("data-page-id")
        page.goto(f"{communes['anlac']}/admin/pages/{page_id}/edit/")
        assert not re.search(rf"/admin/pages/{page_id}/edit/$", page.url), "sent away from the other commune's page"
        assert TAN_HUNG_ARTICLE not in page.content()
    finally:
        context.close()


def test_a_province_notice_marked_for_the_communes_shows_on_both(phone, communes, portal_url, shoot):
    for key, address in communes.items():
        phone.goto(address + "/thong-bao/")
        link = phone.get_by_role("link", name=RECRUITMENT).first
        expect(link).to_be_visible()
        assert urlparse(link.get_attribute("href")).netloc == urlparse(portal_url).netloc.replace(
            "127.0.0.1", "localhost"
        )
        shoot(phone, f"notices-{key}")
    link.click()
    phone.wait_for_url(re.compile(r"/thong-bao/[\w-]+/$"))
    assert phone.get_by_role("heading", level=1).inner_text() == RECRUITMENT
    shoot(phone, "the-one-notice-on-the-province-portal")


def test_the_province_search_finds_a_communes_article_without_marks_and_names_its_unit(
    desktop, communes, portal_url, shoot
):
    desktop.goto(portal_url + "/")
    desktop.locator("#site-search-q").fill("hoi thi goi banh chung xanh")
    desktop.locator("#site-search-q").press("Enter")
    desktop.wait_for_url("**/tim-kiem/?q=*")
    result = desktop.locator(".search-result").filter(has_text=TAN_HUNG_ARTICLE)
    expect(result).to_have_count(1)
    assert "Xã Tân Hưng" in result.locator(".search-result__unit").inner_text()
    shoot(desktop, "found-with-its-unit")
    desktop.get_by_label("Đơn vị").select_option(label="Xã An Lạc")
    desktop.get_by_role("main").get_by_role("button", name="Tìm kiếm").click()
    desktop.wait_for_url("**don_vi=anlac**")
    expect(desktop.locator(".search-result").filter(has_text=TAN_HUNG_ARTICLE)).to_have_count(0)
    desktop.goto(portal_url + "/tim-kiem/?q=hoi+thi+goi+banh+chung+xanh")
    result = desktop.locator(".search-result").filter(has_text=TAN_HUNG_ARTICLE)
    result.get_by_role("link").first.click()
    desktop.wait_for_url(communes["tanhung"] + "/tin-tuc/hoi-thi-goi-banh-chung/")


@pytest.mark.parametrize("path", ["/", "/thong-bao/", "/van-ban/van-ban-cua-tinh/"])
def test_component_pages_pass_axe_on_a_phone(phone, communes, axe, path):
    phone.goto(communes["anlac"] + path)
    violations = run_axe(phone, axe)
    assert not violations, describe(violations)


def test_the_province_search_with_its_unit_filter_passes_axe(desktop, communes, portal_url, axe):
    desktop.goto(portal_url + "/tim-kiem/?q=hoi+thi")
    violations = run_axe(desktop, axe)
    assert not violations, describe(violations)
