"""Resolve holders that are not names: pronouns ("she wrote") and descriptions ("said the paper")."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from newsarchive.extract.attribution import offices
from newsarchive.extract.attribution.context import MASK, SUBORDINATORS, find_cue_words
from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.extract.labels import labelled_speaker
from newsarchive.extract.text import alternation

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsarchive.extract.attribution.context import Context, Named

_LOOKBACK = 4
"""How many paragraphs back a pronoun or description may reach for its antecedent."""
_FINDING_LOOKBACK = 12
"""How many paragraphs back "the report" may reach for the body that published it."""
_MENTIONS_BACK = 150
"""How many mentions back it may reach: a bound for run-together paragraphs of any length
(a 400 KB paragraph of "the mayor said" cost each description a walk over all the names before)."""


def _recent(ctx: Context, paragraph: int, at: int) -> Iterator[Named]:
    """Yield the mentions before a place, nearest first, as far back as a holder may stand."""
    for i, n in enumerate(ctx.before(paragraph, at)):
        if i == _MENTIONS_BACK or paragraph - n.paragraph > _LOOKBACK:
            return
        yield n

_Heads = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]
_heads_cache: list[tuple[Lexicon, frozenset[str], _Heads]] = []


def _heads(ctx: Context) -> _Heads:
    """Return patterns for a description after a verb, before one and opening a sentence, and
    the body words (a firm's among them: "the airline said")."""
    lex = ctx.lex
    if _heads_cache and _heads_cache[0][0] is lex and _heads_cache[0][1] is ctx.cues.firm_heads:
        return _heads_cache[0][2]
    body_words = set(lex.type_words)
    for body in lex.bodies.values():
        body_words |= body.describe
    body_words |= {h.lower() for h in lex.org_heads if h.isalpha()}
    words = body_words | lex.roles
    # A firm word is a head only where no other head follows it: "the airline said", but "the
    # national team coach", "the giant winger" are the coach and the winger.
    firm = ctx.cues.firm_heads - words
    body_words |= firm
    # (grouped by first letter: ~2.7x faster over the BBC's masked paragraphs, same matches)
    main = alternation(sorted(words, key=len, reverse=True))
    alt = f"{main}|(?:{'|'.join(sorted(firm, key=len, reverse=True))})(?![ ]+(?:{main})\\b)" if firm else main
    co = r"(?:(?:co|vice|deputy|acting)-)?"  # ("the Tory co-chairman": a chairman)
    after = re.compile(rf"\s*(?:the|this|that)\s+((?:[\w’'-]+\s+){{0,3}}?){co}({alt})\b")
    # ("the Labour MP for Birkenhead asked", "The star of Rain Man and Tootsie said": a place or
    # works after the role)
    before = re.compile(rf"\b(?:the|The|This|this)\s+((?:[\w’'-]+\s+){{0,3}}?){co}({alt})"
                        rf"(?:\s+(?:for|of)\s+[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){{0,3}})?\s*,?\s*$")
    opening = re.compile(rf"\s*The\s+((?:[\w’'-]+\s+){{0,3}}?){co}({alt})\b")
    frozen = frozenset(body_words)
    _heads_cache[:] = [(lex, ctx.cues.firm_heads, (after, before, opening, frozen))]
    return after, before, opening, frozen


def description(ctx: Context, paragraph: int, start: int, end: int,
                before: bool = False, opening: bool = False) -> tuple[str | None, str] | None:
    """Return the named source a description points back to, or None where there is no description.
    `opening`: the description opens a sentence ("The Tory leader attacked … and said")."""
    masked = ctx.masked[paragraph]
    author = _named_finding(ctx, paragraph, start, end, before)
    if author is not None:
        return author, "description"
    finding = _finding(ctx, masked, start, end, before)
    if finding is not None:
        return _finding_author(ctx, paragraph, finding.start(), finding.group(1)), "description"
    after_re, before_re, opening_re, body_words = _heads(ctx)
    m = before_re.search(masked, max(start, end - 70), end) if before \
        else (opening_re if opening else after_re).match(masked, start, end)
    if m is None and not opening:
        # "…,” the Minister said": a title alone, capitalised, is the office as "the minister" is
        alone = _TITLE_ALONE_BEFORE.search(masked, max(start, end - 30), end) if before \
            else _TITLE_ALONE_AFTER.match(masked, start, end)
        if alone is not None and alone.group(1) in ctx.lex.titles \
                and alone.group(1).lower() in ctx.lex.roles:
            masked = masked[:alone.start(1)] + alone.group(1).lower() + masked[alone.end(1):]
            m = before_re.search(masked, max(start, end - 70), end) if before \
                else after_re.match(masked, start, end)
            if m is not None and m.group(2).lower() not in body_words:
                # (only a person given that office: "the Bishop said" is no one where no bishop is named)
                return _person_for(ctx, paragraph, m.start(), m.group(2).lower()), "description"
    if m is not None and before \
            and masked[max(start, m.start() - 6):m.start()].split()[-1:] in _OBJECT_BEFORE:
        return None  # "United's statement to the stock exchange said": an object, not the speaker
    if m is None and not before:
        owned = _OWNED_AFTER.match(masked, start, end)
        named = _named_after(ctx, paragraph, owned.end(), end) if owned is not None else None
        if named is not None:
            return named, "description"  # "said its chairman, Sir Anthony Greener"
    if m is None:
        age = _AGE_BEFORE.search(masked, max(start, end - 40), end) if before \
            else _AGE_AFTER.match(masked, start, end)
        if age is not None:
            # "added the 30-year-old": the person the story is about
            return _subject_before(ctx, paragraph, age.start(), None, described=True), "description"
        return _epithet(ctx, paragraph, start, end, before)
    if not before:
        named = _named_after(ctx, paragraph, m.end(), end)
        if named is not None:
            return named, "description"  # "said the festival's executive director, Craig Prater"
    head = re.sub(r"\s+", " ", m.group(2)).lower()
    phrase = re.sub(r"\s+", " ", m.group(1) + m.group(2)).lower().strip()
    at = m.start()
    if head in body_words:
        body = _body_for(ctx, paragraph, at, head, phrase)
        if body is None and head in _PART_OF_BODY:
            # "a spokeswoman for the SEC's Boston office told": the body named inside it
            body = next((n.name for n in ctx.named_at(paragraph, m.start(1), m.end(1))
                         if n.kind != "person"), None)
        if body is None and head in ctx.cues.firm_heads:
            # "the company said", "the club told": an organisation the text has named, nearest first
            body = _nearest_body(ctx, paragraph, at)
        return body, "description"
    if head in ctx.cues.anonymous:
        # "The BPI spokesman described", "said the Tory source": the body named speaks
        body = _voice_body(ctx, paragraph, m.start(1), m.end(1), head)
        if body is not None and masked[at:at + 4].lower().lstrip().startswith("the"):
            # "The Kremlin spokesman added" after "Kremlin Spokesman Dmitry Peskov": the man named
            person = _named_voice(ctx, paragraph, at, head, body)
            if person is not None:
                return person, "description"
        if body is None and not m.group(1).strip() and _person_for(ctx, paragraph, at, head) is None:
            # "A spokesman for the Home Office said … “…,” said the spokesman": the body the
            # last such voice spoke for
            body = _voice_before(ctx, paragraph, at, head)
        if body is not None:
            return body, "description"
    if before and _voice_for(ctx, masked[max(start, at - 40):at]):
        return None, "description"  # "A rep for the star said": the rep, whom the text does not name
    return _described_person(ctx, paragraph, at, head, m.group(1)), "description"


_VOICE_FOR_WORDS = frozenset(("rep", "reps", "publicist", "agent", "manager", "representatives"))
"""Who speaks for a person besides the `anonymous` cue words: "a rep for the star said"."""


def _voice_for(ctx: Context, before: str) -> bool:
    """Return True where the words before a description of a person end in a voice speaking for
    them ("A rep for the star", "a spokesman for the actress"): that voice, not the person, speaks."""
    words = before.split()[-2:]
    return len(words) == 2 and words[1] == "for" \
        and (words[0].lower() in ctx.cues.anonymous or words[0].lower() in _VOICE_FOR_WORDS)


_TITLE_ALONE_BEFORE = re.compile(r"\b[Tt]he\s+((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)\s*,?\s*$")
_TITLE_ALONE_AFTER = re.compile(r"\s*the\s+((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)\b(?!\s+[A-Z])")
"""A capitalised title alone after "the", before or after its speech verb ("the Minister said",
"the Holy Father said")."""


_findings_cache: list[tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]] = []


