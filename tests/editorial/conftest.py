"""Users in each editorial role, and posting admin forms as them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from editorial import roles
from news.models import NewsCategory, NewsIndexPage


def member(role: str, username: str):
    user = get_user_model().objects.create_user(username, f"{username}@gialoc.example", "pw")
    user.groups.add(Group.objects.get(name=role))
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(db):
    return member(roles.EDITOR, "bien-tap")


@pytest.fixture
def approver(db):
    return member(roles.APPROVER, "nguoi-duyet")


@pytest.fixture
def content_admin(db):
    return member(roles.CONTENT_ADMIN, "quan-tri")


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get()


def article_form(title: str, slug: str, action: str, **extra) -> dict:
    """The add/edit form of a news article as the admin posts it; ``action`` is publish, submit or '' (save draft)."""
    category = NewsCategory.objects.get(slug="kinh-te")
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Tin thử quy trình duyệt.",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
            "primary_category": category.pk,
            "tags": "",
            "related_links": inline_formset([]),
            **extra,
        }
    )
    data["categories"] = [category.pk]
    if action:
        data[f"action-{action}"] = action
    return data


def add_article(client, index, slug: str, action: str, **extra):
    return client.post(
        f"/admin/pages/add/news/newsarticlepage/{index.pk}/", article_form(f"Bài {slug}", slug, action, **extra)
    )
