"""Full-text engines behind the public search: the same questions answered by SQLite FTS5 or PostgreSQL.

Every engine stores folded words (and, for titles and summaries, the marked words) for each SearchDocument, keyed
by its sort key, and answers "which sort keys match these words in these fields", newest first. Ranking is the
same for all engines and lives in search/ranking.py. Words arrive already folded and split (search/folding.py),
so no engine's own tokenizer or accent rules matter, and no visitor text is ever parsed as query syntax.
"""

from dataclasses import dataclass

from django.db import connection

from search.folding import fold, lower_marked, words

CANDIDATE_LIMIT = 500
FIELDS = ("title", "number", "summary", "body")


@dataclass(frozen=True)
class Scope:
    """Where to look: under one site's root (everywhere when empty), optionally one kind and a date range; for a
    component portal also what the province under ``shared_from`` shares with it, but for the pages it ``hidden``."""

    path: str = ""
    kind: str = ""
    date_from: object = None
    date_to: object = None
    shared_from: str = ""
    hidden: tuple[int, ...] = ()


class ScopeClauses:
    """The scope as SQL conditions on the table an engine filters, joined with AND; every value a parameter. An
    engine says how to test a path prefix, a day and a set of sort keys on its table; an engine that filters
    search_searchdocument itself (``on_documents``) tests the shared mark and the pages on the row, which lets the
    planner use their indexes (a set of sort keys from a subquery it can only test row by row)."""

    def __init__(self, under, day_column, keys_in, on_documents=False):
        self.under, self.day_column, self.keys_in = under, day_column, keys_in
        self.on_documents = on_documents

    def where(self, scope) -> tuple[str, list]:
        clauses, params = [], []

        def add(clause, *values):
            clauses.append(clause)
            params.extend(values)

        if scope.path and scope.shared_from:
            own, own_params = self.under(scope.path)
            theirs, their_params = self.under(scope.shared_from)
            shared = "SELECT sort_key FROM search_searchdocument WHERE shared"
            shared = "shared" if self.on_documents else self.keys_in(shared)
            add(f"({own} OR ({theirs} AND {shared}))", *own_params, *their_params)
        elif scope.path:
            own, own_params = self.under(scope.path)
            add(own, *own_params)
        if scope.hidden:
            marks = ", ".join(["%s"] * len(scope.hidden))  # placeholders only; the ids travel as parameters
            if self.on_documents:
                add(f"page_id NOT IN ({marks})", *scope.hidden)
            else:
                add("NOT " + self.keys_in(f"SELECT sort_key FROM search_searchdocument WHERE page_id IN ({marks})"))  # noqa: S608
                params.extend(scope.hidden)
        if scope.kind:
            add("kind = %s", scope.kind)
        if scope.date_from:
            add(self.day_column + " >= %s", scope.date_from)
        if scope.date_to:
            add(self.day_column + " <= %s", scope.date_to)
        return "".join(f" AND {clause}" for clause in clauses), params


@dataclass
class Ranking:
    """What an engine answers: sort keys best first, how many match, which engine answered."""

    keys: list[int]
    total: int
    engine: str
    more: bool = False  # more documents match than were ranked: the total is a lower bound


def folded_words(text: str) -> str:
    return " ".join(words(fold(text)))


def marked_words(document) -> str:
    """All the document's words with their marks, for ranking exact-diacritic matches first."""
    text = " ".join([document.title, document.number, document.summary, document.body])
    return " ".join(words(lower_marked(text)))


