"""Questions and answers in a real browser: a citizen asks on a phone, typing without marks, and gets a tracking
code; an editor writes the answer and sends it for approval; the approver approves it; the citizen's status page
says it is answered and the search finds the answer. Every page on the way is axe clean; the form keeps what was
typed when something is wrong, without JavaScript too."""

import re

from playwright.sync_api import expect

from tests.browser.axe import axe_fixture, describe, run_axe  # noqa: F401 - axe_fixture is the fixture `axe`
from tests.browser.test_journeys import ADMIN_TIMEOUT, sign_in, sign_out

TITLE = "Xin cap lai giay khai sinh ban chinh"
QUESTION = "Toi bi mat giay khai sinh ban chinh, xin hoi thu tuc cap lai o dau va mat bao lau?"
ANSWER = "Công dân nộp tờ khai đăng ký lại khai sinh tại Ủy ban nhân dân cấp xã nơi đã đăng ký khai sinh trước đây."


def assert_accessible(page, axe, where: str):
    violations = run_axe(page, axe)
    assert not violations, f"{where}:\n{describe(violations)}"


def test_a_citizen_asks_on_a_phone_an_editor_answers_an_approver_publishes(
    chromium, phone, desktop, portal, portal_url, shoot, axe
):
    phone.goto(portal_url + "/hoi-dap/")
    assert_accessible(phone, axe, "/hoi-dap/")
    shoot(phone, "questions")
    phone.get_by_role("link", name="Đặt câu hỏi").first.click()
    phone.wait_for_url("**/hoi-dap/dat-cau-hoi/")
    assert_accessible(phone, axe, "the form")
    phone.get_by_label("Họ và tên").fill("Nguyen Thi Lan")
    phone.get_by_label("Thư điện tử").fill("lan@example.com")
    phone.get_by_label("Lĩnh vực").select_option(label="Hộ tịch, chứng thực")
    phone.get_by_label("Tiêu đề").fill(TITLE)
    phone.get_by_label("Nội dung câu hỏi").fill(QUESTION)
    # Sent without consent first: refused on the field, everything typed kept.
    phone.get_by_role("button", name="Gửi câu hỏi").click()
    phone.wait_for_load_state()
    expect(phone.locator(".form-field--error")).to_have_count(1)
    assert phone.get_by_label("Nội dung câu hỏi").input_value() == QUESTION
    assert_accessible(phone, axe, "the form with an error")
    shoot(phone, "refused-without-consent")
    phone.get_by_role("checkbox").check()
    phone.wait_for_timeout(3200)  # a person takes longer than the form's minimum time to check and send
    phone.get_by_role("button", name="Gửi câu hỏi").click()
    phone.wait_for_url(re.compile(r"/hoi-dap/tra-cuu/\?ma=HD-"))
    code = phone.locator(".tracking-code").inner_text()
    assert re.fullmatch(r"HD-[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    assert "Đã tiếp nhận" in phone.locator(".question-status").inner_text()
    assert_accessible(phone, axe, "the status page")
    shoot(phone, "tracking-code")
    proven = portal.manage(
        "shell", "-c", f"from questions.models import Question; print(Question.objects.get(code='{code}').proven)"
    )
    assert proven.strip().splitlines()[-1] == "True", "the browser solved the proof of work"

    desktop.set_default_timeout(ADMIN_TIMEOUT)
    sign_in(desktop, portal_url, "bientap")
    desktop.goto(portal_url + "/admin/cau-hoi/")
    desktop.get_by_role("link", name=re.compile(re.escape(code))).first.click()
    desktop.get_by_role("textbox", name="Cơ quan trả lời").fill("Phòng Tư pháp")
    desktop.get_by_role("textbox", name="Câu trả lời").fill(ANSWER)
    desktop.get_by_role("combobox", name="Bước tiếp theo").select_option(label="Gửi câu trả lời để duyệt và công bố")
    shoot(desktop, "editor-answers")
    desktop.get_by_role("button", name="Lưu").click()
    expect(desktop.locator(".messages")).to_contain_text("đã được gửi duyệt")
    sign_out(desktop, portal_url, "Nguyễn Thu")

    sign_in(desktop, portal_url, "duyettin")
    awaiting = desktop.get_by_role("row").filter(has_text=TITLE)
    awaiting.scroll_into_view_if_needed()
    awaiting.get_by_role("button", name="Thao tác").click()
    awaiting.get_by_role("button", name="Phê duyệt", exact=True).click()
    expect(awaiting).to_have_count(0)
    shoot(desktop, "approved")
    sign_out(desktop, portal_url, "Trần Văn")

    phone.goto(f"{portal_url}/hoi-dap/tra-cuu/?ma={code}")
    assert "Đã trả lời và công bố" in phone.locator(".question-status").inner_text()
    phone.get_by_role("link", name="Xem câu trả lời").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert ANSWER in phone.locator(".qa--answer").inner_text()
    assert "Nguyen Thi Lan" not in phone.content() and "lan@example.com" not in phone.content()
    assert_accessible(phone, axe, "the answer")
    shoot(phone, "answer")
    phone.goto(portal_url + "/tim-kiem/?q=cap+lai+giay+khai+sinh")
    expect(phone.locator(".search-result").filter(has_text=TITLE)).to_have_count(1)
    shoot(phone, "found")


def test_without_javascript_the_form_still_works_and_keeps_what_was_typed(chromium, portal_url, shoot):
    context = chromium.new_context(viewport={"width": 375, "height": 812}, locale="vi-VN", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(portal_url + "/hoi-dap/dat-cau-hoi/")
        page.get_by_label("Họ và tên").fill("Tran Van Nam")
        page.get_by_label("Số điện thoại").fill("0912 345 678")
        page.get_by_label("Lĩnh vực").select_option(label="Đất đai")
        page.get_by_label("Nội dung câu hỏi").fill("Xin hoi muc thue dat phi nong nghiep nam nay?")
        page.get_by_role("checkbox").check()
        page.wait_for_timeout(3200)
        page.get_by_role("button", name="Gửi câu hỏi").click()  # without a subject
        page.wait_for_load_state()
        assert "Trường này là bắt buộc." in page.locator(".form-field--error").inner_text()
        assert page.get_by_label("Nội dung câu hỏi").input_value() == "Xin hoi muc thue dat phi nong nghiep nam nay?"
        assert page.get_by_label("Họ và tên").input_value() == "Tran Van Nam"
        shoot(page, "refused-without-a-subject")
        page.get_by_label("Tiêu đề").fill("Hoi ve thue dat")
        page.get_by_role("checkbox").check()
        page.wait_for_timeout(3200)
        page.get_by_role("button", name="Gửi câu hỏi").click()
        page.wait_for_url(re.compile(r"/hoi-dap/tra-cuu/\?ma=HD-"))
        shoot(page, "sent-without-javascript")
    finally:
        context.close()
