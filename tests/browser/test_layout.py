"""The shared layout works in a real browser: phone menu, text size, back to top, the video facade, no third parties."""

from urllib.parse import urlparse

import pytest


def test_home_page_loads_nothing_from_other_sites(desktop, portal_url):
    hosts = set()
    desktop.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    desktop.goto(portal_url + "/")
    desktop.wait_for_load_state("networkidle")
    assert hosts == {"127.0.0.1"}
    assert "Gia Lộc" in desktop.title()


def test_phone_menu_opens_and_closes_with_the_keyboard(phone, portal_url):
    phone.goto(portal_url + "/")
    menu = phone.locator("#main-nav-list")
    toggle = phone.locator(".main-nav__toggle")
    assert not menu.is_visible()
    toggle.focus()
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.locator("#main-nav-list").get_by_role("link", name="Thông báo", exact=True).is_visible()
    phone.keyboard.press("Escape")
    assert not menu.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"


def test_phone_menu_opens_with_a_tap(phone, portal_url):
    phone.goto(portal_url + "/")
    phone.locator(".main-nav__toggle").tap()
    phone.locator("#main-nav-list").get_by_role("link", name="Liên hệ", exact=True).tap()
    phone.wait_for_url("**/lien-he/")
    assert phone.locator("h1").inner_text() == "Liên hệ"


def test_text_size_controls_enlarge_the_text_and_remember_it(desktop, portal_url):
    desktop.goto(portal_url + "/gioi-thieu/")

    def root_size():
        return desktop.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    normal = root_size()
    desktop.get_by_role("button", name="Tăng cỡ chữ").click()
    larger = root_size()
    assert larger > normal
    desktop.goto(portal_url + "/lien-he/")
    assert root_size() == larger
    desktop.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert root_size() == normal


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(desktop, portal_url):
    desktop.goto(portal_url + "/gioi-thieu/")
    desktop.keyboard.press("Tab")
    skip = desktop.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("location.hash") == "#main"


def test_video_loads_from_youtube_only_after_a_click(desktop, portal_url):
    requested = []
    desktop.route("**/*youtube*/**", lambda route: (requested.append(route.request.url), route.abort()))
    desktop.goto(portal_url + "/video/hat-ve-gia-loc/")
    desktop.wait_for_load_state("networkidle")
    assert desktop.locator(".video-facade iframe").count() == 0
    assert requested == []
    desktop.locator(".video-facade__link").first.click()
    frame = desktop.locator(".video-facade iframe")
    assert frame.count() == 1
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/JmTMQg7YjuY")


@pytest.mark.parametrize(
    "path", ["/", "/tin-tuc/", "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/", "/thong-bao/"]
)
def test_pages_fit_a_phone_screen_without_sideways_scrolling(phone, portal_url, path):
    phone.goto(portal_url + path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_article_prints_without_navigation_and_with_its_address(desktop, portal_url):
    desktop.goto(portal_url + "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/")
    desktop.emulate_media(media="print")
    assert not desktop.locator(".main-nav").is_visible()
    assert not desktop.locator(".layout__side").is_visible()
    source = desktop.locator(".print-source")
    assert source.is_visible()
    assert "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/" in source.inner_text()
