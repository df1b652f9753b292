"""Agreement register services: create, replace, attach files; refusals leave nothing behind."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from agreements.models import Agreement, Attachment, Status
from agreements.services import (
    agreement_create,
    agreement_replace,
    agreement_update,
    attachment_add,
)
from core import files
from tests.factories import (
    AgreementFactory,
    DraftFrameworkFactory,
    FrameworkFactory,
    OrganisationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

DUPLICATE_REGISTER_ID = "Det finns redan en överenskommelse med den beteckningen."


# --- agreement_create -----------------------------------------------------------------


def test_creating_an_agreement_sets_its_parties_and_topics_and_records_the_user(user):
    region, malmo = RegionFactory(name="Region Skåne"), OrganisationFactory(name="Malmö stad")
    topic = TopicFactory(name="Läkarmedverkan")

    agreement = agreement_create(
        user=user,
        agreement=Agreement(
            register_id="STY-02292",
            title="Ramavtal om läkarmedverkan",
            kind=Agreement.Kind.FRAMEWORK_CONTRACT,
        ),
        parties=[region, malmo],
        topics=[topic],
    )

    stored = Agreement.objects.get(register_id="STY-02292")
    assert stored == agreement
    assert set(stored.parties.all()) == {region, malmo}
    assert list(stored.topics.all()) == [topic]
    created = stored.history.get(history_type="+")
    assert created.history_user == user
    assert created.history_change_reason == "Överenskommelse registrerad"


def test_duplicate_register_id_is_refused_with_a_swedish_message(user):
    existing = AgreementFactory(register_id="STY-02292", parties=[OrganisationFactory()])
    count = Agreement.objects.count()

    with pytest.raises(ValidationError) as excinfo:
        agreement_create(
            user=user,
            agreement=Agreement(register_id="STY-02292", title="En annan överenskommelse"),
            parties=[RegionFactory()],
        )

    assert excinfo.value.message_dict["register_id"] == [DUPLICATE_REGISTER_ID]
    assert Agreement.objects.count() == count
    assert existing.parties.count() == 1
    assert not Agreement.history.filter(title="En annan överenskommelse").exists()


def test_a_register_id_taken_by_a_concurrent_request_is_refused_the_same_way(user, monkeypatch):
    AgreementFactory(register_id="STY-02292")
    count = Agreement.objects.count()
    # Lose the race: the check in full_clean passes, the database's unique index does not.
    monkeypatch.setattr(Agreement, "validate_unique", lambda self, exclude=None: None)

    with pytest.raises(ValidationError) as excinfo:
        agreement_create(
            user=user, agreement=Agreement(register_id="STY-02292", title="Samtidigt registrerad")
        )

    assert excinfo.value.message_dict["register_id"] == [DUPLICATE_REGISTER_ID]
    assert Agreement.objects.count() == count
    # The surrounding transaction is still usable after the refusal.
    assert Agreement.objects.filter(register_id="STY-02292").count() == 1


def test_an_agreement_without_a_title_is_refused_and_nothing_is_saved(user):
    with pytest.raises(ValidationError) as excinfo:
        agreement_create(
            user=user,
            agreement=Agreement(register_id="STY-09999", title=""),
            parties=[RegionFactory()],
        )

    assert "title" in excinfo.value.message_dict
    assert not Agreement.objects.filter(register_id="STY-09999").exists()


# --- agreement_replace ----------------------------------------------------------------


def test_replacing_by_an_agreement_sets_status_link_and_history_user(user):
    old = AgreementFactory(register_id="STY-00100")
    newer = AgreementFactory(register_id="STY-00200", title="Ny överenskommelse")

    replaced = agreement_replace(user=user, agreement=old, replaced_by=newer)

    old.refresh_from_db()
    assert replaced == old
    assert old.status == Status.REPLACED
    assert old.replaced_by_agreement == newer
    assert old.replaced_by_framework is None
    assert old.replaced_by == newer
    assert list(newer.replaces.all()) == [old]
    record = old.history.order_by("-history_id").first()
    assert record.history_user == user
    assert record.history_change_reason == "Ersatt av STY-00200 Ny överenskommelse"


def test_replacing_by_a_framework_clears_an_earlier_agreement_link(user):
    newer = AgreementFactory()
    old = AgreementFactory(replaced_by_agreement=newer, status=Status.REPLACED)
    framework = FrameworkFactory(title="Gemensam plan för primärvård")

    agreement_replace(user=user, agreement=old, replaced_by=framework)

    old.refresh_from_db()
    assert old.replaced_by_framework == framework
    assert old.replaced_by_agreement is None
    assert old.replaced_by == framework
    assert old.history.order_by("-history_id").first().history_user == user


def test_replacing_by_an_agreement_with_a_long_title_is_recorded(user):
    old = AgreementFactory()
    newer = AgreementFactory(title="Överenskommelse om samverkan " * 10)

    agreement_replace(user=user, agreement=old, replaced_by=newer)

    old.refresh_from_db()
    assert old.replaced_by_agreement == newer
    assert (
        old.history.order_by("-history_id")
        .first()
        .history_change_reason.startswith(f"Ersatt av {newer.register_id}")
    )


def test_an_agreement_cannot_be_replaced_by_itself(user):
    agreement = AgreementFactory()

    with pytest.raises(ValidationError):
        agreement_replace(user=user, agreement=agreement, replaced_by=agreement)

    agreement.refresh_from_db()
    assert agreement.status == Status.IN_FORCE
    assert agreement.replaced_by is None


def test_replacing_by_a_draft_records_the_intent_and_keeps_the_status(user):
    agreement = AgreementFactory()
    framework = DraftFrameworkFactory(title="Gemensam plan för primärvård")

    agreement_replace(user=user, agreement=agreement, replaced_by=framework)

    agreement.refresh_from_db()
    assert agreement.status == Status.IN_FORCE
    assert agreement.replaced_by == framework
    record = agreement.history.order_by("-history_id").first()
    assert record.history_user == user
    assert record.history_change_reason == "Ska ersättas av Gemensam plan för primärvård"


def test_replacing_saves_the_other_edits_made_with_it_in_one_version(user):
    agreement = AgreementFactory(title="Gammal rubrik")
    versions = agreement.history.count()
    agreement.title = "Ny rubrik"

    agreement_replace(user=user, agreement=agreement, replaced_by=AgreementFactory())

    agreement.refresh_from_db()
    assert agreement.title == "Ny rubrik"
    assert agreement.status == Status.REPLACED
    assert agreement.history.count() == versions + 1


# --- agreement_update -----------------------------------------------------------------


def test_an_update_is_validated_and_records_the_user_and_reason(user):
    agreement = AgreementFactory(title="Läkarmedverkan")
    agreement.title = "Läkarmedverkan i hemsjukvården"

    agreement_update(user=user, agreement=agreement, reason="Rubriken rättad")

    record = agreement.history.order_by("-history_id").first()
    assert record.title == "Läkarmedverkan i hemsjukvården"
    assert record.history_user == user
    assert record.history_change_reason == "Rubriken rättad"


def test_an_update_that_breaks_a_rule_is_refused_and_nothing_is_saved(user):
    agreement = AgreementFactory(title="Läkarmedverkan")
    agreement.title = ""

    with pytest.raises(ValidationError) as excinfo:
        agreement_update(user=user, agreement=agreement, reason="Rubriken rättad")

    assert "title" in excinfo.value.message_dict
    agreement.refresh_from_db()
    assert agreement.title == "Läkarmedverkan"


# --- attachment_add -------------------------------------------------------------------

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
ZIP = b"PK\x03\x04\x14\x00\x06\x00" + b"office document body " * 4


def stored_files(root):
    return sorted(path for path in root.rglob("*") if path.is_file())


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_an_attachment_is_stored_with_its_sha256(user, media):
    agreement = AgreementFactory()

    attachment = attachment_add(
        user=user, agreement=agreement, uploaded_file=upload("Överenskommelse v9.pdf", PDF)
    )

    attachment.refresh_from_db()
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert attachment.size == len(PDF)
    assert attachment.media_type == "application/pdf"
    assert attachment.original_name == "Överenskommelse v9.pdf"
    assert attachment.title == "Överenskommelse v9"
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    assert stored_files(media) == [media / attachment.file.name]
    assert hashlib.sha256((media / attachment.file.name).read_bytes()).hexdigest() == (
        attachment.sha256
    )


def test_an_attachment_records_the_user_and_a_given_title(user, media):
    attachment = attachment_add(
        user=user,
        agreement=AgreementFactory(),
        uploaded_file=upload("bilaga.pdf", PDF),
        title="Bilaga 1: Tidplan",
    )

    assert attachment.title == "Bilaga 1: Tidplan"
    record = attachment.history.get()
    assert record.history_user == user
    assert record.history_change_reason == "Bilaga tillagd"


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("BESLUT.PDF", "application/pdf"),
        (
            "avtal.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (
            "bilder.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("text.odt", "application/vnd.oasis.opendocument.text"),
        ("kalkyl.ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ],
    ids=["pdf-upper-case", "docx", "xlsx", "pptx", "odt", "ods"],
)
def test_pdf_and_office_files_are_accepted_with_their_media_type(user, media, name, media_type):
    content = PDF if name.lower().endswith(".pdf") else ZIP

    attachment = attachment_add(
        user=user, agreement=AgreementFactory(), uploaded_file=upload(name, content)
    )

    assert attachment.media_type == media_type
    assert len(stored_files(media)) == 1


def test_the_same_file_may_be_attached_to_two_agreements(user, media):
    first, second = AgreementFactory(), AgreementFactory()

    a = attachment_add(user=user, agreement=first, uploaded_file=upload("plan.pdf", PDF))
    b = attachment_add(user=user, agreement=second, uploaded_file=upload("plan.pdf", PDF))

    assert a.sha256 == b.sha256
    assert Attachment.objects.count() == 2
    assert a.file.read() == b.file.read() == PDF


def assert_refused(user, agreement, uploaded_file, media, code, message):
    with pytest.raises(ValidationError) as excinfo:
        attachment_add(user=user, agreement=agreement, uploaded_file=uploaded_file)
    assert excinfo.value.code == code
    assert message in excinfo.value.messages[0]
    assert not Attachment.objects.filter(agreement=agreement).exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(
    "name",
    ["program.exe", "anteckning.txt", "sida.html", "bild.svg", "README", "beslut.pdf.exe", ".pdf"],
    ids=["exe", "txt", "html", "svg", "no-extension", "double-extension", "hidden-file"],
)
def test_a_file_with_a_disallowed_extension_is_refused(user, media, name):
    assert_refused(
        user,
        AgreementFactory(),
        upload(name, PDF),
        media,
        code="file_type",
        message="Filtypen är inte tillåten. Tillåtna filtyper: DOCX, ODS, ODT, PDF, PPTX, XLSX.",
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("beslut.pdf", b"<html><script>alert(1)</script></html>"),
        ("beslut.pdf", b"MZ\x90\x00 windows program"),
        ("beslut.pdf", b" %PDF-1.7 with a leading space"),
        ("avtal.docx", PDF),
        ("budget.xlsx", b"plain text pretending to be a spreadsheet"),
    ],
    ids=["html-as-pdf", "program-as-pdf", "pdf-marker-not-first", "pdf-as-docx", "text-as-xlsx"],
)
def test_content_not_matching_the_extension_is_refused(user, media, name, content):
    assert_refused(
        user,
        AgreementFactory(),
        upload(name, content),
        media,
        code="file_content",
        message="Filens innehåll stämmer inte med filtypen.",
    )


def test_an_empty_file_is_refused(user, media):
    assert_refused(
        user,
        AgreementFactory(),
        upload("tom.pdf", b""),
        media,
        code="empty",
        message="Filen är tom.",
    )


def test_a_file_over_the_size_limit_is_refused(user, media, settings):
    settings.ATTACHMENT_MAX_BYTES = len(PDF) - 1

    assert_refused(
        user,
        AgreementFactory(),
        upload("stor.pdf", PDF),
        media,
        code="too_large",
        message="Filen är för stor.",
    )


def test_a_file_of_exactly_the_size_limit_is_accepted(user, media, settings):
    settings.ATTACHMENT_MAX_BYTES = len(PDF)

    attachment = attachment_add(
        user=user, agreement=AgreementFactory(), uploaded_file=upload("precis.pdf", PDF)
    )

    assert attachment.size == len(PDF)


def test_the_size_limit_holds_even_when_the_upload_understates_its_size(user, media, settings):
    settings.ATTACHMENT_MAX_BYTES = len(PDF) - 1
    uploaded = upload("stor.pdf", PDF)
    uploaded.size = 10

    assert_refused(
        user, AgreementFactory(), uploaded, media, code="too_large", message="Filen är för stor."
    )


def test_the_same_file_twice_on_one_agreement_is_refused(user, media):
    agreement = AgreementFactory()
    first = attachment_add(user=user, agreement=agreement, uploaded_file=upload("plan.pdf", PDF))

    with pytest.raises(ValidationError) as excinfo:
        attachment_add(user=user, agreement=agreement, uploaded_file=upload("plan-kopia.pdf", PDF))

    assert excinfo.value.code == "duplicate"
    assert excinfo.value.messages == ["Samma fil finns redan som bilaga till överenskommelsen."]
    assert list(agreement.attachments.all()) == [first]
    assert stored_files(media) == [media / first.file.name]


def test_a_stored_file_is_removed_again_when_its_row_cannot_be_saved(user, media, monkeypatch):
    agreement = AgreementFactory()

    def fail(*args, **kwargs):
        raise RuntimeError("databasen svarar inte")

    monkeypatch.setattr(files, "save_with_history", fail)

    with pytest.raises(RuntimeError):
        attachment_add(user=user, agreement=agreement, uploaded_file=upload("plan.pdf", PDF))

    assert not Attachment.objects.exists()
    assert stored_files(media) == []
