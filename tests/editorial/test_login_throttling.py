"""Admin sign-in is throttled per user name and address (django-axes), with a Vietnamese message when locked."""

from django.contrib.auth import get_user_model
from django.test import Client, override_settings

import pytest

LOGIN = "/admin/login/"


@pytest.fixture
def account(db):
    return get_user_model().objects.create_user("bientap-thu", "thu@gialoc.example", "dung-mat-khau", is_staff=True)


def attempt(client, password, username="bientap-thu", **headers):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **headers)


def fail(client, times, **headers):
    for _ in range(times):
        response = attempt(client, "sai-mat-khau", **headers)
        if response.status_code == 429:
            return response
        assert response.status_code == 200
    return response


pytestmark = pytest.mark.django_db


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(account):
    client = Client(REMOTE_ADDR="203.0.113.5")
    fail(client, 4)
    assert attempt(client, "sai-mat-khau").status_code == 429
    locked = attempt(client, "dung-mat-khau")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Tạm khóa đăng nhập" in text
    assert "5 lần" in text and "15 phút" in text
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_the_lock_holds_for_that_user_name_at_that_address_only(account):
    get_user_model().objects.create_user("duyet-thu", "d@gialoc.example", "mat-khau-khac", is_staff=True)
    fail(Client(REMOTE_ADDR="203.0.113.5"), 5)
    assert attempt(Client(REMOTE_ADDR="203.0.113.5"), "mat-khau-khac", username="duyet-thu").status_code == 302
    assert attempt(Client(REMOTE_ADDR="198.51.100.7"), "dung-mat-khau").status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_a_successful_sign_in_starts_the_count_again(account):
    client = Client(REMOTE_ADDR="203.0.113.5")
    fail(client, 4)
    assert attempt(client, "dung-mat-khau").status_code == 302
    client.logout()
    assert fail(client, 4).status_code == 200
    assert attempt(client, "dung-mat-khau").status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_address_counts_and_cannot_be_chosen_by_the_client(account):
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    # The proxy appends the address it saw; whatever the client wrote before it is ignored.
    fail(proxy, 5, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5")
    assert attempt(proxy, "dung-mat-khau", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    assert attempt(proxy, "dung-mat-khau", HTTP_X_FORWARDED_FOR="203.0.113.5, 203.0.113.6").status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_a_forged_forwarded_header_changes_nothing(account):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for number in range(5):
        attempt(client, "sai-mat-khau", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert attempt(client, "dung-mat-khau", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429
