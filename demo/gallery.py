"""The demo's gallery: three photo albums of locally drawn pictures, the activity video from the district's YouTube
channel and a slideshow video made here, and a song made here ("Các ca khúc về Gia Lộc")."""

import datetime

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from wagtailmedia.models import Media

from demo.images import illustration, scene
from demo.media import slideshow, song
from demo.tree import ensure_child
from gallery.models import AlbumIndexPage, AlbumPage, AudioIndexPage, AudioPage, VideoIndexPage, VideoPage
from portal.tree import child_by_slug, publish

CREDIT = "Ảnh: Trung tâm Văn hóa – Thông tin và Thể thao huyện"
ALBUMS = [
    {
        "title": "Hội nghị tổng kết công tác năm 2023 của Ủy ban nhân dân huyện",
        "slug": "hoi-nghi-tong-ket-cong-tac-nam-2023",
        "date": datetime.date(2024, 1, 12),
        "description": "Một số hình ảnh tại hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 của "
        "Ủy ban nhân dân huyện.",
        "building": True,
        "captions": [
            "Quang cảnh hội nghị tại hội trường Ủy ban nhân dân huyện",
            "Lãnh đạo huyện phát biểu chỉ đạo hội nghị",
            "Đại biểu các xã, thị trấn tham dự hội nghị",
            "Bộ phận một cửa xã Đức Xương báo cáo kinh nghiệm số hóa hồ sơ",
            "Khen thưởng các tập thể có thành tích xuất sắc năm 2023",
            "Trao giấy khen cho cá nhân tiêu biểu",
            "Đại biểu tham quan mô hình một cửa hiện đại",
            "Chụp ảnh lưu niệm sau hội nghị",
        ],
    },
    {
        "title": "Mùa lúa chín trên cánh đồng Gia Lộc",
        "slug": "mua-lua-chin-tren-canh-dong-gia-loc",
        "date": datetime.date(2024, 6, 3),
        "description": "Đầu tháng Sáu năm 2024, nông dân các xã trong huyện thu hoạch lúa, năng suất đạt khá.",
        "building": False,
        "captions": [
            "Cánh đồng lúa chín vàng xã Gia Tân",
            "Máy gặt đập liên hợp thu hoạch lúa tại xã Thống Kênh",
            "Nông dân phơi thóc trên sân hợp tác xã",
            "Cánh đồng mẫu lớn xã Gia Khánh",
            "Vận chuyển lúa về kho",
            "Ruộng lúa ven đường trục xã Gia Lương",
        ],
    },
    {
        "title": "Đoàn viên thanh niên ra quân làm sạch đường làng",
        "slug": "doan-vien-thanh-nien-ra-quan-lam-sach-duong-lang",
        "date": datetime.date(2024, 3, 10),
        "description": "Hưởng ứng Tháng Thanh niên, đoàn viên các xã dọn vệ sinh, trồng hoa hai bên đường trục thôn.",
        "building": True,
        "captions": [
            "Đoàn viên tập trung tại nhà văn hóa thôn trước giờ ra quân",
            "Thu gom rác thải dọc mương thoát nước",
            "Trồng hoa mười giờ hai bên đường trục thôn",
            "Sơn lại cột cờ và bảng tin của thôn",
            "Đường làng sạch đẹp sau buổi ra quân",
        ],
    },
]
YOUTUBE_VIDEO = {
    "title": "Hát về Gia Lộc",
    "slug": "hat-ve-gia-loc",
    "date": datetime.date(2023, 9, 2),
    "description": "Những ca khúc về quê hương Gia Lộc qua các chương trình văn nghệ của huyện.",
    "youtube_url": "https://www.youtube.com/watch?v=JmTMQg7YjuY",
}
SAFETY_VIDEO = {
    "title": "Khuyến cáo phòng cháy, chữa cháy tại gia đình",
    "slug": "khuyen-cao-phong-chay-chua-chay-tai-gia-dinh",
    "date": datetime.date(2024, 3, 20),
    "description": "Những việc mỗi gia đình nên làm để phòng cháy và xử lý khi có cháy, do Công an huyện khuyến cáo.",
}
SAFETY_SLIDES = [
    ("Phòng cháy tại gia đình", "Khuyến cáo của Công an huyện Gia Lộc về an toàn phòng cháy, chữa cháy trong nhà ở."),
    ("Điện", "Không câu móc, dùng dây điện quá tải; ngắt điện các thiết bị không sử dụng trước khi ra khỏi nhà."),
    ("Bếp và gas", "Tắt bếp khi nấu xong; kiểm tra van, dây dẫn gas; không để chất dễ cháy gần bếp."),
    ("Lối thoát nạn", "Nhà có lồng sắt cần làm cửa thoát hiểm mở được từ bên trong; giữ lối đi thông thoáng."),
    ("Khi có cháy", "Bình tĩnh, hô hoạn, gọi 114; dùng bình chữa cháy nếu đám cháy nhỏ và thoát ra theo lối an toàn."),
]
SONG = {
    "title": "Giai điệu quê hương Gia Lộc",
    "slug": "giai-dieu-que-huong-gia-loc",
    "date": datetime.date(2024, 8, 19),
    "performer": "Câu lạc bộ văn nghệ huyện (hòa tấu)",
    "description": "Bản hòa tấu trên thang âm ngũ cung, dùng làm nhạc nền cho các chương trình văn nghệ của huyện.",
    "lyrics": "Gia Lộc quê em lúa vàng trải rộng,\nsông Đồng Quang êm ả chảy qua làng.\n\n"
    "Ai về Gia Lộc nhớ mùa gặt mới,\nnhớ tiếng cười bên nhà văn hóa thôn.",
}


