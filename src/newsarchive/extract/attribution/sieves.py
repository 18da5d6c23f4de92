"""The attribution sieves, tried in order on each quote until one settles it.

Each sieve looks at one quote and either settles it (sets its speaker, cue and whether it is
speech) and returns True, or leaves it to the next. Like Stanford's quote attributor, the
surest evidence comes first: a term-introducing word, a cue in the quote's own sentence, a cue
elsewhere in its paragraph, the speaker of the paragraph it continues.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import pairwise

from newsarchive.extract.attribution.context import MASK, SUBORDINATORS, Context, Named
from newsarchive.extract.attribution.cues import (
    FROM_PLACE,
    Cue,
    CueIndex,
    answers,
    appositive_owner,
    cue_index,
    holder_after,
    phrase_head,
    role_within,
    subject_verb,
)
from newsarchive.extract.attribution.hearing import heard
from newsarchive.extract.attribution.holders import finding_subject, pronoun
from newsarchive.extract.draft import QuoteDraft
from newsarchive.extract.labels import answerer
from newsarchive.extract.text import SPEAKER_LABEL
from newsarchive.records import QuoteKind

Sieve = Callable[[Context, QuoteDraft], bool]

SHORT = 3
"""Quotes of at most this many words, with no cue of their own, read as terms (scare quotes)."""
_FRAME = 100
"""How far (in characters) an "according to" cue reaches to a short quote."""
_CLAUSE = 300
"""How far back (in characters) a clause's subject is looked for before its colon."""
_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"))


def _words(ctx: Context, q: QuoteDraft) -> list[str]:
    return ctx.draft.text(q).split()


def _short(ctx: Context, q: QuoteDraft) -> bool:
    """Return True for a quotation of at most `SHORT` words (counted without cutting up the rest)."""
    return len(ctx.draft.text(q).split(None, SHORT)) <= SHORT


def _settle(q: QuoteDraft, speaker: str | None, cue: str, speech: bool = True) -> bool:
    q.speaker = speaker
    q.cue = cue
    q.kind = "direct" if speech else "scare"
    return True


def _ends_with_term(before: str, ends: tuple[str, ...]) -> bool:
    """Return True where the text ends with one of `ends`, after any spaces, commas and colons
    (the `[\\s,:]*$` the term patterns end with): a test far cheaper than their search."""
    before = before.rstrip()
    while before.endswith((",", ":")):
        before = before[:-1].rstrip()
    return before.endswith(ends)


_AS_BEFORE_QUOTE = re.compile(r"\b(?:as|called|branded|labell?ed|dubbed|termed|deemed)"
                              r"\s+(?:(?:an?|the)\s+)?$")
_AS_ENDS = ("as", "called", "branded", "labelled", "labeled", "dubbed", "termed", "deemed", " a", " an",
            "the")
_AS_QUOTE_AND = re.compile(r"\b(?:as|called|branded|labell?ed|dubbed|termed|deemed)\s+(?:(?:an?|the)\s+)?"
                           r"[“\"‘']·+[.,]?[”\"’']?,?\s+(?:and|or)\s+$")
_AND_QUOTE = re.compile(r",?\s+(?:and|or)\s+[“\"‘']·+[.,]?[”\"’']?")
_BY_AGENT = re.compile(r"[,]?\s+by\s+(?:the\s+)?((?:[A-Z][\w.’'-]*\s+){0,3})")


def agent(ctx: Context, q: QuoteDraft) -> bool:
    """Settle words a passive verb of naming gives to the one after "by": "this argument was
    dismissed as “ridiculous” by Justice David Souter", "described as “idle speculation” by
    Downing Street" (a term with no one after "by" is left to `scare_term`)."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    before = masked[max(0, open_at - 20):open_at].rstrip()
    if before.endswith((" and", " or")):
        # ("described as “irresponsible” and “outrageous” by the IHRC": the second of two terms)
        if not _AS_QUOTE_AND.search(masked, max(0, open_at - 300), open_at):
            return False
    elif not before.endswith(_AS_ENDS) or not _AS_BEFORE_QUOTE.search(masked, max(0, open_at - 20), open_at):
        return False  # (the quick test first: most quotations follow none of these words)
    after = q.end + (1 if q.close_mark else 0)
    other = _AND_QUOTE.match(masked, after)  # (the first of two terms)
    m = _BY_AGENT.match(masked, other.end() if other else after)
    if m is None:
        return False
    named = ctx.named_at(q.paragraph, m.start(1), m.end() + 80)
    # ("by Justice David Souter": titles may stand before the name)
    n = next((n for n in named if m.start(1) <= n.start <= m.end()), None)
    return n is not None and _settle(q, n.name, "by")


_FROM_AGENT = re.compile(r"\s+from\s+(?:the\s+)?((?:[A-Z][\w.’'-]*\s+){0,3})")
_ASKING = re.compile(r"\b(?:call|calls|plea|pleas|appeal|appeals|demand|demands|warning|warnings|request|"
                     r"requests|suggestion|criticism|accusation|accusations|charge|charges|advice)\b[^.;:“”\"·]{0,60}$")


def from_agent(ctx: Context, q: QuoteDraft) -> bool:
    """Settle the words of a call, plea or warning whose giver follows "from": "despite a call for
    him to “pause for thought” from Charles Kennedy", "a warning of “grave risks” from the Bank"."""
    masked = ctx.masked[q.paragraph]
    after = q.end + (1 if q.close_mark else 0)
    if "from" not in masked[after:after + 8]:
        return False  # (the quick test first: most quotations are not followed by "from")
    m = _FROM_AGENT.match(masked, after)
    if m is None:
        return False
    open_at = q.start - (1 if q.open_mark else 0)
    if not _ASKING.search(masked, max(0, open_at - 80), open_at):
        return False
    named = ctx.named_at(q.paragraph, m.start(1), m.end() + 80)
    n = next((n for n in named if m.start(1) <= n.start <= m.end()), None)
    return n is not None and _settle(q, n.name, "by")


_NICK_REACH = 80
"""How far on either side of a short quotation a name holding it as a nickname may reach."""


