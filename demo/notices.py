"""Demo notices, exam sessions, a meeting invitation and the work schedule of Gia Lộc district.

The five notices of the reference page keep their 2023 dates. So that the exam schedule and the week view show
something on the day the demo is loaded, one recruitment with upcoming exams, one meeting invitation and two weeks
of schedule are dated from that day.
"""

import datetime

from django.utils import timezone

from demo.pdfs import official_document
from demo.tree import LOCAL_TZ, ensure_child, paragraphs_to_stream
from notices.enums import ExamFormat, NoticeKind, Weekday
from notices.models import (
    ExamSession,
    NoticeAttachment,
    NoticeIndexPage,
    NoticePage,
    RelatedNotice,
    ScheduleEntry,
    WorkSchedulePage,
    WorkWeekPage,
)
from notices.weeks import Week
from portal.tree import child_by_slug, publish

ISSUER = "UBND huyện Gia Lộc"
PDF_ISSUER = "Ủy ban nhân dân\nhuyện Gia Lộc"
SIGNER = "Đỗ Văn Thành"
HALL = "Hội trường UBND huyện Gia Lộc, số 1 đường Nguyễn Chế Nghĩa, thị trấn Gia Lộc"

SUMMONS_OFFICE = "trieu-tap-thi-sinh-sat-hach-van-phong-thong-ke-duc-xuong-tu-phap-ho-tich-thi-tran"
FORMAT_DECISION = "quyet-dinh-noi-dung-hinh-thuc-sat-hach-van-phong-thong-ke-duc-xuong-tu-phap-ho-tich"
TENDER_PLAN = "ke-hoach-lua-chon-nha-thau-cai-tao-nha-lam-viec-bo-phan-mot-cua-huyen"
THRIFT_PROGRAMME = "chuong-trinh-thuc-hanh-tiet-kiem-chong-lang-phi-2023"
SUMMONS_FINANCE = "trieu-tap-thi-sinh-sat-hach-tai-chinh-ke-hoach-dong-quang-van-hoa-xa-hoi-pham-tran"
TEACHER_RECRUITMENT = "tuyen-dung-vien-chuc-giao-duc-mam-non-tieu-hoc"
BRIEFING_MEETING = "giay-moi-hop-giao-ban-cai-cach-hanh-chinh"

