"""What citizens and editors do from start to finish, in a real browser, with a screenshot at each step
(``shoot``: under ``test-artifacts/browser/<test name>/``).

Citizens: read the news and print an article; find a legal document typed without marks and download its PDF; go
from a recruitment notice to the exam schedule and its calendar file; use the menu and the text size on a phone.
Editors: an editor writes an article with a photo and submits it to "Duyệt tin", the approver approves it, and a
citizen finds it on the home page and by searching without marks."""

import io
import os
import re
from pathlib import Path
from urllib.parse import urlparse

from PIL import Image
from playwright.sync_api import expect

DEMO_PASSWORD = "gialoc-demo-2023"  # the published demo login (demo.portal)
RECRUITMENT = "Thông báo tuyển dụng viên chức giáo dục mầm non và tiểu học"
DOCUMENT = "Tuyển dụng công chức cấp xã năm 2023"
DOCUMENT_PATH = "/van-ban/van-ban-cua-huyen/26-kh-ubnd/"

# window.print() is replaced before the page's own script runs, so the print button can be checked without a dialog.
COUNT_PRINTS = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def root_font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def path_of(page) -> str:
    return urlparse(page.url).path


# Citizens ---------------------------------------------------------------------------------------------------------


def test_reading_the_news_and_printing_an_article(desktop, portal_url, shoot):
    desktop.add_init_script(COUNT_PRINTS)
    desktop.goto(portal_url + "/")
    shoot(desktop, "home")

    news_box = desktop.locator("section.box--featured")
    first = news_box.locator(".featured__lead").get_by_role("link").filter(has_text=re.compile(r"\w")).first
    title = first.inner_text().strip()
    first.click()
    desktop.wait_for_url(re.compile(r"/tin-tuc/[\w-]+/$"))
    assert desktop.get_by_role("heading", level=1).inner_text() == title
    shoot(desktop, "article")

    other_news = desktop.get_by_role("region", name="Các tin khác")
    other = other_news.get_by_role("link").first
    other_title, other_path = other.inner_text().strip(), other.get_attribute("href")
    assert other_path.startswith("/tin-tuc/") and other_title != title
    other.click()
    desktop.wait_for_url("**" + other_path)
    assert desktop.get_by_role("heading", level=1).inner_text() == other_title
    shoot(desktop, "other-article")

    desktop.get_by_role("link", name="In trang").click()
    assert desktop.evaluate("window.__printed") == 1, "the print button opens the browser's print"
    assert path_of(desktop) == other_path
    desktop.emulate_media(media="print")
    assert not desktop.locator(".main-nav").is_visible()
    assert not desktop.locator(".layout__side").is_visible()
    assert not desktop.locator(".page-tools").is_visible()
    assert not desktop.get_by_role("group", name="Chia sẻ").is_visible(), "share links mean nothing on paper"
    source = desktop.locator(".print-source")
    assert source.is_visible()
    assert source.inner_text().startswith("In từ ")
    assert other_path in source.inner_text()
    assert desktop.get_by_role("heading", level=1).is_visible()
    shoot(desktop, "printed")

    desktop.emulate_media(media="screen")
    desktop.goto(portal_url + other_path + "?print=1")  # what the print link opens without JavaScript
    assert desktop.locator("body.print-view").count() == 1
    assert desktop.locator(".main-nav").count() == 0
    assert other_path in desktop.locator(".print-source").inner_text()
    shoot(desktop, "print-view")
    desktop.get_by_role("link", name="Trở lại trang").click()
    desktop.wait_for_url("**" + other_path)


def test_finding_a_document_typed_without_marks_and_downloading_its_pdf(desktop, portal_url, shoot):
    desktop.goto(portal_url + "/")
    search = desktop.locator("#site-search-q")
    search.fill("tuyen dung cong chuc cap xa nam 2023")
    shoot(desktop, "typed")
    search.press("Enter")
    desktop.wait_for_url("**/tim-kiem/?q=tuyen+dung+cong+chuc+cap+xa+nam+2023")
    result = desktop.locator(".search-result").filter(has=desktop.locator(f"a[href='{DOCUMENT_PATH}']")).first
    assert result.is_visible()
    assert "26/KH-UBND" in result.inner_text()
    shoot(desktop, "results")

    result.get_by_role("link", name=DOCUMENT).click()
    desktop.wait_for_url("**" + DOCUMENT_PATH)
    assert desktop.get_by_role("heading", level=1).inner_text() == DOCUMENT
    shoot(desktop, "document")

    download_link = desktop.get_by_role("link", name=re.compile(r"^Tải về")).first
    href = download_link.get_attribute("href")
    with desktop.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")

    answer = desktop.request.get(portal_url + href)
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.body().startswith(b"%PDF-")
    shoot(desktop, "downloaded")


