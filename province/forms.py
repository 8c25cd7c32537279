from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from province.components import COMPONENT_KINDS, ComponentUnit, UnitKind


class ComponentSiteForm(forms.Form):
    name = forms.CharField(label=_("Name of the unit"), max_length=120, help_text=_("Without its kind, e.g. An Lạc."))
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(kind.value, kind.label) for kind in COMPONENT_KINDS], initial=UnitKind.COMMUNE
    )
    host = forms.CharField(
        label=_("Host name"),
        max_length=253,
        help_text=_("Under the province's domain (Decree 224/2026, Art. 11(4)), e.g. anlac.haiphong.gov.vn."),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)

    def unit(self) -> ComponentUnit:
        data = self.cleaned_data
        return ComponentUnit(
            data["name"], UnitKind(data["kind"]), data["host"], data["email"], data["phone"], data["address"]
        )


class MoveSectionForm(forms.Form):
    """Settings → "Move a section": the same as ``manage.py move_section`` (province/sections.py)."""

    source = forms.ModelChoiceField(
        Page.objects.all(),
        label=_("Section to move"),
        widget=AdminPageChooser(),
        help_text=_(
            "The page that moves with every page below it; in the archive mode, the home page of the former unit's "
            "portal."
        ),
    )
    destination = forms.ModelChoiceField(
        Page.objects.all(),
        label=_("Move it under"),
        widget=AdminPageChooser(),
        help_text=_(
            "A page of the same or another portal; in the archive mode, the page the archive section goes under, "
            "e.g. the home page of the portal that takes over."
        ),
    )
    archive = forms.BooleanField(
        label=_("Archive a former unit's portal"),
        required=False,
        help_text=_(
            "Every page below the home page moves into a new archive section; the home page stays at its address "
            "and links the archive."
        ),
    )
    archive_title = forms.CharField(
        label=_("Title of the archive section"),
        max_length=255,
        required=False,
        help_text=_("By default “Lưu trữ” and the former unit, e.g. Lưu trữ huyện Gia Lộc."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check"), required=False, help_text=_("Say what would move, and change nothing.")
    )
