"""The identifiers Swedish public bodies write: case numbers and organisation numbers."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from core.validators import (
    CaseNumber,
    normalise_case_number,
    normalise_organisation_number,
    parse_case_number,
    parse_case_numbers,
    validate_case_number,
    validate_organisation_number,
)

# --- Case numbers (ärendenummer / diarienummer): "HSN 2020/247" -------------------------

CODE_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"
CODE_REST = CODE_FIRST + "0123456789-"

codes = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(CODE_FIRST),
    st.text(alphabet=CODE_REST, max_size=15),
)
years = st.integers(min_value=1900, max_value=2100)
serials = st.integers(min_value=1, max_value=999_999)
# Spaces people type: plain, tab, no-break space and the narrow no-break space of Swedish typography.
spaces = st.text(alphabet=" \t\u00a0\u202f", min_size=1, max_size=3)
optional_spaces = st.text(alphabet=" \t\u00a0\u202f", max_size=3)


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


@given(code=codes, year=years, serial=serials)
def test_every_well_formed_case_number_parses_and_round_trips_through_str(code, year, serial):
    text = f"{code} {year}/{serial}"

    parsed = parse_case_number(text)

    assert parsed == CaseNumber(code=code, year=year, serial=serial)
    assert str(parsed) == text
    assert normalise_case_number(text) == text
    assert validate_case_number(text) is None


@given(
    code=codes,
    year=years,
    serial=serials,
    lead=optional_spaces,
    between=spaces,
    before_slash=optional_spaces,
    after_slash=optional_spaces,
    trail=optional_spaces,
    lower=st.booleans(),
)
def test_spacing_and_case_variants_normalise_to_the_canonical_case_number(
    code, year, serial, lead, between, before_slash, after_slash, trail, lower
):
    canonical = f"{code} {year}/{serial}"
    typed = f"{lead}{code.lower() if lower else code}{between}{year}{before_slash}/{after_slash}{serial}{trail}"

    assert normalise_case_number(typed) == canonical
    assert parse_case_number(typed) == CaseNumber(code=code, year=year, serial=serial)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("HSN 2020/247", "HSN 2020/247"),
        ("hsn 2020/247", "HSN 2020/247"),
        ("HSN  2020 / 247", "HSN 2020/247"),
        ("  SON 2022/380\n", "SON 2022/380"),
        ("RS\u00a02013/460", "RS 2013/460"),
    ],
    ids=["canonical", "lower-case", "extra-spaces", "surrounding-whitespace", "no-break-space"],
)
def test_case_numbers_from_the_source_documents_normalise(typed, canonical):
    assert normalise_case_number(typed) == canonical
    assert str(parse_case_number(typed)) == canonical


@given(st.text())
def test_random_text_never_raises_anything_but_validation_error(text):
    try:
        parsed = parse_case_number(text)
    except ValidationError as error:
        assert error.messages  # and it says why
    else:
        # Whatever is accepted has a canonical form that parses back to the same number.
        assert parse_case_number(str(parsed)) == parsed


@given(st.text())
def test_validate_case_number_accepts_exactly_what_parse_accepts(text):
    try:
        parse_case_number(text)
    except ValidationError:
        with pytest.raises(ValidationError):
            validate_case_number(text)
    else:
        assert validate_case_number(text) is None


@given(
    code=codes,
    year=st.integers(min_value=1000, max_value=1899) | st.integers(min_value=2101, max_value=9999),
    serial=serials,
)
def test_years_outside_1900_to_2100_are_refused(code, year, serial):
    with pytest.raises(ValidationError) as excinfo:
        parse_case_number(f"{code} {year}/{serial}")

    assert excinfo.value.code == "invalid_case_number_year"
    assert _messages(excinfo.value) == f"Ogiltigt år i ärendenumret: {year}."


@pytest.mark.parametrize("year", [1900, 2100], ids=["first-year", "last-year"])
def test_the_year_range_includes_its_ends(year):
    assert parse_case_number(f"HSN {year}/1").year == year


@given(code=codes, year=years, zeros=st.integers(min_value=1, max_value=6))
def test_serial_zero_is_refused(code, year, zeros):
    with pytest.raises(ValidationError) as excinfo:
        parse_case_number(f"{code} {year}/{'0' * zeros}")

    assert excinfo.value.code == "invalid_case_serial"
    assert "Löpnumret" in _messages(excinfo.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "HSN",
        "HSN 2020",
        "HSN 20/247",
        "HSN 2020/",
        "HSN 2020/1234567",
        "2020/247",
        "1HSN 2020/247",
        "HSN 2020-247",
        "HSN 2020/24a",
        "HSN 2020/247/1",
        "HSN ٢٠٢٠/٢٤٧",
        "HSN ２０２０/２４７",
    ],
    ids=[
        "empty",
        "code-only",
        "no-serial",
        "two-digit-year",
        "empty-serial",
        "serial-too-long",
        "no-code",
        "code-starts-with-digit",
        "dash-instead-of-slash",
        "letter-in-serial",
        "two-slashes",
        "arabic-indic-digits",
        "full-width-digits",
    ],
)
def test_malformed_case_numbers_are_refused_with_a_swedish_message(text):
    with pytest.raises(ValidationError) as excinfo:
        validate_case_number(text)

    assert excinfo.value.code == "invalid_case_number"
    assert "Ogiltigt ärendenummer" in _messages(excinfo.value)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Dnr RS 2022/1275", "RS 2022/1275"),
        ("dnr. RS 2022/1275", "RS 2022/1275"),
        ("Diarienummer: HSN 2022/652", "HSN 2022/652"),
        ("RS2022/1000", "RS 2022/1000"),
        ("RS 2022/713-1", "RS 2022/713-1"),
    ],
    ids=["dnr", "dnr-dot-lower", "diarienummer", "no-space", "document-number"],
)
def test_case_numbers_as_documents_write_them_are_read_and_written_canonically(written, canonical):
    assert str(parse_case_number(written)) == canonical
    assert normalise_case_number(written) == canonical


def test_a_document_number_is_kept_apart_from_its_case():
    number = parse_case_number("RS 2022/713-1")

    assert number.document == 1
    assert str(number.case) == "RS 2022/713"


@given(code=codes, year=years, serial=serials, prefix=st.sampled_from(["Dnr ", "DNR. ", "dnr: "]))
def test_a_dnr_prefix_is_dropped(code, year, serial, prefix):
    assert parse_case_number(f"{prefix}{code} {year}/{serial}") == CaseNumber(code, year, serial)


@given(code=st.text(alphabet=CODE_FIRST, min_size=1, max_size=8), year=years, serial=serials)
def test_a_letter_code_written_against_its_year_reads_as_code_and_year(code, year, serial):
    assert parse_case_number(f"{code}{year}/{serial}") == CaseNumber(code, year, serial)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("SOU 2018:33", "tryckt skrift"),
        ("SFS 2017:725", "tryckt skrift"),
        ("SON 108", "året saknas"),
        ("§ 67", "paragraf i protokollet"),
        ("RS 2022/1275 § 67", "paragraf i protokollet"),
    ],
    ids=["sou", "sfs", "no-year", "paragraph", "number-with-paragraph"],
)
def test_look_alikes_are_refused_with_the_reason(text, reason):
    with pytest.raises(ValidationError) as excinfo:
        parse_case_number(text)

    assert excinfo.value.code == "invalid_case_number"
    assert reason in _messages(excinfo.value)


def test_several_case_numbers_are_read_in_order_each_once():
    numbers = parse_case_numbers("SN 2017/212, SN 2019/16; Dnr SN 2019/16 och SON 2022/380")

    assert [str(n) for n in numbers] == ["SN 2017/212", "SN 2019/16", "SON 2022/380"]


def test_one_bad_number_among_several_is_refused_by_its_reason():
    with pytest.raises(ValidationError, match="tryckt skrift"):
        parse_case_numbers("SN 2017/212, SOU 2018:33")


# --- Organisation numbers (organisationsnummer): NNNNNN-NNNN with a Luhn check digit ----


def luhn_check_digit(nine_digits: str) -> str:
    """The tenth digit that makes the Luhn sum of all ten a multiple of ten."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return str((10 - total % 10) % 10)


