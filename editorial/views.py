from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of the admin login while django-axes has the user name locked at this address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "editorial/locked_out.html", context, status=429)
