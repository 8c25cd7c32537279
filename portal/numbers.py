"""Numbers read from requests: the one way to read an id, a page number or a count from a path, a query parameter or
a body.

A request can carry any number: ``99999999999999999999`` in a path, ``1e400`` or ``Infinity`` in a JSON body (which
Python reads as an infinite float), ``²`` or ``１２`` (digits to ``str.isdigit``; ``int()`` refuses the first and
reads the second). Every database the portal runs on keeps ids as signed 64-bit integers, and SQLite refuses a
larger number with an ``OverflowError`` where a lookup through a foreign key meets it. So a number is read here, as
ASCII digits within bounds, before it reaches a query; anything else is "no number", which the caller answers with a
404 (a path) or a clear 400 (a parameter or a body).

Paths use the ``id`` converter (``<id:notice_id>``): registered when the portal app is imported, before any model
declares its routes.
"""

from django.db import connection

MAX_ID = 2**63 - 1  # the largest BigAutoField / bigint every supported database stores
MAX_DIGITS = len(str(MAX_ID))


def read_int(value, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """``value`` as an int within ``minimum``–``maximum``, or None.

    Accepts an int (not a bool) or text of ASCII digits with an optional sign and surrounding spaces; refuses
    floats (``1.5``, ``1e400``, infinities, NaN), other scripts' digits and anything longer than any bound can be.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        digits = text.removeprefix("-").removeprefix("+") if text[:1] in "+-" else text
        if not (digits.isascii() and digits.isdigit()) or len(digits) > MAX_DIGITS:
            return None
        number = int(text)
    else:
        return None
    return number if minimum <= number <= maximum else None


def read_id(value) -> int | None:
    """A database id (1 or more, within 64 bits), or None."""
    return read_int(value, minimum=1)


def field_bounds(field) -> tuple[int, int] | None:
    """The values an integer field can hold on this database, or None for other fields. A relation (a foreign key,
    many-to-many, a reverse relation) is filtered by the related rows' ids and takes those ids' bounds."""
    while field is not None and field.is_relation:
        if field.concrete and (field.many_to_one or field.one_to_one):
            field = field.target_field  # a foreign key, or a child page's link to its parent row
        else:
            related = field.related_model
            field = related._meta.pk if related else None  # a generic relation has no single model
    if field is None:
        return None
    internal_type = field.get_internal_type()
    if "Integer" not in internal_type and "AutoField" not in internal_type:
        return None
    low, high = connection.ops.integer_field_range(internal_type)
    return (-MAX_ID - 1 if low is None else low, MAX_ID if high is None else high)


class IdConverter:
    """``<id:name>`` in a URL: 1 to 19 ASCII digits within 64 bits, else the route does not match (a 404)."""

    regex = f"[0-9]{{1,{MAX_DIGITS}}}"

    def to_python(self, value: str) -> int:
        number = read_id(value)
        if number is None:
            raise ValueError(value)  # Django then tries the next route, and answers 404 if none matches
        return number

    def to_url(self, value) -> str:
        return str(value)
