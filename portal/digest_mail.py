"""The daily digest by e-mail, sent by the worker: one message a day at most per person,
none when there is nothing to say, plain text and HTML in Swedish, with a signed one-click
link (and List-Unsubscribe header) that stops it without logging in."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.jobs import enqueue_work
from portal.digest import digest_for
from portal.models import DigestSubscription

UNSUBSCRIBE_SALT = "portal.digest.unsubscribe"


def unsubscribe_token(user) -> str:
    """Signed with SECRET_KEY: the link works from any old digest, for this person only."""
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_from_token(token: str):
    """The person a token was made for, or None when it is not one of ours."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk).first()


def enqueue_digests(*, today: date) -> int:
    """Hand each person due a digest today to the worker; how many. Safe to run twice: the
    worker sends a person's digest once a day."""
    user_ids = list(
        DigestSubscription.objects.filter(active=True, user__is_active=True)
        .exclude(user__email="")
        .exclude(last_sent_on=today)
        .filter(user__watches__isnull=False)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user_id in user_ids:
        enqueue_work(
            handler="portal.digest_mail.send_digest",
            arguments={"user_id": user_id, "day": today.isoformat()},
        )
    return len(user_ids)


def send_digest(*, user_id: int, day: str) -> None:
    """In the worker: the person's digest for `day`, unless sent already or stopped. The day
    is marked in the same transaction as the sending, so a failed send is tried again and
    a repeated task sends nothing."""
    today = date.fromisoformat(day)
    with transaction.atomic():
        subscription = (
            DigestSubscription.objects.select_for_update()
            .select_related("user")
            .filter(user_id=user_id, active=True, user__is_active=True)
            .first()
        )
        if subscription is None or subscription.last_sent_on == today:
            return
        digest = digest_for(subscription.user, today=today)
        if not digest.empty and subscription.user.email:
            digest_message(digest).send()
        subscription.last_sent_on = today
        subscription.save(update_fields=["last_sent_on"])


def digest_message(digest) -> EmailMultiAlternatives:
    user = digest.user
    unsubscribe = settings.SITE_URL + reverse("digest_unsubscribe", args=[unsubscribe_token(user)])
    with translation.override("sv"):
        context = {"digest": digest, "site": settings.SITE_URL, "unsubscribe_url": unsubscribe}
        message = EmailMultiAlternatives(
            subject=gettext("Samverkansportalen: din bevakning %(day)s")
            % {"day": digest.today.isoformat()},
            body=render_to_string("portal/digest_email.txt", context),
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("portal/digest_email.html", context), "text/html"
        )
    return message
