"""64 citizens send their questions at the same moment, each twice, to a portal of two worker processes on one
database: every question is stored, once (the second copy is a double click on a slow connection).

The portal is gunicorn (two workers, sixteen threads each) with the settings for tests, on a database made for the
test, of the run's kind (SQLite or PostgreSQL)."""

import os
import re
import shutil
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from tests.citizen_forms import form_token, solved_proof
from tests.databases import scratch_database
from tests.servers import free_port, start_server
from tests.visitors.test_flood_across_workers import ask as ask_database
from tests.visitors.test_flood_across_workers import manage

pytestmark = pytest.mark.xdist_group("concurrent-questions")
CITIZENS = 64
SETUP = """
from wagtail.models import Page
from questions.models import QuestionIndexPage, QuestionTopic
QuestionTopic.objects.create(name="Đất đai", slug="dat-dai")
Page.objects.get(depth=2).add_child(instance=QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))
print(QuestionTopic.objects.get().pk)
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def portal():
    workdir = Path(tempfile.mkdtemp(prefix="portal-questions-"))
    database_url, drop_database = scratch_database(workdir, "portal_questions")
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        REDIS_URL="",
        MEDIA_ROOT=str(workdir / "media"),
        TRUSTED_PROXY_COUNT="1",  # each citizen comes from an address of their own (X-Forwarded-For)
    )
    server = None
    try:
        manage(env, "migrate", "--noinput")
        topic = ask_database(env, SETUP)
        port = free_port()
        gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
        server, url = start_server(
            [*gunicorn, "--workers", "2", "--threads", "16"], env, "the portal for concurrent questions", port
        )
        yield url, env, topic
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


def send_all(url: str, forms: list[dict], cookie: str) -> list[tuple[int, str]]:
    """POST every form at once (one thread each, released together); the status and Location of each answer."""
    opener = urllib.request.build_opener(NoRedirect)
    start = threading.Barrier(len(forms))
    answers = [None] * len(forms)

    def send(number: int):
        request = urllib.request.Request(  # noqa: S310 - our own local server
            f"{url}/hoi-dap/dat-cau-hoi/",
            data=urllib.parse.urlencode(forms[number]).encode(),
            headers={"Cookie": cookie, "X-Forwarded-For": f"198.51.100.{number + 1}", "Referer": f"{url}/"},
        )
        start.wait()
        try:
            response = opener.open(request, timeout=60)
            answers[number] = (response.status, response.headers.get("Location", ""))
        except urllib.error.HTTPError as error:
            answers[number] = (error.code, error.headers.get("Location", ""))

    threads = [threading.Thread(target=send, args=(number,)) for number in range(len(forms))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def test_64_questions_sent_at_once_are_each_stored_once(portal):
    url, env, topic = portal
    jar = CookieJar()
    form_page = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)).open(f"{url}/hoi-dap/dat-cau-hoi/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.read().decode()).group(1)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    forms = [
        {
            "csrfmiddlewaretoken": csrf,
            "form_token": form_token(seconds_ago=10),
            "website": "",
            "proof": solved_proof(),  # as a browser with JavaScript sends it
            "name": f"Cong dan {number}",
            "email": f"cong.dan.{number}@example.com",
            "topic": topic,
            "title": f"Cau hoi so {number}",
            "text": "Xin hoi ve thu tuc tach thua dat.",
            "consent": "on",
        }
        for number in range(CITIZENS)
    ]
    # Every form sent twice at the same moment: 128 requests, two of each.
    answers = send_all(url, forms + forms, cookie)
    assert [status for status, _location in answers] == [303] * (2 * CITIZENS)
    first, second = answers[:CITIZENS], answers[CITIZENS:]
    assert [location for _status, location in first] == [location for _status, location in second]
    codes = {location.split("ma=")[1].split("&")[0] for _status, location in first}
    assert len(codes) == CITIZENS
    count = "from questions.models import Question; print(Question.objects.count())"
    titles = "from questions.models import Question; print(Question.objects.values('title').distinct().count())"
    assert ask_database(env, count) == CITIZENS
    assert ask_database(env, titles) == CITIZENS
