"""The comment form of a draft (``<draft>/gop-y/``, a route of ``DraftPage``) and its thank-you page: stored once
whatever happens to the mail, a double click or a repeated post, then redirected (303) so that reloading sends nothing
again. Comments are reached through the draft (``draft.comments``), so this module needs no import of the models."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from consultations.enums import CommenterKind, DraftState
from consultations.forms import CommentForm
from portal.guard import within_limit
from portal.mail import queue_mail
from portal.models import BasePage, PortalSettings

logger = logging.getLogger(__name__)
LIMIT_SCOPE = "consultations"


def render(draft, request, template: str, context: dict, status: int = 200) -> TemplateResponse:
    """A page of the draft that is never cached: it carries a CSRF token, or answers one person."""
    page_context = BasePage.get_context(draft, request)
    comment_url = draft.comment_url(request)
    page_context.update(
        context,
        draft_url=draft.get_url(request),
        comment_url=comment_url,
        breadcrumb_trail=[(gettext("Send a comment"), comment_url)],
    )
    response = TemplateResponse(request, template, page_context, status=status)
    add_never_cache_headers(response)
    return response


def comment_form(draft, request):
    site = draft.get_site()
    portal_settings = PortalSettings.for_site(site)
    context = {"portal_settings": portal_settings, "retention_days": portal_settings.personal_data_retention_days}
    state = draft.get_state()
    if state != DraftState.OPEN:
        if request.method == "POST":
            context["refused"] = gettext("Comments on this draft are closed, so your comment was not sent.")
        return render(draft, request, "consultations/comment_form.html", {**context, "state": state})

    contact = portal_settings.citizen_contact
    if request.method != "POST":
        form = CommentForm(draft=draft, contact=contact)
        return render(draft, request, "consultations/comment_form.html", {**context, "form": form, "state": state})

    form = CommentForm(request.POST, draft=draft, contact=contact)
    if form.is_valid():
        if draft.comments.filter(submission_key=form.submission_key).exists():
            return thanks_redirect(draft, request)  # sent twice: the first one is stored already
        if within_limit(request, LIMIT_SCOPE, proven=form.proven):
            store_comment(draft, site, form, portal_settings)
            return thanks_redirect(draft, request)
        form.add_error(
            None,
            gettext(
                "Too many comments were sent from your connection in the last hour. "
                "Please keep your text and try again later."
            ),
        )
        status = 429
    else:
        status = 200
    return render(
        draft, request, "consultations/comment_form.html", {**context, "form": form, "state": state}, status=status
    )


def store_comment(draft, site, form, portal_settings):
    """The comment and the office's mail, in one transaction; the mail is sent after it commits (portal.mail)."""
    data = form.cleaned_data
    organisation = data["organisation"] if data["commenter_kind"] == CommenterKind.ORGANISATION else ""
    try:
        with transaction.atomic():
            comment = draft.comments.create(
                site=site,
                section=data.get("section"),
                commenter_kind=data["commenter_kind"],
                organisation=organisation,
                name=data["name"],
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                text=data["text"],
                submission_key=form.submission_key,
                proven=form.proven,
            )
            queue_mail(portal_settings.citizen_input_recipient, *office_mail(comment))
    except IntegrityError:
        # The same submission, sent twice at once, was stored by the other request.
        stored = draft.comments.filter(submission_key=form.submission_key).first()
        if stored is None:
            raise
        return stored
    return comment


def office_mail(comment) -> tuple[str, str]:
    """The drafting office's notice of a new comment: what was said and where to moderate it, without the
    commenter's contacts (they are in the admin)."""
    draft = comment.draft
    subject = gettext("New comment on the draft: %(title)s") % {"title": draft.title}
    section = str(comment.section) if comment.section else gettext("The whole draft (general comment)")
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("draft_comments:edit", args=[comment.pk])
    lines = [
        gettext("Draft: %(title)s") % {"title": draft.title},
        gettext("Part of the draft: %(section)s") % {"section": section},
        gettext("From: %(author)s") % {"author": comment.organisation or gettext("An individual")},
        "",
        comment.text,
        "",
        gettext("The comment is published once approved: %(url)s") % {"url": admin_url},
    ]
    return subject, "\n".join(lines)


def thanks_redirect(draft, request) -> HttpResponseRedirect:
    response = HttpResponseRedirect(draft.get_url(request) + draft.reverse_subpage("thanks").lstrip("/"))
    response.status_code = 303
    return response


def thanks(draft, request):
    return render(draft, request, "consultations/comment_thanks.html", {"state": draft.get_state()})
