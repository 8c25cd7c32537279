"""Spam protection of the citizens' forms (questions, comments on drafts, ratings), with no request to anyone else.

Four layers, each cheap for a person and costly for a bot:
- a signed form token (when the form was shown, and a one-off nonce): a post without one, an old one, or one sent
  sooner than GUARD_MIN_SECONDS after the form was shown is refused; the nonce is the submission's key, so a double click
  or a repeated post stores one submission;
- a honeypot field hidden from people (CSS, ``aria-hidden``, out of the tab order) that bots fill in;
- a proof of work in the ALTCHA format, solved by the browser (``portal.js``) and verified with the ``altcha``
  library; without JavaScript there is no proof and the form still works, under the tighter limit below;
- a limit per address and hour through the cache (the address itself is never stored, only a keyed hash).

The ALTCHA widget's own script is not used: it starts its workers from ``data:``/``blob:`` addresses and injects
styles, which the portal's Content-Security-Policy forbids; the solver in ``portal.js`` is a few lines.
"""

import datetime
import hashlib
import hmac
import json
import logging
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import altcha

from portal.cache import OUTAGE_ERRORS

logger = logging.getLogger(__name__)

TOKEN_SALT = "portal.guard.form-token"
MAX_AGE = datetime.timedelta(hours=3)
PROOF_EXPIRES = datetime.timedelta(hours=3)
# Submissions per address and hour, for each form: with a proof of work, and without one (no JavaScript).
LIMIT_WITH_PROOF = 20
LIMIT_WITHOUT_PROOF = 6
LIMIT_WINDOW_SECONDS = 3600


def client_ip(request) -> str:
    """The visitor's address: REMOTE_ADDR, or the one TRUSTED_PROXY_COUNT proxies in front of us report."""
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def _key(purpose: str) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), purpose.encode(), hashlib.sha256).digest()


def new_form_token() -> str:
    return signing.dumps({"t": time.time(), "n": secrets.token_urlsafe(12)}, salt=TOKEN_SALT, compress=False)


def new_challenge() -> dict:
    """A proof-of-work challenge for the browser: find the number whose SHA-256 with the salt is the challenge."""
    challenge = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            hmac_key=_key("portal.guard.proof"),
            max_number=settings.GUARD_PROOF_MAX_NUMBER,
            expires=timezone.now() + PROOF_EXPIRES,
        )
    )
    return challenge.to_dict()


def within_limit(request, scope: str, *, proven: bool) -> bool:
    """Count one submission of ``scope`` from the request's address; False once the hour's limit is passed.

    While the cache is unreachable the limit is not applied (the other layers still are): citizens are not turned
    away because Redis is down.
    """
    address = hmac.new(_key("portal.guard.address"), client_ip(request).encode(), hashlib.sha256).hexdigest()[:24]
    window = int(time.time() // LIMIT_WINDOW_SECONDS)
    key = f"guard:{scope}:{address}:{window}"
    limit = LIMIT_WITH_PROOF if proven else LIMIT_WITHOUT_PROOF
    try:
        cache.add(key, 0, LIMIT_WINDOW_SECONDS)
        count = cache.incr(key)
    except (ValueError, *OUTAGE_ERRORS):
        return True
    return count <= limit


class GuardedForm(forms.Form):
    """The hidden fields and checks every public submission form carries. Use as the first base of a form;
    ``submission_key`` and ``proven`` are set by ``clean()``."""

    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    proof = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    guard_messages = {
        "trap": _("This submission looks automated and was not accepted."),
        "token": _("The form has expired. Please check what you wrote and send it again."),
        "fast": _("The form was sent too quickly. Please check what you wrote and send it again."),
        "proof": _("The browser check failed. Please send the form again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission_key = ""
        self.proven = False
        # A fresh token and challenge for every form shown, the one sent back with errors too.
        self.fresh_token = new_form_token()
        self.challenge = new_challenge()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(self.guard_messages["trap"], code="trap")
        try:
            token = signing.loads(
                cleaned.get("form_token") or "", salt=TOKEN_SALT, max_age=MAX_AGE.total_seconds()
            )
            issued, nonce = float(token["t"]), str(token["n"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(self.guard_messages["token"], code="token") from None
        if time.time() - issued < settings.GUARD_MIN_SECONDS:
            raise forms.ValidationError(self.guard_messages["fast"], code="fast")
        proof = cleaned.get("proof") or ""
        if proof:
            verified, _error = altcha.verify_solution_v1(proof, _key("portal.guard.proof"), check_expires=True)
            if not verified:
                raise forms.ValidationError(self.guard_messages["proof"], code="proof")
            self.proven = True
        self.submission_key = hashlib.sha256(nonce.encode()).hexdigest()[:32]
        if proof and not self._first_use_of(proof):
            raise forms.ValidationError(self.guard_messages["proof"], code="proof")
        return cleaned

    def _first_use_of(self, proof: str) -> bool:
        """A solved challenge counts for one submission: the same one sent twice (a double click) passes, another
        submission with it does not."""
        key = "guard:proof:" + hashlib.sha256(proof.encode()).hexdigest()[:32]
        try:
            cache.add(key, self.submission_key, PROOF_EXPIRES.total_seconds())
            return cache.get(key, self.submission_key) == self.submission_key
        except OUTAGE_ERRORS:
            return True

    @property
    def guard(self) -> dict:
        """What ``includes/guard_fields.html`` renders: ``{% include "includes/guard_fields.html" with form=form %}``."""
        return {"form_token": self.fresh_token, "challenge": json.dumps(self.challenge)}
