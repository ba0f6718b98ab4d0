"""The event extractor: triggers + arguments + status + place + date -> EventRecords.

For each sentence, every trigger from the lexicon is read in its context (senses.py), its actor
and recipient are found in the parse (arguments.py) and mapped to the resolved actor mentions;
its status comes from attribution and modality (status.py); where and when from resolve/.
Finally, speech acts become events of their own: a speaker who says that another party attacked
someone accuses that party (ACCUSE, allege).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..models import Actor, EventRecord, Span
from .arguments import MentionIndex, actors_of, intent_arguments, noun_arguments, verb_arguments
from .arguments import _governing_verb, child, conjuncts, grammatical_subject, prep_object
from .context import UNDERGOER_TYPES, EventContext, party_codes
from .ontology import event_types
from .senses import AVOWING_VERBS, SUPPORT_NOUNS, candidate_senses, choose_sense
from .triggers import Trigger, TriggerSense, find_triggers

DEMAND_NOUNS = {"call", "bid", "demand", "request", "condition", "term", "ultimatum", "appeal", "plea", "proposal", "offer"}
CONTENT_NOUNS = {"plan", "proposal", "call", "demand", "bid", "push", "effort", "hope", "attempt", "initiative",
                 "appeal", "request", "resolution", "roadmap", "offer", "pressure"}
ENDING_VERBS = {"stop", "end", "halt", "cease", "prevent", "avoid", "curb", "reduce", "limit", "deter", "quell"}
INTENT_TYPES = {"AGREE", "REJECT", "THREATEN"}   # "agreed/refused/threatened to X": X's recipient
CONVERSE_VERBS = {"receive"}
FORCE_TYPES = {"ASSAULT", "COERCE"}
INTENT_HEADS = {"ready", "prepared", "willing", "want", "plan", "intend", "vow", "threaten", "prepare", "aim", "pledge", "promise", "mean", "seek"}
INTENT_TO_COOPERATE = TriggerSense("intend", "VERB", "AGREE", None, "030", ())
THREAT = TriggerSense("threaten", "VERB", "THREATEN", "violence", "138", ())
STATE_SECTORS = {"MIL", "COP", "GOV", "SPY"}
COOPERATIVE_TYPES = {"AGREE", "SUPPORT", "CONCEDE", "RETREAT", "AID", "COOPERATE", "CONSULT"}
REFUSAL = TriggerSense("refuse", "VERB", "REJECT", None, "120", ())
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT"}
STANCE_TYPES = {"SUPPORT", "REJECT", "ACCUSE"}
THING_PREPS = ("with", "to", "against", "on", "from", "of", "for", "over", "toward", "towards", "into")
# where a meeting or a statement takes place says nothing of whom it is directed at
PLACE_BLIND_TYPES = {"CONSULT"}
# what is attacked, seized or condemned is the recipient even when it is a thing
THING_IS_RECIPIENT_TYPES = PLACE_BLIND_TYPES | STANCE_TYPES | FORCE_TYPES
TERRITORIAL_TYPES = {"RETREAT", "CONCEDE", "MOBILIZE", "COERCE", "ASSAULT", "AID", "SANCTION", "PROTEST", "COOPERATE"}
LABOUR_ACTIONS = {"strike", "boycott", "walkout", "sit-in", "stoppage", "lockout"}
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")   # who does something: workers, activists
# the manual: meetings, visits, support and cooperation announced for the future are intents (AGREE);
# aid keeps its type unless the promise is broad (a specific delivery, "will supply arms to X", is AID)
FUTURE_IS_INTENT = {"CONSULT", "SUPPORT", "COOPERATE"}
CREATION_VERBS = {"set", "build", "construct", "establish", "create", "found", "install", "erect", "launch"}
IMPOSING_VERBS = {"impose", "place", "slap", "put", "enforce", "level", "declare", "extend"}
STATIONED_NOUNS = {"force", "mission", "contingent", "operation"}
CONTRIBUTING_TYPES = {"AID", "AGREE", "MOBILIZE"}
MEDIATION_WORDS = {"mediation", "mediate", "mediator", "broker"}
BREACH_VERBS = {"violate", "breach", "break"}
VERBAL_ACTS = {"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "AGREE", "THREATEN"}


def find_events(doc: Doc) -> list[EventRecord]:
    ctx = EventContext(doc, MentionIndex(doc))
    events: list[EventRecord] = []
    for sent in doc.sents:
        triggers = find_triggers(sent)
        trigger_tokens = {t.token.i for t in triggers if choose_sense(t) is not None}
        for trigger in triggers:
            if _absorbed(trigger, trigger_tokens) or _inside_a_name(trigger, ctx.mentions) \
                    or _inside_another(trigger, triggers):
                continue
            event = build_event(ctx, sent, trigger)
            if event is not None:
                events.append(event)
    events = _drop_absorbed(events)
    events.extend(ctx.accusations_from_claims(events))
    events.extend(ctx.demands_from_obligations(events))
    events = _dedupe(events)
    for event in events:
        event.actor, event.recipient = ctx.with_antecedents(event.actor), ctx.with_antecedents(event.recipient)
    return events


def build_event(ctx: EventContext, sent: SpacySpan, trigger: Trigger) -> EventRecord | None:
    sense = choose_sense(trigger)
    if sense is None:
        return None
    token = trigger.token
    if sense.pos == "ADJ" or (sense.type in INTENT_TYPES and child(token, "xcomp") is not None):
        find_args = intent_arguments
    else:
        find_args = noun_arguments if sense.pos == "NOUN" else verb_arguments
    actor_head, recipient_head = find_args(token, sense.recipient_preps)
    speaker = grammatical_subject(token.head) if sense.pos == "NOUN" and _avowed(token) else None
    if speaker is not None and _coded(ctx.participants(speaker)):
        actor_head = speaker   # "Erdogan reiterated Turkey's support for X": who speaks for the country avows it
    if recipient_head is None and sense.pos == "NOUN" and token.lemma_.lower() in SUPPORT_NOUNS:
        recipient_head = _supported_party(token)   # "its commitment to support the police"
    if recipient_head is None:     # "let free X": the parser may hang X on the trigger's second word
        recipient_head = _object_of_inner_word(trigger)
    if sense.lemma in CONVERSE_VERBS and sense.type == "AID":   # "received weapons from X": X gives
        actor_head, recipient_head = prep_object(token, ("from",)), actor_head
    recipient_head = _owner_of_stance_object(recipient_head, sense.type) or _inside_event_noun(recipient_head)
    if sense.type == "CONCEDE" and recipient_head is not None and _names_an_act(recipient_head):
        # "lifted a ban Friday on women": the parser hung the party on the verb
        recipient_head = prep_object(token, ("on", "against")) or recipient_head
    if recipient_head is not None and _names_an_act(recipient_head) and sense.type in ("CONCEDE", "REJECT", "AGREE"):
        recipient_head = _imposed_on(recipient_head) or recipient_head   # "lift the ban it imposed on X"
    if recipient_head is not None and _state_of_exception(recipient_head):
        recipient_head = None    # "lifted the state of emergency": no "State" is acted on
    if recipient_head is not None and recipient_head.head.i != token.i and _created(recipient_head):
        recipient_head = None    # "agreed to set up hospitals in X": what is built is no party; the place is
    actors = ctx.participants(actor_head)
    recipients = ctx.proposal_owner(recipient_head) or ctx.participants(recipient_head)
    status, claimer = ctx.status(token)
    if not actors and sense.type in VERBAL_ACTS and claimer is not None and _performative(token):
        # "Russia should be investigated, Kerry said": the speaker performs the accusation
        actors, status, claimer = [claimer], "asserted", None
    if not recipients and recipient_head is not None and sense.type in STANCE_TYPES:
        recipients = ctx.stance_object(recipient_head)   # "condemned the attacks": what is condemned
    actors, recipients = ctx.reciprocals(sent, token, actors, recipients)
    if recipient_head is not None and recipient_head.lemma_.lower() in STATIONED_NOUNS and sense.type in CONTRIBUTING_TYPES:
        # "contribute troops to the UN force in Mali": the force is the actor's own share; Mali receives it
        recipients = ctx.country_in(recipient_head) or recipients
    if not _coded(recipients):
        # "established ties with X", "close the borders with X": the party of the thing acted on
        recipients = ctx.coded_prep_party(token) or (ctx.coded_prep_party(recipient_head, THING_PREPS)
                                                      if recipient_head is not None else []) or recipients
    # an uncoded but named actor acting on a party: "the NCB ordered X to appear", "DHS returned ... to its owners"
    named = not _coded(actors) and status in ("asserted", "claimed") and _agentive(actor_head) \
        and (_coded(recipients) or (recipients and _agentive(recipient_head))) \
        and {a.text for a in actors}.isdisjoint(a.text for a in recipients)
    if not named:
        if not _coded(actors) and (not recipients or status != "asserted"):
            return None        # nobody to code, or an actorless event that is not even asserted
        if not _coded(actors + recipients):
            return None        # "Liverpool attacked down the left wing": no political party known
    if actors and recipients and _identities(actors) == _identities(recipients) and party_codes(actors) \
            and not ctx.is_reciprocal(token):
        recipients = []        # the same parties on both sides, not a reciprocal: no recipient
    if len(actors) > 1 and not _coded(recipients) and (sense.type in SYMMETRIC_TYPES or _mutual_breach(token)):
        recipients = list(reversed(actors))   # "Britain and the US signed an agreement": each with the other
    if not recipients and _mediates(trigger):
        recipients = ctx.parties_between(sent, token)   # "a mediation effort to end the rift between X and Y"
    sense = _checked_by_classifier(sent, trigger, sense, actors, recipients, (actor_head, recipient_head))
    if sense is None:
        return None
    acted = sense.type        # a threat to restrict a place is still directed at that place
    if sense.type == "PROTEST" and actors and all(a.sector in STATE_SECTORS for a in actors):
        # "troops blockaded the headquarters": the state restricts, it does not protest
        sense = TriggerSense(sense.lemma, sense.pos, "COERCE", "restrict", "172", sense.recipient_preps)
    if status == "future" and sense.type == "ASSAULT" and _future_tense(token) and (
            claimer is None or party_codes([claimer]) & party_codes(actors)):
        # "Turkey says it will begin a military operation against X": an announced attack is a threat
        sense, status = THREAT, ("claimed" if claimer is not None else "asserted")
    if status == "future" and sense.type in FORCE_TYPES and _intends(token):
        # "Obama wants to attack Switzerland": a threat of force, made now
        sense, status = THREAT, ("claimed" if claimer is not None else "asserted")
    if status in ("future", "hypothetical") and _announced_pressure(token, sense):
        # "will extend the curfew", "said they would boycott the vote": a threat (the manual's THREATEN modes)
        mode = "relations" if sense.type == "SANCTION" else "arrest" if sense.mode == "arrest" else "restrict"
        sense = TriggerSense(sense.lemma, sense.pos, "THREATEN", mode, "131", sense.recipient_preps)
        status = "claimed" if claimer is not None else "asserted"
    announced = status == "future" or (status == "hypothetical" and claimer is not None
                                       and _future_tense(token, ("would", "'d")))   # "said it would recognize X"
    own = _intends(token) or (claimer is not None and party_codes([claimer]) & party_codes(actors))
    if announced and sense.type in ("RETREAT", "CONCEDE") and token.dep_ != "xcomp" and (
            own or _future_tense(token, ("will", "'ll", "would"))):
        # the manual: an announced retreat ("will release the prisoners") is a concession, made now
        sense = TriggerSense(sense.lemma, sense.pos, "CONCEDE", sense.mode, "080", sense.recipient_preps)
        status = "claimed" if claimer is not None else "asserted"
    elif announced and (sense.type in FUTURE_IS_INTENT and _future_tense(token, ("will", "'ll", "shall", "wo", "would"))
                        or sense.type in COOPERATIVE_TYPES - {"AGREE"} and own):
        # "Russia said it was ready to back the plan": an expressed intent to cooperate
        sense, status = INTENT_TO_COOPERATE, ("claimed" if claimer is not None else "asserted")
    if status == "negated" and sense.type in COOPERATIVE_TYPES and (_own_intent(token) or _failed_agreement(token, sense)):
        # "Slovakia says it will not accept refugees": a refusal, not a negated acceptance
        sense, status = REFUSAL, ("claimed" if claimer is not None else "asserted")
    if sense.type in ("REJECT", "THREATEN") and not _coded(recipients):
        # "will not end the strike until the authorities meet its demands": the party the condition is on
        condition = ctx.participants(_condition_party(token))
        if condition and _identities(condition) != _identities(actors) and not _pronoun_of(condition, actors):
            recipients = condition
    etype = event_types()[sense.type]
    event = EventRecord(
        type=sense.type,
        mode=sense.mode or _mode_from_weapon(token, sense.type),
        cameo=sense.cameo,
        quad_class=cameo_quad(sense.cameo),
        sentence=Span(sent.text, sent.start_char, sent.end_char),
        trigger=Span(ctx.doc.text[trigger.start:trigger.end], trigger.start, trigger.end),
        actor=actors,
        recipient=recipients,
        status=status,
        claimed_by=[claimer] if claimer is not None else [],
    )
    ctx.place_and_date(event, sent, token)
    if not recipients and sense.type not in PLACE_BLIND_TYPES:
        # "declared a ceasefire in Libya", "imposed a curfew in X": directed at the place acted on
        event.recipient = ctx.place_acted_on(token, own=acted in TERRITORIAL_TYPES)
        if not event.recipient and _labour_action(token):
            # "workers called off the strike after an agreement with the government"
            event.recipient = ctx.counterpart(sent, token, actors)
    elif sense.type == "ACCUSE" and _mere_thing(recipients, recipient_head) and not _names_an_act(recipient_head):
        # "an investigation into claims that two servicemen abused children": the party inside
        party = ctx.coded_party_inside(recipient_head)
        if party and _identities(party) != _identities(actors):
            event.recipient = party
    elif _mere_thing(recipients, recipient_head) and sense.type not in THING_IS_RECIPIENT_TYPES:
        # "agreed to lift a ban on imports of British beef", "sought refuge in Bangladesh": a thing
        # is no party; the party named inside it, else the place acted on, is
        party = ctx.coded_party_inside(recipient_head) or ctx.place_acted_on(token, own=True)
        if party and _identities(party) != _identities(actors):
            event.recipient = party
    ctx.casualties(event, sent)
    event.confidence = _confidence(event, etype.requires_recipient, sense.pos)
    return event


NONE_VETO = 0.6          # drop a trigger reading when the classifier puts this much on "no event"
TYPE_FLOOR = 0.12        # ... and less than this on the trigger's own type


def _checked_by_classifier(sent, trigger: Trigger, sense, actors, recipients, heads):
    """The relation classifier (trained on our corpus) vetoes non-events ("Liverpool attacked
    down the left wing") and picks between the senses of an ambiguous trigger."""
    from .classifier import classify

    def in_sentence(parties, head):
        # a party resolved from another sentence ("both sides") is no span of this one: use the words
        inside = [a for a in parties if sent.start_char <= a.start and a.end <= sent.end_char]
        if inside:
            return inside[0].text
        return " ".join(t.text for t in head.subtree) if head is not None and len(list(head.subtree)) <= 6 else None

    scores = dict(classify(sent.text, in_sentence(actors, heads[0]), in_sentence(recipients, heads[1]),
                           include_none=True))
    candidates = candidate_senses(trigger)
    if sense in candidates and len({s.type for s in candidates}) > 1:
        sense = max(candidates, key=lambda s: scores.get(s.type, 0.0))
    if scores.get("NONE", 0.0) >= NONE_VETO and scores.get(sense.type, 0.0) < TYPE_FLOOR:
        return None
    return sense


def _mode_from_weapon(token: Token, type_: str) -> str | None:
    """"hit by air strikes": the verb takes the mode of the event noun it governs."""
    from .triggers import lexicon, multiword_match

    for c in token.children:
        obj = child(c, "pobj") if c.dep_ in ("agent", "prep") else (c if c.dep_ == "dobj" else None)
        if obj is None:
            continue
        for sense in lexicon().get(("NOUN", obj.lemma_.lower()), ()):
            if sense.type == type_ and sense.mode and multiword_match(obj, sense) is not None:
                return sense.mode
    return None


def _owner_of_stance_object(head: Token | None, type_: str) -> Token | None:
    """"faulted X's decision", "welcomed X's invitation to Y", "rejected X's request": a stance
    towards a party's act is directed at that party."""
    if head is None or type_ not in STANCE_TYPES or head.pos_ != "NOUN":
        return None
    owner = child(head, "poss") or prep_object(head, ("by",))   # "condemned a protest by farmers"
    if owner is None and _names_an_act(head):   # "rejected U.S. calls for a truce": a named party before the act
        owner = next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return owner if owner is not None and owner.pos_ in ("PROPN", "NOUN") else None


def _imposed_on(restriction: Token) -> Token | None:
    """"the embargo it has imposed on the island": the party a restriction was imposed on."""
    for clause in restriction.children:
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in IMPOSING_VERBS:
            party = prep_object(clause, ("on", "against"))
            if party is not None:
                return party
    return None


def _names_an_act(noun: Token) -> bool:
    from .triggers import lexicon

    return noun.lemma_.lower() in DEMAND_NOUNS or ("NOUN", noun.lemma_.lower()) in lexicon()


def _inside_event_noun(head: Token | None) -> Token | None:
    """"supported economic assistance to the Palestinians": the party inside the event noun."""
    from .triggers import lexicon

    if head is None or head.pos_ != "NOUN":
        return head
    lemma = head.lemma_.lower()
    if lemma in DEMAND_NOUNS:   # "accepted the demands by protesters": whose demands
        owner = prep_object(head, ("by", "from", "of")) or child(head, "poss")
        if owner is not None:
            return owner
    for sense in lexicon().get(("NOUN", lemma), ()):
        holders = [head] + [c for c in head.children if c.dep_ == "acl"]   # "sanctions imposed on X"
        for holder in holders:
            inner = prep_object(holder, sense.recipient_preps)
            if inner is not None:
                return inner
    return head


def _absorbed(trigger: Trigger, trigger_tokens: set[int]) -> bool:
    """A nominal trigger that is the object of another trigger is that event's content:
    "rejected the proposal", "investigated for war crimes", "called for an investigation"."""
    token = trigger.token
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in CONTENT_NOUNS:
        return True            # "a plan for a further ceasefire", "calls for talks"
    governor = _governing_verb(token)
    if governor is not None and token.dep_ == "dobj" and governor.lemma_.lower() in ENDING_VERBS:
        return True            # "stop the fighting", "end the violence": the goal, not an event
    return governor is not None and governor.i in trigger_tokens


def _avowed(token: Token) -> bool:
    return token.lemma_.lower() in SUPPORT_NOUNS and token.dep_ == "dobj" \
        and token.head.lemma_.lower() in AVOWING_VERBS and any(c.dep_ == "poss" for c in token.children)


def _supported_party(noun: Token) -> Token | None:
    """"commitment to supporting Lebanon's sovereignty": the party of the act the noun promises."""
    act = next((c for c in noun.children if c.dep_ in ("acl", "relcl")), None)
    if act is None:
        to = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        act = child(to, "pcomp") if to is not None else None
    obj = child(act, "dobj") if act is not None else None
    if obj is None:
        return None
    return child(obj, "poss") or obj


def _mediates(trigger: Trigger) -> bool:
    words = trigger.token.doc.char_span(trigger.start, trigger.end, alignment_mode="expand") or []
    return any(w.lemma_.lower() in MEDIATION_WORDS for w in words)


def _mutual_breach(token: Token) -> bool:
    """"X and Y violated the ceasefire": a truce binds both, so each broke it against the other."""
    return token.lemma_.lower() in BREACH_VERBS and any(
        t.lemma_.lower() in ("ceasefire", "cease-fire", "truce", "agreement", "armistice") for t in token.subtree)


def _inside_another(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"free" in "let free": a word of a longer trigger is no event of its own."""
    idx = trigger.token.idx
    return any(t.token.i != trigger.token.i and t.end - t.start > trigger.end - trigger.start
               and t.start <= idx < t.end for t in triggers)


def _object_of_inner_word(trigger: Trigger) -> Token | None:
    for word in trigger.token.doc.char_span(trigger.start, trigger.end, alignment_mode="expand") or []:
        if word.i != trigger.token.i and child(word, "dobj") is not None:
            return child(word, "dobj")
    return None


def _inside_a_name(trigger: Trigger, mentions: MentionIndex) -> bool:
    """"the Government of National Accord", "the Peace Committee": a word of a party's name."""
    token = trigger.token
    return token.pos_ == "PROPN" and token.text[:1].isupper() and mentions.at(token) is not None


def _performative(token: Token) -> bool:
    """"X should be investigated", "Y must stop": saying it is doing it (the speaker acts)."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "must", "ought", "needs") for c in token.children) \
        or any(c.dep_ == "auxpass" for c in token.children)


def cameo_quad(code: str | None) -> int | None:
    """CAMEO quad class of a code: 01-05 verbal cooperation ... 14-20 material conflict."""
    if not code:
        return None
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _identities(actors: list[Actor]) -> set[tuple]:
    # the name too: "the president pardoned his former deputy" names two people of one government
    return {(a.country, a.org, a.sector, a.name) for a in actors}


def _intends(token: Token) -> bool:
    """The trigger is the infinitive of the actor's own intent verb ("wants/plans/vows to attack")."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENT_HEADS and child(token.head, "dobj") is None


def _own_intent(token: Token) -> bool:
    """Negated by the actor's own will or future ("will not", "won't", "refuses to"), not a report
    that something did not happen."""
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "neg")}
    return bool(aux & {"will", "wo", "would", "'ll", "shall"}) or token.head.lemma_ in ("refuse", "decline")


