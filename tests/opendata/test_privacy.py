"""Nothing a citizen may not see leaves through the API: private sections and their pages, drafts, the draft of a live
page, other sites' pages, and files the download view would refuse — whoever asks, signed in or not."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

import pytest

from documents.downloads import may_serve
from documents.models import LegalDocumentFile
from home.models import StandardPage
from tests.opendata.conftest import ids, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_section(home):
    section = StandardPage(title="Nội bộ cơ quan", slug="noi-bo-co-quan", intro="Chỉ dành cho cán bộ.")
    home.add_child(instance=section)
    section.save_revision().publish()
    child = StandardPage(title="Lịch trực nội bộ bí mật", slug="lich-truc-noi-bo", intro="Lịch trực xuyên đêm.")
    section.add_child(instance=child)
    child.save_revision().publish()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    return section, child


def test_private_section_and_its_pages_are_nowhere(api, client, private_section):
    section, child = private_section
    everything = ids(api("pages/", limit=20, type="home.StandardPage"))
    assert section.pk not in everything
    assert child.pk not in everything
    assert everything  # the public information pages are there
    for page in (section, child):
        assert api(f"pages/{page.pk}/", expect=404) == {"message": "Không tìm thấy."}
    assert api("pages/", expect=400, child_of=section.pk)["message"]
    assert api("pages/", expect=400, descendant_of=section.pk)["message"]
    assert api("pages/", expect=400, ancestor_of=child.pk)["message"]
    assert ids(api("pages/", search="lich truc xuyen dem", limit=20)) == []
    assert client.get("/api/v2/pages/find/", {"html_path": "/noi-bo-co-quan/lich-truc-noi-bo/"}).status_code == 404
    assert client.get("/api/v2/pages/find/", {"id": child.pk}).status_code == 404


def test_private_pages_stay_hidden_from_signed_in_users(api, client, private_section):
    """The API is anonymous: a session that could read the section on the site does not open it here."""
    _section, child = private_section
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    assert client.get(f"/api/v2/pages/{child.pk}/").status_code == 404
    assert child.pk not in ids(api("pages/", limit=20, type="home.StandardPage"))


def test_a_public_page_is_found_by_find(client, home):
    page = Page.objects.get(slug="gioi-thieu", depth=home.depth + 1)
    response = client.get("/api/v2/pages/find/", {"html_path": "/gioi-thieu/"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"http://localhost/api/v2/pages/{page.pk}/")
    assert client.get("/api/v2/pages/find/", {"id": "abc"}).status_code == 400


def test_draft_is_nowhere(api, client, make_article, category):
    draft = make_article("Tin nháp chưa duyệt", "tin-nhap-chua-duyet", publish=False)
    assert draft.pk not in ids(api("pages/", type="news.NewsArticlePage", category=category.slug))
    api(f"pages/{draft.pk}/", expect=404)
    assert client.get("/api/v2/pages/find/", {"html_path": "/tin-tuc/tin-nhap-chua-duyet/"}).status_code == 404


def test_unpublished_page_is_nowhere(api, make_article):
    article = make_article("Tin bị gỡ", "tin-bi-go")
    api(f"pages/{article.pk}/")
    article.unpublish()
    api(f"pages/{article.pk}/", expect=404)


def test_a_live_page_shows_its_live_version_not_its_draft(api, make_article, category):
    article = make_article("Tiêu đề đã đăng Qwvbn", "tieu-de-da-dang", lead="Tóm tắt đã đăng.")
    article.title = "Tiêu đề bản nháp Zyxwoq"
    article.lead = "Tóm tắt bản nháp."
    article.save_revision()
    detail = api(f"pages/{article.pk}/")
    assert (detail["title"], detail["lead"]) == ("Tiêu đề đã đăng Qwvbn", "Tóm tắt đã đăng.")
    (item,) = api("pages/", type="news.NewsArticlePage", category=category.slug, fields="lead")["items"]
    assert (item["title"], item["lead"]) == ("Tiêu đề đã đăng Qwvbn", "Tóm tắt đã đăng.")
    assert ids(api("pages/", type="news.NewsArticlePage", search="zyxwoq")) == []
    assert ids(api("pages/", type="news.NewsArticlePage", search="qwvbn")) == [article.pk]


def test_a_component_site_answers_for_itself_and_the_province_for_all(api, client, home):
    root = Page.get_first_root_node()
    other_home = StandardPage(title="Cổng xã Đức Xương", slug="cong-xa-duc-xuong")
    root.add_child(instance=other_home)
    other_home.save_revision().publish()
    page = StandardPage(title="Giới thiệu xã", slug="gioi-thieu-xa")
    other_home.add_child(instance=page)
    page.save_revision().publish()
    Site.objects.create(hostname="ducxuong.example", port=80, root_page=other_home)

    # The default site is the province's portal: its answers hold every unit's pages (tests/province).
    assert page.pk in ids(api("pages/", type="home.StandardPage", limit=20, search="gioi thieu xa"))
    api(f"pages/{page.pk}/")

    response = client.get("/api/v2/pages/", {"type": "home.StandardPage"}, HTTP_HOST="ducxuong.example")
    assert sorted(ids(response.json())) == sorted([other_home.pk, page.pk])
    assert client.get(f"/api/v2/pages/{home.pk}/", HTTP_HOST="ducxuong.example").status_code == 404


def anonymous_request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


def test_documents_the_download_view_refuses_are_hidden(api, add_document, collections):
    draft = add_document("51/QĐ-UBND")
    draft_file = draft.files.get().document
    draft.unpublish()
    in_private = add_document("52/QĐ-UBND", collection="hdnd")
    private_file = in_private.files.get().document
    PageViewRestriction.objects.create(page=collections["hdnd"], restriction_type=PageViewRestriction.LOGIN)
    shown = add_document("53/QĐ-UBND")
    shown_file = shown.files.get().document
    # A file attached to a hidden document and to a public one is served, and listed.
    shared = add_document("54/QĐ-UBND")
    shared_file = shared.files.get().document
    shared.unpublish()
    LegalDocumentFile.objects.create(page=shown, document=shared_file, title="Phụ lục dùng chung")

    listed = set(ids(api("documents/", limit=20, order="-id")))
    assert shown_file.pk in listed
    assert shared_file.pk in listed
    assert draft_file.pk not in listed
    assert private_file.pk not in listed
    for document in (draft_file, private_file):
        api(f"documents/{document.pk}/", expect=404)
        assert not may_serve(document, anonymous_request())
    api(f"documents/{shown_file.pk}/")

    # Listed exactly when the download view would serve the file to anyone.
    total = api("documents/", limit=1)["meta"]["total_count"]
    every = {pk for offset in range(0, total, 20) for pk in ids(api("documents/", limit=20, offset=offset))}
    for document in get_document_model().objects.all():
        assert (document.pk in every) == may_serve(document, anonymous_request()), document


def test_restricted_collections_hide_documents_and_images(api):
    root = Collection.get_first_root_node()
    restricted = root.add_child(name="Hồ sơ nội bộ")
    below = restricted.add_child(name="Hồ sơ nội bộ – năm 2023")
    CollectionViewRestriction.objects.create(collection=restricted, restriction_type=CollectionViewRestriction.LOGIN)
    hidden = pdf_file("Hồ sơ mật", "61/QĐ-UBND", "Nội dung mật.")
    hidden.collection = below
    hidden.save()
    open_document = pdf_file("Hồ sơ công khai", "62/QĐ-UBND", "Nội dung công khai.")
    image = get_image_model().objects.first()
    image.collection = restricted
    image.save()

    listed = set(ids(api("documents/", limit=20, order="-id")))
    assert open_document.pk in listed
    assert hidden.pk not in listed
    api(f"documents/{hidden.pk}/", expect=404)
    api(f"images/{image.pk}/", expect=404)
    assert image.pk not in ids(api("images/", limit=20, order="id"))