@st.composite
def organisation_numbers(draw) -> str:
    """Ten digits without a dash: third digit 2 or more, last digit a correct Luhn check."""
    first_two = draw(st.text(alphabet="0123456789", min_size=2, max_size=2))
    third = draw(st.sampled_from("23456789"))
    rest = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    nine = first_two + third + rest
    return nine + luhn_check_digit(nine)


def dashed(digits: str) -> str:
    return f"{digits[:6]}-{digits[6:]}"


@given(digits=organisation_numbers(), with_dash=st.booleans())
def test_numbers_with_a_correct_luhn_check_digit_are_accepted_with_or_without_dash(
    digits, with_dash
):
    value = dashed(digits) if with_dash else digits

    assert validate_organisation_number(value) is None
    assert normalise_organisation_number(value) == dashed(digits)


@given(
    digits=organisation_numbers(),
    position=st.integers(min_value=0, max_value=9),
    offset=st.integers(min_value=1, max_value=9),
    with_dash=st.booleans(),
)
def test_changing_any_single_digit_makes_a_valid_number_invalid(
    digits, position, offset, with_dash
):
    new_digit = (int(digits[position]) + offset) % 10
    changed = digits[:position] + str(new_digit) + digits[position + 1 :]
    value = dashed(changed) if with_dash else changed

    with pytest.raises(ValidationError) as excinfo:
        validate_organisation_number(value)

    # A third digit below 2 is refused as a personal identity number before the checksum
    # is looked at; every other single-digit change is caught by the Luhn check.
    if position == 2 and new_digit < 2:
        assert excinfo.value.code == "invalid_organisation_number_group"
        assert "personnummer" in _messages(excinfo.value)
    else:
        assert excinfo.value.code == "invalid_organisation_number_checksum"
        assert _messages(excinfo.value) == "Organisationsnumrets kontrollsiffra stämmer inte."


