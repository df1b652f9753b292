from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import roles

# Development only: the command refuses to run unless DEBUG is on.
DEMO_PASSWORD = "demo-samverkan-2026"
# None of them uses the admin: it is for superusers (`createsuperuser`), and the register
# administrator keeps the registers in the portal's own pages.
DEMO_USERS = [
    ("lasare", "Lina", "Läsare", roles.READER),
    ("strateg", "Sam", "Strateg", roles.STRATEGIST),
    ("registeradmin", "Rut", "Registeransvarig", roles.REGISTER_ADMIN),
]


class Command(BaseCommand):
    help = "Skapar en demoanvändare per roll (endast i utvecklingsläge, DEBUG=1)."

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demoanvändare skapas bara när DEBUG är på, aldrig i produktion.")
        User = get_user_model()
        for username, first, last, role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=role))
        # The demo strategist edits the demo plans, so the workbench can be tried at once.
        strategist = User.objects.get(username="strateg")
        for plan in apps.get_model("plans", "Plan").objects.all():
            plan.editors.add(strategist)
        self.stdout.write(f"Demoanvändare (lösenord endast för utveckling: {DEMO_PASSWORD}):")
        for username, _first, _last, role in DEMO_USERS:
            self.stdout.write(f"  {username:<15} {role}")
