"""Elasticsearch is optional and never fatal: the index folds on both sides, and a dead server falls back to the
database. Tests against a live server run only when ELASTICSEARCH_URL is set."""

import logging
import os

from wagtail.models import Site

import pytest

from news.models import NewsArticlePage
from search import elastic
from search.engines import Scope
from search.query import parse
from search.service import rank

CLOSED_PORT = "http://127.0.0.1:9"


def test_index_folds_vietnamese_on_both_sides():
    body = elastic.index_body()
    analysis = body["settings"]["analysis"]
    folded = analysis["analyzer"][elastic.FOLDED]
    assert folded["char_filter"] == ["vi_d"]
    assert analysis["char_filter"]["vi_d"]["mappings"] == ["đ => d", "Đ => D"]
    assert folded["filter"] == ["lowercase", "asciifolding"]
    marked = analysis["analyzer"][elastic.MARKED]
    assert "asciifolding" not in marked["filter"]
    for field in ("title", "number", "summary", "body"):
        mapping = body["mappings"]["properties"][field]
        # No separate search_analyzer: the query is folded by the same analyzer as the index.
        assert mapping["analyzer"] == elastic.FOLDED and "search_analyzer" not in mapping
        assert mapping["fields"]["marked"]["analyzer"] == elastic.MARKED


def test_query_requires_every_word_and_boosts_number_phrase_marks_and_title():
    query = parse('"an toàn giao thông" 12/2023/QĐ-UBND')
    body = elastic.query_body(query, Scope(path="0001", kind="news"), size=50)
    must = body["query"]["bool"]["must"][0]["multi_match"]
    assert must["operator"] == "and"
    boosts = {clause_key(clause): clause for clause in body["query"]["bool"]["should"]}
    assert {"match:number", "match:title", "multi_match:cross_fields", "multi_match:phrase"} <= set(boosts)
    assert {"prefix": {"path": "0001"}} in body["query"]["bool"]["filter"]
    assert {"term": {"kind": "news"}} in body["query"]["bool"]["filter"]


def test_a_component_portals_scope_adds_what_the_province_shares_but_what_it_hid():
    body = elastic.query_body(parse("tuyen dung"), Scope(path="00010002", shared_from="00010001", hidden=(7, 9)), 20)
    query = body["query"]["bool"]
    shared = {"bool": {"filter": [{"prefix": {"path": "00010001"}}, {"term": {"shared": True}}]}}
    assert query["filter"] == [
        {"bool": {"should": [{"prefix": {"path": "00010002"}}, shared], "minimum_should_match": 1}}
    ]
    assert query["must_not"] == [{"terms": {"page": [7, 9]}}]
    mapping = elastic.index_body()["mappings"]["properties"]
    assert mapping["shared"] == {"type": "boolean"} and mapping["page"] == {"type": "long"}


def clause_key(clause):
    kind = next(iter(clause))
    return f"{kind}:{clause[kind].get('type', '')}" if kind == "multi_match" else f"{kind}:{next(iter(clause[kind]))}"


@pytest.mark.django_db
def test_dead_server_falls_back_to_the_database(client, settings, caplog):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    site = Site.objects.get(is_default_site=True)
    with caplog.at_level(logging.WARNING, logger="search.service"):
        ranking = rank(parse("dua hau"), Scope(path=site.root_page.path))
    assert ranking.engine == "database"
    assert ranking.keys
    assert "Elasticsearch did not answer" in caplog.text
    response = client.get("/tim-kiem/", {"q": "dua hau"})
    assert response.status_code == 200
    assert response.context["results"].hits


@pytest.mark.django_db
def test_publishing_carries_on_when_the_server_is_down(settings, caplog):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    article = NewsArticlePage.objects.get(slug="gia-loc-dot-pha-cai-cach-hanh-chinh-2023")
    article.title = "Gia Lộc tạo đột phá mới trong cải cách hành chính"
    with caplog.at_level(logging.WARNING, logger="search.elastic"):
        article.save_revision().publish()
    assert "Elasticsearch is unavailable" in caplog.text
    site = Site.objects.get(is_default_site=True)
    keys = rank(parse("dot pha moi"), Scope(path=site.root_page.path)).keys
    assert keys, "the database index was updated all the same"


live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch (ELASTICSEARCH_URL)"
)


@live
@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_server_answers_folded_queries(settings):
    from search import indexer

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = "portal_test_"
    indexer.rebuild()
    elastic.client().indices.refresh(index=elastic.index_name())
    site = Site.objects.get(is_default_site=True)
    for query in ["dua hau", "DUA HAU", "dưa hấu"]:
        ranking = rank(parse(query), Scope(path=site.root_page.path))
        assert ranking.engine == "elasticsearch"
        assert ranking.keys
