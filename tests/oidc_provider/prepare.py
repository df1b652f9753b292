"""Create the provider's database: its people (with their groups) and the portal as a client.
Run as `python -m tests.oidc_provider.prepare` with the provider's environment and
PORTAL_URL (where the portal runs), CLIENT_ID, CLIENT_SECRET and PASSWORD."""

import os

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.oidc_provider.settings")
    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    people = {
        # user name: (e-mail, first name, last name, groups)
        "anna": ("anna.berg@region.example", "Anna", "Berg", ["portal-strateg"]),
        "olle": ("olle@region.example", "Olle", "Ek", ["ekonomi"]),
        # The e-mail address of a local account in the portal: it must not take that over.
        "lisa": ("lisa@example.se", "Lisa", "Lind", ["portal-lasare"]),
    }
    for username, (email, first, last, groups) in people.items():
        user = User.objects.create_user(
            username, email, os.environ["PASSWORD"], first_name=first, last_name=last
        )
        user.groups.set([Group.objects.get_or_create(name=name)[0] for name in groups])
    portal = os.environ["PORTAL_URL"]
    Application.objects.create(
        name="Samverkansportalen",
        client_id=os.environ["CLIENT_ID"],
        client_secret=os.environ["CLIENT_SECRET"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=f"{portal}/oidc/callback/",
        post_logout_redirect_uris=f"{portal}/",
        algorithm=Application.RS256_ALGORITHM,
    )


if __name__ == "__main__":
    main()
