"""The demo portal of Gia Lộc district: settings, menus, information pages, news, notices and the document library.

Every step looks for what it would create and leaves existing content alone, so loading twice changes nothing.
"""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from anyascii import anyascii

from demo.consultations import ConsultationsLoader
from demo.documents import DocumentsLoader
from demo.gallery import GalleryLoader
from demo.images import illustration, scene
from demo.notices import NoticesLoader
from demo.questions import QuestionsLoader
from demo.tree import LOCAL_TZ, Report, ensure_child, paragraphs_to_stream
from demo.visits import load_reading_history
from documents.enums import CollectionKind
from editorial import roles
from home.models import HomePage, SideColumn, StandardPage
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage, RelatedArticle
from portal.models import Menu, MenuItem, PortalSettings
from portal.tree import child_by_slug, publish, republish

DATA_DIR = Path(__file__).parent / "data"
DEMO_ADMIN_USERNAME = "admin"
DEMO_EDITORIAL_ACCOUNTS = {
    "bientap": ("Nguyễn Thu", "Hà", roles.EDITOR),
    "duyettin": ("Trần Văn", "Minh", roles.APPROVER),
}
REFORM_ARTICLE = "gia-loc-dot-pha-cai-cach-hanh-chinh-2023"
ONE_STOP_COMMUNES = ["Thống Kênh", "Đức Xương", "Gia Khánh", "Gia Tân", "Gia Lương", "Đồng Quang", "Toàn Thắng"]


