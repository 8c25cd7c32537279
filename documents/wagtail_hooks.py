"""The library in the admin (its vocabularies as snippets) and on the way out: the files of documents citizens may
not see are not served to them (downloads are counted by ``documents.serving``, once the answer is known)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documents.downloads import may_serve
from documents.models import DocumentType, Issuer, LegalField


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    list_display = ["name", "slug", "sort_order"]


class IssuerViewSet(SnippetViewSet):
    model = Issuer
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class LegalFieldViewSet(SnippetViewSet):
    model = LegalField
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, IssuerViewSet, LegalFieldViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Document library")
    menu_name = "document-library"
    menu_order = 250


register_snippet(LibraryViewSetGroup)


@hooks.register("before_serve_document")
def guard(document, request):
    if not may_serve(document, request):
        raise Http404
