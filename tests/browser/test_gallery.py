"""The album lightbox in a real browser: keyboard, buttons, touch, focus, and plain links without JavaScript."""

import pytest
from playwright.sync_api import expect

ALBUM = "/thu-vien-anh/mua-lua-chin-tren-canh-dong-gia-loc/"
PHOTOS = 6


def open_first(page, portal_url):
    page.goto(portal_url + ALBUM)
    page.wait_for_load_state("networkidle")
    page.locator(".photo-grid__link").first.click()
    dialog = page.locator("dialog.lightbox")
    assert dialog.is_visible()
    return dialog


def test_the_lightbox_moves_with_the_arrows_and_closes_with_escape(desktop, portal_url):
    dialog = open_first(desktop, portal_url)
    first = desktop.locator(".photo-grid__link").first.get_attribute("href")
    image = dialog.locator(".lightbox__image")
    assert image.get_attribute("src").endswith(first)
    # The photo loads and decodes (a broken one is "complete" too, with no width): waited for, not sampled.
    desktop.wait_for_function(
        "() => { const photo = document.querySelector('.lightbox__image'); "
        "return photo.complete && photo.naturalWidth > 0; }",
        timeout=10_000,
    )
    assert dialog.locator(".lightbox__counter").inner_text() == f"1 / {PHOTOS}"
    assert dialog.locator(".lightbox__caption").inner_text().startswith("Cánh đồng lúa chín vàng")
    desktop.keyboard.press("ArrowRight")
    assert dialog.locator(".lightbox__counter").inner_text() == f"2 / {PHOTOS}"
    assert image.get_attribute("src").endswith(desktop.locator(".photo-grid__link").nth(1).get_attribute("href"))
    desktop.keyboard.press("ArrowLeft")
    desktop.keyboard.press("ArrowLeft")
    assert dialog.locator(".lightbox__counter").inner_text() == f"{PHOTOS} / {PHOTOS}", "left of the first: the last"
    desktop.keyboard.press("Escape")
    assert not dialog.is_visible()
    expect(desktop.locator(".photo-grid__link").nth(PHOTOS - 1)).to_be_focused(timeout=2000)


def test_the_lightbox_buttons_have_vietnamese_names_and_work(desktop, portal_url):
    dialog = open_first(desktop, portal_url)
    desktop.get_by_role("button", name="Ảnh sau").click()
    assert dialog.locator(".lightbox__counter").inner_text() == f"2 / {PHOTOS}"
    desktop.get_by_role("button", name="Ảnh trước").click()
    assert dialog.locator(".lightbox__counter").inner_text() == f"1 / {PHOTOS}"
    desktop.get_by_role("button", name="Đóng").click()
    assert not dialog.is_visible()


def test_a_swipe_moves_to_the_next_photo_on_a_phone(phone, portal_url):
    phone.goto(portal_url + ALBUM)
    phone.wait_for_load_state("networkidle")
    phone.locator(".photo-grid__link").first.tap()
    dialog = phone.locator("dialog.lightbox")
    assert dialog.is_visible()
    phone.evaluate(
        """() => {
          const dialog = document.querySelector('dialog.lightbox');
          const touch = (x) => new Touch({identifier: 1, target: dialog, clientX: x, clientY: 300});
          dialog.dispatchEvent(new TouchEvent('touchstart', {touches: [touch(300)], changedTouches: [touch(300)]}));
          dialog.dispatchEvent(new TouchEvent('touchend', {touches: [], changedTouches: [touch(120)]}));
        }"""
    )
    assert dialog.locator(".lightbox__counter").inner_text() == f"2 / {PHOTOS}"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.fixture
def no_script(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_a_photo_is_a_link_to_the_full_image(no_script, portal_url):
    no_script.goto(portal_url + ALBUM)
    href = no_script.locator(".photo-grid__link").first.get_attribute("href")
    with no_script.expect_response(lambda response: response.url.endswith(href)) as answer:
        no_script.locator(".photo-grid__link").first.click()
    assert answer.value.status == 200
    assert answer.value.headers["content-type"].startswith("image/")
