"""The demo's drafts for comment ("Lấy ý kiến dự thảo"): one open now (with sections and comments, one of them
awaiting moderation), one closed and awaiting its report, one concluded. Dates are counted from the day of the load,
so the open draft is open whenever the demo is loaded."""

import datetime

from django.utils import timezone

from consultations.enums import CommenterKind, CommentStatus
from consultations.models import DraftComment, DraftFile, DraftIndexPage, DraftPage, DraftSection
from demo.pdfs import official_document
from demo.tree import ensure_child, paragraphs_to_stream
from portal.tree import child_by_slug, publish

ISSUER = "Ủy ban nhân dân\nhuyện Gia Lộc"
SIGNER = "Đỗ Văn Thành"
INTRO = (
    "Ủy ban nhân dân huyện công khai các dự thảo văn bản để lấy ý kiến của Nhân dân, cơ quan, tổ chức. "
    "Ý kiến được đăng sau khi được kiểm duyệt; thông tin liên hệ của người góp ý không được công khai."
)
STREET_NAMES = {
    "title": "Dự thảo Đề án đặt tên đường, phố trên địa bàn thị trấn Gia Lộc",
    "slug": "du-thao-de-an-dat-ten-duong-pho-thi-tran-gia-loc",
    "drafting_office": "Phòng Văn hóa và Thông tin huyện",
    "summary": "Đề án đề xuất đặt tên cho 12 tuyến đường, phố mới của thị trấn Gia Lộc theo tên danh nhân, địa danh "
    "và sự kiện lịch sử của địa phương. Mời Nhân dân, cơ quan, tổ chức góp ý trước khi trình Hội đồng nhân dân tỉnh.",
    "body": [
        "## Sự cần thiết",
        "Sau khi mở rộng không gian đô thị, thị trấn Gia Lộc có nhiều tuyến đường mới chưa có tên, gây khó khăn cho "
        "việc quản lý hành chính, đăng ký cư trú và giao dịch của người dân.",
        "## Nguyên tắc đặt tên",
        "Tên đường, phố được chọn từ danh nhân, địa danh, sự kiện lịch sử tiêu biểu của quê hương; không trùng với "
        "tên đã có trong thị trấn; dễ đọc, dễ nhớ và phù hợp với thuần phong mỹ tục.",
    ],
    "sections": [
        ("Điều 1", "Phạm vi và đối tượng áp dụng"),
        ("Điều 2", "Danh mục tên đường, phố dự kiến"),
        ("Điều 3", "Tổ chức thực hiện"),
    ],
    "file": "Toàn văn dự thảo Đề án đặt tên đường, phố",
    "comments": [
        (
            "Điều 2",
            CommenterKind.ORGANISATION,
            "Hội Cựu chiến binh thị trấn Gia Lộc",
            "Đề nghị dành một tuyến đường mang tên các anh hùng liệt sĩ của huyện trong kháng chiến chống Pháp, "
            "vì nhiều thế hệ người dân ở đây mong muốn điều này.",
            CommentStatus.APPROVED,
        ),
        (
            "",
            CommenterKind.PERSON,
            "",
            "Tôi đồng ý với đề án. Đề nghị sau khi đặt tên cần gắn biển tên đường và số nhà đồng bộ, "
            "để người dân thuận tiện khi làm thủ tục hành chính.",
            CommentStatus.APPROVED,
        ),
        (
            "Điều 3",
            CommenterKind.PERSON,
            "",
            "Đề nghị bổ sung thời hạn hoàn thành việc gắn biển tên đường trong năm đầu tiên.",
            CommentStatus.PENDING,
        ),
    ],
}
WASTE_FEES = {
    "title": "Dự thảo Quy định mức hỗ trợ thu gom, xử lý rác thải sinh hoạt tại các xã",
    "slug": "du-thao-quy-dinh-ho-tro-thu-gom-xu-ly-rac-thai-sinh-hoat",
    "drafting_office": "Phòng Tài nguyên và Môi trường huyện",
    "summary": "Dự thảo quy định mức ngân sách huyện hỗ trợ các xã trong việc thu gom, vận chuyển và xử lý rác thải "
    "sinh hoạt, nhằm giảm mức đóng góp của hộ gia đình.",
    "body": [
        "Dự thảo đề xuất hỗ trợ theo khối lượng rác thải thu gom thực tế của từng xã, ưu tiên các xã phân loại rác "
        "tại nguồn.",
    ],
    "sections": [("Điều 1", "Đối tượng được hỗ trợ"), ("Điều 2", "Mức hỗ trợ")],
    "file": "Toàn văn dự thảo Quy định",
}
CROPS = {
    "title": "Dự thảo Kế hoạch chuyển đổi cơ cấu cây trồng trên đất trồng lúa năm 2025",
    "slug": "du-thao-ke-hoach-chuyen-doi-co-cau-cay-trong-2025",
    "drafting_office": "Phòng Nông nghiệp và Phát triển nông thôn huyện",
    "summary": "Kế hoạch chuyển đổi khoảng 150 ha đất trồng lúa kém hiệu quả sang trồng rau màu, cây ăn quả và nuôi "
    "trồng thủy sản kết hợp.",
    "body": ["Kế hoạch xác định vùng chuyển đổi, loại cây trồng phù hợp và chính sách hỗ trợ giống, kỹ thuật."],
    "sections": [],
    "file": "Toàn văn dự thảo Kế hoạch",
    "conclusion": "Ủy ban nhân dân huyện đã nhận được 27 ý kiến góp ý của Nhân dân và các hợp tác xã. Các ý kiến về "
    "hỗ trợ giống và bao tiêu sản phẩm đã được tiếp thu, bổ sung vào Kế hoạch ban hành kèm theo Quyết định số "
    "215/QĐ-UBND.",
}