def _finding(ctx: Context, masked: str, start: int, end: int, before: bool) -> re.Match[str] | None:
    """Match "the report" (`CueWords.findings`) as a verb's holder, before or after it."""
    words = ctx.cues.findings
    if not words:
        return None
    if not _findings_cache or _findings_cache[0][0] is not words:
        alt = "|".join(sorted(words, key=len, reverse=True))
        ahead = re.compile(rf"\b[Tt]he\s+(?:[a-z-]+\s+){{0,2}}?({alt})\s*,?\s*$")
        behind = re.compile(rf"\s*the\s+(?:[a-z-]+\s+){{0,2}}?({alt})\b(?!\s+(?:of|by|from|for)\b)")
        _findings_cache[:] = [(words, ahead, behind)]
    _, ahead, behind = _findings_cache[0]
    return ahead.search(masked, max(start, end - 50), end) if before else behind.match(masked, start, end)


_NAMED_FINDING_BEFORE = re.compile(r"\b[Tt]he\s+([A-Z][\w’'-]+)\s+([a-z]+)\s*,?\s*$")
_NAMED_FINDING_AFTER = re.compile(r"\s*the\s+([A-Z][\w’'-]+)\s+([a-z]+)\b")
"""A finding named after a person: "the Kok report said", "said the Hutton inquiry"."""


def _named_finding(ctx: Context, paragraph: int, start: int, end: int, before: bool) -> str | None:
    """Return the person a finding before or after a verb is named after, as "Mr Kok's report
    noted" is Kok's: "the Kok report said" after Wim Kok is named (by that mention, else by the
    one person of that surname); None where it is named after no one the text names."""
    masked = ctx.masked[paragraph]
    m = _NAMED_FINDING_BEFORE.search(masked, max(start, end - 50), end) if before \
        else _NAMED_FINDING_AFTER.match(masked, start, end)
    if m is None or m.group(2) not in ctx.cues.findings:
        return None
    named = [n for n in ctx.named_at(paragraph, m.start(1), m.end(1)) if n.start <= m.start(1)]
    if named:
        return named[0].name if named[0].kind == "person" else None
    word = m.group(1)
    people = [name for name in ctx.genders if name.rsplit(" ", 1)[-1] == word
              and offices.mentioned_before(ctx, name, (paragraph, m.start())) != (-1, -1)]
    return people[0] if len(people) == 1 else None


def finding_subject(ctx: Context, paragraph: int, start: int, at: int) -> bool:
    """Return True where the words before a verb at `at` are a body's finding: "The report adds"."""
    return _finding(ctx, ctx.masked[paragraph], start, at, True) is not None


def _finding_author(ctx: Context, paragraph: int, at: int, noun: str) -> str | None:
    """Return the body named nearest before `at` as the author of a `noun` in its sentence: "a
    report by the National Audit Office", "the OECD's latest report", "BT said in its report" (not
    "a report into the BBC's Freeview service"), or None.

    It looks further back than other descriptions: the body that published a finding is named
    once, where the text opens on it ("The National Audit Office today publishes its review …"),
    and "the review" stands for it paragraphs later.
    """
    for i, n in enumerate(ctx.before(paragraph, at)):
        if i == _MENTIONS_BACK or paragraph - n.paragraph > _FINDING_LOOKBACK:
            return None
        masked = ctx.masked[n.paragraph]
        if n.kind == "person" or masked[n.start] == MASK:
            continue  # (nor one named inside a quotation)
        s_start, s_end = ctx.sentence_of(n.paragraph, n.start)
        # (lower case: "the BBC's World Business Report" is a programme)
        after = [w.strip(",.;:") for w in masked[n.end:min(s_end, n.end + 40)].split()[:5]]
        before = masked[max(s_start, n.start - 30):n.start].split()[-3:]
        if before[-1:] == ["the"]:
            before.pop()
        owned = masked[n.end:n.end + 20]
        if noun in after or f"’s {noun}" in owned or f"'s {noun}" in owned \
                or before[-2:] in ([noun, "by"], [noun, "from"]) \
                or _its_finding(masked, s_start, n.start, noun):
            return n.name
    return None


def _its_finding(masked: str, s_start: int, at: int, noun: str) -> bool:
    """Return True where the sentence opens on "its <noun>" before a name at `at`: "In its latest
    bi-annual report, the OECD cut …" (the name is the subject the possessive points forward to)."""
    words = [w.strip(",") for w in masked[s_start:at].split()]
    return "its" in words[:3] and noun in words[words.index("its") + 1:words.index("its") + 5]


_OBJECT_BEFORE = (["to"], ["into"], ["against"])
"""Prepositions whose object a description before a verb is ("to the stock exchange"; not "at",
"for", "with": "a senior source at the club told" speaks for the club)."""
_PART_OF_BODY = frozenset(("team", "office", "staff", "department", "division", "unit", "press office"))
"""Heads that name a part of a body, which speaks for it: "the SEC's Boston office"."""
_OWNED_AFTER = re.compile(r"\s*(?:its|their|his|her)\s+(?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w-]*(?=,)")
_APPOSED = re.compile(r"(?:[’']s)?(?:\s+[a-z][\w’'-]*){0,4},\s+(?:[A-Z][\w.]*\s+)?")


def _named_after(ctx: Context, paragraph: int, at: int, end: int) -> str | None:
    """Return the person named in apposition right after a description ("the committee
    chairman, MP Edward Leigh"), or None."""
    m = _APPOSED.match(ctx.masked[paragraph], at, end)
    if m is None:
        return None
    return next((n.name for n in ctx.named_at(paragraph, at, min(end, m.end() + 60))
                 if n.kind == "person" and at + 1 < n.start <= m.end()), None)


_VOICE = re.compile(r"\b(spokes(?:man|woman|person)|official|source)\b")
_VOICE_FOR = re.compile(r"\s+(?:for|at|from)\s+(?:the\s+)?")


def _voice_before(ctx: Context, paragraph: int, at: int, head: str) -> str | None:
    """Return the body the last unnamed voice of the same kind before a place spoke for ("a
    spokesman for the Home Office", "an SFA spokesman"), or None where that voice named none."""
    kind = "spokes" if head.startswith("spokes") else head
    for p in range(paragraph, max(-1, paragraph - _LOOKBACK - 1), -1):
        masked = ctx.masked[p]
        end = at if p == paragraph else len(masked)
        found = [m for m in _VOICE.finditer(masked, max(0, end - 2000), end) if m.group(1).startswith(kind)]
        for m in reversed(found):
            if masked[max(0, m.start() - 4):m.start()].lower().endswith("the "):
                continue  # "the spokesman" again: look further back
            before = ctx.named_at(p, max(0, m.start() - 40), m.start())
            for_ = _VOICE_FOR.match(masked, m.end())
            after = [n for n in ctx.named_at(p, for_.end(), for_.end() + 120)
                     if n.start == for_.end()] if for_ is not None else []
            body = next((n for n in after + before[::-1] if n.kind != "person"), None)
            return body.name if body is not None else None
    return None


def _described_person(ctx: Context, paragraph: int, at: int, head: str, modifiers: str) -> str | None:
    """Return the person a description of a person ("the chancellor", "the pop star") points to,
    and remember them as its holder for the rest of the article (`offices`)."""
    person = _person_for(ctx, paragraph, at, head, modifiers)
    phrase = " ".join((*modifiers.lower().split(), head))
    remembered = head not in ctx.cues.anonymous
    if remembered:
        # the one it went to before, unless the holder named within reach was mentioned since
        person = offices.holder(ctx, paragraph, at, phrase, [person] if person is not None else [])
    if person is None and paragraph == 0 and ctx.lede is not None and _holds(ctx.lede[0], head):
        person = ctx.lede[1]  # "…, the lord chancellor has said." named in the next paragraph
    if person is None and remembered and _unnamed_before(ctx, paragraph, at, head):
        # "A political strategist who has worked with … told Meduza …. “…,” the strategist said":
        # the one the text left unnamed, not the person the story is about
        return None
    holders: list[str] | None = None
    if person is None and remembered:
        holders = [name for name, roles in ctx.roles.items()
                   if roles and name in ctx.genders and _holds(roles, _office_in(roles, head, modifiers))]
        if not holders:
            # "Later the prime minister said" in a story that names Tony Blair but gives no one
            # the office: the one person named who held it then (and no other office in the text)
            person = _held_then(ctx, paragraph, at, head, modifiers)
    person = person or _guessed_person(ctx, paragraph, at, head, modifiers)
    if person is None and not remembered and not modifiers.strip():
        person = _only_voice(ctx, paragraph, at, head)
    if person is None and holders:
        # no one nearer to guess: the one whose roles give the office, paragraphs back
        person = offices.holder(ctx, paragraph, at, phrase, holders)
    if person is not None and head not in ctx.cues.anonymous:
        offices.remember(ctx, paragraph, at, phrase, person)
    return person


