"""What the relation steps share: the article's mentions by token, and small readings of the parse."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..parse import Mentions as MentionIndex, token_index_from
from ..schema import Entity, FactSheet, Mention
from .tables import ORG, tables

RELATIVE_PRONOUNS = {"who", "that", "which"}


class Mentions(MentionIndex):
    """The article's mentions (`parse.Mentions`: the tightest mention around a token wins, because mentions nest),
    its tokens, its organisations by the lower-case text of their names, and the parties among them."""

    def __init__(self, doc: Doc, sheet: FactSheet):
        super().__init__(doc, sheet.entities)
        self.doc = doc
        self.by_id = {entity.id: entity for entity in sheet.entities}
        self.tokens = list(doc)  # made once: each step reads every token, and spaCy makes a Token per visit
        self.lower_words = {token.text for token in self.tokens if token.is_lower}
        self.organisations: dict[str, Entity] = {}
        self._by_initials: dict[str, dict[str, Entity]] = {}
        for mention, entity in self.items:
            if mention.kind == "name" and entity.type == ORG:
                self.organisations[mention.text.lower()] = entity
                self._by_initials.setdefault(initials(mention.text), {})[entity.id] = entity
        known = tables().parties
        parties: dict[int, set[str]] = {}
        self._forms: dict[str, set[str]] = {}  # an organisation's id -> its names and descriptions, bare
        self._wholes: dict[str, Entity | None] = {}  # an organisation's id -> `whole_of` it, asked once per relation
        called: dict[str, dict[str, Entity]] = {}  # "council" -> the organisations called "the council"
        for mention, entity in self.items:
            if entity.type == ORG:
                form = bare(mention.text)
                self._forms.setdefault(entity.id, set()).add(form)
                if mention.kind == "description" and mention.text.lower().startswith("the ") and " " not in form:
                    called.setdefault(form, {})[entity.id] = entity
                if form in known:
                    parties.setdefault(known[form], set()).add(entity.id)
        # A party the entities stage left in two entities ("the Conservatives", "the Tories") is the one with more
        # mentions, the first named on a tie: both are the same party.
        order = {entity.id: (-len(entity.mentions), number) for number, entity in enumerate(sheet.entities)}
        self._parties = {number: self.by_id[min(ids, key=order.__getitem__)] for number, ids in parties.items()}
        self._called = {noun: next(iter(bodies.values())) for noun, bodies in called.items() if len(bodies) == 1}

    def organisation_called(self, noun: str) -> Entity | None:
        """The one organisation the article calls 'the <noun>' ('the council', 'the company'); None when it calls
        none or two so."""
        return self._called.get(noun)

    def organisation_with_words(self, words: str) -> Entity | None:
        """The one organisation whose name holds `words` as whole words after its first ('police' in 'the Elmby
        Police Department', 'town council' in 'Elmby Town Council': the words saying what kind of body it is, not
        the ones setting it apart), or that the article calls 'the <words>'; None when none or two do."""
        # A capitalised word the article never writes in lower case is a name, and may be the first of the
        # organisation's ('Acme' for 'Acme Holdings'); 'Opposition', 'Planning' are not.
        name_like = words[:1].isupper() and not set(words.lower().split()) & self.lower_words
        short_form = len(words) > 1 and words.isalpha() and words.isupper()  # 'ARB' for 'the Acme Rail Board'
        words = bare(words)
        found = {entity.id: entity for text, entity in self.organisations.items() if " " in bare(text) and (
            f" {words} " in " " + (bare(text) if name_like else bare(text).split(" ", 1)[1]) + " ")}
        if not found and (called := self.organisation_called(words)) is not None:
            return called
        if not found and short_form:
            found = self._by_initials.get(words.replace(" ", ""), {})
        return next(iter(found.values())) if len(found) == 1 else None

    def party_called(self, words: str) -> Entity | None:
        """The party the article names that `words` also names: 'Tory' or 'Conservative' for 'the Conservatives'."""
        number = tables().parties.get(bare(words))
        return self._parties.get(number) if number is not None else None

    def forms(self, entity: Entity) -> set[str]:
        """An organisation's names and descriptions, bare ('acme', 'company')."""
        return self._forms.get(entity.id, set()) | {bare(entity.name)}

    def body_kind(self, entity: Entity) -> str | None:
        """What kind of body an organisation is, by the last words of its names and descriptions: 'party',
        'legislature', 'association', 'club', or None (a company, a ministry, one not known)."""
        if entity.type != ORG:
            return None
        forms = self.forms(entity)
        # Any entity a party table names is a party, not only the one `party_called` answers with: the
        # entities stage may leave "GOP" and "the Republicans" apart, and "GOP Rep. Ann Roy" names the first.
        if entity in self._parties.values() or forms & tables().parties.keys():
            return "party"
        last_words = self.last_words(entity)
        for kind, words in tables().member_bodies.items():
            if last_words & words:
                return kind
        return "club" if last_words & tables().clubs else None

    def last_words(self, entity: Entity) -> set[str]:
        """The last word of each of an entity's names and descriptions ('committee' of 'the audit committee')."""
        return {form.split()[-1] for form in self.forms(entity) if form}

    def whole_of(self, part: Entity) -> Entity | None:
        """The organisation of which an organisation is a part the article only describes by it: 'the
        department' for "the department's homicide unit", 'Acme' for "Acme's legal team". None for one with a
        name of its own, or described otherwise once."""
        if part.id not in self._wholes:
            self._wholes[part.id] = self._whole_of(part)
        return self._wholes[part.id]

    def _whole_of(self, part: Entity) -> Entity | None:
        if part.type != ORG:
            return None
        wholes = set()
        for mention in (mention for mention in part.mentions if mention.kind != "pronoun"):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            owner = next((child for child in span.root.children if possessive(child)), None) if (
                mention.kind == "description" and span is not None) else None
            whole = self.of_token(owner) if owner is not None and owner.i >= span.start else None
            if whole is None or whole[1].type != ORG or whole[1].id == part.id:
                return None
            wholes.add(whole[1].id)
        return self.by_id[wholes.pop()] if len(wholes) == 1 else None

    def affiliation(self, person_to: Entity) -> str:
        """How a person belongs to an organisation named with them ('Acme's Tom Lee', 'Tom Lee (Acme)') or that
        they serve: a member of a party, legislature, association or club, else on its staff."""
        return "member_of" if self.body_kind(person_to) else "works_for"