REFERENCE_NOTICES = [
    {
        "slug": SUMMONS_OFFICE,
        "kind": NoticeKind.EXAM_SUMMONS,
        "number": "28/TB-UBND",
        "issued_on": "2023-03-14",
        "title": "Thông báo triệu tập thí sinh dự sát hạch tuyển dụng công chức cấp xã trong trường hợp đặc biệt: "
        "Văn phòng – Thống kê xã Đức Xương (công tác Văn phòng Đảng ủy – Nội vụ) và Tư pháp – Hộ tịch thị trấn Gia Lộc",
        "summary": "Danh sách thí sinh đủ điều kiện, nội dung, hình thức, thời gian và địa điểm sát hạch.",
        "body": [
            "Căn cứ Nghị định số 138/2020/NĐ-CP ngày 27/11/2020 của Chính phủ quy định về tuyển dụng, sử dụng và quản lý "
            "công chức và kết quả kiểm tra hồ sơ, UBND huyện Gia Lộc triệu tập các thí sinh có tên trong danh sách kèm theo "
            "đến dự sát hạch tuyển dụng công chức cấp xã trong trường hợp đặc biệt.",
            "## Chức danh tuyển dụng",
            "Chức danh Văn phòng – Thống kê xã Đức Xương, làm công tác Văn phòng Đảng ủy – Nội vụ; chức danh Tư pháp – "
            "Hộ tịch thị trấn Gia Lộc.",
            "## Nội dung và hình thức",
            "Sát hạch bằng hình thức phỏng vấn về hiểu biết chung, về chức trách, nhiệm vụ của chức danh dự tuyển và kỹ "
            "năng xử lý tình huống; thang điểm 100. Lịch sát hạch cụ thể của từng chức danh được đăng dưới đây.",
            "Thí sinh có mặt trước giờ sát hạch 30 phút, mang theo căn cước công dân để đối chiếu. Thí sinh không có mặt "
            "đúng thời gian quy định được coi là từ bỏ quyền dự sát hạch.",
        ],
        "attachment": "Thông báo số 28/TB-UBND (bản ký)",
        "sessions": [
            {
                "date": "2023-03-21",
                "start": "08:00",
                "end": "11:30",
                "room": "Phòng họp số 2",
                "position": "Văn phòng – Thống kê",
                "unit": "xã Đức Xương",
            },
            {
                "date": "2023-03-21",
                "start": "14:00",
                "end": "16:30",
                "room": "Phòng họp số 2",
                "position": "Tư pháp – Hộ tịch",
                "unit": "thị trấn Gia Lộc",
            },
        ],
        "related": [FORMAT_DECISION],
    },
    {
        "slug": FORMAT_DECISION,
        "kind": NoticeKind.EXAM_FORMAT,
        "number": "512/QĐ-UBND",
        "issued_on": "2023-03-10",
        "title": "Quyết định phê duyệt nội dung và hình thức sát hạch tuyển dụng công chức cấp xã trong trường hợp đặc biệt, "
        "chức danh Văn phòng – Thống kê xã Đức Xương và Tư pháp – Hộ tịch thị trấn Gia Lộc",
        "summary": "Phê duyệt nội dung, hình thức sát hạch và thành phần Hội đồng sát hạch.",
        "body": [
            "Phê duyệt nội dung sát hạch gồm hiểu biết chung về hệ thống chính trị, tổ chức bộ máy của Đảng, Nhà nước và "
            "các tổ chức chính trị – xã hội; chức trách, nhiệm vụ của chức danh dự tuyển; kỹ năng xử lý tình huống.",
            "Hình thức sát hạch: phỏng vấn trực tiếp, thời gian tối đa 30 phút cho mỗi thí sinh, thang điểm 100. Thí sinh "
            "đạt từ 50 điểm trở lên được xem xét trúng tuyển theo quy định.",
            "Hội đồng sát hạch do Phó Chủ tịch UBND huyện làm Chủ tịch Hội đồng; Trưởng phòng Nội vụ làm Phó Chủ tịch "
            "Hội đồng; các thành viên là lãnh đạo các phòng chuyên môn liên quan.",
        ],
        "attachment": "Quyết định số 512/QĐ-UBND",
        "sessions": [],
        "related": [],
    },
    {
        "slug": TENDER_PLAN,
        "kind": NoticeKind.TENDER,
        "number": "498/QĐ-UBND",
        "issued_on": "2023-03-08",
        "title": "Quyết định phê duyệt kế hoạch lựa chọn nhà thầu công trình cải tạo, nâng cấp nhà làm việc "
        "Bộ phận tiếp nhận và trả kết quả theo cơ chế một cửa huyện Gia Lộc",
        "summary": "Kế hoạch lựa chọn nhà thầu các gói thầu tư vấn, xây lắp và thiết bị của công trình.",
        "body": [
            "Phê duyệt kế hoạch lựa chọn nhà thầu công trình cải tạo, nâng cấp nhà làm việc Bộ phận tiếp nhận và trả kết "
            "quả theo cơ chế một cửa huyện Gia Lộc, gồm các gói thầu: tư vấn khảo sát, lập báo cáo kinh tế – kỹ thuật; "
            "thi công xây dựng; cung cấp và lắp đặt thiết bị; tư vấn giám sát.",
            "Nguồn vốn: ngân sách huyện. Hình thức lựa chọn nhà thầu, phương thức và thời gian tổ chức lựa chọn nhà thầu "
            "của từng gói thầu thực hiện theo phụ lục kèm theo Quyết định và quy định của Luật Đấu thầu.",
            "Ban Quản lý dự án đầu tư xây dựng huyện là chủ đầu tư, có trách nhiệm tổ chức lựa chọn nhà thầu bảo đảm "
            "công khai, minh bạch, hiệu quả.",
        ],
        "attachment": "Quyết định số 498/QĐ-UBND và phụ lục",
        "sessions": [],
        "related": [],
    },
    {
        "slug": THRIFT_PROGRAMME,
        "kind": NoticeKind.DECISION,
        "number": "350/QĐ-UBND",
        "issued_on": "2023-02-20",
        "title": "Quyết định ban hành Chương trình thực hành tiết kiệm, chống lãng phí huyện Gia Lộc năm 2023",
        "summary": "Mục tiêu, chỉ tiêu tiết kiệm trong chi thường xuyên, đầu tư công, sử dụng tài sản công năm 2023.",
        "body": [
            "Ban hành kèm theo Quyết định này Chương trình thực hành tiết kiệm, chống lãng phí năm 2023 của huyện Gia Lộc.",
            "Chương trình đặt mục tiêu tiết kiệm trong chi thường xuyên, nhất là chi hội nghị, hội thảo, công tác phí; "
            "quản lý chặt chẽ vốn đầu tư công, không để nợ đọng xây dựng cơ bản; sử dụng trụ sở, xe công và tài sản công "
            "đúng tiêu chuẩn, định mức.",
            "Các phòng, cơ quan, đơn vị và UBND các xã, thị trấn xây dựng chương trình của đơn vị mình, báo cáo kết quả "
            "định kỳ 6 tháng và cả năm về UBND huyện qua Phòng Tài chính – Kế hoạch.",
        ],
        "attachment": "Chương trình thực hành tiết kiệm, chống lãng phí năm 2023",
        "sessions": [],
        "related": [],
    },
    {
        "slug": SUMMONS_FINANCE,
        "kind": NoticeKind.EXAM_SUMMONS,
        "number": "21/TB-UBND",
        "issued_on": "2023-02-27",
        "title": "Thông báo triệu tập thí sinh dự sát hạch tuyển dụng công chức xã trong trường hợp đặc biệt: "
        "Tài chính – Kế hoạch xã Đồng Quang và Văn hóa – Xã hội xã Phạm Trấn",
        "summary": "Thí sinh dự tuyển chức danh Văn hóa – Xã hội xã Phạm Trấn làm công tác văn hóa, thông tin, thể dục thể thao.",
        "body": [
            "UBND huyện triệu tập thí sinh dự sát hạch chức danh Tài chính – Kế hoạch xã Đồng Quang và chức danh Văn hóa – "
            "Xã hội xã Phạm Trấn (làm công tác văn hóa, thông tin, thể dục thể thao).",
            "Nội dung, hình thức, thời gian và địa điểm sát hạch được niêm yết tại trụ sở UBND huyện và UBND các xã có chỉ "
            "tiêu tuyển dụng, đồng thời đăng trên Cổng thông tin điện tử huyện.",
            "Thí sinh cần hỗ trợ liên hệ Phòng Nội vụ huyện trong giờ hành chính.",
        ],
        "attachment": "Thông báo số 21/TB-UBND (bản ký)",
        "sessions": [
            {
                "date": "2023-03-06",
                "start": "08:00",
                "end": "10:30",
                "room": "Phòng họp số 1",
                "position": "Tài chính – Kế hoạch",
                "unit": "xã Đồng Quang",
            },
            {
                "date": "2023-03-06",
                "start": "14:00",
                "end": "16:00",
                "room": "Phòng họp số 1",
                "position": "Văn hóa – Xã hội",
                "unit": "xã Phạm Trấn",
            },
        ],
        "related": [],
    },
]