def scare_term(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quote introduced as a term, title or chant ("so-called", "the podcast", "chanting")."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    before = masked[max(0, open_at - 40):open_at]
    words = _words(ctx, q)
    if _ends_with_term(before, ctx.cues.term_ends) and (ctx.cues.naming_re.search(before) or (
            ctx.cues.scare_re.search(before)
            and not _spoken_after_all(ctx, before, words, q.paragraph, open_at)
            and not _credited_after(ctx, q))):
        return _settle(q, None, "term", speech=False)
    if len(words) <= SHORT and ctx.cues.scare_after and _noun_after(ctx, q) in ctx.cues.scare_after:
        return _settle(q, None, "term", speech=False)  # "a “yes” vote", "the “I'm lovin' it” slogan"
    if len(words) <= 2 and words and words[0][:1].isupper() and any(
            n.start < open_at and n.end > q.end
            for n in ctx.named_at(q.paragraph, max(0, open_at - _NICK_REACH), q.end + _NICK_REACH)):
        return _settle(q, None, "nickname", speech=False)  # 'Francis "Chiz" Escudero': inside a name
    text = ctx.draft.text(q).rstrip()
    if len(text.strip(" .,;:")) == 1 and text.strip(" .,;:").isalpha():
        return _settle(q, None, "term", speech=False)  # "an 'A' certificate", "detainee 'A'": a letter named
    if not 2 <= len(words) <= 8:
        return False  # (most quotations: their words are not looked at one by one)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    # (a year or number in a title: "State of Agricultural Commodity Markets 2004")
    if content and all(w[:1].isupper() or w.rstrip(".,").isdigit() for w in content) \
            and not all(w.rstrip(".,").isdigit() for w in content) \
            and (text[-1:] not in ".!?," or _title_with_stop(ctx, q, text, words)):
        return _settle(q, None, "title", speech=False)
    return False


def _title_with_stop(ctx: Context, q: QuoteDraft, text: str, words: list[str]) -> bool:
    """Return True for a short title in capitals with the sentence's comma or full stop inside its
    marks, as American style sets it, where no speech verb is near: 'has exited "Silver Harbor 2,"
    the sequel to …', 'appeared on Broadway in "Glass Houses."' (not '"Thank You," she said')."""
    if len(words) > 5 or text[-1:] not in ".," or not q.open_mark or q.start <= 1 \
            or (text[-1:] == "," and _credited_after(ctx, q)):
        return False  # (not a closing mark alone, the end of a quotation from the paragraph before)
    open_at = q.start - (1 if q.open_mark else 0)
    before = ctx.masked[q.paragraph][max(0, open_at - 40):open_at]
    return not before.rstrip().endswith((":", ",")) \
        and not any(w.strip(",.:") in ctx.cues.verbs or w in _CALLING for w in before.split()[-5:])


_CALLING = frozenset(("call", "calls", "called", "calling"))
"""Verbs whose object's name is the subject's words: 'Ms. Friedan called Mrs. Schlafly an "Aunt Tom."'."""



def _noun_after(ctx: Context, q: QuoteDraft) -> str:
    """Return the word right after a quotation's closing mark, or "" where punctuation follows."""
    masked = ctx.masked[q.paragraph]
    at = q.end + (1 if q.close_mark else 0)
    if masked[at:at + 1] != " ":
        return ""
    end = at + 1
    while end < len(masked) and end < at + 20 and masked[end].isalpha():
        end += 1
    return masked[at + 1:end]


def _spoken_after_all(ctx: Context, before: str, words: list[str], q_paragraph: int = 0,
                      q_open: int = -1) -> bool:
    """Return True where a term word before a quotation names who speaks, not what is quoted:
    "told BBC Radio 4's Today programme: “…”", "said the new show “aims to appeal to …”"."""
    wider = ctx.masked[q_paragraph][max(0, q_open - 100):q_open] if q_open >= 0 else before
    if not any(w.strip(",:") in ctx.cues.verbs for w in wider.split()[-12:]):
        return False  # "under the headline “are you thinking what we are thinking?”"
    return before.rstrip().endswith(":") or (len(words) >= 5 and words[0][:1].islower())


def _credited_after(ctx: Context, q: QuoteDraft) -> bool:
    """Return True for a quotation ending in a comma that a speaker and verb follow: "…grant
    program, “states were hemorrhaging money. They needed it,” DeSantis said"."""
    if not ctx.draft.text(q).rstrip().endswith(","):
        return False
    at = q.end + (1 if q.close_mark else 0)
    # (a titled name may stand first: "Homeland Security Deputy Secretary Alejandro Mayorkas told")
    after = ctx.masked[q.paragraph][at:at + 120].split()[:_CREDIT_WORDS]
    return any(w.strip(",.") in ctx.cues.verbs for w in after)


_CREDIT_WORDS = 8


# A dash after the closing mark, then the credit: "“…” ― Pamela Padilla", "“…” — Jane Doe, 34".
_DASH = re.compile(r"[.,]?[ \t\u00a0]*(?:—|―|–|--)[ \t\u00a0]*")
_NEXT_DASH = re.compile(r"[ \t\u00a0]*(?:—|―|–|--|-)[ \t\u00a0]*")


# A speaker and speech verb right before a quotation inside another: "“… Gordon Brown told him:
# ‘There's nothing you could say to me now that I could ever believe.’”"
_INNER_CUE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:told|tells|said|says|asked|asks|added|wrote|replied|declared)"
                        r"(?:\s+(?:him|her|them|me|us|you))?\s*[:,]\s*$")


_INNER_THAT = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[a-z]+ly\s+)?"
                         r"(?:said|says|told\s+\w+|wrote|argued|insisted)(?:\s+[a-z][\w-]*){0,5}\s+that(?:\s+[a-z][\w’'-]*){1,8}\s*")
"""Reported words inside the outer quotation: "Graham Henry (former Wales coach) said a couple of
years ago that we should ‘be bold’"."""


_INNER_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:[a-z]+\s+)?(?:told\s+(?:me|us)|said|says|asked|"
                            r"replied|added|wrote|shouted|kept\s+saying)(?:\s+to\s+(?:me|us))?[,:]?\s*$")
"""A cue with a third person's pronoun for subject right before a quotation inside another."""


def nested(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation inside another by the speaker the outer one names right before it."""
    outer = ctx.quote_around(q)
    if outer is None:
        return False
    open_at = q.start - (1 if q.open_mark else 0)
    text = ctx.draft.doc.paragraphs[q.paragraph].text
    if _INNER_PRONOUN.search(text, max(outer.start, open_at - 40), open_at):
        # "He told me, 'The lamp doesn't care who you are.'" inside her words: someone she
        # speaks of, not she, says them
        return _settle(q, None, "nested")
    found = [n for n in ctx.named_at(q.paragraph, outer.start, open_at) if n.end <= open_at]
    if not found or (_INNER_CUE.fullmatch(text, found[-1].end, open_at) is None
                     and _INNER_THAT.fullmatch(text, found[-1].end, open_at) is None):
        return False
    return _settle(q, found[-1].name, "nested")


def dash_credit(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation credited the way pull quotes and reader voices are: a dash, then a name,
    after the closing mark or opening the next paragraph ("“…”" then "- Clinton.")."""
    if q.close_mark is None:
        return False
    masked = ctx.masked[q.paragraph]
    paragraph = q.paragraph
    dash = _DASH.match(masked, q.end + 1)
    ends_paragraph = len(masked) - q.end <= 4 and not masked[q.end + 1:].strip(" .")
    if dash is None and ends_paragraph and paragraph + 1 < len(ctx.masked):
        paragraph += 1
        masked = ctx.masked[paragraph]
        dash = _NEXT_DASH.match(masked)
    if dash is None:
        return False
    found = ctx.named_at(paragraph, dash.end(), dash.end() + 80)
    if not found or (found[0].start != dash.end()
                     and not _title_before(ctx, masked[dash.end():found[0].start], found[0])):
        return False  # (a title may stand before the name: "-President Obama, tweeting after …")
    # The credit stands alone: it ends the line or sentence, or an appositive follows it.
    rest = masked[found[0].end:found[0].end + 2]
    if rest.strip(" .") and rest[:1] not in ",(\n":
        return False
    return _settle(q, found[0].name, "dash")


# After the name: a parenthesis ("(R-Ohio)") or an appositive between commas, an adverb, the verb.
_VERBISH = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,;:“”\"·]{1,120},\s*)?"
                      r"(?:[a-z]+ly\s+)?([a-z]+(?:ed|s))\b")
_PAST_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,[^,;:“”\"·]{1,120},\s*(?:[a-z]+ly\s+)?([a-z]+)\b")
"""An appositive between commas after a name, then a past form that is no "-ed" one ("said")."""
_QUOTING = frozenset(("quoted", "quotes", "cited", "cites"))
_LEAD = re.compile(r"[\s,]*(?:[a-z]+ly\s+)?([a-z]+(?:ed|s))\s+")
# Words ending like a verb that are none: "“…,” as Cruz said on Glenn Beck’s show" is Cruz's.
_NOT_VERBS = frozenset(("as", "is", "was", "has", "does", "this", "thus", "his", "its", "plus", "less",
                        "unless", "yes", "us", "across", "towards", "perhaps", "whereas", "besides"))


