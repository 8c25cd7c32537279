"""The demo's legal-document library ("Hệ thống văn bản"): vocabularies, the library at /van-ban/, its five
collections and about fifty documents of Gia Lộc district and Hải Dương province, each with a PDF drawn locally.

Documents keep their historic dates, except one decision of the district that is signed a few days before the day the
demo is loaded and takes effect a few days after it, so that the library always shows a document not yet in force.
Relations make the other statuses visible: a document replaced by a newer one in force (expired), one amended by a
newer one in force (partly expired), one replaced by the document not yet in force (still in force), and two
documents whose expiry date has passed.
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from anyascii import anyascii

from demo.pdfs import official_document
from demo.tree import LOCAL_TZ, ensure_child
from documents.enums import CollectionKind, RelationKind
from documents.models import (
    DocumentCollectionPage,
    DocumentLibraryPage,
    DocumentRelation,
    DocumentType,
    Issuer,
    LegalDocumentFile,
    LegalDocumentPage,
    LegalField,
)
from portal.tree import child_by_slug, publish

# Vocabularies -------------------------------------------------------------------------------------------------------
DOCUMENT_TYPES = [
    ("quyet-dinh", "Quyết định"),
    ("nghi-quyet", "Nghị quyết"),
    ("chi-thi", "Chỉ thị"),
    ("ke-hoach", "Kế hoạch"),
    ("thong-bao", "Thông báo"),
    ("cong-van", "Công văn"),
    ("bao-cao", "Báo cáo"),
    ("to-trinh", "Tờ trình"),
]

UBND_HUYEN = "ubnd-huyen-gia-loc"
HDND_HUYEN = "hdnd-huyen-gia-loc"
UBND_TINH = "ubnd-tinh-hai-duong"
HDND_TINH = "hdnd-tinh-hai-duong"
VAN_PHONG = "van-phong-hdnd-va-ubnd-huyen"
PHONG_TNMT = "phong-tai-nguyen-va-moi-truong"

# slug, name, the issuing body as printed at the top left of the document, the place before the date
ISSUERS = [
    (UBND_HUYEN, "UBND huyện Gia Lộc", "Ủy ban nhân dân\nhuyện Gia Lộc", "Gia Lộc"),
    (HDND_HUYEN, "HĐND huyện Gia Lộc", "Hội đồng nhân dân\nhuyện Gia Lộc", "Gia Lộc"),
    (UBND_TINH, "UBND tỉnh Hải Dương", "Ủy ban nhân dân\ntỉnh Hải Dương", "Hải Dương"),
    (HDND_TINH, "HĐND tỉnh Hải Dương", "Hội đồng nhân dân\ntỉnh Hải Dương", "Hải Dương"),
    (VAN_PHONG, "Văn phòng HĐND và UBND huyện", "UBND huyện Gia Lộc\nVăn phòng HĐND và UBND", "Gia Lộc"),
    (PHONG_TNMT, "Phòng Tài nguyên và Môi trường", "UBND huyện Gia Lộc\nPhòng Tài nguyên và Môi trường", "Gia Lộc"),
    ("phong-noi-vu", "Phòng Nội vụ", "UBND huyện Gia Lộc\nPhòng Nội vụ", "Gia Lộc"),
    (
        "phong-giao-duc-va-dao-tao",
        "Phòng Giáo dục và Đào tạo",
        "UBND huyện Gia Lộc\nPhòng Giáo dục và Đào tạo",
        "Gia Lộc",
    ),
    (
        "phong-tai-chinh-ke-hoach",
        "Phòng Tài chính – Kế hoạch",
        "UBND huyện Gia Lộc\nPhòng Tài chính – Kế hoạch",
        "Gia Lộc",
    ),
]

LEGAL_FIELDS = [
    ("dat-dai", "Đất đai"),
    ("giao-duc", "Giáo dục"),
    ("y-te", "Y tế"),
    ("to-chuc-can-bo", "Tổ chức – cán bộ"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính"),
    ("tai-chinh-ngan-sach", "Tài chính – ngân sách"),
    ("ke-hoach-dau-tu", "Kế hoạch – đầu tư"),
    ("nong-nghiep", "Nông nghiệp"),
    ("xay-dung", "Xây dựng"),
    ("van-hoa-xa-hoi", "Văn hóa – xã hội"),
    ("phong-chong-thien-tai", "Phòng, chống thiên tai"),
]

# The library and its collections --------------------------------------------------------------------------------------
LIBRARY = {
    "title": "Hệ thống văn bản",
    "slug": "van-ban",
    "intro": "Văn bản chỉ đạo, điều hành của huyện Gia Lộc, văn bản của tỉnh Hải Dương gửi huyện, văn bản quy phạm "
    "pháp luật, tài liệu các kỳ họp HĐND huyện và văn bản đăng Công báo tỉnh; tra cứu theo số, ký hiệu, loại văn bản, "
    "cơ quan ban hành, lĩnh vực và tình trạng hiệu lực.",
}

COLLECTIONS = [
    {
        "kind": CollectionKind.DISTRICT,
        "title": "Văn bản của huyện",
        "slug": "van-ban-cua-huyen",
        "intro": "Quyết định, chỉ thị, kế hoạch, thông báo và công văn do UBND huyện Gia Lộc và các cơ quan "
        "chuyên môn thuộc UBND huyện ban hành.",
    },
    {
        "kind": CollectionKind.PROVINCE,
        "title": "Văn bản của tỉnh",
        "slug": "van-ban-cua-tinh",
        "intro": "Văn bản chỉ đạo, điều hành của UBND tỉnh Hải Dương liên quan đến huyện Gia Lộc.",
    },
    {
        "kind": CollectionKind.NORMATIVE,
        "title": "Văn bản quy phạm pháp luật",
        "slug": "van-ban-quy-pham-phap-luat",
        "intro": "Nghị quyết, quyết định quy phạm pháp luật của HĐND, UBND tỉnh Hải Dương và huyện Gia Lộc, "
        "kèm ngày có hiệu lực và tình trạng hiệu lực.",
    },
    {
        "kind": CollectionKind.COUNCIL,
        "title": "Tài liệu họp HĐND",
        "slug": "tai-lieu-hop-hdnd",
        "intro": "Báo cáo, báo cáo thẩm tra, thông báo và nghị quyết các kỳ họp Hội đồng nhân dân huyện Gia Lộc "
        "khóa XX, nhiệm kỳ 2021–2026, sắp xếp theo kỳ họp.",
    },
    {
        "kind": CollectionKind.GAZETTE,
        "title": "Công báo tỉnh",
        "slug": "cong-bao-tinh",
        "intro": "Văn bản quy phạm pháp luật của HĐND, UBND tỉnh Hải Dương đã đăng Công báo tỉnh.",
    },
]

# Signers: name and title as printed under the signature --------------------------------------------------------------
KHANH = ("Trần Quốc Khánh", "Chủ tịch")
NHUNG = ("Phạm Thị Hồng Nhung", "Phó Chủ tịch")
THANH = ("Đỗ Văn Thành", "Phó Chủ tịch")
HUNG = ("Nguyễn Văn Hưng", "Chủ tịch")  # HĐND huyện
HANG = ("Lương Thị Thu Hằng", "Phó Chủ tịch")  # HĐND huyện
LUC = ("Phạm Văn Lực", "Trưởng Ban Kinh tế – Xã hội")  # HĐND huyện
LAN = ("Vũ Thị Lan", "Chánh Văn phòng")
TUAN = ("Nguyễn Đình Tuấn", "Trưởng phòng")
QUANG = ("Lê Minh Quang", "Chủ tịch")  # UBND tỉnh
HA = ("Nguyễn Thị Thu Hà", "Phó Chủ tịch")  # UBND tỉnh
LONG = ("Vũ Đức Long", "Phó Chủ tịch")  # UBND tỉnh
VINH = ("Phạm Quang Vinh", "Chánh Văn phòng UBND tỉnh")
TRUONG = ("Hoàng Văn Trường", "Chủ tịch")  # HĐND tỉnh

SESSION_7 = "Kỳ họp thứ 7, HĐND huyện khóa XX"
SESSION_9 = "Kỳ họp thứ 9, HĐND huyện khóa XX"
SESSION_12 = "Kỳ họp thứ 12, HĐND huyện khóa XX"

DISTRICT, PROVINCE, NORMATIVE, COUNCIL, GAZETTE = (
    CollectionKind.DISTRICT,
    CollectionKind.PROVINCE,
    CollectionKind.NORMATIVE,
    CollectionKind.COUNCIL,
    CollectionKind.GAZETTE,
)

# The documents. Numbers are unique across the demo (they name the pages and files); relations name their target by
# number and always point to an older document, so creating the documents in date order finds every target.
DOCUMENTS = [
    # Văn bản của huyện ------------------------------------------------------------------------------------------------
    {
        "collection": DISTRICT,
        "number": "125/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_HUYEN,
        "issued": "2021-01-22",
        "signer": THANH,
        "fields": ["cai-cach-hanh-chinh"],
        "title": "Công bố danh mục thủ tục hành chính tiếp nhận hồ sơ và trả kết quả qua dịch vụ bưu chính công ích "
        "tại Bộ phận Một cửa huyện Gia Lộc",
        "body": [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; căn cứ Nghị định số 61/2018/NĐ-CP "
            "ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết "
            "thủ tục hành chính; xét đề nghị của Chánh Văn phòng HĐND và UBND huyện.",
            "Điều 1. Công bố kèm theo Quyết định này danh mục 46 thủ tục hành chính thuộc thẩm quyền giải quyết của "
            "UBND huyện được tiếp nhận hồ sơ và trả kết quả qua Bưu điện huyện Gia Lộc. Tổ chức, công dân có thể yêu "
            "cầu nhân viên bưu chính đến tận nhà để nhận hồ sơ và chuyển phát kết quả.",
            "Điều 2. Cước chuyển phát do người yêu cầu dịch vụ chi trả theo giá cước doanh nghiệp bưu chính công bố; "
            "hồ sơ gửi qua bưu chính được theo dõi bằng mã vận đơn trên Hệ thống thông tin giải quyết thủ tục hành "
            "chính của tỉnh.",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, thủ trưởng các phòng "
            "chuyên môn, Giám đốc Bưu điện huyện và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành.",
        ],
    },
    {
        "collection": DISTRICT,
        "number": "78/KH-UBND",
        "type": "ke-hoach",
        "issuer": UBND_HUYEN,
        "issued": "2021-05-12",
        "signer": NHUNG,
        "fields": ["y-te"],
        "title": "Bảo đảm an toàn phòng, chống dịch COVID-19 tại các doanh nghiệp, cơ sở sản xuất trên địa bàn huyện",
        "body": [
            "Thực hiện Chỉ thị số 15/CT-UBND của Chủ tịch UBND tỉnh về các biện pháp cấp bách phòng, chống dịch "
            "COVID-19, UBND huyện ban hành Kế hoạch bảo đảm an toàn cho người lao động tại các doanh nghiệp, cơ sở sản "
            "xuất, nhất là các doanh nghiệp may mặc, da giày sử dụng đông lao động.",
            "Mỗi doanh nghiệp thành lập Tổ an toàn COVID-19, bố trí khu vực cách ly tạm thời, đo thân nhiệt và khai "
            "báo y tế hằng ngày; người lao động trở về từ vùng có dịch được xét nghiệm theo phương pháp gộp mẫu trước "
            "khi quay lại làm việc.",
            "Trung tâm Y tế huyện chủ trì hướng dẫn, kiểm tra; UBND các xã Thống Nhất, Lê Lợi, Hồng Hưng rà soát danh "
            "sách người lao động ngoại tỉnh và báo cáo hằng tuần về Ban Chỉ đạo phòng, chống dịch của huyện.",
        ],
        "relations": [(RelationKind.BASED_ON, "15/CT-UBND")],
    },
    {
        "collection": DISTRICT,
        "number": "1568/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_HUYEN,
        "issued": "2021-07-15",
        "signer": KHANH,
        "fields": ["to-chuc-can-bo"],
        "title": "Ban hành Quy chế làm việc của Ủy ban nhân dân huyện Gia Lộc nhiệm kỳ 2021–2026",
        "body": [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Luật sửa đổi, bổ sung một số điều "
            "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019; xét đề nghị "
            "của Chánh Văn phòng HĐND và UBND huyện.",
            "Quy chế quy định nguyên tắc, chế độ trách nhiệm, lề lối làm việc và quan hệ công tác của UBND huyện. Chủ "
            "tịch phụ trách chung; một Phó Chủ tịch phụ trách khối kinh tế – hạ tầng, một Phó Chủ tịch phụ trách khối "
            "văn hóa – xã hội; mỗi Ủy viên UBND huyện theo dõi địa bàn một số xã, thị trấn.",
            "Phiên họp thường kỳ của UBND huyện tổ chức mỗi tháng một lần vào tuần cuối tháng; tài liệu phiên họp gửi "
            "các thành viên qua hệ thống quản lý văn bản và điều hành chậm nhất ba ngày làm việc trước phiên họp.",
        ],
    },
    {
        "collection": DISTRICT,
        "number": "2745/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_HUYEN,
        "issued": "2022-06-28",
        "signer": NHUNG,
        "fields": ["giao-duc"],
        "title": "Phê duyệt Đề án sắp xếp mạng lưới trường mầm non, tiểu học, trung học cơ sở huyện Gia Lộc "
        "giai đoạn 2022–2025",
        "body": [
            "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019; xét đề nghị của Trưởng phòng Giáo dục và Đào tạo và kết quả "
            "lấy ý kiến cử tri tại các xã có trường dự kiến sắp xếp.",
            "Đề án sắp xếp theo hướng thu gọn điểm trường lẻ, giữ quy mô lớp hợp lý, không để học sinh tiểu học phải "
            "đi học xa quá 3 km; ưu tiên đầu tư phòng học bộ môn, nhà đa năng cho các trường sau sắp xếp.",
            "Giai đoạn 2022–2023 hợp nhất trường tiểu học và trường trung học cơ sở xã Hoàng Diệu thành trường liên "
            "cấp; dồn điểm trường lẻ của trường mầm non xã Nhật Tân về điểm trường trung tâm. Giai đoạn 2024–2025 thực "
            "hiện với các xã còn lại theo danh sách tại Phụ lục.",
            "Cán bộ quản lý dôi dư sau sắp xếp được bố trí làm phó hiệu trưởng hoặc điều động đến trường còn thiếu; "
            "không tuyển dụng mới khi chưa bố trí hết số giáo viên dôi dư.",
        ],
        "appendix": {
            "title": "Phụ lục: Danh sách trường, điểm trường sắp xếp giai đoạn 2022–2025",
            "body": [
                "1. Xã Hoàng Diệu: hợp nhất trường tiểu học và trường trung học cơ sở thành trường liên cấp tiểu học và "
                "trung học cơ sở; thời điểm thực hiện: tháng 8 năm 2022.",
                "2. Xã Nhật Tân: dồn điểm trường lẻ của trường mầm non về điểm trường trung tâm; thời điểm thực hiện: "
                "tháng 8 năm 2022.",
                "3. Xã Quang Minh, xã Yết Kiêu: rà soát quy mô lớp, đề xuất phương án sắp xếp trong năm học 2024–2025.",
            ],
        },
    },
    {
        "collection": DISTRICT,
        "number": "03/CT-UBND",
        "type": "chi-thi",
        "issuer": UBND_HUYEN,
        "issued": "2022-03-15",
        "signer": KHANH,
        "fields": ["cai-cach-hanh-chinh"],
        "title": "Tăng cường kỷ luật, kỷ cương hành chính trong giải quyết thủ tục hành chính cho tổ chức, công dân",
        "body": [
            "Năm 2021, Bộ phận Một cửa huyện và một số xã, thị trấn vẫn còn hồ sơ giải quyết quá hạn, chủ yếu trong "
            "lĩnh vực đất đai; có công chức yêu cầu bổ sung giấy tờ ngoài quy định, gây phiền hà cho người dân.",
            "Chủ tịch UBND huyện yêu cầu thủ trưởng các phòng, Chủ tịch UBND các xã, thị trấn chịu trách nhiệm cá nhân "
            "khi để xảy ra hồ sơ trễ hạn không có lý do chính đáng; mỗi trường hợp trễ hạn phải có văn bản xin lỗi "
            "tổ chức, công dân và hẹn lại thời gian trả kết quả.",
            "Văn phòng HĐND và UBND huyện đặt hòm thư góp ý và mã QR đánh giá mức độ hài lòng tại quầy tiếp nhận; hằng "
            "tháng tổng hợp ý kiến, công khai kết quả trên Cổng thông tin điện tử huyện.",
        ],
    },
    {
        "collection": DISTRICT,
        "number": "88/BC-UBND",
        "type": "bao-cao",
        "issuer": UBND_HUYEN,
        "issued": "2022-03-25",
        "signer": THANH,
        "fields": ["cai-cach-hanh-chinh"],
        "title": "Kết quả công tác cải cách hành chính quý I năm 2022",
        "body": [
            "Trong quý I năm 2022, Bộ phận Một cửa huyện tiếp nhận 3.412 hồ sơ, giải quyết đúng hạn 3.365 hồ sơ, đạt "
            "98,6%; 21 hồ sơ trễ hạn thuộc lĩnh vực đăng ký đất đai do phải xác minh nguồn gốc sử dụng đất.",
            "Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt 31%, tăng 9 điểm phần trăm so với quý IV năm 2021; xã Gia Tân "
            "và xã Đức Xương dẫn đầu cấp xã về số hồ sơ trực tuyến.",
            "Quý II, UBND huyện tập trung số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực; kiểm tra "
            "đột xuất việc tiếp nhận hồ sơ tại một số xã và xử lý nghiêm công chức vi phạm.",
        ],
    },
    {
        "collection": DISTRICT,
        "number": "26/KH-UBND",
        "type": "ke-hoach",
        "issuer": UBND_HUYEN,
        "issued": "2023-02-20",
        "signer": THANH,
        "fields": ["to-chuc-can-bo"],
        "title": "Tuyển dụng công chức cấp xã năm 2023",
        "body": [
            "Căn cứ Nghị định số 138/2020/NĐ-CP ngày 27 tháng 11 năm 2020 của Chính phủ và Quy định về tuyển dụng, sử "
            "dụng và quản lý công chức cấp xã ban hành kèm theo Quyết định số 17/2022/QĐ-UBND của UBND tỉnh, UBND huyện "
            "ban hành Kế hoạch tuyển dụng công chức cấp xã năm 2023.",
            "Tổng chỉ tiêu tuyển dụng là 14 người cho các chức danh Văn phòng – Thống kê, Tài chính – Kế toán, Tư pháp "
            "– Hộ tịch, Địa chính – Xây dựng và Văn hóa – Xã hội tại 9 xã, thị trấn; xã Toàn Thắng và xã Phạm Trấn mỗi "
            "xã tuyển 2 người.",
            "Việc tuyển dụng thực hiện bằng thi tuyển qua hai vòng: vòng 1 thi trắc nghiệm trên máy vi tính, vòng 2 "
            "thi viết chuyên ngành. Người có chứng chỉ tin học, ngoại ngữ vẫn phải dự đủ các phần thi.",
        ],
        "relations": [(RelationKind.BASED_ON, "17/2022/QĐ-UBND")],
    },
    {
        "collection": DISTRICT,
        "number": "52/KH-UBND",
        "type": "ke-hoach",
        "issuer": UBND_HUYEN,
        "issued": "2023-04-10",
        "signer": NHUNG,
        "fields": ["phong-chong-thien-tai", "nong-nghiep"],
        "title": "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2023",
        "body": [
            "Kế hoạch quán triệt phương châm “bốn tại chỗ”: chỉ huy tại chỗ, lực lượng tại chỗ, phương tiện, vật tư "
            "tại chỗ và hậu cần tại chỗ; các xã, thị trấn kiện toàn Ban Chỉ huy phòng, chống thiên tai và tìm kiếm "
            "cứu nạn trước ngày 30 tháng 4.",
            "Các vị trí xung yếu dọc sông Đình Đào và các kênh trục thuộc hệ thống thủy nông Bắc Hưng Hải được phân "
            "công người theo dõi; mỗi xã dự trữ đá hộc, bao tải, cọc tre; các trạm bơm tiêu được kiểm tra, vận hành "
            "thử trước mùa mưa bão.",
            "Khi mưa lớn gây úng, UBND các xã chủ động bơm tiêu cứu lúa mùa, hướng dẫn nông dân cấy bù diện tích bị "
            "thiệt hại; tin cảnh báo được phát trên hệ thống truyền thanh cơ sở ít nhất ba lần mỗi ngày.",
        ],
    },
    {
        "collection": DISTRICT,
        "number": "67/KH-UBND",
        "type": "ke-hoach",
        "issuer": UBND_HUYEN,
        "issued": "2023-05-22",
        "signer": NHUNG,
        "fields": ["nong-nghiep"],
        "title": "Thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) trên địa bàn huyện năm 2023",
        "body": [
            "Thực hiện Nghị quyết số 03/2023/NQ-HĐND của HĐND tỉnh về chính sách hỗ trợ phát triển sản phẩm OCOP, "
            "UBND huyện phấn đấu trong năm 2023 có thêm ít nhất 6 sản phẩm được đánh giá, phân hạng từ 3 sao trở lên.",
            "Phòng Nông nghiệp và Phát triển nông thôn hướng dẫn các hợp tác xã, hộ sản xuất hoàn thiện hồ sơ, nhãn "
            "mác, tem truy xuất nguồn gốc; ưu tiên sản phẩm từ rau màu vụ đông, gạo chất lượng cao và thực phẩm chế "
            "biến của các xã Gia Khánh, Thống Kênh, Toàn Thắng.",
            "Hội đồng đánh giá, phân hạng sản phẩm cấp huyện chấm điểm trong quý III; sản phẩm đạt 4 sao được đề nghị "
            "tỉnh đánh giá và hỗ trợ tham gia hội chợ, điểm giới thiệu sản phẩm.",
        ],
        "relations": [(RelationKind.GUIDES, "03/2023/NQ-HĐND")],
    },
    {
        "collection": DISTRICT,
        "number": "1234/UBND-NV",
        "type": "cong-van",
        "issuer": UBND_HUYEN,
        "issued": "2023-08-14",
        "signer": THANH,
        "fields": ["to-chuc-can-bo"],
        "title": "Rà soát cán bộ, công chức cấp xã và đăng ký nhu cầu tuyển dụng năm 2024",
        "body": [
            "Để chuẩn bị kế hoạch tuyển dụng công chức cấp xã năm 2024, UBND huyện đề nghị Chủ tịch UBND các xã, thị "
            "trấn rà soát số lượng cán bộ, công chức hiện có so với số được giao, trình độ chuyên môn và các vị trí "
            "việc làm còn thiếu.",
            "Các đơn vị lập biểu đăng ký theo từng chức danh, ghi rõ chuyên ngành đào tạo cần tuyển; không đăng ký "
            "tuyển dụng đối với chức danh đang có người dôi dư hoặc dự kiến điều động trong năm.",
            "Báo cáo gửi về UBND huyện qua Phòng Nội vụ trước ngày 31 tháng 8 năm 2023, đồng thời gửi bản điện tử qua "
            "hệ thống quản lý văn bản và điều hành.",
        ],
    },
    {
        "collection": DISTRICT,
        "number": "4386/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_HUYEN,
        "issued": "2023-12-22",
        "signer": KHANH,
        "fields": ["tai-chinh-ngan-sach"],
        "title": "Giao dự toán thu, chi ngân sách nhà nước năm 2024 cho các cơ quan, đơn vị và UBND các xã, thị trấn",
        "body": [
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015 và Nghị quyết số 32/NQ-HĐND ngày 20 tháng 12 năm "
            "2023 của HĐND huyện về dự toán ngân sách năm 2024; xét đề nghị của Trưởng phòng Tài chính – Kế hoạch.",
            "Giao dự toán thu ngân sách nhà nước trên địa bàn và dự toán chi ngân sách năm 2024 cho các cơ quan, đơn "
            "vị thuộc huyện và UBND các xã, thị trấn theo biểu chi tiết kèm theo; chi sự nghiệp giáo dục và đào tạo "
            "chiếm tỷ trọng lớn nhất.",
            "Thủ trưởng các đơn vị giao dự toán cho đơn vị trực thuộc trước ngày 31 tháng 12 năm 2023, công khai dự "
            "toán theo quy định và tiết kiệm 10% chi thường xuyên để tạo nguồn cải cách tiền lương.",
        ],
        "relations": [(RelationKind.BASED_ON, "32/NQ-HĐND")],
    },
    {
        "collection": DISTRICT,
        "number": "19/TB-VP",
        "type": "thong-bao",
        "issuer": VAN_PHONG,
        "issued": "2024-05-17",
        "signer": LAN,
        "fields": ["dat-dai", "xay-dung"],
        "title": "Kết luận của Chủ tịch UBND huyện tại hội nghị giao ban công tác giải phóng mặt bằng các dự án "
        "trọng điểm",
        "body": [
            "Ngày 15 tháng 5 năm 2024, Chủ tịch UBND huyện chủ trì hội nghị giao ban công tác giải phóng mặt bằng các "
            "dự án trọng điểm, với sự tham dự của Trung tâm Phát triển quỹ đất, Phòng Tài nguyên và Môi trường và "
            "UBND các xã có dự án.",
            "Chủ tịch UBND huyện ghi nhận xã Gia Lương và xã Tân Tiến đã chi trả tiền bồi thường cho trên 90% số hộ; "
            "yêu cầu các xã còn chậm đối thoại với từng hộ chưa nhận tiền, giải thích rõ đơn giá bồi thường và chính "
            "sách hỗ trợ chuyển đổi nghề.",
            "Trung tâm Phát triển quỹ đất hoàn thiện phương án bồi thường bổ sung đối với diện tích đất nông nghiệp "
            "xen kẹt trong khu dân cư, trình thẩm định trước ngày 31 tháng 5 năm 2024.",
        ],
    },
    {
        "collection": DISTRICT,
        "number": "856/UBND-TNMT",
        "type": "cong-van",
        "issuer": UBND_HUYEN,
        "issued": "2024-09-16",
        "signer": THANH,
        "fields": ["dat-dai"],
        "title": "Hướng dẫn thực hiện quy định về diện tích tối thiểu được tách thửa đất ở trên địa bàn huyện",
        "body": [
            "Quyết định số 31/2024/QĐ-UBND của UBND tỉnh có hiệu lực từ ngày 01 tháng 9 năm 2024, thay thế quy định "
            "trước đây về hạn mức giao đất ở và diện tích tối thiểu được tách thửa. UBND huyện hướng dẫn UBND các xã, "
            "thị trấn và Chi nhánh Văn phòng đăng ký đất đai huyện một số nội dung sau.",
            "Hồ sơ nộp trước ngày 01 tháng 9 năm 2024 mà chưa giải quyết xong thì tiếp tục giải quyết theo quy định tại "
            "thời điểm nộp; hồ sơ nộp từ ngày 01 tháng 9 năm 2024 áp dụng diện tích tối thiểu và chiều rộng mặt tiền "
            "theo quy định mới.",
            "Thửa đất hình thành sau khi tách phải có lối đi nối với đường giao thông công cộng; phần diện tích hộ gia "
            "đình tự nguyện hiến để mở rộng đường ngõ xóm không tính vào diện tích tối thiểu của thửa còn lại.",
        ],
        "relations": [(RelationKind.GUIDES, "31/2024/QĐ-UBND")],
    },
    {
        "collection": DISTRICT,
        "number": "15/TB-TNMT",
        "type": "thong-bao",
        "issuer": PHONG_TNMT,
        "issued": "2025-03-10",
        "signer": TUAN,
        "fields": ["dat-dai"],
        "title": "Lịch tiếp nhận hồ sơ đăng ký, cấp giấy chứng nhận quyền sử dụng đất lần đầu tại các xã, thị trấn "
        "năm 2025",
        "body": [
            "Để hỗ trợ người dân hoàn thiện hồ sơ đăng ký, cấp giấy chứng nhận quyền sử dụng đất lần đầu, Phòng Tài "
            "nguyên và Môi trường phối hợp với Chi nhánh Văn phòng đăng ký đất đai tổ chức tiếp nhận hồ sơ lưu động "
            "tại trụ sở UBND các xã, thị trấn.",
            "Từ ngày 17 đến ngày 21 tháng 3 năm 2025 tiếp nhận tại các xã Đoàn Thượng, Đồng Quang, Quang Minh; từ "
            "ngày 24 đến ngày 28 tháng 3 năm 2025 tiếp nhận tại các xã Nhật Tân, Yết Kiêu và thị trấn Gia Lộc. Buổi "
            "sáng từ 7 giờ 30, buổi chiều từ 13 giờ 30.",
            "Người dân mang theo căn cước, giấy tờ về nguồn gốc sử dụng đất (nếu có) và biên bản xác định ranh giới, "
            "mốc giới thửa đất có chữ ký của các hộ liền kề.",
        ],
    },
    # Văn bản của tỉnh -------------------------------------------------------------------------------------------------
    {
        "collection": PROVINCE,
        "number": "15/CT-UBND",
        "type": "chi-thi",
        "issuer": UBND_TINH,
        "issued": "2021-05-08",
        "signer": QUANG,
        "fields": ["y-te"],
        "title": "Thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19 trên địa bàn tỉnh Hải Dương",
        "body": [
            "Trước diễn biến phức tạp của đợt dịch mới tại các tỉnh lân cận, Chủ tịch UBND tỉnh yêu cầu các sở, ngành, "
            "UBND các huyện, thị xã, thành phố thực hiện ngay các biện pháp cấp bách để ngăn dịch lây lan vào các khu "
            "công nghiệp, cụm công nghiệp.",
            "Tạm dừng lễ hội, sự kiện tập trung đông người; dừng kinh doanh dịch vụ karaoke, vũ trường, quán bar, cơ sở "
            "massage; không tổ chức đám cưới, đám tang tập trung quá 30 người cùng một thời điểm.",
            "Người đến từ vùng có dịch khai báo y tế với trạm y tế xã, phường, thị trấn trong vòng 24 giờ; Tổ COVID "
            "cộng đồng ở thôn, khu dân cư giám sát việc cách ly tại nhà.",
        ],
    },
    {
        "collection": PROVINCE,
        "number": "3240/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2021-11-08",
        "signer": QUANG,
        "fields": ["y-te"],
        "title": "Ban hành Quy định tạm thời thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19 trên địa "
        "bàn tỉnh Hải Dương",
        "body": [
            "Căn cứ Nghị quyết số 128/NQ-CP ngày 11 tháng 10 năm 2021 của Chính phủ ban hành Quy định tạm thời “Thích "
            "ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19”; xét đề nghị của Giám đốc Sở Y tế.",
            "Cấp độ dịch được xác định theo đơn vị cấp xã, dựa trên số ca mắc mới trong cộng đồng, tỷ lệ người được "
            "tiêm vắc xin và khả năng thu dung, điều trị; UBND cấp huyện công bố cấp độ dịch của từng xã vào thứ Hai "
            "hằng tuần.",
            "Quyết định có hiệu lực kể từ ngày ký và thay thế Chỉ thị số 15/CT-UBND của Chủ tịch UBND tỉnh về các biện "
            "pháp cấp bách phòng, chống dịch COVID-19.",
        ],
        "relations": [(RelationKind.REPLACES, "15/CT-UBND")],
    },
    {
        "collection": PROVINCE,
        "number": "120/KH-UBND",
        "type": "ke-hoach",
        "issuer": UBND_TINH,
        "issued": "2022-05-16",
        "signer": HA,
        "fields": ["nong-nghiep"],
        "title": "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021–2025 trên địa bàn "
        "tỉnh Hải Dương",
        "body": [
            "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021–2025 được Thủ tướng Chính "
            "phủ phê duyệt, UBND tỉnh ban hành Kế hoạch thực hiện trên địa bàn tỉnh.",
            "Mục tiêu đến năm 2025 có ít nhất một nửa số xã đạt chuẩn nông thôn mới nâng cao và một phần năm số xã đạt "
            "chuẩn nông thôn mới kiểu mẫu; mỗi huyện có ít nhất một xã kiểu mẫu nổi trội về sản xuất, môi trường hoặc "
            "chuyển đổi số.",
            "Huyện Gia Lộc phấn đấu đạt chuẩn huyện nông thôn mới nâng cao; vốn ngân sách tỉnh ưu tiên cho đường trục "
            "xã, trường học và khu xử lý rác thải sinh hoạt tập trung.",
        ],
    },
    {
        "collection": PROVINCE,
        "number": "1870/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2022-06-06",
        "signer": LONG,
        "fields": ["to-chuc-can-bo"],
        "title": "Giao biên chế công chức và số lượng người làm việc trong các cơ quan, đơn vị thuộc UBND huyện Gia Lộc "
        "năm 2022",
        "body": [
            "Căn cứ các nghị định của Chính phủ về vị trí việc làm và biên chế công chức, về vị trí việc làm và số lượng "
            "người làm việc trong đơn vị sự nghiệp công lập; xét đề nghị của Giám đốc Sở Nội vụ.",
            "Giao cho UBND huyện Gia Lộc 86 biên chế công chức trong các cơ quan chuyên môn và 1.742 người làm việc "
            "trong các đơn vị sự nghiệp công lập, trong đó sự nghiệp giáo dục 1.655 người; số giao giảm so với năm 2021 "
            "theo lộ trình tinh giản biên chế.",
            "UBND huyện giao chỉ tiêu cho từng cơ quan, đơn vị, không tuyển dụng vượt số được giao; báo cáo tình hình "
            "sử dụng biên chế về Sở Nội vụ vào ngày 30 tháng 6 và ngày 31 tháng 12 hằng năm.",
        ],
    },
    {
        "collection": PROVINCE,
        "number": "08/CT-UBND",
        "type": "chi-thi",
        "issuer": UBND_TINH,
        "issued": "2023-03-20",
        "signer": QUANG,
        "fields": ["dat-dai", "nong-nghiep"],
        "title": "Tăng cường quản lý nhà nước về đất đai, ngăn chặn và xử lý dứt điểm vi phạm trong sử dụng đất nông "
        "nghiệp",
        "body": [
            "Thời gian qua, tình trạng tự ý chuyển mục đích sử dụng đất nông nghiệp, dựng nhà xưởng, công trình trái "
            "phép trên đất trồng lúa vẫn xảy ra ở một số địa phương, chậm được phát hiện và xử lý.",
            "Chủ tịch UBND cấp xã chịu trách nhiệm trước Chủ tịch UBND cấp huyện nếu để phát sinh vi phạm mới trên địa "
            "bàn; mọi trường hợp vi phạm phải được lập biên bản, đình chỉ ngay từ khi mới phát sinh và buộc khôi phục "
            "lại tình trạng ban đầu của đất.",
            "Sở Tài nguyên và Môi trường dùng ảnh viễn thám rà soát biến động đất đai hằng quý, gửi kết quả về các "
            "huyện, thị xã, thành phố để kiểm tra, xử lý.",
        ],
    },
    {
        "collection": PROVINCE,
        "number": "4012/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2023-12-27",
        "signer": LONG,
        "fields": ["dat-dai"],
        "title": "Phê duyệt kế hoạch sử dụng đất năm 2024 của huyện Gia Lộc",
        "body": [
            "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013 và Luật sửa đổi, bổ sung một số điều của 37 luật có liên "
            "quan đến quy hoạch; xét đề nghị của Giám đốc Sở Tài nguyên và Môi trường.",
            "Phê duyệt kế hoạch sử dụng đất năm 2024 của huyện Gia Lộc: diện tích đất nông nghiệp chuyển sang đất phi "
            "nông nghiệp 96,4 ha; diện tích đất cần thu hồi 88,7 ha; vị trí, diện tích các công trình, dự án thể hiện "
            "trên bản đồ kế hoạch sử dụng đất tỷ lệ 1/10.000 kèm theo.",
            "UBND huyện công bố công khai kế hoạch sử dụng đất; thu hồi đất, giao đất, cho thuê đất đúng kế hoạch được "
            "duyệt; dự án không thực hiện trong năm phải báo cáo lý do và đề xuất điều chỉnh.",
        ],
        "appendix": {
            "title": "Phụ lục: Danh mục công trình, dự án thực hiện trong năm 2024",
            "body": [
                "1. Mở rộng đường trục xã Gia Tân nối Quốc lộ 37: 3,2 ha.",
                "2. Khu dân cư mới xã Phạm Trấn: 8,6 ha.",
                "3. Mở rộng trường mầm non xã Thống Kênh: 0,6 ha.",
                "4. Điểm tập kết, trung chuyển rác thải sinh hoạt xã Đồng Quang: 0,4 ha.",
            ],
        },
    },
    {
        "collection": PROVINCE,
        "number": "186/TB-UBND",
        "type": "thong-bao",
        "issuer": UBND_TINH,
        "issued": "2024-07-19",
        "signer": VINH,
        "fields": ["ke-hoach-dau-tu"],
        "title": "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với UBND huyện Gia Lộc về tình hình phát triển kinh "
        "tế – xã hội 6 tháng đầu năm 2024",
        "body": [
            "Sáu tháng đầu năm 2024, giá trị sản xuất trên địa bàn huyện Gia Lộc tăng 8,2% so với cùng kỳ; thu ngân sách "
            "đạt 61% dự toán; giải ngân vốn đầu tư công đạt 47% kế hoạch, cao hơn mức bình quân của tỉnh.",
            "Chủ tịch UBND tỉnh đề nghị huyện hoàn thành giải phóng mặt bằng các cụm công nghiệp đã có quyết định thành "
            "lập, đẩy nhanh tiến độ tuyến đường kết nối Quốc lộ 38B, sớm lấp đầy các cụm công nghiệp để thu hút lao động "
            "tại chỗ.",
            "Về đề nghị hỗ trợ vốn xây dựng trường học đạt chuẩn quốc gia, giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp "
            "với Sở Tài chính tham mưu bố trí trong kế hoạch đầu tư công năm 2025.",
        ],
    },
    {
        "collection": PROVINCE,
        "number": "2817/UBND-VP",
        "type": "cong-van",
        "issuer": UBND_TINH,
        "issued": "2024-09-05",
        "signer": QUANG,
        "fields": ["phong-chong-thien-tai", "nong-nghiep"],
        "title": "Chủ động ứng phó với bão số 3 năm 2024 và mưa lớn sau bão",
        "body": [
            "Bão số 3 có cường độ rất mạnh, dự báo ảnh hưởng trực tiếp đến tỉnh từ ngày 07 tháng 9 năm 2024, gây gió "
            "giật mạnh và mưa rất to. Chủ tịch UBND tỉnh yêu cầu các huyện, thị xã, thành phố triển khai ngay các biện "
            "pháp ứng phó.",
            "Kiểm tra, chằng chống nhà ở, trụ sở, trường học; cắt tỉa cây xanh; hạ các biển quảng cáo tấm lớn; di dời "
            "người dân khỏi nhà tạm, nhà xuống cấp; hạ thấp mực nước trong hệ thống thủy nông, vận hành các trạm bơm "
            "để tiêu úng cho diện tích lúa mùa sắp thu hoạch.",
            "Các địa phương trực ban 24/24 giờ, báo cáo nhanh tình hình thiệt hại về Văn phòng thường trực Ban Chỉ huy "
            "phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh trước 16 giờ hằng ngày.",
        ],
    },
    {
        "collection": PROVINCE,
        "number": "45/KH-UBND",
        "type": "ke-hoach",
        "issuer": UBND_TINH,
        "issued": "2025-01-20",
        "signer": LONG,
        "fields": ["cai-cach-hanh-chinh"],
        "title": "Cải cách hành chính nhà nước tỉnh Hải Dương năm 2025",
        "body": [
            "Năm 2025, tỉnh tập trung cải cách thủ tục hành chính gắn với chuyển đổi số, phấn đấu mọi thủ tục hành "
            "chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình và trên 80% hồ sơ được nộp "
            "trực tuyến.",
            "Các huyện, thị xã, thành phố hoàn thành số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực; không "
            "yêu cầu người dân nộp lại giấy tờ đã được số hóa hoặc đã có trong Cơ sở dữ liệu quốc gia về dân cư.",
            "Mức độ hài lòng của người dân, tổ chức được đo bằng khảo sát độc lập; kết quả là căn cứ đánh giá, xếp loại "
            "người đứng đầu cơ quan, đơn vị.",
        ],
    },
    # Văn bản quy phạm pháp luật ---------------------------------------------------------------------------------------
    {
        "collection": NORMATIVE,
        "number": "08/2021/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2021-03-02",
        "effective": "2021-03-15",
        "expires": "2022-01-01",
        "signer": LONG,
        "fields": ["dat-dai", "tai-chinh-ngan-sach"],
        "title": "Quy định hệ số điều chỉnh giá đất năm 2021 trên địa bàn tỉnh Hải Dương",
        "body": [
            "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013; căn cứ Nghị định số 45/2014/NĐ-CP ngày 15 tháng 5 năm 2014 "
            "của Chính phủ quy định về thu tiền sử dụng đất; xét đề nghị của Giám đốc Sở Tài chính.",
            "Hệ số điều chỉnh giá đất dùng để xác định giá đất cụ thể tính tiền sử dụng đất, tiền thuê đất đối với "
            "thửa đất hoặc khu đất có giá trị dưới 20 tỷ đồng tính theo giá trong Bảng giá đất.",
            "Hệ số đối với đất ở tại thị trấn Gia Lộc là 1,2; đất ở ven Quốc lộ 37, Quốc lộ 38B đoạn qua các xã của "
            "huyện Gia Lộc là 1,15; đất ở các vị trí còn lại ở nông thôn là 1,1. Hệ số của các huyện, thị xã, thành "
            "phố khác theo Phụ lục kèm theo.",
            "Quyết định có hiệu lực từ ngày 15 tháng 3 năm 2021 đến hết ngày 31 tháng 12 năm 2021.",
        ],
        "appendix": {
            "title": "Phụ lục: Hệ số điều chỉnh giá đất năm 2021 theo khu vực",
            "body": [
                "Thành phố Hải Dương: đất ở mặt đường phố loại I, loại II hệ số 1,3; các vị trí còn lại hệ số 1,2.",
                "Huyện Gia Lộc: thị trấn Gia Lộc hệ số 1,2; ven quốc lộ hệ số 1,15; nông thôn hệ số 1,1.",
                "Các huyện Tứ Kỳ, Ninh Giang, Thanh Miện: ven quốc lộ, đường tỉnh hệ số 1,1; nông thôn hệ số 1,05.",
            ],
        },
    },
    {
        "collection": NORMATIVE,
        "number": "04/2021/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_HUYEN,
        "issued": "2021-06-10",
        "effective": "2021-06-21",
        "signer": KHANH,
        "fields": ["xay-dung"],
        "title": "Ban hành Quy định quản lý, vận hành hệ thống chiếu sáng công cộng trên địa bàn thị trấn Gia Lộc",
        "body": [
            "Quy định áp dụng đối với hệ thống chiếu sáng đường phố, công viên, quảng trường và nơi công cộng trên địa "
            "bàn thị trấn Gia Lộc do ngân sách nhà nước đầu tư; không áp dụng đối với chiếu sáng trong khuôn viên cơ "
            "quan, doanh nghiệp.",
            "Đèn được bật từ 18 giờ đến 23 giờ vào mùa hè và từ 17 giờ 30 đến 23 giờ vào mùa đông; sau 23 giờ chỉ duy "
            "trì đèn tại các nút giao và tuyến đường có nhiều phương tiện qua lại.",
            "Tổ chức, cá nhân không được tự ý đấu nối điện từ hệ thống chiếu sáng công cộng hoặc treo biển quảng cáo "
            "trên cột đèn; phát hiện đèn hỏng báo cho UBND thị trấn hoặc đường dây nóng của huyện.",
        ],
    },
    {
        "collection": NORMATIVE,
        "number": "11/2021/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_TINH,
        "issued": "2021-12-10",
        "effective": "2022-01-01",
        "signer": TRUONG,
        "fields": ["cai-cach-hanh-chinh", "tai-chinh-ngan-sach"],
        "title": "Quy định nội dung, mức chi bảo đảm cho công tác cải cách hành chính nhà nước trên địa bàn tỉnh Hải "
        "Dương",
        "body": [
            "Nghị quyết quy định mức chi xây dựng, triển khai kế hoạch cải cách hành chính; điều tra xã hội học đo "
            "lường sự hài lòng của người dân; khen thưởng tập thể, cá nhân có sáng kiến cải cách hành chính được công "
            "nhận.",
            "Mức chi cho mỗi phiếu khảo sát do người dân trả lời là 50.000 đồng; công chức làm việc tại Bộ phận Một "
            "cửa cấp huyện, cấp xã được hỗ trợ 500.000 đồng mỗi người mỗi tháng.",
            "Nghị quyết có hiệu lực từ ngày 01 tháng 01 năm 2022.",
        ],
    },
    {
        "collection": NORMATIVE,
        "number": "22/2022/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2022-08-15",
        "effective": "2022-08-25",
        "signer": LONG,
        "fields": ["dat-dai"],
        "title": "Quy định hạn mức giao đất ở, hạn mức công nhận đất ở và diện tích tối thiểu được tách thửa đối với "
        "đất ở trên địa bàn tỉnh Hải Dương",
        "body": [
            "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013 và Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của "
            "Chính phủ quy định chi tiết thi hành một số điều của Luật Đất đai; xét đề nghị của Giám đốc Sở Tài nguyên "
            "và Môi trường.",
            "Hạn mức giao đất ở cho mỗi hộ gia đình, cá nhân tại phường, thị trấn không quá 100 m², tại xã không quá "
            "200 m². Diện tích tối thiểu được tách thửa đối với đất ở tại thị trấn là 40 m², tại xã là 60 m², chiều "
            "rộng mặt tiền không nhỏ hơn 4 m.",
            "Quyết định có hiệu lực từ ngày 25 tháng 8 năm 2022.",
        ],
    },
    {
        "collection": NORMATIVE,
        "number": "17/2022/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2022-10-05",
        "effective": "2022-10-17",
        "signer": LONG,
        "fields": ["to-chuc-can-bo"],
        "title": "Ban hành Quy định về tuyển dụng, sử dụng và quản lý công chức cấp xã trên địa bàn tỉnh Hải Dương",
        "body": [
            "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008; căn cứ Nghị định số 138/2020/NĐ-CP ngày 27 tháng "
            "11 năm 2020 của Chính phủ; xét đề nghị của Giám đốc Sở Nội vụ.",
            "UBND cấp huyện là cơ quan tuyển dụng công chức cấp xã; việc tuyển dụng thực hiện thông qua thi tuyển, trừ "
            "trường hợp tiếp nhận người tốt nghiệp thủ khoa hoặc người có kinh nghiệm công tác đáp ứng ngay yêu cầu "
            "của vị trí việc làm.",
            "Người được tuyển dụng thực hiện chế độ tập sự 12 tháng; công chức giữ một chức danh đủ 5 năm được xem xét "
            "luân chuyển, điều động sang xã khác trong huyện.",
            "Quyết định có hiệu lực từ ngày 17 tháng 10 năm 2022.",
        ],
    },
    {
        "collection": NORMATIVE,
        "number": "03/2023/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_TINH,
        "issued": "2023-04-14",
        "effective": "2023-04-25",
        "signer": TRUONG,
        "fields": ["nong-nghiep"],
        "title": "Quy định chính sách hỗ trợ phát triển sản phẩm thuộc Chương trình Mỗi xã một sản phẩm trên địa bàn "
        "tỉnh Hải Dương giai đoạn 2023–2025",
        "body": [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Chương trình Mỗi xã một sản phẩm "
            "giai đoạn 2021–2025 được Thủ tướng Chính phủ phê duyệt; xét Tờ trình của UBND tỉnh và báo cáo thẩm tra "
            "của Ban Kinh tế – Ngân sách HĐND tỉnh.",
            "Hỗ trợ một lần cho chủ thể có sản phẩm được công nhận đạt 3 sao mức 30 triệu đồng, đạt 4 sao mức 50 triệu "
            "đồng; hỗ trợ 50% chi phí thiết kế bao bì, tem truy xuất nguồn gốc, tối đa 20 triệu đồng mỗi sản phẩm.",
            "Nghị quyết có hiệu lực từ ngày 25 tháng 4 năm 2023.",
        ],
    },
    {
        "collection": NORMATIVE,
        "number": "09/2023/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_HUYEN,
        "issued": "2023-10-16",
        "effective": "2023-10-27",
        "signer": KHANH,
        "fields": ["xay-dung"],
        "title": "Ban hành Quy chế quản lý kiến trúc thị trấn Gia Lộc",
        "body": [
            "Căn cứ Luật Kiến trúc ngày 13 tháng 6 năm 2019; xét đề nghị của Trưởng phòng Kinh tế – Hạ tầng và kết quả "
            "lấy ý kiến cộng đồng dân cư thị trấn Gia Lộc.",
            "Nhà ở riêng lẻ mặt tiền các tuyến phố chính cao không quá 5 tầng; công trình trên 3 tầng có khoảng lùi tối "
            "thiểu 2 m; mặt ngoài công trình không dùng màu sắc chói, vật liệu có độ phản quang cao.",
            "Khu vực quanh trụ sở các cơ quan của huyện và các công trình văn hóa, tín ngưỡng được quản lý theo yêu cầu "
            "riêng về chiều cao, màu sắc và cây xanh; biển hiệu không được che lối thoát nạn, ban công.",
            "Quyết định có hiệu lực từ ngày 27 tháng 10 năm 2023.",
        ],
    },
    {
        "collection": NORMATIVE,
        "number": "09/2024/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_TINH,
        "issued": "2024-07-12",
        "effective": "2024-07-22",
        "signer": TRUONG,
        "fields": ["nong-nghiep"],
        "title": "Sửa đổi, bổ sung một số điều của Quy định chính sách hỗ trợ phát triển sản phẩm thuộc Chương trình "
        "Mỗi xã một sản phẩm ban hành kèm theo Nghị quyết số 03/2023/NQ-HĐND",
        "body": [
            "Sửa đổi mức hỗ trợ đối với sản phẩm được công nhận đạt 4 sao từ 50 triệu đồng lên 70 triệu đồng; bổ sung "
            "mức hỗ trợ 100 triệu đồng đối với sản phẩm được Trung ương công nhận đạt 5 sao.",
            "Bổ sung hỗ trợ chủ thể OCOP đưa sản phẩm lên sàn thương mại điện tử: hỗ trợ 70% chi phí xây dựng gian "
            "hàng, chụp ảnh, quay video giới thiệu sản phẩm trong năm đầu tham gia, tối đa 15 triệu đồng.",
            "Các nội dung khác của Quy định ban hành kèm theo Nghị quyết số 03/2023/NQ-HĐND giữ nguyên. Nghị quyết có "
            "hiệu lực từ ngày 22 tháng 7 năm 2024.",
        ],
        "relations": [(RelationKind.AMENDS, "03/2023/NQ-HĐND")],
    },
    {
        "collection": NORMATIVE,
        "number": "31/2024/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2024-08-20",
        "effective": "2024-09-01",
        "signer": LONG,
        "fields": ["dat-dai"],
        "title": "Quy định hạn mức giao đất ở, hạn mức công nhận đất ở và diện tích tối thiểu được tách thửa, hợp thửa "
        "đất trên địa bàn tỉnh Hải Dương",
        "body": [
            "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024; xét đề nghị của Giám đốc Sở Tài nguyên và Môi trường.",
            "Diện tích tối thiểu được tách thửa đối với đất ở tại thị trấn là 50 m², chiều rộng mặt tiền không nhỏ hơn "
            "4 m; tại xã là 70 m², chiều rộng mặt tiền không nhỏ hơn 5 m. Thửa đất sau khi tách phải có lối đi nối với "
            "đường giao thông công cộng hiện có.",
            "Quyết định có hiệu lực từ ngày 01 tháng 9 năm 2024 và thay thế Quyết định số 22/2022/QĐ-UBND của UBND "
            "tỉnh.",
        ],
        "relations": [(RelationKind.REPLACES, "22/2022/QĐ-UBND")],
    },
    # Tài liệu họp HĐND ------------------------------------------------------------------------------------------------
    {
        "collection": COUNCIL,
        "number": "152/BC-UBND",
        "type": "bao-cao",
        "issuer": UBND_HUYEN,
        "issued": "2023-07-05",
        "signer": KHANH,
        "session": SESSION_7,
        "fields": ["ke-hoach-dau-tu"],
        "title": "Tình hình thực hiện nhiệm vụ phát triển kinh tế – xã hội 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng "
        "cuối năm 2023",
        "body": [
            "Sáu tháng đầu năm 2023, giá trị sản xuất nông nghiệp ước tăng 2,1%, công nghiệp – xây dựng tăng 9,4%; thu "
            "ngân sách nhà nước trên địa bàn đạt 58% dự toán; năng suất lúa vụ chiêm xuân bình quân đạt 65 tạ/ha.",
            "Công tác cải cách hành chính có chuyển biến, bảy nhà một cửa xây mới ở các xã đã đưa vào sử dụng; tuy "
            "nhiên giải ngân vốn đầu tư công còn chậm, một số dự án vướng mắc giải phóng mặt bằng.",
            "Sáu tháng cuối năm, UBND huyện tập trung sản xuất vụ mùa, vụ đông, đẩy nhanh giải ngân vốn đầu tư công và "
            "chuẩn bị các điều kiện để xã Gia Khánh, xã Yết Kiêu đạt chuẩn nông thôn mới nâng cao.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "21/TTr-UBND",
        "type": "to-trinh",
        "issuer": UBND_HUYEN,
        "issued": "2023-07-03",
        "signer": KHANH,
        "session": SESSION_7,
        "fields": ["tai-chinh-ngan-sach"],
        "title": "Đề nghị phê chuẩn quyết toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách huyện năm 2022",
        "body": [
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015, UBND huyện kính trình HĐND huyện xem xét, phê "
            "chuẩn quyết toán ngân sách huyện năm 2022 đã được Phòng Tài chính – Kế hoạch tổng hợp từ báo cáo quyết "
            "toán của các đơn vị dự toán và của 18 xã, thị trấn.",
            "Thu ngân sách nhà nước trên địa bàn năm 2022 vượt dự toán, chủ yếu nhờ thu tiền sử dụng đất tại các khu "
            "dân cư mới; chi thường xuyên bảo đảm đúng dự toán, riêng chi phòng, chống dịch bệnh phát sinh tăng so với "
            "dự kiến.",
            "Hồ sơ kèm theo Tờ trình gồm báo cáo quyết toán, các biểu chi tiết theo mẫu và dự thảo Nghị quyết phê "
            "chuẩn quyết toán ngân sách huyện năm 2022.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "21/BC-HĐND",
        "type": "bao-cao",
        "issuer": HDND_HUYEN,
        "issued": "2023-07-10",
        "signer": LUC,
        "session": SESSION_7,
        "fields": ["tai-chinh-ngan-sach"],
        "title": "Thẩm tra các báo cáo, tờ trình của UBND huyện trình kỳ họp thứ 7 HĐND huyện khóa XX",
        "body": [
            "Ban Kinh tế – Xã hội HĐND huyện đã thẩm tra báo cáo tình hình kinh tế – xã hội 6 tháng đầu năm, báo cáo "
            "quyết toán ngân sách huyện năm 2022 và các tờ trình của UBND huyện; khảo sát thực tế tại xã Lê Lợi và xã "
            "Thống Nhất.",
            "Ban cơ bản nhất trí với đánh giá của UBND huyện; đề nghị làm rõ nguyên nhân một số khoản thu từ đấu giá "
            "quyền sử dụng đất không đạt tiến độ và giải pháp xử lý các khoản chi chuyển nguồn lớn.",
            "Ban đề nghị HĐND huyện thông qua các dự thảo nghị quyết trình tại kỳ họp với nội dung đã được chỉnh lý "
            "theo ý kiến thẩm tra.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "15/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_HUYEN,
        "issued": "2023-07-14",
        "signer": HUNG,
        "session": SESSION_7,
        "fields": ["ke-hoach-dau-tu", "nong-nghiep"],
        "title": "Nhiệm vụ phát triển kinh tế – xã hội 6 tháng cuối năm 2023",
        "body": [
            "Hội đồng nhân dân huyện tán thành báo cáo của UBND huyện về tình hình thực hiện nhiệm vụ phát triển kinh "
            "tế – xã hội 6 tháng đầu năm 2023 và các báo cáo thẩm tra của các Ban HĐND huyện.",
            "Tập trung chỉ đạo sản xuất vụ đông với diện tích không dưới 2.500 ha, trong đó rau màu có giá trị kinh tế "
            "cao chiếm trên 60%; hoàn thành kế hoạch giải ngân vốn đầu tư công trước ngày 31 tháng 12 năm 2023.",
            "Thường trực HĐND, các Ban, các tổ đại biểu và đại biểu HĐND huyện giám sát việc thực hiện. Nghị quyết được "
            "HĐND huyện khóa XX, kỳ họp thứ 7 thông qua ngày 14 tháng 7 năm 2023.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "16/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_HUYEN,
        "issued": "2023-07-14",
        "signer": HUNG,
        "session": SESSION_7,
        "fields": ["tai-chinh-ngan-sach"],
        "title": "Phê chuẩn quyết toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách huyện năm 2022",
        "body": [
            "Phê chuẩn tổng thu ngân sách nhà nước trên địa bàn và tổng chi ngân sách huyện năm 2022 theo báo cáo quyết "
            "toán của UBND huyện đã được Ban Kinh tế – Xã hội HĐND huyện thẩm tra.",
            "Kết dư ngân sách huyện năm 2022 được chuyển vào thu ngân sách năm 2023 để thực hiện các nhiệm vụ chi theo "
            "quy định; UBND huyện chỉ đạo thu hồi dứt điểm các khoản tạm ứng quá hạn tại một số đơn vị.",
            "Nghị quyết được HĐND huyện khóa XX, kỳ họp thứ 7 thông qua ngày 14 tháng 7 năm 2023.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "265/BC-UBND",
        "type": "bao-cao",
        "issuer": UBND_HUYEN,
        "issued": "2023-12-08",
        "signer": KHANH,
        "session": SESSION_9,
        "fields": ["tai-chinh-ngan-sach"],
        "title": "Đánh giá tình hình thực hiện dự toán ngân sách năm 2023; dự toán và phương án phân bổ ngân sách huyện "
        "năm 2024",
        "body": [
            "Năm 2023, thu ngân sách nhà nước trên địa bàn ước đạt 104% dự toán HĐND huyện giao; riêng thu tiền sử dụng "
            "đất đạt 96% do một số khu dân cư mới chậm tổ chức đấu giá.",
            "Dự toán năm 2024 được xây dựng trên cơ sở định mức phân bổ chi thường xuyên của tỉnh cho thời kỳ ổn định "
            "ngân sách 2022–2025; ưu tiên chi cho giáo dục, y tế cơ sở, an sinh xã hội và vốn đối ứng thực hiện "
            "chương trình xây dựng nông thôn mới.",
            "UBND huyện kính trình HĐND huyện xem xét, quyết định dự toán và phương án phân bổ ngân sách huyện năm 2024 "
            "tại kỳ họp thứ 9.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "32/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_HUYEN,
        "issued": "2023-12-20",
        "signer": HUNG,
        "session": SESSION_9,
        "fields": ["tai-chinh-ngan-sach"],
        "title": "Dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương và phân bổ ngân sách huyện "
        "năm 2024",
        "body": [
            "Hội đồng nhân dân huyện quyết định dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa "
            "phương và phương án phân bổ ngân sách huyện năm 2024 theo các biểu tại Phụ lục kèm theo Nghị quyết.",
            "Giao UBND huyện giao dự toán cho các cơ quan, đơn vị và UBND các xã, thị trấn trước ngày 31 tháng 12 năm "
            "2023; điều hành chi ngân sách chặt chẽ, tiết kiệm; không ban hành chính sách làm tăng chi khi chưa có "
            "nguồn bảo đảm.",
            "Nghị quyết được HĐND huyện khóa XX, kỳ họp thứ 9 thông qua ngày 20 tháng 12 năm 2023.",
        ],
        "appendix": {
            "title": "Phụ lục: Biểu dự toán thu, chi ngân sách huyện năm 2024",
            "body": [
                "Biểu số 01: Cân đối ngân sách huyện năm 2024.",
                "Biểu số 02: Dự toán thu ngân sách nhà nước trên địa bàn theo lĩnh vực; thu tiền sử dụng đất điều tiết "
                "cho ngân sách xã, thị trấn theo tỷ lệ tỉnh quy định.",
                "Biểu số 03: Dự toán chi ngân sách huyện theo từng cơ quan, đơn vị và số bổ sung cân đối cho ngân sách "
                "18 xã, thị trấn.",
            ],
        },
    },
    {
        "collection": COUNCIL,
        "number": "33/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_HUYEN,
        "issued": "2023-12-20",
        "signer": HUNG,
        "session": SESSION_9,
        "fields": ["ke-hoach-dau-tu", "xay-dung"],
        "title": "Kế hoạch đầu tư công năm 2024 của huyện Gia Lộc",
        "body": [
            "Hội đồng nhân dân huyện thông qua kế hoạch đầu tư công năm 2024 từ nguồn ngân sách huyện, ưu tiên thanh "
            "toán nợ đọng xây dựng cơ bản, các công trình chuyển tiếp và vốn đối ứng các dự án được tỉnh hỗ trợ.",
            "Các công trình khởi công mới gồm cải tạo đường trục xã Hồng Hưng, xây dựng nhà lớp học trường tiểu học xã "
            "Tân Tiến và nâng cấp trạm bơm tiêu xã Gia Lương; dự án chưa đủ thủ tục đầu tư đến ngày 30 tháng 6 năm "
            "2024 sẽ bị điều chuyển vốn.",
            "Nghị quyết được HĐND huyện khóa XX, kỳ họp thứ 9 thông qua ngày 20 tháng 12 năm 2023.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "28/TB-HĐND",
        "type": "thong-bao",
        "issuer": HDND_HUYEN,
        "issued": "2024-11-29",
        "signer": HANG,
        "session": SESSION_12,
        "fields": [],
        "title": "Thời gian, địa điểm và nội dung kỳ họp thứ 12 HĐND huyện khóa XX",
        "body": [
            "Thường trực HĐND huyện thông báo kỳ họp thứ 12 HĐND huyện khóa XX, nhiệm kỳ 2021–2026 được tổ chức trong "
            "hai ngày 17 và 18 tháng 12 năm 2024 tại Hội trường UBND huyện Gia Lộc.",
            "Kỳ họp xem xét các báo cáo về kinh tế – xã hội, ngân sách, đầu tư công năm 2024 và kế hoạch năm 2025; báo "
            "cáo kết quả giám sát chuyên đề về quản lý, sử dụng nhà văn hóa thôn; tiến hành chất vấn và trả lời chất "
            "vấn.",
            "Phiên khai mạc được phát trực tiếp trên hệ thống truyền thanh của huyện; cử tri gửi ý kiến, kiến nghị đến "
            "kỳ họp qua hộp thư của Thường trực HĐND huyện trước ngày 10 tháng 12 năm 2024.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "98/TTr-UBND",
        "type": "to-trinh",
        "issuer": UBND_HUYEN,
        "issued": "2024-12-05",
        "signer": THANH,
        "session": SESSION_12,
        "fields": ["dat-dai"],
        "title": "Đề nghị thông qua danh mục công trình, dự án cần thu hồi đất năm 2025 trên địa bàn huyện",
        "body": [
            "Để có cơ sở trình UBND tỉnh xem xét, UBND huyện kính trình HĐND huyện thông qua danh mục công trình, dự "
            "án cần thu hồi đất năm 2025, được tổng hợp từ đề xuất của các phòng chuyên môn và UBND các xã, thị trấn.",
            "Các công trình, dự án đề nghị đều đã có chủ trương đầu tư hoặc được bố trí vốn; dự án sử dụng đất trồng "
            "lúa đã được rà soát, bảo đảm phù hợp với quy hoạch sử dụng đất của huyện.",
            "Các dự án đã có trong danh mục năm 2024 nhưng chưa thực hiện được chuyển tiếp sang năm 2025 phải báo cáo "
            "rõ lý do và tiến độ giải phóng mặt bằng dự kiến.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "41/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_HUYEN,
        "issued": "2024-12-18",
        "signer": HUNG,
        "session": SESSION_12,
        "fields": ["ke-hoach-dau-tu"],
        "title": "Nhiệm vụ phát triển kinh tế – xã hội năm 2025",
        "body": [
            "Hội đồng nhân dân huyện xác định mục tiêu năm 2025: giá trị sản xuất tăng 9% trở lên; thu ngân sách nhà "
            "nước trên địa bàn tăng ít nhất 8%; tỷ lệ hộ nghèo theo chuẩn mới giảm còn dưới 1%; tất cả các xã đạt chuẩn "
            "nông thôn mới nâng cao.",
            "Nhiệm vụ trọng tâm gồm phát triển các cụm công nghiệp, chuyển đổi cơ cấu cây trồng theo hướng hàng hóa, "
            "hoàn thành số hóa hồ sơ địa chính và xây dựng trường học đạt chuẩn quốc gia mức độ 2.",
            "Nghị quyết được HĐND huyện khóa XX, kỳ họp thứ 12 thông qua ngày 18 tháng 12 năm 2024.",
        ],
    },
    {
        "collection": COUNCIL,
        "number": "42/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_HUYEN,
        "issued": "2024-12-18",
        "signer": HUNG,
        "session": SESSION_12,
        "fields": ["dat-dai"],
        "title": "Đề nghị danh mục công trình, dự án cần thu hồi đất năm 2025 trên địa bàn huyện Gia Lộc",
        "body": [
            "Hội đồng nhân dân huyện thống nhất danh mục 23 công trình, dự án cần thu hồi đất năm 2025 với tổng diện "
            "tích 74,3 ha để UBND huyện trình cấp có thẩm quyền xem xét, quyết định.",
            "Danh mục gồm các khu dân cư mới tại xã Đoàn Thượng và xã Quang Minh; mở rộng nghĩa trang nhân dân xã Nhật "
            "Tân; các tuyến đường giao thông nông thôn và công trình thủy lợi nội đồng.",
            "Nghị quyết được HĐND huyện khóa XX, kỳ họp thứ 12 thông qua ngày 18 tháng 12 năm 2024.",
        ],
    },
    # Công báo tỉnh ----------------------------------------------------------------------------------------------------
    {
        "collection": GAZETTE,
        "number": "10/2021/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_TINH,
        "issued": "2021-07-20",
        "effective": "2021-08-01",
        "signer": TRUONG,
        "fields": ["xay-dung", "nong-nghiep"],
        "notes": "Đăng Công báo tỉnh Hải Dương số 31 ngày 28/7/2021.",
        "title": "Quy định mức hỗ trợ đầu tư cứng hóa đường giao thông nông thôn giai đoạn 2021–2025 trên địa bàn tỉnh "
        "Hải Dương",
        "body": [
            "Ngân sách tỉnh hỗ trợ xi măng và kinh phí để các xã cứng hóa đường trục thôn, đường ngõ xóm và đường ra "
            "đồng; mức hỗ trợ tính theo khối lượng mặt đường bê tông được nghiệm thu.",
            "Mỗi 30 m² mặt đường bê tông dày 16 cm của đường trục thôn được hỗ trợ 1 tấn xi măng; xã đạt chuẩn nông "
            "thôn mới nâng cao được hỗ trợ thêm 10% so với mức chung.",
            "Nghị quyết có hiệu lực từ ngày 01 tháng 8 năm 2021.",
        ],
    },
    {
        "collection": GAZETTE,
        "number": "04/2022/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_TINH,
        "issued": "2022-04-08",
        "effective": "2022-04-20",
        "signer": TRUONG,
        "fields": ["y-te"],
        "notes": "Đăng Công báo tỉnh Hải Dương số 16 ngày 15/4/2022.",
        "title": "Quy định mức hỗ trợ đóng bảo hiểm y tế cho người thuộc hộ gia đình cận nghèo và hộ gia đình làm nông "
        "nghiệp có mức sống trung bình trên địa bàn tỉnh Hải Dương",
        "body": [
            "Ngân sách tỉnh hỗ trợ thêm 30% mức đóng bảo hiểm y tế cho người thuộc hộ gia đình cận nghèo, ngoài phần "
            "ngân sách trung ương hỗ trợ; hỗ trợ 20% mức đóng cho người thuộc hộ gia đình làm nông nghiệp, lâm nghiệp, "
            "ngư nghiệp có mức sống trung bình.",
            "UBND cấp xã lập danh sách người được hỗ trợ, gửi cơ quan bảo hiểm xã hội cấp huyện trước ngày 15 của tháng "
            "cuối quý; thẻ bảo hiểm y tế được phát tại nhà văn hóa thôn hoặc trạm y tế xã.",
            "Nghị quyết có hiệu lực từ ngày 20 tháng 4 năm 2022.",
        ],
    },
    {
        "collection": GAZETTE,
        "number": "14/2022/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2022-06-20",
        "effective": "2022-07-01",
        "signer": HA,
        "fields": ["van-hoa-xa-hoi"],
        "notes": "Đăng Công báo tỉnh Hải Dương số 27 ngày 27/6/2022.",
        "title": "Ban hành Quy chế quản lý, sử dụng nhà văn hóa thôn, khu dân cư trên địa bàn tỉnh Hải Dương",
        "body": [
            "Nhà văn hóa thôn, khu dân cư là nơi sinh hoạt cộng đồng, tuyên truyền chủ trương, chính sách, tổ chức hoạt "
            "động văn nghệ, thể dục thể thao; không được dùng làm nơi kinh doanh hoặc cho thuê làm kho chứa hàng.",
            "Ban quản lý nhà văn hóa do hội nghị thôn bầu, gồm trưởng thôn, đại diện Ban công tác Mặt trận và các đoàn "
            "thể; khoản thu từ cho thuê tổ chức đám cưới được dùng trả tiền điện, nước, vệ sinh và sửa chữa nhỏ, công "
            "khai hằng năm tại hội nghị thôn.",
            "Quyết định có hiệu lực từ ngày 01 tháng 7 năm 2022.",
        ],
    },
    {
        "collection": GAZETTE,
        "number": "06/2023/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2023-03-06",
        "effective": "2023-03-17",
        "signer": LONG,
        "fields": ["dat-dai", "xay-dung"],
        "notes": "Đăng Công báo tỉnh Hải Dương số 11 ngày 13/3/2023.",
        "title": "Ban hành đơn giá bồi thường thiệt hại về nhà, công trình xây dựng khi Nhà nước thu hồi đất trên địa "
        "bàn tỉnh Hải Dương",
        "body": [
            "Đơn giá bồi thường được xác định theo loại nhà, cấp công trình, kết cấu và vật liệu chủ yếu; nhà khung bê "
            "tông cốt thép từ 2 tầng trở lên có đơn giá cao nhất, nhà cấp bốn tường gạch mái ngói tính theo diện tích "
            "sàn.",
            "Công trình phụ như sân phơi, tường rào, giếng khoan, bể nước, chuồng trại chăn nuôi được bồi thường theo "
            "khối lượng thực tế; tài sản tạo lập sau khi có thông báo thu hồi đất không được bồi thường.",
            "Quyết định có hiệu lực từ ngày 17 tháng 3 năm 2023.",
        ],
    },
    {
        "collection": GAZETTE,
        "number": "07/2023/NQ-HĐND",
        "type": "nghi-quyet",
        "issuer": HDND_TINH,
        "issued": "2023-07-13",
        "effective": "2023-07-25",
        "expires": "2024-09-01",
        "signer": TRUONG,
        "fields": ["giao-duc"],
        "notes": "Đăng Công báo tỉnh Hải Dương số 30 ngày 21/7/2023. Áp dụng cho năm học 2023–2024.",
        "title": "Quy định mức học phí đối với cơ sở giáo dục mầm non, giáo dục phổ thông công lập trên địa bàn tỉnh "
        "Hải Dương năm học 2023–2024",
        "body": [
            "Mức học phí được xác định theo vùng: thành thị gồm các phường, thị trấn; nông thôn gồm các xã. Mức học phí "
            "năm học 2023–2024 giữ ổn định như năm học trước để chia sẻ khó khăn với phụ huynh học sinh.",
            "Trẻ em mầm non 5 tuổi và học sinh trung học cơ sở được miễn học phí theo quy định; học sinh thuộc hộ nghèo, "
            "hộ cận nghèo được miễn, giảm học phí và hỗ trợ chi phí học tập.",
            "Nghị quyết có hiệu lực từ ngày 25 tháng 7 năm 2023 và áp dụng đến hết năm học 2023–2024.",
        ],
    },
    {
        "collection": GAZETTE,
        "number": "19/2023/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2023-08-18",
        "effective": "2023-09-01",
        "signer": LONG,
        "fields": ["to-chuc-can-bo"],
        "notes": "Đăng Công báo tỉnh Hải Dương số 35 ngày 25/8/2023.",
        "title": "Quy định tiêu chuẩn chức danh trưởng phòng, phó trưởng phòng các cơ quan chuyên môn thuộc UBND các "
        "huyện, thị xã, thành phố",
        "body": [
            "Người được bổ nhiệm trưởng phòng, phó trưởng phòng phải có trình độ đại học trở lên phù hợp với lĩnh vực "
            "công tác, trình độ lý luận chính trị từ trung cấp trở lên và đang giữ ngạch chuyên viên hoặc tương đương.",
            "Người được bổ nhiệm lần đầu phải còn đủ tuổi để công tác trọn một nhiệm kỳ 5 năm; trường hợp đặc biệt do "
            "Chủ tịch UBND cấp huyện xem xét sau khi có ý kiến của Sở Nội vụ.",
            "Quyết định có hiệu lực từ ngày 01 tháng 9 năm 2023.",
        ],
    },
    {
        "collection": GAZETTE,
        "number": "11/2024/QĐ-UBND",
        "type": "quyet-dinh",
        "issuer": UBND_TINH,
        "issued": "2024-04-03",
        "effective": "2024-04-15",
        "signer": HA,
        "fields": ["nong-nghiep", "phong-chong-thien-tai"],
        "notes": "Đăng Công báo tỉnh Hải Dương số 14 ngày 10/4/2024.",
        "title": "Quy định phân cấp quản lý, khai thác và bảo vệ công trình thủy lợi trên địa bàn tỉnh Hải Dương",
        "body": [
            "UBND cấp huyện quản lý các trạm bơm, cống, kênh mương nội đồng phục vụ tưới, tiêu trong phạm vi một huyện "
            "mà không do công ty khai thác công trình thủy lợi quản lý; UBND cấp xã giao hợp tác xã dịch vụ nông nghiệp "
            "vận hành.",
            "Nghiêm cấm đổ rác thải, xả nước thải chưa xử lý vào kênh mương; lấn chiếm hành lang bảo vệ kênh để xây "
            "dựng công trình hoặc trồng cây lâu năm.",
            "Quyết định có hiệu lực từ ngày 15 tháng 4 năm 2024.",
        ],
    },
]

LIGHTING_SLUG = "chieu-sang-cong-cong-toan-huyen"


def current_documents(today: datetime.date) -> list[dict]:
    """A decision of the district signed six days before the load and in force ten days after it, replacing the 2021
    rules on public lighting (which stay in force until then)."""
    issued = today - datetime.timedelta(days=6)
    effective = today + datetime.timedelta(days=10)
    return [
        {
            "collection": NORMATIVE,
            "slug": LIGHTING_SLUG,
            "number": f"07/{issued.year}/QĐ-UBND",
            "type": "quyet-dinh",
            "issuer": UBND_HUYEN,
            "issued": issued,
            "effective": effective,
            "signer": KHANH,
            "fields": ["xay-dung"],
            "title": "Ban hành Quy định quản lý, vận hành và bảo trì hệ thống chiếu sáng công cộng trên địa bàn huyện "
            "Gia Lộc",
            "body": [
                "Quy định mở rộng phạm vi quản lý chiếu sáng công cộng từ thị trấn Gia Lộc ra các tuyến đường trục xã, "
                "đường liên thôn đã lắp đèn bằng ngân sách nhà nước hoặc bằng nguồn xã hội hóa.",
                "Đèn lắp mới phải là đèn LED tiết kiệm năng lượng, có tủ điều khiển hẹn giờ; khuyến khích lắp đèn "
                "năng lượng mặt trời trên các tuyến đường liên thôn xa lưới điện.",
                f"Quyết định có hiệu lực từ ngày {effective.day:02d} tháng {effective.month} năm {effective.year} và "
                "thay thế Quyết định số 04/2021/QĐ-UBND của UBND huyện.",
            ],
            "relations": [(RelationKind.REPLACES, "04/2021/QĐ-UBND")],
        }
    ]


def as_date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def number_slug(number: str) -> str:
    """The page's address from its number: 12/2023/QĐ-UBND → 12-2023-qd-ubnd."""
    return slugify(anyascii(number.replace("/", "-")))


