"""Find speech cues in a stretch of text and the holder each one names.

A cue is a speech verb ("said", "wrote", "told") or "according to". Its holder stands behind it
after a quotation or comma ("…”, said the paper"; "according to X") or before it ("Nad said",
"Sergey Shoigu, reportedly told", "The Financial Times reported that"). A holder is a mention of
a person or body, a pronoun ("he said") or a description ("the foreign affairs magazine").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsarchive.extract.attribution.context import MASK, Context, Named, find_cue_words, letters_apart
from newsarchive.extract.attribution.holders import description, office_holder_below, pronoun, typed_voice
from newsarchive.extract.text import alternation

# Words allowed between an inverted verb and its holder: "said foreign affairs correspondent
# Simon Tisdall", "said Professor Marlene Laruelle", "wrote the FT's Gideon Rachman".
_GAP_STOP = ("that|it|it’s|it's|why|how|what|who|which|is|was|are|were|to|in|on|at|when|if|he|she|they|we"
             "|i|you|this|there|and|but|of")
_GAP = re.compile(rf"\s*(?:(?!(?:{_GAP_STOP})\s)[a-z][\w’'-]*\s+){{0,4}}")
_THAT = re.compile(r"\s+(?:(?:on|last|this|early|late)\s+)?"
                   r"(?:[A-Z][a-z]+day\s+|yesterday\s+|today\s+|again\s+)?that\b")
# Words that start a clause or a phrase of its own after a holder's name.
# ("and" may join two titles: "Nortel president and chief executive Bill Owens".)
_CLAUSE_WORDS = frozenset(("when", "while", "after", "before", "about", "as", "asked", "because", "if", "who",
                           "which", "whom", "whose", "with", "to", "at", "in", "on", "for", "during"))
_INFINITIVE = frozenset(("to", "not"))
"""Words of a clause after a verb's object ("urged Muslims not to vote for Labour"): a body
after them is spoken of, not speaking."""
_OBJECT_WORDS = frozenset(("of", "in", "to", "for", "with", "about", "from", "at", "on", "against"))
# "a BaFin spokeswoman said", "An IAAF statement said", "Labour's spokesman said": the body speaks.
_BODY_VOICE = re.compile(r"(?:[’']s)?\s+(?:chief\s+|senior\s+|official\s+|press\s+)?"
                         r"(?:spokes(?:man|woman|person)|statement|press\s+release|official|representative"
                         r"|minutes|report|study|survey|letter)"
                         r"(?:\s+(?:to|on|in)\s+(?:the\s+|its\s+)?[a-z][a-z ]{1,30})?\s*,?\s*")
"""A body's voice or writing between it and a verb: "the IAAF statement said", "United's
statement to the stock exchange said"."""
_VOICE_OF = re.compile(r"(?:[’']s)?\s+(?:chief\s+|senior\s+|press\s+)?(?:spokes(?:man|woman|person)|official"
                       r"|representative)\b")
_OF_BODY = frozenset(("of", "of the", "from", "from the", "at", "at the"))
FROM_PLACE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w’'&.-]*\s*){1,4}"
                         r"(?:\s+(?:of|from|in|at)\s+(?:the\s+)?(?:[A-Z][\w’'&.-]*\s*){1,4}){0,2}(?=\s|,|$)")
"""Where a person is from, after their name: "of BNP Paribas", "of the Ifo Institute in Munich"."""
_RELATIVE_TAIL = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[,–—-]?\s*(?:who|which)\s*", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:who|whose)\s")
# "As Mr Kok's report noted": what a person wrote speaks for them.
_OWN_WRITING = re.compile(r"[’']s\s+(?:report|statement|letter|book|memoir|blog|website|column|article|"
                          r"speech|message|tweet|post|manifesto)\s*")
_INDEFINITE = frozenset(("a", "an", "one", "another", "two", "three", "several", "some", "many", "other"))
# Punctuation that ends a noun phrase; a full stop only after a word that is no abbreviation.
_BREAK = re.compile(r"[,;:·“”\"()]|\b[a-z]{3,}\.(?:\s|$)")
# A holder before its verb may carry an appositive between commas: "David Frost, director
# general of the British Chambers of Commerce, warned", "Rep. Jim Jordan (R-Ohio), an oversight
# panel member, said".
# (a term in quotation marks may stand in it: ", one of the so-called “Blair Babes” elected in 1997,")
_APPOSITIVE = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s*,?\s*$"
                         r"|\s*,(?:[^;:“”\"·]|[“\"]·{1,40}[”\"]){1,220},\s*$"
                         r"|\s*,\s+(?:an?|the)\s[^,;:“”\"·]{1,80}$)")
_DASHED = re.compile(r"\s+[-–—]\s[^;:“”\"·–—]{1,160}\s[-–—]\s*")
"""An appositive between dashes: "Mr Bez - himself a former executive at rival Porsche - said"."""
_WHEN_TAIL = re.compile(r"\s(?:on|last|this|earlier|later)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
                        r"|Saturday|Sunday|week|weekend|night|month|year|morning|afternoon|evening)\s+$")
"""A time between a holder and its verb: "the co-chairman …, Liam Fox, on Saturday called him"."""
_WHEN_ENDS = ("day", "week", "weekend", "night", "month", "year", "morning", "afternoon", "evening")
"""The last words `_WHEN_TAIL` can end with: a test far cheaper than its search."""
_CLAUSE = 300
"""How far back (in characters) the subject of "… and said" is looked for."""
_NO_INVERSION = frozenset(("told", "tells", "tell", "telling"))
_SPACES = re.compile(r"\s+")


@dataclass(slots=True, init=False)  # (an __init__ mypyc compiles: see context.Named)
class Cue:
    """A speech cue and, where the text names one, its holder."""

    paragraph: int
    start: int
    end: int
    verb: str
    holder: str | None
    """Canonical name of the person or body, None where the cue names nobody we know."""
    how: str
    """Which construction found the holder ("said-X", "X-said", "according-to", "pronoun", "description")."""

    def __init__(self, paragraph: int, start: int, end: int, verb: str, holder: str | None, how: str) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.verb = verb
        self.holder = holder
        self.how = how


def paragraph_cues(ctx: Context, paragraph: int) -> list[Cue]:
    """Return the speech cues of a paragraph, sentence by sentence, noting each holder found."""
    cached = ctx.cue_cache.get(paragraph)
    if cached is not None:
        return cached
    found: list[Cue] = []
    apart = letters_apart(ctx.masked[paragraph])  # (cut into words once for all its sentences)
    for start, end in ctx.sentences[paragraph]:
        found += find_cues(ctx, paragraph, start, end, apart)
    ctx.cue_cache[paragraph] = found
    return found


_SOME_ONE = frozenset(("one", "One", "another", "Another"))
"""Words that make the noun after them someone the text does not name."""


def _anonymous_before(ctx: Context, paragraph: int, start: int, at: int) -> bool:
    """Return True where the words just before a verb name a speaker the text leaves unnamed:
    "her spokesman insisted", "The executive spokeswoman said"."""
    words = ctx.masked[paragraph][max(start, at - 40):at].split()[-4:]
    if _some_one(words):
        return True
    for i, w in enumerate(words):
        if w.strip(",").lower() in ctx.cues.anonymous:
            # the noun is the clause's subject: not "among experts which said", "told officials"
            after = {x.lower() for x in words[i + 1:]}
            return not (i and words[i - 1].lower() in _OBJECT_WORDS) and not after & _RELATIVE_WORDS
    return False


_RELATIVE_WORDS = frozenset(("which", "who", "that", "whom"))


def _some_one(words: list[str]) -> bool:
    """Return True where the last words before a verb are someone the text does not name: "one
    trader said", "one of the people said", "another source said", "One European ambassador calls"
    (not "BBC One", "One Direction", and not "as one who believes:", whose subject is another's)."""
    return any(w in _SOME_ONE and i < len(words) - 1 and words[-1].islower()
               and not (i and (words[i - 1].lower() in ("no", "every") or w[0].isupper()))
               and _RELATIVE_WORDS.isdisjoint(words[i + 1:])  # (not "as one who believes")
               for i, w in enumerate(words))


