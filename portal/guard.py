"""Spam protection of the citizens' forms (questions, comments on drafts, ratings), with no request to anyone else.

Four layers, each cheap for a person and costly for a bot:
- a signed form token (when the form was shown, and a one-off nonce): a post without one, an old one, or one
  sent sooner than GUARD_MIN_SECONDS after the form was shown is refused; the nonce is the submission's key, so a
  double click or a repeated post stores one submission;
- a honeypot field hidden from people (CSS, ``aria-hidden``, out of the tab order) that bots fill in;
- a proof of work in the ALTCHA format, solved by the browser (``portal.js``) and verified with the ``altcha``
  library; without JavaScript there is no proof and the form still works, under the tighter limit below;
- a limit per address and hour through the cache (the address itself is never stored, only a keyed hash), and
  for posts without the proof a limit per portal and hour as well.

The ALTCHA widget's own script is not used: it starts its workers from ``data:``/``blob:`` addresses and injects
styles, which the portal's Content-Security-Policy forbids; the solver in ``portal.js`` is a few lines.
"""

import datetime
import hashlib
import hmac
import json
import logging
import re
import secrets
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import altcha

from portal.cache import OUTAGE_ERRORS

logger = logging.getLogger(__name__)

TOKEN_SALT = "portal.guard.form-token"  # noqa: S105 - a signing salt, not a secret
MAX_AGE = datetime.timedelta(hours=3)
PROOF_EXPIRES = datetime.timedelta(hours=3)
# Submissions per address and hour, for each form: with a proof of work, and without one (no JavaScript).
LIMIT_WITH_PROOF = 20
LIMIT_WITHOUT_PROOF = 6
# Submissions without a proof, per portal (host) and hour, from all addresses together.
LIMIT_WITHOUT_PROOF_PER_HOST = 30
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
    """Count one submission of ``scope`` from the request's address; False once the hour's limit is passed. Without
    a proof of work there is also a limit for the whole portal (host), so that a patient bot spread over many
    addresses stores at most that many an hour without running the browser check.

    While the cache is unreachable the limits are not applied (the other layers still are): citizens are not turned
    away because Redis is down.
    """
    address = hmac.new(_key("portal.guard.address"), client_ip(request).encode(), hashlib.sha256).hexdigest()[:24]
    window = int(time.time() // LIMIT_WINDOW_SECONDS)
    counters = [(f"guard:{scope}:{address}:{window}", LIMIT_WITH_PROOF if proven else LIMIT_WITHOUT_PROOF)]
    if not proven:
        counters.append((f"guard:{scope}:host:{request.get_host()}:{window}", LIMIT_WITHOUT_PROOF_PER_HOST))
    try:
        for key, _limit in counters:
            cache.add(key, 0, LIMIT_WINDOW_SECONDS)
        counts = [cache.incr(key) for key, _limit in counters]
    except (ValueError, *OUTAGE_ERRORS):
        return True
    return all(count <= limit for count, (_key_name, limit) in zip(counts, counters, strict=True))


# Characters a person cannot type into a form: C0 and C1 controls other than tab and line breaks, and the invisible
# direction overrides used to disguise text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class PlainTextField(forms.CharField):
    """Text a citizen types: kept as plain text (markup is shown as typed, never run), in Unicode NFC, refused with
    a reason when it holds control characters or is too long (the message says how long it is)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault(
            "max_length",
            _("Please shorten this to %(limit_value)d characters or fewer (it has %(show_value)d)."),
        )
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value) if value else value

    def validate(self, value):
        super().validate(value)
        if value and CONTROL_CHARACTERS.search(value):
            raise forms.ValidationError(
                _("This text holds invisible control characters; please type or paste it again."), code="control"
            )


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
            token = signing.loads(cleaned.get("form_token") or "", salt=TOKEN_SALT, max_age=MAX_AGE.total_seconds())
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
        """What ``{% include "includes/guard_fields.html" with form=form %}`` renders."""
        return {"form_token": self.fresh_token, "challenge": json.dumps(self.challenge)}
