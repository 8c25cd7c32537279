"""Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA, best practices, colour contrast included) on
every kind of public page, at desktop and phone sizes, and the keyboard: every control of the header, menu,
search, text size and content is reached with Tab and shows where the focus is."""

from urllib.parse import urlparse

import pytest

from tests.browser.axe import axe_fixture, describe, run_axe  # noqa: F401 - axe_fixture is the fixture `axe`

ARTICLE = "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/"
PAGES = [
    "/",
    ARTICLE,
    "/tin-tuc/",
    "/thong-bao/",
    "notice",
    "/thong-bao/lich-thi/",
    "/lich-lam-viec/",
    "/van-ban/",
    "document",
    "/thu-vien-anh/",
    "/thu-vien-anh/mua-lua-chin-tren-canh-dong-gia-loc/",
    "/video/hat-ve-gia-loc/",
    "/tim-kiem/?q=dua+hau",
    "/gioi-thieu/",
    "/khong-co-trang-nay/",
]


def first_link(page, portal_url, listing, depth):
    """The first link of a listing to a page `depth` levels under it (a notice, a document)."""
    page.goto(portal_url + listing)
    for href in page.eval_on_selector_all("main a[href]", "links => links.map(link => link.href)"):
        path = urlparse(href).path
        rest = [part for part in path.removeprefix(listing).split("/") if part]
        if path.startswith(listing) and len(rest) == depth and rest[0] not in {"lich-thi", "rss"}:
            return path
    raise AssertionError(f"no page {depth} levels under {listing}")


def address(page, portal_url, path):
    if path == "notice":
        return first_link(page, portal_url, "/thong-bao/", 1)
    if path == "document":
        return first_link(page, portal_url, "/van-ban/", 2)
    return path


def check(page, portal_url, path, axe):
    path = address(page, portal_url, path)
    answer = page.goto(portal_url + path)
    assert answer.status == (404 if path == "/khong-co-trang-nay/" else 200)
    page.wait_for_load_state("networkidle")
    violations = run_axe(page, axe)
    assert not violations, f"{path}:\n{describe(violations)}"


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(desktop, portal_url, axe, path):
    check(desktop, portal_url, path, axe)


@pytest.mark.parametrize("path", ["/", ARTICLE, "/thong-bao/", "/van-ban/", "/tim-kiem/?q=dua+hau"])
def test_page_on_a_phone_has_no_serious_accessibility_violations(phone, portal_url, axe, path):
    check(phone, portal_url, path, axe)


def test_phone_menu_open_has_no_serious_accessibility_violations(phone, portal_url, axe):
    phone.goto(portal_url + "/")
    phone.locator(".main-nav__toggle").click()
    violations = run_axe(phone, axe)
    assert not violations, describe(violations)


FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, summary, [tabindex]"
)
REGIONS = ".skip-link, .site-header, .main-nav, main"

# Marks every control of the header, menu, search, text size and content that a visitor can reach (shown, or in a
# sub-menu that opens when its parent has the focus) and notes how each looks without the focus.
MARK_CONTROLS = """([regions, focusable]) => {
  const controls = [];
  for (const region of document.querySelectorAll(regions)) {
    const candidates = [...(region.matches(focusable) ? [region] : []), ...region.querySelectorAll(focusable)];
    for (const element of candidates) {
      if (element.tabIndex < 0 || element.closest("[hidden], [inert], datalist")) continue;
      const style = getComputedStyle(element);
      const shown = element.getClientRects().length > 0 && style.visibility !== "hidden";
      if (!shown && !element.closest(".main-nav__sub") && !element.matches(".skip-link")) continue;
      element.dataset.keyboardStop = String(controls.length);
      controls.push(element.dataset.keyboardStop);
    }
  }
  return controls.length;
}"""

# What the focused element shows: where it is, and whether it (or the picture it wraps) draws a focus ring.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const ring = target => {
    const style = getComputedStyle(target);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      && style.outlineColor !== "rgba(0, 0, 0, 0)";
    return {outline, shadow: style.boxShadow !== "none"};
  };
  const targets = [element, ...element.querySelectorAll("img")];
  const rings = targets.map(ring);
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return {
    stop: element.dataset.keyboardStop ?? null,
    html: element.outerHTML.slice(0, 120),
    inRegion: Boolean(element.closest(arguments[0])),
    visible: box.width > 0 && box.height > 0 && style.visibility !== "hidden" && parseFloat(style.opacity) > 0
      && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    ring: rings.some(ring => ring.outline || ring.shadow),
    outline: rings.some(ring => ring.outline),
  };
}"""

UNFOCUSED_RING = """element => {
  const style = getComputedStyle(element);
  return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
}"""


def test_tab_reaches_every_control_of_the_home_page_with_a_visible_focus(desktop, portal_url):
    desktop.emulate_media(reduced_motion="reduce")  # no smooth scrolling: the focused control is in view at once
    desktop.goto(portal_url + "/")
    desktop.wait_for_load_state("networkidle")
    expected = desktop.evaluate(MARK_CONTROLS, [REGIONS, FOCUSABLE])
    assert expected > 40  # header, text size, search, menu and the home page's boxes
    for stop in range(expected):
        element = desktop.locator(f'[data-keyboard-stop="{stop}"]')
        assert not element.evaluate(UNFOCUSED_RING), f"stop {stop} draws a ring without the focus"
    reached, problems = set(), []
    for _ in range(expected + 60):
        desktop.keyboard.press("Tab")
        focused = desktop.evaluate(FOCUSED.replace("arguments[0]", repr(REGIONS)))
        if focused is None or not focused["inRegion"]:
            if reached:
                break  # past the content: the side column and the footer follow
            continue
        reached.add(focused["stop"])
        if not focused["visible"]:
            problems.append(f"hidden while focused: {focused['html']}")
        if not focused["outline"]:
            problems.append(f"no focus ring: {focused['html']}")
    missed = [
        desktop.locator(f'[data-keyboard-stop="{stop}"]').evaluate("element => element.outerHTML.slice(0, 120)")
        for stop in map(str, range(expected))
        if stop not in reached
    ]
    assert not missed, "not reached with Tab:\n" + "\n".join(missed)
    assert not problems, "\n".join(problems)
    assert None not in reached, "Tab stopped on something that is not a control"


def test_tab_order_on_a_phone_reaches_the_menu_toggle_and_search(phone, portal_url):
    phone.goto(portal_url + "/")
    phone.wait_for_load_state("networkidle")
    seen = []
    for _ in range(12):
        phone.keyboard.press("Tab")
        seen.append(phone.evaluate("document.activeElement.className || document.activeElement.id"))
        if "main-nav__toggle" in seen[-1]:
            break
    assert seen[0] == "skip-link"
    assert "site-search-q" in " ".join(seen)
    assert seen[-1] == "main-nav__toggle", seen
