"""Comments on drafts in a real browser: a citizen comments on the open draft from a phone and is thanked; a closed
draft offers no form and says when its report is due; the section, a draft and the form pass axe."""

from urllib.parse import urlparse

import pytest

from tests.browser.axe import axe_fixture, describe, run_axe  # noqa: F401 - axe_fixture is the fixture `axe`

SECTION = "/lay-y-kien/"
OPEN_DRAFT = "/lay-y-kien/du-thao-de-an-dat-ten-duong-pho-thi-tran-gia-loc/"
CLOSED_DRAFT = "/lay-y-kien/du-thao-quy-dinh-ho-tro-thu-gom-xu-ly-rac-thai-sinh-hoat/"


def test_a_citizen_comments_on_the_open_draft_from_a_phone(phone, portal_url, shoot):
    phone.goto(portal_url + OPEN_DRAFT)
    phone.locator(f'a[href$="{OPEN_DRAFT}gop-y/"]').first.tap()
    phone.wait_for_load_state("networkidle")
    assert urlparse(phone.url).path == OPEN_DRAFT + "gop-y/"
    phone.fill("#id_name", "Vũ Thị Hạnh")
    phone.fill("#id_email", "hanh@example.vn")
    phone.select_option("#id_section", label="Điều 2. Danh mục tên đường, phố dự kiến")
    phone.fill("#id_text", "Đề nghị đặt tên Đường Ven Sông Đồng Quang cho tuyến dọc bờ sông.")
    phone.check("#id_consent")
    shoot(phone, "form filled")
    phone.wait_for_timeout(3200)  # a person takes longer than the form's minimum time to check and send
    phone.locator(".citizen-form button[type=submit]").tap()
    phone.wait_for_url("**/gop-y/da-gui/")
    assert phone.locator("h1").inner_text()
    assert "kiểm duyệt" in phone.content() or "moderation" in phone.content()
    shoot(phone, "thanked")
    phone.goto(portal_url + OPEN_DRAFT)
    assert "Đường Ven Sông Đồng Quang" not in phone.content(), "shown only once moderated"


def test_a_closed_draft_has_no_form_and_says_when_its_report_is_due(desktop, portal_url, shoot):
    desktop.goto(portal_url + CLOSED_DRAFT)
    assert desktop.locator(f'a[href$="{CLOSED_DRAFT}gop-y/"]').count() == 0
    assert desktop.locator("form.citizen-form").count() == 0
    facts = desktop.locator(".facts").inner_text()
    assert facts.count("/") >= 6, "opening, closing and report dates"
    shoot(desktop, "closed draft")
    desktop.goto(portal_url + CLOSED_DRAFT + "gop-y/")
    assert desktop.locator("form.citizen-form").count() == 0
    assert desktop.locator(".notice-message").count() == 1


@pytest.mark.parametrize("path", [SECTION, OPEN_DRAFT, OPEN_DRAFT + "gop-y/", CLOSED_DRAFT])
def test_the_pages_have_no_serious_accessibility_violations(desktop, phone, portal_url, axe, path):
    for page in (desktop, phone):
        answer = page.goto(portal_url + path)
        assert answer.status == 200
        page.wait_for_load_state("networkidle")
        violations = run_axe(page, axe)
        assert not violations, f"{path}:\n{describe(violations)}"


def test_the_form_shows_errors_on_the_fields_without_javascript(chromium, portal_url):
    context = chromium.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(portal_url + OPEN_DRAFT + "gop-y/")
        page.fill("#id_name", "Vũ Thị Hạnh")
        page.wait_for_timeout(3200)
        page.locator(".citizen-form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("#id_text_errors").count() == 1
        assert page.input_value("#id_name") == "Vũ Thị Hạnh", "what was typed stays"
    finally:
        context.close()
