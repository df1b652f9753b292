"""What every collection of the open-data API shares: the public reader, conditional GET
(ETag and Last-Modified), its description in the schema, its objects' place in the API."""

import hashlib

from django.contrib.auth.models import AnonymousUser
from django.db.models import Max
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

# Everything the API reads is read as the public reads it, whoever asks: a logged-in
# committee member's drafts are not open data. The apps' `*_visible_to(PUBLIC)` give it.
PUBLIC = AnonymousUser()


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only collection with conditional GET.

    The ETag is the SHA-256 of the body, so it changes exactly when the answer does. Last-Modified
    is the latest change recorded in the history of the models the answer is made of
    (`history_models`): simple-history records every save and delete, so nothing changes
    without it moving. Both answer a conditional GET with 304 (If-None-Match first, as
    RFC 9110 says)."""

    history_models: tuple = ()

    def last_modified(self):
        moments = [
            model.history.aggregate(latest=Max("history_date"))["latest"]
            for model in self.history_models
        ]
        return max(filter(None, moments), default=None)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        last_modified = self.last_modified()
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        return get_conditional_response(
            request,
            etag=etag,
            last_modified=last_modified and int(last_modified.timestamp()),
            response=response,
        )


# An object of a collection: its `url` is the collection's detail view, named by the object's
# model as DRF names it (`boardreport-detail`, the router's name for a collection registered
# without one), in the api namespace. A comment, not a docstring: drf-spectacular would show a
# docstring as the description of every serializer without one of its own.
class PublicSerializer(serializers.HyperlinkedModelSerializer):
    def build_url_field(self, field_name, model_class):
        field_class, field_kwargs = super().build_url_field(field_name, model_class)
        field_kwargs["view_name"] = f"api:{field_kwargs['view_name']}"
        return field_class, field_kwargs


def described(description):
    """A collection's description in the schema, for its list and its detail alike."""
    return extend_schema_view(
        list=extend_schema(description=description),
        retrieve=extend_schema(description=description),
    )
