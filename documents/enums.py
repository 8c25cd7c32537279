from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CollectionKind(models.TextChoices):
    """The shelves of the library, as Vietnamese portals arrange them."""

    DISTRICT = "district", _("Documents issued by the district")
    COMMUNE = "commune", _("Documents issued by the commune")
    PROVINCE = "province", _("Documents issued by the province")
    NORMATIVE = "normative", _("Legal normative documents")
    COUNCIL = "council", _("People's Council meeting documents")
    GAZETTE = "gazette", _("Provincial official gazette")


class LegalStatus(models.TextChoices):
    """Tình trạng hiệu lực."""

    NOT_YET = "not_yet", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    # "Expired" of a notice (its deadline has passed) is another word in Vietnamese than a law's ("hết hiệu lực").
    PARTLY_EXPIRED = "partly_expired", pgettext_lazy("legal document status", "Partly expired")
    EXPIRED = "expired", pgettext_lazy("legal document status", "Expired")


# Addresses use Vietnamese words without marks, like the rest of the portal's URLs.
STATUS_SLUGS = {
    LegalStatus.NOT_YET: "chua-co-hieu-luc",
    LegalStatus.IN_FORCE: "con-hieu-luc",
    LegalStatus.PARTLY_EXPIRED: "het-hieu-luc-mot-phan",
    LegalStatus.EXPIRED: "het-hieu-luc",
}
STATUS_BY_SLUG = {slug: status for status, slug in STATUS_SLUGS.items()}


class RelationKind(models.TextChoices):
    """How a document (the one being edited) relates to another; each reads both ways."""

    REPLACES = "replaces", _("Replaces")
    AMENDS = "amends", _("Amends or supplements")
    PARTLY_REPEALS = "partly_repeals", _("Repeals part of")
    GUIDES = "guides", _("Guides the implementation of")
    BASED_ON = "based_on", _("Is based on")


# What the other document shows: "replaced by", "amended by" …
INVERSE_LABELS = {
    RelationKind.REPLACES: _("Replaced by"),
    RelationKind.AMENDS: _("Amended or supplemented by"),
    RelationKind.PARTLY_REPEALS: _("Partly repealed by"),
    RelationKind.GUIDES: _("Guided by"),
    RelationKind.BASED_ON: _("Basis for"),
}
