"""Link claims in different articles that speak of the same thing, and say where they disagree.

First the stories: two articles are about the same story when they name the same rare names
(people, places, bodies), found through an index of names, never all articles against all. Then
only the claims of related stories are compared, by general rules a reader can check:
- "disagrees": figures for the same concept and kind of thing whose ranges do not meet
  ("300,000 conscripts" against "tens of thousands of citizens", both about the call-up); or one
  claim denies what the other affirms ("yet to see mass protests" against "massive protests flared up").
- "agrees": figures for the same concept and kind of thing that meet.
- "related": several words in common, one of them rare.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations

from newsarchive.link.claim_keys import ClaimKeys, Quantity
from newsarchive.link.pieces import LinkPieces, link_pieces
from newsarchive.link.table import ClaimLinkBuilder
from newsarchive.records import Article

# A name in more articles than this is too common to tell stories apart by co-occurrence.
_NAME_CAP = 300
# A name is rare when at most this share of articles use it (or this many, in a small archive).
_RARE_SHARE = 0.01
_RARE_MIN = 3
_RELATED_MIN_SHARED = 4
_RELATED_MIN_JACCARD = 0.3


def _fmt(q: Quantity) -> str:
    if q.unit == "percent":
        figure = q.words if "%" in q.words else f"{q.words} per cent"
        return f"{figure} of {q.noun}" if q.noun else figure
    vague = q.words.split()[-1] in {"dozens", "hundreds", "thousands", "millions", "billions"}
    return f"{q.words}{' of' if vague and q.noun else ''} {q.noun}".strip()


def _quantity_relation(a: ClaimKeys, b: ClaimKeys) -> tuple[str, str] | None:
    """Return (relation, how) where both claims give a figure for the same thing."""
    if a.dates and b.dates and not a.dates & b.dates:
        return None  # figures for different months or years are not about the same thing
    clash: tuple[str, str] | None = None
    # A figure for a month or year named may be one for another time than a figure for none: they agree
    # where their ranges meet, not merely come near, and only figures for the same time (or both for
    # none) can disagree.
    timed = bool(a.dates) == bool(b.dates)
    for qa in a.quantities:
        for qb in b.quantities:
            shared = sorted(qa.concepts & qb.concepts)
            if not shared or qa.unit != qb.unit or qa.unit == "count":
                continue
            # Figures must concern the same names ("Russia", "Florida"), and rates and sums the
            # same setting ("house prices"): a concept alone ("growth") covers too many figures.
            if not a.names & b.names or (qa.unit != "people" and not qa.context & qb.context):
                continue
            # "Unison's 800,000 workers" are Unison's alone: a figure of a claim that never names
            # Unison is another one.
            if (qa.owner and qa.owner not in b.stems) or (qb.owner and qb.owner not in a.stems):
                continue
            # "100 employees were sacked" and "80 workers left" count two events: neither agree nor clash.
            if qa.event and qb.event and qa.event != qb.event:
                continue
            what = f"both give a number of {qa.unit.split()[0]} for '{shared[0]}'"
            if qa.high * 1.1 < qb.low or qb.high * 1.1 < qa.low:
                if timed and _same_measure(qa, qb, a, b):
                    clash = clash or ("disagrees", f"{what}: {_fmt(qa)} against {_fmt(qb)}")
            elif not timed and (qa.high < qb.low or qb.high < qa.low):
                continue  # "146,000 jobs in January", "157,000 jobs last month": near, for two months
            else:
                # Where any figure of one meets one of the other, the two speak of the same figures
                # ("between 3% and 3.5%", "10% inflation, 15% interest rates" told twice): no clash.
                return "agrees", f"{what}: {_fmt(qa)} and {_fmt(qb)}"
    return clash


def _same_measure(qa: Quantity, qb: Quantity, a: ClaimKeys, b: ClaimKeys) -> bool:
    """Return True where two figures measure the same thing for the same place or body, so that they
    can be in tension."""
    # "North West 3%" and "North East 26.2%", "BA has cut 13,000 jobs" and "Delta … cut 6,900 jobs":
    # the place or body named beside a figure must be named by the other claim too.
    if not qa.scope <= b.names | b.stems or not qb.scope <= a.names | a.stems:
        return False
    # "£4bn of tax cuts" and "£35bn cuts": two things measured. Counts of people say what they
    # count by their unit ("300,000 new conscripts", "tens of thousands of ordinary citizens").
    if qa.unit != "people" and qa.measure and qb.measure and qa.measure != qb.measure:
        return False
    if qa.unit == "percent":
        # "fell 0.7%" against "increased by 1.1%" is a tension; a change against a level is not.
        return bool(qa.direction) == bool(qb.direction)
    # "a net loss of 800,000 jobs" and "two million jobs created" are two measures, and so are a
    # sum cut and one held: amounts compare only for the same way.
    return qa.direction == qb.direction


def _denial(a: ClaimKeys, b: ClaimKeys, df: Counter[str], rare: int) -> str | None:
    """Return how one claim denies what the other affirms, where it does."""
    for x, y in ((a, b), (b, a)):
        if not x.denied or x.unnamed:
            # Most claims deny nothing: spare the set operations below. A denial of someone unnamed
            # ("Her time … was not good enough") cannot be shown to speak of whom the other claim does.
            continue
        # Who does not must be named in the other claim too: "Jones, who … has never failed a drugs
        # test" says nothing against "White failed a drugs test".
        if x.subject and not x.subject <= y.names | y.stems:
            continue
        # What x denies must be what y affirms: two words of the denied phrase in y ("mass
        # protests"), one of them an event of a known kind (or three words), which y does not deny.
        about = (x.denied & y.stems) - y.denied
        if about.isdisjoint(x.heads):
            continue  # "never voted in general elections" denies no "general election" but voting
        if not any(df[w] <= rare for w in about):
            continue  # "not … president": words every story of a kind uses say nothing
        if len(about) >= 3 or (len(about) == 2 and (x.denied & y.concepts) - y.denied):
            words = ", ".join(sorted(about))
            return f"one denies what the other affirms ('{x.phrase}'); both speak of {words}"
    return None


def related_stories(names: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """Return the pairs of articles (by index) that tell the same story, from the names each uses."""
    postings: dict[str, list[int]] = {}
    for i, ns in enumerate(names):
        for n in ns:
            postings.setdefault(n, []).append(i)
    total = max(len(names), 1)
    rare = max(_RARE_MIN, int(total * _RARE_SHARE))
    weight = {n: math.log((total + 1) / len(m)) for n, m in postings.items()}
    enough = 2 * math.log((total + 1) / rare)
    score: dict[tuple[int, int], float] = {}
    out: set[tuple[int, int]] = set()
    for n, members in postings.items():
        if len(members) < 2 or len(members) > _NAME_CAP:
            continue
        for x, y in combinations(members, 2):
            if len(members) <= rare:
                out.add((x, y))  # one rare name in common is enough
            else:
                score[(x, y)] = score.get((x, y), 0.0) + weight[n]  # common names must add up
    out.update(pair for pair, w in score.items() if w >= enough)
    return sorted(out)


def _relate(ka: ClaimKeys, kb: ClaimKeys, df: Counter[str], rare: int) -> tuple[str, str] | None:
    """Return (relation, how) for two claims of related stories, or None."""
    shared = ka.stems & kb.stems
    if len(shared) + len(ka.concepts & kb.concepts) < 2:
        return None  # two claims of a story must share two words or concepts to be about one thing
    found = _quantity_relation(ka, kb)
    if found is None or found[0] != "disagrees":
        denial = _denial(ka, kb, df, rare)
        if denial:
            return "disagrees", denial
    if found is not None:
        return found
    union = ka.stems | kb.stems
    if len(shared) >= _RELATED_MIN_SHARED and len(shared) >= _RELATED_MIN_JACCARD * len(union) and \
            any(df[s] <= rare for s in shared):
        return "related", "shared words: " + ", ".join(sorted(shared)[:8])
    return None


def rarity(pieces: Sequence[LinkPieces]) -> tuple[Counter[str], int]:
    """Return how many claims use each word, and the most a word may have and still be rare."""
    keys = [p.claims for p in pieces]
    df: Counter[str] = Counter(s for ks in keys for k in ks for s in k.stems)
    return df, rare_limit(sum(len(ks) for ks in keys))


def rare_limit(claims: int) -> int:
    """Return the most claims a word may be used by and still be rare, in an archive of `claims` claims."""
    return max(_RARE_MIN * 5, int(claims * _RARE_SHARE))


def link_claims(articles: Sequence[Article], pieces: Sequence[LinkPieces] | None = None,
                out: ClaimLinkBuilder | None = None, pairs: Sequence[tuple[int, int]] | None = None,
                rare_words: tuple[Counter[str], int] | None = None) -> ClaimLinkBuilder:
    """Add the links between claims of different articles to `out` (a new builder by default).

    `pieces` are the articles' `link_pieces`, in the same order, where the caller has them already.
    `pairs` are the pairs of articles (by index) to compare, by default every pair of related
    stories; `rare_words` their `rarity`, where the caller has it. `out.table()` gives them sorted.
    """
    if pieces is None:
        pieces = [link_pieces(a) for a in articles]
    df, rare = rare_words if rare_words is not None else rarity(pieces)
    if pairs is None:
        pairs = related_stories([p.names for p in pieces])
    links = out if out is not None else ClaimLinkBuilder()
    return compare_stories(articles, pieces, pairs, (df, rare), links)


class _Claims:
    """One article's claims as `compare_stories` compares them, made for the articles in a pair only."""

    __slots__ = ("every", "figures", "words")

    def __init__(self, keys: Sequence[ClaimKeys]) -> None:
        self.words = [k.stems | k.concepts for k in keys]
        """Each claim's words and concepts: two claims are compared only where they share two."""
        self.every: frozenset[str] = frozenset().union(*self.words)
        """Those of all its claims together."""
        self.figures = [(bool(k.quantities), bool(k.denied)) for k in keys]
        """Whether each claim can be in a figure's or a denial's link (`_relate`): two claims neither
        of which can be are at most "related", which takes more words in common than two."""


