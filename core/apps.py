from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared bottom layer: it has no models of its own, only abstract ones, template
    tags and helpers; it is an app so that Django finds its template tags."""

    name = "core"
    verbose_name = _("Gemensamt")

    def ready(self):
        from django.urls import register_converter

        from core.exports import FormatConverter

        register_converter(FormatConverter, "export")