def bare(text: str) -> str:
    """A name as the word tables hold it: lower case, single spaces, no leading 'the', no possessive."""
    words = text.lower().replace("’", "'").removesuffix("'s").removesuffix("'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def possessive(token: Token) -> bool:
    """Whether a token possesses its head: a 'poss' child, or a name the parse made a modifier with its 's
    ('Tom's wife' read as nmod and case) or with the apostrophe of a plural ('the Rovers' staff')."""
    if token.dep_ == "poss":
        return True
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.dep_ == "nmod" and (any(child.tag_ == "POS" for child in token.children) or (
        following is not None and following.text in ("'", "’") and not token.whitespace_
        and following.head.i == token.head.i))


def is_joined_title(noun: Token) -> bool:
    """Whether a noun is joined by 'and' to the one before it, with no determiner or possessor of its own: 'chief
    executive' in 'Acme president and chief executive Ann Lee', where both titles are one person's."""
    return noun.dep_ == "conj" and noun.head.i < noun.i and any(
        child.lower_ == "and" for child in noun.head.children if child.i < noun.i) and not any(
        child.dep_ in ("det", "poss") for child in noun.children)


def initials(name: str) -> str:
    """The short form a name's capitalised words make, lower case: 'acme rail board' for 'the Acme Rail Board'
    gives 'arb'; the small words between are left out ('Bank of Norland' gives 'bn')."""
    return "".join(word[0] for word in name.split() if word[:1].isupper()).lower()


def sentence(token: Token) -> str:
    return token.sent.text.strip()


def token_at(doc: Doc, char: int) -> Token | None:
    """The first token starting at or after character `char`."""
    index = token_index_from(doc, char)
    return doc[index] if index < len(doc) else None


def own_mention(token: Token, noun: Token, mentions: Mentions) -> tuple[Mention, Entity] | None:
    """A mention of `token`, with its entity, that leaves out `noun`: in 'its chief executive', itself a mention
    of the executive, 'its' is not the executive."""
    found = mentions.of_token(token)
    if found is None or found[0].start <= noun.idx < found[0].end:
        return None
    return found


def named_only_after(entity: Entity, char: int) -> bool:
    """Whether an entity is named or described only after character `char`."""
    starts = [mention.start for mention in entity.mentions if mention.kind != "pronoun"]
    return bool(starts) and min(starts) > char


def unique(entities: Iterable[Entity]) -> list[Entity]:
    return list({entity.id: entity for entity in entities}.values())


def entity_of_subject(subject: Token, verb: Token, mentions: Mentions) -> Entity | None:
    """The entity a verb's subject names; a relative pronoun's is the noun its clause hangs on ('Acme, which
    is based in Leeds')."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return mentions.entity_of(verb.head)
    return mentions.entity_of(subject)
