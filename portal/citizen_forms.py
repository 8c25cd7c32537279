"""What every citizens' form asks (questions, comments on drafts): who is writing and how to reach them, only as
the site asks (``PortalSettings.citizen_contact``), with the guard of ``portal.guard`` underneath."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.guard import GuardedForm, PlainTextField
from portal.models import ContactChoice

PHONE_CHARACTERS = set("0123456789 +-.()")


class CitizenForm(GuardedForm):
    """Name, e-mail and phone; ``contact`` makes one of them required, or asks for either. Subclasses add what they
    are about and a consent box worded for it."""

    name = PlainTextField(label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail"), required=False, max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = PlainTextField(
        label=_("Phone number"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )

    either_contact_message = _("Give an e-mail address or a phone number, so that we can reach you.")

    def __init__(self, *args, contact: str = ContactChoice.EITHER, **kwargs):
        super().__init__(*args, **kwargs)
        self.contact = contact
        if contact == ContactChoice.EMAIL:
            self.fields["email"].required = True
            del self.fields["phone"]
        elif contact == ContactChoice.PHONE:
            self.fields["phone"].required = True
            del self.fields["email"]
        else:
            self.fields["email"].help_text = self.either_contact_message

    def clean_phone(self):
        phone = " ".join(self.cleaned_data.get("phone", "").split())
        digits = sum(character.isdigit() for character in phone)
        if phone and not (8 <= digits <= 15 and set(phone) <= PHONE_CHARACTERS):
            raise forms.ValidationError(_("Enter a phone number of 8 to 15 digits, e.g. 0912 345 678."), code="phone")
        return phone

    def clean(self):
        cleaned = super().clean()
        missing = not (cleaned.get("email") or cleaned.get("phone"))
        if self.contact == ContactChoice.EITHER and missing and not {"email", "phone"} & set(self.errors):
            self.add_error("email", self.either_contact_message)
        return cleaned