_BARE_VOICE_BEFORE = re.compile(r"\b[Aa]n?\s+spokes(?:man|woman|person)\s+(?:[a-z]+ly\s+)?$")
_BARE_VOICE_AFTER = re.compile(r"\s+an?\s+spokes(?:man|woman|person)\b(?!\s+(?:for|of|at|from)\b)")


def _body_just_heard(ctx: Context, paragraph: int, start: int, cue: Cue) -> str | None:
    """Return the body whose words the sentence before reported, for a bare "a spokesman said"
    after it ("Transport 2000 said the freeze sends the wrong message. “…,” said a spokesman."),
    with no person named between; else None."""
    masked = ctx.masked[paragraph]
    if not (_BARE_VOICE_BEFORE.search(masked, max(start, cue.start - 30), cue.start)
            or _BARE_VOICE_AFTER.match(masked, cue.end)):
        return None
    s_start = ctx.sentence_of(paragraph, cue.start)[0]
    label = _label(ctx, paragraph)
    heard = [(at, name) for p, at, name in ctx.speakers[-8:] if p == paragraph and at < cue.start
             and (label is None or name != label.name)]
    if not heard or max(heard)[0] < ctx.sentence_of(paragraph, max(0, s_start - 1))[0]:
        # no one heard in the sentence just before: the body that sentence is about, if any
        return _body_subject_before(ctx, paragraph, s_start)
    at, name = max(heard)
    entity = ctx.draft.entities.get(name)
    if entity is None or entity.kind == "person":
        return None
    if any(n.kind == "person" and masked[n.start] != MASK for n in ctx.named_at(paragraph, at, cue.start)):
        return None
    return name


def _label(ctx: Context, paragraph: int) -> Named | None:
    """Return the person a transcript's label names at the paragraph's start ("Priya Desai: We
    asked …"), who speaks the whole paragraph and is not the voice of a sentence in it."""
    first = next(iter(ctx.named_at(paragraph, 0, 60)), None)
    if first is None or first.kind != "person" or ctx.masked[paragraph][first.end:first.end + 1] != ":":
        return None
    return first


_SUBJECT_OPENERS = frozenset(("the", "but", "and", "however,", "meanwhile,", "now"))
"""Words that may stand before a sentence's subject: "But the Home Office defended …"."""


def _body_subject_before(ctx: Context, paragraph: int, start: int) -> str | None:
    """Return the body the sentence just before a bare "a spokesman said" has for subject ("The
    Association of Chief Police Officers has issued guidance. A spokesman said: …"), with no
    other name in that sentence after it; else None."""
    if start > 0:
        p, (s_start, s_end) = paragraph, ctx.sentence_of(paragraph, start - 1)
    elif paragraph > 0 and ctx.sentences[paragraph - 1]:
        p, (s_start, s_end) = paragraph - 1, ctx.sentences[paragraph - 1][-1]
    else:
        return None
    named = ctx.named_at(p, s_start, s_end)
    masked = ctx.masked[p]
    if named and named[0] is _label(ctx, p):
        s_start, named = named[0].end + 1, named[1:]  # a transcript's label: "Priya Desai: We asked …"
    if not named or named[0].kind == "person" or any(n.name != named[0].name for n in named[1:]):
        return None
    opening = masked[s_start:named[0].start].split()
    if (len(opening) > 2 or any(w.lower() not in _SUBJECT_OPENERS for w in opening)) and not _asked(opening):
        return None
    return named[0].name


_ASKED = frozenset(("asked", "contacted", "approached", "emailed"))
"""Verbs by which the writer says whom they asked for comment: "We asked the British Retail
Consortium for a response. A spokesperson said …" is the consortium's."""


def _asked(opening: list[str]) -> bool:
    """Return True for the words "We asked the", "I have contacted" before a body's name."""
    if not 2 <= len(opening) <= 4:
        return False
    verb = opening[-1] if opening[-1] != "the" else opening[-2]
    return opening[0] in ("We", "I") and verb in _ASKED \
        and all(w in _ASKED or w in ("have", "also", "the") for w in opening[1:])


def _voice_after(ctx: Context, paragraph: int, at: int, end: int) -> str | None:
    """Return the body an unnamed voice after a verb speaks for: "said a Vodafone spokesman",
    "said a CAS statement", "said a spokesman for the Home Office" (not "said one trader")."""
    masked = ctx.masked[paragraph]
    voice = _voice_for(ctx).match(masked, at, end)
    if voice is not None:
        body = next(iter(ctx.named_at(paragraph, voice.end(), min(end, voice.end() + 60))), None)
        return body.name if body is not None and body.start == voice.end() and body.kind != "person" else None
    for n in ctx.named_at(paragraph, at, min(end, at + 60)):
        if n.kind == "person" or len(masked[at:n.start].split()) != 1:
            return None  # (a person: "said a proud coach Mike Ruddock", found as any holder)
        after = masked[n.end:n.end + 30].split()
        word = after[0].strip(",.:;").lower() if after else ""
        return n.name if word in ctx.cues.anonymous or word in ctx.cues.nouns else None
    return None


_voice_for_cache: list[tuple[frozenset[str], re.Pattern[str]]] = []


def _voice_for(ctx: Context) -> re.Pattern[str]:
    """Return the pattern of an unnamed voice after a verb with its body after it: "a spokesman
    for the Home Office", "an official at the Ministry of Health"."""
    words = ctx.cues.anonymous
    if not _voice_for_cache or _voice_for_cache[0][0] is not words:
        alt = alternation(sorted(words, key=lambda w: len(re.escape(w)), reverse=True), spaces=r"\ ")
        _voice_for_cache[:] = [(words, re.compile(
            rf"\s*(?:an?|one|another)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{alt})\s+(?:for|of|at|with|from)\s+(?:the\s+)?"))]
    return _voice_for_cache[0][1]


_INDEFINITE_ROLE = re.compile(r"\s*(?:an?|one|another)\s+(?:of\s+(?:the|their|his|her|its)\s+)?"
                              r"((?:[\w’'-]+\s+){0,3}?[a-z][\w-]*),\s+")


def _indefinite_then_name(ctx: Context, paragraph: int, at: int, end: int) -> str | None:
    """Return the person named in apposition after an indefinite role ("said one of their
    lawyers, Michalis Dimitrakopoulos."), or None."""
    masked = ctx.masked[paragraph]
    m = _INDEFINITE_ROLE.match(masked, at, end)
    if m is None:
        return None
    head = m.group(1).rsplit(None, 1)[-1].lower()
    if head not in ctx.lex.roles and not (head.endswith("s") and head[:-1] in ctx.lex.roles):
        return None
    person = next((n for n in ctx.named_at(paragraph, m.end(), min(end, m.end() + 60))
                   if n.start - m.end() <= 12), None)
    return person.name if person is not None and _ends_phrase(masked, m.end(), person) else None


def _ends_phrase(masked: str, start: int, person: Named | None) -> bool:
    """Return True for a person whose name ends the phrase from `start`, nothing breaking it
    before: "said a proud coach Mike Ruddock.", "said one of their lawyers, Michalis X."."""
    return person is not None and person.kind == "person" and not _BREAK.search(masked[start:person.start]) \
        and masked[person.end:person.end + 1] in (".", ",", ";", ":", "")


def _spokesman_for(ctx: Context, paragraph: int, start: int, at: int) -> bool:
    """Return True where the body named just before a verb is one an unnamed voice speaks for:
    "A spokesman for the UK Film Council said"."""
    named = ctx.named_at(paragraph, max(start, at - 80), at)
    if not named:
        return False
    body = named[-1]
    if len(named) > 1 and named[-2].name == body.name and ctx.masked[paragraph][body.start - 1] == "(":
        body = named[-2]  # "A spokesman for the British Phonographic Industry (BPI) said"
    words = ctx.masked[paragraph][max(start, body.start - 40):body.start].split()
    if words and words[-1].lower() == "the":
        words.pop()
    return len(words) >= 2 and words[-1] in ("for", "of", "at", "from") \
        and words[-2].lower() in ctx.cues.anonymous


