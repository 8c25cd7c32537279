"""The apps import one another in one order only (the contracts in pyproject.toml, drawn in docs/architecture.md):
the foundation never imports a section, sections never import one another or the home page, nothing imports the
demo, and no app's modules import one another in a circle."""

from pathlib import Path

from django.conf import settings

from importlinter import api, cli

ROOT = Path(__file__).resolve().parents[1]
CONFIG = str(ROOT / "pyproject.toml")


def layers_contract() -> dict:
    contracts = api.read_configuration(CONFIG)["contracts_options"]
    return next(contract for contract in contracts if contract["type"] == "layers")


def test_the_apps_keep_the_import_order_and_have_no_import_circles(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert cli.lint_imports(config_filename=CONFIG, no_cache=True, no_logo=True) == cli.EXIT_STATUS_SUCCESS


def test_every_app_of_the_portal_has_a_place_in_the_layers():
    """An app left out of the contract could import anything; each of the portal's apps is in exactly one layer."""
    placed = [name.strip() for layer in layers_contract()["layers"] for name in layer.split("|")]
    portal_apps = [app for app in settings.INSTALLED_APPS if (ROOT / app / "apps.py").exists()]
    assert sorted(placed) == sorted([*portal_apps, "config"])
