"""A question from arrival to answer: stored once, the office and the citizen told by mail after the commit, the
answer sent through the site's approval workflow as a page, and the citizen told when it is published."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.models import Site

from portal.mail import queue_mail
from portal.models import PortalSettings
from questions.forms import NextStep
from questions.models import Question, QuestionIndexPage, QuestionPage, QuestionStatus, new_code

CODE_ATTEMPTS = 5


def status_url(site: Site, code: str) -> str:
    index = QuestionIndexPage.objects.live().descendant_of(site.root_page).first()
    if index is None:
        return ""
    return f"{index.get_full_url()}{index.reverse_subpage('status').lstrip('/')}?ma={code}"


def receive(form, site: Site) -> tuple[Question, bool]:
    """Store the question of a valid ``AskForm``; returns it and whether it is new. The same form sent twice (a
    double click, a resent request) is stored once: the form's submission key is unique."""
    existing = Question.objects.filter(submission_key=form.submission_key).first()
    if existing is not None:
        return existing, False
    data = form.cleaned_data
    for _attempt in range(CODE_ATTEMPTS):
        question = Question(
            site=site,
            code=new_code(),
            submission_key=form.submission_key,
            name=data["name"],
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            topic=data["topic"],
            title=data["title"],
            text=data["text"],
            attachment=data.get("attachment") or "",
            consent=True,
            proven=form.proven,
        )
        try:
            with transaction.atomic():
                question.save()
                announce_received(question)
        except IntegrityError:
            existing = Question.objects.filter(submission_key=form.submission_key).first()
            if existing is not None:  # the same form, stored a moment ago by a concurrent request
                return existing, False
            continue  # a tracking code already taken: draw another
        return question, True
    raise IntegrityError("no free tracking code")


def announce_received(question: Question):
    settings = PortalSettings.for_site(question.site)
    with override("vi"):
        queue_mail(
            settings.citizen_input_recipient,
            _("New question %(code)s: %(title)s") % {"code": question.code, "title": question.title},
            _(
                "A citizen asked a question through the portal (field: %(topic)s).\n\n%(title)s\n\n%(text)s\n\n"
                "Handle it in the admin under Citizens' questions."
            )
            % {"topic": question.topic or "", "title": question.title, "text": question.text},
        )
        queue_mail(
            question.email,
            _("Your question has been received: %(code)s") % {"code": question.code},
            _(
                'Thank you for your question "%(title)s".\n\nYour tracking code is %(code)s. You can follow your '
                "question here:\n%(url)s\n\n%(portal)s"
            )
            % {
                "title": question.title,
                "code": question.code,
                "url": status_url(question.site, question.code),
                "portal": settings.portal_title,
            },
        )


@transaction.atomic
def apply_step(question: Question, step: str, user) -> str:
    """Carry out the editor's next step on a saved question; returns what to tell the editor."""
    with override("vi"):
        if step == NextStep.ASSIGN:
            question.status = QuestionStatus.ASSIGNED
            question.save(update_fields=["status", "updated_at"])
            queue_mail(
                question.office_email,
                _("Question %(code)s for your office: %(title)s") % {"code": question.code, "title": question.title},
                _(
                    "The portal's editors ask your office to answer this question (field: %(topic)s).\n\n%(title)s\n\n"
                    "%(text)s\n\nSend the answer to the portal's editors."
                )
                % {"topic": question.topic or "", "title": question.title, "text": question.text},
            )
            return _("The question was sent to %(office)s.") % {"office": question.office_name}
        if step == NextStep.DECLINE:
            question.close(QuestionStatus.DECLINED)
            question.save(update_fields=["status", "closed_at", "updated_at"])
            queue_mail(
                question.email,
                _("About your question %(code)s") % {"code": question.code},
                _('The portal cannot answer your question "%(title)s".\n\nReason: %(reason)s')
                % {"title": question.title, "reason": question.decline_reason},
            )
            return _("The question was declined; the citizen can read the reason on the status page.")
        if step == NextStep.SUBMIT:
            return submit_answer(question, user)
    return _("The question was saved.")


def answer_html(text: str) -> str:
    """The office's plain-text answer as the rich text of the published page: one paragraph per block of lines."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks)


def submit_answer(question: Question, user) -> str:
    """Make (or update) the draft page of the question and its answer, and start the site's approval workflow on it;
    the page goes live when an approver approves it (``published``)."""
    index = QuestionIndexPage.objects.descendant_of(question.site.root_page).first()
    if index is None:
        return _("This portal has no questions section to publish answers in; create one first.")
    page = question.page
    if page is None:
        page = QuestionPage(
            title=question.title,
            topic=question.topic,
            question=question.text,
            asked_on=timezone.localtime(question.created_at).date(),
            answer=answer_html(question.answer),
            answered_by=question.office_name,
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
    else:
        page = page.specific
        page.answer = answer_html(question.answer)
        page.answered_by = question.office_name
        page.topic = question.topic
    page.answered_on = timezone.localdate()
    page.save_revision(user=user, log_action=True)
    question.page = page
    question.status = QuestionStatus.ANSWERED
    question.save(update_fields=["page", "status", "updated_at"])
    workflow = page.get_workflow()
    if workflow is None:
        return _("The answer is saved as a draft page; publish it to close the question.")
    if page.workflow_in_progress:
        return _("The answer was updated; it is already waiting for approval.")
    workflow.start(page, user)
    return _("The answer was sent for approval; it is published when an approver approves it.")


def published(sender, instance, **kwargs):
    """The page of an answer went live: the question is answered and published, and the citizen is told."""
    question = Question.objects.filter(page=instance).select_related("site").first()
    if question is None or question.status == QuestionStatus.PUBLISHED:
        return
    question.close(QuestionStatus.PUBLISHED)
    question.save(update_fields=["status", "closed_at", "updated_at"])
    with override("vi"):
        queue_mail(
            question.email,
            _("Your question %(code)s has been answered") % {"code": question.code},
            _('The answer to your question "%(title)s" is published:\n%(url)s')
            % {"title": question.title, "url": instance.get_full_url()},
        )
