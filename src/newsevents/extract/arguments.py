"""Who did it and to whom: actor and recipient of a trigger, from the dependency parse.

Works on token heads, then maps each head (and its conjuncts) to the actor mentions that the
actor component set on ``doc._.ne_actors``. Handles passive voice, coordination, control
("Russia said it was ready to back ..."), nominal events ("air strikes by X on Y") and events
named as the object of a light verb ("held talks with", "subjected to air strikes").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..models import Actor

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
UNDERGOER_VERBS = {"subject", "face", "suffer", "endure", "come", "bear", "withstand", "survive"}
NOUN_ACTOR_DEPS = ("poss", "compound", "amod", "nmod")
ACCUSING_VERBS = {"accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "fault", "punish"}
POSS_IS_RECIPIENT = {"release", "arrest", "detention", "killing", "murder", "assassination", "expulsion",
                     "deportation", "extradition", "execution", "abduction", "kidnapping", "capture", "ouster",
                     "donor"}   # "Indonesia's donors" give to Indonesia
DEMAND_VERBS = {"demand", "insist", "urge", "ask", "request", "order", "accuse", "warn"}
# verbs whose party is the subject of their clause: "demanded that X appear", "allowed X to land",
# "rejected X('s bid) to delay" (the small parser makes X the subject of a clausal object)
CLAUSE_OBJECT_VERBS = DEMAND_VERBS | {"allow", "let", "permit", "enable", "help", "reject", "welcome", "invite",
                                     "encourage", "authorize", "authorise"}
ASKING_VERBS = {"seek", "request", "file", "submit", "bring", "ask", "lodge"}
NOT_DESTINATIONS = {"belong", "according", "due", "close", "near", "next", "prior", "related", "linked", "similar"}
CONSENT_NOUNS = {"permission", "approval", "go-ahead", "clearance", "consent", "mandate", "licence", "license"}
THEME_VERBS = {"withdraw", "pull", "return", "lend", "loan", "discuss", "deny", "mobilize", "mobilise", "mass",
               "station", "move", "offer", "give", "provide", "send", "supply", "deliver", "donate", "grant", "ship", "deploy",
               "contribute", "extend", "pledge", "promise", "transfer", "sell", "lend", "airlift", "dispatch",
               "set"}
# a person named by a relation to someone else: "his rival", "her counterpart"
RELATIONAL_NOUNS = {"rival", "colleague", "counterpart", "opponent", "successor", "predecessor", "critic",
                    "challenger", "enemy", "adversary", "host", "guest", "ally", "friend", "foe"}
# "closed its borders with X": the neighbour across is the recipient, not the owner of the border
BORDER_NOUNS = {"border", "crossing", "frontier", "boundary"}
EXPULSION_VERBS = {"expel", "deport", "evict", "banish", "exile"}
CULPRIT_ADJECTIVES = {"responsible", "guilty", "culpable", "liable", "to blame"}
TOPIC_VERBS = {"discuss", "debate", "raise", "review", "negotiate", "address", "exchange"}
CIRCUMSTANCE_PREPS = {"after", "before", "following", "despite", "amid", "amidst", "since", "until", "over",
                      "because", "due", "against", "like", "unlike", "than", "about", "regarding"}
DOCUMENT_NOUNS = {"lawsuit", "suit", "complaint", "statement", "letter", "report", "resolution", "motion", "bill",
                  "petition", "decree", "order", "communique", "declaration", "note", "message", "case"}
OWN_POSSESSIVES = {"its", "their", "his", "her", "our"}
SERIES_NOUNS = {"state", "campaign", "wave", "series", "barrage", "spate", "string", "round", "volley", "salvo", "number"}


class MentionIndex:
    """token index -> the actor mention covering it."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.by_token: dict[int, Actor] = {}
        for actor in doc._.ne_actors or []:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, actor)

    def at(self, token: Token) -> Actor | None:
        return self.by_token.get(token.i)


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Russia and the Syrian government")."""
    out, todo = [], [token]
    while todo:
        t = todo.pop(0)
        if t in out:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def actors_of(head: Token | None, mentions: MentionIndex) -> list[Actor]:
    """Actor mentions for an argument head and its conjuncts (one per conjunct, no repeats).

    Coordinated modifiers count as conjuncts too: "Syrian and Russian forces" gives both.
    """
    if head is None:
        return []
    found: list[Actor] = []
    for t in conjuncts(head):
        candidates = [mentions.at(t) or _mention_in_modifiers(t, mentions)]
        for mod in t.children:
            if mod.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in mod.children):
                candidates.extend(mentions.at(m) for m in conjuncts(mod))
        for actor in candidates:
            if actor is not None and actor not in found:
                found.append(actor)
    return found