def _future_tense(token: Token, auxiliaries=("will", "'ll", "shall", "wo")) -> bool:
    """"will meet", "will hold talks", "will be hosting": announced, not a purpose ("to discuss")."""
    verb = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token
    return any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children)


def _announced_pressure(token: Token, sense: TriggerSense) -> bool:
    """Restrictions, sanctions and boycotts the actor says it will impose are threats, not acts."""
    pressure = sense.type in ("COERCE", "SANCTION") or (sense.type == "PROTEST" and sense.mode == "boycott")
    return pressure and _future_tense(token, ("will", "'ll", "shall", "wo", "would"))


def _pronoun_of(parties: list[Actor], actors: list[Actor]) -> bool:
    """"he will not lift it until he is satisfied": the actor again."""
    return all(p.text.lower() in ("he", "she", "it", "they", "we", "i") for p in parties)


def _condition_party(token: Token) -> Token | None:
    """The subject of an "until/unless" clause of the trigger or of the verb it hangs from."""
    for node in (token, token.head):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "unless", "till") for m in c.children):
                return child(c, "nsubj", "nsubjpass")
    return None


def _state_of_exception(head: Token) -> bool:
    of = prep_object(head, ("of",))
    return head.lemma_.lower() == "state" and of is not None and of.lemma_.lower() in ("emergency", "siege", "war", "alert")


