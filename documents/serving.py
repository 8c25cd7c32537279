"""Document files answered the way PDF viewers and download managers ask for them: one byte range at a time
(``portal.ranges``), HEAD without reading the file, no ``Content-Encoding`` unless the file has one, and the download
counted once its answer is known.

Wagtail's view (``wagtail.documents.views.serve.serve``) still finds the file, runs the ``before_serve_document``
hooks (privacy: ``documents.wagtail_hooks``), answers conditional requests (``ETag``: the file's hash;
``If-Modified-Since``) and sets the security headers; this view narrows its answer to the range asked for."""

from wagtail.documents.views.serve import serve as wagtail_serve

from documents.downloads import count_download
from portal.ranges import byte_range


def serve(request, document_id, document_filename):
    response = wagtail_serve(request, document_id, document_filename)
    if response.get("Content-Encoding") in ("None", ""):
        # Wagtail's sendfile writes the encoding mimetypes guessed from the name, None included.
        del response["Content-Encoding"]
    response, from_the_start = byte_range(request, response)
    if from_the_start:
        count_download(int(document_id), request)
    return response
