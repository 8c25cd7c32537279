"""Read the text of every uploaded file that has none yet (or all of them with --all), e.g. after an import or after
raising the limits; each file fails or succeeds on its own, and a summary is printed at the end."""

from collections import Counter

from django.core.management.base import BaseCommand

from wagtail.documents import get_document_model

from documents.extraction import extract
from documents.models import FileText


class Command(BaseCommand):
    help = "Read the text of uploaded PDF and DOCX files for the search."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="read every file again, not only those without text")

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if options["all"]:
            FileText.objects.all().delete()
        else:
            documents = documents.exclude(pk__in=FileText.objects.values("document"))
        outcomes = Counter()
        for document in documents.iterator():
            result = extract(document)
            outcomes[result.status] += 1
            if result.status == FileText.Status.FAILED:
                self.stderr.write(f"{document.pk} {document.filename}: {result.reason}")
        summary = ", ".join(f"{FileText.Status(status).label}: {count}" for status, count in sorted(outcomes.items()))
        self.stdout.write(summary or "Every file already has its text.")
