"""Old portals' HTML becomes what the rich-text editor saves: only its paragraph features, nothing executable."""

import pytest

from importer.html import body_blocks
from news.models import NewsArticlePage
from tests.importer.helpers import news, run, write

HOSTILE = """
<style>p { background: url(javascript:alert(1)) }</style>
<script>alert("xss")</script>
<p onclick="alert(1)" style="color:red" class="x">Chào <strong onmouseover="steal()">bà con</strong>
 <em>Gia Lộc</em>, <u>gạch chân</u> <font color=red>chữ đỏ</font>
 <a href="javascript:alert(document.cookie)">link độc</a>
 <a href="JaVaScRiPt&#58;alert(1)">link độc 2</a>
 <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">dữ liệu</a>
 <a href="https://dichvucong.gov.vn/p?a=1&b=2" target="_blank" onclick="x()">Dịch vụ công</a>
 <a href="mailto:vanphong@gialoc.gov.vn">thư</a> H<sub>2</sub>O, m<sup>2</sup></p>
<iframe src="https://evil.example/">nội dung khung</iframe>
<img src="x" onerror="alert(1)" alt="ảnh">
<object data="x.swf">đối tượng</object>
<form action="https://evil.example/"><input name="pw"><button>Gửi</button></form>
<h1 onclick="x()">Tiêu đề <i>lớn</i></h1>
<div><span style="font-size:20px">Đoạn trong div</span><br><br>dòng sau</div>
<ul><li>Mục 1</li><li>Mục <b>2</b><ol><li>con</li></ol></li></ul>
<blockquote>Trích dẫn</blockquote>
<table><tr><td>Ô 1</td><td>Ô 2</td></tr></table>
<svg><script>alert(2)</script><text>svg</text></svg>
<p>&nbsp;</p><p>5 &lt; 6 &amp; 7 &gt; 3</p>
<!-- comment <script>alert(3)</script> -->
"""


def test_hostile_html_keeps_only_the_editor_features():
    blocks = body_blocks(HOSTILE)
    assert [block["type"] for block in blocks] == ["paragraph", "heading", "paragraph"]
    first, heading, rest = (block["value"] for block in blocks)
    assert first == (
        "<p>Chào <b>bà con</b> <i>Gia Lộc</i>, gạch chân chữ đỏ link độc link độc 2 dữ liệu "
        '<a href="https://dichvucong.gov.vn/p?a=1&amp;b=2">Dịch vụ công</a> '
        '<a href="mailto:vanphong@gialoc.gov.vn">thư</a> H<sub>2</sub>O, m<sup>2</sup></p>'
    )
    assert heading == {"text": "Tiêu đề lớn", "level": "h2"}
    assert rest == (
        "<p>Đoạn trong div<br/><br/>dòng sau</p>"
        "<ul><li>Mục 1</li><li>Mục <b>2</b></li><li>con</li></ul>"
        "<p>Trích dẫn</p><p>Ô 1 Ô 2</p><p>5 &lt; 6 &amp; 7 &gt; 3</p>"
    )
    text = str(blocks)
    for banned in ("script", "alert", "onclick", "onerror", "style", "iframe", "javascript", "data:", "evil", "svg"):
        assert banned not in text.lower(), banned
    assert "nội dung khung" not in text and "Gửi" not in text


def test_plain_text_and_empty_bodies():
    assert body_blocks("Một dòng\nhai dòng") == [{"type": "paragraph", "value": "<p>Một dòng hai dòng</p>"}]
    assert body_blocks("") == []
    assert body_blocks("<p> &nbsp; </p><script>x</script>") == []


def test_headings_become_heading_blocks_of_the_levels_the_editor_has():
    blocks = body_blocks("<h2>A</h2><h3>B</h3><h4>C</h4><h6>D</h6><h2>" + "x" * 300 + "</h2>")
    assert [block["value"] for block in blocks[:4]] == [
        {"text": "A", "level": "h2"},
        {"text": "B", "level": "h3"},
        {"text": "C", "level": "h4"},
        {"text": "D", "level": "h4"},
    ]
    assert blocks[4] == {"type": "paragraph", "value": "<p><b>" + "x" * 300 + "</b></p>"}


@pytest.mark.django_db
def test_an_imported_article_renders_the_clean_body(folder, client):
    run(write(folder, news("tin-1", body=HOSTILE)))
    page = NewsArticlePage.objects.get(title="Tin nhập khẩu tin-1")
    html = client.get(page.url).content.decode()
    assert '<a href="https://dichvucong.gov.vn/p?a=1&amp;b=2">Dịch vụ công</a>' in html
    assert "alert(" not in html and "evil.example" not in html
    assert "<h2>Tiêu đề lớn</h2>" in html or "Tiêu đề lớn</h2>" in html
