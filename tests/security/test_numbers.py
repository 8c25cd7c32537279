"""Numbers read from requests (portal/numbers.py): every path, query parameter and body that takes a number, given
numbers beyond 64 bits, beyond what a float holds and not finite. Each is refused (404 for a path, 400 with a reason
for a parameter or a body) or answered normally; never a 5xx, on SQLite as on PostgreSQL, and the API answers JSON."""

import json
import re

from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

import pytest

from portal.numbers import MAX_ID, IdConverter, read_id, read_int
from portal.views import server_error
from tests.security.test_fuzz import PARAMETERS, public_routes

pytestmark = pytest.mark.django_db

# Beyond a signed 64-bit integer (by one, and far), below it, and numbers a float cannot hold.
HUGE = [str(MAX_ID + 1), "99999999999999999999", str(2**64), f"-{MAX_ID + 2}"]
NOT_FINITE = ["1e400", "-1e400", "Infinity", "-Infinity", "NaN", "inf"]
OTHER_DIGITS = ["２", "²", "١٢"]  # full-width, superscript and Arabic-Indic digits: digits to str.isdigit
NUMBER_BODIES = [
    *(f'{{"page": {value}}}' for value in [*HUGE, *NOT_FINITE, "1.5", "true", "null", "[]", "{}", '"12a"']),
    *(f'{{"page": "{value}"}}' for value in [*HUGE, *NOT_FINITE, *OTHER_DIGITS]),
    '[{"page": 1}]',
    "1e400",
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12), (12, 12), (" 12 ", 12), ("+12", 12), ("-3", None), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None),
        ("9" * 400, None), (MAX_ID + 1, None), (float("inf"), None), (float("nan"), None), (1e400, None), (12.0, None),
        (True, None), (None, None), ("", None), ("1e3", None), ("0x1F", None), ("２", None), ("²", None),
        ("١٢", None), ([], None), ({}, None), ("0", None),
    ],
)  # fmt: skip
def test_an_id_is_ascii_digits_within_64_bits(value, expected):
    assert read_id(value) == expected


def test_bounds_are_the_callers():
    assert read_int("-5", minimum=-10, maximum=10) == -5
    assert read_int("11", minimum=-10, maximum=10) is None
    assert read_int("0") == 0


def test_the_path_converter_refuses_what_the_database_cannot_hold():
    converter = IdConverter()
    assert re.fullmatch(converter.regex, str(MAX_ID))
    assert not re.fullmatch(converter.regex, "9" * 20)
    assert converter.to_python(str(MAX_ID)) == MAX_ID
    for value in (str(MAX_ID + 1), "0"):
        with pytest.raises(ValueError):
            converter.to_python(value)


def numeric_routes(resolver, prefix="") -> list[str]:
    """Every route under ``resolver`` with a number in it, the numbers replaced by ``{}``; other parts filled in."""
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += numeric_routes(pattern, route)
            continue
        assert isinstance(pattern, URLPattern)
        if not re.search(r"<(int|id):\w+>", route) or "(?P<" in route or "\\" in route:
            continue
        route = re.sub(r"<(int|id):\w+>", "{}", route)
        route = re.sub(r"<(str|slug|path):\w+>", "x", route)
        if "<" not in route:
            found.append(route.lstrip("^").rstrip("$"))
    return found


def every_numeric_route() -> list[str]:
    """The portal's and Wagtail's routes taking a number, and each routable page's sub-routes that do."""
    routes = ["/" + route for route in numeric_routes(get_resolver())]
    seen = set()
    for page in Page.objects.live().specific():
        if isinstance(page, RoutablePageMixin) and type(page) not in seen:
            seen.add(type(page))
            routes += [page.url + route for route in numeric_routes(page.get_resolver())]
    return routes


def check(response, request_line, failures):
    if response.status_code >= 500:
        failures.append(f"{response.status_code} {request_line}")
    elif request_line.split()[-1].startswith("/api/") and "json" not in response.get("Content-Type", ""):
        failures.append(f"{response.status_code} {response.get('Content-Type')} (not JSON) {request_line}")