def _related_claims(cx: _Claims, cy: _Claims) -> Iterator[tuple[int, int]]:
    """Yield the pairs of claims (by index) of two articles that `_relate` may link."""
    # A claim sharing fewer than two words with all the other article's claims together shares
    # fewer than two with each of them: one set operation a claim, not one a pair of claims,
    # rules out most (a quarter of the 930,000 pairs of 2,225 BBC articles are left).
    theirs = [(j, wb, *cy.figures[j]) for j, wb in enumerate(cy.words) if len(wb & cx.every) >= 2]
    if not theirs:
        return
    for i, wa in enumerate(cx.words):
        if len(wa & cy.every) < 2:
            continue
        qa, da = cx.figures[i]
        for j, wb, qb, db in theirs:
            # Most claims of related stories share no word: isdisjoint tells without a new set.
            if wa.isdisjoint(wb):
                continue
            shared = len(wa & wb)
            if shared >= _RELATED_MIN_SHARED or (shared >= 2 and (da or db or (qa and qb))):
                yield i, j


def compare_stories(articles: Sequence[Article], pieces: Sequence[LinkPieces] | Mapping[int, LinkPieces],
                    pairs: Sequence[tuple[int, int]], rare_words: tuple[Counter[str], int],
                    links: ClaimLinkBuilder) -> ClaimLinkBuilder:
    """Add to `links` the links between the claims of each pair of articles (by index) in `pairs`.

    `pieces` gives the link pieces of every article in a pair, by the article's index (of the
    others it may hold none); `rare_words` is the archive's `rarity`.
    """
    df, rare = rare_words
    made: dict[int, _Claims] = {}
    # An article's claims are let go after its last pair (at 20,000 articles they held ~50 MB).
    last = {a: n for n, pair in enumerate(pairs) for a in pair}
    for n, (x, y) in enumerate(pairs):
        sx, sy = articles[x].slug, articles[y].slug
        if sx != sy:
            if sy < sx:  # say `how` in the order of the refs, which are sorted by slug
                x, y, sx, sy = y, x, sy, sx
            for a in (x, y):
                if a not in made:
                    made[a] = _Claims(pieces[a].claims)
            keys_x, keys_y = pieces[x].claims, pieces[y].claims
            for i, j in _related_claims(made[x], made[y]):
                found = _relate(keys_x[i], keys_y[j], df, rare)
                if found is not None:
                    links.add(sx, i, sy, j, found[0], found[1])  # type: ignore[arg-type]
        for a in (x, y):
            if last[a] == n:
                made.pop(a, None)
    return links
