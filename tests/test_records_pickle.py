"""Records pickle as their class and field values (`records.quick_pickle`), and read back equal."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, dataclass, replace

import pytest

from newsarchive.records import Archive, Claim, Quote, Ref, Span, quick_pickle


@quick_pickle
@dataclass(frozen=True, slots=True)
class _One:
    only: str


def test_records_reduce_to_their_class_and_field_values() -> None:
    claim = Claim("Prices rose 5%.", "ONS", Span(2, 0, 15, 7), editorial=True, why="a figure")
    assert claim.__reduce__() == (Claim, ("Prices rose 5%.", "ONS", Span(2, 0, 15, 7), "a figure", True))
    assert pickle.loads(pickle.dumps(claim)) == claim
    assert pickle.loads(pickle.dumps(Ref("a", 3), protocol=5)) == Ref("a", 3)


def test_a_record_of_one_field_reduces_to_a_tuple() -> None:
    assert _One("x").__reduce__() == (_One, ("x",))
    assert pickle.loads(pickle.dumps(_One("x"))) == _One("x")


def test_the_units_sent_to_the_render_workers_pickle_as_records_do() -> None:
    from newsarchive.build.pages import Unit

    unit = Unit("people/jane-smith.html", "person", 7, "0123abcd")
    assert unit.__reduce__() == (Unit, ("people/jane-smith.html", "person", 7, "0123abcd"))
    assert pickle.loads(pickle.dumps(unit, protocol=5)) == unit


def test_records_set_their_fields_as_a_plain_slotted_class_does() -> None:
    # (A frozen dataclass's own `__setattr__` makes each field set in `__init__` a Python call.)
    assert Span.__setattr__ is object.__setattr__
    assert Span.__delattr__ is object.__delattr__
    # (its code names the attributes it stores, and nothing else)
    assert Span.__init__.__code__.co_names == ("paragraph", "start", "end", "line")


def test_records_still_compare_hash_and_replace_as_frozen_dataclasses() -> None:
    span = Span(1, 2, 3, 4)
    assert span == Span(1, 2, 3, 4) and span != Span(1, 2, 3, 5)
    assert hash(span) == hash((1, 2, 3, 4)) and len({span, Span(1, 2, 3, 4)}) == 1
    assert repr(span) == "Span(paragraph=1, start=2, end=3, line=4)"
    assert replace(span, end=9) == Span(1, 2, 9, 4)
    assert Archive(()).names == {} and Archive(()).names is not Archive(()).names
    assert Quote("a", "direct", None, span).cue is None


@quick_pickle
@dataclass(frozen=True, slots=True)
class _Checked:
    only: str

    def __post_init__(self) -> None:
        assert self.only


def test_a_record_the_quick_init_does_not_fit_stays_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        _Checked("x").only = "y"  # type: ignore[misc]
