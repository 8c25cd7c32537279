from django import forms
from django.utils.translation import gettext_lazy as _

from province.components import ComponentUnit, UnitKind


class ComponentSiteForm(forms.Form):
    name = forms.CharField(label=_("Name of the unit"), max_length=120, help_text=_("Without its kind, e.g. An Lạc."))
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices, initial=UnitKind.COMMUNE)
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