class SqliteEngine:
    """An FTS5 table (search_fts, created by search migration 0002) whose rowid is the document's sort key."""

    def store(self, document):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [document.sort_key])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, number, summary, body, marked, kind, path, day) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    document.sort_key,
                    folded_words(document.title),
                    folded_words(document.number),
                    folded_words(document.summary),
                    folded_words(document.body),
                    marked_words(document),
                    document.kind,
                    document.path,
                    document.date.isoformat() if document.date else "",
                ],
            )

    def discard(self, sort_keys):
        with connection.cursor() as cursor:
            for sort_key in sort_keys:
                cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [sort_key])

    def follow_paths(self, sort_keys):
        """Copy the rows' tree paths (changed by a move) into the FTS table; ``sort_keys`` is a queryset of them."""
        keys_sql, keys_params = sort_keys.query.sql_with_params()
        copy = "UPDATE search_fts SET path = (SELECT path FROM search_searchdocument WHERE sort_key = search_fts.rowid)"
        with connection.cursor() as cursor:
            # ``keys_sql`` is Django's own SQL for the queryset; its values travel as parameters.
            cursor.execute(f"{copy} WHERE rowid IN ({keys_sql})", keys_params)

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    @staticmethod
    def expression(columns, terms, phrases=(), prefix_last=False):
        quoted = [f'"{term}"' for term in terms]
        if prefix_last and quoted:
            quoted[-1] += "*"
        quoted += ['"' + " ".join(phrase) + '"' for phrase in phrases]
        return "{" + " ".join(columns) + "} : (" + " AND ".join(quoted) + ")"

    def _where(self, scope):
        def under(path):
            return "substr(path, 1, %s) = %s", [len(path), path]

        # Days are ISO text in the FTS table ('' for none); a date bound must not let the empty day through.
        where, params = ScopeClauses(under, "day != '' AND day", lambda keys: f"rowid IN ({keys})").where(scope)
        return where, [value.isoformat() if hasattr(value, "isoformat") else value for value in params]

    def match(self, columns, terms, scope, phrases=(), prefix_last=False, limit=CANDIDATE_LIMIT) -> list[int]:
        if not terms and not phrases:
            return []
        where, params = self._where(scope)
        # ``where`` holds only fixed clauses with placeholders; every value travels as a parameter.
        sql = f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s{where} ORDER BY rowid DESC LIMIT %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.expression(columns, terms, phrases, prefix_last), *params, limit])
            return [row[0] for row in cursor.fetchall()]

    def among(self, keys, columns, terms, phrases=()) -> list[int]:
        """Which of the sort keys ``keys`` match (in no order)."""
        if not keys or (not terms and not phrases):
            return []
        marks = ", ".join(["%s"] * len(keys))  # placeholders only; the keys travel as parameters
        sql = f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid IN ({marks})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.expression(columns, terms, phrases), *keys])
            return [row[0] for row in cursor.fetchall()]

    def pages_matching(self, terms, phrases=(), kind="") -> tuple[str, list]:
        """SQL (and its parameters) selecting the ids of pages with every word, for ``id IN (…)`` in a listing."""
        return (
            # The kind is tested on the indexed table: on the FTS table it would be read row by row.
            "SELECT page_id FROM search_searchdocument WHERE kind = %s AND sort_key IN "
            "(SELECT rowid FROM search_fts WHERE search_fts MATCH %s)",
            [kind, self.expression(FIELDS, terms, phrases)],
        )


