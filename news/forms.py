"""The article editing form: the byline starts as the editor's full name; the primary category is one of the chosen."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class NewsArticleForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance._state.adding and not self.instance.byline and user is not None:
            self.initial["byline"] = user.get_full_name() or user.get_username()

    def clean(self):
        cleaned_data = super().clean()
        primary, chosen = cleaned_data.get("primary_category"), cleaned_data.get("categories")
        if primary is not None and chosen is not None and primary not in chosen:
            self.add_error("primary_category", _("The primary category must be one of the categories."))
        return cleaned_data
