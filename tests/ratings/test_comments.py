"""The optional comment after an answer: tied to the answer by a signed one-time token, plain text of at most 500
characters, never a cookie."""

import html

from django.core import signing

import pytest

from ratings.forms import CommentForm
from ratings.models import RatingComment, RatingVote
from ratings.views import MESSAGES
from ratings.voting import comment_token
from tests.ratings.conftest import answer, comment

pytestmark = pytest.mark.django_db


def token_of(client, page_id, useful="0"):
    return answer(client, page_id, useful=useful, json=True).json()["token"]


def shown(response) -> str:
    return html.unescape(response.content.decode())


def test_without_javascript_the_thank_you_page_offers_the_comment_and_keeps_it(client, article):
    thanks = client.get(answer(client, article.pk, useful="0")["Location"])
    page = shown(thanks)
    assert thanks.status_code == 200 and thanks["Cache-Control"] == "private, no-store"
    assert str(MESSAGES["thanks"]) in page and article.title in page and article.url in page
    assert 'action="/danh-gia-trang/gop-y/"' in page and 'name="text"' in page and 'maxlength="500"' in page
    assert "csrfmiddlewaretoken" not in page and not thanks.cookies
    token = thanks.context["form"].initial["token"]

    sent = comment(client, token, "  Thiếu số điện thoại\r\nliên hệ của bộ phận một cửa.  ")
    assert sent.status_code == 303 and not sent.cookies
    stored = RatingComment.objects.get()
    assert (stored.page_id, stored.useful, stored.site.is_default_site) == (article.pk, False, True)
    assert stored.text == "Thiếu số điện thoại\nliên hệ của bộ phận một cửa."
    after = client.get(sent["Location"])
    assert str(MESSAGES["commented"]) in shown(after) and 'name="text"' not in shown(after)


def test_a_comment_attaches_once(client, article):
    token = token_of(client, article.pk)
    assert comment(client, token, "Lần một", json=True).status_code == 200
    again = comment(client, token, "Lần hai", json=True)
    assert again.status_code == 409 and again.json()["error"] == str(CommentForm.token_messages["used"])
    assert list(RatingComment.objects.values_list("text", flat=True)) == ["Lần một"]
    assert token_of(client, article.pk) == ""  # answering again the same day offers no second comment


@pytest.mark.parametrize(
    "token",
    ["", "abc", "eyJ2IjoxfQ:1vX:forged", comment_token(1) + "x", "a" * 300],
    # Fixed ids: a signed token carries the time, and test workers must collect the same ids.
    ids=["empty", "junk", "forged", "altered", "too-long"],
)
def test_a_forged_or_altered_token_is_refused(client, article, token):
    token_of(client, article.pk)
    response = comment(client, token, "Giả mạo")
    assert response.status_code == 400
    assert str(CommentForm.token_messages["token"]) in shown(response)
    assert not RatingComment.objects.exists()


def test_a_token_signed_for_something_else_is_refused(client, article):
    token_of(client, article.pk)
    vote_id = RatingVote.objects.get().pk
    other = signing.dumps({"v": vote_id}, compress=False)  # the right vote, without the comment's salt
    assert comment(client, other, "Giả mạo").status_code == 400
    assert client.get(f"/danh-gia-trang/cam-on/?ma={other}").status_code == 400
    assert not RatingComment.objects.exists()


def test_a_comment_of_more_than_500_characters_is_refused_with_a_message(client, article):
    token = token_of(client, article.pk)
    long = comment(client, token, "a" * 501)
    assert long.status_code == 400
    message = CommentForm.base_fields["text"].error_messages["max_length"] % {"limit_value": 500, "show_value": 501}
    assert message in shown(long)
    assert "a" * 501 in shown(long)  # what was written is kept to be shortened
    assert comment(client, token, "á" * 500).status_code == 303
    assert len(RatingComment.objects.get().text) == 500


def test_an_empty_comment_is_refused_with_a_message(client, article):
    response = comment(client, token_of(client, article.pk), "   \n ", json=True)
    assert response.status_code == 400
    assert response.json()["error"] == str(CommentForm.base_fields["text"].error_messages["required"])


def test_control_characters_are_dropped_and_letters_composed(client, article):
    text = "Trang\x00 thi\u0301\u1ebfu\x1b[31m \u202eđổi\u202c\t\t\n\n\n\nhướng dẫn"
    assert comment(client, token_of(client, article.pk), text).status_code == 303
    assert RatingComment.objects.get().text == "Trang thíếu[31m đổi  \n\nhướng dẫn"


def test_the_thank_you_page_refuses_a_bad_link_with_a_message(client):
    response = client.get("/danh-gia-trang/cam-on/?ma=khong-hop-le")
    assert response.status_code == 400 and str(MESSAGES["link"]) in shown(response)
    assert client.get("/danh-gia-trang/cam-on/").status_code == 400
    assert client.post("/danh-gia-trang/cam-on/").status_code == 405


def test_comments_from_other_sites_are_refused(client, article):
    token = token_of(client, article.pk)
    response = comment(client, token, "Từ nơi khác", HTTP_ORIGIN="https://lua-dao.example")
    assert response.status_code == 403 and not RatingComment.objects.exists()
