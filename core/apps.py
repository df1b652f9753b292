from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared bottom layer: abstract models, template tags and helpers, and the two
    derived tables (the search index, the content version of the page cache)."""

    name = "core"
    verbose_name = _("Gemensamt")

    def ready(self):
        from core import pagecache

        pagecache.connect(self)
