"""Forms of the notices app: the listing's filters (a bad value is named and ignored, never an error) and the editing
form of a schedule week (one schedule per week in each work schedule)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from notices.enums import KIND_BY_SLUG, KIND_SLUGS, NoticeKind, NoticeStatus
from notices.weeks import Week
from portal.filters import FilterForm


class NoticeFilterForm(FilterForm):
    loai = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *((KIND_SLUGS[kind], label) for kind, label in NoticeKind.choices)],
    )
    nam = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    tinh_trang = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Open and expired")), *NoticeStatus.choices]
    )

    def filter(self, notices):
        """``notices`` narrowed by every filter whose value is valid."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("loai"):
            notices = notices.filter(kind=KIND_BY_SLUG[data["loai"]])
        if data.get("nam"):
            notices = notices.filter(issued_on__year=data["nam"])
        if data.get("tinh_trang") == NoticeStatus.OPEN:
            notices = notices.open()
        elif data.get("tinh_trang") == NoticeStatus.EXPIRED:
            notices = notices.expired()
        return notices


class WorkWeekForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        day = cleaned_data.get("week_start")
        parent = self.parent_page if self.instance._state.adding else self.instance.get_parent()
        if day and parent is not None:
            siblings = type(self.instance).objects.child_of(parent).filter(week_start=Week.containing(day).start)
            if siblings.exclude(pk=self.instance.pk).exists():
                self.add_error("week_start", _("This week already has a schedule; edit that one instead."))
        return cleaned_data
