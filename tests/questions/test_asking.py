"""A citizen asks a question: stored once whatever happens to the mail, refused with a reason (and nothing lost)
when something is wrong, followed by its tracking code without signing in."""

import socket

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

import pytest

from portal import guard
from portal.models import ContactChoice, PortalSettings, QueuedMail
from questions.models import Question, QuestionStatus, QuestionTopic
from tests.citizen_forms import guard_fields

pytestmark = pytest.mark.django_db

ASK = "/hoi-dap/dat-cau-hoi/"
STATUS = "/hoi-dap/tra-cuu/"


@pytest.fixture(autouse=True)
def fresh_limits():
    """Per-address limits live in the cache; each test starts with none used."""
    from django.core.cache import cache

    cache.clear()


def question_data(**overrides) -> dict:
    data = {
        "name": "Nguyen Van Binh",
        "email": "binh@example.com",
        "phone": "",
        "topic": QuestionTopic.objects.get(slug="dat-dai").pk,
        "title": "Thu tuc tach thua dat",
        "text": "Toi muon tach thua dat cho con, can giay to gi?",
        "consent": "on",
        **guard_fields(),
    }
    data.update(overrides)
    return data


def ask(client, **overrides):
    return client.post(ASK, question_data(**overrides), REMOTE_ADDR=overrides.pop("address", "203.0.113.7"))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nobody listens once the socket is closed


def test_the_form_says_what_is_collected_and_is_never_cached(client):
    response = client.get(ASK)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="form_token"' in html and "data-proof-challenge" in html and 'name="website"' in html
    assert "365" in html  # the retention period of the site's settings, in the privacy note
    assert "no-store" in response["Cache-Control"]


def test_a_question_typed_without_marks_is_stored_once_and_the_citizen_gets_a_tracking_code(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client)
    assert response.status_code == 303
    question = Question.objects.get(title="Thu tuc tach thua dat")
    assert response["Location"].endswith(f"{STATUS}?ma={question.code}&moi=1")
    assert question.status == QuestionStatus.RECEIVED and question.site.is_default_site
    assert question.consent and not question.proven
    page = client.get(response["Location"]).content.decode()
    assert question.code in page and "Đã tiếp nhận" in page
    # The portal's mailbox and the citizen are told, after the commit.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        ["binh@example.com", PortalSettings.for_site(question.site).citizen_input_recipient]
    )
    assert question.code in next(m.body for m in mail.outbox if m.to == ["binh@example.com"])


def test_the_same_form_sent_twice_is_one_question(client):
    fields = guard_fields(nonce="double-click")
    first = ask(client, **fields)
    second = ask(client, **fields)
    assert first["Location"] == second["Location"]
    assert Question.objects.filter(title="Thu tuc tach thua dat").count() == 1


