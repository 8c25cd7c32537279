"""Editors can create each page type where it belongs, and nowhere else."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from consultations.models import DraftIndexPage
from documents.models import DocumentLibraryPage
from gallery.models import AlbumIndexPage, AlbumPage, AudioIndexPage, AudioPage, VideoIndexPage, VideoPage
from home.models import HomePage, StandardPage
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from notices.models import NoticeIndexPage, NoticePage, WorkSchedulePage
from portal.models import Menu
from province.models import ArchiveSectionPage
from questions.models import QuestionIndexPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                NewsIndexPage,
                NoticeIndexPage,
                WorkSchedulePage,
                DocumentLibraryPage,
                AlbumIndexPage,
                VideoIndexPage,
                AudioIndexPage,
                QuestionIndexPage,
                DraftIndexPage,
                ArchiveSectionPage,  # the content of a former unit's portal (tests/province/test_sections.py)
            },
        )

    def test_gallery_items_are_leaves_in_their_galleries(self):
        for index, item in [(AlbumIndexPage, AlbumPage), (VideoIndexPage, VideoPage), (AudioIndexPage, AudioPage)]:
            self.assertAllowedParentPageTypes(item, {index})
            self.assertAllowedSubpageTypes(item, set())
            self.assertAllowedSubpageTypes(index, {item})

    def test_articles_and_notices_are_leaves_in_their_sections(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertAllowedParentPageTypes(NoticePage, {NoticeIndexPage})
        self.assertAllowedSubpageTypes(NoticePage, set())

    def test_a_second_news_section_cannot_be_added_to_the_same_home_page(self):
        home = HomePage.objects.get()
        self.assertFalse(NewsIndexPage.can_create_at(home))


class EditorCreatesPagesTests(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.home = HomePage.objects.get()

    def test_editor_creates_a_standard_page(self):
        data = nested_form_data(
            {
                "title": "Sơ đồ tổ chức",
                "slug": "so-do-to-chuc",
                "intro": "Sơ đồ các phòng ban.",
                "body": streamfield([("heading", {"text": "Các phòng", "level": "h2"})]),
            }
        )
        self.assertCanCreate(self.home.get_children().get(slug="gioi-thieu").specific, StandardPage, data)

    def test_editor_creates_a_news_article_with_its_primary_category(self):
        index = NewsIndexPage.objects.get()
        category = NewsCategory.objects.get(slug="kinh-te")
        data = nested_form_data(
            {
                "title": "Khánh thành cụm công nghiệp mới",
                "slug": "khanh-thanh-cum-cong-nghiep",
                "lead": "Cụm công nghiệp đi vào hoạt động.",
                "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
                "primary_category": category.pk,
                "tags": "",
                "related_links": inline_formset([]),
            }
        )
        data["categories"] = [category.pk]
        self.assertCanCreate(index, NewsArticlePage, data)
        article = NewsArticlePage.objects.get(slug="khanh-thanh-cum-cong-nghiep")
        self.assertIsNotNone(article.display_date)
        self.assertEqual(article.display_date, article.first_published_at)

    def test_primary_category_must_be_among_the_categories(self):
        index = NewsIndexPage.objects.get()
        economy, culture = NewsCategory.objects.get(slug="kinh-te"), NewsCategory.objects.get(slug="van-hoa-xa-hoi")
        data = nested_form_data(
            {
                "title": "Tin sai chuyên mục",
                "slug": "tin-sai-chuyen-muc",
                "lead": "Thử.",
                "body": streamfield([]),
                "primary_category": economy.pk,
                "tags": "",
                "related_links": inline_formset([]),
                "action-publish": "publish",
            }
        )
        data["categories"] = [culture.pk]
        response = self.client.post(f"/admin/pages/add/news/newsarticlepage/{index.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(NewsArticlePage.objects.filter(slug="tin-sai-chuyen-muc").exists())
        self.assertContains(response, "phải là một trong các chuyên mục")

    def test_byline_defaults_to_the_editor_full_name(self):
        self.user.first_name, self.user.last_name = "Vũ Minh", "Giáo"
        self.user.save()
        index = NewsIndexPage.objects.get()
        response = self.client.get(f"/admin/pages/add/news/newsarticlepage/{index.pk}/")
        self.assertEqual(response.context["form"]["byline"].value(), "Vũ Minh Giáo")

    def test_editor_creates_a_notice_and_a_deadline_before_the_issue_date_is_refused(self):
        index = NoticeIndexPage.objects.get()
        data = nested_form_data(
            {
                "title": "Thông báo tuyển dụng viên chức",
                "slug": "thong-bao-tuyen-dung",
                "kind": "recruitment",
                "number": "30/TB-UBND",
                "issuer": "UBND huyện",
                "issued_on": "01/04/2023",
                "valid_until": "30/04/2023",
                "summary": "",
                "body": streamfield([]),
                "attachments": inline_formset([]),
                "exam_sessions": inline_formset([]),
                "related_notice_links": inline_formset([]),
            }
        )
        self.assertCanCreate(index, NoticePage, data)
        data.update({"slug": "thong-bao-sai-han", "valid_until": "01/03/2023", "action-publish": "publish"})
        response = self.client.post(f"/admin/pages/add/notices/noticepage/{index.pk}/", data)
        self.assertFalse(NoticePage.objects.filter(slug="thong-bao-sai-han").exists())
        self.assertContains(response, "không được trước ngày ban hành")


class MenuSnippetTests(WagtailPageTestCase):
    def test_menu_item_needs_exactly_one_target(self):
        from django.core.exceptions import ValidationError

        from portal.models import MenuItem

        menu = Menu.objects.first()
        with self.assertRaises(ValidationError):
            MenuItem(menu=menu, label="Trống").full_clean()
        with self.assertRaises(ValidationError):
            MenuItem(menu=menu, label="Lạ", link_url="javascript:alert(1)").full_clean()
        MenuItem(menu=menu, label="Cổng dịch vụ công", link_url="https://dichvucong.gov.vn/").full_clean()

    def test_dropdown_lists_the_live_children_of_the_page(self):
        menu = Menu.objects.get(title="Menu chính")
        about = next(item for item in menu.get_items() if item.show_children)
        titles = [child.title for child in about.children]
        self.assertEqual(titles, ["Chức năng, nhiệm vụ", "Cơ cấu tổ chức", "Lãnh đạo UBND huyện"])
        about.link_page.get_children().first().specific.unpublish()
        about = next(item for item in menu.get_items() if item.show_children)
        self.assertEqual(len(about.children), 2)
