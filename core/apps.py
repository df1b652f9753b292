from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared bottom layer: it has no models of its own, only abstract ones, template
    tags and helpers; it is an app so that Django finds its template tags."""

    name = "core"
    verbose_name = "Gemensamt"