def _title_before(ctx: Context, between: str, n: Named) -> bool:
    """Return True where the words between a quotation ending its sentence (or a credit's dash) and
    a person are a title the person holds:
    "“…!” US Senator Jeff Sessions said", "“…?” Democratic presidential candidate Bernie Sanders said"."""
    words = between.split()
    if n.kind != "person" or not 0 < len(words) <= 4:
        return False
    last = words[-1].rstrip(".")
    if last.lower() not in ctx.lex.roles and last not in ctx.lex.titles:
        return False
    # (not "“…,” he said. Home Secretary Charles Clarke": a cue and a sentence between)
    return all(w.rstrip(".").isalpha() and (w[0].isupper() or (
        w.isalpha() and w not in ctx.cues.verbs and w not in ctx.cues.pronouns and not w.endswith("ed")))
        for w in words)


def trigram(ctx: Context, q: QuoteDraft) -> bool:
    """Settle "“…,” Toomey fumed" and "“…,” mused Blaze co-host Stu Burguiere" for any verb."""
    masked = ctx.masked[q.paragraph]
    close = q.end + (1 if q.close_mark else 0)
    inner = ctx.draft.text(q).rstrip()
    if not inner or (inner[-1] not in ",?!—-" and masked[close:close + 1] != ","):
        return False
    at = close + 1 if masked[close:close + 1] == "," else close
    found = ctx.named_at(q.paragraph, at, at + 60)
    if found:
        head = phrase_head(ctx, q.paragraph, found[0])  # "White House press secretary Josh Earnest"
        if not masked[at:found[0].start].strip() \
                or (inner[-1] in "?!" and _title_before(ctx, masked[at:found[0].start], found[0])):
            verbish = _VERBISH.match(masked, head.end)
            if verbish:
                if verbish.group(1) in _QUOTING:
                    # "“…,” Arab News quoted Prince Saud as saying": the one quoted
                    quoted = next((n for n in ctx.named_at(q.paragraph, verbish.end(), verbish.end() + 40)
                                   if masked.startswith(" as ", n.end)), None)
                    if quoted is not None:
                        return _settle(q, quoted.name, "trigram")
                return _settle(q, head.name, "trigram")  # "“…,” Toomey fumed"
            verb = masked[head.end:head.end + 16].split()[:1]
            if verb and answers(masked, masked.find(verb[0], head.end) + len(verb[0])):
                return False  # "“…,” Melanie said yes, yes": her answer to the words
            if verb and verb[0].strip(",.") in ctx.cues.irregular_past:
                return _settle(q, head.name, "X-said")  # "“…,” Susan said", before a nearer cue
            past = _PAST_AFTER.match(masked, head.end)
            if past and past.group(1) in ctx.cues.irregular_past:
                # "“How are you today?” Miller, a retired worker from a nuclear plant, said"
                return _settle(q, head.name, "X-said")
    lead = _LEAD.match(masked, at)
    if lead and found and found[0].start == lead.end() and lead.group(1) not in _NOT_VERBS:
        holder, _how = holder_after(ctx, q.paragraph, lead.start(1) + len(lead.group(1)),
                                    len(masked))
        return _settle(q, holder or found[0].name, "trigram")
    return False


_CONCESSIVE = frozenset(("While", "Although", "Though", "Whereas"))
"""Words opening a clause that a sentence's main clause answers ("While Smith called it “…,” Jones
said …"): words quoted in it are its own subject's."""


