"""Thousands of malformed requests across every public route: bad paths, parameters, methods, headers, bodies and
encodings. Each may be refused (4xx) or answered normally, never with a server error."""

import random
from urllib.parse import quote

from django.test import Client

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db
REQUESTS = 2000
FIXED_ROUTES = [
    "/tim-kiem/",
    "/tim-kiem/goi-y/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/favicon.ico",
    "/luot-truy-cap/",
    "/api/v2/pages/",
    "/api/v2/pages/3/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/pages/find/",
    "/documents/1/x.pdf",
    "/tin-tuc/rss/",
    "/tin-tuc/2023/",
    "/tin-tuc/2023/02/",
    "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/",
    "/tin-tuc/the/cai-cach-hanh-chinh/",
    "/thong-bao/rss/",
    "/thong-bao/lich-thi/",
    "/thong-bao/lich-thi.ics",
    "/lich-lam-viec/",
    "/van-ban/",
    "/_util/login/",
]
PARAMETERS = [
    "q", "page", "loai", "nam", "tinh_trang", "tu", "den", "chuc_danh", "don_vi", "danh_muc", "co_quan",
    "linh_vuc", "tuan", "search", "type", "offset", "limit", "order", "fields", "date_from", "date_to", "next",
    "child_of", "html_path", "kind", "category", "format", "tag",
]  # fmt: skip
BAD_VALUES = [
    "", "-1", "0", "1e9", "99999999999999999999999999", "NaN", "inf", "0x1F", "1.5", " 1 ", "%00", "%ff%fe",
    "%C0%AF", "%E0%80%80", "%ED%A0%80", "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "đường\u0301", "ạ" * 3000, "x" * 20000,
    "' OR 1=1--", '"; DROP TABLE x;--', "../../../../etc/passwd", "<script>alert(1)</script>", "{{7*7}}",
    "${jndi:ldap://x}", "[]", "{}", "null", "true", "*", "?", "&", "=", "%", "%%", "%2", "2023-02-31",
    "31/02/2023", "9999-99-99", "2023-W99", "2023-W00", "-", "--", "news.NewsArticlePage", "wagtailcore.Page",
    "a.b.c", "title,body,foo", "-title", "random", "_", "\t\n\r", "\u202e", "\ufeff", "😀",
    "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e400", "-1e400", "Infinity", "²", "１２",
]  # fmt: skip
BAD_SEGMENTS = [
    "%00", "%ff", "..", "%2e%2e", "..%2f..%2f", "%252e", "x" * 300, "ạ" * 200, "a%0d%0aSet-Cookie:x=1",
    "index.php", ".env", "wp-admin", "%C0%AE%C0%AE", "~", "😀", "9" * 40, "9223372036854775808", "-1", "0", "rss",
    "2023", "13", "thong-bao-99999999999999999999",
    "the", "chuyen-muc", "ics", ";jsessionid=1", "%u002e", "\\", "%5c",
]  # fmt: skip
METHODS = ["GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
HEADERS = [
    {"HTTP_ACCEPT_LANGUAGE": "xx-YY;q=abc,,;;"},
    {"HTTP_IF_MODIFIED_SINCE": "not a date"},
    {"HTTP_IF_NONE_MATCH": '"' * 50},
    {"HTTP_RANGE": "bytes=9999999999-1"},
    {"HTTP_COOKIE": "sessionid=%ff%00; csrftoken=" + "x" * 5000},
    {"HTTP_X_FORWARDED_FOR": "not-an-ip, 999.1.1.1, ::::"},
    {"HTTP_USER_AGENT": "A" * 20000},
    {"HTTP_USER_AGENT": ""},
    {"HTTP_ACCEPT": "*/*;q=x, text/html;;"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_REFERER": "javascript:alert(1)"},
    {"HTTP_ACCEPT_ENCODING": "gzip;q=2, br;q=-1"},
    {"HTTP_SEC_PURPOSE": "prefetch"},
    {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
    {},
]
BODIES = [
    ("application/json", b'{"page": "abc"'),
    ("application/json", b"\xff\xfe\x00garbage"),
    ("application/json", b'{"page": 1e400}'),
    ("application/json", b'{"page": -Infinity}'),
    ("application/json", b'{"page": 18446744073709551616}'),
    ("application/json", b"[" * 5000),
    ("application/x-www-form-urlencoded", b"page=%ff&page=2&=&&"),
    ("multipart/form-data; boundary=zz", b"--zz\r\nContent-Disposition: form-data\r\n\r\nbroken"),
    ("multipart/form-data", b"no boundary"),
    ("text/plain", "ạ".encode() * 1000),
    ("application/xml", b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'a'>]><x>&a;</x>"),
]


def public_routes() -> list[str]:
    pages = Page.objects.live().public().filter(depth__gte=2).specific()
    first_of_each_type = {}
    for page in pages:
        first_of_each_type.setdefault(type(page), page.url)
    return sorted({*first_of_each_type.values(), *FIXED_ROUTES})


def malformed_request(rng: random.Random, routes: list[str]) -> dict:
    path = rng.choice(routes)
    shape = rng.randrange(5)
    if shape == 0:
        path = path.rstrip("/") + "/" + rng.choice(BAD_SEGMENTS) + rng.choice(["", "/"])
    elif shape == 1:
        path = path.replace("/", "//", 1) if rng.random() < 0.5 else path + "%2F" + rng.choice(BAD_SEGMENTS)
    pairs = []
    for _ in range(rng.randrange(0, 5)):
        value = rng.choice(BAD_VALUES)
        pairs.append(f"{quote(rng.choice(PARAMETERS))}={value if rng.random() < 0.3 else quote(value)}")
    query = "&".join(pairs)
    return {
        "method": rng.choice(METHODS),
        "path": path + ("?" + query if query else ""),
        "headers": rng.choice(HEADERS),
        "body": rng.choice(BODIES) if rng.random() < 0.5 else None,
    }


def send(client: Client, request: dict):
    content_type, body = request["body"] or ("application/octet-stream", b"")
    method = request["method"].lower()
    if method in {"get", "head", "options", "trace"}:
        return getattr(client, method)(request["path"], **request["headers"])
    return getattr(client, method)(request["path"], data=body, content_type=content_type, **request["headers"])


def test_no_malformed_request_gets_a_server_error(client, settings):
    settings.FRAGMENT_CACHE_SECONDS = 600  # as in production: the layout is kept, each view still runs
    client.raise_request_exception = False
    routes = public_routes()
    assert len(routes) >= 30, routes
    rng = random.Random(20231108)
    failures, statuses = [], {}
    for _ in range(REQUESTS):
        request = malformed_request(rng, routes)
        status = send(client, request).status_code
        statuses[status // 100] = statuses.get(status // 100, 0) + 1
        if status >= 500:
            failures.append(
                f"{status} {request['method']} {request['path'][:200]} {request['headers']} {request['body']}"
            )
    print(f"{REQUESTS} requests to {len(routes)} routes, answers by class: {statuses}")
    assert failures == [], f"{len(failures)} of {REQUESTS} got a server error:\n" + "\n".join(failures[:20])
    assert statuses.get(2, 0) > REQUESTS // 10, f"most requests should still reach the pages: {statuses}"
    assert statuses.get(4, 0) > REQUESTS // 10, f"and many should be refused: {statuses}"
