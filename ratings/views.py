"""The public side of "Was this page useful?": the answer, the thank-you page and the optional comment.

The question is part of every content page, which the page cache keeps and gives to anyone: so its form carries no
CSRF token and no cookie is ever set. An answer grants nothing and changes no one's data, and its address refuses
other sites' origins, bots, junk and floods instead (as the visitor counters' beacon does); the comment is tied to
its answer by a signed, one-time token. Without JavaScript the answer leads to the thank-you page, which offers the
comment form; with it (``portal.js``) both are sent in the background and answered with JSON.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from portal.guard import client_ip, within_limit
from portal.numbers import read_id, read_int
from ratings.forms import CommentForm
from ratings.models import RatingVote
from ratings.voting import attach_comment, read_token, record_vote
from visitors.counting import visitor_hash
from visitors.views import counted_site, is_bot

ANSWER_MAX_BYTES = 1024
# The token and 500 characters, each up to four bytes of UTF-8 and three characters of %-encoding each.
COMMENT_MAX_BYTES = 8192
TOKEN_PARAMETER = "ma"  # noqa: S105 - the name of a query parameter
AGAIN_PARAMETER = "lai"

MESSAGES = {
    "method": _("This address only receives answers sent from a page of the portal."),
    "length": _("The request could not be read."),
    "size": _("The answer is too long to be received."),
    "origin": _("Answers are only received from the portal's own pages."),
    "bot": _("Answers from automated programs are not counted."),
    "answer": _("The answer could not be read: choose “Yes” or “No” on the page."),
    "page": _("This page cannot be rated: it is not published on this portal."),
    "flood": _("Too many answers were sent from your network in the last hour. Please try again later."),
    "link": _("This link has expired or is not valid. Your answer, if you gave one, was counted."),
    "thanks": _("Thank you! Your answer has been counted."),
    "again": _("Thank you! Your answer for this page was already counted today."),
    "commented": _("Thank you, your comment was received."),
}


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def refuse(request, status: int, reason: str, message=None):
    """A clear answer to what cannot be taken: JSON for the script, a small page for a browser without it."""
    text = message or MESSAGES[reason]
    if wants_json(request):
        response = JsonResponse({"error": str(text), "reason": reason}, status=status)
    else:
        response = render(request, "ratings/refused.html", {"message": text}, status=status)
    if status == 405:
        response["Allow"] = "POST"
    return private(response)


def refusal(request, max_bytes: int):
    """What every post here is checked for before it is read: the method, the size, the origin and the sender."""
    if request.method != "POST":
        return refuse(request, 405, "method")
    declared = read_int(request.META.get("CONTENT_LENGTH") or "0")
    if declared is None:
        return refuse(request, 400, "length")
    if declared > max_bytes or len(request.body) > max_bytes:
        return refuse(request, 413, "size")
    origin = request.headers.get("Origin")
    if origin and origin.split("://", 1)[-1] != request.get_host():
        return refuse(request, 403, "origin")
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
        return refuse(request, 403, "origin")
    if is_bot(request.headers.get("User-Agent", "")[:1000]):
        return refuse(request, 403, "bot")
    return None


def thanks_url(token: str, again: bool = False) -> str:
    query = {TOKEN_PARAMETER: token, **({AGAIN_PARAMETER: "1"} if again else {})}
    return f"{reverse('ratings_thanks')}?{urlencode(query)}"


@csrf_exempt  # posted from cached pages, which carry no token; the origin check stands in for it
def answer(request):
    """ "Yes" or "No" for one page: counted once per visitor, page and day."""
    refused = refusal(request, ANSWER_MAX_BYTES)
    if refused:
        return refused
    page_id = read_id(request.POST.get("page"))
    useful = {"1": True, "0": False}.get(request.POST.get("useful", ""))
    if page_id is None or useful is None:
        return refuse(request, 400, "answer")
    site_id = counted_site(request, page_id)
    if site_id is None:
        return refuse(request, 404, "page")
    # One click and no text, once per visitor and page a day: the looser of the guard's two limits.
    if not within_limit(request, "ratings", proven=True):
        return refuse(request, 429, "flood")
    now = timezone.now()
    visitor = visitor_hash(client_ip(request), request.headers.get("User-Agent", ""), timezone.localtime(now).date())
    vote = record_vote(site_id, page_id, visitor, useful, now)
    if vote is None:
        return refuse(request, 404, "page")
    if wants_json(request):
        message = MESSAGES["thanks" if vote.counted else "again"]
        data = {"counted": vote.counted, "message": str(message), "token": "" if vote.commented else vote.token}
        return private(JsonResponse(data))
    return private(HttpResponseRedirect(thanks_url(vote.token, again=not vote.counted), status=303))


def thanks(request):
    """The page after an answer without JavaScript: thanks, the comment form, the way back."""
    if request.method not in ("GET", "HEAD"):
        response = refuse(request, 405, "method")
        response["Allow"] = "GET, HEAD"
        return response
    token = request.GET.get(TOKEN_PARAMETER, "")
    vote = vote_of(token)
    if vote is None:
        return refuse(request, 400, "link")
    form = None if vote.commented else CommentForm(initial={"token": token})
    again = request.GET.get(AGAIN_PARAMETER) == "1"
    return thanks_page(request, vote, form, MESSAGES["commented" if vote.commented else "again" if again else "thanks"])


def vote_of(token) -> RatingVote | None:
    vote_id = read_token(token)
    if vote_id is None:
        return None
    return RatingVote.objects.select_related("page").filter(pk=vote_id).first()


def thanks_page(request, vote, form, message, status=200):
    context = {
        "message": message,
        "form": form,
        "rated_page": vote.page,
        "rated_url": vote.page.get_url(request) or "/",
        "useful": vote.useful,
    }
    return private(render(request, "ratings/thanks.html", context, status=status))


@csrf_exempt  # the signed one-time token of the answer is what a forger cannot have
def comment(request):
    """The optional comment on an answer, through the answer's token."""
    refused = refusal(request, COMMENT_MAX_BYTES)
    if refused:
        return refused
    form = CommentForm(request.POST)
    vote = vote_of(form.data.get("token"))
    if vote is None:
        return refuse(request, 400, "token", CommentForm.token_messages["token"])
    if vote.commented:
        return refuse(request, 409, "used", CommentForm.token_messages["used"])
    if not within_limit(request, "ratings-comment", proven=False):
        return refuse(request, 429, "flood")
    if not form.is_valid():
        if wants_json(request):
            errors = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
            return private(JsonResponse({"error": " ".join(errors.get("text", [])), "errors": errors}, status=400))
        return thanks_page(request, vote, form, MESSAGES["thanks"], status=400)
    if attach_comment(vote.pk, form.cleaned_data["text"]) is None:
        return refuse(request, 409, "used", CommentForm.token_messages["used"])
    if wants_json(request):
        return private(JsonResponse({"message": str(MESSAGES["commented"])}))
    return private(HttpResponseRedirect(thanks_url(form.data["token"]), status=303))
