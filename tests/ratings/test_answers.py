"""Answering "Was this page useful?": once per visitor, page and day, without cookies or personal data; junk, bots,
other sites and floods get a clear 4xx and change nothing."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest
import time_machine

from portal import guard
from ratings.models import PageRating, RatingComment, RatingVote
from ratings.views import MESSAGES
from ratings.voting import forget_old_votes
from tests.ratings.conftest import ADDRESS, BROWSER, answer

pytestmark = pytest.mark.django_db


def counts(page):
    row = PageRating.objects.filter(page=page).first()
    return (row.useful, row.not_useful) if row else (0, 0)


def nothing_counted():
    return not PageRating.objects.exists() and not RatingVote.objects.exists()


def test_an_answer_counts_once_per_visitor_and_day(client, article):
    first = answer(client, article.pk)
    assert first.status_code == 303 and first["Location"].startswith("/danh-gia-trang/cam-on/?ma=")
    again = answer(client, article.pk, useful="0")  # a change of mind the same day is not a second answer
    assert again.status_code == 303 and "lai=1" in again["Location"]
    assert counts(article) == (1, 0)
    answer(client, article.pk, useful="0", ip="198.51.100.9")  # someone else
    answer(client, article.pk, useful="0", user_agent=BROWSER.replace("Pixel 8", "Pixel 9"))  # another phone
    assert counts(article) == (1, 2)
    assert PageRating.objects.get().site.is_default_site


def test_the_same_visitor_counts_again_the_next_day(client, article):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        answer(client, article.pk)
    with time_machine.travel(datetime.datetime(2026, 3, 3, 9, tzinfo=datetime.UTC), tick=False):
        answer(client, article.pk)
    assert sorted(PageRating.objects.values_list("day", "useful")) == [
        (datetime.date(2026, 3, 2), 1),
        (datetime.date(2026, 3, 3), 1),
    ]


def test_the_script_gets_json_with_the_comment_token(client, article):
    response = answer(client, article.pk, json=True)
    data = response.json()
    assert response.status_code == 200 and data["counted"] is True and data["token"]
    assert data["message"] == str(MESSAGES["thanks"])
    assert response["Cache-Control"] == "private, no-store"
    again = answer(client, article.pk, json=True).json()
    assert again["counted"] is False and again["message"] == str(MESSAGES["again"])


def test_no_cookie_is_set_and_no_personal_data_is_stored(client, article):
    responses = [answer(client, article.pk), answer(client, article.pk, json=True)]
    thanks = client.get(responses[0]["Location"])
    assert thanks.status_code == 200
    assert all(not response.cookies for response in [*responses, thanks])
    stored = [
        value
        for model in (PageRating, RatingVote, RatingComment)
        for row in model.objects.values()
        for value in row.values()
    ]
    assert stored
    for value in map(str, stored):
        assert ADDRESS not in value and "Mozilla" not in value and "Pixel" not in value
    assert [field.name for field in RatingVote._meta.get_fields()] == [
        "id", "site", "page", "day", "visitor", "useful", "commented"
    ]  # fmt: skip
    assert len(RatingVote.objects.get().visitor) == 32  # the day's hash of address and browser


def test_votes_of_earlier_days_are_forgotten(client, article):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        answer(client, article.pk)
    with time_machine.travel(datetime.datetime(2026, 3, 5, 9, tzinfo=datetime.UTC), tick=False):
        forget_old_votes()
    assert not RatingVote.objects.exists()
    assert counts(article) == (1, 0)  # the day's count stays


@pytest.mark.parametrize(
    ("headers", "status", "reason"),
    [
        ({"user_agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}, 403, "bot"),
        ({"user_agent": ""}, 403, "bot"),
        ({"HTTP_ORIGIN": "https://lua-dao.example"}, 403, "origin"),
        ({"HTTP_ORIGIN": "null"}, 403, "origin"),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, 403, "origin"),
    ],
)
def test_bots_and_other_sites_are_refused(client, article, headers, status, reason):
    response = answer(client, article.pk, json=True, **headers)
    assert response.status_code == status and response.json()["reason"] == reason
    assert nothing_counted()


@pytest.mark.parametrize(
    ("page", "useful"),
    [("abc", "1"), ("0", "1"), ("-3", "1"), ("1.5", "1"), ("99999999999999999999", "1"), ("", "1"), (None, "1")],
)
def test_unreadable_pages_are_a_clear_400(client, page, useful):
    data = {"useful": useful} | ({} if page is None else {"page": page})
    response = client.post("/danh-gia-trang/", data, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 400
    assert 'class="error-page"' in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert nothing_counted()


@pytest.mark.parametrize("useful", ["", "2", "yes", "true", None])
def test_an_unreadable_answer_is_a_clear_400(client, article, useful):
    data = {"page": article.pk} | ({} if useful is None else {"useful": useful})
    response = client.post("/danh-gia-trang/", data, HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["error"] == str(MESSAGES["answer"])
    assert nothing_counted()


def test_json_bodies_are_not_answers(client, article):
    response = client.post(
        "/danh-gia-trang/", json.dumps({"page": article.pk, "useful": 1}), "application/json", HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 400 and nothing_counted()


def test_unknown_unpublished_private_and_other_sites_pages_are_refused(client, article, home):
    draft = Page.objects.get(pk=article.pk)
    private = home.get_children().live().exclude(pk=article.get_parent().pk).first()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for page_id in (10**9, Page.get_first_root_node().pk, private.pk):
        assert answer(client, page_id).status_code == 404
    draft.unpublish()
    assert answer(client, article.pk).status_code == 404
    assert nothing_counted()


def test_another_sites_page_is_refused(client, article, site):
    other_home = Page.get_first_root_node().add_child(title="Xã Khác", slug="xa-khac")
    site.__class__.objects.create(hostname="xakhac.example", root_page=other_home)
    response = answer(client, article.pk, HTTP_HOST="xakhac.example", HTTP_ORIGIN="http://xakhac.example")
    assert response.status_code == 404
    assert nothing_counted()


def test_a_large_body_is_refused_before_it_is_read(client, article):
    response = client.post(
        "/danh-gia-trang/", {"page": article.pk, "useful": "1", "x": "a" * 5000}, HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 413 and nothing_counted()


@pytest.mark.parametrize("path", ["/danh-gia-trang/", "/danh-gia-trang/gop-y/"])
def test_other_methods_are_405_with_a_message(client, path):
    response = client.get(path)
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "error-page" in response.content.decode()
    assert client.put(path).status_code == 405
    assert nothing_counted()


def test_a_flood_from_one_address_is_stopped(client, article, monkeypatch):
    monkeypatch.setattr(guard, "LIMIT_WITH_PROOF", 2)
    others = list(Page.objects.live().public().filter(depth__gt=2).exclude(pk=article.pk)[:2])
    assert answer(client, article.pk).status_code == 303
    assert answer(client, others[0].pk).status_code == 303
    refused = answer(client, others[1].pk, json=True)
    assert refused.status_code == 429 and refused.json()["reason"] == "flood"
    assert answer(client, others[1].pk, ip="198.51.100.9").status_code == 303  # another address is not held up
    assert PageRating.objects.count() == 3


def test_an_answer_costs_a_fixed_number_of_queries(client, article):
    answer(client, article.pk)  # the page found countable is then kept in the cache
    with CaptureQueriesContext(connection) as queries:
        assert answer(client, article.pk, ip="198.51.100.9").status_code == 303
    assert len(queries) <= 6, [query["sql"] for query in queries]


def test_robots_keep_out_of_the_answers(client):
    assert "Disallow: /danh-gia-trang/" in client.get("/robots.txt").content.decode()