def _held_then(ctx: Context, paragraph: int, at: int, head: str, modifiers: str) -> str | None:
    """Return the one person named before (paragraph, at) whom `offices.yaml` gives the office
    a description names (`offices.by_term`), where the text gives them no other; else None."""
    words = modifiers.lower().split()
    office = " ".join((*(w for w in words if w != "former"), head))  # ("the prime minister")
    # (not one the text calls by another office, nor a member: "Tory MP Boris Johnson" in 2004)
    held = []
    for name in offices.by_term(ctx, paragraph, at, office, "former" in words):
        roles = " ".join(w for w in ctx.roles[name].split() if w not in _KIN)  # ("his older brother")
        if not _other_office(ctx, roles, head, modifiers) \
                and not any(w.upper() in ctx.lex.postnominals for w in roles.split()) \
                and not _told_apart(ctx, paragraph, at, name, modifiers, head):
            held.append(name)
    return held[0] if len(held) == 1 else None


_KIN = frozenset(("brother", "sister", "father", "mother", "son", "daughter", "wife", "husband"))
"""Words for kin, which are titles too ("Brother", "Father") but give no office in a role."""


def _only_voice(ctx: Context, paragraph: int, at: int, head: str) -> str | None:
    """Return the one person the article gives a voice's role ("spokesperson") where "the
    spokesperson said" points back to them, paragraphs after: "Foreign Ministry spokesperson Mao
    Linfeng said …. The spokesperson said"; None where no voice of that word was left unnamed
    before ("a spokesman said …, the spokesman added") or two people hold it."""
    if not ctx.masked[paragraph][at:at + 5].lstrip().lower().startswith("the "):
        return None
    holders = [name for name, roles in ctx.roles.items() if roles and _holds(roles, head)]
    if len(holders) != 1 or _unnamed_before(ctx, paragraph, at, head):
        return None
    return holders[0]


def unnamed_re(head: str) -> re.Pattern[str]:
    r"""Return the pattern of someone of a description brought in unnamed ("a spokesman", "one
    senior official"): `\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,2}?` and the head.

    Written to open on the first letter of "a", "one" or "another", so that the engine skips to
    the letters that can start a match (opened by `\b`, it was tried at every character of every
    paragraph up to the first match: ~330,000 instructions a head an article); the look-behinds
    then say what `\b` and the first letter said: the same matches, in the same order.
    """
    return re.compile(rf"[AaOo](?<!\w(?s:.))(?:(?<=[Aa])n?|(?<=[Oo])ne|(?<=[Aa])nother)"
                      rf"\s+(?:[\w’'-]+\s+){{0,2}}?{re.escape(head)}\b")


def _unnamed_before(ctx: Context, paragraph: int, at: int, head: str) -> bool:
    """Return True where the text before `at` brings in someone of that description unnamed: "a
    spokesman said", "A political strategist who has worked with …" (the first such place is
    looked for once an article: a paragraph of thousands of "the mayor said" costs one scan)."""
    first = ctx.unnamed_first.get(head)
    if first is None:
        unnamed = unnamed_re(head)
        first = (len(ctx.masked), 0)
        for p, masked in enumerate(ctx.masked):
            # (the head is in every match: a paragraph without it is not searched)
            m = unnamed.search(masked) if head in masked else None
            if m is not None:
                first = (p, m.end())
                break
        ctx.unnamed_first[head] = first
    return first <= (paragraph, at)


def _guessed_person(ctx: Context, paragraph: int, at: int, head: str, modifiers: str) -> str | None:
    """Return the person a description stands for where the text gives no one its office: the
    person the story is about, or the standfirst's holder below."""
    person: str | None = None
    if head not in ctx.cues.anonymous and head not in _THIRD_PARTY \
            and not any(w.endswith(("’s", "'s")) for w in modifiers.split()):
        # "the prime minister said", "the pop star said" with no one given that role in so many
        # words: the person the story is about, as for an epithet ("the rapper's spokesman", "the
        # party's deputy leader": someone else)
        # — or, right after a lede that ends on its speaker ("Tony Blair has failed, Michael Howard
        # has said."), that speaker, whom no one has followed as speaker yet
        person = _lede_speaker(ctx, paragraph, at) \
            or _subject_before(ctx, paragraph, at, None, described=True)
        roles = ctx.roles.get(person, "") if person is not None else ""
        office = _office_in(roles, head, modifiers)
        if person is not None and _owner_of(roles, head):
            # "The actor's friend Budd Schulberg told …. The actor repeatedly refused": not the
            # friend but someone the text has in view, the person the story opens on
            person = _story_subject(ctx, at, paragraph, person)
            roles = ctx.roles.get(person, "") if person is not None else ""
            if person is not None and _other_office(ctx, roles, head, modifiers):
                person = None
        elif person is not None and (_other_office(ctx, roles, head, modifiers)
                                     or (office != head and roles and not _holds(roles, office))
                                     or _told_apart(ctx, paragraph, at, person, modifiers, head)):
            # "The chancellor meanwhile insisted" is not the Lib Dem spokesman before it, nor "the
            # prime minister said" the deputy prime minister (one given no office may be either),
            # nor "the former president said" anyone the text speaks of apart from him
            person = None
    return person or office_holder_below(ctx, paragraph, head)


def _story_subject(ctx: Context, at: int, paragraph: int, other: str) -> str | None:
    """Return the first person the first paragraph names outside a quotation, where that is not
    `other` and stands before (paragraph, at); else None."""
    first = next((n for n in ctx.named_at(0, 0, len(ctx.masked[0]))
                  if n.kind == "person" and ctx.masked[0][n.start] != MASK), None)
    if first is None or first.name == other or (0, first.start) >= (paragraph, at):
        return None
    return first.name


def office_holder_below(ctx: Context, paragraph: int, role: str) -> str | None:
    """Return, for a standfirst's "Housing secretary says …", the first person the text below
    gives that office ("The housing secretary, Angela Marsh, …"); None elsewhere."""
    if ctx.draft.doc.paragraphs[paragraph].kind != "standfirst":
        return None
    return next((n.name for n in ctx.named if n.kind == "person" and n.paragraph > paragraph
                 and _holds(ctx.roles.get(n.name, ""), role)), None)


def _lede_speaker(ctx: Context, paragraph: int, at: int) -> str | None:
    """Return the person a first paragraph ends on as its speaker ("Tony Blair has failed,
    Michael Howard has said."), for a description in the paragraph right after it with no named
    cue before it there: "“…”, the Conservative leader said" is Howard."""
    if paragraph != 1 or any(p == 1 and offset < at for p, offset, _ in ctx.speakers[-4:]):
        return None
    masked = ctx.masked[0]
    last = next((n for n in reversed(ctx.named_at(0, 0, len(masked))) if n.kind == "person"), None)
    if last is None or masked[last.start - 2:last.start] != ", ":
        return None
    m = _LEDE_VERB.fullmatch(masked, last.end)
    return last.name if m is not None and m.group(1) in ctx.cues.verbs else None


_LEDE_VERB = re.compile(r"\s+(?:has\s+|have\s+)?([a-z]+)\.?\s*")
"""The verb that ends a lede after its speaker's name: "…, Michael Howard has said."."""


_THIRD_PARTY = frozenset(("judge", "referee", "umpire", "prosecutor", "coroner", "magistrate", "detective",
                          "inspector", "officer", "police officer", "investigator", "witness", "jury"))
"""Roles of those who rule on or report about the people a story is about: "the judge agreed"
with no judge named is not the story's subject."""


def _other_office(ctx: Context, roles: str, head: str, modifiers: str = "") -> bool:
    """Return True where `head` names an office (a title: "chancellor", "prime minister") and
    the person's roles name another one ("treasury spokesman", "home secretary"). A head that
    names any of several offices ("the minister") names one where a word in lower case stands
    before it ("the prime minister" is no London mayor; but "the Warriors chief" may be the club's
    chairman, "the Labour leader" the First Minister)."""
    titles = ctx.lex.titles
    if (head in _ANY_OFFICE and not modifiers.lstrip()[:1].islower()) \
            or head.rsplit(" ", 1)[-1].capitalize() not in titles:
        return False
    words = roles.replace(".", " ").split()
    if _holds(" ".join(titles.get(w.capitalize(), w).lower() for w in words), head):
        return False  # ("Vermont Sen." holds "the senator")
    return any(w.capitalize() in titles for w in words)