def _mention_in_modifiers(token: Token, mentions: MentionIndex) -> Actor | None:
    """A mention just below the head: "the Syrian government", "fighters from the group X"."""
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PRON" and _other_person(token):
            continue             # "his rival X", "her colleagues": not the one "his" points to
        if child.dep_ in ("poss", "compound", "amod", "nmod", "appos") and mentions.at(child):
            return mentions.at(child)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    actor = mentions.at(pobj) or _mention_in_modifiers(pobj, mentions)
                    if actor is not None:
                        return actor
    return None


def _other_person(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.lemma_.lower() in RELATIONAL_NOUNS


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the first of ``preps`` attached to ``token``; dates and times are no parties."""
    for c in token.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def _names_a_party(token: Token) -> bool:
    return token.pos_ == "PROPN" or any(c.dep_ in ("amod", "compound", "poss") and c.text[:1].isupper()
                                         for c in token.children)


def grammatical_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, climbing through control and coordination when it has none."""
    subj = child(verb, *SUBJECTS)
    if subj is not None or depth > 3:
        return subj
    if verb.dep_ in ("xcomp", "conj", "acomp", "advcl") and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "xcomp" and child(head, "dobj") is not None and head.lemma_ in ("urge", "ask", "call", "order", "force", "allow", "tell"):
            return child(head, "dobj")
        if is_passive(head) and verb.dep_ != "conj":
            return child(head, *PASSIVE_SUBJECTS)
        return grammatical_subject(head, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN":
        # "a lawsuit accusing X": whoever filed it; "militants storming the base": the militants
        document = verb.head
        if document.lemma_.lower() not in DOCUMENT_NOUNS:
            return document
        governor = document.head if document.dep_ in ("dobj", "nsubjpass") else None
        return grammatical_subject(governor, depth + 1) if governor is not None and governor.pos_ == "VERB" else None
    if verb.tag_ == "VBG" and verb.dep_ in ("dobj", "pcomp"):
        # "denied attacking civilians": the denier; "accused Y of attacking": Y
        governor = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if governor.lemma_.lower() in ACCUSING_VERBS and child(governor, "dobj") is not None:
            return child(governor, "dobj")
        if governor.pos_ == "VERB" and governor is not verb:
            return grammatical_subject(governor, depth + 1)
        if governor.pos_ in ("NOUN", "PROPN"):   # "the UN's commitment to supporting X"
            return child(governor, "poss", "compound")
    return None


def _word_of_trigger(verb: Token, word: Token) -> bool:
    from .triggers import lexicon

    return word.i > verb.i and any(word.lemma_.lower() in sense.lemma.split()[1:]
                                   for sense in lexicon().get(("VERB", verb.lemma_.lower()), ()))


def verb_arguments(verb: Token, recipient_preps: tuple[str, ...]) -> tuple[Token | None, Token | None]:
    """(actor head, recipient head) of a verbal trigger."""
    if is_passive(verb):
        agents = [child(a, "pobj") for a in verb.children if a.dep_ == "agent"]
        agents = [a for a in agents if a is not None]
        # "hit by air strikes by Israeli jets": the party, not the weapon, is the actor
        actor = next((a for a in reversed(agents) if _names_a_party(a)), agents[0] if agents else None)
        if actor is None and verb.lemma_.lower() in EXPULSION_VERBS:
            actor = prep_object(verb, ("from",))   # "inspectors were expelled from X": X expelled them
        recipient = child(verb, *PASSIVE_SUBJECTS)
        if recipient is None and verb.dep_ in ("acl", "relcl"):
            recipient = verb.head
        return actor, recipient
    if verb.dep_ == "amod" and verb.tag_ == "VBG":
        # parsed as a modifier: "denied attacking civilians" -> attacking(civilians)
        governor = verb.head.head if verb.head.dep_ == "dobj" else None
        return (grammatical_subject(governor) if governor is not None else None), verb.head
    actor = grammatical_subject(verb) or _culprit(verb)
    if verb.lemma_.lower() in TOPIC_VERBS:
        topic = child(verb, "dobj")
        partner = prep_object(verb, ("with",)) or (prep_object(topic, ("with",)) if topic is not None else None)
        if partner is not None:
            return actor, partner   # "discussed Libya with X": the object is the topic
    if verb.lemma_.lower() in THEME_VERBS:
        # "provide support to X", "offered to US an armored regiment": the object is what is given;
        # "provide a loan to X" often hangs the "to" phrase on the thing given
        theme = child(verb, "dobj")
        if theme is not None and prep_object(verb, ("with",)) is not None:
            return actor, theme        # "supplied Ukraine with weapons": the object receives
        return actor, (prep_object(verb, ("to", "for") + recipient_preps) or child(verb, "dative")
                       or (_grantee(theme) if theme is not None else None)
                       or (_to_phrase_of_theme(verb, theme) if theme is not None else None))
    # "called X's envoy a fool": the small parser may make the object the predicate (oprd)
    recipient = child(verb, "dobj", "dative") or _name_misread_as_adverb(verb) or child(verb, "oprd")
    if recipient is not None and _own_thing(recipient):
        # "open its borders to refugees", "ended their boycott of X": the actor's own thing is
        # not the recipient; the party in the phrase that follows is
        recipient = (prep_object(verb, ("to", "for", "with") + recipient_preps)
                     or prep_object(recipient, ("to", "for", "with", "of", "against", "on")) or recipient)
    if recipient is not None and recipient.lemma_.lower() in BORDER_NOUNS and prep_object(recipient, ("with",)):
        recipient = prep_object(recipient, ("with",))
    if recipient is not None and _word_of_trigger(verb, recipient):
        recipient = None         # "join forces with X": "forces" is part of the trigger
    if recipient is None and verb.lemma_.lower() in CLAUSE_OBJECT_VERBS and child(verb, "ccomp") is not None:
        recipient = child(child(verb, "ccomp"), "nsubj")   # "demanded that X appear", "allowed X to land"
    if recipient is not None and recipient.pos_ in ("VERB", "AUX"):
        recipient = None         # "denied attacking civilians": the object is an event, not a party
    if recipient is None or recipient.lower_ in ("it", "this", "that"):
        recipient = prep_object(verb, recipient_preps) or recipient
    return actor, recipient


def _to_phrase_of_theme(verb: Token, theme: Token) -> Token | None:
    """"returned a statue that had been stolen in 1990 to Greece", "returned a manuscript, missing
    since 1943, to Italy": the small parser often hangs the "to" phrase on the given thing or on a
    clause describing it."""
    clauses = [c for c in theme.children if c.dep_ in ("acl", "relcl")] + [c for c in verb.children if c.dep_ == "advcl"]
    for holder in [theme] + clauses:
        obj = prep_object(holder, ("to",))
        if obj is not None:
            return obj
    # "returned a pendant engraved with the image of a saint to X": hung deeper still
    for t in theme.subtree:
        if t.dep_ == "prep" and t.lower_ == "to" and t.head.lemma_.lower() not in NOT_DESTINATIONS:
            obj = child(t, "pobj")
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def _grantee(theme: Token) -> Token | None:
    """"gave approval for the UN to deliver aid"; "granted the Portuguese government permission":
    the small parser makes the grantee a compound of the consent given."""
    if theme.lemma_.lower() not in CONSENT_NOUNS:
        return _permitted_party(theme) or _asker(theme)
    return prep_object(theme, ("for",)) or next(
        (c for c in theme.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None) \
        or _asker(theme)


def _permitted_party(theme: Token) -> Token | None:
    """"granted the Greek government to postpone the vote": the object is who may act."""
    verb = theme.head
    if verb.lemma_.lower() != "grant":
        return None        # "sent jets to strike": what is sent is no party allowed to act
    allowed = any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                  for c in verb.children)
    return theme if allowed and theme.dep_ == "dobj" and _names_a_party(theme) else None


def _asker(theme: Token) -> Token | None:
    """"granted an order sought by X": the party who asked for what is granted."""
    for clause in theme.children:
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in ASKING_VERBS:
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            return child(agent, "pobj") if agent is not None else None
    return None


def _own_thing(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in noun.children)


def _name_misread_as_adverb(verb: Token) -> Token | None:
    """"The president met Prime Minister Abiy Ahmed": the small parser makes the name a noun-phrase
    adverb (npadvmod) of the verb; a proper name after the verb is its object."""
    return next((c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > verb.i
                 and c.ent_type_ not in ("DATE", "TIME")), None)


def noun_arguments(noun: Token, recipient_preps: tuple[str, ...]) -> tuple[Token | None, Token | None]:
    """(actor head, recipient head) of a nominal trigger ("air strikes by X on Y")."""
    actor = prep_object(noun, ("by",))
    recipient = prep_object(noun, recipient_preps)
    if noun.lemma_.lower() in POSS_IS_RECIPIENT:     # "the tanker's release", "Navalny's arrest"
        recipient = recipient or child(noun, "poss")
    series = noun.head if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in SERIES_NOUNS else None
    if series is not None:     # "a campaign of air strikes by X on Y"
        actor = actor or prep_object(series.head, ("by",))
        recipient = recipient or prep_object(series.head, recipient_preps)
    if actor is None:
        actor = _culprit(noun)
    if actor is None:      # "Russian air strikes", "Moscow's offensive", "US and Russian talks"
        actor = next((c for c in noun.children if c.dep_ in NOUN_ACTOR_DEPS and c.text[:1].isupper()
                      and (recipient is None or c.i != recipient.i)), None)
    governor = _governing_verb(noun)
    if governor is not None:
        if actor is None and governor.lemma_ not in UNDERGOER_VERBS and not is_passive(governor):
            actor = grammatical_subject(governor)
        if recipient is None and (governor.lemma_ in UNDERGOER_VERBS or is_passive(governor)):
            recipient = child(governor, *PASSIVE_SUBJECTS, *SUBJECTS)
        if recipient is None:      # "filed a lawsuit in a Paris court against X"
            recipient = prep_object(governor, recipient_preps)
        if recipient is None and noun.dep_ == "pobj" and child(governor, "dobj") is not None:
            recipient = child(governor, "dobj")   # "engaged the peacekeepers in a firefight"
    if recipient is None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        recipient = child(noun.head, "dobj") or prep_object(noun.head, recipient_preps)
    return actor, recipient


def _culprit(token: Token) -> Token | None:
    """"X was responsible for the killings", "X are guilty of violating the ceasefire": X did it."""
    if token.dep_ not in ("pobj", "pcomp") or token.head.dep_ != "prep":
        return None
    adjective = token.head.head
    if adjective.lemma_.lower() not in CULPRIT_ADJECTIVES or adjective.dep_ not in ("acomp", "amod", "oprd"):
        return None
    holder = adjective.head if adjective.dep_ != "amod" else None
    return child(holder, "nsubj", "nsubjpass") if holder is not None else None


def _governing_verb(noun: Token) -> Token | None:
    """The verb a nominal event hangs from: its object ("held talks") or a prepositional phrase
    ("speaking at a news conference", "subjected to a campaign of air strikes")."""
    node, hops = noun, 0
    while hops < 4 and node.head is not node:
        head = node.head
        if node.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
            return head
        if node.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in CIRCUMSTANCE_PREPS:
                return None                    # "after mass protests, the army overthrew him"
            if head.head.pos_ in ("VERB", "AUX"):
                return head.head
            if head.head.lemma_.lower() not in SERIES_NOUNS:
                return None                    # "the escalation of fighting": not the verb's event
            node, hops = head.head, hops + 1   # "a campaign of [air strikes]" -> campaign
            continue
        return None
    return None


INTENT_PREPS = ("to", "with", "for", "on", "against", "from")


def intent_arguments(head: Token, recipient_preps: tuple[str, ...]) -> tuple[Token | None, Token | None]:
    """(actor, recipient) of an intent ("ready to back the plan", "agreed to lift sanctions on X"):
    the recipient is the one of the intended act."""
    actor = grammatical_subject(head) if head.pos_ != "VERB" else verb_arguments(head, recipient_preps)[0]
    recipient = child(head, "dobj") if head.pos_ == "VERB" else None
    if recipient is None or recipient.pos_ in ("VERB", "AUX"):
        recipient = prep_object(head, recipient_preps)
    act = child(head, "xcomp")
    if recipient is None and act is not None:
        recipient = verb_arguments(act, INTENT_PREPS)[1]
    return actor, recipient
