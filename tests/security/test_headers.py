"""Every public response carries the security headers: a Content-Security-Policy that allows no inline script,
nosniff, a referrer policy, no framing, a Permissions-Policy; HSTS when the portal is served over HTTPS."""

import pytest

from tests.home.test_settings import run_manage

PUBLIC = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/gia-loc-dot-pha-cai-cach-hanh-chinh-2023/",
    "/thong-bao/",
    "/thong-bao/lich-thi/",
    "/tim-kiem/?q=dua+hau",
    "/khong-co-trang-nay/",
    "/api/v2/pages/",
    "/tin-tuc/rss/",
]


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC)
def test_public_responses_carry_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code < 500
    csp = policy(response)
    for directive in ("default-src", "script-src", "style-src", "img-src", "connect-src"):
        assert "'unsafe-inline'" not in csp[directive], directive
        assert "'unsafe-eval'" not in csp[directive], directive
        assert "*" not in csp[directive], directive
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.mark.django_db
def test_a_page_answered_from_the_page_cache_carries_them_too(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/tin-tuc/")
    second = client.get("/tin-tuc/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "Permissions-Policy" in second


# Downloads of legal documents keep their own "default-src 'none'": tests/documents/test_files.py.


@pytest.mark.django_db
def test_the_admin_is_left_to_its_own_scripts_but_cannot_be_framed(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


SECRET = "x7!kq2-very-long-random-production-secret-value-with-entropy-9f8e7d6c5b4a"
SHOW = (
    "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.CSRF_COOKIE_SECURE)"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["31536000", "True", "True"]),
        ({"SECURE_HSTS_SECONDS": "3600"}, ["3600", "True", "True"]),
        ({"SECURE_HTTPS": "false"}, ["0", "False", "False"]),
    ],
)
def test_hsts_is_on_for_https_and_configurable(env, expected):
    result = run_manage(
        "shell", "-c", SHOW, DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY=SECRET, **env
    )
    assert result.stdout.split()[-3:] == expected, result.stderr
