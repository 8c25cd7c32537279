"""The admin form of album pages (apart from `gallery.forms`, which the image settings load before the models)."""

from wagtail.admin.forms import WagtailAdminPageForm

from portal.alt_text import has_alt_text, missing_alt_text


class AlbumPageForm(WagtailAdminPageForm):
    """An album's photo needs alternative text: its image's description, or else its caption (photos added from the
    upload collection are captioned with the title typed at upload). The check is on the photos' forms, so the
    message stands beside the photo, and sees the photos as edited (the page's own clean sees them before)."""

    def clean(self):
        cleaned_data = super().clean()
        for form in self.formsets["photos"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):  # is_valid cleans it: not done before ours
                continue
            image = form.cleaned_data.get("image")
            if image is not None and not form.cleaned_data.get("caption", "").strip() and not has_alt_text(image):
                form.add_error("image", missing_alt_text(image))
        return cleaned_data