class GalleryLoader:
    """Builds the demo's gallery; ``portal`` keeps the report."""

    def __init__(self, portal):
        self.portal = portal

    def load(self, home) -> dict:
        report = self.portal.report
        photos = ensure_child(
            home,
            AlbumIndexPage(
                title="Thư viện ảnh",
                slug="thu-vien-anh",
                intro="Hình ảnh hoạt động của huyện Gia Lộc.",
                show_in_menus=True,
            ),
            report,
        )
        videos = ensure_child(
            home,
            VideoIndexPage(title="Video hoạt động", slug="video", intro="Video về hoạt động và con người Gia Lộc."),
            report,
        )
        songs = ensure_child(
            home,
            AudioIndexPage(title="Các ca khúc về Gia Lộc", slug="am-thanh", intro="Ca khúc, bản nhạc về quê hương."),
            report,
        )
        for item in ALBUMS:
            self.album(photos, item)
        if child_by_slug(videos, YOUTUBE_VIDEO["slug"]) is None:
            publish(videos, VideoPage(**YOUTUBE_VIDEO))
            report.add(f"video {YOUTUBE_VIDEO['slug']}")
        if child_by_slug(videos, SAFETY_VIDEO["slug"]) is None:
            poster = self.portal.image("video-pccc", SAFETY_VIDEO["title"], with_building=True)
            media = self.media("video", SAFETY_VIDEO["title"], "khuyen-cao-pccc.mp4", slideshow(SAFETY_SLIDES))
            publish(videos, VideoPage(media=media, poster=poster, **SAFETY_VIDEO))
            report.add(f"video {SAFETY_VIDEO['slug']}")
        if child_by_slug(songs, SONG["slug"]) is None:
            media = self.media("audio", SONG["title"], "giai-dieu-que-huong-gia-loc.mp3", song())
            publish(songs, AudioPage(media=media, **SONG))
            report.add(f"song {SONG['slug']}")
        return {"photos": photos, "videos": videos, "songs": songs}

    def collection(self, name: str):
        root = Collection.get_first_root_node()
        return root.get_children().filter(name=name).first() or root.add_child(name=name)

    def album(self, index, item):
        if child_by_slug(index, item["slug"]) is not None:
            return
        collection = self.collection(item["title"][:255])
        Image = get_image_model()
        for number, caption in enumerate(item["captions"]):
            key = f"{item['slug'][:30]}-{number}"
            image = Image(title=caption, description=illustration(caption), collection=collection)
            image.file = ImageFile(ContentFile(scene(key, item["building"] and number % 2 == 0)), name=f"{key}.jpg")
            image.save()
        album = AlbumPage(
            title=item["title"],
            slug=item["slug"],
            date=item["date"],
            description=item["description"],
            collection=collection,
        )
        album.add_collection_photos()  # as saving in the admin does
        for photo in album.photos.all():
            photo.credit = CREDIT
        publish(index, album)
        self.portal.report.add(f"album {item['slug']}")

    def media(self, kind: str, title: str, filename: str, content: bytes) -> Media:
        media = Media(title=title, type=kind, collection=self.collection("Video và âm thanh"))
        media.file.save(filename, ContentFile(content), save=False)
        if kind == "video":
            media.width, media.height = 640, 360
        media.save()
        return media
