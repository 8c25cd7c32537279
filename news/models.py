"""News: the news section, its categories and articles."""

from django import forms
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage, SectionPage
from home.pagination import paginate
from news.forms import NewsArticleForm


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
        """Articles a citizen may see, newest first, with what listings show and without the body."""
        articles = self.live().public().defer_streamfields()
        if site is not None:
            articles = articles.in_site(site)
        return (
            articles.select_related("feature_image", "primary_category")
            .prefetch_related("feature_image__renditions")
            .order_by(models.F("display_date").desc(nulls_last=True), "-pk")
        )


NewsArticleManager = PageManager.from_queryset(NewsArticleQuerySet)


class NewsIndexPage(RoutablePageMixin, SectionPage):
    """The news section ("Tin tức"): every article lives below it; lists them all and per category."""

    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def get_articles(self):
        return NewsArticlePage.objects.for_listing().descendant_of(self)

    @path("")
    def all_articles(self, request):
        return self.render_listing(request, self.get_articles(), category=None)

    @path("chuyen-muc/<slug:category_slug>/")
    def category_articles(self, request, category_slug):
        category = NewsCategory.objects.filter(slug=category_slug).first()
        if category is None:
            raise Http404
        return self.render_listing(request, self.get_articles().filter(categories=category), category=category)

    @classmethod
    def category_subpath(cls, category) -> str:
        return cls.get_resolver().reverse("category_articles", category.slug)

    def url_for_category(self, category=None, request=None) -> str:
        """The address of the listing of one category, or of all news."""
        url = self.get_url(request)
        return url + self.category_subpath(category).lstrip("/") if category else url

    def render_listing(self, request, articles, category):
        return self.render(
            request,
            context_overrides={"articles": paginate(request, articles, 20), "category": category},
        )


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsArticlePage(BasePage):
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
        MultiFieldPanel([FieldPanel("feature_image"), FieldPanel("feature_image_caption")], heading=_("Feature image")),
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

    objects = NewsArticleManager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def save(self, *args, **kwargs):
        if self.display_date is None and self.first_published_at is not None:
            self.display_date = self.first_published_at
        super().save(*args, **kwargs)

    def get_summary(self) -> str:
        return self.social_text or self.search_description or self.lead

    def get_social_image(self):
        return self.social_image or self.feature_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_url = self.get_parent().get_url(request)
        context["category_url"] = index_url + NewsIndexPage.category_subpath(self.primary_category).lstrip("/")
        context["other_articles"] = self.get_other_articles()
        context["og_type"] = "article"
        return context

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