_ANY_OFFICE = frozenset(("minister", "chief", "leader", "official", "director", "secretary"))
"""Heads that name any of several offices: "the minister" may be the education secretary."""


_AGE_AFTER = re.compile(r"\s*the\s+(?:[a-z]+\s+)?\d{1,3}-year-old\b")
_AGE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?\d{1,3}-year-old\s*,?\s*$")


def _nearest_body(ctx: Context, paragraph: int, at: int) -> str | None:
    for n in _recent(ctx, paragraph, at):
        if n.kind == "organisation" and ctx.masked[n.paragraph][n.start] != MASK:
            return n.name
    return None


# "the Dutchman said", "said the Scot": an epithet (`Lexicon.is_epithet`) points back to a person.
_EPITHET_AFTER = re.compile(r"\s*the\s+(?:(?:New|South|North|Northern|Sri|Costa|Puerto)\s+)?"
                            r"([A-Z][a-z’'-]+)\b(?![ ]+[A-Z])")
_EPITHET_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z0-9][\w-]*\s+){0,3}"
                             r"(?:(?:New|South|North|Northern|Sri|Costa|Puerto)\s+)?([A-Z][a-z’'-]+)\s*,?\s*$")
"""("the New Zealander", "the South African": a two-word people's name ends in the epithet)"""


def _epithet(ctx: Context, paragraph: int, start: int, end: int,
             before: bool) -> tuple[str | None, str] | None:
    masked = ctx.masked[paragraph]
    m = _EPITHET_BEFORE.search(masked, max(start, end - 40), end) if before \
        else _EPITHET_AFTER.match(masked, start, end)
    if m is None or not ctx.lex.is_epithet(m.group(1)) or ctx.named_at(paragraph, m.start(1), m.end(1)):
        return None  # "the Guardian said" names its source
    country = ctx.lex.countries.get(m.group(1))
    national = _national(ctx, m.group(1), country) if country is not None else None
    if national is not None:
        return national, "description"  # "the Russian said": the one Russian, not the last speaker
    return _subject_before(ctx, paragraph, m.start(), None, described=True), "description"


def _national(ctx: Context, adjective: str, country: str) -> str | None:
    """Return the one person the text gives a nationality: the adjective or the country's
    possessive right before a mention ("Russian Dmitri Sokolov", "Russia's Dmitri Sokolov"), the
    country's three-letter code after one ("Sokolov (Rus)", a results line) or a role ("Russian
    player"); None where no one or more than one is so described."""
    word, code = adjective.lower(), f"({country[:3]})"
    found: set[str] = set()
    for n in ctx.named:
        if n.kind != "person" or n.name in found:
            continue
        masked = ctx.masked[n.paragraph]
        entity = ctx.draft.entities.get(n.name)
        roles = entity.roles if entity is not None else []
        before = masked[max(0, n.start - 60):n.start].lower()
        # (the adjective may open a role right before the name: "Russian world number one Dmitri Sokolov")
        if before.endswith((f"{word} ", f"{country.lower()}'s ", f"{country.lower()}’s ")) \
                or any(before.endswith(f"{word} {role.lower()} ") for role in roles) \
                or masked[n.end:n.end + 6].strip() == code \
                or any(_national_role(role.lower(), word, ctx.lex.roles) for role in roles):
            found.add(n.name)
    return found.pop() if len(found) == 1 else None


def _national_role(role: str, adjective: str, roles: frozenset[str]) -> bool:
    """Return True for a role that gives a person a nationality: "russian", "russian player" (not
    a body's description taken for a person's role: "swiss newspaper")."""
    return role == adjective or (role.startswith(adjective + " ") and role.rsplit(" ", 1)[-1] in roles)


def typed_voice(ctx: Context, paragraph: int, start: int, at: int) -> str | None:
    """Return the body an unnamed voice with a body's type word before a verb at `at` speaks for,
    the nearest earlier body of that type: "A club spokesman confirmed" after "Middlesbrough
    midfielder James Morrison" is Middlesbrough's; None where no such voice stands there."""
    m = _TYPED_VOICE.search(ctx.masked[paragraph], max(start, at - 40), at)
    if m is None or m.group(2).lower() not in ctx.cues.anonymous:
        return None
    word = m.group(1)
    body = _body_for(ctx, paragraph, m.start(), word, word) if word in _heads(ctx)[3] else None
    if body is None and word in ctx.cues.firm_heads:
        body = _nearest_body(ctx, paragraph, m.start())
    return body


_TYPED_VOICE = re.compile(r"\b[Aa]n?\s+([a-z]+)\s+([a-z]+)\s*$")


def _body_for(ctx: Context, paragraph: int, at: int, head: str, phrase: str) -> str | None:
    """Return the nearest earlier body the description fits; one it names exactly comes first."""
    types = ctx.lex.type_words.get(head, frozenset())
    nearest: str | None = None
    for n in _recent(ctx, paragraph, at):
        if n.kind == "person":
            continue
        body = ctx.lex.bodies.get(n.name[4:] if n.name.startswith("The ") else n.name)
        describe = body.describe if body else frozenset()
        if phrase != head and phrase in describe:
            return n.name
        if head in describe:
            return n.name  # (a body its own entry describes so: "the corporation" is the BBC)
        roles = ctx.roles.get(n.name, "")
        fits = ((body is not None and body.type in types)
                or head in roles or head in n.name.lower()
                or any(types & ctx.lex.type_words.get(w, frozenset()) for w in roles.split()))
        if fits and nearest is None:
            nearest = n.name
    return nearest


def _person_for(ctx: Context, paragraph: int, at: int, head: str, modifiers: str = "") -> str | None:
    # (an office by its initials, "the CM said", is the Chief Minister named before; an office by
    # another word for it, "the pontiff said", the Pope)
    full = (ctx.lex.titles.get(head.upper()) or ctx.lex.titles.get(head.title(), head)).lower()
    for n in _recent(ctx, paragraph, at):
        if n.kind == "person":
            roles = ctx.roles.get(n.name, "")
            if _holds(roles, _office_in(roles, head, modifiers)) or (full != head and _holds(roles, full)):
                return n.name
    return None


def _office_in(roles: str, head: str, modifiers: str) -> str:
    """Return the office a description names, as a person's roles would hold it: its words before
    the head too where the roles have them ("the prime minister" is no deputy prime minister,
    though a minister), and where they make it another office ("the vice president" is no
    president), else the head alone ("the embattled minister" is the foreign minister)."""
    words = modifiers.split()
    full = " ".join((*words, head)).lower() if words else head
    if full != head and (full in roles or words[-1].lower() in _OTHER_OFFICE):
        return full  # ("the vice president" is no president)
    return head


# Words that make a role another office: "the chancellor" is not the shadow chancellor.
_OTHER_OFFICE = ("shadow", "deputy", "vice", "former", "ex", "assistant", "junior", "acting", "under")


def _holds(roles: str, head: str) -> bool:
    """Return True where a person's roles (joined, lower-cased) hold the office `head` names (not
    as an owner: "actor's friend" holds no "actor")."""
    at = roles.find(head)
    while at >= 0:
        before = roles[:at].rstrip(" -").rsplit(" ", 1)[-1]
        if before not in _OTHER_OFFICE and not roles.startswith(_POSSESSIVE, at + len(head)):
            return True
        at = roles.find(head, at + 1)
    return False


_POSSESSIVE = ("'s", "’s")


def _told_apart(ctx: Context, paragraph: int, at: int, person: str, modifiers: str, head: str) -> bool:
    """Return True where the sentence that last names the person also speaks of "the <office>"
    apart from them: "Mr. Trump's words may have affected the former president" (the former
    president is someone else), not "Tony Blair, the prime minister," (in apposition)."""
    last = offices.mentioned_before(ctx, person, (paragraph, at))
    if last[0] < 0:
        return False
    masked = ctx.masked[last[0]]
    s_start, s_end = ctx.sentence_of(last[0], last[1])
    phrase = f"the {' '.join((*modifiers.split(), head))}"
    sentence = masked[s_start:s_end].lower()
    found = sentence.find(phrase)
    while found >= 0:
        spot = s_start + found
        apposed = any(n.name == person and (abs(spot - n.end) <= 2 or abs(n.start - spot - len(phrase)) <= 2)
                      for n in ctx.named_at(last[0], s_start, s_end))
        if (spot < at or last[0] != paragraph) and not apposed:
            return True
        found = sentence.find(phrase, found + 1)
    return False


