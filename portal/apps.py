from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portalen")

    def ready(self):
        from portal import checks  # noqa: F401 - registers the deploy checks


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the portal's site: superusers only (portal.admin_site)."""

    default = False  # PortalConfig is this module's default; settings name this one

    default_site = "portal.admin_site.PortalAdminSite"
