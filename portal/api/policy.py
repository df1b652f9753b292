"""The API's policies, named in settings.REST_FRAMEWORK: paging, the limit per address, and
errors as JSON in Swedish. Apart from base.py because DRF imports these while it defines its
views (a module that imports DRF's views would be imported half-made)."""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = gettext_lazy("Sidan finns inte.")


class AddressThrottle(AnonRateThrottle):
    """Requests per client address, counted in the shared cache (Redis in production). The
    address is the one the rest of the portal uses (CLIENT_IP_HEADER behind a proxy), not
    whatever X-Forwarded-For a client sends. The rate is settings.API_RATE."""

    def get_rate(self):
        return settings.API_RATE

    def get_ident(self, request):
        header = getattr(settings, "CLIENT_IP_HEADER", "") or "REMOTE_ADDR"
        return request.META.get(header) or request.META.get("REMOTE_ADDR", "")


def _message(exc) -> str | None:
    """Our Swedish wording of the errors a reader of the API can cause."""
    if isinstance(exc, exceptions.Throttled):
        return _("För många anrop från din adress. Försök igen om %(seconds)s sekunder.") % {
            "seconds": int(exc.wait or 1)
        }
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("API:t går bara att läsa (GET).")
    if isinstance(exc, exceptions.NotAcceptable):
        return _("API:t svarar bara med JSON.")
    if isinstance(exc, exceptions.NotFound | Http404):
        detail = getattr(exc, "detail", "")
        return str(detail) if detail == Pagination.invalid_page_message else _("Hittades inte.")
    return None


def exception_handler(exc, context):
    """DRF's answer with the message in Swedish; a filter's errors keep the form's Swedish
    messages per field."""
    from rest_framework.views import exception_handler as drf_exception_handler

    response = drf_exception_handler(exc, context)
    if response is not None and (message := _message(exc)):
        response.data = {"detail": message}
    return response


def not_found(request, *args, **kwargs):
    """Any other path under /api/: a JSON 404, as the collections answer."""
    return JsonResponse({"detail": _("Hittades inte.")}, status=404)