def test_with_the_mail_server_down_the_question_is_kept_and_its_mail_stays_queued(
    client, django_capture_on_commit_callbacks
):
    smtp = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_PORT": closed_port()}
    with (
        override_settings(EMAIL_HOST="127.0.0.1", EMAIL_TIMEOUT=2, **smtp),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = ask(client)
    assert response.status_code == 303
    question = Question.objects.get(title="Thu tuc tach thua dat")
    queued = QueuedMail.objects.filter(sent_at__isnull=True, recipient="binh@example.com")
    assert queued.count() == 1 and queued.get().attempts == 1 and "Connection" in queued.get().last_error
    assert question.code in queued.get().body
    # Once the server answers again, the queued mail goes out.
    call_command("send_queued_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not QueuedMail.objects.filter(sent_at__isnull=True).exists()
    assert any(question.code in message.body for message in mail.outbox)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "", "Trường này là bắt buộc."),
        ("text", "x" * 100_000, "5000"),
        ("text", "Xin hỏi\x00\x1b[31m", "ký tự điều khiển"),
        ("title", "a\u202eb", "ký tự điều khiển"),
        ("email", "khong-phai-email", "Nhập một địa chỉ email hợp lệ"),
        ("phone", "abc", "8 đến 15 chữ số"),
        ("topic", "99999999", "Hãy chọn một lựa chọn hợp lệ"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_everything_typed_stays(client, field, value, message):
    response = ask(client, **{field: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Toi muon tach thua dat cho con" in html or field == "text"
    assert "Nguyen Van Binh" in html
    assert not Question.objects.filter(name="Nguyen Van Binh").exists()


def test_markup_is_kept_as_text_and_never_run(client):
    response = ask(client, title="<script>alert(1)</script> Hoi ve dat")
    question = Question.objects.get(name="Nguyen Van Binh")
    assert question.title == "<script>alert(1)</script> Hoi ve dat"
    page = client.get(response["Location"]).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hoi ve dat" in page and "<script>alert(1)" not in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "không được chấp nhận"),
        ("giay-to.pdf", b"MZ\x90\x00 not a pdf", "không phải tệp .pdf thật"),
    ],
)
def test_a_wrong_file_is_refused_with_a_reason(client, name, content, message):
    response = ask(client, attachment=SimpleUploadedFile(name, content))
    assert message in response.content.decode()
    assert not Question.objects.filter(name="Nguyen Van Binh").exists()


def test_a_real_file_is_kept_where_the_public_cannot_reach_it(client, settings):
    pdf = SimpleUploadedFile("so-do.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    ask(client, attachment=pdf)
    question = Question.objects.get(name="Nguyen Van Binh")
    assert question.attachment.path.startswith(f"{settings.MEDIA_ROOT}/private/")
    assert client.get(f"/media/private/{question.attachment.name}").status_code == 404


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"website": "http://spam.example"}, "tự động"),
        ({"form_token": "forged"}, "hết hạn"),
        ({"form_token": "just shown"}, "quá nhanh"),
        ({"proof": "e30="}, "kiểm tra trình duyệt"),
    ],
)
def test_bots_are_turned_away_and_nothing_is_stored(client, fields, message):
    if fields.get("form_token") == "just shown":
        fields = {"form_token": guard_fields(seconds_ago=0.5)["form_token"]}
    response = ask(client, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.filter(name="Nguyen Van Binh").exists()


def test_one_address_may_send_a_few_questions_an_hour_more_with_the_browser_check(client):
    for number in range(guard.LIMIT_WITHOUT_PROOF):
        assert ask(client, title=f"Cau hoi {number}").status_code == 303
    refused = ask(client, title="Cau hoi qua gioi han")
    assert refused.status_code == 200 and "Cau hoi qua gioi han" in refused.content.decode()
    assert not Question.objects.filter(title="Cau hoi qua gioi han").exists()
    # With the browser's proof of work the limit is higher; another address has its own.
    assert ask(client, title="Co bang chung", **guard_fields(proof=True)).status_code == 303
    assert Question.objects.get(title="Co bang chung").proven
    assert ask(client, title="Dia chi khac", address="198.51.100.2").status_code == 303


def test_without_the_browser_check_the_whole_portal_takes_a_few_an_hour_from_all_addresses(client, monkeypatch):
    monkeypatch.setattr(guard, "LIMIT_WITHOUT_PROOF_PER_HOST", 3)
    for number in range(3):
        assert ask(client, title=f"Cau hoi {number}", address=f"198.51.100.{number}").status_code == 303
    assert ask(client, title="Mot dia chi moi", address="198.51.100.99").status_code == 200
    assert ask(client, title="Co bang chung", address="198.51.100.98", **guard_fields(proof=True)).status_code == 303


def test_a_site_that_asks_for_a_phone_number_does_not_ask_for_an_email(client, site):
    settings = PortalSettings.for_site(site)
    settings.citizen_contact = ContactChoice.PHONE
    settings.save()
    form = client.get(ASK).content.decode()
    assert 'name="phone"' in form and 'name="email"' not in form
    assert "Trường này là bắt buộc." in ask(client, phone="").content.decode()
    assert ask(client, phone="0912 345 678").status_code == 303


def test_either_contact_is_enough_but_one_is_needed(client):
    assert "số điện thoại" in ask(client, email="", phone="").content.decode()
    assert ask(client, email="", phone="0912345678").status_code == 303


def test_the_status_page_finds_a_code_of_this_site_only_and_is_private(client):
    question = Question.objects.get(code="HD-DEMO-0002")
    response = client.get(STATUS, {"ma": " hd-demo-0002 "})
    html = response.content.decode()
    assert question.title in html and "Đang xử lý" in html
    assert "Nguyễn Văn Demo" not in html and "cong.dan@example.com" not in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    missing = client.get(STATUS, {"ma": "HD-0000-0000"})
    assert missing.status_code == 200 and "Không tìm thấy câu hỏi" in missing.content.decode()
