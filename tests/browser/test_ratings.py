""" "Was this page useful?" in a real browser: on a phone, on an article served from the page cache, with and without
JavaScript; the answer and the comment reach the database; the question and the thank-you page pass axe."""

import json

import pytest

from tests.browser.axe import axe_fixture, describe, run_axe  # noqa: F401 - axe_fixture is the fixture `axe`

ARTICLE = "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/"
# Headless Chromium names itself in its browser string and is refused as a bot: these phones say they are Chrome.
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
)


def person_on_a_phone(chromium, model: str, java_script: bool = True):
    return chromium.new_context(
        viewport={"width": 375, "height": 812},
        locale="vi-VN",
        has_touch=True,
        is_mobile=True,
        user_agent=PHONE.replace("Pixel 8", model),
        java_script_enabled=java_script,
    )


@pytest.fixture
def person(chromium):
    context = person_on_a_phone(chromium, "Pixel 8")
    yield context.new_page()
    context.close()


@pytest.fixture
def person_without_javascript(chromium):
    context = person_on_a_phone(chromium, "Pixel 7", java_script=False)
    yield context.new_page()
    context.close()


def stored(portal, page_id: int) -> dict:
    """The page's answers and comments as the database holds them."""
    code = (
        "import json; from django.db.models import Sum; from ratings.models import PageRating, RatingComment; "
        f"sums = PageRating.objects.filter(page_id={page_id}).aggregate(yes=Sum('useful'), no=Sum('not_useful')); "
        f"texts = list(RatingComment.objects.filter(page_id={page_id}).values_list('text', flat=True)); "
        "print(json.dumps({'yes': sums['yes'] or 0, 'no': sums['no'] or 0, 'comments': texts}))"
    )
    return json.loads(portal.manage("shell", "-c", code).strip().splitlines()[-1])


def test_an_answer_and_a_comment_from_a_cached_article_on_a_phone(person, portal, portal_url, shoot):
    person.goto(portal_url + ARTICLE)
    answer = person.goto(portal_url + ARTICLE)
    assert answer.headers.get("x-page-cache") == "hit"
    page_id = int(person.locator("[data-rating-form] input[name='page']").input_value())
    before = stored(portal, page_id)
    widget = person.locator("[data-rating]")
    widget.scroll_into_view_if_needed()
    shoot(person, "question")

    widget.locator("button[name='useful'][value='1']").click()
    message = widget.locator("[data-rating-message]")
    message.wait_for(state="visible")
    assert message.inner_text().strip()
    assert person.url == portal_url + ARTICLE  # no navigation
    assert widget.locator("[data-rating-form]").count() == 0
    widget.locator("textarea[name='text']").fill("Bài viết rõ ràng, nên thêm số điện thoại liên hệ.")
    shoot(person, "thanks-and-comment")
    first_message = message.inner_text()
    widget.locator("button.rating__send").click()
    person.wait_for_function(
        "text => document.querySelector('[data-rating-message]').textContent !== text", arg=first_message
    )
    assert widget.locator("[data-rating-comment]").count() == 0
    shoot(person, "comment-sent")

    after = stored(portal, page_id)
    assert (after["yes"], after["no"]) == (before["yes"] + 1, before["no"])
    assert "Bài viết rõ ràng, nên thêm số điện thoại liên hệ." in after["comments"]
    assert not person.context.cookies()


def test_without_javascript_the_answer_leads_to_the_thank_you_page(
    person_without_javascript, portal, portal_url, shoot
):
    person = person_without_javascript
    person.goto(portal_url + ARTICLE)
    page_id = int(person.locator("[data-rating-form] input[name='page']").input_value())
    before = stored(portal, page_id)
    with person.expect_navigation():
        person.locator("button[name='useful'][value='0']").click()
    assert "/danh-gia-trang/cam-on/" in person.url
    shoot(person, "thank-you-page")
    person.locator("textarea[name='text']").fill("Thiếu biểu mẫu đính kèm.")
    with person.expect_navigation():
        person.locator("button.rating__send").click()
    assert person.locator("textarea[name='text']").count() == 0
    assert person.locator(f"a[href='{ARTICLE}']").count() == 1
    shoot(person, "comment-sent")

    after = stored(portal, page_id)
    assert (after["yes"], after["no"]) == (before["yes"], before["no"] + 1)
    assert "Thiếu biểu mẫu đính kèm." in after["comments"]
    assert not person.context.cookies()


def test_the_question_and_the_thank_you_page_pass_axe(chromium, portal_url, axe):
    context = person_on_a_phone(chromium, "Pixel 6")
    person = context.new_page()
    try:
        person.goto(portal_url + "/gioi-thieu/")
        violations = run_axe(person, axe)
        assert not violations, describe(violations)
        page_id = person.locator("[data-rating-form] input[name='page']").input_value()
        # The answer as a browser without JavaScript sends it; axe itself needs JavaScript.
        answer = context.request.post(
            portal_url + "/danh-gia-trang/",
            form={"page": page_id, "useful": "1"},
            headers={"Origin": portal_url},
            max_redirects=0,
        )
        assert answer.status == 303
        thanks = person.goto(portal_url + answer.headers["location"])
        assert thanks.status == 200 and person.locator("textarea[name='text']").count() == 1
        violations = run_axe(person, axe)
        assert not violations, describe(violations)
    finally:
        context.close()


def test_the_comment_box_shown_by_the_script_passes_axe(chromium, portal_url, axe):
    context = person_on_a_phone(chromium, "Pixel 5")
    person = context.new_page()
    try:
        person.goto(portal_url + "/lien-he/")
        person.locator("[data-rating] button[name='useful'][value='0']").click()
        person.locator("[data-rating] textarea[name='text']").wait_for()
        violations = run_axe(person, axe)
        assert not violations, describe(violations)
    finally:
        context.close()