@dataclass(frozen=True, slots=True)
class CueIndex:
    """A paragraph's cues by position, all and those that name a holder, for nearest-cue lookups
    that cost a bisection, not a scan: a paragraph may hold thousands of cues."""

    cues: list[Cue]
    starts: list[int]
    named: list[Cue]
    named_starts: list[int]


def cue_index(ctx: Context, paragraph: int) -> CueIndex:
    """Return the cue index of a paragraph (built once)."""
    index = ctx.index_cache.get(paragraph)
    if index is None:
        cues = paragraph_cues(ctx, paragraph)
        named = [c for c in cues if c.holder is not None]
        index = ctx.index_cache[paragraph] = CueIndex(cues, [c.start for c in cues], named,
                                                      [c.start for c in named])
    return index


def _noted(ctx: Context, start: int, cue: Cue) -> Cue:
    """Record a cue as soon as it is found, so a pronoun later in its sentence sees it ("the
    chancellor said the cuts proposed by Oliver Letwin were …, he told activists" is Brown)."""
    paragraph = cue.paragraph
    # ("said one trader": holder_after found the speaker unnamed already)
    if cue.holder is None and (cue.how == "unnamed" or (
            cue.how in ("", "description") and _anonymous_before(ctx, paragraph, start, cue.start))):
        body = _body_just_heard(ctx, paragraph, start, cue) or typed_voice(ctx, paragraph, start, cue.start)
        if body is None:
            cue = replace(cue, how="unnamed")
            ctx.anonymous.setdefault(paragraph, []).append(cue.start)
        else:
            cue = replace(cue, holder=body, how="description")
    if cue.holder is not None and cue.how != "relative":
        # (a relative clause's speaker is not the sentence's: "Weitz said he had visited
        # Pullman, who had told him …. He added:" is Weitz)
        ctx.speakers.append((paragraph, cue.start, cue.holder))
        ctx.spoken.add(cue.holder)
        ctx.named_cues.setdefault(paragraph, []).append(cue.start)
        if cue.holder not in ctx.genders and (_anonymous_before(ctx, paragraph, start, cue.start)
                                              or _spokesman_for(ctx, paragraph, start, cue.start)
                                              or _voice_after(ctx, paragraph, cue.end, cue.end + 60)):
            ctx.voices.setdefault(paragraph, {})[cue.start] = cue.holder
    return cue


_AS_NAME = re.compile(r"\bas\s+(?:[A-Z][\w’'.-]*\s+){1,4}$")
"""A name after "as" right before a verb: "as Mr Renner believed", a comparison, not a report."""
_THOUGHT = frozenset(("believed", "believes", "thinks", "thought", "felt", "feels", "hoped", "hopes",
                      "fears", "feared", "worried", "worries", "expected", "expects"))
"""Verbs of thinking, which "as" makes a comparison ("as The Daily Beast called them" reports)."""


def find_cues(ctx: Context, paragraph: int, start: int, end: int, apart: str | None = None) -> list[Cue]:
    """Return the speech cues in [start, end) of a paragraph, in text order (`apart`: as for
    `find_cue_words`)."""
    masked = ctx.masked[paragraph]
    out: list[Cue] = []
    for m in find_cue_words(ctx.cues, masked, start, end, apart):
        verb = m.group()
        if not verb.isalpha():  # ("according  to"; a word of letters has no space to fold)
            verb = _SPACES.sub(" ", verb)
        if verb[:1].isupper():
            verb = verb.lower()
        if verb in ctx.cues.according:
            # "according to a report published by research consultancy Analysys": the body whose
            # findings they are
            holder, how = holder_after(ctx, paragraph, _findings_by(ctx, masked, m.end(), end), end)
            cue = Cue(paragraph, m.start(), m.end(), verb, holder, how and "according-to")
            out.append(_noted(ctx, start, cue))
            continue
        if _passive(ctx, masked, m.start(), verb) or (
                m.group()[:1].islower() and _participle_passive(ctx, masked, m.end(), verb)):
            continue
        if answers(masked, m.end()):
            continue  # "as Trump went on about “…,” Melanie said yes, yes": her answer, not the words
        if verb.startswith("continu") and masked.startswith(" to ", m.end()):
            continue  # "Sandra Dee continues to live in Los Angeles": no speech
        if verb.endswith(" on") and masked.startswith(" to ", m.end()) \
                and next(iter(masked[m.end() + 4:m.end() + 24].split()), "") in _DEED_AFTER_ON:
            continue  # "Mr Cunningham went on to become Tony Blair's “cabinet enforcer”" (not "to say")

        if verb.endswith("ing"):
            # "…, adding that", "took to Twitter, writing:": the sentence's subject speaks. A
            # participle after an article, a preposition or an abbreviation is a noun ("broke into
            # D.C. reporting covering K Street").
            if not _participle(masked, start, m.start()):
                continue
            holder, how = _subject(ctx, paragraph, start, m.start(), out)
            out.append(_noted(ctx, start, Cue(paragraph, m.start(), m.end(), verb, holder, how)))
            continue
        holder, how = None, ""
        inverted = _inverted(masked, start, m.start())
        if inverted == "comma":
            # "Hillary Clinton, also campaigning in Wisconsin, said Trump is …": the subject
            # with its appositive comes first; only then "…, said the paper".
            holder, how = _before(ctx, paragraph, start, m.start(), appositive_only=True)
        if not how and inverted and verb not in ctx.cues.weak and verb not in _NO_INVERSION:
            holder, how = holder_after(ctx, paragraph, m.end(), end)
            if how == "unnamed" and inverted != "quote":
                # "Director, David Caldwell, said some students could …": "some students" is
                # what was said, not who said it (that is "“…,” said one trader")
                holder, how = None, ""
        if not how and out and masked[max(start, m.start() - 5):m.start()].split()[-1:] in (["and"], ["but"]):
            # "she called it “outrageous” and called for …": the verb before it in the sentence
            # has the same holder; so has "A Labour source told the paper Mr Campbell would … but
            # said": an unnamed voice's, not the name's in what it reported.
            prior = next((c for c in reversed(out) if c.holder is not None or c.how == "unnamed"), None)
            if prior is not None and not _new_subject(ctx, paragraph, prior.end, m.start()):
                holder, how = prior.holder, prior.how
        if not how:
            holder, how = _before(ctx, paragraph, start, m.start())
            if how == "X-said" and verb.endswith("s") \
                    and _plural_noun(ctx, paragraph, start, m.start(), m.end()):
                continue  # "sceptical about Labour and Conservative promises on tax": a noun
        if verb in _THOUGHT and _AS_NAME.search(masked, max(start, m.start() - 60), m.start()):
            continue  # "the situation was not as “dramatic” as Mr Renner believed": a comparison
        # A weak verb names speech only with a holder, or as "reports that …", or with someone the
        # text leaves unnamed as its subject ("One European ambassador calls the timing “…”").
        if how or verb not in ctx.cues.weak or masked.startswith(" that", m.end()) \
                or _some_one(masked[max(start, m.start() - 40):m.start()].split()[-4:]):
            out.append(_noted(ctx, start, Cue(paragraph, m.start(), m.end(), verb, holder, how)))
    return out


_ANSWER_AFTER = re.compile(r"\s+(?:yes|no)(?=[,.;:!?]|\s*$)")
"""("said yes, yes", "said no."; not "found no evidence", "would say yes or no if …")"""


def answers(masked: str, at: int) -> bool:
    """Return True where a speech verb ending at `at` has an answer for its object ("Melanie said
    yes, yes"): what was said is that, not a quotation beside it."""
    return _ANSWER_AFTER.match(masked, at) is not None

_NEW_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s")


def _new_subject(ctx: Context, paragraph: int, start: int, at: int) -> bool:
    """Return True where a clause of its own, with a name in it, opens between an earlier cue and
    a verb after "and": "a group of rabbis called for a boycott, and the Anti-Defamation League
    denounced … and said" is not the rabbis' again."""
    clause = _NEW_CLAUSE.search(ctx.masked[paragraph], start, at)
    return clause is not None and bool(ctx.named_at(paragraph, clause.end(), at))


_NOUN_LEAD = frozenset(("of", "to", "with", "about", "against", "for", "from", "at", "on", "in", "over",
                        "than", "like", "their", "his", "her", "its", "our", "by"))
