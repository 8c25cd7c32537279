"""The demo as a province: the city of Hải Phòng (which Hải Dương province joined on 1 July 2025), three of the
communes that took over Gia Lộc district, and the former district's portal kept as an archive of the commune of
Gia Lộc, its old addresses answering with the new ones.

Every host is under ``localhost``, which browsers and curl resolve to this machine: the city at
http://localhost:8000/ (and any other host), the communes at http://gialoc.localhost:8000/ and the like, the former
district at http://huyengialoc.localhost:8000/. Names are plausible, not checked: each portal says it is a demo.
Loading again changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Site

from demo.documents import DocumentsLoader
from demo.portal import DEMO_ADMIN_PASSWORD
from demo.tree import Report, ensure_child, paragraphs_to_stream
from editorial.roles import unit_group_names
from news.models import NewsArticlePage, NewsCategory
from notices.enums import ExamFormat, NoticeKind
from notices.models import ExamSession, NoticePage
from portal.models import MenuItem, PortalSettings
from portal.tree import child_by_slug
from province.components import ComponentUnit, UnitKind, create_component_site, create_province_site
from province.models import ArchiveSectionPage
from province.sections import NothingToMove, move_section

DEMO_NOTE = "Cổng thông tin minh họa: tên đơn vị, số liệu và nội dung chưa được kiểm chứng."
DISTRICT_NAME = "Cổng thông tin điện tử huyện Gia Lộc"
FORMER_DISTRICT_HOST = "huyengialoc.localhost"
ARCHIVE_TITLE = "Lưu trữ huyện Gia Lộc"

PROVINCE = ComponentUnit(
    "Hải Phòng",
    UnitKind.CITY,
    "localhost",
    email="congthongtin@haiphong.example",
    phone="0225 3821 000",
    address="Số 18 Hoàng Diệu, phường Hồng Bàng, thành phố Hải Phòng",
)
COMMUNES = [
    ComponentUnit("Gia Lộc", UnitKind.COMMUNE, "gialoc.localhost", phone="0220 3716 000", email="xagialoc@example.vn"),
    ComponentUnit("Yết Kiêu", UnitKind.COMMUNE, "yetkieu.localhost", phone="0220 3716 100"),
    ComponentUnit("Gia Phúc", UnitKind.COMMUNE, "giaphuc.localhost", phone="0220 3716 200"),
]
# Who edits what: the city's own editor and approver, and each commune's (the district's accounts stay the province
# office's, whose groups cover every portal).
ACCOUNTS = {
    "bientap-haiphong": ("Lê Thị", "Hoa", PROVINCE, 0),
    "duyet-haiphong": ("Phạm Quang", "Huy", PROVINCE, 1),
    "bientap-gialoc": ("Vũ Thị", "Lan", COMMUNES[0], 0),
    "duyet-gialoc": ("Đỗ Văn", "Nam", COMMUNES[0], 1),
    "bientap-yetkieu": ("Nguyễn Thị", "Mai", COMMUNES[1], 0),
    "duyet-yetkieu": ("Trần Đức", "Long", COMMUNES[1], 1),
    "bientap-giaphuc": ("Hoàng Thị", "Thu", COMMUNES[2], 0),
    "duyet-giaphuc": ("Bùi Văn", "Tuấn", COMMUNES[2], 1),
}

PROVINCE_ISSUER = (
    "ubnd-thanh-pho-hai-phong",
    "UBND thành phố Hải Phòng",
    "Ủy ban nhân dân\nthành phố Hải Phòng",
    "Hải Phòng",
)

# The city's news; the first two are shared with every commune ("Tin từ tỉnh").
PROVINCE_NEWS = [
    {
        "slug": "cong-bo-chi-so-cai-cach-hanh-chinh-cap-xa-2025",
        "title": "Thành phố công bố Chỉ số cải cách hành chính năm 2025 của các xã, phường, đặc khu",
        "lead": "Lần đầu tiên sau khi sắp xếp chính quyền hai cấp, thành phố đánh giá cải cách hành chính của từng xã, "
        "phường, đặc khu theo cùng một bộ tiêu chí.",
        "body": [
            "Bộ tiêu chí gồm bảy lĩnh vực: chỉ đạo điều hành, thể chế, thủ tục hành chính, tổ chức bộ máy, công vụ, "
            "tài chính công và chính quyền số; điểm của người dân chiếm một phần ba tổng điểm.",
            "Các xã, phường, đặc khu xem kết quả chi tiết và kiến nghị khắc phục trên hệ thống quản lý văn bản; "
            "bảng xếp hạng được đăng công khai trên cổng thông tin của thành phố.",
        ],
        "category": "cai-cach-hanh-chinh",
        "shared": True,
    },
    {
        "slug": "huong-dan-nop-ho-so-truc-tuyen-toan-trinh",
        "title": "Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình tại xã, phường",
        "lead": "Từ tháng này, 120 thủ tục hành chính cấp xã được tiếp nhận trực tuyến toàn trình qua Cổng Dịch vụ "
        "công quốc gia; người dân không phải đến trụ sở để nộp giấy tờ.",
        "body": [
            "Người dân đăng nhập bằng tài khoản định danh điện tử mức 2, chọn thủ tục, khai thông tin và đính kèm bản "
            "chụp giấy tờ; kết quả được trả qua bưu chính hoặc nhận tại Bộ phận Một cửa của xã, phường.",
            "Cán bộ một cửa của mỗi xã, phường hỗ trợ trực tiếp những người chưa quen dùng dịch vụ trực tuyến.",
        ],
        "category": "cai-cach-hanh-chinh",
        "shared": True,
    },
    {
        "slug": "hoi-nghi-so-ket-van-hanh-chinh-quyen-hai-cap",
        "title": "Hội nghị sơ kết một năm vận hành chính quyền địa phương hai cấp",
        "lead": "Thành phố đánh giá kết quả một năm vận hành mô hình chính quyền hai cấp và giao nhiệm vụ cho các xã, "
        "phường trong năm tới.",
        "body": [
            "Hội nghị ghi nhận việc tiếp nhận hồ sơ tại cấp xã cơ bản thông suốt; một số xã còn thiếu công chức về "
            "đất đai và xây dựng, thành phố sẽ điều động và tuyển dụng bổ sung.",
        ],
        "category": "tin-tuc-su-kien",
        "shared": False,
    },
]

# What each commune has published since it opened, to make its portal look lived in.
COMMUNE_NEWS = [
    (
        "ra-mat-bo-phan-mot-cua-xa-{key}",
        "Xã {name} đưa Bộ phận Một cửa mới vào hoạt động",
        "Bộ phận Một cửa của xã {name} đặt tại trụ sở Ủy ban nhân dân xã, tiếp nhận hồ sơ của người dân từ thứ Hai "
        "đến sáng thứ Bảy.",
    ),
    (
        "ra-quan-ve-sinh-moi-truong-xa-{key}",
        "Người dân xã {name} ra quân vệ sinh môi trường đón Tết",
        "Các thôn của xã {name} đồng loạt dọn vệ sinh đường làng, kênh mương và khu dân cư trong ngày Chủ nhật xanh.",
    ),
]


class DemoProvince:
    """Builds the demo's province on top of the district's portal; ``portal`` (a ``DemoPortal``) makes the files and
    keeps the report."""

    def __init__(self, portal, port: int = 80):
        """``port``: where the demo is served (``make run``: 8000), so that addresses from one portal to another
        (shared news, redirects of the former district) reach it."""
        self.portal = portal
        self.report: Report = portal.report
        self.port = port

    def load(self) -> Report:
        district = self.former_district()
        province = self.unit_site(create_province_site, PROVINCE)
        communes = [self.unit_site(create_component_site, unit) for unit in COMMUNES]
        for site in [province, *communes]:
            self.mark_as_demo(site)
        for site in filter(None, [district, province, *communes]):
            self.serve_at_port(site)
        categories = self.categories()
        self.province_news(province, categories)
        self.province_notice(province)
        self.province_documents(province)
        for unit, site in zip(COMMUNES, communes, strict=True):
            self.commune_news(unit, site, categories)
        self.accounts()
        if district is not None:
            self.archive(district, communes[0])
        return self.report

    def former_district(self) -> Site | None:
        """The district's portal, moved off ``localhost`` (which the city's portal takes) to its own host."""
        district = Site.objects.filter(site_name=DISTRICT_NAME).first()
        if district is not None and (district.hostname != FORMER_DISTRICT_HOST or district.is_default_site):
            district.hostname, district.is_default_site = FORMER_DISTRICT_HOST, False
            district.save()
            self.report.add(f"site {FORMER_DISTRICT_HOST}")
        return district

    def unit_site(self, create, unit: ComponentUnit) -> Site:
        outcome = create(unit)
        for part in outcome.created:
            self.report.add(part)
        return outcome.site

    def serve_at_port(self, site: Site):
        if site.port != self.port:
            site.port = self.port
            site.save()
            self.report.add(f"port {self.port} of {site.hostname}")

    def mark_as_demo(self, site: Site):
        settings = PortalSettings.for_site(site)
        if settings.licence != DEMO_NOTE:
            settings.licence = DEMO_NOTE
            settings.save()
            self.report.add(f"demo note of {site.hostname}")

    def categories(self) -> dict[str, NewsCategory]:
        names = {"tin-tuc-su-kien": "Tin tức – sự kiện", "cai-cach-hanh-chinh": "Cải cách hành chính"}
        return {
            slug: NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in names.items()
        }

    def section(self, site: Site, slug: str):
        return child_by_slug(site.root_page, slug)

    def article(self, site: Site, slug: str, title: str, lead: str, body: list[str], category, **flags):
        index = self.section(site, "tin-tuc")
        if child_by_slug(index, slug) is not None:
            return
        page = NewsArticlePage(
            title=title,
            slug=slug,
            lead=lead,
            body=paragraphs_to_stream(body),
            feature_image=self.portal.image(slug[:60], title, with_building=category.slug == "cai-cach-hanh-chinh"),
            byline="Ban biên tập",
            primary_category=category,
            **flags,
        )
        page.categories = [category]
        ensure_child(index, page, self.report)

    def province_news(self, province: Site, categories):
        for item in PROVINCE_NEWS:
            self.article(
                province,
                item["slug"],
                item["title"],
                item["lead"],
                item["body"],
                categories[item["category"]],
                share_with_components=item["shared"],
                featured=True,
            )

    def commune_news(self, unit: ComponentUnit, site: Site, categories):
        key = unit.host.split(".")[0]
        for order, (slug, title, lead) in enumerate(COMMUNE_NEWS):
            names = {"key": key, "name": unit.name}
            self.article(
                site,
                slug.format(**names),
                title.format(**names),
                lead.format(**names),
                [lead.format(**names)],
                categories["tin-tuc-su-kien"],
                featured=order == 0,
            )

    def province_notice(self, province: Site):
        """A recruitment of commune civil servants across the city, shared with every commune, its exams in the
        coming weeks."""
        index = self.section(province, "thong-bao")
        slug = "tuyen-dung-cong-chuc-cap-xa"
        if child_by_slug(index, slug) is not None:
            return
        today = timezone.localdate()
        notice = NoticePage(
            title="Thông báo tuyển dụng công chức cấp xã làm việc tại các xã, phường, đặc khu",
            slug=slug,
            kind=NoticeKind.RECRUITMENT,
            number=f"{today.day + 40}/TB-UBND",
            issuer="UBND thành phố Hải Phòng",
            issued_on=today - datetime.timedelta(days=10),
            valid_until=today + datetime.timedelta(days=20),
            summary="Thành phố tuyển công chức về địa chính – xây dựng, tư pháp – hộ tịch và văn hóa – xã hội cho "
            "các xã, phường, đặc khu; thí sinh nộp hồ sơ tại Sở Nội vụ hoặc qua Cổng Dịch vụ công.",
            share_with_components=True,
        )
        notice.exam_sessions = [
            ExamSession(
                date=today + datetime.timedelta(days=days),
                start_time=datetime.time(hour, 0),
                end_time=datetime.time(hour + 3, 0),
                place="Trường Chính trị Tô Hiệu, thành phố Hải Phòng",
                room=room,
                position=position,
                unit="Các xã, phường, đặc khu",
                exam_format=ExamFormat.WRITTEN,
                sort_order=order,
            )
            for order, (days, hour, room, position) in enumerate(
                [
                    (24, 8, "Phòng 101", "Công chức địa chính – xây dựng"),
                    (24, 14, "Phòng 102", "Công chức tư pháp – hộ tịch"),
                    (25, 8, "Phòng 101", "Công chức văn hóa – xã hội"),
                ]
            )
        ]
        ensure_child(index, notice, self.report)

    def province_documents(self, province: Site):
        """Two decisions of the city for every commune, on its own shelf and the province shelf of each commune."""
        shelf = child_by_slug(self.section(province, "van-ban"), "van-ban-cua-thanh-pho")
        loader = DocumentsLoader(self.portal, issuers=[PROVINCE_ISSUER])
        loader.vocabularies()
        today = timezone.localdate()
        for number, days, fields, title, body in [
            (
                f"{today.year % 100 + 1500}/QĐ-UBND",
                30,
                ["to-chuc-can-bo"],
                "Quy định chức năng, nhiệm vụ của các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp xã",
                [
                    "Điều 1. Ủy ban nhân dân mỗi xã, phường, đặc khu có Văn phòng HĐND và UBND, Phòng Kinh tế (hoặc "
                    "Phòng Kinh tế, Hạ tầng và Đô thị) và Phòng Văn hóa – Xã hội.",
                    "Điều 2. Quyết định có hiệu lực kể từ ngày ký; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu "
                    "chịu trách nhiệm thi hành.",
                ],
            ),
            (
                f"{today.year % 100 + 1620}/QĐ-UBND",
                12,
                ["cai-cach-hanh-chinh"],
                "Công bố danh mục thủ tục hành chính được tiếp nhận trực tuyến toàn trình tại cấp xã",
                [
                    "Điều 1. Công bố kèm theo Quyết định này danh mục 120 thủ tục hành chính thuộc thẩm quyền của Ủy "
                    "ban nhân dân cấp xã được tiếp nhận và giải quyết trực tuyến toàn trình.",
                    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
                ],
            ),
        ]:
            item = {
                "number": number,
                "type": "quyet-dinh",
                "issuer": PROVINCE_ISSUER[0],
                "issued": (today - datetime.timedelta(days=days)).isoformat(),
                "signer": ("Nguyễn Văn Bình", "Phó Chủ tịch"),
                "fields": fields,
                "title": title,
                "body": body,
            }
            page = loader.document(shelf, item, {})
            if not page.share_with_components:
                page.share_with_components = True
                page.save_revision().publish()
                self.report.add(f"shared {number}")

    def accounts(self):
        User = get_user_model()
        for username, (first_name, last_name, unit, role) in ACCOUNTS.items():
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username,
                f"{username}@{unit.host}",
                DEMO_ADMIN_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(Group.objects.get(name=unit_group_names(unit.unit_name)[role]))
            self.report.add(f"account {username}")

    def archive(self, district: Site, commune: Site):
        """The district's portal into the commune of Gia Lộc as "Lưu trữ huyện Gia Lộc", at the end of its main
        menu; the district's addresses redirect."""
        try:
            outcome = move_section(district.root_page, commune.root_page, archive=True, archive_title=ARCHIVE_TITLE)
            self.report.add(f"{outcome.pages} pages of the former district archived at {outcome.archive_url}")
        except NothingToMove:
            pass
        archive = commune.root_page.get_children().type(ArchiveSectionPage).first()
        menu = PortalSettings.for_site(commune).main_menu
        if archive is not None and menu is not None and not menu.items.filter(link_page=archive).exists():
            MenuItem.objects.create(menu=menu, link_page=archive, sort_order=menu.items.count())
            self.report.add("archive in the main menu of the commune of Gia Lộc")
