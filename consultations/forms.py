"""The form citizens and organisations comment on a draft with."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.enums import COMMENT_MAX_LENGTH, CommenterKind
from portal.citizen_forms import CitizenForm
from portal.guard import PlainTextField


class CommentForm(CitizenForm):
    """A comment on the whole draft or one of its sections, from a person or an organisation, with a contact as the
    site asks (``PortalSettings.citizen_contact``) and consent to keep it for the retention period."""

    commenter_kind = forms.ChoiceField(
        label=_("You comment as"), choices=CommenterKind.choices, initial=CommenterKind.PERSON
    )
    organisation = PlainTextField(
        label=_("Name of the organisation"),
        max_length=255,
        required=False,
        help_text=_("Only if you comment for an organisation. It is shown with the comment."),
    )
    section = forms.ModelChoiceField(
        label=_("Part of the draft"),
        queryset=None,
        required=False,
        empty_label=_("The whole draft (general comment)"),
    )
    text = PlainTextField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("At most 10,000 characters. Published once checked, without your name or contacts."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    consent = forms.BooleanField(label=_("I agree that my contact details are kept as described above."))

    def __init__(self, *args, draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.fields["name"].help_text = _("Not published.")
        self.fields["section"].queryset = draft.sections.all()
        if not draft.sections.exists():
            del self.fields["section"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("commenter_kind") == CommenterKind.ORGANISATION and not cleaned.get("organisation"):
            self.add_error("organisation", _("Enter the name of the organisation you comment for."))
        return cleaned