def current_notices(today: datetime.date) -> list[dict]:
    """A recruitment with exams in the coming weeks and a meeting this week, dated from the day of loading."""
    this_week = Week.containing(today)
    exam_day = today + datetime.timedelta(days=14 + (5 - (today + datetime.timedelta(days=14)).weekday()) % 7)
    return [
        {
            "slug": TEACHER_RECRUITMENT,
            "kind": NoticeKind.RECRUITMENT,
            "number": "45/TB-UBND",
            "issued_on": (today - datetime.timedelta(days=10)).isoformat(),
            "valid_until": (today + datetime.timedelta(days=7)).isoformat(),
            "title": "Thông báo tuyển dụng viên chức giáo dục mầm non và tiểu học",
            "summary": "Chỉ tiêu, điều kiện, hồ sơ và lịch thi tuyển viên chức các trường mầm non, tiểu học công lập.",
            "body": [
                "UBND huyện thông báo tuyển dụng viên chức giáo viên mầm non và tiểu học cho các trường công lập trên địa "
                "bàn. Người dự tuyển nộp Phiếu đăng ký dự tuyển tại Phòng Nội vụ huyện hoặc qua dịch vụ bưu chính.",
                "## Hình thức tuyển dụng",
                "Thi tuyển qua hai vòng: vòng 1 thi trắc nghiệm kiến thức chung trên giấy; vòng 2 thi thực hành giảng dạy. "
                "Lịch thi của từng vị trí được đăng dưới đây; thí sinh có thể thêm lịch vào điện thoại bằng tệp .ics.",
            ],
            "attachment": "Thông báo tuyển dụng số 45/TB-UBND",
            "sessions": [
                {
                    "date": exam_day.isoformat(),
                    "start": "07:30",
                    "end": "09:00",
                    "room": "Phòng thi số 1",
                    "position": "Giáo viên mầm non",
                    "unit": "Trường Mầm non Gia Tân",
                    "format": ExamFormat.WRITTEN,
                },
                {
                    "date": exam_day.isoformat(),
                    "start": "09:30",
                    "end": "11:00",
                    "room": "Phòng thi số 2",
                    "position": "Giáo viên tiểu học",
                    "unit": "Trường Tiểu học Đức Xương",
                    "format": ExamFormat.WRITTEN,
                },
                {
                    "date": (exam_day + datetime.timedelta(days=1)).isoformat(),
                    "start": "07:30",
                    "end": "11:30",
                    "room": "Trường Tiểu học thị trấn Gia Lộc",
                    "position": "Giáo viên tiểu học",
                    "unit": "Trường Tiểu học Đức Xương",
                    "format": ExamFormat.PRACTICAL,
                },
            ],
            "related": [],
        },
        {
            "slug": BRIEFING_MEETING,
            "kind": NoticeKind.MEETING,
            "number": "112/GM-UBND",
            "issued_on": this_week.start.isoformat(),
            "meeting_start": datetime.datetime.combine(
                this_week.start + datetime.timedelta(days=3), datetime.time(14, 0)
            ),
            "meeting_place": "Phòng họp trực tuyến, tầng 2 trụ sở UBND huyện",
            "title": "Giấy mời họp giao ban công tác cải cách hành chính",
            "summary": "Giao ban tiến độ cải cách hành chính, chuyển đổi số và giải quyết thủ tục hành chính.",
            "body": [
                "UBND huyện trân trọng kính mời lãnh đạo các phòng chuyên môn và Chủ tịch UBND các xã, thị trấn dự họp giao "
                "ban công tác cải cách hành chính. Các đơn vị chuẩn bị báo cáo tình hình giải quyết hồ sơ thủ tục hành chính.",
            ],
            "attachment": "Giấy mời số 112/GM-UBND",
            "sessions": [],
            "related": [],
        },
    ]