def _created(head: Token) -> bool:
    return head.dep_ == "dobj" and head.head.lemma_.lower() in CREATION_VERBS and not _agent_word(head)


def _failed_agreement(token: Token, sense: TriggerSense) -> bool:
    """"failed to reach agreement": the parties rejected each other's terms."""
    if sense.type not in ("AGREE", "SUPPORT"):
        return False
    governors = [token.head, token.head.head, token.head.head.head]
    return any(g.lemma_.lower() == "fail" for g in governors)


def _agentive(head: Token | None) -> bool:
    """An uncoded party that can still act: a name ("Action Aid", "the NCB") or a plural of
    people named by what they do ("musicians", "residents")."""
    if head is None:
        return False
    return any(_agent_word(t) for t in conjuncts(head))


def _agent_word(token: Token) -> bool:
    if token.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or (token.pos_ == "PROPN" and token.text[:1].isupper()):
        return token.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY")
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower().endswith(AGENT_SUFFIXES)


def _labour_action(token: Token) -> bool:
    """The trigger is a strike or boycott, or ends or keeps one ("called off the strike")."""
    words = {token.lemma_.lower()} | {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "pobj", "prep")}
    words |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep" for g in c.children}
    return bool(words & LABOUR_ACTIONS)


def _mere_thing(recipients: list[Actor], head: Token | None) -> bool:
    return bool(recipients) and head is not None and not _coded(recipients) and not _agentive(head)


