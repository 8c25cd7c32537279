"""Posting the citizens' forms as a person would: the form token of a form shown some seconds ago, the honeypot
empty, and (optionally) a solved proof of work, computed here with the ``altcha`` library the server verifies with."""

import base64
import json
import secrets
import time

from django.core import signing

import altcha

from portal import guard


def form_token(seconds_ago: float = 10, nonce: str | None = None) -> str:
    return signing.dumps(
        {"t": time.time() - seconds_ago, "n": nonce or secrets.token_urlsafe(12)}, salt=guard.TOKEN_SALT, compress=False
    )


def solved_proof(max_number: int = 2000) -> str:
    """A proof of work a browser would send: the challenge solved by brute force."""
    challenge = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(hmac_key=guard._key("portal.guard.proof"), max_number=max_number)
    )
    solution = altcha.solve_challenge_v1(challenge.challenge, challenge.salt, challenge.algorithm, max_number, 0)
    payload = {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "number": solution.number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


def guard_fields(seconds_ago: float = 10, *, proof: bool = False, nonce: str | None = None) -> dict:
    """The hidden fields of a citizens' form, as a person's browser sends them."""
    return {"form_token": form_token(seconds_ago, nonce), "website": "", "proof": solved_proof() if proof else ""}
