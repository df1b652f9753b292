"""The table of plan-item kinds: every kind of plan content is in it, named once."""

from plans import kinds
from plans.models import PlanItem, Section


def test_every_kind_of_plan_content_is_in_the_table():
    items = set(PlanItem.__subclasses__())
    assert {kind.model for kind in kinds.ITEM_KINDS} == items
    assert kinds.of(Section) is kinds.SECTION_KIND


def test_each_kind_has_its_own_url_word_and_key_and_a_form_for_its_model():
    assert len({kind.word for kind in kinds.KINDS}) == len(kinds.KINDS)
    assert len({kind.key for kind in kinds.KINDS}) == len(kinds.KINDS)
    for kind in kinds.KINDS:
        assert kinds.by_word(kind.word) is kind
        assert kind.form._meta.model is kind.model
        assert set(kind.compared) <= {f.name for f in kind.model._meta.fields}
