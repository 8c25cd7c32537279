"""The optional comment after an answer: plain text of at most 500 characters, anonymous."""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from ratings.models import COMMENT_MAX_LENGTH

# Direction overrides and isolates could make a comment read differently in the admin from what it holds.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
BLANK_LINES = re.compile(r"\n{3,}")


def plain_comment(value: str) -> str:
    """The comment as stored: composed characters (as a browser counts them), line breaks kept and at most one blank
    line in a row, every other control character dropped, spaces trimmed."""
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(char for char in text if char == "\n" or unicodedata.category(char) != "Cc")
    return BLANK_LINES.sub("\n\n", BIDI_CONTROLS.sub("", text)).strip()


class CommentField(forms.CharField):
    def to_python(self, value):
        return plain_comment(super().to_python(value))


class CommentForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=200)
    text = CommentField(
        label=_("What should we improve? (optional)"),
        # The comment itself is optional (the answer is already counted), but one sent must say something.
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "At most 500 characters. Comments are anonymous and are not published: please do not write your name, "
            "address or telephone number."
        ),
        error_messages={
            "required": _("Write a comment before sending it."),
            "max_length": _("A comment can be at most %(limit_value)d characters long (this one has %(show_value)d)."),
        },
    )
    token_messages = {
        "token": _("This comment form has expired. Your answer was counted; the comment could not be added."),
        "used": _("A comment was already sent with this answer."),
    }

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text:
            raise forms.ValidationError(self.fields["text"].error_messages["required"], code="required")
        return text
