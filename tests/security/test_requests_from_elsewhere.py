"""Requests made on a visitor's behalf by another site, and addresses that would send a visitor to another site:
forms need their CSRF token, the counting beacon refuses other origins, and every `next` stays on the portal."""

from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db
ELSEWHERE = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example", "\\\\evil.example"]
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def editor_account():
    return get_user_model().objects.create_user("kiem-thu-bao-mat", password="mat-khau-dai-2023", is_superuser=True)


def stays_here(location: str) -> bool:
    return location.startswith("/") and not location.startswith(("//", "/\\"))


@pytest.mark.parametrize("login", ["/admin/login/", "/_util/login/"], ids=["admin", "private pages"])
@pytest.mark.parametrize("target", ELSEWHERE)
def test_a_login_never_sends_anyone_elsewhere(client, editor_account, login, target):
    response = client.post(
        f"{login}?next={quote(target)}",
        {"username": "kiem-thu-bao-mat", "password": "mat-khau-dai-2023", "next": target},
    )
    assert response.status_code == 302
    assert stays_here(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_page_password_form_never_sends_the_visitor_elsewhere(client, target):
    article = NewsArticlePage.objects.live().first()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mk-2023"
    )
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/",
        {"password": "mk-2023", "return_url": target},
    )
    assert response.status_code == 302
    assert stays_here(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", ELSEWHERE)
def test_admin_logout_never_sends_the_editor_elsewhere(admin_client, target):
    response = admin_client.post(f"/admin/logout/?next={quote(target)}", {"next": target})
    assert response.status_code == 302
    assert stays_here(response["Location"]), response["Location"]


def test_forms_refuse_posts_without_their_token(editor_account):
    guarded = Client(enforce_csrf_checks=True)
    assert (
        guarded.post("/admin/login/", {"username": "kiem-thu-bao-mat", "password": "mat-khau-dai-2023"}).status_code
        == 403
    )
    article = NewsArticlePage.objects.live().first()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mk-2023"
    )
    password_form = f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"
    assert guarded.post(password_form, {"password": "mk-2023", "return_url": article.url}).status_code == 403
    guarded.force_login(editor_account)
    assert guarded.post(f"/admin/pages/{article.pk}/delete/").status_code == 403
    assert NewsArticlePage.objects.filter(pk=article.pk).exists()


def test_the_beacon_refuses_requests_sent_by_other_sites():
    article = NewsArticlePage.objects.live().first()
    guarded = Client(enforce_csrf_checks=True)

    def send(**headers):
        return guarded.post(
            "/luot-truy-cap/",
            data=f'{{"page": {article.pk}}}',
            content_type="application/json",
            HTTP_USER_AGENT=BROWSER,
            **headers,
        )

    assert send(HTTP_ORIGIN="https://evil.example").status_code == 403
    assert send(HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    counted = send(HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert counted.status_code == 200 and counted.json()["counted"] is True
