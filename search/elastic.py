"""Elasticsearch (or OpenSearch) for the public search, when ELASTICSEARCH_URL is set. Optional and never fatal.

The index folds Vietnamese on both sides (a char filter for đ/Đ, lowercase, asciifolding), and keeps a marked
sub-field so exact-diacritic matches can rank first. Requests time out quickly; when the server errors the search
answers from the database (search.service) and writing to the index is skipped with a log line: publishing never
waits on a dead server for more than the timeout.
"""

import logging

from django.conf import settings

from search.engines import Ranking

logger = logging.getLogger(__name__)

FOLDED = "vi_folded"
MARKED = "vi_marked"


class ElasticUnavailable(Exception):
    """The server could not be reached or answered with an error."""


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def index_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}search"


def index_body() -> dict:
    """Settings and mappings of the search index (also checked by tests without a server)."""
    folded_text = {"type": "text", "analyzer": FOLDED}
    return {
        "settings": {
            "number_of_shards": 1,
            "analysis": {
                "char_filter": {"vi_d": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}},
                "analyzer": {
                    FOLDED: {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["vi_d"],
                        "filter": ["lowercase", "asciifolding"],
                    },
                    MARKED: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "title": {**folded_text, "fields": {"marked": {"type": "text", "analyzer": MARKED}}},
                "number": {**folded_text, "fields": {"marked": {"type": "text", "analyzer": MARKED}}},
                "summary": {**folded_text, "fields": {"marked": {"type": "text", "analyzer": MARKED}}},
                "body": {**folded_text, "fields": {"marked": {"type": "text", "analyzer": MARKED}}},
                "kind": {"type": "keyword"},
                "path": {"type": "keyword"},
                "page": {"type": "long"},
                "shared": {"type": "boolean"},
                "date": {"type": "date"},
                "sort_key": {"type": "long"},
            },
        },
    }


def query_body(query, scope, size: int) -> dict:
    """One request: every word in some field; boosts for number, phrase, marks and title; scope as filters."""
    text = " ".join(query.terms)
    filters, excluded = [], []
    if scope.path and scope.shared_from:
        shared = {"bool": {"filter": [{"prefix": {"path": scope.shared_from}}, {"term": {"shared": True}}]}}
        filters.append({"bool": {"should": [{"prefix": {"path": scope.path}}, shared], "minimum_should_match": 1}})
    elif scope.path:
        filters.append({"prefix": {"path": scope.path}})
    if scope.hidden:
        excluded.append({"terms": {"page": list(scope.hidden)}})
    if scope.kind:
        filters.append({"term": {"kind": scope.kind}})
    if scope.date_from or scope.date_to:
        dates = {}
        if scope.date_from:
            dates["gte"] = scope.date_from.isoformat()
        if scope.date_to:
            dates["lte"] = scope.date_to.isoformat()
        filters.append({"range": {"date": dates}})
    should = [
        {"match": {"number": {"query": text, "operator": "and", "boost": 1000}}},
        {"match": {"title": {"query": text, "operator": "and", "boost": 10}}},
    ]
    if query.has_marks:
        should.append(
            {
                "multi_match": {
                    "query": " ".join(query.marked_terms),
                    "fields": ["title.marked", "number.marked", "summary.marked", "body.marked"],
                    "type": "cross_fields",
                    "operator": "and",
                    "boost": 50,
                }
            }
        )
    for phrase in query.phrases:
        fields = ["title", "summary", "body"]
        should.append({"multi_match": {"query": " ".join(phrase), "fields": fields, "type": "phrase", "boost": 200}})
    return {
        "size": size,
        "_source": False,
        "track_total_hits": True,
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": text,
                            "fields": ["title", "number", "summary", "body"],
                            "type": "cross_fields",
                            "operator": "and",
                        }
                    }
                ],
                "should": should,
                "filter": filters,
                "must_not": excluded,
            }
        },
        "sort": ["_score", {"sort_key": "desc"}],
        "docvalue_fields": ["sort_key"],
    }


def client():
    from elasticsearch import Elasticsearch

    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )


def _call(action, *args, **kwargs):
    from elasticsearch import ApiError, TransportError
    from elasticsearch.helpers import BulkIndexError

    try:
        return action(*args, **kwargs)
    except (ApiError, TransportError, BulkIndexError, OSError) as error:
        raise ElasticUnavailable(str(error)) from error


def ensure_index(es=None):
    es = es or client()
    if not _call(es.indices.exists, index=index_name()):
        _call(es.indices.create, index=index_name(), **index_body())


def rank(query, scope):
    es = client()
    response = _call(es.search, index=index_name(), **query_body(query, scope, size=2000))
    keys = [hit["fields"]["sort_key"][0] for hit in response["hits"]["hits"]]
    return Ranking(keys, response["hits"]["total"]["value"], "elasticsearch")


def document_source(document) -> dict:
    return {
        "title": document.title,
        "number": document.number,
        "summary": document.summary,
        "body": document.body,
        "kind": document.kind,
        "path": document.path,
        "page": document.page_id,
        "shared": document.shared,
        "date": document.date.isoformat() if document.date else None,
        "sort_key": document.sort_key,
    }


def store(documents):
    """Write documents to the index; on any server error, log and carry on (the database index is complete)."""
    if not is_configured():
        return
    from elasticsearch.helpers import bulk

    actions = [
        {"_index": index_name(), "_id": str(document.sort_key), "_source": document_source(document)}
        for document in documents
    ]
    if not actions:
        return
    try:
        es = client()
        ensure_index(es)
        _call(bulk, es, actions)
    except ElasticUnavailable:
        logger.warning("Elasticsearch is unavailable; the search index there will be updated by rebuild_search_index.")


def discard(sort_keys):
    if not is_configured() or not sort_keys:
        return
    try:
        es = client()
        for sort_key in sort_keys:
            _call(es.options(ignore_status=404).delete, index=index_name(), id=str(sort_key))
    except ElasticUnavailable:
        logger.warning("Elasticsearch is unavailable; stale entries stay until rebuild_search_index.")


def recreate_index():
    """Drop and create the index (rebuild_search_index); raises ElasticUnavailable when the server is down."""
    es = client()
    _call(es.indices.delete, index=index_name(), ignore_unavailable=True)
    _call(es.indices.create, index=index_name(), **index_body())