def test_no_number_in_a_path_gets_a_server_error():
    routes = every_numeric_route()
    assert len(routes) > 60, routes
    assert any("thong-bao-{}" in route for route in routes), "the routable pages' routes are covered"
    anonymous, editor = Client(), Client()
    editor.force_login(get_user_model().objects.get(username="admin"))
    anonymous.raise_request_exception = editor.raise_request_exception = False
    failures = []
    for route in routes:
        for value in [HUGE[0], HUGE[1], "0"]:
            path = route.replace("{}", value)
            for who, client in (("anonymous", anonymous), ("admin", editor)):
                check(client.get(path), f"GET as {who} {path}", failures)
    assert failures == [], "\n".join(failures[:30])


def api_addresses() -> list[str]:
    """Each API listing (pages of every type in the demo, images, documents) with each parameter it may take."""
    client = Client()
    addresses = []
    kinds = {f"{page._meta.app_label}.{type(page).__name__}" for page in Page.objects.live().specific()}
    for endpoint, types in (("pages", ["", *sorted(kinds)]), ("images", [""]), ("documents", [""])):
        for kind in types:
            base = f"/api/v2/{endpoint}/?" + (f"type={kind}&" if kind else "")
            listing = client.get(base + "fields=*&limit=2").json()
            names = {"id", "offset", "limit", "child_of", "descendant_of", "ancestor_of", "category", "collection"}
            for item in listing["items"]:
                names |= set(item) | set(item["meta"])
            addresses += [f"{base}{name}=" for name in sorted(names - {"type", "fields"})]
        addresses += [f"/api/v2/{endpoint}/find/?id=", f"/api/v2/{endpoint}/"]
    return addresses


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"opendata": "1000000/minute"}}


def test_no_number_in_an_api_parameter_gets_a_server_error():
    addresses = api_addresses()
    assert len(addresses) > 100, addresses
    client = Client(raise_request_exception=False)
    failures = []
    for address in addresses:
        for value in [HUGE[2], "1e400", "２"]:
            check(client.get(address + value), f"GET {address}{value}", failures)
    assert failures == [], "\n".join(failures[:30])


def test_a_number_beyond_the_database_in_an_api_filter_is_a_400_naming_it():
    client = Client()
    for address in ("/api/v2/pages/?alias_of=", "/api/v2/images/?id=", "/api/v2/pages/?id="):
        response = client.get(address + HUGE[1])
        assert response.status_code == 400, address
        assert HUGE[1] in response.json()["message"], address


def test_no_number_in_a_page_parameter_gets_a_server_error():
    client = Client(raise_request_exception=False)
    failures = []
    routes = [route for route in public_routes() if not route.startswith("/api/")]
    for route in routes:
        separator = "&" if "?" in route else "?"
        for value in [HUGE[1], "1e400", "-Infinity", "²"]:
            query = "&".join(f"{name}={value}" for name in PARAMETERS)
            check(client.get(f"{route}{separator}{query}"), f"GET {route}?…={value}", failures)
    assert failures == [], "\n".join(failures[:30])


@pytest.mark.parametrize("body", NUMBER_BODIES)
def test_no_number_in_a_beacon_body_gets_a_server_error(client, body):
    response = client.post("/luot-truy-cap/", data=body, content_type="application/json", HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 400, body
    assert "error" in response.json()


@pytest.mark.parametrize("value", [*HUGE, *NOT_FINITE, *OTHER_DIGITS])
def test_no_number_in_a_form_encoded_beacon_or_its_length_gets_a_server_error(client, value):
    response = client.post("/luot-truy-cap/", data=f"page={value}", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    response = client.post("/luot-truy-cap/", data="{}", content_type="application/json", CONTENT_LENGTH=value)
    assert 400 <= response.status_code < 500


def test_an_unknown_api_address_is_a_json_404(client):
    for path in ("/api/v2/pages/-1/", "/api/v2/pages/1e400/", "/api/v2/khong-co/", "/api/v3/pages/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert json.loads(response.content)["message"], path


def test_a_server_error_in_the_api_is_answered_in_json():
    """What the portal answers if something still fails: the API's clients read JSON, people the error page."""
    factory = RequestFactory()
    response = server_error(factory.get("/api/v2/pages/"))
    assert response.status_code == 500
    assert json.loads(response.content)["message"]
    response = server_error(factory.get("/tin-tuc/"))
    assert response.status_code == 500
    assert "json" not in response.get("Content-Type", "")
