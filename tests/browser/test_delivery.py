"""What the production server sends: cached pages, long-lived static files, and the home page's weight."""

import gzip
import re
import urllib.request
from urllib.parse import urljoin, urlparse

import pytest

HOME_PAGE_BUDGET_BYTES = 150 * 1024  # HTML + CSS + JS, compressed


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"User-Agent": "Mozilla/5.0 (delivery test)", **headers})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - our own local server
        return response.status, dict(response.headers), response.read()


def test_the_second_anonymous_view_of_a_page_comes_from_the_page_cache(portal_url):
    fetch(portal_url + "/gioi-thieu/")
    status, headers, _ = fetch(portal_url + "/gioi-thieu/")
    assert status == 200
    assert headers["X-Page-Cache"] == "hit"
    assert "public" in headers["Cache-Control"] and "s-maxage=" in headers["Cache-Control"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_a_signed_in_editor_is_never_served_from_the_cache(portal_url):
    fetch(portal_url + "/gioi-thieu/")
    _, headers, _ = fetch(portal_url + "/gioi-thieu/", Cookie="sessionid=anything")
    assert "X-Page-Cache" not in headers
    assert "private" in headers["Cache-Control"]


def test_static_files_have_hashed_names_and_a_year_long_lifetime(portal_url):
    _, _, html = fetch(portal_url + "/")
    stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html)
    script = re.search(rb'src="(/static/js/portal\.[0-9a-f]{12}\.js)"', html)
    assert stylesheet and script, "static files are referenced by hashed names"
    for path in (stylesheet.group(1), script.group(1)):
        _, headers, _ = fetch(portal_url + path.decode(), **{"Accept-Encoding": "gzip"})
        assert "max-age=315360000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]
        assert headers.get("Content-Encoding") in ("gzip", "br")


def test_home_page_html_css_and_js_weigh_under_150_kb_compressed(portal_url):
    _, _, html = fetch(portal_url + "/")
    assets = re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html)
    assert assets, "the page has its stylesheet and script"
    total = len(gzip.compress(html))
    for asset in assets:
        url = urljoin(portal_url + "/", asset.decode())
        assert urlparse(url).hostname == "127.0.0.1", f"{url} is on another host"
        _, _, body = fetch(url)
        total += len(gzip.compress(body))
    assert total < HOME_PAGE_BUDGET_BYTES, f"{total} bytes"
    print(f"home page HTML + CSS + JS: {total} bytes compressed")  # shown with -s; the figure is in performance.md


@pytest.mark.parametrize("attribute", [b"src", b"href", b"action", b"srcset", b"poster"])
def test_home_page_refers_to_no_other_host_it_would_load(portal_url, attribute):
    _, _, html = fetch(portal_url + "/")
    loaded = re.findall(rb"<(?:img|script|link|source|video|audio|iframe)\b[^>]*\b" + attribute + rb'="([^"]+)"', html)
    for value in loaded:
        for url in value.decode().split(","):
            host = urlparse(urljoin(portal_url + "/", url.strip().split(" ")[0])).hostname
            assert host == "127.0.0.1", url
