from .pages import BasePage, HomePage, RoutableSectionPage, SectionPage, StandardPage
from .site_settings import PortalSettings
from .snippets import Menu, MenuItem

__all__ = [
    "BasePage",
    "HomePage",
    "Menu",
    "MenuItem",
    "PortalSettings",
    "RoutableSectionPage",
    "SectionPage",
    "StandardPage",
]