class DocumentsLoader:
    """Builds the demo's library; ``portal`` makes the files and keeps the report."""

    def __init__(self, portal, issuers=ISSUERS):
        """``issuers``: (slug, name, name as printed, place) of the bodies whose documents this loader adds."""
        self.portal = portal
        self.issuer_entries = issuers

    def vocabularies(self):
        """Document types, issuers and policy areas, made once; a loader reads them before adding documents."""
        self.types = self.vocabulary(DocumentType, DOCUMENT_TYPES)
        self.issuers = self.vocabulary(Issuer, [(slug, name) for slug, name, *_ in self.issuer_entries])
        self.fields = self.vocabulary(LegalField, LEGAL_FIELDS)

    def load(self, home) -> tuple[DocumentLibraryPage, dict[str, DocumentCollectionPage]]:
        self.vocabularies()
        library = ensure_child(home, DocumentLibraryPage(**LIBRARY), self.portal.report)
        collections = {
            item["kind"]: ensure_child(library, DocumentCollectionPage(show_in_menus=True, **item), self.portal.report)
            for item in COLLECTIONS
        }
        items = [*DOCUMENTS, *current_documents(timezone.localdate())]
        numbers = [item["number"] for item in items]
        if len(set(numbers)) != len(numbers):
            raise ValueError("Each demo document needs a number of its own: it names the page and its files.")
        pages = {}
        for item in sorted(items, key=lambda item: (as_date(item["issued"]), item["number"])):
            pages[item["number"]] = self.document(collections[item["collection"]], item, pages)
        return library, collections

    def vocabulary(self, model, entries: list[tuple[str, str]]) -> dict:
        found = {}
        for order, (slug, name) in enumerate(entries):
            found[slug], created = model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
            if created:
                self.portal.report.add(f"{model._meta.model_name} {slug}")
        return found

    def document(self, collection, item, pages) -> LegalDocumentPage:
        slug = item.get("slug") or number_slug(item["number"])
        existing = child_by_slug(collection, slug)
        if existing is not None:
            return existing
        issued_on = as_date(item["issued"])
        type_name = self.types[item["type"]].name
        # (file, link text): the signed document under its own title, then the appendix if any.
        files = [(self.file(f"vb-{slug}-1", f"{type_name} số {item['number']}", item, item["title"], item["body"]), "")]
        if item.get("appendix"):
            appendix = item["appendix"]
            document = self.file(
                f"vb-{slug}-2",
                f"Phụ lục kèm theo {type_name} số {item['number']}",
                item,
                f"{appendix['title'].removeprefix('Phụ lục: ')}\n(Kèm theo {type_name} số {item['number']} "
                f"ngày {issued_on:%d/%m/%Y})",
                appendix["body"],
                appendix=True,
            )
            files.append((document, appendix["title"]))
        signer, signer_title = item["signer"]
        page = LegalDocumentPage(
            title=item["title"],
            slug=slug,
            number=item["number"],
            document_type=self.types[item["type"]],
            issuer=self.issuers[item["issuer"]],
            signer=signer,
            signer_title=signer_title,
            issued_on=issued_on,
            effective_on=as_date(item.get("effective")),
            expires_on=as_date(item.get("expires")),
            council_session=item.get("session", ""),
            notes=item.get("notes", ""),
        )
        page.fields = [self.fields[field] for field in item["fields"]]
        page.files = [
            LegalDocumentFile(document=document, title=title, sort_order=order)
            for order, (document, title) in enumerate(files)
        ]
        page.relations = [
            DocumentRelation(kind=kind, target=pages[target], sort_order=order)
            for order, (kind, target) in enumerate(item.get("relations", []))
        ]
        published_at = datetime.datetime.combine(issued_on, datetime.time(9, 0), tzinfo=LOCAL_TZ)
        self.portal.report.add(f"legal document {item['number']}")
        return publish(collection, page, published_at)

    def file(self, key: str, title: str, item: dict, heading: str, paragraphs: list[str], appendix: bool = False):
        """One PDF laid out as the signed document (or its appendix), made once."""
        _slug, _name, printed_issuer, place = next(entry for entry in self.issuer_entries if entry[0] == item["issuer"])
        kind = "Phụ lục" if appendix else self.types[item["type"]].name
        if item["type"] == "cong-van" and not appendix:
            # A công văn has no heading of its kind; its summary starts with "V/v" under the number.
            kind, heading = "", f"V/v {heading[0].lower()}{heading[1:]}"
        return self.portal.document(
            key=key,
            title=title,
            content=official_document(
                issuer=printed_issuer,
                number=item["number"],
                place=place,
                day=as_date(item["issued"]),
                kind=kind,
                title=heading,
                paragraphs=paragraphs,
                signer=item["signer"][0],
                signing_lines=signing_lines(printed_issuer, item["signer"][1]),
            ),
        )


def signing_lines(issuer: str, title: str) -> str:
    """The lines above the signature: on behalf of the council or committee, and the signer's capacity."""
    body = "HỘI ĐỒNG NHÂN DÂN" if "HỘI ĐỒNG" in issuer.upper() or "HĐND" in issuer.upper() else "ỦY BAN NHÂN DÂN"
    if title == "Chủ tịch":
        return f"TM. {body}\nCHỦ TỊCH"
    if title == "Phó Chủ tịch":
        return f"TM. {body}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    return title.upper()
