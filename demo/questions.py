"""The demo's questions section: the fields, three answered questions and two still being handled."""

import datetime

from django.utils import timezone

from wagtail.models import Site

from demo.tree import ensure_child
from portal.tree import child_by_slug, publish
from questions.handling import answer_html
from questions.models import Question, QuestionIndexPage, QuestionPage, QuestionStatus, QuestionTopic

TOPICS = [
    ("Đất đai", "dat-dai"),
    ("Hộ tịch, chứng thực", "ho-tich-chung-thuc"),
    ("Xây dựng", "xay-dung"),
    ("Lao động, việc làm", "lao-dong-viec-lam"),
    ("Chính sách xã hội", "chinh-sach-xa-hoi"),
    ("Giáo dục", "giao-duc"),
    ("Khác", "khac"),
]

ANSWERED = [
    {
        "slug": "cap-lai-giay-chung-nhan-quyen-su-dung-dat-bi-mat",
        "title": "Cấp lại giấy chứng nhận quyền sử dụng đất bị mất",
        "topic": "dat-dai",
        "asked_on": datetime.date(2024, 3, 4),
        "answered_on": datetime.date(2024, 3, 12),
        "office": "Phòng Tài nguyên và Môi trường",
        "question": "Gia đình tôi bị mất giấy chứng nhận quyền sử dụng đất do cháy nhà. Xin hỏi thủ tục xin cấp lại "
        "gồm những giấy tờ gì và nộp ở đâu?",
        "answer": "Người sử dụng đất nộp đơn đề nghị cấp lại giấy chứng nhận tại Bộ phận một cửa của Ủy ban nhân dân "
        "cấp xã nơi có đất, kèm giấy xác nhận của cơ quan công an hoặc Ủy ban nhân dân cấp xã về việc mất giấy.\n\n"
        "Sau khi niêm yết thông báo mất giấy 15 ngày, hồ sơ được chuyển đến Văn phòng đăng ký đất đai để cấp lại. "
        "Thời hạn giải quyết không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    },
    {
        "slug": "dang-ky-khai-sinh-cho-con-khi-cha-me-chua-dang-ky-ket-hon",
        "title": "Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn",
        "topic": "ho-tich-chung-thuc",
        "asked_on": datetime.date(2024, 5, 20),
        "answered_on": datetime.date(2024, 5, 24),
        "office": "Phòng Tư pháp",
        "question": "Vợ chồng tôi chưa đăng ký kết hôn, nay sinh con. Con có được làm giấy khai sinh mang họ của bố "
        "không?",
        "answer": "Được. Khi đăng ký khai sinh, cha và mẹ cùng đến Ủy ban nhân dân cấp xã để làm thủ tục đăng ký "
        "khai sinh kết hợp nhận cha, con. Hồ sơ gồm tờ khai, giấy chứng sinh và văn bản, chứng cứ chứng minh quan hệ "
        "cha con.\n\nPhần khai về người cha trong giấy khai sinh được ghi ngay khi đăng ký; họ của con ghi theo thỏa "
        "thuận của cha mẹ.",
    },
    {
        "slug": "giay-phep-xay-dung-nha-o-rieng-le-tai-nong-thon",
        "title": "Nhà ở riêng lẻ tại nông thôn có cần giấy phép xây dựng?",
        "topic": "xay-dung",
        "asked_on": datetime.date(2024, 8, 2),
        "answered_on": datetime.date(2024, 8, 9),
        "office": "Phòng Kinh tế, Hạ tầng và Đô thị",
        "question": "Tôi định xây nhà hai tầng trên đất ở tại thôn, không thuộc khu vực có quy hoạch chi tiết. "
        "Tôi có phải xin giấy phép xây dựng không?",
        "answer": "Nhà ở riêng lẻ ở nông thôn dưới 7 tầng, thuộc khu vực không có quy hoạch đô thị hoặc quy hoạch "
        "chi tiết xây dựng được duyệt, được miễn giấy phép xây dựng.\n\nTuy vậy, công trình vẫn phải bảo đảm chỉ "
        "giới xây dựng và an toàn cho các nhà liền kề; nên liên hệ Ủy ban nhân dân xã để được hướng dẫn.",
    },
]

IN_HANDLING = [
    {
        "code": "HD-DEMO-0001",
        "title": "Hỗ trợ học nghề cho lao động nông thôn",
        "topic": "lao-dong-viec-lam",
        "text": "Tôi 35 tuổi, làm nông. Huyện có lớp học nghề nào được hỗ trợ học phí trong năm nay không?",
        "status": QuestionStatus.RECEIVED,
    },
    {
        "code": "HD-DEMO-0002",
        "title": "Trợ cấp cho người cao tuổi",
        "topic": "chinh-sach-xa-hoi",
        "text": "Mẹ tôi năm nay 80 tuổi, chưa hưởng lương hưu. Gia đình cần làm thủ tục gì để mẹ được nhận trợ cấp?",
        "status": QuestionStatus.ASSIGNED,
        "office": "Phòng Văn hóa – Xã hội",
    },
]


class QuestionsLoader:
    """Builds the demo's questions section; ``portal`` keeps the report."""

    def __init__(self, portal):
        self.portal = portal

    def load(self, home) -> QuestionIndexPage:
        report = self.portal.report
        topics = {}
        for order, (name, slug) in enumerate(TOPICS):
            topics[slug], created = QuestionTopic.objects.get_or_create(
                slug=slug, defaults={"name": name, "sort_order": order}
            )
            if created:
                report.add(f"question field {slug}")
        index = ensure_child(
            home,
            QuestionIndexPage(
                title="Hỏi đáp",
                slug="hoi-dap",
                intro="Công dân, tổ chức đặt câu hỏi về thủ tục, chính sách; các phòng chuyên môn trả lời.",
                show_in_menus=True,
            ),
            report,
        )
        site = Site.objects.get(root_page=home)
        for number, item in enumerate(ANSWERED, start=1):
            if child_by_slug(index, item["slug"]) is not None:
                continue
            page = publish(
                index,
                QuestionPage(
                    title=item["title"],
                    slug=item["slug"],
                    topic=topics[item["topic"]],
                    question=item["question"],
                    asked_on=item["asked_on"],
                    answer=answer_html(item["answer"]),
                    answered_by=item["office"],
                    answered_on=item["answered_on"],
                ),
            )
            report.add(f"question page {item['slug']}")
            Question.objects.create(
                site=site,
                code=f"HD-DEMO-A{number:03d}",
                submission_key=f"demo-{item['slug']}"[:32],
                topic=topics[item["topic"]],
                title=item["title"],
                text=item["question"],
                consent=True,
                status=QuestionStatus.PUBLISHED,
                office_name=item["office"],
                answer=item["answer"],
                page=page,
                closed_at=timezone.make_aware(datetime.datetime.combine(item["answered_on"], datetime.time(9))),
            )
        for item in IN_HANDLING:
            _question, created = Question.objects.get_or_create(
                code=item["code"],
                defaults={
                    "site": site,
                    "submission_key": f"demo-{item['code']}",
                    "topic": topics[item["topic"]],
                    "title": item["title"],
                    "text": item["text"],
                    "name": "Nguyễn Văn Demo",
                    "email": "cong.dan@example.com",
                    "consent": True,
                    "status": item["status"],
                    "office_name": item.get("office", ""),
                },
            )
            if created:
                report.add(f"question {item['code']}")
        return index
