"""Article context: facts about the whole article that several stages need, computed once.

- ``doc._.headline_end``: character offset where the headline ends (0 when the article opens
  with prose). Stages treat a headline differently (it restates the body, names no collaboration).
- ``doc._.ranked_forces``: the article's forces, most mentioned first (ties: first named first).
- ``doc._.main_force``: the force the article is about, where one clearly is: the only current
  force it names, one named at least twice as often as any other (a partner, 'the merger with
  Kent', is not counted), or else the one force that alone opens the headline (by any of its
  names: 'Cumbria picks ...') or heads the subject of the first full sentence; otherwise None.

The component runs after every stage that adds force mentions and before the stages that read
these attributes; it writes nothing else.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.gazetteer import load_gazetteer
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.sentences import content_sentences
from pipeline.text import headline_end

COMPONENT = "forcewatch_context"
LIST_JOINERS = {",", "and", "&", "-", "–"}
PARTNER_PREPOSITIONS = {"with", "alongside"}
MAX_NAME_TOKENS = 5  # the longest force name or area opening a headline

for _name, _default in (("headline_end", 0), ("ranked_forces", None), ("main_force", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def ranked_forces(mentions: list[Span]) -> list[str]:
    """Canonical forces, most mentioned first; ties go to the force named first."""
    counts = Counter(m.kb_id_ for m in mentions)
    order = list(dict.fromkeys(m.kb_id_ for m in mentions))
    return sorted(order, key=lambda f: -counts[f])


def main_force(doc: Doc, mentions: list[Span], former: frozenset[str], areas: dict[str, frozenset[str]]) -> str | None:
    """The force the article is about (see the module docstring); ``former`` forces count only alone."""
    counts = Counter(s.kb_id_ for s in mentions if not is_partner(s))
    current = Counter({f: n for f, n in counts.items() if f not in former})
    ranked = (current or counts).most_common()
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return lead_force(doc, mentions, areas) if ranked else None


def is_partner(mention: Span) -> bool:
    """A force named as the other party of a collaboration ('the merger with Kent', 'working alongside Essex'):
    it does not make the article about that force."""
    token = mention.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in PARTNER_PREPOSITIONS


def lead_force(doc: Doc, mentions: list[Span], areas: dict[str, frozenset[str]]) -> str | None:
    """The one force the article leads with: a force that alone opens the headline ('PSNI signs pact with
    Police Scotland', not 'Kent and Essex agree ...') or heads the subject of the first full sentence."""
    sentences = content_sentences(doc)
    first = next(sentences, None)
    if first is None:
        return None
    lede = first if first[-1].is_punct else next(sentences, None)
    named = set()
    opening = next((s for s in mentions if s.start == first.start), None) or opening_name(doc, first, mentions, areas)
    if opening is not None and not (opening.end < len(doc) and doc[opening.end].lower_ in LIST_JOINERS):
        named.add(opening.kb_id_)
    if lede is not None:
        subjects = [t for t in lede if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == lede.root.i]
        named |= {s.kb_id_ for s in mentions for t in subjects if in_subject(s.root, t)}
    return named.pop() if len(named) == 1 else None


def opening_name(doc: Doc, first: Span, mentions: list[Span], areas: dict[str, frozenset[str]]) -> Span | None:
    """The words opening the article when they name a force the article mentions, by a mention's words or
    one of the force's area names ('Cumbria picks three-force merger', the article naming Cumbria
    Constabulary further on), as a span of that force."""
    names = {m.text: m.kb_id_ for m in mentions} | {a: m.kb_id_ for m in mentions for a in areas.get(m.kb_id_, ())}
    for end in range(min(first.end, first.start + MAX_NAME_TOKENS), first.start, -1):
        force = names.get(doc[first.start : end].text)
        if force is not None:
            return Span(doc, first.start, end, label="FORCE", kb_id=force)
    return None


def in_subject(token: Token, subject: Token) -> bool:
    """The token is the subject, a word of its noun phrase or a conjunct of it, not inside a phrase or clause
    hanging from it ('Kent Police and Essex Police', not 'the partnership with Essex Police' or 'Jane Doe, the
    former Kent chief constable')."""
    while token.i != subject.i:
        if token.dep_ in {"prep", "pobj", "appos", "relcl", "acl"} or token.head.i == token.i:
            return False
        token = token.head
    return True


class ArticleContext:
    """Sets ``doc._.headline_end``, ``doc._.ranked_forces`` and ``doc._.main_force``."""

    def __init__(self, models_path: str | None = None) -> None:
        gazetteer = load_gazetteer(models_path)
        self.former = frozenset(f.name for f in gazetteer.forces if f.kind == "former")
        self.areas = {f.name: frozenset(f.areas) for f in gazetteer.forces}

    def __call__(self, doc: Doc) -> Doc:
        mentions = force_mentions(doc)
        doc._.headline_end = headline_end(doc.text)
        doc._.ranked_forces = ranked_forces(mentions)
        doc._.main_force = main_force(doc, mentions, self.former, self.areas)
        return doc


@Language.factory(
    COMPONENT,
    assigns=["doc._.headline_end", "doc._.ranked_forces", "doc._.main_force"],
    requires=["doc.spans", "token.dep"],
    default_config={"models_path": None},
)
def make_article_context(nlp: Language, name: str, models_path: str | None) -> ArticleContext:
    """spaCy factory: the article-level context the later stages read."""
    return ArticleContext(models_path)