def _coded(actors: list[Actor]) -> bool:
    return any(a.country or a.org or a.sector for a in actors)



def _confidence(event: EventRecord, requires_recipient: bool, pos: str) -> float:
    score = 0.45
    score += 0.2 if party_codes(event.actor) else 0.0
    score += 0.15 if party_codes(event.recipient) else (-0.1 if requires_recipient else 0.0)
    score += 0.1 if pos == "VERB" else 0.0
    score -= 0.1 if event.status != "asserted" else 0.0
    return max(0.05, min(0.95, score))


def _drop_absorbed(events: list[EventRecord]) -> list[EventRecord]:
    """One event per trigger and type; an accusation already coded explicitly is not derived twice."""
    seen, out = set(), []
    for event in events:
        key = (event.type, event.trigger.start)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def _dedupe(events: list[EventRecord]) -> list[EventRecord]:
    """One event per type, sentence and parties; of two, the one that names its recipient
    ("filed a lawsuit accusing the cartel": the accusation, not the bare lawsuit)."""
    out: list[EventRecord] = []
    for event in events:
        twin = next((i for i, other in enumerate(out) if _same(event, other)), None)
        if twin is None:
            out.append(event)
        elif event.recipient and not out[twin].recipient:
            out[twin] = event
    return sorted(out, key=lambda e: (e.sentence.start, e.trigger.start))


def _same(a: EventRecord, b: EventRecord) -> bool:
    if a.type != b.type or a.sentence.start != b.sentence.start:
        return False
    if party_codes(a.actor) == party_codes(b.actor) and party_codes(a.recipient) == party_codes(b.recipient):
        return True
    # the same act named twice, once without its recipient: "filed a lawsuit accusing X"
    return (not a.recipient or not b.recipient) and _identities(a.actor) == _identities(b.actor)
