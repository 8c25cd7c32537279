from .attachments import Attachment
from .citizen_input import ContactChoice, PersonalData, QueuedMail
from .health import HealthCheck
from .pages import BasePage, RoutableSectionPage, SectionPage
from .sharing import HiddenSharedPage, SharedWithComponents, share_panel
from .site_settings import PortalSettings
from .snippets import Menu, MenuItem, MenuLink

__all__ = [
    "Attachment",
    "BasePage",
    "ContactChoice",
    "HealthCheck",
    "HiddenSharedPage",
    "Menu",
    "MenuItem",
    "MenuLink",
    "PersonalData",
    "PortalSettings",
    "QueuedMail",
    "RoutableSectionPage",
    "SectionPage",
    "SharedWithComponents",
    "share_panel",
]
