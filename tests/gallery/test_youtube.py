"""YouTube addresses are read locally in every usual form; anything else is refused with a reason."""

from django.core.exceptions import ValidationError

import pytest

from portal.youtube import parse, seconds

VIDEO = "JmTMQg7YjuY"


@pytest.mark.parametrize(
    ("url", "start"),
    [
        (f"https://www.youtube.com/watch?v={VIDEO}", 0),
        (f"http://youtube.com/watch?v={VIDEO}&list=PL123&index=2", 0),
        (f"https://m.youtube.com/watch?v={VIDEO}&feature=share", 0),
        (f"https://music.youtube.com/watch?v={VIDEO}", 0),
        (f"youtube.com/watch?v={VIDEO}", 0),
        (f"www.youtube.com/watch?feature=shared&v={VIDEO}", 0),
        (f"https://youtu.be/{VIDEO}", 0),
        (f"https://youtu.be/{VIDEO}?si=AbCdEf&t=75", 75),
        (f"https://www.youtube.com/shorts/{VIDEO}", 0),
        (f"https://www.youtube.com/live/{VIDEO}?si=x", 0),
        (f"https://www.youtube.com/embed/{VIDEO}?start=30", 30),
        (f"https://www.youtube-nocookie.com/embed/{VIDEO}", 0),
        (f"https://www.youtube.com/v/{VIDEO}", 0),
        (f"https://www.youtube.com/watch?v={VIDEO}&t=1m30s", 90),
        (f"  https://www.youtube.com/watch?v={VIDEO}  ", 0),
    ],
)
def test_usual_forms_give_the_video_and_its_start(url, start):
    video = parse(url)
    assert (video.id, video.start) == (VIDEO, start)
    assert video.embed_url.startswith(f"https://www.youtube-nocookie.com/embed/{VIDEO}?autoplay=1")
    assert video.watch_url.startswith(f"https://www.youtube.com/watch?v={VIDEO}")


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("https://vimeo.com/123456", "not_youtube"),
        ("https://youtube.com.evil.example/watch?v=JmTMQg7YjuY", "not_youtube"),
        ("https://evil.example/?u=https://youtube.com/watch?v=JmTMQg7YjuY", "not_youtube"),
        ("javascript:alert(1)//youtube.com/watch?v=JmTMQg7YjuY", "not_youtube"),
        ("ftp://youtube.com/watch?v=JmTMQg7YjuY", "invalid"),
        ("https://www.youtube.com/", "not_a_video"),
        ("https://www.youtube.com/@huyengialoc", "not_a_video"),
        ("https://www.youtube.com/playlist?list=PL123", "not_a_video"),
        ("https://www.youtube.com/watch", "bad_id"),
        ("https://www.youtube.com/watch?v=short", "bad_id"),
        ("https://www.youtube.com/watch?v=JmTMQg7YjuY<script>", "bad_id"),
        ("https://youtu.be/", "bad_id"),
        ("https://www.youtube.com/embed/JmTMQg7YjuYextra", "bad_id"),
        ("http://[::1", "invalid"),
    ],
)
def test_other_addresses_are_refused_with_a_reason(url, code):
    with pytest.raises(ValidationError) as error:
        parse(url)
    assert error.value.code == code
    assert str(error.value.messages[0])


@pytest.mark.parametrize(("value", "expected"), [("90", 90), ("90s", 90), ("1m30s", 90), ("1h2m3s", 3723), ("x", 0)])
def test_start_times(value, expected):
    assert seconds(value) == expected
