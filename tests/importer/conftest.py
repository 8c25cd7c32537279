"""Each test writes its import file in its own temporary folder, with the example's small media files next to it."""

import shutil

import pytest

from tests.importer.helpers import EXAMPLE


@pytest.fixture
def folder(tmp_path):
    """A folder holding the example's files (files/hoi-nghi.jpg, le-hoi.png, poster.jpg, the PDFs, video-mau.mp4)."""
    shutil.copytree(EXAMPLE / "files", tmp_path / "files")
    return tmp_path
