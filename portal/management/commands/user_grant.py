"""Create users and give them roles and plan editorship; works in production (no DEBUG)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.models import SingleSignOnIdentity
from portal.roles import ROLES
from portal.services import user_grant


class Command(BaseCommand):
    help = (
        "Skapar en användare om den saknas och ger roller och redaktörskap för planer. "
        f"Roller: {', '.join(ROLES)}. Utan argument utöver användarnamnet visas användarens "
        "roller och planer."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--role", action="append", default=[], help="ge rollen (upprepas)")
        parser.add_argument("--revoke", action="append", default=[], help="ta bort rollen")
        parser.add_argument(
            "--plan", action="append", default=[], help="gör till redaktör för planen (slug)"
        )
        parser.add_argument(
            "--superuser",
            action="store_true",
            default=None,
            help="superanvändare: får använda /admin/ och allt annat",
        )
        parser.add_argument("--no-superuser", action="store_false", dest="superuser")
        parser.add_argument("--deactivate", action="store_false", default=None, dest="active")

    def handle(self, *args, **options):
        try:
            user, created = user_grant(
                username=options["username"],
                email=options["email"],
                first_name=options["first_name"],
                last_name=options["last_name"],
                roles=options["role"],
                revoke=options["revoke"],
                plan_slugs=options["plan"],
                superuser=options["superuser"],
                active=options["active"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user = get_user_model().objects.get(pk=user.pk)
        self.stdout.write(
            f"{'Skapad' if created else 'Uppdaterad'}: {user.username}"
            f" ({user.email or 'ingen e-post'}; {'aktiv' if user.is_active else 'inaktiv'};"
            f" {'superanvändare' if user.is_superuser else 'ej superanvändare'})"
        )
        self.stdout.write("  roller: " + (", ".join(g.name for g in user.groups.all()) or "inga"))
        plans = user.plans_editable.order_by("slug").values_list("slug", flat=True)
        self.stdout.write("  redaktör för: " + (", ".join(plans) or "inga planer"))
        identity = SingleSignOnIdentity.objects.filter(user=user).first()
        if identity:
            self.stdout.write(
                f"  loggar in via {identity.issuer}; rollerna sätts av dess grupper vid varje "
                "inloggning"
            )
        if created:
            self.stdout.write(
                "  inget lösenord ännu: personen väljer ett via 'Glömt lösenordet?' "
                "(e-post krävs) eller kör `manage.py changepassword`."
            )
