"""The footer's visitor counters are filled by the beacon after the page loads, as on a page served from a cache."""

import pytest

PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"


@pytest.fixture
def person(chromium):
    """A browser that says it is an ordinary Chrome: headless Chromium says it is a bot, and is not counted."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, user_agent=PERSON)
    yield context.new_page()
    context.close()


def beacon_answers(page, url):
    answers = []
    page.on("response", lambda response: answers.append(response) if "/luot-truy-cap/" in response.url else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return answers


def test_beacon_counts_the_visit_and_fills_the_footer(person, portal_url):
    answers = beacon_answers(person, portal_url + "/gioi-thieu/")
    assert len(answers) == 1
    counters = answers[0].json()
    assert counters["counted"] is True
    shown = person.locator("[data-counter='today']").inner_text()
    assert shown == f"{counters['today']:,}".replace(",", ".")
    assert counters["total"] > 4_843_358


def test_headless_browsers_are_answered_but_not_counted(desktop, portal_url):
    answers = beacon_answers(desktop, portal_url + "/lien-he/")
    assert answers[0].json()["counted"] is False