"""Words before a name that may make the name a modifier of a noun after it ("about Labour promises")."""
_NOUN_TAIL = frozenset(("on", "of", "about", "for", "over", "from", "to", "and", "or"))
"""Words after a plural noun that a verb would not take ("promises on tax", "claims of bias")."""


def _plural_noun(ctx: Context, paragraph: int, start: int, at: int, end: int) -> bool:
    """Return True where a cue word ending in -s, [at, end), right after a name is a plural noun
    the name modifies: the name after a preposition or a possessive, itself or as the second of two
    joined by "and", and a preposition after the noun: "about Labour and Conservative promises on
    tax" (not "hit back at Labour claims he had used", which reports the claims)."""
    masked = ctx.masked[paragraph]
    after = masked[end:end + 12].split()
    if not after or after[0] not in _NOUN_TAIL:
        return False
    named = ctx.named_at(paragraph, start, at)
    if not named or masked[named[-1].end:at].strip():
        return False
    words = masked[max(start, named[-1].start - 60):named[-1].start].split()
    if len(words) >= 2 and words[-1] in ("and", "or") and words[-2][:1].isupper():
        words = words[:-2]  # ("Labour and" of "about Labour and Conservative promises")
    return bool(words) and words[-1].lower() in _NOUN_LEAD


# ("by saying", "after adding", "before writing" report speech: those prepositions are not here)
_NOUN_BEFORE = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                          "of", "in", "into", "for", "from", "about"))


def _participle(masked: str, start: int, at: int) -> bool:
    """Return False where an -ing cue word is a noun: "the reporting", "in writing", "D.C. reporting"."""
    words = masked[start:at].split()
    if not words:
        return True
    last = words[-1]
    return not (last.lower() in _NOUN_BEFORE or (last.endswith(".") and last[:1].isupper()))


# A name after these is the object of a preposition, not the subject of the participle after it:
# "Clinton responded on Facebook writing", "Thiel wrote to Wired explaining" ("with Gorka noting" is).
_OBJECT_OF = tuple([w] for w in ("on", "to", "in", "at", "from", "for", "by", "of", "about", "via", "into",
                                 "through"))


def _verb_object(ctx: Context, masked: str, start: int, n: Named) -> bool:
    """Return True for a name right after a verb in the past, its object: "The show's producers
    defended Rock and confirmed …, saying" (Rock is defended, not speaking)."""
    before = masked[max(start, n.start - 16):n.start].split()[-1:]
    return bool(before) and before[0].islower() \
        and (before[0].endswith("ed") or before[0] in ctx.cues.irregular_past)


def _governed(masked: str, start: int, n: Named) -> bool:
    """Return True for a name a preposition or a participle before it governs, which is no subject:
    "founder of the Leadership Institute, …, endorsed", "advising Williams College graduates"."""
    before = masked[max(start, n.start - 24):n.start].split()[-2:]
    if before and before[-1] in ("the", "a", "an"):
        before = before[:-1]
    if not before:
        return False
    # (a past verb's object may be the subject of a clause after it: "said Reid quieted the
    # chatter, telling", "showed Islamic State fighters warning")
    word = before[-1]
    return [word] in _OBJECT_OF or (word.islower() and word.endswith("ing")) or _agent(masked, start, n)


_APPOSED_ROLE = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s+")
"""A possessive's role before a comma and a name in apposition: "Mr Begg's father, Azmat"."""


def _possessor_of_apposed(masked: str, n: Named, found: list[Named]) -> bool:
    """Return True for a name whose possessive's role has a person apposed right after it: that
    person, not the possessor, is the sentence's subject ("Mr Begg's father, Azmat, said")."""
    m = _APPOSED_ROLE.match(masked, n.end)
    return m is not None and any(o.start == m.end() and o.kind == "person" for o in found)


_AGENT = re.compile(r"\bby\s+(?:the|a|an)\s+(?:[a-z]+\s+){1,2}$")


def _agent(masked: str, start: int, n: Named) -> bool:
    """Return True for a body after "by the" and lower-case words, the agent of a noun, no subject:
    "rejected a demand by the main opposition Democratic Party of Korea …, calling it" (the
    participle is the lawmakers')."""
    return n.kind != "person" and _AGENT.search(masked, max(start, n.start - 40), n.start) is not None


def _subject(ctx: Context, paragraph: int, start: int, at: int, earlier: list[Cue]) -> tuple[str | None, str]:
    """Return the holder of a participle cue: the last holder named in the sentence, or its subject."""
    if _QUOTED_ONE.search(ctx.masked[paragraph], max(start, at - 80), at):
        return None, ""  # "the newspaper quoted the executive as saying": someone unnamed speaks
    found = ctx.named_at(paragraph, start, at)
    quoted = _QUOTED_AS.search(ctx.masked[paragraph], max(start, at - 120), at)
    if quoted is not None and found and found[-1].start >= quoted.start():
        # "the Interfax news agency quoted Mr Khodorkovsky as saying": the one quoted
        return found[-1].name, "X-said"
    before = ctx.masked[paragraph][max(start, found[-1].start - 16):found[-1].start].split()[-1:] \
        if found else []
    if found and all(w in ctx.cues.between or (w.endswith("ly") and w.islower())
                     for w in ctx.masked[paragraph][found[-1].end:at].split()) \
            and before not in _OBJECT_OF \
            and not (before and before[0].islower() and len(found) > 1
                     and (before[0].endswith("ed") or before[0] in ctx.cues.irregular_past)):
        # "with Gorka (recently) noting …" (not "on Facebook writing", nor "Mr Hockney also left
        # UKIP saying": a verb's object, with its subject named before)
        return found[-1].name, "X-said"
    for cue in reversed(earlier):
        if cue.holder is not None:
            return cue.holder, "participle"
    # The nearest name with a verb of its own: "Jindal signed an order, while Mike Huckabee, the
    # former governor, proposed … and said"; "after Clinton suffered a concussion, Axelrod
    # emailed her, telling her".
    masked = ctx.masked[paragraph]
    for n in reversed(found):
        if masked[n.end:n.end + 2] not in ("’s", "'s") and not _governed(masked, start, n) \
                and subject_verb(ctx, masked, n.end, at) \
                and (n.kind == "person" or role_within(ctx, masked, n.end) is None):
            return n.name, "subject"
    # (a body that modifies a role, "the Tory leader will argue …, saying", is no subject)
    # (nor is the possessor of a role with a person apposed: "Mr Begg's father, Azmat, said …,
    # and would say" is the father's)
    found = [n for n in found if (n.kind == "person" or _role_after(ctx, masked, n.end) is None)
             and not _possessor_of_apposed(masked, n, found)
             and not _verb_object(ctx, masked, start, n)
             and not _agent(masked, start, n)]
    people = [n for n in found if n.kind == "person"]
    if people or found:
        return (people or found)[0].name, "subject"
    # "He apologised for not being in London, joking: …": the sentence's pronoun subject; "“…,”
    # the Arsenal boss is quoted as saying", "But the Tory leader will argue …": its described one
    lead = start
    while lead < at and (masked[lead] in _AFTER_QUOTE or masked[lead] == MASK):
        lead += 1  # (past a quotation that opens the sentence)
    opener = _OPENER.match(masked, lead, at)
    if opener is not None:
        lead = opener.end()
    held = pronoun(ctx, paragraph, lead, at, after=True)
    if held is not None:
        return held
    # ("The Tory co-chairman attacked … as “vacuous” and said": a description opening the
    # sentence; not someone's voice, "The prime minister's official spokesman …, saying")
    opening = masked.startswith("The ", lead) \
        and not any(w.endswith(("’s", "'s")) for w in masked[lead:at].split()[1:4])
    held = description(ctx, paragraph, lead, at, opening=opening)
    return held if held is not None and held[0] is not None else (None, "")


_OPENER = re.compile(r"(?:But|And|However|Meanwhile|Yet|So),?\s+(?=(?:the|he|she|they)\s)")
"""A sentence's opening conjunction before a described or pronoun subject ("But the Tory leader
…", "But he is not envious, insisting: …")."""