def _owner_of(roles: str, head: str) -> bool:
    """Return True where a person's roles relate them to the office's holder: "actor's friend"."""
    return f"{head}'s" in roles or f"{head}’s" in roles


# Words of time between a verb and its clause: "Jennifer Roberts said Friday that she thinks".
_WHEN = frozenset(("on", "last", "this", "early", "late", "yesterday", "today", "tonight", "week", "night",
                   "morning", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))


def _reporting_subject(ctx: Context, paragraph: int, at: int, want: str) -> str | None:
    """Return the person who, in the pronoun's own sentence, says what the pronoun goes on to:
    "Hamish MacDonell said he believed …" (he is MacDonell, not the paragraph's last speaker)."""
    masked = ctx.masked[paragraph]
    s_start, _ = ctx.sentence_of(paragraph, at - 1)
    for n in _recent(ctx, paragraph, at):
        if n.paragraph != paragraph or n.start < s_start:
            break
        if n.kind != "person" or ctx.genders.get(n.name) not in (None, want):
            continue
        words = [w for w in masked[n.end:at].split() if w not in ctx.cues.between and w not in _WHEN]
        rest = words[1:]
        if rest and rest[-1].lower() in ctx.cues.pronouns:
            rest = rest[:-1]
        if words and words[0] in ctx.cues.verbs and rest in ([], ["that"]):
            return n.name
    return None


def pronoun(ctx: Context, paragraph: int, start: int, end: int,
            after: bool) -> tuple[str | None, str] | None:
    """Return the antecedent of a pronoun at the edge of [start, end), or None if no pronoun stands there."""
    masked = ctx.masked[paragraph]
    # (only the word at the edge: not the whole clause cut into words)
    edge = masked[start:end].split(None, 1)[:1] if after else masked[start:end].rsplit(None, 1)[-1:]
    if not edge:
        return None
    word = edge[0].strip(",").lower()
    want = ctx.cues.pronouns.get(word)
    if want is None:
        return None
    at = start if after else end
    if want == "organisation":
        last = next(((p, name) for p, offset, name in reversed(ctx.speakers)
                     if (p, offset) < (paragraph, at)), None)
        if last is not None and last[0] == paragraph and (
                last[1] not in ctx.genders or (" " not in last[1] and ctx.genders[last[1]] is None
                                               and not ctx.has_honorific(last[1]))):
            # "Southcorp said Foster's offer was “opportunistic”. However, it said …": Southcorp
            # (also where one word with no given name or honorific was taken for a person:
            # "“…,” said Seagate. “…,” it said")
            return last[1], "pronoun"
        for n in _recent(ctx, paragraph, at):
            if n.kind != "person":
                return n.name, "pronoun"
        return None, "pronoun"
    if word == "they":
        # "A statement from … Universal said …. However they said …", "They say the policy
        # would …" after the Conservatives' words: a body spoken of as "they", where the last
        # speaker, in this paragraph or the one before, is a body and no one else was named since
        spoke = next(((p, offset, name) for p, offset, name in reversed(ctx.speakers)
                      if (p, offset) < (paragraph, at)), None)
        # (and only as the subject of a speech verb, "they said": not "MPs said. Instead they
        # called for …")
        verb = (masked[end:end + 24] if not after else masked[start:end].split(None, 1)[-1]).split(None, 1)
        if verb and verb[0].strip(",.:") in ctx.cues.verbs and spoke is not None \
                and paragraph - spoke[0] <= 1 and spoke[2] not in ctx.genders \
                and not any(n.name != spoke[2] and (n.paragraph, n.start) > (spoke[0], spoke[1])
                            for n in _recent(ctx, paragraph, at)) \
                and not _said_since(ctx, spoke[0], spoke[1], paragraph, at):
            return spoke[2], "pronoun"
        return None, "pronoun"
    if word in ("i", "we"):
        # "Spokesperson: As I said yesterday, …: “Stop the fighting …”": a transcript's speaker
        return labelled_speaker(ctx.draft, paragraph), "pronoun"
    if want not in ("male", "female"):
        return None, "pronoun"
    reporter = _reporting_subject(ctx, paragraph, at, want)
    if reporter is not None:
        return reporter, "pronoun"
    if _unnamed_voice(ctx, paragraph, at):
        return None, "pronoun"  # "The executive spokeswoman said …. She said: “…”"
    body = _body_voice(ctx, paragraph, at, want)
    if body is not None:
        return body, "pronoun"  # "A Home Office spokesman said …. He added"
    for p, offset, name in reversed(ctx.speakers):
        if p == paragraph and offset < at and ctx.genders.get(name, "") in (None, want):
            # The paragraph's last speaker, unless a later sentence brings in someone else
            # ("…," Henman said. Federer dropped a set. "…," he said.)
            floor = ctx.sentence_of(paragraph, offset)[1]
            later = _described_before(ctx, paragraph, at, want, floor) \
                or _subject_before(ctx, paragraph, at, want, floor=floor, spoken=False)
            return later or _reporter_of(ctx, paragraph, offset, want) or name, "pronoun"
        if p < paragraph:
            break
    listed = _listed_otherwise(ctx, paragraph, at, want)
    if listed is not None:
        return listed, "pronoun"
    if _unnamed_office_before(ctx, paragraph, at):
        return None, "pronoun"  # "The Secretary-General welcomes …. In a statement, he said"
    aside = not after and _PARENTHETICAL.search(masked, max(0, at - 12), at) is not None
    described = _described_before(ctx, paragraph, at, want) or _described_last(ctx, paragraph, at, want)
    if described is not None:
        return described, "pronoun"
    subject = _subject_before(ctx, paragraph, at, want, aside=aside)
    if subject is None and paragraph == 1 and ctx.lede is not None \
            and ctx.genders.get(ctx.lede[1], want) in (None, want):
        # "The attorney general has again denied …" over "Claims … were “wholly unfounded,” he
        # insisted …. Lord Goldsmith said": with no one named before it, "he" is the lede's
        # described holder, whom this paragraph names after it
        return ctx.lede[1], "pronoun"
    return _gendered_instead(ctx, paragraph, at, want, subject), "pronoun"


def _listed_otherwise(ctx: Context, paragraph: int, at: int, want: str) -> str | None:
    """Return the paragraph's last speaker for a "he" no one of its gender fits, where that
    speaker's other gender comes from a list of given names alone (no honorific, no one else
    named in the paragraph before it): "Health Minister Leota Tavita Faleolo said …. “…,” he
    said" (a census list has "Leota" as a woman's name; a Samoan chief's title is no given name).
    None where there is no such speaker."""
    if want != "male":
        return None  # (a woman's name in a list is seldom a man's elsewhere; the reverse is common:
        # "Andrea", "Nicola", "Simone" are Italian men's names, "Leota" a Samoan chief's title)
    last = next((name for p, offset, name in reversed(ctx.speakers) if p == paragraph and offset < at), None)
    if last is None or ctx.genders.get(last) in (None, want) or ctx.has_honorific(last):
        return None
    # (named in the paragraph, not found by a description, and no one else named there, who may
    # be the one meant)
    named = {n.name for n in ctx.named_at(paragraph, 0, at) if n.kind == "person"}
    return last if named == {last} else None


_OFFICE_OPENS = re.compile(r"\s*The\s+((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)\s+[a-z]+(?:s|ed)\b")
"""A sentence whose subject is an office in capitals: "The Secretary-General welcomes …"."""


def _unnamed_office_before(ctx: Context, paragraph: int, at: int) -> bool:
    """Return True where the sentence before a pronoun's, in its paragraph, has for subject an
    office no one the text names holds ("The Secretary-General welcomes the agreement …. In a
    statement issued last night, he said"), so "he" is that office's unnamed holder."""
    s_start = ctx.sentence_of(paragraph, at)[0]
    if s_start == 0:
        return False
    p_start, p_end = ctx.sentence_of(paragraph, s_start - 1)
    m = _OFFICE_OPENS.match(ctx.masked[paragraph], p_start, p_end)
    if m is None or m.group(1).rsplit(None, 1)[-1] not in ctx.lex.titles \
            or ctx.named_at(paragraph, p_start, s_start):
        return False
    office = m.group(1).lower()
    return not any(office in roles for roles in ctx.roles.values())