def opening_clause(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation that closes a concessive clause opening its sentence by that clause's
    subject: "While Sullivan proclaims the article a “terrific piece …,” Clinton fixates on …"
    is Sullivan's, not Clinton's, whatever verb follows."""
    masked = ctx.masked[q.paragraph]
    start, _end = ctx.sentence_of(q.paragraph, max(q.start - 1, 0))
    first = masked[start:start + 9].split(maxsplit=1)[:1]
    if not first or first[0] not in _CONCESSIVE:
        return False
    open_at = q.start - (1 if q.open_mark else 0)
    close = q.end + (1 if q.close_mark else 0)
    if "," in masked[start:open_at] or not (ctx.draft.text(q).rstrip().endswith(",")
                                            or masked[close:close + 1] == ","):
        return False  # (the quotation must close the clause: "While Smith said this, “…”" does not)
    n = _clause_subject(ctx, q.paragraph, start + len(first[0]), open_at)
    return n is not None and _settle(q, n.name, "clause-subject")


def _distance(q: QuoteDraft, cue: Cue) -> int:
    return q.start - cue.end if cue.end <= q.start else cue.start - q.end


def _nearest(cues: list[Cue], starts: list[int], lo: int, hi: int, q: QuoteDraft,
             ok: Callable[[Cue], bool]) -> Cue | None:
    """Return the cue of cues[lo:hi] nearest the quote that `ok` accepts, the earlier one on a tie.

    Walks out from the quote on both sides, so it costs the cues it skips, not the paragraph's.
    """
    right = max(lo, min(hi, bisect_left(starts, q.start)))
    left = right - 1
    while left >= lo or right < hi:
        before = cues[left] if left >= lo else None
        after = cues[right] if right < hi else None
        if after is None or (before is not None and abs(_distance(q, before)) <= abs(_distance(q, after))):
            assert before is not None
            if ok(before):
                return before
            left -= 1
        else:
            if ok(after):
                return after
            right += 1
    return None


def split_quote(ctx: Context, q: QuoteDraft) -> bool:
    """Settle the second half of a quotation its cue splits: "“Many people are uncertain,” Thiel
    wrote in a statement to Wired, “but most Americans agree …”" is Thiel's throughout."""
    text = ctx.draft.text(q).lstrip()
    if not text[:1].islower() or q.open_mark is None:
        return False
    earlier = ctx.quotes_before(q, 1)
    if not earlier:
        return False
    first = earlier[0]
    if first.speaker is None or first.cue not in ("X-said", "said-X", "trigram"):
        return False
    masked = ctx.masked[q.paragraph]
    between = masked[first.end + (1 if first.close_mark else 0):q.start - 1]
    if not between.rstrip().endswith(",") or any(c in between for c in ".;:!?") or len(between) > 160:
        return False
    _settle(q, first.speaker, "split")
    q.kind = first.kind
    return True


def same_sentence(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quote by the nearest speech cue in its own sentence."""
    start, end = ctx.sentence_of(q.paragraph, max(q.start - 1, 0))
    end = max(end, ctx.sentence_of(q.paragraph, max(q.end - 1, q.start))[1])
    index = cue_index(ctx, q.paragraph)

    comparative = _as_as(ctx, q)
    open_at = q.start - (1 if q.open_mark else 0)
    # (a title in the appositive of the cue's holder is not the holder's words: "Hemsley, the
    # co-author of "Going Viral," about …, said")
    owner = appositive_owner(ctx, q.paragraph, start, open_at, q.end, end)

    def described(c: Cue) -> bool:
        return owner is not None and c.start > q.end and c.holder == owner.name \
            and "," in ctx.masked[q.paragraph][q.end:c.start]

    def ok(c: Cue) -> bool:
        return not (comparative and c.start > q.start) and not described(c)

    if _short(ctx, q):
        # "According to X, … as part of a “partial mobilisation”": a sentence adverbial frames a
        # claim; a short term far from it is a name for something, not X's words.
        def ok(c: Cue) -> bool:
            return (c.how != "according-to" or abs(_distance(q, c)) <= _FRAME) \
                and not (comparative and c.start > q.start) and not described(c)

    best = _nearest(index.named, index.named_starts, bisect_left(index.named_starts, start),
                    bisect_left(index.named_starts, end), q, ok) \
        or _nearest(index.cues, index.starts, bisect_left(index.starts, start),
                    bisect_left(index.starts, end), q, ok)
    if best is None:
        return _colon(ctx, q, start)
    if best.how == "description" and best.end <= q.start:
        # "The report adds “…,” said David Bloom": a person named speaking in the quotation's
        # sentence beats the finding its subject is
        person = _person_after(ctx, q, index, end)
        if person is not None and finding_subject(ctx, q.paragraph, start, best.start):
            return _settle(q, person.holder, person.how)
    if best.start > q.end and ctx.draft.text(q).rstrip()[-1:] in ("?", "!", "."):
        # "Clinton responds to Mills with, “Why now? …?” Mills then writes back, “…”": a cue that
        # frames the quotation before it holds it over one after its own sentence's end
        masked = ctx.masked[q.paragraph]
        frame = _nearest(index.cues, index.starts, bisect_left(index.starts, start),
                         bisect_left(index.starts, open_at), q,
                         lambda c: c.end <= open_at
                         and _FRAME_GAP.fullmatch(masked, c.end, open_at) is not None)
        if frame is not None:
            return _settle(q, frame.holder, frame.how or "unnamed")
    if best.start > q.end and _COORDINATE.match(ctx.masked[q.paragraph], q.end, best.start):
        # "… told MPs that margins were “razor thin”, and the Competition and Markets Authority
        # found …": a cue in the clause joined on after the quotation is not its attribution
        # where a cue before it in its sentence, named or not, is
        before = _nearest(index.cues, index.starts, bisect_left(index.starts, start),
                          bisect_left(index.starts, open_at), q, lambda c: c.end <= open_at)
        if before is not None:
            return _settle(q, before.holder, before.how or "unnamed")
    if q.end < best.start < q.end + _CLAUSE and _subordinate(ctx.masked[q.paragraph][q.end:best.start]):
        # "Britney Spears has attacked “false” US tabloids, questioning their honesty after they
        # reported she was pregnant": a cue in a clause of its own after the quotation is not its
        # attribution when the sentence's subject before the quotation speaks.
        n = _clause_subject(ctx, q.paragraph, start, open_at)
        if n is not None:
            return _settle(q, n.name, "clause-subject")
        if _PRONOUN_OPENS.match(ctx.masked[q.paragraph], start, open_at):
            # "He questioned why there was “such a rush” … when Mr Clarke had indicated": the
            # sentence's "he"
            held = pronoun(ctx, q.paragraph, start, open_at, after=True)
            if held is not None and held[0] is not None:
                return _settle(q, held[0], "pronoun")
        lo = bisect_left(index.named_starts, start)
        hi = bisect_left(index.named_starts, open_at)
        if hi > lo and "as" not in ctx.masked[q.paragraph][q.end:best.start].lower().split():
            # "footage of Trump saying during the debate, “That makes me smart,” when Clinton
            # blasted him": the named cue before the quotation in its sentence (not after "as":
            # "the words “I can't breathe,” as Eric Garner … said" are Garner's)
            before = index.named[hi - 1]
            return _settle(q, before.holder, before.how or "unnamed")
    if best.how == "pronoun" and best.holder in ctx.genders and not _short(ctx, q) \
            and _names_in(ctx.draft.text(q), best.holder):
        # "“I've had more than a quiet word with Olof …,” he told Villa's website": a quotation
        # that speaks of the pronoun's person by name is someone else's, the last earlier speaker's
        # (not a few words of theirs: he decried “please attack Ted” questions)
        # (the pronoun is theirs for the cue's other quotations too: "“… Bernie will run …,” he
        # said. “Still, when you're the winner, … Hillary should.”")
        best.holder = _speaker_besides(ctx, q, best.holder)
        return _settle(q, best.holder, "pronoun")
    return _settle(q, best.holder, best.how or "unnamed")


def _names_in(text: str, name: str) -> bool:
    """Return True where a quotation's text calls a person by their given name alone ("a quiet
    word with Olof", "I said to Harry"): one does not speak of oneself so. (Not the whole name:
    "Donald Trump will …" in his campaign's statement, "‘Billie Jean King, you are the Queen’".)"""
    parts = name.split()
    if len(parts) < 2 or not parts[0].isalpha():
        return False  # (no given name to go by, or an initial)
    words = [w.strip(".,;:!?'’\"“”()") for w in text.split()]
    return any(w == parts[0] and (i + 1 == len(words) or words[i + 1] != parts[1])
               for i, w in enumerate(words))


def _speaker_besides(ctx: Context, q: QuoteDraft, holder: str) -> str | None:
    """Return the last speaker before a quotation, in its paragraph or the two before, who is not
    `holder` and whose gender fits the pronoun's, where the quotation does not name them too."""
    want = ctx.genders.get(holder)
    text = ctx.draft.text(q)
    for p, offset, name in reversed(ctx.speakers):
        if (p, offset) >= (q.paragraph, q.start):
            continue
        if p < q.paragraph - 2:
            break
        if name != holder and name in ctx.genders and (want is None or ctx.genders[name] in (None, want)) \
                and not _names_in(text, name):
            return name
    return None


def _person_after(ctx: Context, q: QuoteDraft, index: CueIndex, end: int) -> Cue | None:
    """Return the first cue after a quotation in its sentence that names a person, or None."""
    for c in index.named[bisect_left(index.named_starts, q.end):bisect_left(index.named_starts, end)]:
        entity = ctx.draft.entities.get(c.holder or "")
        if c.how in ("said-X", "X-said") and entity is not None and entity.kind == "person":
            return c
    return None


_QUOTES_ONE = tuple([w] for w in _QUOTING)
_JOINED = re.compile(r"[,;]\s+(?:and|but)\s+")
"""Where a clause joined on to a sentence starts: its own subject."""
_FRAME_GAP = re.compile(r"[^.;:“”\"·]{0,40}[,:]\s*")
"""What may stand between a cue and the quotation it frames: "responds to Mills with, “…”"."""
_COORDINATE = re.compile(r"[”\"’'.,!?]*\s*[,;]\s*(?:and|but|while|whereas)\s")
"""A clause joined on after a quotation: "“razor thin”, and …", "“…”; but …"."""
_PRONOUN_OPENS = re.compile(r"\s*(?:He|She)\s+[a-z]+(?:ed|s)\b")
"""A sentence whose subject is "he" or "she" with its verb: "He questioned why …"."""


def _subordinate(between: str) -> bool:
    """Return True where a subordinating word ("after", "because") opens a clause between a
    quotation and a later cue."""
    words = between.split()
    return any(w.lower() in SUBORDINATORS for w in words[1:])


_AS_BEFORE = re.compile(r"(?:^|\s)(?:as|so)\s*$")
_AS_AFTER = re.compile(r"\s+as\s")


def _as_as(ctx: Context, q: QuoteDraft) -> bool:
    """Return True for a quotation inside "as “…” as X believed": X is compared with, not quoted."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    close_at = q.end + (1 if q.close_mark else 0)
    return bool(_AS_BEFORE.search(masked, max(0, open_at - 4), open_at)) \
        and _AS_AFTER.match(masked, close_at) is not None


def _colon(ctx: Context, q: QuoteDraft, start: int) -> bool:
    """Settle "Hannity interjected: “…”" and "Clinton’s response was: “…”" by the clause's subject."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    if not masked[max(start, open_at - 8):open_at].rstrip().endswith(":"):
        return False
    found = ctx.named_at(q.paragraph, max(start, open_at - _CLAUSE), open_at)
    if not found:
        return False
    label = found[-1]
    if masked[label.end:open_at].strip() == ":" and _may_speak(ctx, masked, label):
        # A name as a label: "Clinton: “…” Bush: “…”" gives the second quote to Bush, "the
        # question posed by nurse Marion Brown: “…”" to her (not "a blunt message to Trump: “…”").
        return _settle(q, label.name, "colon")
    found = [n for n in found if _may_speak(ctx, masked, n)]
    if not found:
        return False
    people = [n for n in found if n.kind == "person"]
    return _settle(q, (people or found)[0].name, "colon")


# ("For Henry Reichhold, this is progress: “…”" is his view: "for" is not here.)
_OBJECT_OF = frozenset(("on", "in", "at", "to", "from", "with", "by", "of", "about", "against"))
_SPOKEN_THINGS = frozenset(("response", "reply", "answer", "letter", "message", "tweet", "words", "view",
                            "position", "argument", "case", "verdict", "advice", "warning", "plea", "pitch",
                            "slogan", "motto", "manifesto", "promise", "pledge", "line", "mantra"))


def _may_speak(ctx: Context, masked: str, n: Named) -> bool:
    """Return False for a name that cannot be a clause's subject: the object of a preposition ("on
    CNN"), or an owner of people ("Obama’s first five questioners"; "Clinton’s response" speaks)."""
    before = masked[max(0, n.start - 10):n.start].split()[-1:]
    if before and before[0].lower() in _OBJECT_OF:
        return False
    if masked[n.end:n.end + 2] in ("’s", "'s"):
        head = [w.strip(",:") for w in masked[n.end + 2:n.end + 40].split()[:3]]  # "Labour’s election slogan"
        return any(w in _SPOKEN_THINGS or w in ctx.cues.nouns for w in head)
    return True


_INTRO_WORDS = 12
"""How long an introductory phrase ("After the court refused to reinstate the law,") may be."""
_INTRO_PREPOSITIONS = frozenset(("In", "At", "On", "During", "From", "With", "Under", "Despite", "Amid",
                                 "Throughout", "Within", "Without", "Before", "After"))
"""Capitalised prepositions that open an introductory phrase before a sentence's subject."""


def subject(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quote with no cue in its sentence by the sentence's subject, where a name is it.

    "Rubio also bemoaned a climate in which people “literally hate each other”", "Gov. Pat
    McCrory (R) blamed the court’s “four liberal justices”": whatever the verb, words quoted in a
    sentence whose subject is a person or body are that subject's, as a reader takes them. Not
    so in the passive ("Ozzy Osbourne has been praised by police for “…”") or after a copula.
    """
    if ctx.draft.doc.paragraphs[q.paragraph].kind != "text":
        return False  # a headline's subject is the story's, not the quote's
    start, _end = ctx.sentence_of(q.paragraph, max(q.start - 1, 0))
    open_at = q.start - (1 if q.open_mark else 0)
    owner = _relative_owner(ctx, q.paragraph, start, open_at)
    if owner is not None:
        return _settle(q, owner.name, "relative")
    n = _clause_subject(ctx, q.paragraph, start, open_at)
    return n is not None and _settle(q, n.name, "clause-subject")


_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\s+[^,;:·“”\"()]{3,100}$")


def _relative_owner(ctx: Context, paragraph: int, start: int, end: int) -> Named | None:
    """Return the name a relative clause holding the quotation belongs to: "… the other from the
    International Air Transport Association (IATA), which has attacked the package as a “bad piece
    of legislation”" is IATA's, not the sentence subject's."""
    masked = ctx.masked[paragraph]
    m = _RELATIVE_CLAUSE.search(masked, max(start, end - 120), end)
    if m is None:
        return None
    before = ctx.named_at(paragraph, max(start, m.start() - 80), m.start())
    if not before:
        return None
    n = before[-1]
    gap = masked[n.end:m.start()]
    if gap.strip() and not (gap.strip().startswith("(") and gap.strip().endswith(")")):
        return None
    return n


def _clause_subject(ctx: Context, paragraph: int, start: int, end: int) -> Named | None:
    """Return the name that is the subject of the clause from `start`, with an active verb before `end`."""
    masked = ctx.masked[paragraph]
    for n in ctx.named_at(paragraph, start, end):
        if masked[n.start] == MASK:
            continue
        head, comma, tail = masked[start:n.start].rpartition(",")
        if not _plain(ctx, tail) or (comma and (MASK in head or len(head.split()) > _INTRO_WORDS)):
            return None
        if not comma and any(w.lower() in SUBORDINATORS for w in tail.split()[:2]):
            continue  # "After the Supreme Court refused …, Gov. Pat McCrory blamed": an introduction
        if not comma and tail.split()[:1] and tail.split()[0] in _INTRO_PREPOSITIONS \
                and "," in masked[n.end:end]:
            continue  # "In a White House statement, President Obama condemned": an introduction
        if masked[n.end:n.end + 2] in ("’s", "'s") or masked[n.end:n.end + 1] == "’":
            return None  # "Clinton’s team": the subject is the team
        if n.kind != "person" and role_within(ctx, masked, n.end) is not None:
            continue  # "Tottenham manager Jacques Santini has resigned": the body modifies a role
        place = FROM_PLACE.match(masked, n.end, end) if n.kind == "person" else None
        # ("Gov. Earl Ray Tomblin of West Virginia lauded Mr. Clarke … for “…”": where the person is from)
        return n if subject_verb(ctx, masked, place.end() if place else n.end, end) else None
    return None


_VOICE_REACH = 8
"""How many quotations back in its paragraph a quotation looks for a voice."""


def paragraph_voice(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation with no cue in its paragraph by the speaker of the spoken quotation
    before it there: "“Your reputation is amazing,” Trump assured Jones … “I will not let you
    down.”" (the verb was no speech verb, so no cue carries it)."""
    if _short(ctx, q):
        return False
    earlier = next((p for p in ctx.quotes_before(q, _VOICE_REACH)
                    if p.kind != "scare" and p.speaker is not None), None)
    if earlier is None or earlier.cue not in ("trigram", "dash", "clause-subject", "colon", "split"):
        return False
    return _settle(q, earlier.speaker, "paragraph")


def previous_subject(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation that opens a sentence with no cue in its paragraph by the subject of the
    sentence before it: "Sen. Bernie Sanders identified young voters’ exhaustion. “The younger
    people are …”" is Sanders speaking."""
    if ctx.draft.doc.paragraphs[q.paragraph].kind != "text":
        return False
    text = ctx.draft.text(q)
    # (a short quotation only where it is a whole sentence: “Every single day.”, not a term)
    sentence = text[:1].isupper() and text.rstrip("”’\"' ").endswith((".", "!", "?"))
    if _short(ctx, q) and not sentence:
        return False
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    start, _end = ctx.sentence_of(q.paragraph, max(q.start - 1, 0))
    if start == 0 or masked[start:open_at].strip():
        return False
    prev_start, _prev_end = ctx.sentence_of(q.paragraph, start - 1)
    if MASK in masked[prev_start:start]:
        return False  # the sentence before holds a quotation of its own
    held = _pronoun_subject(ctx, q.paragraph, prev_start, start, text) if sentence else None
    if held is not None:
        # "Asked whether she misses it, she pauses. “Every single day.”"
        return _settle(q, held, "previous-subject")
    framed = _framed_for(ctx, q.paragraph, prev_start, start) if sentence or not _short(ctx, q) else None
    if framed is not None:
        # "For Marcel Drouhin, the calculation is simple. “They say it is cheaper.”": whose view
        # the sentence before frames speaks
        return _settle(q, framed, "previous-subject")
    if _short(ctx, q):
        return False
    n = _clause_subject(ctx, q.paragraph, prev_start, start)
    if n is None:
        # "The mouse adapter is the brainchild of IBM researcher Jim Levine, who developed it
        # …. “I knew there must be a way …”": the one person the sentence before names, where
        # the quotation speaks in the first person
        people = [p for p in ctx.named_at(q.paragraph, prev_start, start)
                  if p.kind == "person" and masked[p.start] != MASK]
        if len({p.name for p in people}) == 1 and _FIRST_PERSON.search(ctx.draft.text(q)) \
                and not _FIRST_PERSON.search(masked[prev_start:start]):  # (the writer's, not "I've")
            n = people[0]
    return n is not None and _settle(q, n.name, "previous-subject")


def _framed_for(ctx: Context, paragraph: int, start: int, end: int) -> str | None:
    """Return the name a sentence opens with after "For" and before a comma ("For Marcel Drouhin,
    the calculation is simple."), the one whose view it gives; else None."""
    masked = ctx.masked[paragraph]
    at = start + len(masked[start:end]) - len(masked[start:end].lstrip())
    if not masked.startswith("For ", at):
        return None
    found = ctx.named_at(paragraph, at + 4, end)
    if not found or found[0].start != at + 4 or not masked.startswith(",", found[0].end):
        return None
    return found[0].name


_PRONOUN_SUBJECT = re.compile(r"(?:[Ss]he|[Hh]e)\s+[a-z]+")
"""A sentence's "he" or "she" subject, at its start or after an introductory clause."""


_THIRD = {"he": re.compile(r"\b(?:he|him|his)\b", re.IGNORECASE),
          "she": re.compile(r"\b(?:she|her|hers)\b", re.IGNORECASE)}
"""The forms of each pronoun: a quotation that speaks of its subject so is someone else's."""


def _pronoun_subject(ctx: Context, paragraph: int, start: int, end: int, quoted: str) -> str | None:
    """Return the person a sentence's "he" or "she" subject stands for ("She pauses.", "Asked
    whether she misses it, she pauses."), or None; None too where the `quoted` words speak of
    that person ("He had only performed in Zimbabwe. “… Africa would have embraced him.”")."""
    masked = ctx.masked[paragraph]
    at = start + len(masked[start:end]) - len(masked[start:end].lstrip())
    if not _PRONOUN_SUBJECT.match(masked, at, end):
        comma = masked.find(", ", at, end)
        if comma < 0 or not _PRONOUN_SUBJECT.match(masked, comma + 2, end):
            return None
        at = comma + 2
    if _THIRD[masked[at:at + 3].strip().lower()].search(quoted):
        return None
    held = pronoun(ctx, paragraph, at, end, after=True)
    return held[0] if held is not None else None


_FIRST_PERSON = re.compile(r"(?:^|[^\w’'])(?:I|I'm|I’m|I've|I’ve|me|my)(?![\w’'])")


def _plain(ctx: Context, words_before: str) -> bool:
    """Return True where what stands before a name can open its clause ("And", "Gov.", "US actor")."""
    words = words_before.split()
    return len(words) <= 4 and MASK not in words_before and not any(
        w.lower() in ctx.cues.pronouns or w in ctx.cues.between or w.endswith("ed") for w in words)


_PLAIN_SENTENCE = 4
"""Words of the writer's own that make a sentence between a quote and a later cue."""


def _plain_words(text: str) -> int:
    return sum(1 for w in text.split() if MASK not in w)


def reopened(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation that follows another with nothing between by that one's speaker, named
    or not: the convention of re-opening the quote on each paragraph, with the paragraphs run
    together ("An SFA spokesman said: “They have seven days. “But if they do appeal …”")."""
    earlier = ctx.quotes_before(q, 1)
    if not earlier or earlier[0].kind == "scare" or earlier[0].cue is None:
        return False
    first = earlier[0]
    between = ctx.masked[q.paragraph][first.end + (1 if first.close_mark else 0):
                                      q.start - (1 if q.open_mark else 0)]
    return not between.strip() and _settle(q, first.speaker, "reopened")


def answer(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation with no cue in its sentence in an interview's "A: " paragraph as the
    words of the one person the paragraph leading into the questions names ("Here is what Doyle
    told his post-match news conference:" … "A: “Everything. …”")."""
    masked = ctx.masked[q.paragraph]
    if not masked.startswith("A"):
        return False
    label = SPEAKER_LABEL.match(masked)
    if label is None or label.end() != q.start - (1 if q.open_mark else 0):
        return False  # (a quotation inside an answer is someone else's words, or a term)
    speaker = answerer(ctx.draft, q.paragraph)
    return speaker is not None and _settle(q, speaker, "answer")


def same_paragraph(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quote with no cue in its sentence by the nearest named cue in its paragraph."""
    start, end = ctx.sentence_of(q.paragraph, max(q.start - 1, 0))
    if _unnamed_subject(ctx, q, start) or (not _short(ctx, q) and _document_subject(ctx, q, start)):
        # "On 28 December, another senior economic adviser called the sale “the swindle of the
        # century”": the sentence names its speaker, without a name
        return _settle(q, None, "unnamed")
    index = cue_index(ctx, q.paragraph)
    starts = index.named_starts
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    # The nearest named cues outside the quote's own sentence stand just before and after it.
    # Prefer the one before at equal distance: the speaker is usually named first.
    near = [index.named[i] for i in (lo - 1, hi) if 0 <= i < len(starts)]
    masked = ctx.masked[q.paragraph]
    # A cue after the quote reaches back over quotations, not over a sentence of the writer's own
    # ("“…” “…” Mr Blair was asked last Wednesday …. The prime minister told MPs: “…”").
    # Nor does one that opens a quotation of its own with a colon ("“…” Mr Milburn said: “…”").
    near = [c for c in near if c.start < q.start or (_plain_words(
        masked[q.end:ctx.sentence_of(q.paragraph, c.start)[0]]) < _PLAIN_SENTENCE
        and not _opens_own(masked, c))]
    if len(near) == 2 and ctx.sentence_of(q.paragraph, near[0].start)[1] >= start \
            and _own_quotation(ctx.draft.doc.paragraphs[q.paragraph].text, masked, q, near[1]):
        # "“…,” said Paul LeClerc. “It could solve an old problem …” “This is the day the world
        # changes,” said John Wilkin": the later cue has a quotation of its own, ending with its
        # comma; this one goes on from the sentence right before it
        near = near[:1]
    # (the last quotation of its own before it: not one quoted inside it, "… that we should 'be bold'")
    prev = next((p for p in ctx.quotes_before(q, 4) if ctx.quote_around(p) is None), None)
    voice = prev if prev is not None and prev.kind != "scare" and prev.cue not in _CARRIED \
        and ctx.quote_around(q) is None else None
    if not near:
        if ctx.last_cue_before(ctx.anonymous, q.paragraph, q.start) >= 0 and not _short(ctx, q):
            # "“…,” said one trader. “If Solidere drops …”": the unnamed voice speaks on
            return _settle(q, None, "unnamed")
        if voice is not None and voice.speaker is None and voice.cue in ("unnamed", "pronoun") \
                and _plain_words(masked[voice.end:q.start]) <= _TAIL_WORDS:
            # "“You're doing surgery on a Victorian building,” one told me. “Every job is a
            # surprise.”": the voice the text leaves unnamed speaks on, not one named before
            return _settle(q, None, "unnamed")
        return False
    best = min(near, key=lambda c: (abs(_distance(q, c)), c.start > q.start))
    if voice is not None and voice.speaker is not None and voice.speaker != best.holder \
            and voice.end <= best.start < q.start and not _opens_own(masked, best) \
            and ctx.sentence_of(q.paragraph, best.start)[0] <= voice.start:
        # "“She's not wrong,” he said, when I told him what Okafor had said. “But …”": a name in
        # the quotation's own attribution is spoken of; its speaker speaks on
        return _settle(q, voice.speaker, "paragraph")
    if best.start > q.start and _carried_over(ctx, q):
        return False  # the quotation the paragraph before left open goes on ("continued")
    if best.start > q.start and _own_statement(ctx, q, best) \
            and not any(n.name == best.holder for n in ctx.named_at(q.paragraph, start, end)):
        # (unless the quotation's own sentence names the later holder: "… singled out by Ofsted
        # chief, David Bell, for not promoting the “…”. Mr Bell said …")
        before = [c for c in near if c.start < q.start]
        if not before:
            return False  # the paragraph before may speak on ("continued")
        best = min(before, key=lambda c: abs(_distance(q, c)))
    if best.start < q.start and ctx.last_cue_before(ctx.anonymous, q.paragraph, q.start) > best.start:
        # "X said: “…” But her spokesman insisted she had only delayed it. “…”": nobody named
        return _settle(q, None, "unnamed")
    if best.start < start and _short(ctx, q) and (
            _other_subject(ctx, q, start, best.holder)
            or _INDEFINITE.match(masked, start, q.start) is not None
            or (speech_kind(ctx.draft.text(q)) == "partial"
                and not _holder_in(ctx, q, start, end, best.holder))):
        # "Mark Davies said …. Centre Parker has only a “slim chance” of being involved": a
        # fragment in a sentence about someone else is no words of the paragraph's speaker; nor
        # one in a sentence that names or points to no one ("Scare-mongering articles about
        # “addictive video games” have existed since …", "An “informal trawl” of CPS records"),
        # nor one in a sentence about someone unnamed ("One user has already created a “dock”")
        return False
    if best.holder in ctx.genders and _THEY_DID.match(masked, start, q.start):
        # "They backed the suggestion that … would be “named and shamed”": a group, no one person
        return _settle(q, None, "unnamed")
    return _settle(q, best.holder, "paragraph")


_CARRIED = frozenset(("continued", "paragraph", "paragraph-voice", "previous-subject", "reopened", "none"))
"""How a quotation is settled that no cue in its own sentence gave a speaker."""


def _other_subject(ctx: Context, q: QuoteDraft, start: int, holder: str | None) -> bool:
    """Return True where a fragment woven into its sentence follows a subject named there that is
    not `holder`: the sentence is about that subject."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    if _plain_words(masked[start:open_at]) < 2:
        return False  # a quotation that opens its sentence
    n = next((n for n in ctx.named_at(q.paragraph, start, open_at) if masked[n.start] != MASK), None)
    return n is not None and n.name != holder and _plain(ctx, masked[start:n.start]) \
        and masked[n.end:n.end + 2] not in ("’s", "'s")


def _holder_in(ctx: Context, q: QuoteDraft, start: int, end: int, holder: str | None) -> bool:
    """Return True where the quotation's sentence names the holder or holds a pronoun that may
    stand for them ("he said the plan was “a con”", "Under Mr Brown's “golden rule”")."""
    masked = ctx.masked[q.paragraph]
    lo, hi = max(start, q.start - _CLAUSE), min(end, q.end + _CLAUSE)  # (a bound: no rescans)
    if any(n.name == holder for n in ctx.named_at(q.paragraph, lo, hi)):
        return True
    around = f"{masked[lo:q.start]} {masked[q.end:hi]}"
    return any(w.strip(",;:.") in _POINTERS for w in around.split())


_POINTERS = frozenset(("he", "He", "she", "She", "his", "His", "her", "Her", "they", "They", "their", "Their",
                       "it", "It", "its", "Its", "we", "We", "our", "I", "my", "him", "them"))
"""Words by which a sentence may point to the paragraph's speaker without naming them."""

_CLAUSE = 300
"""How far on either side of a quotation its sentence is read for them (a bound)."""


_INDEFINITE = re.compile(r"\s*(?:(?:But|And|Now|Already),?\s+)?(?:One|Another|An?|Some)\s+[a-z]")
"""A sentence opened by a subject the text does not name: "One user has …", "A reader wrote …"."""


_THEY_DID = re.compile(r"\s*(?:But\s+|And\s+)?They\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
"""A sentence whose subject is "They", with a verb in the past."""


_UNNAMED = re.compile(r"(?:^|[\s,])(?:[Aa]nother|[Aa]n?|[Oo]ne)\s+(?:[a-z-]+\s+){0,3}?([a-z]+)\s+"
                      r"(?:[a-z]+ly\s+)?[a-z]+ed\b")


_NEXT_QUOTE = re.compile(r"[”\"’']?\s+[“\"‘']·")


def _own_quotation(text: str, masked: str, q: QuoteDraft, cue: Cue) -> bool:
    """Return True where a cue after a quotation that ends a sentence follows another quotation,
    ending with a comma, that the cue's sentence opens: "“Ditto.” “Ossie was my hero,” said X"."""
    between = masked[q.end:cue.start]
    closing = text[q.end:cue.start].rstrip()
    return MASK in between and _NEXT_QUOTE.match(between) is not None \
        and text[q.start:q.end].rstrip(" ”\"’'").endswith((".", "!", "?")) \
        and closing.rstrip(" ”\"’'").endswith(",")


def _unnamed_subject(ctx: Context, q: QuoteDraft, start: int) -> bool:
    """Return True where the quotation's clause has an unnamed voice for subject, with a verb in
    the past before the quotation ("another senior economic adviser called the sale “…”")."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    window = max(start, open_at - _CLAUSE)  # (a bound: a sentence of thousands of quotes costs each a window)
    clause = max(window, masked.rfind(",", window, open_at) + 1, masked.rfind(";", window, open_at) + 1)
    m = _UNNAMED.search(masked, clause, open_at)
    return m is not None and m.group(1) in ctx.cues.anonymous and MASK not in masked[clause:m.start()]


_DOCUMENT_SUBJECT = re.compile(r"\s*(?:[A-Z][a-z]+\s+\d+\s+of\s+)?"
                               r"(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?)\s+"
                               r"(?:[\w’'-]+\s+){0,4}?([a-z]+)\s+(?:[a-z]+ly\s+)?[a-z]+s\b")


def _document_subject(ctx: Context, q: QuoteDraft, start: int) -> bool:
    """Return True where the quotation's sentence has a document for subject ("Section 5 of the
    members interest order legally obliges MSPs to declare interests “where …”"): its words."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    m = _DOCUMENT_SUBJECT.match(masked, start, open_at)
    return m is not None and m.group(1) in ctx.cues.documents \
        and not any(n.kind == "person" for n in ctx.named_at(q.paragraph, start, m.end(1)))


_TAIL_WORDS = 8
"""Words of the writer's a later cue's sentence may hold and still be a quotation's attribution."""


def _own_statement(ctx: Context, q: QuoteDraft, cue: Cue) -> bool:
    """Return True for a later cue in a sentence of its own that reports something else where a
    cue before the quotation could speak for it: "He said he hoped …. “…” But a UKIP spokesman
    said that would be impossible under the party's constitution."""
    start, end = ctx.sentence_of(q.paragraph, cue.start)
    if start < q.end:
        return False  # the quotation's own sentence
    sentence = ctx.masked[q.paragraph][start:end]
    if "meanwhile" in ctx.masked[q.paragraph][start:cue.start].lower().split():
        return True  # "“…” Lib Dem spokesman Ed Davey meanwhile said …": another voice
    first = sentence.find(MASK)
    if first >= 0 and (start + first < cue.start
                       or _plain_words(ctx.masked[q.paragraph][cue.end:start + first]) < 4):
        # one whose cue gives its own quotation too (not a partial one deep in what it reports:
        # "Fellow Lib Dem Norman Baker said the episode painted an “unflattering picture”")
        return False
    return _plain_words(sentence) > _TAIL_WORDS


def _opens_own(masked: str, cue: Cue) -> bool:
    """Return True where a cue's colon opens a quotation after it ("Mr Milburn said: “…”")."""
    colon = masked.find(":", cue.end, cue.end + 60)
    return colon >= 0 and MASK not in masked[cue.end:colon] and "." not in masked[cue.end:colon] \
        and masked[colon + 1:colon + 4].lstrip(" \"'“‘«").startswith(MASK)


def _carried_over(ctx: Context, q: QuoteDraft) -> bool:
    """Return True for a quotation opening its paragraph after one the paragraph before left
    unclosed, in the newspaper convention: "… Gregory Ioannidis, said: “The decision means … his
    career." then "“He has consistently maintained his innocence …" is still his."""
    if q.open_mark is None or not ctx.opens_paragraph(q.paragraph, q.start - 1) or q.paragraph == 0:
        return False
    quotes = ctx.quotes_in.get(q.paragraph - 1)
    if not quotes:
        return False
    last = quotes[-1]
    return last.close_mark is None and last.kind != "scare" and last.speaker is not None \
        and not ctx.masked[q.paragraph - 1][last.end:].strip(" ·")


def continued(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quote in a paragraph with no cue by the voice of the paragraph before."""
    paras = ctx.draft.doc.paragraphs
    prev = q.paragraph - 1
    if prev < 0 or paras[prev].kind != "text" or paras[q.paragraph].kind != "text":
        return False
    if ctx.opens_paragraph(q.paragraph, max(q.start - 1, 0)):
        # (the last quotation of its own: not one quoted inside it, "… and he said 'I do'.")
        spoken = next((p for p in reversed(ctx.quotes_in.get(prev, []))
                       if p.kind != "scare" and ctx.quote_around(p) is None), None)
        if spoken is not None and spoken.speaker is not None:
            # "“…,” he said. … Ian Harris, deputy editor of Mac Format, said the machine would
            # appeal to PC owners." then "“They want a further taste of Mac …”": the last voice
            # the paragraph reports, after its last quotation, speaks on.
            later = [c for c in cue_index(ctx, prev).named if c.start > spoken.end and c.holder]
            if later and MASK not in ctx.masked[prev][later[-1].start:]:
                return _settle(q, later[-1].holder, "continued")
            return _settle(q, spoken.speaker, "continued")
        if spoken is None:
            # A paragraph of quotation after one that introduces its speaker ("Trump spoke only
            # in evasive bromides during the interview."): that paragraph's subject.
            masked = ctx.masked[prev]
            if masked.rstrip().endswith(":") and ctx.sentences[prev]:
                # "When Wallace died in 1998, President Clinton released the following statement:":
                # the subject of the sentence that introduces it, not the paragraph's first name
                last = ctx.sentences[prev][-1][0]
                for joined in _JOINED.finditer(masked, last):
                    last = joined.end()  # ("The Times made these allegations, and Breitbart News responded:")
                subject_of = _clause_subject(ctx, prev, last, len(masked))
                if subject_of is not None and masked[subject_of.end:].split()[:1] in _QUOTES_ONE:
                    # "Frank quotes former Carter adviser Alfred Kahn:": the one quoted
                    subject_of = next((n for n in reversed(ctx.named_at(prev, subject_of.end, len(masked)))
                                       if n.kind == "person"), subject_of)
                if subject_of is not None:
                    return _settle(q, subject_of.name, "continued")
            person = next((n for n in ctx.named_at(prev, 0, len(masked))
                           if n.kind == "person" and masked[n.start] != MASK), None)
            if person is not None:
                return _settle(q, person.name, "continued")
    if _short(ctx, q):
        return False
    named = cue_index(ctx, prev).named
    if named:
        return _settle(q, named[0].holder, "continued")
    return False


def leftover(ctx: Context, q: QuoteDraft) -> bool:
    """Settle what no cue reaches: words nobody is reported as saying are a scare quote, but a
    whole sentence a colon introduces is speech whose speaker the text does not name ("And some
    of them are even sadder: “Today our son was five days old.”")."""
    masked = ctx.masked[q.paragraph]
    open_at = q.start - (1 if q.open_mark else 0)
    text = ctx.draft.text(q).rstrip()
    whole = len(text.split()) >= _WHOLE_WORDS and text[:1].isupper() and text[-1:] in ".!?,"
    if whole and masked[max(0, open_at - 3):open_at].rstrip().endswith(":"):
        return _settle(q, None, "unnamed")
    return _settle(q, None, "none", speech=False)


_WHOLE_WORDS = 5
"""Words a quotation after a colon needs to read as a sentence someone said."""


_DIRECT_WORDS = 4
"""A quote of at least this many words that opens with a capital reads as a full utterance."""


def speech_kind(text: str) -> QuoteKind:
    """Return "direct" for a full utterance, "partial" for a fragment."""
    stripped = text.lstrip(" .…'‘\"“(")
    whole = len(text.split()) >= _DIRECT_WORDS or text.rstrip()[-1:] in ".!?,"
    if whole and stripped[:1].isupper():
        return "direct"
    return "partial"


_LISTING = re.compile(r",?\s+(?:and|or)\s+|,\s+")
"""What joins two quotations in one list: "“…” and “…”", "“…”, “…” or “…”"."""


def joined(ctx: Context, quotes: list[QuoteDraft]) -> None:
    """Give a quotation that no cue reached the speaker of the one it is listed with: "“…” and
    “…,” she said" are both hers, as "he called it “tough”, “unfair” and “wrong”" are all his.
    Run once the sieves have settled each quotation, backward first (a cue after the list holds
    the quotations before it) then forward."""
    by_paragraph: dict[int, list[QuoteDraft]] = {}
    for q in quotes:
        if q.depth == 0:
            by_paragraph.setdefault(q.paragraph, []).append(q)
    for listed in by_paragraph.values():
        if len(listed) < 2:
            continue
        listed.sort(key=lambda q: q.start)
        masked = ctx.masked[listed[0].paragraph]
        pairs = [(a, b) for a, b in pairwise(listed)
                 if a.close_mark and b.open_mark and _LISTING.fullmatch(masked, a.end + 1, b.start - 1)]
        for a, b in reversed(pairs):
            # (the later one's cue follows it: its words end on a comma, "“…,” she said")
            if a.cue == "none" and b.speaker is not None and b.cue in _AFTER_CUES and \
                    (ctx.draft.text(b).rstrip()[-1:] == "," or masked.startswith(",", b.end + 1)):
                _settle(a, b.speaker, b.cue)
                a.kind = speech_kind(ctx.draft.text(a))
        for a, b in pairs:
            if b.cue == "none" and a.speaker is not None and a.cue in _LISTED_CUES:
                _settle(b, a.speaker, a.cue)
                b.kind = speech_kind(ctx.draft.text(b))


_AFTER_CUES = frozenset(("trigram", "said-X", "X-said", "pronoun"))
"""How a quotation's speaker is found by a cue that may follow it in its sentence."""
_LISTED_CUES = frozenset(("X-said", "said-X", "pronoun", "description", "according-to", "trigram",
                          "reopened", "clause-subject"))
"""How a quotation's speaker is found by a cue in its sentence or the paragraph's voice."""


def checked_claim(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a fact check's quoted claim by the line under it: "CLAIM: “Violent crime has
    doubled …”" over "CLAIMED BY: Councilman Derek Voss, in a campaign video" is Voss's."""
    label = _LINE_LABEL.match(ctx.masked[q.paragraph])
    if label is None or label.group(1).lower() not in ctx.cues.claim_labels \
            or q.paragraph + 1 >= len(ctx.masked):
        return False
    by = _LINE_LABEL.match(ctx.masked[q.paragraph + 1])
    if by is None or by.group(1).lower() not in ctx.cues.claimant_labels:
        return False
    named = ctx.named_at(q.paragraph + 1, by.end(), by.end() + 120)
    return bool(named) and _settle(q, named[0].name, "label")


_LINE_LABEL = re.compile(r"([A-Za-z][A-Za-z ]{1,20}?)\s*:\s")
"""A label opening a paragraph: "CLAIM: ", "Claimed by: "."""


SIEVES: list[tuple[str, Sieve]] = [
    ("label", checked_claim),
    ("agent", agent),
    ("from", from_agent),
    ("scare-term", scare_term),
    ("nested", nested),
    ("dash", dash_credit),
    ("opening-clause", opening_clause),
    ("trigram", trigram),
    ("split", split_quote),
    ("sentence", same_sentence),
    ("heard", heard),
    ("subject", subject),
    ("reopened", reopened),
    ("answer", answer),
    ("paragraph", same_paragraph),
    ("paragraph-voice", paragraph_voice),
    ("previous-subject", previous_subject),
    ("continued", continued),
    ("leftover", leftover),
]