def _role_after(ctx: Context, masked: str, end: int) -> str | None:
    """Return the role word right after a name ("Tory leader", "Labour MP"), which makes the
    name a modifier, or None."""
    after = masked[end:end + 30].split()
    word = after[0].strip(",.;:").lower().rpartition("-")[2] if after else ""  # ("co-chairman")
    return word if word in ctx.lex.roles else None


_ROLE_REACH = 3
"""How many lower-case words after a body's name a role word may end ("Spurs sporting director")."""


def role_within(ctx: Context, masked: str, end: int) -> str | None:
    """Return the role word that ends a run of lower-case words right after a name, or None."""
    for word in masked[end:end + 60].split()[:_ROLE_REACH]:
        bare = word.rstrip(",.;:").rpartition("-")[2]  # ("the Tory co-chairman": a chairman)
        if not bare.isalpha() or not bare.islower():
            return None
        if bare in ctx.lex.roles:
            return bare
        if bare != word:
            return None
    return None


# After a subject: a parenthesis ("McCrory (R)") and an appositive between commas, then its verb group.
_AFTER_SUBJECT = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,;:“”\"·]{1,120},\s*)?((?:[a-z]+\s+){0,5})")
_REFLEXIVE = frozenset(("himself", "herself", "itself", "themselves"))
_NOT_VERBS = frozenset(("his", "its", "hers", "ours", "yours", "theirs", "this", "thus", "as", "us", "plus",
                        "less", "unless", "yes", "whereas", "perhaps", "always", "sometimes", "towards"))
"""Words ending in "s" that are no present-tense verb after a name."""
_COPULAR = frozenset(("become", "became", "becomes", "remain", "remained", "remains"))


def subject_verb(ctx: Context, masked: str, at: int, end: int) -> bool:
    """Return True where an active finite verb follows a subject ending at `at`."""
    group = _AFTER_SUBJECT.match(masked, at, end)
    if group is None:
        return False
    words = group.group(1).split()
    while words and (words[0] in ctx.cues.between or words[0].endswith("ly") or words[0] in _REFLEXIVE):
        if words[0] in ctx.cues.passive:
            # "is once again questioning" is active; "was described as", "is the 18th recipient" not
            rest = [w for w in words[1:] if not (w in ctx.cues.between or w.endswith("ly"))]
            return bool(rest) and rest[0].endswith("ing")
        words.pop(0)
    if not words or words[0] in ctx.cues.passive or _COPULAR.intersection(words[:4]):
        return False  # ("became Tony Blair's “cabinet enforcer”", "went on to become"): a copula
    verb = words[0]
    if verb in _NOT_VERBS:
        return False  # "sent Mr Bush his “…”": a possessive, not "Bush sees"
    if verb.endswith("s") and not verb.endswith("ss"):
        # "Standard Chartered sees", but not "FBI agents reportedly downloaded": a noun
        return len(words) < 2 or not (words[1].endswith(("ed", "ly")) or words[1] in ctx.cues.between)
    return verb.endswith("ed") or verb in ctx.cues.irregular_past


def _passive(ctx: Context, masked: str, at: int, verb: str) -> bool:
    if verb.endswith(("s", "ing")):
        return False  # "there have been reports that": a noun or present form, never passive
    words = masked[max(0, at - 30):at].split()
    while words and words[-1] in ctx.cues.between and words[-1] not in ctx.cues.passive:
        words.pop()
    return bool(words) and words[-1] in ctx.cues.passive


_BY_NAME = re.compile(r" by (?!(?:January|February|March|April|May|June|July|August|September|October|"
                      r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                      r"(?:the )?[A-Z]")
""""by" and a name after a past form: the verb is a participle ("the £7.4m announced by Chancellor
Gordon Brown"), not a date ("said by March the plant would …")."""


def _participle_passive(ctx: Context, masked: str, end: int, verb: str) -> bool:
    """Return True where a past form with no auxiliary is passive by what follows it: "to be" or
    "to have" after a verb of hearsay ("the agency, widely reported to have resigned"), or "by" and
    a name ("the money announced by Chancellor Gordon Brown"). (Not one opening its sentence,
    whose agent asks: "Asked by Thrush if Clinton “gets” race" is Thrush's question.)"""
    if verb.endswith(("s", "ing")) or " " in verb:
        return False
    if verb in ctx.cues.hearsay and masked.startswith((" to be ", " to have "), end):
        return True
    return _BY_NAME.match(masked, end) is not None


def _inverted(masked: str, start: int, at: int) -> str:
    """Return how a verb may have its holder after it: "quote" after a quotation, "comma", or ""."""
    before = masked[max(start, at - 40):at].rstrip()
    if not before:
        return "quote"
    words = before.split()
    while words and words[-1] in ("also", "then", "later", "once"):
        words.pop()
    if not words:
        return "quote"
    last = words[-1][-1]
    if last in "”\"’:" or last == MASK or words[-1][-2:] in (",”", ',"', "''", ",'"):
        return "quote"
    return "comma" if last == "," else ""


_QUOTING = frozenset(("quoted", "cited"))


def phrase_head(ctx: Context, paragraph: int, first: Named) -> Named:
    """Return the person a noun phrase opened by `first` ends with: "White House press secretary
    Josh Earnest", "Cruz spokesman Rick Tyler"; `first` itself where no person follows so."""
    masked = ctx.masked[paragraph]
    for n in ctx.named_at(paragraph, first.end, first.end + 60):
        between = masked[first.end:n.start]
        words = between.split()
        # Role words, not a verb: "Trump assured Jones" is a clause ("press secretary" is a role);
        # but "AP quoted prosecutor Russell McGuire as saying" gives the words to McGuire.
        role_words = 0 < len(words) <= 4 and all(
            w.isalpha() and w.islower() and w not in ctx.cues.verbs
            and (not w.endswith("ed") or w in _QUOTING) for w in words)
        if n.kind == "person" and role_words:
            return n
        break
    return first


_FINDINGS_STOP = re.compile(r"[,;:.()“”\"]")
"""Where the words between "according to" and a findings' "by" stop: punctuation."""


def _findings_by(ctx: Context, masked: str, at: int, end: int) -> int:
    """Return where the holder of "according to" stands: after "by" where a body's findings come
    between ("according to a report published by", "according to a new survey by"; `findings`,
    with an article, up to two words in lower case before them and participles after them), else
    `at`."""
    stop = _FINDINGS_STOP.search(masked, at, min(end, at + 90))
    words = masked[at:stop.start() if stop else min(end, at + 90)].split()
    noun = next((i for i, w in enumerate(words[:4]) if w in ctx.cues.findings), None)
    if noun is None or not all(w.isalpha() and w.islower() for w in words[:noun]):
        return at
    rest = words[noun + 1:noun + 4]
    if "by" not in rest:
        return at
    k = rest.index("by")
    if not all(w.isalpha() and w.islower() and (w.endswith("ed") or w == "out") for w in rest[:k]):
        return at
    # the end of that "by": the words before it stand unbroken in `masked` from `at`
    by = masked.find(" by ", at, at + 90)
    return by + 4 if by >= 0 else at


