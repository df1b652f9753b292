from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared bottom layer: abstract models, template tags and helpers, and the two
    derived tables (the search index, the content version of the page cache)."""

    name = "core"
    verbose_name = _("Gemensamt")

    def ready(self):
        from django.urls import register_converter

        from core import pagecache
        from core.exports import FormatConverter

        register_converter(FormatConverter, "export")
        pagecache.connect(self)
