import re
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import BarrierReport, DigestSubscription, SingleSignOnIdentity, Watch


@transaction.atomic
def barrier_report_receive(*, page: str, description: str, contact: str = "") -> BarrierReport:
    report = BarrierReport(page=page, description=description, contact=contact)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def user_grant(
    *,
    username: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    roles: list[str] = (),
    revoke: list[str] = (),
    plan_slugs: list[str] = (),
    superuser: bool | None = None,
    active: bool | None = None,
):
    """Create the user if new and give (or take away) roles and plan editorship, all or
    nothing. Roles are the groups of portal.roles; a strategist edits only the plans they are
    an editor of, so editorship is given here too. `superuser` opens the admin (/admin/) to
    the user, which is for superusers alone. Returns (user, created)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from plans.models import Plan
    from portal.roles import ROLES

    unknown = [role for role in [*roles, *revoke] if role not in ROLES]
    if unknown:
        raise ValidationError(
            _("Okänd roll: %(roles)s. Roller: %(known)s.")
            % {"roles": ", ".join(unknown), "known": ", ".join(ROLES)}
        )
    plans = list(Plan.objects.filter(slug__in=plan_slugs))
    missing = sorted(set(plan_slugs) - {plan.slug for plan in plans})
    if missing:
        raise ValidationError(_("Okänd plan: %(slugs)s.") % {"slugs": ", ".join(missing)})
    user, created = get_user_model().objects.get_or_create(username=username)
    for name, value in (("email", email), ("first_name", first_name), ("last_name", last_name)):
        if value:
            setattr(user, name, value)
    if superuser is not None:
        # Django's admin also wants is_staff; the portal's admin site asks for a superuser.
        user.is_superuser = user.is_staff = superuser
    if active is not None:
        user.is_active = active
    if created:
        # A random password nobody knows: the person chooses their own by password reset
        # (which Django offers only to accounts with a usable password), or an administrator
        # sets one with `manage.py changepassword`.
        user.set_password(secrets.token_urlsafe(32))
    user.full_clean()
    user.save()
    user.groups.add(*Group.objects.filter(name__in=roles))
    user.groups.remove(*Group.objects.filter(name__in=revoke))
    for plan in plans:
        plan.editors.add(user)
    return user, created


@transaction.atomic
def sso_user_sign_in(
    *,
    issuer: str,
    subject: str,
    roles: list[str],
    username: str = "",
    email: str = "",
    first_name: str = "",
    last_name: str = "",
):
    """The account a person of the identity provider logs in as, and its roles now.

    The account is found by (issuer, subject) alone, and made at the first login under a user
    name of its own: an e-mail address or user name the provider sends never leads to an
    existing account, so no claim takes over a local account or the person it is linked to
    (Person.user; an administrator links an SSO account to a person as any other). The
    provider's claims are the truth about the portal's roles for such an account: each login
    sets them, and takes away those the provider no longer gives. No role opens the admin
    (superusers only), so a login never changes who may use it. Returns the user, who may be inactive (deactivated here)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.roles import ROLES

    identity = (
        SingleSignOnIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    if identity is None:
        user = get_user_model()(username=_free_username(username or email or subject))
        user.set_unusable_password()  # they log in at the provider; no password reset here
        user.save()
        identity = SingleSignOnIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    user = identity.user
    for name, value in (("email", email), ("first_name", first_name), ("last_name", last_name)):
        setattr(user, name, value[:150] if name != "email" else value[:254])
    user.save()
    user.groups.remove(*Group.objects.filter(name__in=set(ROLES) - set(roles)))
    user.groups.add(*Group.objects.filter(name__in=roles))
    return user


def _free_username(wanted: str) -> str:
    """The provider's user name (or e-mail address) as a Django user name, numbered when an
    account already has it: the existing account is never the one used."""
    from django.contrib.auth import get_user_model

    base = re.sub(r"[^\w.@+-]", "", wanted)[:140] or "sso"
    taken = set(
        get_user_model()
        .objects.filter(username__istartswith=base)
        .values_list("username", flat=True)
    )
    taken = {name.lower() for name in taken}
    candidate, number = base, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def watch_toggle(*, user, target: str, obj) -> bool:
    """Start or stop watching `obj` (a plan, agreement or body: `target` names which); True
    when the person now watches it. The first watch signs them up for the daily digest."""
    removed, _counts = Watch.objects.filter(user=user, **{target: obj}).delete()
    if removed:
        return False
    Watch.objects.create(user=user, **{target: obj})
    DigestSubscription.objects.get_or_create(user=user)
    return True


@transaction.atomic
def digest_set_active(*, user, active: bool) -> DigestSubscription:
    """Stop the daily digest (the link in every digest) or start it again."""
    subscription, _created = DigestSubscription.objects.select_for_update().get_or_create(user=user)
    subscription.active = active
    subscription.save(update_fields=["active"])
    return subscription
