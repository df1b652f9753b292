from django.core.management.base import BaseCommand

from core import search
from core.jobs import enqueue_work


class Command(BaseCommand):
    help = "Bygger om sökindexet från allt som finns registrerat för sökning."

    def add_arguments(self, parser):
        parser.add_argument(
            "--background",
            action="store_true",
            help="Lägg ombyggnaden i kö åt arbetaren (db_worker) i stället för att vänta på den.",
        )

    def handle(self, *args, background=False, **options):
        if background:
            enqueue_work(handler="core.search.rebuild", arguments={})
            self.stdout.write(self.style.SUCCESS("Ombyggnaden av sökindexet ligger i kö."))
            return
        count = search.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Sökindexet ombyggt: {count} poster."))
