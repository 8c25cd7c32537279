"""The form a citizen asks with, and the form editors handle a question with."""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from portal.citizen_forms import CitizenForm
from portal.guard import PlainTextField
from portal.uploads import check_content
from questions.models import Question, QuestionStatus, QuestionTopic

ATTACHMENT_TYPES = ("pdf", "doc", "docx", "jpg", "jpeg", "png")
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
TEXT_MAX = 5000


class AskForm(CitizenForm):
    """A citizen's question: who asks and how to reach them (what the site asks for, nothing more), the field, the
    question, an optional file and consent."""

    topic = forms.ModelChoiceField(
        label=_("Field of the question"),
        queryset=QuestionTopic.objects.all(),
        empty_label=_("Choose the field of your question"),
    )
    title = PlainTextField(label=_("Subject"), max_length=200, help_text=_("One line, e.g. Thủ tục cấp lại sổ đỏ"))
    text = PlainTextField(label=_("Your question"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 8}))
    attachment = forms.FileField(
        label=_("Attached file"),
        required=False,
        help_text=_("Optional: PDF, Word or a photo (JPG, PNG), up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.doc,.docx,.jpg,.jpeg,.png"}),
    )
    consent = forms.BooleanField(label=_("I agree that the portal handles these details to answer my question."))

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return upload
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if extension not in ATTACHMENT_TYPES:
            raise ValidationError(
                _("This type of file is not accepted. Attach a PDF, Word file or a photo (JPG, PNG)."), code="type"
            )
        if upload.size > ATTACHMENT_MAX_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."), code="size")
        check_content(upload, extension)
        return upload


class StatusForm(forms.Form):
    ma = forms.CharField(label=_("Tracking code"), max_length=20, help_text=_("E.g. HD-7K3M-9Q2P"))

    def clean_ma(self):
        return self.cleaned_data["ma"].strip().upper().replace(" ", "")


class NextStep:
    KEEP = "keep"
    ASSIGN = "assign"
    SUBMIT = "submit"
    DECLINE = "decline"

    choices = [
        (KEEP, _("Save only")),
        (ASSIGN, _("Send to the responsible office")),
        (SUBMIT, _("Send the answer for approval and publication")),
        (DECLINE, _("Decline the question (the citizen is told why)")),
    ]


class HandleQuestionForm(WagtailAdminModelForm):
    """What an editor does with a question: file it, send it to an office, write the answer and send it for
    approval, or decline it with a reason."""

    next_step = forms.ChoiceField(label=_("Next step"), choices=NextStep.choices, initial=NextStep.KEEP)

    class Meta:
        model = Question
        fields = ["topic", "office_name", "office_email", "answer", "decline_reason"]

    def clean(self):
        cleaned = super().clean()
        step = cleaned.get("next_step")
        if self.instance.status in (QuestionStatus.PUBLISHED, QuestionStatus.DECLINED) and step != NextStep.KEEP:
            raise ValidationError(_("This question is closed."), code="closed")
        if step == NextStep.ASSIGN and not cleaned.get("office_name"):
            self.add_error("office_name", _("Name the office the question goes to."))
        if step == NextStep.SUBMIT:
            if not cleaned.get("answer"):
                self.add_error("answer", _("Write the answer before sending it for approval."))
            if not cleaned.get("topic"):
                self.add_error("topic", _("Choose the field the answer is listed under."))
        if step == NextStep.DECLINE and not cleaned.get("decline_reason"):
            self.add_error("decline_reason", _("Say why the question is declined; the citizen will read it."))
        return cleaned