def _said_since(ctx: Context, paragraph: int, offset: int, to_paragraph: int, at: int) -> bool:
    """Return True where a speech verb stands between the end of the sentence holding `offset`
    and `at`: someone else spoke since ("The party said …", "MPs said. Instead they …")."""
    end = ctx.sentence_of(paragraph, offset)[1]
    spans = [(paragraph, end, len(ctx.masked[paragraph]))] if paragraph < to_paragraph else []
    spans.append((to_paragraph, end if paragraph == to_paragraph else 0, at))
    return any(a < b and find_cue_words(ctx.cues, ctx.masked[p], a, b) for p, a, b in spans)


_GENDER_REACH = 300
"""How far back in its paragraph a pronoun looks past a name of unknown gender for one of its own."""


def _gendered_instead(ctx: Context, paragraph: int, at: int, want: str, name: str | None) -> str | None:
    """Return a woman named shortly before in the paragraph for a "she" resolved to `name`, a name
    of unknown gender: "Sharon Osbourne gave details …. They included rings Ozzy gave her. She
    said …" is Sharon (no list knows "Ozzy"); else `name`."""
    if name is None or want != "female" or ctx.genders.get(name, "") is not None:
        return name  # (a "he": most names of unknown gender in the news are men's)
    masked = ctx.masked[paragraph]
    for n in _recent(ctx, paragraph, at):
        if n.paragraph != paragraph or n.start < at - _GENDER_REACH:
            break
        if n.kind == "person" and ctx.genders.get(n.name) == want and masked[n.start] != MASK \
                and _verb_after(ctx, masked, n.end):
            return n.name  # (a subject with a verb of her own: not "third behind Hayley Yelling and …")
    return name


def _reporter_of(ctx: Context, paragraph: int, offset: int, want: str) -> str | None:
    """Return the speaker of an earlier cue in the sentence of the cue at `offset` whose reported
    words hold that cue: "Glenn Campbell said the first minister had ordered a report. He said"
    is Campbell, not the first minister; None where there is none."""
    s_start = ctx.sentence_of(paragraph, offset)[0]
    masked = ctx.masked[paragraph]
    found: str | None = None
    for p, at, name in reversed(ctx.speakers):
        if p != paragraph or at < max(s_start, offset - _CLAUSE_CHARS):
            break  # (a bound: no rescans of a long sentence)
        if at >= offset:
            continue
        if _CLAUSE_BREAK.search(masked, at, offset):
            break  # "Mr Howard attacked the plan, and Mr Blair replied": two clauses
        if ctx.genders.get(name, "") in (None, want):
            found = name
    return found


_CLAUSE_BREAK = re.compile(r"[,;:·“”\"]|\s(?:and|but|while|whereas|as)\s")
"""What ends a reported clause between two cues of one sentence."""


_PARENTHETICAL = re.compile(r",\s+(?:he|she)\s*$")
"""A pronoun set off by a comma before its verb: "Mr Blair has failed …, he claimed," reports
what the "he" says of Mr Blair."""


_CLAUSE_CHARS = 300
"""How far back in a sentence the checks for a pronoun or a name look (a bound: no rescans)."""

_DESCRIBED_REACH = 2
"""How many sentences back a described subject may stand before a pronoun."""


_a_voice_cache: list[tuple[frozenset[str], re.Pattern[str]]] = []


def _a_voice(ctx: Context) -> re.Pattern[str]:
    """Return the pattern of a sentence opened by an unnamed voice with "a": "A Labour Party
    spokesman criticised …" (the words before the voice word may name its body)."""
    words = ctx.cues.anonymous
    if not _a_voice_cache or _a_voice_cache[0][0] is not words:
        alt = alternation(sorted(words, key=lambda w: len(re.escape(w)), reverse=True), spaces=r"\ ")
        _a_voice_cache[:] = [(words, re.compile(rf"\s*An?\s+((?:[\w’'-]+\s+){{0,3}}?)({alt})\b"))]
    return _a_voice_cache[0][1]


_VOICE_GAP = 40
"""How far a body's name may stand before the name of the person named as its voice."""


def _named_voice(ctx: Context, paragraph: int, at: int, head: str, body: str) -> str | None:
    """Return the person named earlier as the body's voice, with the description's head word
    between the two names ("Kremlin Spokesman Dmitry Peskov"), or None."""
    person = _person_for(ctx, paragraph, at, head)
    if person is None:
        return None
    later: Named | None = None
    for n in _recent(ctx, paragraph, at):
        if later is not None and n.name == body and later.name == person and n.paragraph == later.paragraph \
                and 0 < later.start - n.end <= _VOICE_GAP \
                and head in ctx.masked[n.paragraph][n.end:later.start].lower():
            return person
        later = n
    return None


def _voice_body(ctx: Context, paragraph: int, start: int, end: int, head: str,
                definite: bool = True) -> str | None:
    """Return the body named in a description of an unnamed voice ("The BPI spokesman"), or None;
    not a party's with "the": "The Tory spokesman" is, in British news, the shadow minister the
    story quotes ("the Tory source", "A Labour Party spokesman" are the party)."""
    body = next((n for n in ctx.named_at(paragraph, start, end) if n.kind != "person"), None)
    if body is None:
        return None
    entry = ctx.lex.bodies.get(body.name)
    if definite and entry is not None and "party" in entry.describe and head.startswith("spokes"):
        return None
    return body.name


def _described_before(ctx: Context, paragraph: int, at: int, want: str, floor: int = 0) -> str | None:
    """Return the holder of a role described as the subject of a sentence just before a pronoun,
    with no one named between: "The home secretary, whose blueprint …, rejected claims. “…,” he
    said" is the home secretary named earlier (Charles Clarke), not the last man named."""
    masked = ctx.masked[paragraph]
    opening = _heads(ctx)[2]
    spans = ctx.sentences[paragraph]
    # (by bisection: a paragraph of thousands of sentences costs each pronoun a lookup, not a scan)
    last = bisect_left(spans, (at, -1))
    for s_start, s_end in reversed(spans[max(0, last - _DESCRIBED_REACH):last]):
        if s_start < floor:
            return None
        m = opening.match(masked, s_start, s_end) or _a_voice(ctx).match(masked, s_start, s_end)
        head = re.sub(r"\s+", " ", m.group(2)).lower() if m is not None else ""
        if m is not None and head in ctx.cues.anonymous:
            # "The BPI spokesman described the chart as …. “…,” he said": the body he speaks for,
            # with no person named since
            definite = masked[m.start():m.end()].lstrip()[:1] == "T"
            body = _voice_body(ctx, paragraph, m.start(1), m.end(1), head, definite)
            if body is not None and _person_for(ctx, paragraph, m.start(), head) is None \
                    and not any(n.kind == "person" and masked[n.start] != MASK
                                for n in ctx.named_at(paragraph, m.end(), at)):
                return body
        if any(masked[n.start] != MASK and not _object(ctx, masked, n.start, _PREPOSITIONS)
               for n in ctx.named_at(paragraph, max(s_start, at - _CLAUSE_CHARS), min(s_end, at))):
            # someone named since ("The shadow foreign secretary, Michael Ancram,"), not only
            # spoken of ("claims from Conservative leader Michael Howard"): the usual reading
            return None
        if m is not None:
            person = _person_for(ctx, paragraph, m.start(), head)
            return person if person is not None and ctx.genders.get(person) in (None, want) else None
    return None


# A clause opened by a description after an introductory phrase: "Turning to the economy, the
# chancellor pledged …" (the words before the comma hold no name: checked by the caller).
_INTRO_COMMA = re.compile(r"[^,;:]{0,60},\s*")


def _described_last(ctx: Context, paragraph: int, at: int, want: str) -> str | None:
    """Return the holder of a role described as the subject of the last sentence of the paragraph
    before, for a pronoun opening its paragraph with no one named in either since: "… Turning to
    the economy, the chancellor pledged to continue growth." then "He said after seven years …"
    is the chancellor (Gordon Brown), not the shadow chancellor named a paragraph earlier."""
    prev = paragraph - 1
    if prev < 0 or ctx.draft.doc.paragraphs[prev].kind != "text" or ctx.named_at(paragraph, 0, at) \
            or ctx.sentence_of(paragraph, at)[0] != 0:
        return None
    masked = ctx.masked[prev]
    s_start, s_end = ctx.sentence_of(prev, max(0, len(masked.rstrip()) - 1))
    if MASK in masked[s_start:s_end] or ctx.named_at(prev, s_start, s_end):
        return None
    opening = _heads(ctx)[2]
    m = opening.match(masked, s_start, s_end)
    if m is None:
        intro = _INTRO_COMMA.match(masked, s_start, s_end)
        if intro is None:
            return None
        m = _opening_lower(ctx).match(masked, intro.end(), s_end)
        if m is None:
            return None
    head = re.sub(r"\s+", " ", m.group(2)).lower()
    if head in _heads(ctx)[3]:
        return None  # a body ("the company") is no "he"
    person = _described_person(ctx, prev, m.start(), head, m.group(1))
    return person if person is not None and ctx.genders.get(person) in (None, want) else None


