from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.digest_mail import enqueue_digests


class Command(BaseCommand):
    help = "Lägger dagens sammanfattningar av bevakningar i kö; arbetaren (db_worker) skickar dem."

    def handle(self, *args, **options):
        count = enqueue_digests(today=timezone.localdate())
        self.stdout.write(f"{count} sammanfattningar i kö.")