class ConsultationsLoader:
    """Builds the demo's drafts for comment; ``portal`` keeps the report."""

    def __init__(self, portal):
        self.portal = portal

    def load(self, home) -> DraftIndexPage:
        report = self.portal.report
        index = ensure_child(home, DraftIndexPage(title="Lấy ý kiến dự thảo", slug="lay-y-kien", intro=INTRO), report)
        today = timezone.localdate()
        site = home.get_site()
        draft = self.draft(index, STREET_NAMES, opens_on=today - datetime.timedelta(days=5), days=25)
        if draft is not None:
            self.comments(draft, site, STREET_NAMES["comments"])
        self.draft(index, WASTE_FEES, opens_on=today - datetime.timedelta(days=40), days=30)
        self.draft(index, CROPS, opens_on=today - datetime.timedelta(days=150), days=30, concluded=True)
        return index

    def draft(self, index, item, *, opens_on, days, concluded=False) -> DraftPage | None:
        """The draft, made and published if it is not there yet; None when it was there."""
        if child_by_slug(index, item["slug"]) is not None:
            return None
        closes_on = opens_on + datetime.timedelta(days=days)
        paragraphs = [text for text in item["body"] if not text.startswith("## ")]
        document = self.pdf(item["slug"], item["file"], item["title"], paragraphs, opens_on)
        page = DraftPage(
            title=item["title"],
            slug=item["slug"],
            drafting_office=item["drafting_office"],
            summary=item["summary"],
            body=paragraphs_to_stream(item["body"]),
            opens_on=opens_on,
            closes_on=closes_on,
        )
        if concluded:
            page.conclusion = item["conclusion"]
            page.report = self.pdf(
                f"{item['slug']}-bao-cao",
                "Báo cáo tổng hợp ý kiến góp ý",
                f"Báo cáo tổng hợp, tiếp thu ý kiến góp ý {item['title'][0].lower()}{item['title'][1:]}",
                [item["conclusion"]],
                closes_on + datetime.timedelta(days=20),
            )
        page.files = [DraftFile(document=document, title=item["file"], sort_order=0)]
        page.sections = [
            DraftSection(label=label, title=title, sort_order=order)
            for order, (label, title) in enumerate(item["sections"])
        ]
        publish(index, page)
        self.portal.report.add(f"draft {item['slug']}")
        return page

    def pdf(self, key, title, heading, paragraphs, day):
        content = official_document(
            issuer=ISSUER,
            number="",
            place="Gia Lộc",
            day=day,
            kind="DỰ THẢO",
            title=heading,
            paragraphs=paragraphs,
            signer=SIGNER,
        )
        return self.portal.document(key=key, title=title, content=content)

    def comments(self, draft, site, items):
        sections = {section.label: section for section in draft.sections.all()}
        for number, (label, kind, organisation, text, status) in enumerate(items):
            DraftComment.objects.create(
                draft=draft,
                site=site,
                section=sections.get(label),
                commenter_kind=kind,
                organisation=organisation,
                name="Nguyễn Văn Bình" if kind == CommenterKind.PERSON else "Trần Thị Hoa",
                phone="0220 3852 000",
                text=text,
                status=status,
                submission_key=f"demo-{draft.pk}-{number}",
            )
        self.portal.report.add(f"comments on {draft.slug}")
