from .attachments import Attachment
from .pages import BasePage, RoutableSectionPage, SectionPage
from .site_settings import PortalSettings
from .snippets import Menu, MenuItem, MenuLink

__all__ = [
    "Attachment",
    "BasePage",
    "Menu",
    "MenuItem",
    "MenuLink",
    "PortalSettings",
    "RoutableSectionPage",
    "SectionPage",
]
