"""News: the news section, its categories and articles."""

from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.db import models
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from anyascii import anyascii

from news.feeds import NewsFeed
from news.forms import NewsArticleForm
from pagecache import fragments
from portal.alt_text import ALT_TEXT_HELP, require_alt_text
from portal.api_fields import (
    NameSlugListField,
    NameSlugSerializer,
    RelatedPageListField,
    SafeImageRenditionField,
)
from portal.blocks import BodyBlock
from portal.images import rendition_or_none
from portal.models import BasePage, PortalSettings, RoutableSectionPage, SharedWithComponents, share_panel
from portal.pagination import MAX_PAGES, paginate
from portal.sharing import in_sections_q
from search.enums import SearchKind
from visitors.reading import read_count


class NewsCategory(models.Model):
    """A topic editors file articles under, e.g. "Cải cách hành chính"; each has its own listing."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text=_("Used in the address, e.g. cai-cach-hanh-chinh"),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in menus.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class NewsArticleQuerySet(PageQuerySet):
    def for_listing(self, site=None):
        """Articles a citizen may see, newest first, with what listings show and without the body: of ``site``'s
        news section if given."""
        articles = self.live().public().defer_streamfields()
        if site is not None:
            articles = articles.filter(in_sections_q(site))
        return (
            articles.select_related("feature_image", "primary_category")
            .prefetch_related("feature_image__renditions")
            .order_by(models.F("display_date").desc(nulls_last=True), "-pk")
        )


NewsArticleManager = PageManager.from_queryset(NewsArticleQuerySet)


@dataclass
class Listing:
    """What a news listing shows: its heading, introduction, feed and the trail after the news section's crumb."""

    title: str
    intro: str = ""
    feed_url: str = ""
    crumbs: list = field(default_factory=list)
    year: int | None = None


class NewsIndexPage(RoutableSectionPage):
    """The news section ("Tin tức"): every article lives below it. Lists all news, per category, per keyword and per
    month, each with its RSS feed."""

    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def get_articles(self):
        return NewsArticlePage.objects.for_listing().descendant_of(self)

    @path("", name="all")
    def all_articles(self, request):
        listing = Listing(title=self.title, intro=self.intro, feed_url=self.subpage_url("feed", request=request))
        return self.render_listing(request, self.get_articles(), listing)

    @path("rss/", name="feed")
    def feed(self, request):
        return NewsFeed()(request, index=self, category=None)

    @path("chuyen-muc/<slug:category_slug>/", name="category")
    def category_articles(self, request, category_slug):
        category = get_object_or_404(NewsCategory, slug=category_slug)
        url = self.subpage_url("category", category.slug, request=request)
        listing = Listing(
            title=category.name,
            intro=category.description,
            feed_url=self.subpage_url("category_feed", category.slug, request=request),
            crumbs=[(category.name, url)],
        )
        return self.render_listing(request, self.get_articles().filter(categories=category), listing)

    @path("chuyen-muc/<slug:category_slug>/rss/", name="category_feed")
    def category_feed(self, request, category_slug):
        return NewsFeed()(request, index=self, category=get_object_or_404(NewsCategory, slug=category_slug))

    @path("the/<slug:tag_slug>/", name="tag")
    def tag_articles(self, request, tag_slug):
        tag = get_object_or_404(NewsTag, slug=tag_slug)
        title = gettext("Keyword: %(tag)s") % {"tag": tag.name}
        listing = Listing(title=title, crumbs=[(title, self.subpage_url("tag", tag.slug, request=request))])
        return self.render_listing(request, self.get_articles().filter(tags=tag), listing)

    @path("<id:year>/", name="year")
    def year_articles(self, request, year):
        start, end = archive_range(year)
        title = gettext("News of %(year)d") % {"year": year}
        listing = Listing(title=title, crumbs=[(str(year), self.subpage_url("year", year, request=request))], year=year)
        return self.render_listing(
            request, self.get_articles().filter(display_date__gte=start, display_date__lt=end), listing
        )

    @path("<id:year>/<id:month>/", name="month")
    def month_articles(self, request, year, month):
        start, end = archive_range(year, month)
        title = gettext("News of %(month)02d/%(year)d") % {"month": month, "year": year}
        listing = Listing(
            title=title,
            crumbs=[
                (str(year), self.subpage_url("year", year, request=request)),
                (f"{month:02d}/{year}", self.subpage_url("month", year, month, request=request)),
            ],
            year=year,
        )
        return self.render_listing(
            request, self.get_articles().filter(display_date__gte=start, display_date__lt=end), listing
        )

    @classmethod
    def category_subpath(cls, category) -> str:
        return cls.get_resolver().reverse("category", category.slug)

    def url_for_category(self, category=None, request=None) -> str:
        """The address of the listing of one category, or of all news."""
        return self.subpage_url("category", category.slug, request=request) if category else self.get_url(request)

    def get_archive(self, request, active_year=None):
        """Years with their article counts and addresses, newest first; the months of the active (or newest) year.
        Counting every article by month is the one question of a listing that grows with the archive: its answer is
        kept as a fragment until the next change to the portal's content."""
        host = request.get_host() if request else ""
        return fragments.cached(
            "news-archive", lambda: self.build_archive(request, active_year), self.pk, active_year, host
        )

    def build_archive(self, request, active_year=None):
        rows = (
            NewsArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .exclude(display_date__isnull=True)
            .annotate(month=TruncMonth("display_date"))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("-month")
        )
        base_url = self.get_url(request)
        years = {}
        for row in rows:
            month = timezone.localtime(row["month"]) if timezone.is_aware(row["month"]) else row["month"]
            years.setdefault(month.year, []).append(
                {
                    "label": f"{month.month:02d}/{month.year}",
                    "count": row["count"],
                    "url": f"{base_url}{month.year}/{month.month:02d}/",
                }
            )
        active_year = active_year if active_year in years else next(iter(years), None)
        return [
            {
                "year": year,
                "url": f"{base_url}{year}/",
                "count": sum(month["count"] for month in months),
                "months": months if year == active_year else [],
            }
            for year, months in years.items()
        ]

    def render_listing(self, request, articles, listing):
        return self.render(
            request,
            context_overrides={
                "articles": paginate(request, articles, LISTING_PAGE_SIZE, max_pages=MAX_PAGES),
                "listing": listing,
                "archive": self.get_archive(request, listing.year),
                "feed_url": listing.feed_url or self.subpage_url("feed", request=request),
            },
        )


