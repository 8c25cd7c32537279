"""The citizen's side of the questions section: the form to ask, and the status page of a tracking code."""

from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from wagtail.models import Site

from portal.guard import within_limit
from portal.models import PortalSettings
from questions.forms import AskForm, StatusForm
from questions.handling import receive
from questions.models import Question


def ask(index, request):
    """GET: the form. POST: the question stored once, then a redirect to its status page (so a reload cannot send
    it again); with errors, the form again with every value the citizen typed (a chosen file must be chosen again)."""
    site = Site.find_for_request(request)
    settings = PortalSettings.for_site(site)
    options = {"contact": settings.citizen_contact}
    if request.method == "POST":
        form = AskForm(request.POST, request.FILES, **options)
        if form.is_valid():
            already_sent = Question.objects.filter(submission_key=form.submission_key).exists()
            if not already_sent and not within_limit(request, "question", proven=form.proven):
                form.add_error(
                    None,
                    _(
                        "Too many questions have been sent from this connection in the last hour. "
                        "Please try again later; what you wrote is kept below."
                    ),
                )
            else:
                question, _new = receive(form, site)
                return HttpResponseRedirect(
                    f"{index.subpage_url('status', request=request)}?ma={question.code}&moi=1", status=303
                )
    else:
        form = AskForm(**options)
    response = index.render(
        request,
        template="questions/ask.html",
        context_overrides={
            "form": form,
            "retention_days": settings.personal_data_retention_days,
            "breadcrumb_trail": [(_("Ask a question"), index.subpage_url("ask", request=request))],
        },
    )
    add_never_cache_headers(response)
    return response


def status(index, request):
    """Where a question stands, by its tracking code; nothing personal is shown, and the answer is never cached."""
    form = StatusForm(request.GET or None)
    question = None
    not_found = False
    if form.is_bound and form.is_valid():
        question = (
            Question.objects.filter(code=form.cleaned_data["ma"], site=Site.find_for_request(request))
            .select_related("topic", "page")
            .first()
        )
        not_found = question is None
    response = index.render(
        request,
        template="questions/status.html",
        context_overrides={
            "form": form,
            "question": question,
            "not_found": not_found,
            "just_sent": request.GET.get("moi") == "1" and question is not None,
            "answer_url": question.page.get_url(request) if question and question.page and question.page.live else "",
            "breadcrumb_trail": [(_("Follow your question"), index.subpage_url("status", request=request))],
        },
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
