"""axe-core for the browser tests: the published npm package, fetched once with urllib (no Node needed), checked
against the registry's sha512 integrity and kept in a cache; `run_axe` injects it into a page and returns the
violations that matter."""

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from pathlib import Path

import pytest

AXE_VERSION = "4.14.1"
AXE_URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_VERSION}.tgz"
AXE_INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("AXE_CACHE_DIR", ROOT / ".venv" / f"axe-core-{AXE_VERSION}"))

# WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, heading order, one main, …).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def axe_source() -> str:
    """The text of axe.min.js, downloaded and verified on first use."""
    script = CACHE / "axe.min.js"
    if script.exists():
        return script.read_text(encoding="utf-8")
    with urllib.request.urlopen(AXE_URL, timeout=60) as answer:
        package = answer.read()
    if integrity_of(package) != AXE_INTEGRITY:
        raise RuntimeError(f"axe-core {AXE_VERSION} from the registry does not match its sha512 integrity")
    with tarfile.open(fileobj=io.BytesIO(package), mode="r:gz") as archive:
        member = archive.extractfile("package/axe.min.js")
        source = member.read()
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = script.with_suffix(".part")
    partial.write_bytes(source)
    partial.replace(script)
    return source.decode("utf-8")


@pytest.fixture(scope="package", name="axe")
def axe_fixture():
    """axe.min.js as text. Without network it skips locally; in CI (CI set) it fails, so the check is never lost."""
    try:
        return axe_source()
    except (OSError, RuntimeError, tarfile.TarError, KeyError) as error:
        if os.environ.get("CI"):
            pytest.fail(f"axe-core {AXE_VERSION} could not be obtained: {error}")
        pytest.skip(f"axe-core {AXE_VERSION} could not be obtained: {error}")


def run_axe(page, source: str) -> list[dict]:
    """Violations of impact serious or critical on the page as it is now. Injected with `add_script_tag(content=)`
    would be an inline script, which the portal's Content-Security-Policy refuses; `evaluate` runs it through the
    DevTools protocol, outside the page's policy."""
    page.evaluate(source + "\n;undefined")
    results = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        TAGS,
    )
    return [violation for violation in results["violations"] if violation["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            target = " ".join(map(str, node["target"]))
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)