def archive_range(year: int, month: int | None = None):
    """The start and end (local time) of a year or month of the archive; impossible dates are a 404, not an error."""
    if not 1900 <= year <= 2200 or (month is not None and not 1 <= month <= 12):
        raise Http404
    zone = timezone.get_current_timezone()
    if month is None:
        return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)
    following = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=zone)
    return datetime(year, month, 1, tzinfo=zone), following


class NewsTag(TagBase):
    """A free keyword on articles ("từ khóa"), addressed in ASCII: "Cải cách hành chính" → cai-cach-hanh-chinh."""

    free_tagging = True

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")

    def slugify(self, tag, i=None):
        slug = slugify(anyascii(tag)) or "tu-khoa"
        return f"{slug}-{i}" if i is not None else slug


class NewsArticleTag(ItemBase):
    tag = models.ForeignKey(NewsTag, related_name="tagged_articles", on_delete=models.CASCADE)
    content_object = ParentalKey("news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


# The feature image's rendition in the open-data API: the size of the social card and the structured data.
API_IMAGE_SPEC = "fill-1200x630"
LISTING_PAGE_SIZE = 20


class NewsArticlePage(SharedWithComponents, BasePage):
    """A news story: lead, body, feature image, byline and source, filed under one or more categories."""

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsArticleForm

    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("One to three sentences shown in listings, search results and when shared."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    feature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("feature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feature_image_caption = models.CharField(_("feature image caption"), max_length=500, blank=True)
    byline = models.CharField(
        _("editor"), max_length=255, blank=True, help_text=_('Shown as "Biên tập: …". Defaults to your full name.')
    )
    source = models.CharField(_("source"), max_length=255, blank=True, help_text=_('Shown as "Nguồn: …".'))
    display_date = models.DateTimeField(
        _("display date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "The date shown and used for ordering. Defaults to the first publication; set it for imported stories."
        ),
    )
    categories = ParentalManyToManyField(NewsCategory, verbose_name=_("categories"), related_name="articles")
    primary_category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("primary category"),
        on_delete=models.PROTECT,
        related_name="primary_articles",
        help_text=_('Used for the breadcrumb and "other news"; must be one of the categories.'),
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, verbose_name=_("tags"), blank=True)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show among the featured stories on the home page.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("feature_image", help_text=ALT_TEXT_HELP), FieldPanel("feature_image_caption")],
            heading=_("Feature image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("byline"), FieldPanel("source")]), FieldPanel("display_date")],
            heading=_("Byline and date"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("primary_category"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("featured"),
                share_panel,
            ],
            heading=_("Filing"),
        ),
        InlinePanel("related_links", label=_("Related articles")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("display_date"),
        index.FilterField("featured"),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]
    # The open-data API (/api/v2/pages/, docs/api.md); ``body`` is on the detail only.
    api_fields = [
        APIField("lead"),
        APIField("display_date"),
        APIField("byline"),
        APIField("source"),
        APIField("featured"),
        APIField("primary_category", serializer=NameSlugSerializer()),
        APIField("categories", serializer=NameSlugListField()),
        APIField("tags", serializer=NameSlugListField()),
        APIField("feature_image"),
        APIField("feature_image_rendition", serializer=SafeImageRenditionField(API_IMAGE_SPEC, source="feature_image")),
        APIField("feature_image_caption"),
        APIField("body"),
        APIField("related_articles", serializer=RelatedPageListField("article", source="related_links")),
    ]

    objects = NewsArticleManager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # The "Tin từ tỉnh" box of every component portal reads the province's shared articles newest first from an
        # index of their own (news migration 0004: its ordering is written per database, which Meta cannot say).

    def clean(self):
        super().clean()
        require_alt_text(self.feature_image, "feature_image")

    def save(self, *args, **kwargs):
        if self.display_date is None and self.first_published_at is not None:
            self.display_date = self.first_published_at
        super().save(*args, **kwargs)

    def get_summary(self) -> str:
        return self.social_text or self.search_description or self.lead

    def get_search_documents(self) -> list[dict]:
        (document,) = super().get_search_documents()
        extras = [self.byline, self.source, *self.tags.values_list("name", flat=True)]
        document.update(
            kind=SearchKind.NEWS,
            summary=self.lead,
            body=" ".join([document["body"], *filter(None, extras)]),
            date=timezone.localtime(self.display_date).date() if self.display_date else document["date"],
        )
        return [document]

    def get_social_image(self):
        return self.social_image or self.feature_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news_index = self.get_parent()
        index_url = news_index.get_url(request)
        category_url = index_url + NewsIndexPage.category_subpath(self.primary_category).lstrip("/")
        tags = list(self.tags.all())
        context.update(
            {
                "news_index": news_index,
                "breadcrumb_trail": [(self.primary_category.name, category_url), (self.title, self.get_url(request))],
                "category_url": category_url,
                "feed_url": category_url + "rss/",
                "other_articles": self.get_other_articles(),
                "related_articles": self.get_related_articles(),
                "tags": [(tag.name, f"{index_url}the/{tag.slug}/") for tag in tags],
                "og_type": "article",
                "read_count": read_count(self),
                "structured_data": self.get_structured_data(request, [tag.name for tag in tags]),
            }
        )
        return context

    def get_related_articles(self):
        """The hand-picked related articles that a citizen may see, in the editor's order."""
        related_ids = [link.article_id for link in self.related_links.all()]
        if not related_ids:
            return []
        by_id = {article.pk: article for article in NewsArticlePage.objects.for_listing().filter(pk__in=related_ids)}
        return [by_id[pk] for pk in related_ids if pk in by_id]

    def get_structured_data(self, request, keywords: list[str]) -> dict:
        """Schema.org NewsArticle for search engines."""
        portal = PortalSettings.for_request(request)
        publisher_name = portal.unit_name or portal.portal_title or self.title
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.lead,
            "mainEntityOfPage": self.get_full_url(request),
            "datePublished": (self.display_date or self.first_published_at or timezone.now()).isoformat(),
            "dateModified": (self.last_published_at or self.display_date or timezone.now()).isoformat(),
            "articleSection": self.primary_category.name,
            "keywords": keywords,
            "inLanguage": "vi",
            "publisher": {"@type": "GovernmentOrganization", "name": publisher_name},
        }
        if self.byline:
            data["author"] = {"@type": "Person", "name": self.byline}
        rendition = rendition_or_none(self.feature_image, "fill-1200x630")
        if rendition:
            data["image"] = [request.build_absolute_uri(rendition.url)]
        return data

    def get_other_articles(self, count=8):
        """The newest other articles of this article's primary category."""
        return (
            NewsArticlePage.objects.for_listing()
            .sibling_of(self, inclusive=False)
            .filter(categories=self.primary_category_id)[:count]
        )


class RelatedArticle(Orderable):
    page = ParentalKey(NewsArticlePage, related_name="related_links", on_delete=models.CASCADE)
    article = models.ForeignKey(NewsArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]