_lower_cache: list[tuple[re.Pattern[str], re.Pattern[str]]] = []


def _opening_lower(ctx: Context) -> re.Pattern[str]:
    """Return the sentence-opening description pattern for a clause after a comma ("the chancellor")."""
    opening = _heads(ctx)[2]
    if not _lower_cache or _lower_cache[0][0] is not opening:
        _lower_cache[:] = [(opening, re.compile(opening.pattern.replace(r"\s*The\s+", r"the\s+", 1)))]
    return _lower_cache[0][1]


def _body_voice(ctx: Context, paragraph: int, at: int, want: str) -> str | None:
    """Return the body whose spokesman has the paragraph's last named cue before `at` that a
    "he" or "she" (`want`) fits, with no one it fits named since: "A Department for
    Constitutional Affairs spokeswoman said Lord Woolf and Lord Falconer agreed …. “…,” she
    said" is the department's."""
    voices = ctx.voices.get(paragraph)
    if not voices:
        return None
    for p, offset, name in reversed(ctx.speakers):
        if p != paragraph or offset >= at:
            continue
        body = voices.get(offset)
        if body is None:
            if ctx.genders.get(name, "") in (None, want):
                return None  # a person who fits spoke last
            continue
        if any(n.kind == "person" and ctx.genders.get(n.name) in (None, want)
               for n in ctx.named_at(paragraph, offset, at)):
            return None
        return body
    return None


def _unnamed_voice(ctx: Context, paragraph: int, at: int) -> bool:
    """Return True where the last cue before `at` in its paragraph names one voice and nobody ("a
    spokesman said") and no one is named between it and `at`."""
    last = ctx.last_cue_before(ctx.anonymous, paragraph, at)
    if last < 0 or ctx.last_cue_before(ctx.named_cues, paragraph, at) > last:
        return False
    voice = next((w for w in reversed(ctx.masked[paragraph][max(0, last - 40):last].lower().split()[-3:])
                  if w in ctx.cues.anonymous), "")
    if voice.endswith(("s", "men", "people")) and not voice.endswith("ss"):
        return False  # ("Law enforcement sources have said he said …": many voices are no "he")
    return not ctx.named_at(paragraph, last, at)


_ACT_UPON = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:was|were|has\s+been|have\s+been|had\s+been)"
                       r"\s+[a-z]+(?:ed|en|t)\s+by\b")
"""A sentence opening on a name in the passive with its agent: "Mutu was sacked by Chelsea"."""
_ACT_OF = re.compile(r"\s[-–—]\s+(?:a|an)\s+[a-z]+\s+$")
"""A last clause set off by a dash that names an act and then its doer: "- a move Wenger"."""


def _subject_before(ctx: Context, paragraph: int, at: int, want: str | None, floor: int = -1,
                    described: bool = False, spoken: bool = True, aside: bool = False) -> str | None:
    """Sentence by sentence back from `at`, return the first fitting person of the nearest sentence
    that has one: a subject ("Trump, who …, mocked Marco Rubio. And he said") is likelier than the
    nearest name. With a floor, only mentions from there on in the paragraph count. `described`:
    the speaker is a description or epithet, so one spoken of ("Speaking to Le Matin") is not it.
    `spoken`: with nobody else, return one spoken of (False: nobody). `aside`: the pronoun is a
    parenthetical one ("Mr Blair has failed …, he claimed"), so its own sentence's names are what
    it reports on, not who it is."""
    sentence: tuple[int, int, int] | None = None
    first: str | None = None
    spoken_of: str | None = None
    subordinate: str | None = None
    verbal = False
    own = ctx.sentence_of(paragraph, max(0, at - 1))
    described_subject = False  # (the sentence of `subordinate` opens with a description)
    for n in _recent(ctx, paragraph, at):
        if floor >= 0 and (n.paragraph != paragraph or n.start < floor):
            break
        masked = ctx.masked[n.paragraph]
        if masked[n.start] == MASK:
            continue  # named inside a quotation: someone spoken of, not who speaks
        s_start, s_end = ctx.sentence_of(n.paragraph, n.start)
        span = (n.paragraph, s_start, s_end)
        if sentence is not None and span != sentence:
            if first is not None:
                return first
            if subordinate is not None and not described_subject:
                return subordinate  # no one else in that sentence: "… before Radcliffe sprinted clear"
            # ("The Republican vice presidential nominee was speaking …, hours after Trump
            # unleashed …": the sentence's subject is a description, one named before it)
            subordinate = None
        if span != sentence and span[:2] != (paragraph, own[0]) and want is not None:
            heard = _speaker_in(ctx, n.paragraph, s_start, s_end, want)
            if heard is not None:
                # "Mr Blair has failed …, he claimed" (resolved to Mr Howard): the one the
                # sentence reports speaking, not the first name in it
                return heard
        fresh = span != sentence
        sentence = span
        if fresh and want is not None and n.kind == "person" and ctx.genders.get(n.name) in (None, want) \
                and masked[max(0, n.start - 5):n.start] == " but " and _verb_after(ctx, masked, n.end):
            # "… between himself, Okken and Antonio Reina of Spain but McIlroy is unfazed. He
            # admitted": the last clause's subject, named last
            return n.name
        if fresh and want is not None and n.kind == "person" and ctx.genders.get(n.name) in (None, want) \
                and _ACT_UPON.match(masked, s_start) is not None \
                and _ACT_OF.search(masked, max(s_start, n.start - 20), n.start) is not None \
                and _verb_after(ctx, masked, n.end):
            # "Mutu was sacked by Chelsea … - a move Wenger has backed. But he said": the sentence's
            # subject is acted upon; the one who acts in its last clause is the next "he"
            return n.name
        if n.kind == "person" and (want is None or ctx.genders.get(n.name) in (None, want)):
            if described and not _known_person(ctx, n.name):
                continue  # "the 36-year-old": a person named in full, not "Chelsea" or "Tootsie"
            if masked[max(0, n.start - 4):n.start] in ("The ", "the ", " an ", " An ") \
                    or masked[max(0, n.start - 3):n.start] == " a " or _owner(ctx, masked, n.end):
                # "The Peter Hain “mongrel” attack, he says", "an Alan Shearer strike earned them a
                # win": a name as a modifier, no one there;
                # "Kenteris's lawyer, Gregory Ioannidis, reacted …. “…,” he told BBC Sport": an owner
                spoken_of = spoken_of or n.name
                continue
            if _pronoun_first(masked, s_start, n.start, want) if want is not None \
                    else _PRONOUN_SUBJECT.match(masked, s_start, n.start) is not None:
                # "While saying he admired Mr Blair's leadership, he criticised …": the sentence
                # speaks of its "he" by pronoun already; Mr Blair is someone else (for a
                # description, where the sentence opens with it: "He opted to bring Steve
                # Finnan's cross down …. “…,” said the Chelsea star").
                spoken_of = spoken_of or n.name
                continue
            if _object(ctx, masked, n.start, _SPOKEN_TO if described else _PREPOSITIONS) \
                    and (described or (first is not None and verbal) or _DESCRIBED.match(masked, s_start)):
                # "The 27-year-old … said following in the footsteps of Farrell would be a
                # challenge": the described subject speaks, not the one spoken of; nor one named
                # before the subject ("In a speech on the re-election of George W Bush, Mr
                # Kennedy said").
                spoken_of = spoken_of or n.name
                continue
            if (n.paragraph, s_start) == (paragraph, own[0]) and (
                    aside or _QUOTE_NEXT.match(masked, n.end)
                    or _participle_object(ctx, masked, s_start, n.start)
                    or (want is not None and masked.startswith(("'s ", "’s "), n.end))):
                # "Mr Sullivan “made accounting decisions,” he told the court": the quotation
                # speaks of him; the "he" is someone else (so does "Mr Blair's government was a
                # “bossy … government,” he added")
                spoken_of = spoken_of or n.name
                continue
            clause = _subordinate_before(masked, s_start, n.start) \
                if (n.paragraph, s_start) != (paragraph, own[0]) else 0
            if clause:
                # "Speaking after Mr Brown had delivered the Budget, Mr Kennedy acknowledged …":
                # a name in a clause of time or reason is not the sentence's subject (in the
                # pronoun's own sentence it is: "When 50 Cent appeared …, he said"); the clause's
                # own subject is, where the sentence names no one else
                if clause == 1:
                    if subordinate is None:
                        described_subject = _DESCRIBED_OPENING.match(masked, s_start) is not None
                    subordinate = subordinate or n.name
                else:
                    spoken_of = spoken_of or n.name
                continue
            first = n.name
            verbal = _verb_after(ctx, masked, n.end)
    return first or subordinate or (spoken_of if spoken else None)


