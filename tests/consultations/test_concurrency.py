"""64 people commenting at the same moment on a real server with threads: every comment stored once, with its mail
queued; and one form sent several times at once (a double click, a retry) stored once. Runs on the run's database,
SQLite or PostgreSQL."""

import re
import threading
import time

from django.utils import timezone

from wagtail.models import Page

import pytest
import requests  # Wagtail's own dependency

from consultations.models import DraftComment, DraftIndexPage, DraftPage, DraftSection
from home.models import HomePage
from portal.models import QueuedMail
from portal.tree import publish
from tests.citizen_forms import form_token, solved_proof

PEOPLE = 64
SAME_FORM_TWICE_OVER = 8
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def committed_draft():
    # The restored home page may sit over pages committed before: recount its children first.
    Page.fix_tree()
    home = HomePage.objects.first()
    index = publish(home, DraftIndexPage(title="Lấy ý kiến (đồng thời)", slug="lay-y-kien-dong-thoi"))
    draft = DraftPage(
        title="Dự thảo thử tải",
        slug="du-thao-thu-tai",
        drafting_office="Phòng Tư pháp",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
    )
    draft.sections = [DraftSection(label="Điều 1", sort_order=0)]
    return publish(index, draft)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_comments_are_each_stored_once(live_server, committed_draft, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # each person from an address of their own, as the proxy in front reports it
    form_url = live_server.url + committed_draft.comment_url()
    sessions = []
    for _number in range(PEOPLE + SAME_FORM_TWICE_OVER):
        session = requests.Session()  # its connection stays open, as a browser's does between showing and sending
        page = session.get(form_url, timeout=30)
        assert page.status_code == 200
        sessions.append((session, CSRF.search(page.text).group(1)))
    # Each browser solved its proof of work (so the stricter limits without one do not apply); the repeated form
    # carries one token and one proof, as a browser sending the same form again does.
    duplicate = {"form_token": form_token(nonce="one-form-sent-eight-times"), "proof": solved_proof()}
    guards = [{"form_token": form_token(), "proof": solved_proof()} for _number in range(PEOPLE)]
    start = threading.Barrier(len(sessions))
    answers, errors = [], []

    def person(number, session, csrf):
        data = {
            "csrfmiddlewaretoken": csrf,
            **(duplicate if number >= PEOPLE else guards[number]),
            "website": "",
            "commenter_kind": "person",
            "name": f"Người góp ý {number}",
            "email": f"nguoi{number}@example.vn",
            "text": f"Ý kiến số {number}",
            "consent": "on",
        }
        headers = {"X-Forwarded-For": f"198.51.{number // 200}.{number % 200 + 1}", "Referer": form_url}
        try:
            start.wait(timeout=60)
            response = session.post(form_url, data=data, headers=headers, allow_redirects=False, timeout=120)
            answers.append(response.status_code)
        except Exception as error:
            errors.append(repr(error))

    threads = [threading.Thread(target=person, args=(n, *sessions[n])) for n in range(len(sessions))]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert errors == []
    assert answers == [303] * len(sessions), f"in {time.monotonic() - began:.1f} s"
    comments = DraftComment.objects.filter(draft=committed_draft)
    assert comments.count() == PEOPLE + 1
    assert comments.values("submission_key").distinct().count() == PEOPLE + 1
    texts = set(comments.values_list("text", flat=True))
    assert {f"Ý kiến số {n}" for n in range(PEOPLE)} <= texts
    assert QueuedMail.objects.filter(subject__contains=committed_draft.title).count() == PEOPLE + 1
