"""Records pickle as their class and field values (`records.quick_pickle`), and read back equal."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

from newsarchive.records import Claim, Ref, Span, quick_pickle


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