def schedule_rows(week: Week) -> list[dict]:
    """A plausible week of the leaders' schedule."""
    return [
        {
            "weekday": Weekday.MONDAY,
            "start_time": datetime.time(7, 30),
            "content": "Chào cờ đầu tuần; giao ban lãnh đạo UBND huyện",
            "chair": "Chủ tịch UBND huyện",
            "participants": "Các Phó Chủ tịch UBND huyện; Chánh Văn phòng HĐND và UBND huyện",
            "place": "Phòng họp số 1",
            "preparing_unit": "Văn phòng HĐND và UBND huyện",
        },
        {
            "weekday": Weekday.MONDAY,
            "start_time": datetime.time(14, 0),
            "content": "Làm việc với Phòng Tài chính – Kế hoạch về tiến độ giải ngân vốn đầu tư công",
            "chair": "Phó Chủ tịch UBND huyện Phạm Thị Hồng Nhung",
            "participants": "Phòng Tài chính – Kế hoạch; Ban Quản lý dự án",
            "place": "Phòng họp số 2",
            "preparing_unit": "Phòng Tài chính – Kế hoạch",
        },
        {
            "weekday": Weekday.TUESDAY,
            "start_time": datetime.time(8, 0),
            "content": "Tiếp công dân định kỳ",
            "chair": "Chủ tịch UBND huyện",
            "participants": "Thanh tra huyện; Phòng Tài nguyên và Môi trường",
            "place": "Trụ sở tiếp công dân huyện",
            "preparing_unit": "Ban Tiếp công dân",
        },
        {
            "weekday": Weekday.WEDNESDAY,
            "start_time": None,
            "content": "Kiểm tra công tác cải cách hành chính tại xã Gia Tân và xã Gia Khánh",
            "chair": "Phó Chủ tịch UBND huyện Đỗ Văn Thành",
            "participants": "Đoàn kiểm tra cải cách hành chính huyện",
            "place": "UBND xã Gia Tân, UBND xã Gia Khánh",
            "preparing_unit": "Phòng Nội vụ",
        },
        {
            "weekday": Weekday.THURSDAY,
            "start_time": datetime.time(8, 0),
            "content": "Hội nghị triển khai kế hoạch sản xuất vụ đông",
            "chair": "Phó Chủ tịch UBND huyện Phạm Thị Hồng Nhung",
            "participants": "Chủ tịch UBND các xã, thị trấn",
            "place": "Hội trường UBND huyện",
            "preparing_unit": "Phòng Nông nghiệp và Phát triển nông thôn",
        },
        {
            "weekday": Weekday.FRIDAY,
            "start_time": datetime.time(14, 0),
            "content": "Họp Thường trực UBND huyện cho ý kiến các đề án trình kỳ họp HĐND",
            "chair": "Chủ tịch UBND huyện",
            "participants": "Thường trực UBND huyện; thủ trưởng các phòng liên quan",
            "place": "Phòng họp số 1",
            "preparing_unit": "Văn phòng HĐND và UBND huyện",
        },
    ]


