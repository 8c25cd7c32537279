"""What a page must never hold however its text was written: inline script, event-handler attributes, `javascript:`
addresses. Checked on the parsed page, so an escaped payload (text) passes and an interpreted one (markup) fails."""

from html.parser import HTMLParser

PAYLOAD = "XSS\"'><script>alert(1)</script><img src=x onerror=alert(2)><a href=javascript:alert(3)>x</a>"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}
DATA_SCRIPTS = {"application/json", "application/ld+json"}


class ScriptFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and (value or "").strip().lower().replace("\t", "").startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            kind = (attributes.get("type") or "").lower()
            if kind not in DATA_SCRIPTS and not (attributes.get("src") or "").startswith("/static/"):
                self.problems.append(f"<script {attributes}>")
            self.in_script = kind not in DATA_SCRIPTS

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append(f"inline script {data.strip()[:60]!r}")


def script_problems(html: str | bytes) -> list[str]:
    finder = ScriptFinder()
    finder.feed(html.decode() if isinstance(html, bytes) else html)
    finder.close()
    return finder.problems
