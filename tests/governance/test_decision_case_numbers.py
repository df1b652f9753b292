"""A decision's case numbers as documents write them: one parser (core.validators) and the
rule that a body files under its own short code, for any number and as the documents write
them."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import example, given
from hypothesis import strategies as st

from core.validators import parse_case_numbers
from governance.models import Body, case_number_for_body
from governance.services import decision_create
from tests import factories

codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ", min_size=1, max_size=6)
years = st.integers(min_value=1900, max_value=2100)
serials = st.integers(min_value=1, max_value=999_999)
documents = st.one_of(st.none(), st.integers(min_value=1, max_value=9999))
written_as = st.sampled_from(["{n}", "Dnr {n}", "dnr. {n}", "Diarienummer: {n}"])


@given(code=codes, year=years, serial=serials, document=documents, form=written_as)
@example(code="RS", year=2022, serial=1275, document=None, form="Dnr {n}")
@example(code="RS", year=2022, serial=713, document=1, form="{n}")
def test_a_number_of_the_bodys_own_code_is_kept_canonical(code, year, serial, document, form):
    canonical = f"{code} {year}/{serial}" + (f"-{document}" if document else "")
    body = Body(name="Organet", short_code=code.lower())

    assert case_number_for_body(body, form.format(n=canonical)) == canonical


@given(code=codes, year=years, serial=serials)
@example(code="RS", year=2022, serial=1000)
def test_written_against_its_year_it_reads_the_same(code, year, serial):
    body = Body(name="Organet", short_code=code)

    assert case_number_for_body(body, f"{code}{year}/{serial}") == f"{code} {year}/{serial}"


@given(own=codes, other=codes, year=years, serial=serials)
@example(own="HSN", other="SON", year=2022, serial=380)
def test_a_number_of_another_code_is_refused_in_swedish(own, other, year, serial):
    body = Body(name="Organet", short_code=own)
    number = f"{other} {year}/{serial}"
    if own == other:
        assert case_number_for_body(body, number) == number
        return
    with pytest.raises(ValidationError) as excinfo:
        case_number_for_body(body, number)
    assert excinfo.value.messages == [f"Ärendenumret ska börja med organets förkortning {own}."]


@pytest.mark.django_db
def test_an_agenda_items_two_case_numbers_become_one_decisions_rows():
    social = factories.BodyFactory(name="Socialnämnden", short_code="SN")
    numbers = [str(n) for n in parse_case_numbers("SN 2017/212, SN 2019/16")]

    decision = decision_create(user=None, body=social, case_numbers=numbers)

    assert decision.case_number_list() == ["SN 2017/212", "SN 2019/16"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "reason"),
    [("SOU 2018:33", "tryckt skrift"), ("SON 108", "året saknas"), ("§ 67", "paragraf")],
)
def test_look_alikes_are_refused_by_the_service_with_the_reason(text, reason):
    body = factories.BodyFactory(short_code="SON")

    with pytest.raises(ValidationError) as excinfo:
        decision_create(user=None, body=body, case_numbers=[text])

    assert reason in excinfo.value.message_dict["case_numbers"][0]
