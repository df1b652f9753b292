from django.core.management.base import BaseCommand

from core import search


class Command(BaseCommand):
    help = "Bygger om sökindexet från allt som finns registrerat för sökning."

    def handle(self, *args, **options):
        count = search.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Sökindexet ombyggt: {count} poster."))
