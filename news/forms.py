"""The article editing form: the byline starts as the editor's full name."""

from wagtail.admin.forms import WagtailAdminPageForm


class NewsArticleForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance._state.adding and not self.instance.byline and user is not None:
            self.fields["byline"].initial = user.get_full_name() or user.get_username()
