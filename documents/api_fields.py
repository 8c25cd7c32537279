"""How the open-data API writes the relations between legal documents."""

from rest_framework.fields import Field

from documents.enums import INVERSE_LABELS
from portal.api_fields import page_reference


class DocumentRelationListField(Field):
    """Relations of a legal document in both directions, to documents a citizen may see: what this document does to
    another ("replaces" …) and what others do to it ("replaced by" …). The view prefetches only visible ones."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        kwargs.setdefault("source", "*")
        super().__init__(*args, **kwargs)

    def to_representation(self, page):
        found = []
        for relation in page.relations.all():
            found.append(self.describe("outgoing", relation.kind, relation.get_kind_display(), relation.target))
        for relation in page.related_from.all():
            found.append(self.describe("incoming", relation.kind, INVERSE_LABELS[relation.kind], relation.page))
        return found

    def describe(self, direction, kind, label, document) -> dict:
        return {
            "direction": direction,
            "kind": kind,
            "label": str(label),
            "document": page_reference(self.context, document, number=document.number),
        }