class PostgresEngine:
    """tsvector columns on search_searchdocument ('simple' configuration over already folded words), GIN-indexed.

    Fields are told apart by weight: title A, number B, summary C, body D.
    """

    WEIGHTS = {"title": "A", "number": "B", "summary": "C", "body": "D"}
    HEADING = ("title", "number")
    # Rows read newest first, and at most read more that way, before asking the GIN index instead (see ``match``).
    WINDOW = 4 * CANDIDATE_LIMIT
    MAX_WALK = 16 * WINDOW

    def store(self, document):
        def weighted(fields):
            return " || ".join(f"setweight(to_tsvector('simple', %s), '{self.WEIGHTS[field]}')" for field in fields)

        values = [folded_words(getattr(document, field)) for field in self.WEIGHTS]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_searchdocument SET folded_vector = {weighted(self.WEIGHTS)}, "  # noqa: S608 - weights are constants
                f"heading_vector = {weighted(self.HEADING)}, number_vector = to_tsvector('simple', %s), "
                "marked_vector = to_tsvector('simple', %s) WHERE id = %s",
                [*values, *values[: len(self.HEADING)], values[1], marked_words(document), document.pk],
            )

    def discard(self, sort_keys):
        """Rows go with their SearchDocument; nothing else to remove."""

    def follow_paths(self, sort_keys):
        """The paths live in the rows themselves."""

    def clear(self):
        """Rows go with their SearchDocuments."""

    def tsquery(self, columns, terms, phrases=(), prefix_last=False) -> str:
        """A tsquery of quoted words: all of ``terms`` (limited to the fields' weights) and each phrase."""
        weights = "".join(self.WEIGHTS[column] for column in columns if column in self.WEIGHTS)
        label = weights if len(weights) < len(self.WEIGHTS) else ""
        parts = []
        for index, term in enumerate(terms):
            modifiers = ("*" if prefix_last and index == len(terms) - 1 else "") + label
            parts.append(f"'{term}'" + (f":{modifiers}" if modifiers else ""))
        parts += ["(" + " <-> ".join(f"'{word}'" for word in phrase) + ")" for phrase in phrases]
        return " & ".join(parts)

    def _where(self, scope):
        def under(path):
            return "path LIKE %s", [path.replace("%", "").replace("_", "") + "%"]

        return ScopeClauses(under, "date", lambda keys: f"sort_key IN ({keys})", on_documents=True).where(scope)

    def _vector(self, columns):
        """The vector that holds exactly ``columns`` (no weight to check row by row), else the whole text's."""
        if columns == ("marked",):
            return "marked_vector"
        if columns == ("number",):
            return "number_vector"
        return "heading_vector" if set(columns) == set(self.HEADING) else "folded_vector"

    def match(self, columns, terms, scope, phrases=(), prefix_last=False, limit=CANDIDATE_LIMIT) -> list[int]:
        """The newest ``limit`` matches, in steps whose cost follows the matches, not the index's size.

        First the newest WINDOW rows of the scope are read in key order and checked (a common word finds its matches
        there; a narrow scope, a commune's portal among 150, is often read whole, from the path index). If
        they hold too few, the share they held tells how many more rows would hold the rest: when that is at most
        MAX_WALK rows, those are read the same way; otherwise (or if still short) the GIN index gives the older rows
        with every word, which are few when the words are rare. Left to itself the planner takes one plan or the
        other from its estimate of how common the words are, which a field weight or a phrase makes blind: at
        100,000 articles it walked all 155,000 rows (1.3 s) for a common phrase in the number field, which no row
        held (docs/performance.md)."""
        if not terms and not phrases:
            return []
        where, params = self._where(scope)
        vector = self._vector(columns)
        query = self.tsquery(() if vector != "folded_vector" else columns, terms, phrases, prefix_last)
        with connection.cursor() as cursor:

            def walk(below, rows, wanted):
                """Matches among the ``rows`` newest rows of the scope below key ``below``, and the oldest key read
                (None when fewer rows were left)."""
                window = "sort_key IS NOT NULL" + (" AND sort_key < %s" if below else "") + where
                bound = [below, *params] if below else params
                cursor.execute(
                    f"SELECT sort_key FROM (SELECT sort_key, {vector} FROM search_searchdocument "  # noqa: S608
                    f"WHERE {window} ORDER BY sort_key DESC LIMIT %s) newest "
                    f"WHERE {vector} @@ to_tsquery('simple', %s) ORDER BY sort_key DESC LIMIT %s",
                    [*bound, rows, query, wanted],
                )
                found = [row[0] for row in cursor.fetchall()]
                cursor.execute(
                    f"SELECT min(sort_key), count(*) FROM (SELECT sort_key FROM search_searchdocument "  # noqa: S608
                    f"WHERE {window} ORDER BY sort_key DESC LIMIT %s) newest",
                    [*bound, rows],
                )
                oldest, read = cursor.fetchone()
                return found, (oldest if read == rows else None)

            found, oldest = walk(None, self.WINDOW, limit)
            if len(found) < limit and oldest is not None and found:
                needed = -(-(limit - len(found)) * self.WINDOW * 5 // (len(found) * 4))  # at the share seen, +25 %
                if needed <= self.MAX_WALK:
                    more, oldest = walk(oldest, needed, limit - len(found))
                    found += more
            if len(found) < limit and oldest is not None:
                # MATERIALIZED keeps the planner from walking the key index again for ORDER BY … LIMIT.
                cursor.execute(
                    f"WITH older AS MATERIALIZED (SELECT sort_key FROM search_searchdocument "  # noqa: S608
                    f"WHERE {vector} @@ to_tsquery('simple', %s){where} AND sort_key < %s) "
                    f"SELECT sort_key FROM older ORDER BY sort_key DESC LIMIT %s",
                    [query, *params, oldest, limit - len(found)],
                )
                found += [row[0] for row in cursor.fetchall()]
            return found

    def among(self, keys, columns, terms, phrases=()) -> list[int]:
        """Which of the sort keys ``keys`` match (in no order): each row is found by its key, so the cost follows
        the number of keys, not the index's size nor how common the words are."""
        if not keys or (not terms and not phrases):
            return []
        vector = self._vector(columns)
        query = self.tsquery(() if vector != "folded_vector" else columns, terms, phrases)
        with connection.cursor() as cursor:
            # MATERIALIZED: the rows are read by their keys first. Offered the words too, the planner may ask the
            # GIN index for every row holding them, which for a phrase of common words is most of the index.
            cursor.execute(
                f"WITH candidates AS MATERIALIZED (SELECT sort_key, {vector} FROM search_searchdocument "  # noqa: S608
                f"WHERE sort_key = ANY(%s)) SELECT sort_key FROM candidates "
                f"WHERE {vector} @@ to_tsquery('simple', %s)",
                [list(keys), query],
            )
            return [row[0] for row in cursor.fetchall()]

    def pages_matching(self, terms, phrases=(), kind="") -> tuple[str, list]:
        """SQL (and its parameters) selecting the ids of pages with every word, for ``id IN (…)`` in a listing."""
        return (
            "SELECT page_id FROM search_searchdocument WHERE folded_vector @@ to_tsquery('simple', %s) AND kind = %s",
            [self.tsquery((), terms, phrases), kind],
        )


def database_engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()