def test_from_a_recruitment_notice_to_the_exam_calendar(desktop, portal_url, shoot):
    desktop.goto(portal_url + "/thong-bao/")
    shoot(desktop, "notices")

    desktop.get_by_role("main").get_by_role("link", name=RECRUITMENT).click()
    desktop.wait_for_url("**/thong-bao/tuyen-dung-vien-chuc-giao-duc-mam-non-tieu-hoc/")
    assert desktop.get_by_role("heading", level=1).inner_text() == RECRUITMENT
    assert desktop.locator(".exam-table, table").first.is_visible()
    shoot(desktop, "notice")

    desktop.get_by_role("link", name="Tất cả kỳ thi sắp tới").click()
    desktop.wait_for_url("**/thong-bao/lich-thi/")
    shoot(desktop, "exam-schedule")

    sessions = desktop.get_by_role("main").get_by_role("link", name=re.compile("Thêm ca thi chức danh .+ vào lịch"))
    assert sessions.count() >= 1, "each .ics link says which exam it adds"
    href = sessions.first.get_attribute("href")
    assert re.fullmatch(r"/thong-bao/lich-thi/\d+/ical/", href)
    answer = desktop.request.get(portal_url + href)
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    calendar = answer.text()
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert calendar.count("BEGIN:VEVENT") == 1
    assert "TZID=Asia/Ho_Chi_Minh" in calendar
    shoot(desktop, "calendar-fetched")