def document_kind(number: str) -> str:
    """The kind of document printed at the top of its PDF, read from its number (TB, QĐ, GM …)."""
    for code, kind in (("/QĐ-", "Quyết định"), ("/GM-", "Giấy mời"), ("/KH-", "Kế hoạch")):
        if code in number:
            return kind
    return "Thông báo"


class NoticesLoader:
    """Builds the demo's notices, exams and schedule; ``portal`` makes the files and keeps the report."""

    def __init__(self, portal):
        self.portal = portal

    def load(self, home):
        index = self.index(home)
        today = timezone.localdate()
        items = [*REFERENCE_NOTICES, *current_notices(today)]
        notices = {item["slug"]: self.notice(index, item) for item in items}
        for item in items:
            notice = notices[item["slug"]]
            if item["related"] and not notice.related_notice_links.exists():
                notice.related_notice_links = [
                    RelatedNotice(notice=notices[slug], sort_order=order) for order, slug in enumerate(item["related"])
                ]
                notice.save_revision().publish()
                self.portal.report.add(f"related notices of {item['slug']}")
        self.schedule(home, today)
        return index

    def index(self, home):
        intro = "Thông báo tuyển dụng, triệu tập thí sinh, lựa chọn nhà thầu, mời họp và các quyết định của UBND huyện."
        return ensure_child(home, NoticeIndexPage(title="Thông báo", slug="thong-bao", intro=intro), self.portal.report)

    def notice(self, index, item):
        existing = child_by_slug(index, item["slug"])
        if existing is not None:
            return existing
        issued_on = datetime.date.fromisoformat(item["issued_on"])
        document = self.portal.document(
            key=item["slug"],
            title=item["attachment"],
            content=official_document(
                issuer=PDF_ISSUER,
                number=item["number"],
                place="Gia Lộc",
                day=issued_on,
                kind=document_kind(item["number"]),
                title=item["title"],
                paragraphs=[text for text in item["body"] if not text.startswith("## ")],
                signer=SIGNER,
            ),
        )
        meeting_start = item.get("meeting_start")
        notice = NoticePage(
            title=item["title"],
            slug=item["slug"],
            kind=item["kind"],
            number=item["number"],
            issuer=ISSUER,
            issued_on=issued_on,
            valid_until=datetime.date.fromisoformat(item["valid_until"]) if item.get("valid_until") else None,
            summary=item["summary"],
            body=paragraphs_to_stream(item["body"]),
            meeting_start=meeting_start.replace(tzinfo=LOCAL_TZ) if meeting_start else None,
            meeting_place=item.get("meeting_place", ""),
        )
        notice.attachments = [NoticeAttachment(document=document, title=item["attachment"], sort_order=0)]
        notice.exam_sessions = [
            ExamSession(
                date=datetime.date.fromisoformat(session["date"]),
                start_time=datetime.time.fromisoformat(session["start"]),
                end_time=datetime.time.fromisoformat(session["end"]),
                place=HALL if "Trường" not in session["room"] else session["room"],
                room=session["room"] if "Trường" not in session["room"] else "",
                position=session["position"],
                unit=session["unit"],
                exam_format=session.get("format", ExamFormat.INTERVIEW),
                sort_order=order,
            )
            for order, session in enumerate(item["sessions"])
        ]
        published_at = datetime.datetime.combine(issued_on, datetime.time(9, 0), tzinfo=LOCAL_TZ)
        self.portal.report.add(f"notice {item['slug']}")
        return publish(index, notice, published_at)

    def schedule(self, home, today):
        schedule = ensure_child(
            home,
            WorkSchedulePage(
                title="Lịch làm việc", slug="lich-lam-viec", intro="Lịch công tác tuần của Thường trực UBND huyện."
            ),
            self.portal.report,
        )
        for week in (Week.containing(today), Week.containing(today).next):
            if WorkWeekPage.objects.child_of(schedule).filter(week_start=week.start).exists():
                continue
            page = WorkWeekPage(week_start=week.start)
            page.set_title_from_week()
            page.entries = [ScheduleEntry(sort_order=order, **row) for order, row in enumerate(schedule_rows(week))]
            publish(schedule, page)
            self.portal.report.add(f"schedule week {week.iso}")