class DemoPortal:
    def __init__(self):
        self.report = Report()
        self._collection = None

    # Images -----------------------------------------------------------------------------------------
    def image(self, key: str, title: str, with_building: bool = False):
        Image = get_image_model()
        filename = f"demo-{key[:40]}.jpg"
        existing = Image.objects.filter(file__startswith=f"original_images/{filename[:-4]}").first()
        if existing:
            if not existing.description:  # made by an earlier demo, before alt text was required
                existing.description = illustration(title)
                existing.save(update_fields=["description"])
            return existing
        if self._collection is None:
            root = Collection.get_first_root_node()
            self._collection = root.get_children().filter(name="Ảnh minh họa").first() or root.add_child(
                name="Ảnh minh họa"
            )
        from io import BytesIO

        image = Image(title=title, description=illustration(title), collection=self._collection)
        image.file = ImageFile(BytesIO(scene(key, with_building)), name=filename)
        image.save()
        self.report.add(f"image {key}")
        return image

    def document(self, key: str, title: str, content: bytes):
        """A PDF in the demo's document collection, made once."""
        filename = f"demo-{key[:40]}.pdf"
        existing = Document.objects.filter(file__startswith=f"documents/{filename[:-4]}").first()
        if existing:
            return existing
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name="Văn bản đính kèm").first() or root.add_child(
            name="Văn bản đính kèm"
        )
        document = Document(title=title, collection=collection, file_size=len(content))
        document.file.save(filename, ContentFile(content), save=False)
        document.save()
        self.report.add(f"document {key}")
        return document

    # Steps ------------------------------------------------------------------------------------------
    @transaction.atomic
    def load(self) -> Report:
        site, home = self.site_and_home()
        self.admin_user()
        self.editorial_accounts()
        categories = self.categories()
        news_index = self.news_index(home)
        self.articles(news_index, categories)
        notices_index = self.notices(home)
        library, collections = self.documents(home)
        about, contact = self.information_pages(home)
        gallery = GalleryLoader(self).load(home)
        ConsultationsLoader(self).load(home)
        QuestionsLoader(self).load(home)
        menus = self.menus(home, news_index, notices_index, library, collections, about, contact, categories)
        self.link_library(menus, notices_index, library, collections)
        self.link_gallery(menus, gallery)
        self.settings(site, menus)
        self.side_column(site, menus)
        self.home_boxes(home, categories)
        load_reading_history(site, self.report)
        return self.report

    def site_and_home(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = publish(root, HomePage(title="Trang chủ", slug="trang-chu"))
            self.report.add("home page")
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
            self.report.add("site")
        if site.root_page_id != home.pk or site.site_name != "Cổng thông tin điện tử huyện Gia Lộc":
            site.root_page = home
            site.site_name = "Cổng thông tin điện tử huyện Gia Lộc"
            site.save()
            self.report.add("site name")
        return site, home

    def admin_user(self):
        User = get_user_model()
        if User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            return
        User.objects.create_superuser(
            DEMO_ADMIN_USERNAME, "quantri@gialoc.example", DEMO_ADMIN_PASSWORD, first_name="Quản trị", last_name="viên"
        )
        self.report.add("admin account")

    def editorial_accounts(self):
        """An editor and an approver, to try the approval workflow "Duyệt tin" (groups made by editorial's migration)."""
        User = get_user_model()
        for username, (first_name, last_name, role) in DEMO_EDITORIAL_ACCOUNTS.items():
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username, f"{username}@gialoc.example", DEMO_ADMIN_PASSWORD, first_name=first_name, last_name=last_name
            )
            user.groups.add(Group.objects.get(name=role))
            self.report.add(f"{role} account")

    def news_data(self) -> dict:
        return json.loads((DATA_DIR / "news.json").read_text(encoding="utf-8"))

    def categories(self) -> dict[str, NewsCategory]:
        result = {}
        for order, item in enumerate(self.news_data()["categories"]):
            category, created = NewsCategory.objects.get_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "description": item.get("description", ""), "sort_order": order},
            )
            if created:
                self.report.add(f"category {category.slug}")
            result[category.slug] = category
        return result

    def news_index(self, home):
        return ensure_child(
            home, NewsIndexPage(title="Tin tức", slug="tin-tuc", intro="Tin hoạt động của huyện Gia Lộc."), self.report
        )

    def articles(self, news_index, categories):
        data = self.news_data()["articles"]
        by_slug = {}
        for item in data:
            existing = child_by_slug(news_index, item["slug"])
            if existing is not None:
                by_slug[item["slug"]] = existing
                continue
            published_at = datetime.datetime.fromisoformat(item["published"]).replace(tzinfo=LOCAL_TZ)
            primary = categories[item["categories"][0]]
            image = self.image(
                item["slug"][:60],
                item.get("image_caption") or item["title"],
                with_building=primary.slug == "cai-cach-hanh-chinh",
            )
            article = NewsArticlePage(
                title=item["title"],
                slug=item["slug"],
                lead=item["lead"],
                body=self.article_body(item),
                feature_image=image,
                feature_image_caption=item.get("image_caption", ""),
                byline=item.get("byline", ""),
                source=item.get("source", ""),
                display_date=published_at,
                primary_category=primary,
                featured=bool(item.get("featured")),
            )
            article.categories = [categories[slug] for slug in item["categories"]]
            article.tags.set(item.get("tags", []))
            by_slug[item["slug"]] = publish(news_index, article, published_at)
            self.report.add(f"article {item['slug']}")
        for item in data:
            article = by_slug[item["slug"]]
            if item.get("related") and not article.related_links.exists():
                article.related_links = [
                    RelatedArticle(article=by_slug[slug], sort_order=order)
                    for order, slug in enumerate(item["related"])
                ]
                republish(article, article.first_published_at)
                self.report.add(f"related links of {item['slug']}")

    def article_body(self, item) -> list[dict]:
        """The article's text; the reform story also shows the seven one-stop houses as a table and a photo strip."""
        body = paragraphs_to_stream(item["body"])
        if item["slug"] != REFORM_ARTICLE:
            return body
        rows = [["STT", "Xã", "Công trình", "Tình trạng"]]
        rows += [
            [str(n), commune, "Nhà tiếp nhận và trả kết quả một cửa, 1 tầng", "Đã đưa vào sử dụng"]
            for n, commune in enumerate(ONE_STOP_COMMUNES, 1)
        ]
        table = {
            "type": "table",
            "value": {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Bảy nhà một cửa xây mới",
            },
        }
        photos = [
            {
                "image": self.image(
                    f"mot-cua-{slugify(anyascii(commune))}", f"Nhà một cửa xã {commune}", with_building=True
                ).pk,
                "caption": f"Nhà một cửa xã {commune}",
                "credit": "",
            }
            for commune in ONE_STOP_COMMUNES[:3]
        ]
        gallery = {"type": "gallery", "value": {"images": photos}}
        # After the paragraph that names the seven communes and the one that describes the houses.
        position = next(i for i, block in enumerate(body) if "Toàn Thắng" in str(block["value"])) + 2
        return [*body[:position], table, gallery, *body[position:]]

    def notices(self, home):
        return NoticesLoader(self).load(home)

    def documents(self, home):
        return DocumentsLoader(self).load(home)

    def information_pages(self, home):
        about = ensure_child(home, StandardPage(title="Giới thiệu", slug="gioi-thieu", **ABOUT_PAGE), self.report)
        for item in ABOUT_CHILDREN:
            ensure_child(about, StandardPage(**item), self.report)
        contact = ensure_child(home, StandardPage(title="Liên hệ", slug="lien-he", **CONTACT_PAGE), self.report)
        return about, contact

    def menu(self, title: str, items: list[dict]) -> Menu:
        menu = Menu.objects.filter(title=title).first()
        if menu is not None:
            return menu
        menu = Menu(title=title)
        menu.items = [MenuItem(sort_order=order, **item) for order, item in enumerate(items)]
        menu.save()
        self.report.add(f"menu {title}")
        return menu

    def menus(
        self, home, news_index, notices_index, library, collections, about, contact, categories
    ) -> dict[str, Menu]:
        def category_path(slug):
            return news_index.url_path[len(home.url_path) - 1 :] + NewsIndexPage.category_subpath(
                categories[slug]
            ).lstrip("/")

        return {
            "main": self.menu(
                "Menu chính",
                [
                    {"link_page": about, "show_children": True},
                    {"link_page": news_index},
                    {"label": "Cải cách hành chính", "link_url": category_path("cai-cach-hanh-chinh")},
                    {"label": "Học tập và làm theo lời Bác", "link_url": category_path("hoc-tap-va-lam-theo-loi-bac")},
                    {"link_page": notices_index},
                    # "Văn bản" as on most portals: the library's full title would wrap the bar on a laptop screen.
                    {"label": "Văn bản", "link_page": library, "show_children": True},
                    {"link_page": contact},
                ],
            ),
            "quick": self.menu(
                "Liên kết nhanh",
                [
                    {"label": "Lịch làm việc", "link_page": child_by_slug(home, "lich-lam-viec")},
                    {"label": "Hỏi đáp", "link_page": child_by_slug(home, "hoi-dap")},
                    {"label": "Lấy ý kiến dự thảo", "link_page": child_by_slug(home, "lay-y-kien")},
                    {
                        "label": "Lịch thi tuyển dụng",
                        "link_url": notices_index.url_path[len(home.url_path) - 1 :] + "lich-thi/",
                    },
                    {
                        "label": "Thông báo mời họp",
                        "link_url": notices_index.url_path[len(home.url_path) - 1 :] + "?loai=moi-hop",
                    },
                    {"label": "Thư điện tử", "link_url": "https://mail.haiduong.gov.vn/", "new_window": True},
                    {"label": "Học tập và làm theo lời Bác", "link_url": category_path("hoc-tap-va-lam-theo-loi-bac")},
                ],
            ),
            "services": self.menu(
                "Dịch vụ công trực tuyến",
                [
                    {
                        "label": "Dịch vụ công huyện Gia Lộc",
                        "link_url": "https://dichvucong.haiduong.gov.vn/",
                        "new_window": True,
                    },
                    {
                        "label": "Bộ thủ tục hành chính huyện",
                        "link_url": "https://dichvucong.haiduong.gov.vn/thu-tuc-hanh-chinh",
                        "new_window": True,
                    },
                    {
                        "label": "Kết quả giải quyết TTHC huyện",
                        "link_url": "https://dichvucong.haiduong.gov.vn/ket-qua-giai-quyet",
                        "new_window": True,
                    },
                    {"label": "TTHC tỉnh Hải Dương", "link_url": "https://dichvucong.gov.vn/", "new_window": True},
                ],
            ),
            "documents": self.menu(
                "Hệ thống văn bản",
                [
                    {"label": "Tài liệu họp HĐND", "link_page": collections[CollectionKind.COUNCIL]},
                    {"label": "Văn bản ban hành của huyện", "link_page": collections[CollectionKind.DISTRICT]},
                    {"label": "Văn bản ban hành của tỉnh", "link_page": collections[CollectionKind.PROVINCE]},
                    {"label": "Văn bản QPPL", "link_page": collections[CollectionKind.NORMATIVE]},
                    {"label": "Công báo tỉnh Hải Dương", "link_page": collections[CollectionKind.GAZETTE]},
                    {"label": "CSDL quốc gia về văn bản pháp luật", "link_url": "https://vbpl.vn/", "new_window": True},
                ],
            ),
            "footer": self.menu(
                "Liên kết chân trang",
                [
                    {"link_page": about},
                    {"link_page": contact},
                    {"label": "Sơ đồ trang", "link_url": "/sitemap.xml"},
                ],
            ),
        }

    def link_library(self, menus, notices_index, library, collections):
        """A portal loaded before the library existed has a documents menu that links to other sites: point those
        links at the collections and add the library to the main menu after the notices, once."""
        legacy = [
            item for item in menus["documents"].items.all() if (item.label, item.link_url) in LEGACY_DOCUMENT_LINKS
        ]
        if not legacy:
            return
        for item in legacy:
            item.link_page = collections[LEGACY_DOCUMENT_LINKS[(item.label, item.link_url)]]
            item.link_url, item.new_window = "", False
            item.save()
        main = menus["main"]
        if not main.items.filter(link_page=library).exists():
            items = list(main.items.order_by("sort_order"))
            position = next(
                (i + 1 for i, item in enumerate(items) if item.link_page_id == notices_index.pk), len(items)
            )
            for order, item in enumerate(items):
                new_order = order if order < position else order + 1
                if item.sort_order != new_order:
                    item.sort_order = new_order
                    item.save(update_fields=["sort_order"])
            MenuItem.objects.create(
                menu=main, label="Văn bản", link_page=library, show_children=True, sort_order=position
            )
        self.report.add("document menus linked to the library")

    def link_gallery(self, menus, gallery):
        """The reference portal files its songs under the documents menu ("Các ca khúc về Gia Lộc"): link them there,
        once, after the documents."""
        documents = menus["documents"]
        if documents.items.filter(link_page=gallery["songs"]).exists():
            return
        last = documents.items.order_by("-sort_order").values_list("sort_order", flat=True).first()
        MenuItem.objects.create(menu=documents, link_page=gallery["songs"], sort_order=(last or 0) + 1)
        self.report.add("songs linked from the documents menu")

    def settings(self, site, menus):
        portal = PortalSettings.for_site(site)
        if portal.unit_name:
            return
        for name, value in PORTAL_SETTINGS.items():
            setattr(portal, name, value)
        portal.logo = None
        portal.main_menu = menus["main"]
        portal.footer_menu = menus["footer"]
        portal.save()
        self.report.add("portal settings")

    def side_column(self, site, menus):
        column = SideColumn.for_site(site)
        if column.boxes:
            return
        column.boxes = [
            ("notices", {"heading": "Thông báo", "count": 7}),
            ("most_read", {"heading": "Tin đọc nhiều", "days": "7", "count": 5}),
            ("links", {"heading": "", "menu": menus["quick"], "style": "buttons"}),
            ("links", {"heading": "", "menu": menus["services"], "style": "buttons"}),
            ("videos", {"heading": "Video hoạt động", "count": 3}),
            ("links", {"heading": "", "menu": menus["documents"], "style": "list"}),
            ("photos", {"heading": "Thư viện ảnh", "count": 4}),
        ]
        column.save()
        self.report.add("side column")

    def home_boxes(self, home, categories):
        if home.body:
            return
        boxes = [("featured_news", {"heading": "Tin nổi bật", "count": 5})]
        for slug in [
            "tin-tuc-su-kien",
            "cai-cach-hanh-chinh",
            "hoc-tap-va-lam-theo-loi-bac",
            "kinh-te",
            "van-hoa-xa-hoi",
        ]:
            boxes.append(("latest_news", {"heading": "", "category": categories[slug], "count": 5}))
        home.body = boxes
        home.title = "Trang chủ"
        home.save_revision().publish()
        self.report.add("home page boxes")


