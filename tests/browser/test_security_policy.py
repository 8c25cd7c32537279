"""The Content-Security-Policy holds in a real browser without breaking anything: no page, script or interaction
(lightbox, video player, suggestions, counters, text size) is refused by it, for visitors and for signed-in
editors with the Wagtail user bar; and an injected inline script does not run."""

import pytest

from demo.portal import DEMO_ADMIN_PASSWORD, DEMO_ADMIN_USERNAME

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
PAGES = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/",
    "/thong-bao/",
    "/thong-bao/lich-thi/",
    "/lich-lam-viec/",
    "/van-ban/",
    "/thu-vien-anh/mua-lua-chin-tren-canh-dong-gia-loc/",
    "/video/hat-ve-gia-loc/",
    "/tim-kiem/?q=dua+hau",
    "/khong-co-trang-nay/",
]


def violations(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations")


@pytest.fixture
def watched(desktop):
    desktop.add_init_script(RECORD_VIOLATIONS)
    desktop.route("**/*youtube*/**", lambda route: route.abort())  # the policy is checked before any request
    return desktop


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_run_within_the_policy(watched, portal_url, path):
    response = watched.goto(portal_url + path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert violations(watched) == []


def test_interactions_run_within_the_policy(watched, portal_url):
    watched.goto(portal_url + "/thu-vien-anh/mua-lua-chin-tren-canh-dong-gia-loc/")
    watched.locator("[data-lightbox] a").first.click()
    watched.keyboard.press("ArrowRight")
    watched.keyboard.press("Escape")
    watched.goto(portal_url + "/video/hat-ve-gia-loc/")
    watched.locator(".video-facade__link").first.click()
    assert watched.locator(".video-facade iframe").count() == 1
    assert violations(watched) == []
    watched.goto(portal_url + "/")
    watched.get_by_role("button", name="Tăng cỡ chữ").click()
    watched.locator("#site-search-q").press_sequentially("dua ha", delay=40)
    watched.locator("#search-suggestions option").first.wait_for(state="attached")
    assert violations(watched) == []


def test_an_injected_inline_script_does_not_run(watched, portal_url):
    watched.goto(portal_url + "/tin-tuc/")
    watched.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
        }"""
    )
    assert watched.evaluate("window.__ran") is None
    assert any(found.startswith("script-src") for found in violations(watched))


def test_signed_in_editors_get_the_user_bar_within_the_policy(watched, portal_url):
    watched.goto(portal_url + "/admin/login/")
    watched.fill("#id_username", DEMO_ADMIN_USERNAME)
    watched.fill("#id_password", DEMO_ADMIN_PASSWORD)
    watched.locator("form button[type=submit]").click()
    watched.wait_for_url("**/admin/")
    watched.goto(portal_url + "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/")
    # Locators reach into the user bar's shadow root: its button is there once its script has run.
    watched.locator("wagtail-userbar").get_by_role("button").first.wait_for(state="attached")
    assert violations(watched) == []