@given(digits=organisation_numbers(), third=st.sampled_from("01"))
def test_a_third_digit_below_two_is_refused_as_a_personal_identity_number(digits, third):
    nine = digits[:2] + third + digits[3:9]
    value = dashed(nine + luhn_check_digit(nine))  # a correct check digit, still refused

    with pytest.raises(ValidationError) as excinfo:
        validate_organisation_number(value)

    assert excinfo.value.code == "invalid_organisation_number_group"


@given(st.text())
def test_random_text_is_refused_only_with_validation_error(text):
    try:
        validate_organisation_number(text)
    except ValidationError as error:
        assert error.messages
    else:
        assert normalise_organisation_number(text).replace("-", "").isascii()


@pytest.mark.parametrize(
    "value",
    [
        "",
        "232100-025",
        "232100-02555",
        "23210-00255",
        "2321000-255",
        "232100 0255",
        "232100--0255",
        "23210O-0255",
        "SE232100025501",
        "٢٣٢١٠٠-٠٢٥٥",
        "２３２１００-０２５５",
    ],
    ids=[
        "empty",
        "too-short",
        "too-long",
        "dash-too-early",
        "dash-too-late",
        "space-instead-of-dash",
        "two-dashes",
        "letter-o-for-zero",
        "vat-number",
        "arabic-indic-digits",
        "full-width-digits",
    ],
)
def test_malformed_organisation_numbers_are_refused_with_a_swedish_message(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_organisation_number(value)

    assert excinfo.value.code == "invalid_organisation_number"
    assert _messages(excinfo.value) == (
        "Ogiltigt organisationsnummer: skriv tio siffror som NNNNNN-NNNN."
    )


@pytest.mark.parametrize(
    "value",
    ["232100-0255", "2321000255", "212000-1124", "212000-1132", "202100-5448"],
    ids=["region-skane", "region-skane-no-dash", "malmo-stad", "lunds-kommun", "skatteverket"],
)
def test_real_organisation_numbers_are_accepted(value):
    assert validate_organisation_number(value) is None


def test_surrounding_whitespace_is_ignored_in_an_organisation_number():
    assert normalise_organisation_number(" 232100-0255\n") == "232100-0255"