# The documents menu of portals loaded before the library existed: (label, address) → the collection it now opens.
LEGACY_DOCUMENT_LINKS = {
    ("Tài liệu họp HĐND", "https://vanban.haiduong.gov.vn/hdnd"): CollectionKind.COUNCIL,
    ("Văn bản ban hành của huyện", "https://vanban.haiduong.gov.vn/huyen-gia-loc"): CollectionKind.DISTRICT,
    ("Văn bản ban hành của tỉnh", "https://vanban.haiduong.gov.vn/"): CollectionKind.PROVINCE,
    ("Văn bản QPPL", "https://vbpl.vn/"): CollectionKind.NORMATIVE,
    ("Công báo tỉnh Hải Dương", "https://congbao.haiduong.gov.vn/"): CollectionKind.GAZETTE,
}

DEMO_ADMIN_PASSWORD = "gialoc-demo-2023"  # noqa: S105 - a published demo login, never used outside the demo

PORTAL_SETTINGS = {
    "unit_name": "UBND huyện Gia Lộc",
    "portal_title": "Cổng thông tin điện tử huyện Gia Lộc",
    "governing_body": "Ủy ban nhân dân huyện Gia Lộc, tỉnh Hải Dương",
    "address": "Số 1 đường Nguyễn Chế Nghĩa, thị trấn Gia Lộc, huyện Gia Lộc, tỉnh Hải Dương",
    "phone": "0220 3716 200",
    "hotline": "0220 3716 222",
    "fax": "0220 3716 201",
    "email": "ubnd.gialoc@haiduong.gov.vn",
    "responsible_person": "Chánh Văn phòng HĐND và UBND huyện Gia Lộc",
    "licence": "Giấy phép thiết lập trang thông tin điện tử số 08/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Hải Dương cấp",
    "facebook_url": "https://www.facebook.com/",
    "youtube_url": "https://www.youtube.com/",
    "visitor_count_baseline": 4_843_358,
}

