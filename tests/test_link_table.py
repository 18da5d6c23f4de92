"""The compact claim-link table reads as the sequence of records it stands for."""

from __future__ import annotations

import pickle

from newsarchive.link.table import ClaimLinkBuilder, ClaimLinkTable
from newsarchive.records import ClaimLink, Ref

LINKS = (
    ClaimLink(Ref("harbour-tolls", 2), Ref("council-split", 0), "disagrees", "8 against 12 euros"),
    ClaimLink(Ref("harbour-tolls", 0), Ref("council-split", 1), "related", "same price", editorial=True),
    ClaimLink(Ref("council-split", 1), Ref("ferry", 3), "agrees", "same price"),
)


def test_table_reads_as_the_links_in_their_order() -> None:
    table = ClaimLinkTable.of(LINKS)
    assert list(table) == list(LINKS) and table == LINKS and len(table) == 3
    assert table[-1] == LINKS[-1] and table[0:2] == LINKS[0:2]
    assert pickle.loads(pickle.dumps(table)) == LINKS
    assert ClaimLinkTable() == ()


def test_builder_sorts_by_first_claim_then_second() -> None:
    builder = ClaimLinkBuilder()
    for link in LINKS:
        builder.add_link(link)
    want = sorted(LINKS, key=lambda x: (x.a.article, x.a.index, x.b.article, x.b.index))
    assert list(builder.table()) == want


def test_links_of_one_claim_and_one_article() -> None:
    table = ClaimLinkTable.of(LINKS)
    assert table.touching("council-split", 1) == [(Ref("harbour-tolls", 0), LINKS[1]),
                                                  (Ref("ferry", 3), LINKS[2])]
    assert table.touching("council-split", 7) == [] and table.touching("nowhere", 0) == []
    assert list(table.of_article("harbour-tolls")) == [
        (2, "council-split", 0, "disagrees", "8 against 12 euros", False),
        (0, "council-split", 1, "related", "same price", True)]
    assert [x.how for x in table.relation("disagrees")] == ["8 against 12 euros"]
