from .attachments import Attachment
from .pages import BasePage, HomePage, RoutableSectionPage, SectionPage, StandardPage
from .site_settings import PortalSettings
from .snippets import Menu, MenuItem

__all__ = [
    "Attachment",
    "BasePage",
    "HomePage",
    "Menu",
    "MenuItem",
    "PortalSettings",
    "RoutableSectionPage",
    "SectionPage",
    "StandardPage",
]