def _verb_after(ctx: Context, masked: str, end: int) -> bool:
    """Return True where a verb follows a name: "Mr Kennedy said", "McIlroy is unfazed"."""
    words = masked[end:end + 40].split()[:2]
    if words and words[0].endswith("ly"):
        words = words[1:]
    verb = words[0].rstrip(",.;:") if words else ""
    return verb.endswith("ed") or verb in ctx.cues.irregular_past or verb in _FINITE


_FINITE = frozenset(("says", "tells", "is", "was", "has", "had", "will", "would"))


def _speaker_in(ctx: Context, paragraph: int, start: int, end: int, want: str) -> str | None:
    """Return the last person a cue of the sentence [start, end) was resolved to whom a "he" or
    "she" (`want`) fits, where that cue's holder came from a pronoun; else None."""
    for p, offset, name in reversed(ctx.speakers[-40:]):
        if p == paragraph and start <= offset < end and ctx.genders.get(name, "") in (None, want):
            cue = next((c for c in ctx.cue_cache.get(p, ()) if c.start == offset), None)
            if cue is not None and cue.how == "participle":
                continue  # ("he claimed, saying …": the participle has the verb's holder)
            return name if cue is not None and cue.how == "pronoun" else None
    return None


_QUOTE_NEXT = re.compile(r"\s*[“\"‘']?·")
"""A quotation right after a name: the name is its grammatical subject, not its speaker."""
_SUBORDINATORS = SUBORDINATORS - {"as", "whether"}
"""Clause openers before a name in a clause of time or reason ("as" and "whether" open others)."""


def _subordinate_before(masked: str, s_start: int, start: int) -> int:
    """Return 1 where a name is the subject of a clause of time or reason ("after Mr Brown had
    delivered …", "before Radcliffe sprinted clear"), 2 where it stands deeper in one ("when a
    court ruled that doctors could withdraw feeding from … Tony Bland"), else 0: the clause
    runs from a subordinating word after the last comma (or the sentence's start)."""
    clause = masked[max(s_start, start - _CLAUSE_CHARS):start]
    words = clause[clause.rfind(",") + 1:].split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in _SUBORDINATORS:
            return 1 if all(w[:1].isupper() for w in words[i + 1:]) else 2
    return 0


def _owner(ctx: Context, masked: str, end: int) -> bool:
    """Return True for a name in the possessive before a role ("Kenteris's lawyer", "Blair's
    spokesman"), not "Curry's pressing ahead" (is) or "Pound's comments"."""
    if masked[end:end + 2] not in ("'s", "’s"):
        return False
    # ("Wenger's Bayern counterpart Felix Magath": capitalised modifiers may stand before the role)
    words = masked[end + 2:end + 40].split()[:3]
    for i, word in enumerate(words):
        word = word.strip(",.")
        if word in ctx.lex.roles or word in ctx.cues.anonymous:
            return True
        if not word[:1].isupper():
            # ("Harrowby's team-mate Carlos Menendez retired": a noun, then the name it describes)
            return word.replace("-", "").isalpha() and word.islower() and i + 1 < len(words) \
                and words[i + 1][:1].isupper() and words[i + 1] not in _NOT_NAMES
    return False


_NOT_NAMES = frozenset(("I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
"""Capitalised words after a possessive's noun that begin no name ("Blair's visit Monday")."""


_DESCRIBED = re.compile(r"\s*The\s+(?:[a-z0-9][\w’'-]*\s+){0,3}?[a-z0-9][\w’'-]*\s*[,\w]")
"""A sentence whose subject is a description of a person ("The 27-year-old, who …, said")."""
_DESCRIBED_OPENING = re.compile(r"\s*The\s+(?:[A-Z][a-z]+\s+)?(?:[a-z0-9][\w’'-]*\s+){0,3}?[a-z0-9][\w’'-]*"
                                r"\s+(?:was|is|has|had|said|says|told|added)\b")
"""A sentence opening on a description of a person and its verb ("The Republican vice presidential
nominee was speaking …")."""
_PREPOSITIONS = frozenset(("of", "to", "with", "about", "against", "for", "from", "at", "on", "in", "over",
                           "than", "like", "towards", "toward", "behind"))


_GENDER_WORDS = {"male": frozenset(("he", "He")), "female": frozenset(("she", "She"))}
_PRONOUN_SUBJECT = re.compile(r"\s*(?:He|She)\s+[a-z][^,;:]*$")
"""A clause that opens with "He" or "She" and runs to a name with no comma between."""


def _pronoun_first(masked: str, start: int, at: int, want: str) -> bool:
    """Return True where a subject pronoun of the wanted gender stands in [start, at) and the name
    at `at` is no subject: a possessive or an object ("he admired Mr Blair's leadership", "he
    said Smith would"), not "When he arrived, Smith said" (where he may be Smith)."""
    words = _GENDER_WORDS.get(want)
    before = masked[max(start, at - _CLAUSE_CHARS):at].split()
    if words is None or not any(w.strip(",;:") in words for w in before):
        return False
    lead = next((w for w in reversed(before) if not w[:1].isupper()), "")
    return not lead.endswith(",")


def _known_person(ctx: Context, name: str) -> bool:
    """Return True for a name surely a person's: two words or more, an honorific ("Mr Blair"), or
    one who has spoken."""
    return " " in name or name in ctx.spoken or ctx.has_honorific(name)


def _participle_object(ctx: Context, masked: str, s_start: int, start: int) -> bool:
    """Return True for a name that is the object of a preposition in a participle phrase opening
    the pronoun's own sentence: "But standing next to Mr Blair he added" (the "he" stands there)."""
    words = masked[s_start:start].split()
    while words and words[0] in ("But", "And", "Yet", "So"):
        words.pop(0)
    return len(words) <= 6 and bool(words) and words[0].lower().endswith("ing") \
        and _object(ctx, masked, start, _PREPOSITIONS)


_NAME_WORD = re.compile(r"[^\W\d_][\w’'-]*")
"""A word of a name within a list ("O'Neill", "Smith-Jones"; not "London," before a comma)."""


_SPOKEN_TO = frozenset(("to", "with", "by", "about", "against", "from"))
"""Prepositions of someone spoken to or of ("Speaking to Le Matin, the 24-year-old Swiss added";
"a comment by … Tim Phillips, the American said"); not "of" ("in the shape of Emma Watson")."""


def _object(ctx: Context, masked: str, start: int, prepositions: frozenset[str]) -> bool:
    """Return True for a name that is the object of a preposition ("the footsteps of Farrell"),
    titles between them ("a comment by All England Club chairman Tim Phillips")."""
    role = False
    modified = False
    listed = False
    words = masked[max(0, start - 80):start].split()
    for i, word in enumerate(reversed(words[-8:])):
        if word.lower() in prepositions:
            # ("according to Q magazine editor Paul Rees": who speaks, not one spoken to)
            return not (word == "to" and len(words) > i + 1 and words[-i - 2] == "according")
        if i == 0 and word.endswith(("'s", "’s")) and word[:1].isupper():
            continue  # "a challenge with Roma's Olivier Dacourt"
        if not role and ((word in ("and", "or") and not listed)
                         or (listed and word[:1].isupper() and _NAME_WORD.fullmatch(word) is not None)):
            # "third behind Hayley Yelling and Justyna Bak": the last of a list of names
            # shares the preposition of the first
            listed = True
            continue
        if word.lower() in ctx.lex.roles:
            role = True  # "chairman", "Secretary"
        elif role and not modified and word.islower() and word.isalpha():
            modified = True  # "to Real Madrid sporting director Emilio Butragueno"
        elif not (role and word[:1].isupper()) and not (i == 0 and word.rstrip(".") in ctx.lex.honorifics):
            return False  # "deal with Tanzania Mr Brown": another noun phrase
    return False
