"""Citizens' input benchmark: what a submission costs against the floor view, and how many of 1,000 bot-style posts
are stored.

Usage: python -m bench.citizen_input [--rounds N]

Builds a throwaway SQLite demo portal (``load_demo --single-site``) with the production settings and measures in
process (Django's test client, whole middleware stack):

1. The median time of /healthz/live (one query, the floor), of showing the question form, and of each submission
   that stores something — a question, a comment on the open demo draft, a page rating (a vote counted) — each from
   an address of its own, with a form shown long enough ago; submissions per second is 1 / median, and the ratio
   to the floor is what to compare between machines.
2. 1,000 posts of the question form as bots send them, 200 of each kind: without the form's token; with every field
   filled, the hidden trap too; sent at once after fetching the form; patient (the form fetched, the post 3.5 s
   later, no proof of work: no JavaScript) from one address; the same from 200 addresses. It prints how many of
   each were stored.
"""

import argparse
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

SUBMISSIONS_PER_KIND = 200


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-citizens-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    os.environ.update(
        SECRET_KEY="bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",  # noqa: S106 - a throwaway portal
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        PAGE_CACHE_DIR=str(workdir / "page-cache"),
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SECURE_HTTPS="false",
        REDIS_URL="",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from news.models import NewsArticlePage
    from questions.models import Question, QuestionTopic
    from tests.citizen_forms import guard_fields

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--single-site", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("collectstatic", "--noinput", verbosity=0)
    topic = QuestionTopic.objects.get(slug="dat-dai").pk
    counter = iter(range(10**9))

    def question(**extra) -> dict:
        number = next(counter)
        return {
            "name": f"Cong dan {number}",
            "email": f"cd{number}@example.com",
            "topic": topic,
            "title": f"Cau hoi {number}",
            "text": "Xin hoi ve thu tuc tach thua dat cho con.",
            "consent": "on",
            **extra,
        }

    def address() -> str:
        number = next(counter)
        return f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"

    client = Client(HTTP_HOST="localhost")

    draft = "/lay-y-kien/du-thao-de-an-dat-ten-duong-pho-thi-tran-gia-loc/gop-y/"
    article = NewsArticlePage.objects.live().first().pk
    browser = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"

    def comment() -> dict:
        number = next(counter)
        return {
            **guard_fields(proof=True),
            "commenter_kind": "person",
            "name": f"Cong dan {number}",
            "email": f"cd{number}@example.com",
            "section": "",
            "text": "De nghi giu ten duong cu cho tuyen ven song.",
            "consent": "on",
        }

    def timed(prepare, send, expected: int) -> float:
        """The time of ``send`` alone (the form's fields, proof of work included, are prepared before)."""
        data = prepare()
        start = time.perf_counter()
        response = send(data)
        elapsed = time.perf_counter() - start
        assert response.status_code == expected, response.status_code
        return elapsed

    def nothing():
        return None

    measurements = {
        "/healthz/live (floor)": (nothing, lambda _data: client.get("/healthz/live"), 200),
        "question form (GET)": (nothing, lambda _data: client.get("/hoi-dap/dat-cau-hoi/"), 200),
        "question (POST, stored)": (
            lambda: (question(**guard_fields(proof=True)), address()),
            lambda data: client.post("/hoi-dap/dat-cau-hoi/", data[0], REMOTE_ADDR=data[1]),
            303,
        ),
        "comment on a draft (POST, stored)": (
            lambda: (comment(), address()),
            lambda data: client.post(draft, data[0], REMOTE_ADDR=data[1]),
            303,
        ),
        "page rating (POST, counted)": (
            address,
            lambda remote: client.post(
                "/danh-gia-trang/",
                {"page": article, "useful": "1"},
                REMOTE_ADDR=remote,
                HTTP_USER_AGENT=browser,
                HTTP_ORIGIN="http://localhost",
            ),
            303,
        ),
    }
    medians = {}
    for name, (prepare, send, expected) in measurements.items():
        for _ in range(10):
            timed(prepare, send, expected)
        medians[name] = statistics.median(timed(prepare, send, expected) for _ in range(args.rounds))
    floor = medians["/healthz/live (floor)"]
    print(f"{'view':32} {'median ms':>10} {'per second':>11} {'× floor':>8}")
    for name, median in medians.items():
        print(f"{name:32} {median * 1000:10.3f} {1 / median:11.0f} {median / floor:8.2f}")

    # Bots ------------------------------------------------------------------------------------------------------
    def shown_form() -> dict:
        html = client.get("/hoi-dap/dat-cau-hoi/").content.decode()
        token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
        return {"form_token": token, "proof": ""}

    before = Question.objects.count()
    stored = {}

    def run(kind: str, posts):
        start = Question.objects.count()
        for data, remote in posts:
            client.post("/hoi-dap/dat-cau-hoi/", data, REMOTE_ADDR=remote)
        stored[kind] = Question.objects.count() - start

    run("no form token", ((question(), address()) for _ in range(SUBMISSIONS_PER_KIND)))
    run(
        "every field filled (trap)",
        ((question(**shown_form(), website="http://spam.example"), address()) for _ in range(SUBMISSIONS_PER_KIND)),
    )
    run("posted at once", ((question(**shown_form()), address()) for _ in range(SUBMISSIONS_PER_KIND)))
    forms = [shown_form() for _ in range(2 * SUBMISSIONS_PER_KIND)]
    time.sleep(3.5)
    run("patient, one address", ((question(**form), "192.0.2.66") for form in forms[:SUBMISSIONS_PER_KIND]))
    run("patient, 200 addresses", ((question(**form), address()) for form in forms[SUBMISSIONS_PER_KIND:]))
    print(f"\nBot-style posts of the question form ({SUBMISSIONS_PER_KIND} of each kind, 1,000 in all):")
    for kind, count in stored.items():
        print(f"  {kind:28} {count:4d} stored")
    print(f"  {'all':28} {Question.objects.count() - before:4d} stored of {5 * SUBMISSIONS_PER_KIND}")


if __name__ == "__main__":
    main()
