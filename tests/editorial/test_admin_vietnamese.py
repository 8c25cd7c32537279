"""What editors read in the Vietnamese admin that Wagtail or Django leave in English."""

import datetime

from django.utils import timezone, translation
from django.utils.timesince import timesince

from wagtail.admin.templatetags.wagtailadmin_tags import timesince_last_update, timesince_simple

import pytest


@pytest.mark.django_db
def test_the_sign_in_form_labels_the_password_in_vietnamese(client):
    page = client.get("/admin/login/").content.decode()
    assert 'id="id_password-label"' in page
    label = page.split('id="id_password-label">', 1)[1].split("<", 1)[0].strip()
    assert label == "Mật khẩu"
    assert "Quên mật khẩu?" in page and "Ghi nhớ đăng nhập" in page, "the rest of the form is Wagtail's"


@pytest.mark.django_db
def test_signing_in_still_works(client, django_user_model):
    django_user_model.objects.create_superuser("quantri", "quantri@gialoc.example", "mat-khau-dai-123")
    response = client.post("/admin/login/", {"username": "quantri", "password": "mat-khau-dai-123"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("ago", "expected"),
    [
        (datetime.timedelta(days=3 * 366), "3 năm"),
        (datetime.timedelta(days=62), "2 tháng"),
        (datetime.timedelta(days=15), "2 tuần"),
        (datetime.timedelta(days=2), "2 ngày"),
        (datetime.timedelta(hours=5), "5 giờ"),
        (datetime.timedelta(minutes=7), "7 phút"),
    ],
)
def test_time_since_is_in_vietnamese(ago, expected):
    now = timezone.now()
    with translation.override("vi"):
        assert timesince(now - ago, now=now).split(",")[0].replace("\xa0", " ") == expected


def test_the_admin_says_just_now_and_years_ago_in_vietnamese():
    with translation.override("vi"):
        assert timesince_simple(timezone.now()) == "vừa xong"
        years_ago = timesince_last_update(timezone.now() - datetime.timedelta(days=3 * 366))
        assert years_ago.replace("\xa0", " ") == "3 năm trước"