COMMUNES = (
    "thị trấn Gia Lộc và các xã Đoàn Thượng, Đồng Quang, Đức Xương, Gia Khánh, Gia Lương, Gia Tân, Hoàng Diệu, Hồng Hưng, "
    "Lê Lợi, Nhật Tân, Phạm Trấn, Quang Minh, Tân Tiến, Thống Kênh, Thống Nhất, Toàn Thắng, Yết Kiêu"
)

ABOUT_PAGE = {
    "intro": "Huyện Gia Lộc nằm ở phía Nam thành phố Hải Dương, gồm 18 đơn vị hành chính cấp xã.",
    "body": paragraphs_to_stream(
        [
            "## Đơn vị hành chính",
            f"Huyện có 18 xã, thị trấn: {COMMUNES}.",
            "## Định hướng phát triển",
            "Huyện tập trung xây dựng nông thôn mới nâng cao, phát triển các cụm công nghiệp, "
            "đẩy mạnh cải cách hành chính và chuyển đổi số trong hoạt động của các cơ quan nhà nước.",
        ]
    ),
}

ABOUT_CHILDREN = [
    {
        "title": "Chức năng, nhiệm vụ",
        "slug": "chuc-nang-nhiem-vu",
        "show_in_menus": True,
        "intro": "Ủy ban nhân dân huyện là cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước HĐND huyện.",
        "body": paragraphs_to_stream(
            [
                "Ủy ban nhân dân huyện tổ chức thi hành Hiến pháp, pháp luật và nghị quyết của Hội đồng nhân dân huyện; "
                "quản lý nhà nước trên các lĩnh vực kinh tế, văn hóa, xã hội, quốc phòng, an ninh trên địa bàn.",
                "## Nhiệm vụ chủ yếu",
                "Xây dựng và trình HĐND huyện quyết định kế hoạch phát triển kinh tế – xã hội, dự toán ngân sách; "
                "chỉ đạo, kiểm tra các phòng chuyên môn và UBND các xã, thị trấn; giải quyết thủ tục hành chính "
                "cho tổ chức, công dân theo cơ chế một cửa, một cửa liên thông.",
            ]
        ),
    },
    {
        "title": "Cơ cấu tổ chức",
        "slug": "co-cau-to-chuc",
        "show_in_menus": True,
        "intro": "Các cơ quan chuyên môn và đơn vị sự nghiệp trực thuộc UBND huyện.",
        "body": paragraphs_to_stream(
            [
                "Văn phòng HĐND và UBND huyện; Phòng Nội vụ; Phòng Tư pháp; Phòng Tài chính – Kế hoạch; "
                "Phòng Kinh tế – Hạ tầng; Phòng Nông nghiệp và Phát triển nông thôn; Phòng Tài nguyên và Môi trường; "
                "Phòng Lao động – Thương binh và Xã hội; Phòng Văn hóa và Thông tin; Phòng Giáo dục và Đào tạo; "
                "Phòng Y tế; Thanh tra huyện.",
                "Đơn vị sự nghiệp: Trung tâm Văn hóa – Thể thao và Truyền thanh; Ban Quản lý dự án đầu tư xây dựng; "
                "Trung tâm Phát triển quỹ đất.",
            ]
        ),
    },
    {
        "title": "Lãnh đạo UBND huyện",
        "slug": "lanh-dao",
        "show_in_menus": True,
        "intro": "Thường trực UBND huyện và cách liên hệ.",
        "body": [
            {
                "type": "people",
                "value": {
                    "heading": "Thường trực UBND huyện",
                    "people": [
                        {
                            "name": "Trần Quốc Khánh",
                            "position": "Chủ tịch UBND huyện",
                            "phone": "0220 3716 210",
                            "email": "chutich.gialoc@haiduong.gov.vn",
                            "photo": None,
                        },
                        {
                            "name": "Phạm Thị Hồng Nhung",
                            "position": "Phó Chủ tịch UBND huyện",
                            "phone": "0220 3716 211",
                            "email": "pct1.gialoc@haiduong.gov.vn",
                            "photo": None,
                        },
                        {
                            "name": "Đỗ Văn Thành",
                            "position": "Phó Chủ tịch UBND huyện",
                            "phone": "0220 3716 212",
                            "email": "pct2.gialoc@haiduong.gov.vn",
                            "photo": None,
                        },
                    ],
                },
            }
        ],
    },
]

CONTACT_PAGE = {
    "intro": "Tổ chức, công dân liên hệ với UBND huyện Gia Lộc qua các địa chỉ dưới đây.",
    "body": paragraphs_to_stream(
        [
            "## Văn phòng HĐND và UBND huyện",
            "Địa chỉ: Số 1 đường Nguyễn Chế Nghĩa, thị trấn Gia Lộc, huyện Gia Lộc, tỉnh Hải Dương.",
            "Điện thoại: 0220 3716 200 – Đường dây nóng: 0220 3716 222 – Thư điện tử: ubnd.gialoc@haiduong.gov.vn.",
            "## Bộ phận tiếp nhận và trả kết quả",
            "Tiếp nhận hồ sơ thủ tục hành chính từ thứ Hai đến thứ Sáu, sáng từ 7 giờ 30 đến 11 giờ 30, "
            "chiều từ 13 giờ 30 đến 17 giờ; sáng thứ Bảy tiếp nhận một số thủ tục về hộ tịch, chứng thực.",
        ]
    ),
}