def holder_after(ctx: Context, paragraph: int, at: int, end: int) -> tuple[str | None, str]:
    """Return the holder standing after a verb (inverted order), and how it was found."""
    masked = ctx.masked[paragraph]
    gap = _GAP.match(masked, at, min(end, at + 80))
    pos = gap.end() if gap else at
    lead = masked[at:pos].split()
    if lead and lead[0].lower() in _INDEFINITE:
        body = _voice_after(ctx, paragraph, at, end)
        if body is not None:
            return body, "said-X"  # "said a Japan Airlines spokesman": the body speaks (ANNOTATION.md)
        # "said a proud coach Mike Ruddock" names him; "said one former GOP leadership aide"
        # and "said a 2008 Clinton veteran" (the name does not end the phrase) name nobody.
        named = _indefinite_then_name(ctx, paragraph, at, end)
        if named is not None:
            return named, "said-X"  # "said one of their lawyers, Michalis Dimitrakopoulos."
        person = next(iter(ctx.named_at(paragraph, at, min(end, pos + 40))), None)
        if not _ends_phrase(masked, at, person):
            return None, "unnamed"
    if _THAT.match(masked, at) or masked[at:at + 4] == " of ":
        # "said Friday that Curiel …", "said of Trump’s campaign": the holder is before the verb
        return None, ""
    office = _OFFICE_THEN_NAME.match(masked, at, end)
    if office is not None and office.group(1).lower() in ctx.lex.roles:
        # "said the chairman of the Commons education select committee, Labour MP Barry Sheerman"
        person = next((n for n in ctx.named_at(paragraph, office.end(), min(end, office.end() + 40))
                       if n.kind == "person"), None)
        if person is not None and not _BREAK.search(masked[office.end():person.start]):
            return person.name, "said-X"
    chosen = None
    last = at
    for n in ctx.named_at(paragraph, at, min(end, pos + 80)):
        between = masked[last:n.start]
        # (or after a possessive: "said Alcaraz-Vega's coach, Juan Carlos Ferrero-Ruiz" is the
        # coach's, not his player's)
        owned = between.startswith(("’s ", "'s "))
        if chosen is not None and n.kind == "person" and (chosen.kind != "person" or owned) \
                and _role_then_comma(ctx, between[2:] if owned else between):
            chosen = n  # "said BA director of commercial planning, Robert Boyle"
            break
        # Only role words, titles and "the" may stand between the verb and the name; a noun
        # phrase "White House Press Secretary Josh Earnest" ends with the person.
        if _BREAK.search(between) or (chosen is None and n.start > pos + 45) \
                or (chosen is not None and len(between.split()) > 5):
            break
        words = between.split()
        lower = [w for w in words if not w[:1].isupper()]
        if chosen is None and lower and lower[-1] in _OBJECT_WORDS and (
                n.kind == "person" or (_INFINITIVE.intersection(lower[:-1]) and "according" not in lower)):
            # "said following in the footsteps of Andy Farrell", "Asked about Sir Ian's comments":
            # spoken of, not speaking (titles may stand between); a body only after a clause
            # ("urged Muslims not to vote for Labour"; "wrote analysts from Citigroup" speaks)
            break
        if chosen is not None and chosen.kind == "person" and ("of" in words or "from" in words):
            break  # "Sen. Jeff Merkley of Oregon", "Tom Udall of New Mexico": where the person is from
        if chosen is not None and _CLAUSE_WORDS.intersection(words):
            break  # "said Dan Golvach when asked about Lindsey Graham": a clause, not a noun phrase
        # "CNN's Jake Tapper", "Cleveland's Plain Dealer": what follows a possessive is the head.
        owner = chosen is not None and masked[chosen.end:chosen.end + 2] in ("’s", "'s")
        if chosen is None or owner or n.kind == "person" or chosen.kind != "person":
            chosen = n
        last = n.end
    role = role_within(ctx, masked, chosen.end) if chosen is not None and chosen.kind != "person" else None
    if role is not None and role not in ctx.cues.anonymous:
        # "said the Factory Records founder", "said the Spurs sporting director": a person the
        # body describes, not the body
        described = description(ctx, paragraph, at, end)
        if described is not None and described[0] is not None:
            return described
    if chosen is not None:
        return chosen.name, "said-X"
    found = description(ctx, paragraph, at, end)
    if found is not None:
        return found
    found = pronoun(ctx, paragraph, at, end, after=True)
    if found is not None:
        return found
    return None, ""


_OFFICE_THEN_NAME = re.compile(r"\s*the\s+(?:[\w’'-]+\s+){0,2}?([\w’'-]+)\s+of\s+[^,;:.·“”\"]{1,80},\s*")
"""An office of a body, then a comma: the name after it holds the office."""


def _role_then_comma(ctx: Context, between: str) -> bool:
    """Return True for a role phrase and a comma, nothing else: " director of commercial planning, "."""
    words = between.split()
    return len(words) <= 6 and between.rstrip().endswith(",") and between.count(",") == 1 \
        and _BREAK.search(between.rstrip()[:-1]) is None \
        and any(w.strip(",").lower() in ctx.lex.roles for w in words)


_DEED_AFTER_ON = frozenset(("become", "be", "win", "play", "lead", "join", "serve", "found", "star", "score",
                            "make", "take", "beat", "finish", "work", "marry", "head"))
"""Verbs of a career, not of speech, after "went on to" ("went on to become")."""

