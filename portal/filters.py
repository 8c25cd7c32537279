"""What every listing's filter form shares: a bad value is named in one message and left out, never an error."""

from django import forms
from django.utils.translation import gettext


class FilterForm(forms.Form):
    def problem_message(self) -> str:
        if not self.errors:
            return ""
        names = ", ".join(str(self.fields[name].label) for name in self.errors)
        return gettext("These filters were not understood and were left out: %(names)s.") % {"names": names}