def test_a_phone_visitor_uses_the_menu_and_the_text_size(phone, portal_url, shoot):
    phone.goto(portal_url + "/")
    toggle = phone.locator(".main-nav__toggle")
    menu = phone.locator("#main-nav-list")
    assert not menu.is_visible()
    shoot(phone, "home")

    toggle.focus()
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    shoot(phone, "menu-by-keyboard")
    phone.keyboard.press("Escape")
    assert not menu.is_visible()

    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    shoot(phone, "menu-by-touch")
    menu.get_by_role("link", name="Thông báo", exact=True).tap()
    phone.wait_for_url("**/thong-bao/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Thông báo"
    shoot(phone, "notices")

    normal = root_font_size(phone)
    phone.get_by_role("button", name="Tăng cỡ chữ").tap()
    phone.get_by_role("button", name="Tăng cỡ chữ").tap()
    larger = root_font_size(phone)
    assert larger > normal
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375, "larger text still fits the screen"
    shoot(phone, "larger-text")
    phone.get_by_role("button", name="Cỡ chữ mặc định").tap()
    assert root_font_size(phone) == normal
    shoot(phone, "normal-text")


# Editors ----------------------------------------------------------------------------------------------------------

ADMIN_TIMEOUT = 20_000  # ms: the admin's pages and choosers are heavy


def unique_png() -> bytes:
    """A photo no earlier run uploaded (the admin asks what to do with a duplicate)."""
    noise = Image.frombytes("RGB", (48, 30), os.urandom(48 * 30 * 3)).resize((960, 600))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    return buffer.getvalue()


def sign_in(page, portal_url, username):
    page.goto(portal_url + "/admin/login/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(portal_url + "/admin/")


def sign_out(page, portal_url, full_name):
    page.get_by_role("button", name=full_name).click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(re.compile(re.escape(portal_url) + r"/admin/login/"))


def open_the_news_section(page, portal_url):
    page.goto(portal_url + "/admin/pages/")
    page.get_by_role("link", name="Xem các trang con của 'Trang chủ'").click()
    page.get_by_role("link", name="Xem các trang con của 'Tin tức'").click()
    page.wait_for_url("**/admin/pages/*/")


def test_an_article_goes_from_the_editor_through_approval_to_citizens(chromium, desktop, portal_url, shoot):
    desktop.set_default_timeout(ADMIN_TIMEOUT)
    expect.set_options(timeout=ADMIN_TIMEOUT)
    title = "Gia Lộc khai trương điểm bưu điện văn hóa xã kiểu mới"
    folded = "gia loc khai truong diem buu dien van hoa xa kieu moi"

    sign_in(desktop, portal_url, "bientap")
    assert (
        desktop.get_by_role("link", name="Trang", exact=True)
        .or_(desktop.get_by_role("button", name="Trang", exact=True))
        .first.is_visible()
    )
    shoot(desktop, "editor-dashboard")

    open_the_news_section(desktop, portal_url)
    desktop.get_by_role("link", name="Thêm trang con").first.click()
    desktop.wait_for_url("**/admin/pages/add/news/newsarticlepage/**")
    desktop.get_by_role("textbox", name=re.compile("^Tiêu đề")).fill(title)
    desktop.get_by_role("textbox", name=re.compile("^Sapo")).fill(
        "Sáng nay, điểm bưu điện văn hóa xã kiểu mới của huyện Gia Lộc mở cửa phục vụ người dân."
    )

    desktop.get_by_role("button", name="Chọn hình ảnh").first.click()
    chooser = desktop.get_by_role("dialog")
    chooser.get_by_role("tab", name="Tải lên").click()
    chooser.get_by_label("Tệp").set_input_files(
        {"name": "buu-dien-van-hoa.png", "mimeType": "image/png", "buffer": unique_png()}
    )
    chooser.get_by_role("textbox", name=re.compile("^Tiêu đề")).fill("Điểm bưu điện văn hóa xã ngày khai trương")
    chooser.get_by_label("Mô tả").fill("Người dân đến giao dịch tại điểm bưu điện văn hóa xã")
    shoot(desktop, "photo-upload")
    chooser.get_by_role("button", name="Tải lên").click()
    chooser.wait_for(state="hidden")
    assert desktop.locator("#id_feature_image-title").inner_text() == "Điểm bưu điện văn hóa xã ngày khai trương"

    desktop.get_by_role("button", name="Chọn chuyên mục tin").click()
    chooser.get_by_role("link", name="Tin tức – Sự kiện", exact=True).click()
    chooser.wait_for(state="hidden")
    desktop.get_by_role("checkbox", name="Tin tức – Sự kiện").check()
    shoot(desktop, "article-written")

    desktop.get_by_role("button", name="Thao tác khác").click()
    desktop.get_by_role("button", name="Gửi tới Duyệt tin").click()
    desktop.wait_for_url("**/admin/pages/*/")
    assert "gửi duyệt" in desktop.locator(".messages").inner_text()
    row = desktop.get_by_role("row").filter(has_text=title)
    assert "ĐANG KIỂM DUYỆT" in row.inner_text().upper()
    shoot(desktop, "submitted")
    sign_out(desktop, portal_url, "Nguyễn Thu")
    shoot(desktop, "signed-out")

    sign_in(desktop, portal_url, "duyettin")
    awaiting = desktop.get_by_role("row").filter(has_text=title)
    awaiting.scroll_into_view_if_needed()
    shoot(desktop, "approver-dashboard")
    awaiting.get_by_role("button", name="Thao tác").click()
    awaiting.get_by_role("button", name="Phê duyệt", exact=True).click()
    expect(awaiting).to_have_count(0)
    open_the_news_section(desktop, portal_url)
    published = desktop.get_by_role("row").filter(has_text=title)
    expect(published.get_by_role("link", name="Trạng thái trang hiện tại: đang xuất bản")).to_be_visible()
    shoot(desktop, "approved-and-published")
    sign_out(desktop, portal_url, "Trần Văn")

    citizen = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        page = citizen.new_page()
        page.goto(portal_url + "/")
        link = page.get_by_role("main").get_by_role("link", name=title).first
        assert link.is_visible(), "the published article is on the home page at once"
        shoot(page, "home-with-the-article")
        page.locator("#site-search-q").fill(folded)
        page.locator("#site-search-q").press("Enter")
        page.wait_for_url("**/tim-kiem/?q=*")
        found = page.locator(".search-result").filter(has_text=title)
        assert found.count() == 1
        shoot(page, "found-without-marks")
        found.get_by_role("link", name=title).click()
        page.wait_for_url(re.compile(r"/tin-tuc/gia-loc-khai-truong-diem-buu-dien-van-hoa-xa-kieu-moi/$"))
        assert page.get_by_role("heading", level=1).inner_text() == title
        assert page.locator(".body-figure--feature img").get_attribute("alt")
        shoot(page, "article")
    finally:
        citizen.close()