_QUOTED_ONE = re.compile(r"\bquoted\s+(?:an?|the|one)\s+[^,;.·]{0,60}\bas\s+$")
"""Someone unnamed quoted by the subject: "the newspaper quoted the executive as saying"."""
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+(?:[\w’'.-]+\s+){1,6}?as\s+$")
"""A named one quoted: "the agency quoted Peoplesoft worker David Ogden as saying"."""
_AFTER_QUOTE = frozenset("\"”’' ,")
"""What stands between a quotation and the words after it."""

_ABOUT_TO = frozenset(("due", "expected", "set", "going", "about", "likely", "poised", "scheduled",
                       "is", "are", "was", "were", "used", "quick", "keen", "eager", "careful", "willing",
                       "happy", "ready", "anxious"))
"""Words before "to" and a speech verb that report a speech to come: "he was due to say", "Mr
Kennedy is to tell the audience"; or one said again and again, "Ruth Okonjo used to say"; or the
speaker's manner, "she was quick to say", "he was keen to stress"."""
_ASKING = frozenset(("Will", "Would", "Did", "Does", "Do", "Can", "Could", "Should", "Has", "Have", "Is",
                     "Was", "Shall", "Must"))
"""An auxiliary opening a question before its subject ("Will he admit that …?"): no one speaks."""
_ASIDES = frozenset(("however,", "though,", "too,", "nonetheless,", "nevertheless,", "instead,",
                     "meanwhile,"))
"""Adverbs set between commas inside a verb group ("He did, however, admit")."""

_CLAUSE_OPENER = re.compile(r"\b(?:when|while|as|after|before|because|since|although|though|until|once|"
                            r"unless|whereas)\s+(?:the|a|an|his|her|their|its)\s+[a-z]")
"""A subordinate clause whose subject is a description: "when the host opened …"."""


def _clause_start(ctx: Context, paragraph: int, start: int, at: int) -> int:
    """Return where the words before a verb start, after the last quotation before it, unless that
    is a term inside the subject's description ("Barbara Follet, one of the so-called “Blair
    Babes” elected in 1997, told researchers", "Hemsley, the co-author of "Going Viral," about
    …, said"; at most `_TERMS_SKIPPED` of them)."""
    masked = ctx.masked[paragraph]
    for _ in range(_TERMS_SKIPPED):
        end = masked.rfind(MASK, start, at) + 1
        if end == 0:
            return start
        first = end - 1
        while first > start and masked[first - 1] == MASK:
            first -= 1
        opening = first - 1 if first > start and masked[first - 1] in "\"“‘'" else first
        if end - first > _TERM_CHARS or masked.rfind(".", start, opening) >= 0 \
                or not (ctx.cues.scare_re.search(masked, max(start, opening - 40), opening)
                        or appositive_owner(ctx, paragraph, start, opening, end, at) is not None):
            return max(end, masked.rfind("”", start, at) + 1)
        at = opening
    return max(masked.rfind(MASK, start, at) + 1, masked.rfind("”", start, at) + 1, start)


def appositive_owner(ctx: Context, paragraph: int, start: int, opening: int, end: int,
                     at: int) -> Named | None:
    """Return the name a quotation stands in the appositive of, between commas right after it:
    "Bill Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said"; else None."""
    masked = ctx.masked[paragraph]
    comma = masked.rfind(",", start, opening)
    if comma < 0 or masked.find(",", end, at) < 0 or MASK in masked[comma:opening] \
            or "." in masked[comma:opening]:
        return None  # (no comma closes it, or another quotation or a sentence's end stands between)
    return next((n for n in ctx.named_at(paragraph, max(start, comma - 80), comma) if n.end == comma), None)


_TERM_CHARS = 40
"""How long a term in quotation marks inside a description may be."""
_TERMS_SKIPPED = 3


_NICK_REACH = 40
"""How far before a clause's start a name cut by it may start."""


def _before(ctx: Context, paragraph: int, start: int, at: int,
            appositive_only: bool = False) -> tuple[str | None, str]:
    """Return the holder standing before a verb, and how it was found."""
    masked = ctx.masked[paragraph]
    clause_start = max(start, _clause_start(ctx, paragraph, start, at), masked.rfind(";", start, at) + 1)
    if clause_start > start and masked[clause_start - 1] != " ":
        # (a name the clause's start cuts, at a nickname's quotation marks: 'Antonio "LA" Reid')
        around = ctx.named_at(paragraph, max(start, clause_start - _NICK_REACH), at)
        clause_start = next((n.start for n in around if n.start < clause_start < n.end), clause_start)
    head = masked[clause_start:at]
    when = _WHEN_TAIL.search(head) if head.rstrip().endswith(_WHEN_ENDS) else None
    if when is not None:
        head = head[:when.start()] + " "  # "Liam Fox, on Saturday called him": the time aside
    words = head.split()
    cut = len(head)
    while True:
        while words and (words[-1] in ctx.cues.between
                         or (words[-1] in _REFLEXIVE and len(words) > 1)  # "Cruz himself said"
                         or (words[-1].endswith("ly") and len(words[-1]) > 4 and words[-1].islower())
                         or (words[-1] == "to" and len(words) > 1 and words[-2] in _ABOUT_TO)):
            if words[-1] == "to":
                words.pop()  # "he was due to say", "Mr Howard is expected to say"
            cut = head.rfind(words[-1])
            words.pop()
        if appositive_only or len(words) < 2 or words[-1] not in _ASIDES or not words[-2].endswith(","):
            break  # (an aside after a name reads as its appositive there: "Bush, however, interjected")
        # "He did, however, admit", "She was, however, quick to say", "He, however, said": an
        # aside between commas inside the verb group goes, and the comma before it
        cut = head.rfind(words[-2]) + len(words[-2]) - 1
        words[-2:] = [words[-2][:-1]]
        head = head[:cut] + " "
    tail_end = clause_start + cut
    if words and words[-1].lower() in ("who", "which") and not appositive_only:
        # "Mr Livingstone, who says he is “standing by” his remarks", "The IAAF - which said it
        # was “very surprised”": the relative pronoun's antecedent speaks
        found_before = ctx.named_at(paragraph, clause_start, tail_end)
        if found_before:
            last = found_before[-1]
            # ("denied by UKIP spokesman, who said": the body's voice, a person, speaks for it)
            voice = _VOICE_OF.match(masked, last.end) if last.kind != "person" else None
            # ("endorsed by the Music Managers' Forum (MMF), who say": a body as "who" where
            # the clause names no person, who would be the one meant)
            if words[-1].lower() == "who" and last.kind != "person" and len(found_before) > 1 \
                    and found_before[-2].kind == "person" \
                    and masked[found_before[-2].end:last.start].strip() in _OF_BODY \
                    and _RELATIVE_TAIL.fullmatch(masked, last.end, tail_end):
                return found_before[-2].name, "relative"  # "Nick Jones of BNP Paribas, who said"
            fits = last.kind == "person" or voice is not None \
                or all(n.kind != "person" for n in found_before) if words[-1].lower() == "who" \
                else last.kind != "person"
            if fits and _RELATIVE_TAIL.fullmatch(masked, voice.end() if voice else last.end, tail_end):
                return last.name, "relative"
    if len(words) == 1 and words[0] in ("And", "But") and not appositive_only:
        # "Ms Jowell insisted: “…” And continued: “…”": a verb with no subject of its own goes on
        # from the paragraph's last speaker
        speaker = next((name for p, offset, name in reversed(ctx.speakers)
                        if p == paragraph and offset < at), None)
        return (speaker, "X-said") if speaker is not None else (None, "")
    if len(words) > 1 and words[-1] == "to" and words[-2] in ctx.cues.occasions and not appositive_only:
        # "Mr Kennedy used a speech to say", "he took the opportunity to warn": the subject of
        # the verb the occasion is the object of speaks
        window = max(start, at - _CLAUSE)
        return _subject(ctx, paragraph, window, clause_start + head.rfind(words[-2]), [])
    if words and words[-1] in ("and", "but") and not appositive_only:
        # "ProPublica obtained a video … and said", "Roberts said … but said": the subject of the
        # first verb speaks, even with a quoted title between ("… a “Forum” … and said").
        window = max(start, at - _CLAUSE)
        names = ctx.named_at(paragraph, window, tail_end)
        since = names[-1].end if names else window
        if _CLAUSE_OPENER.search(masked, since, tail_end):
            # "Capra was the butt of a gaffe when the host opened the envelope and declared": the
            # clause's own subject, unnamed, speaks
            return None, ""
        return _subject(ctx, paragraph, window, tail_end, [])
    if not appositive_only:
        found = pronoun(ctx, paragraph, clause_start, tail_end, after=False)
        if found is not None:
            if len(words) > 1 and words[-2] in _ASKING:
                return None, ""  # "Will he admit that the “bus revolution” has not …?": a question
            return found
        people = [n for n in ctx.named_at(paragraph, clause_start, tail_end) if n.kind == "person"] \
            if "," in masked[clause_start:tail_end] else []
        if people and _named_person(ctx, people[0].name) and _open_from(ctx, masked[people[0].end:tail_end]):
            # "Christoph Caselitz, president of the mobile networks division at the firm says":
            # the description closes the person's appositive
            return people[0].name, "X-said"
        phrase = masked[clause_start:tail_end].strip().lower()
        role_words = phrase.split()
        if 0 < len(role_words) <= 4 and role_words[-1] in ctx.lex.roles \
                and all(w.isalpha() for w in role_words):
            holder = office_holder_below(ctx, paragraph, phrase)
            if holder is not None:
                return holder, "description"  # "Housing secretary says …" in a standfirst
        found = description(ctx, paragraph, clause_start, tail_end, before=True)
        if found is not None and (found[0] is not None or not any(
                n.kind == "person" or (" the " in masked[n.start:n.end]
                                       and _BODY_VOICE.fullmatch(masked, n.end, tail_end) is not None)
                for n in ctx.named_at(paragraph, clause_start, tail_end))):
            # ("Scott Stanzel, a spokesman for the Bush-Cheney campaign said": a description
            # that finds no one may close the appositive of a person named before it; "A Top of
            # the Pops spokesperson said": the "the" inside a body's name opens no description,
            # though "The Tory spokesman" is one)
            return found
        relative = _RELATIVE.search(masked, clause_start, tail_end)
        if relative is not None and masked[clause_start:tail_end].rstrip().endswith(","):
            # "The Oscar-nominated actor, whose films include …, said": the description before it
            found = description(ctx, paragraph, clause_start, relative.start(), before=True)
            if found is not None:
                return found
    named = ctx.named_at(paragraph, clause_start, tail_end)
    closing = _closing_person(masked, named, tail_end)
    for i, n in enumerate(named):
        rest = masked[n.end:tail_end]
        if n.kind == "person" and _named_person(ctx, n.name):
            # "Lord Faulkner of Worcester, who chaired the inquiry, said", "Nick Van den Brul of
            # BNP Paribas described": where the person is from, then the rest
            place = FROM_PLACE.match(rest)
            if place is not None:
                rest = rest[place.end():]
        if i < closing and not rest.rstrip().endswith(","):
            continue  # "… from Bosch, the carmaker's chief executive Helmut Panke said": Panke
        if _INTERVIEWER.search(masked, max(clause_start, n.start - 40), n.start):
            continue  # "Speaking to CNN, a senior official said": CNN listens
        if i + 1 < len(named) and _person_appositive(masked, named[i + 1], n.end, tail_end):
            # "The secretary of the Welsh Students RFU, Reverend Eldon Phillips, said"
            return named[i + 1].name, "X-said"
        if appositive_only:
            if _APPOSITIVE.fullmatch(rest) and rest.count(",") >= 2:
                return n.name, "X-said"
            if n.kind == "person" and rest.strip() == "," and _role_lead(ctx, masked[clause_start:n.start]):
                return n.name, "X-said"  # "Cosby's lawyer, Walter M Phillips Jr, said the comedian …"
        elif not rest.strip() or _APPOSITIVE.fullmatch(rest) or rest.strip() == "," \
                or _open_appositive(ctx, rest) or _OWN_WRITING.fullmatch(rest) \
                or (n.kind == "person" and (_open_from(ctx, rest) or _postnominal(ctx, rest)
                                            or _APPOSITIVE.fullmatch(_past_postnominal(ctx, rest)))) \
                or (_DASHED.fullmatch(rest) is not None
                    and not _after_preposition(masked, clause_start, n.start)) \
                or (i == len(named) - 2 and _body_appositive(masked, n, named[i + 1], tail_end)) \
                or (n.kind != "person" and (_BODY_VOICE.fullmatch(rest)
                                            or rest.strip().lower() in ctx.lex.type_words)):
            return n.name, "X-said"
    return None, ""


_INTERVIEWER = re.compile(r"\b(?:[Ss]peaking|[Tt]alking|[Ww]riting|[Ii]n\s+an?\s+(?:interview|conversation)|"
                          r"[Ii]nterviewed)\s+(?:to|with|by|for|in|on)\s+(?:the\s+)?$")
"""Words before a name that make it the one spoken to: "Speaking to CNN", "In an interview with
the BBC"."""


def _after_preposition(masked: str, start: int, at: int) -> bool:
    """Return True where the last lower-case word of [start, at) is a preposition: the name after
    it and its capitalised words is an object ("of CB Richard Ellis"), no subject."""
    word = next((w for w in reversed(masked[max(start, at - 60):at].split()) if not w[:1].isupper()), "")
    return [word] in _OBJECT_OF


def _named_person(ctx: Context, name: str) -> bool:
    """Return True for a person named by a given name or with an honorific ("Lord Faulkner"), not a
    title taken for a name ("Roman Catholic Archbishop")."""
    last = name.rsplit(" ", 1)[-1]
    if last in ctx.lex.titles or last.lower() in ctx.lex.roles:
        return False
    if name.split(" ", 1)[0] in ctx.lex.given:
        return True
    entity = ctx.draft.entities.get(name)
    return entity is not None and (bool(entity.roles) or ctx.has_honorific(name))


def _closing_person(masked: str, named: list[Named], end: int) -> int:
    """Return the index of the last person standing right before `end` (nothing but spaces
    between) who is no prepositional object, or -1: the one a verb at `end` has for subject."""
    closing = -1
    for j in range(len(named) - 1, -1, -1):
        m = named[j]
        if masked[m.end:end].strip():
            break  # only the names at the very end stand right before the verb
        if m.kind == "person" and masked[max(0, m.start - 12):m.start].split()[-1:] not in _OBJECT_OF:
            closing = max(closing, j)
    return closing


def _role_lead(ctx: Context, lead: str) -> bool:
    """Return True for a role and its comma opening a clause before a person in apposition:
    "Cosby's lawyer, ", "The firm's chief executive, " (nothing else: no clause, no quotation);
    or a role for a body, after an opening phrase: "In a brief statement, a spokesperson for the
    company, "."""
    words = lead.split()
    if 2 <= len(words) <= 6 and lead.count(",") == 1 and words[-1].endswith(",") \
            and words[-1].rstrip(",").lower() in ctx.lex.roles and MASK not in lead:
        return True
    seat = _ROLE_OF_PLACE.search(lead, max(0, len(lead) - _ROLE_REACH)) if MASK not in lead else None
    if seat is not None and (seat.group(1) in ctx.lex.roles or seat.group(1).lower() in ctx.lex.roles):
        return True
    if MASK in lead or lead.count(",") > 2 or not lead.rstrip().endswith(","):
        return False
    words = lead.rstrip()[:-1].rpartition(",")[2].split()
    role = _ROLE_FOR.fullmatch(" ".join(words))
    return role is not None and role.group(1) in ctx.lex.roles


_ROLE_OF_PLACE = re.compile(r"(?:^|\s(?:as|when|while|after|since|because|and|but))\s+(?:[Aa]n?|[Tt]he)\s+"
                            r"(?:[a-z]+\s+)?([A-Za-z]+)\s+(?:representing|for|from)\s+"
                            r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*,\s*$")
"""A role by the seat or place it holds (group 1 one of the lexicon's roles), opening a clause before
the person apposed: "… as the senator representing Nasarawa West, " (the clause's own subject,
after a word that opens one)."""
_ROLE_REACH = 90
_ROLE_FOR = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?([a-z]+)\s+(?:for|of|at)\s+"
                       r"(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?")
"""A role for a body: "a spokesperson for the company", "the head of Nomura" (two words at most)."""


def _person_appositive(masked: str, n: Named, after: int, end: int) -> bool:
    """Return True where `n`, set between commas right after a name, is a person and the whole
    appositive: that person, not the name before, is the subject."""
    if n.kind != "person" or masked[n.end:end].strip() != ",":
        return False
    short = _SHORT_FORM.match(masked, after, n.start)
    between = masked[short.end() if short else after:n.start].split()
    # only titles may stand between the comma and the name ("Reverend", "Dr")
    return bool(between) and between[0] == "," and all(w[:1].isupper() for w in between[1:])


_SHORT_FORM = re.compile(r"\s*\([A-Z][A-Za-z&.-]{1,9}\)")
"""A body's short form in brackets after its name: "The president of the Association of Property
Owners (APROME), Ignacio Beltrán de Lis, said" (the person in apposition speaks)."""


def _body_appositive(masked: str, n: Named, body: Named, end: int) -> bool:
    """Return True for a person followed by the one body they speak for, its closing comma lost:
    "Colin Asplin, Blackpool Hotel Association said"."""
    return n.kind == "person" and body.kind != "person" \
        and masked[n.end:body.start].strip() in (",", ", of", ", from") \
        and not masked[body.end:end].strip()


_OPEN_FROM = re.compile(r"\s*(,?)\s*((?:[a-z][\w-]*\s+|[A-Z]{2,4}\s+){0,3})"
                        r"(?:of|from|at|for)\s+[^,;:·“”\"()]{3,160}(?:\([A-Z][A-Za-z&.-]{1,9}\)\s*)?$")
"""(role words may hold an acronym: "Anthony Anton, president and CEO of the Washington Restaurant
Association stated"; a short form in brackets may close it: "…, from the Consumer Electronics
Association (CEA) told")"""
_NOT_OPEN = re.compile(r"\b(?:who|which|that|whose|when|where)\b")


def _open_from(ctx: Context, rest: str) -> bool:
    """Return True for where a person is from or what they do, after a comma whose closing comma
    was lost: "Dr Erel Avineri, of the Centre for Transport and Society … in Bristol said", "John
    Houlihan, editor of Computerandvideogames.com told", "Jeff Joseph, from the Consumer
    Electronics Association (CEA) told" (not a clause: "…, of the firm which said")."""
    m = _OPEN_FROM.match(rest)
    if m is None or _NOT_OPEN.search(rest) is not None:
        return False
    role = m.group(2).split()
    # (with no comma, a role must say what the person is: "Dr Mike Watts head of exploration said")
    return (not role and bool(m.group(1))) or (bool(role) and (role[-1] in ctx.lex.roles or (
        role[-1].isupper() and role[0] in ctx.lex.roles)))  # ("president and CEO")


def _postnominal(ctx: Context, rest: str) -> bool:
    """Return True for letters after a name and nothing else: "Peter Ainsworth MP, said"."""
    words = rest.replace(",", " ").split()
    return 0 < len(words) <= 2 and all(w.rstrip(".") in ctx.lex.postnominals for w in words)


def _past_postnominal(ctx: Context, rest: str) -> str:
    """Return what follows letters after a name: "Ken Macdonald QC, who sits on the SGC, said"."""
    m = _FIRST_WORD.match(rest)
    return rest[m.end():] if m is not None and m.group(1).rstrip(".") in ctx.lex.postnominals else rest


_FIRST_WORD = re.compile(r"\s+(\S+?)(?=,)")


def _open_appositive(ctx: Context, rest: str) -> bool:
    """Return True for an appositive whose closing comma was lost, ending in a role word:
    "Brent Bozell, PTC president and conservative activist said"."""
    words = rest.split()
    return rest.lstrip().startswith(",") and rest.count(",") == 1 and 2 <= len(words) <= 7 \
        and words[-1].lower() in ctx.lex.roles and MASK not in rest
