"""Choosing the sense of an ambiguous trigger from its syntactic context.

Each rule says when a trigger lemma does NOT report an event of a type ("call" a name,
"fire" a minister), or which of its types the context picks ("strike" by workers is PROTEST).
"""
from __future__ import annotations

from spacy.tokens import Token

from .triggers import Trigger, TriggerSense

# verb lemma -> prepositions/particles one of which must be attached for the event reading
REQUIRED_ATTACHMENT = {
    "call": {"for", "on", "upon", "off"},
    "press": {"for"},
    "pull": {"out", "back"},
    "crack": {"down"},
    "round": {"up"},
    "hand": {"over"},
    "talk": {"with", "to"},
    "rule": {"out"},
    "force": {"out", "from", "into"},
    "blow": {"up"},
}
EASED = {"sanction", "ban", "embargo", "blockade", "curfew", "restriction", "siege", "boycott", "tariff", "duty",
         "quota", "moratorium", "lockdown", "suspension"}
CONSENTS = {"permission", "approval", "go-ahead", "clearance", "amnesty", "pardon", "clemency", "concession", "consent",
            "bail", "request", "motion", "injunction", "waiver", "exemption", "extension", "reprieve", "citizenship",
            "order", "stay", "parole", "immunity", "leave", "license", "licence"}
MOBILIZE_OBJECTS = {"troop", "soldier", "force", "warship", "jet", "tank", "reinforcement", "battalion", "army", "marine", "police", "unit", "division", "militia", "aircraft", "submarine"}
# verb lemma -> object lemmas that make the event reading (any other object: not this type)
OBJECT_CONSTRAINT = {
    ("share", "COOPERATE"): {"intelligence", "information", "data", "technology", "expertise", "evidence", "record"},
    ("reduce", "SANCTION"): {"aid", "funding", "tie", "relation", "presence", "staff", "import", "export"},
    ("slash", "SANCTION"): {"aid", "funding", "import", "export"},
    ("cut", "SANCTION"): {"tie", "relation", "aid", "funding", "link", "supply", "contact"},
    ("lift", "CONCEDE"): EASED | {"emergency", "state"},   # "lifted the state of emergency"
    ("ease", "CONCEDE"): EASED | {"tension"},
    ("remove", "CONCEDE"): EASED | {"emergency"},
    ("roll", "CONCEDE"): EASED,
    ("scrap", "CONCEDE"): EASED,
    # the manual: withdrawing a demand is a concession; dropping charges eases legal restrictions
    ("drop", "CONCEDE"): EASED | {"demand", "charge", "objection", "opposition", "claim", "condition", "veto"},
    ("repeal", "CONCEDE"): EASED | {"law", "decree", "act", "order", "measure"},
    ("rescind", "CONCEDE"): EASED | {"law", "decree", "order", "measure", "expulsion"},
    ("violate", "ASSAULT"): {"ceasefire", "cease-fire", "truce", "armistice"},
    ("breach", "ASSAULT"): {"ceasefire", "cease-fire", "truce", "armistice"},
    ("reverse", "CONCEDE"): {"decision", "policy", "ban", "ruling", "order", "course", "measure", "expulsion"},
    ("upgrade", "SUPPORT"): {"tie", "relation", "link"},
    ("beef", "MOBILIZE"): MOBILIZE_OBJECTS | {"presence", "patrol", "deployment"},
    ("intensify", "MOBILIZE"): MOBILIZE_OBJECTS | {"presence", "patrol", "deployment"},
    # "opened its borders to refugees": shelter given (the manual's territorial asylum)
    ("open", "AID"): {"border", "door"},
    ("fly", "AID"): {"aid", "medicine", "supply", "food", "vaccine", "equipment", "ton", "relief", "assistance"},
    ("cancel", "REJECT"): {"visit", "trip", "tour", "meeting", "talk", "summit", "negotiation", "deal", "agreement",
                           "accord", "contract"},
    ("relax", "CONCEDE"): EASED | {"rule"},
    ("reduce", "CONCEDE"): {"tariff", "duty", "sanction", "restriction", "quota"},
    ("cut", "CONCEDE"): {"tariff", "duty", "sanction", "restriction", "quota"},
    # ending one's own pressure is a concession; ending talks or ties with someone a sanction
    ("end", "CONCEDE"): {"strike", "boycott", "protest", "blockade", "siege", "occupation", "sit-in", "walkout", "embargo"},
    ("call", "CONCEDE"): {"strike", "boycott", "protest", "march", "rally", "demonstration", "walkout"},
    ("end", "SANCTION"): {"talk", "negotiation", "mediation", "cooperation", "relation", "tie", "aid", "assistance", "contact"},
    ("call", "SANCTION"): {"talk", "negotiation", "meeting", "summit", "visit"},
    ("give", "CONCEDE"): CONSENTS,
    ("grant", "CONCEDE"): CONSENTS,
    ("give", "THREATEN"): {"deadline", "ultimatum"},
    ("set", "THREATEN"): {"deadline", "ultimatum"},
    ("cease", "RETREAT"): {"operation", "fire", "hostility", "fighting", "attack", "offensive", "bombing", "shelling",
                           "airstrike", "strike", "raid", "activity"},
    ("freeze", "SANCTION"): {"asset", "account", "fund", "aid", "tie", "relation", "talk"},
    ("impose", "COERCE"): {"curfew", "law", "restriction", "ban", "lockdown", "blockade", "emergency", "censorship"},
    ("close", "COERCE"): {"border", "crossing", "embassy", "airspace", "road", "newspaper", "office", "port", "point", "checkpoint", "route", "airport", "corridor", "gate"},
    ("block", "COERCE"): {"access", "road", "aid", "convoy", "website", "border", "passage", "crossing", "point", "checkpoint", "route", "airport", "corridor", "gate"},
    ("shut", "COERCE"): {"border", "crossing", "embassy", "airspace", "newspaper", "internet", "office", "point", "checkpoint", "route", "airport", "corridor", "gate"},
    ("fire", "ASSAULT"): {"rocket", "missile", "shell", "shot", "round", "mortar", "bullet", "gun", "grenade", "salvo", "weapon"},
    ("receive", "CONSULT"): set(),
    ("host", "CONSULT"): set(),
    ("sign", "SUPPORT"): {"agreement", "deal", "accord", "treaty", "pact", "memorandum", "declaration", "ceasefire", "truce"},
    ("hit", "ASSAULT"): None,
    ("ban", "COERCE"): {"newspaper", "website", "party", "protest", "rally", "gathering", "broadcast", "channel",
                        "book", "publication", "magazine", "group", "organisation", "organization", "demonstration"},
    ("attend", "CONSULT"): {"meeting", "summit", "conference", "talk", "ceremony", "game", "olympics", "session",
                            "forum", "funeral", "inauguration", "negotiation", "gathering", "dinner", "celebration"},
    ("receive", "AID"): {"aid", "weapon", "arm", "assistance", "assurance", "support", "fund", "loan", "supply",
                         "shipment", "delivery", "vaccine", "equipment", "ammunition", "money", "grant", "help"},
    ("establish", "SUPPORT"): {"tie", "relation", "link", "contact"},
    ("restore", "SUPPORT"): {"tie", "relation", "link", "contact"},
    ("normalize", "SUPPORT"): {"tie", "relation"},
    ("normalise", "SUPPORT"): {"tie", "relation"},
    ("break", "SANCTION"): {"tie", "relation", "link", "contact"},
    ("give", "AID"): {"aid", "assistance", "million", "billion", "money", "fund", "loan", "weapon", "arm", "grant",
                      "euro", "dollar", "pound", "yuan", "yen", "rupee", "franc", "ruble", "rouble", "medicine",
                      "asylum", "shelter", "support", "food", "medicine", "equipment", "ammunition", "refuge"},
    ("question", "ACCUSE"): {"legitimacy", "motive", "claim", "decision", "commitment", "role", "account", "integrity"},
    ("summon", "ACCUSE"): {"ambassador", "envoy", "diplomat", "charge", "attache", "chargé"},
}
# verb + object that is NOT the event reading ("sent a letter" is no aid)
NOT_OBJECTS = {
    ("send", "AID"): {"letter", "message", "signal", "warning", "note", "email", "invitation", "condolence",
                      "greeting", "envoy", "delegation", "representative", "tweet", "text"},
    ("grant", "AID"): CONSENTS,
    ("provide", "AID"): {"detail", "information", "update", "evidence", "answer", "explanation", "comment"},
    ("reinforce", "MOBILIZE"): {"commitment", "message", "view", "belief", "position", "point", "idea", "image"},
    ("reinstate", "CONCEDE"): EASED | {"law", "penalty", "rule"},   # reinstating a ban is no concession
    ("deliver", "AID"): {"speech", "address", "message", "verdict", "ruling", "remark", "statement", "blow"},
}
DIPLOMATS = {"diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "embassy", "staff", "official"}
# a country's non-military presence abroad: expelling or withdrawing it reduces relations (SANCTION)
MISSIONS = DIPLOMATS | {"peacekeeper", "observer", "monitor", "inspector", "mission", "aid", "assistance",
                        "support", "recognition", "funding"}
AID_WORKERS = {"humanitarian", "aid", "relief"}
# a finished agreement is signed or reached (SUPPORT); an agreement to do something is AGREE
AGREEMENTS = {"agreement", "deal", "accord", "pact", "treaty", "text", "memorandum", "declaration"}
CONCLUDING_VERBS = {"reach", "sign", "conclude", "finalize", "finalise", "seal", "clinch", "strike", "ink", "agree"}
# "pledged its support", "reaffirmed its commitment": an expression of support, not a promise to act
SUPPORT_NOUNS = {"support", "backing", "solidarity", "commitment"}
AVOWING_VERBS = {"pledge", "promise", "reaffirm", "reiterate", "express", "voice", "renew", "underline", "stress",
                 "convey"}
# taking people in is asylum (AID), whoever "accepts" or "hosts" them
REFUGEES = {"refugee", "migrant", "asylum-seeker", "seeker", "evacuee", "displaced"}
HOSTILITIES = {"hostility", "hostilities", "fighting", "violence", "attack", "war", "fire", "bombing", "shelling"}
PRISON_TERMS = {"prison", "jail", "gaol", "year", "month", "week", "day", "life", "term", "detention", "imprisonment"}
MEDIA = {"newspaper", "paper", "publication", "daily", "weekly", "magazine", "website", "channel", "broadcast",
         "broadcaster", "station", "outlet", "medium", "media", "radio", "television", "book"}
VERBAL_ATTACK = {"scathing", "verbal", "blistering", "stinging", "withering", "rhetorical", "personal", "political",
                 "written", "sharp", "bitter", "furious", "vitriolic"}
EXPRESSING_VERBS = {"offer", "express", "voice", "issue", "level", "reiterate", "renew", "register", "lodge"}
STANCE_NOUNS = {"criticism", "condemnation", "protest", "complaint", "rejection", "disapproval", "outrage",
                "anger", "concern", "accusation", "support", "backing", "solidarity"}
PEACEKEEPING = {"peacekeeper", "peacekeeping", "observer", "monitor", "blue"}
NOUN_ATTACHMENT = {"evidence": {"against"}, "fire": {"on", "at", "upon"}, "lunch": {"with"}, "dinner": {"with"},
                   "breakfast": {"with"}}
NOUN_GOVERNORS = {"fire": {"open", "exchange", "return"}}   # "opened fire on protesters"
DEMAND_OBJECTS = {"demand", "request", "condition", "term", "call", "ultimatum", "appeal", "plea"}
LABOUR_WORDS = {"worker", "union", "employee", "teacher", "doctor", "nurse", "miner", "driver", "staff", "general", "labour", "labor", "hunger", "student", "docker"}
AERIAL_WORDS = {"air", "missile", "drone", "rocket", "airstrike", "aerial", "military", "retaliatory", "preemptive", "pre-emptive", "deadly", "suicide"}


def _attachments(token: Token) -> set[str]:
    # "called X on Saturday": a date phrase attaches nothing
    return {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "agent", "dative", "advmod")
            and not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)}


def _object_lemma(token: Token) -> str | None:
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return obj.lemma_.lower() if obj is not None else None


def _object_modifiers(token: Token) -> set[str]:
    """The compound words of the object: "mediation efforts", "curfew hours", "the ceasefire agreement"."""
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"} if obj is not None else set()


def candidate_senses(trigger: Trigger) -> list[TriggerSense]:
    """The senses this occurrence may report, preferred first; empty when it reports no event here."""
    token = trigger.token
    lemma = token.lemma_.lower()
    senses = list(trigger.senses)
    if token.pos_ == "VERB":
        if lemma == "call" and not ({"for", "on", "upon"} & _attachments(token)) and _object_lemma(token) \
                and any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in token.children):
            return [TriggerSense("call", "VERB", "CONSULT", "phone", "041", ())]   # "called his counterpart"
        predicate = next((c for c in token.children if c.dep_ == "oprd"), None)
        if lemma == "call" and predicate is not None:
            if _object_lemma(token) is None and predicate.pos_ == "PROPN" and not _has_appos(predicate):
                # "called President X on Sunday": the parser took the person called for a predicate
                return [TriggerSense("call", "VERB", "CONSULT", "phone", "041", ())]
            return [TriggerSense("call", "VERB", "ACCUSE", "disapprove", "111", ())]   # "called X a liar"
        if lemma == "fire" and {"at", "on", "into", "upon"} & _attachments(token):
            return [s for s in senses if s.type == "ASSAULT"]       # "fired batteries at Russia"
        if lemma in ("want", "order") and not _wants_someone_to(token):
            return []                                    # "wants to attack" is an intent, not a request
        if lemma == "expel":
            diplomatic = _expelled_mission(token)
            return [TriggerSense("expel", "VERB", "SANCTION" if diplomatic else "COERCE",
                                 "expel" if diplomatic else "deport", "1663" if diplomatic else "174", ("from",))]
        if lemma == "grant" and (_has_xcomp(token) or _purpose_clause(token)):
            return [s for s in senses if s.type == "CONCEDE"]     # "granted X to leave": a permission
        if lemma == "force" and _has_xcomp(token):
            return [TriggerSense(lemma, "VERB", "COERCE", None, "170", ())]   # "forced the plane to land"
        if lemma in ("arrive", "serve", "participate") and (not _peacekeeping(token) or (
                lemma == "serve" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))):
            return []          # only peacekeepers arriving are personnel given; "sent to serve" is the sending
        need = REQUIRED_ATTACHMENT.get(lemma)
        if need and not (need & _attachments(token)) and not (lemma == "call" and _has_xcomp(token)):
            return []
        obj = _object_lemma(token)
        if lemma in AVOWING_VERBS and obj in SUPPORT_NOUNS:
            return []        # the support noun itself is the event ("pledged support for X")
        if lemma in EXPRESSING_VERBS and obj in STANCE_NOUNS:
            return []        # "offered scathing criticism of X": the criticism is the event, no offer
        if lemma == "agree" and _agreed_text(token):
            return [TriggerSense(lemma, "VERB", "SUPPORT", None, "057", ("with",))]   # "agreed a trade deal"
        if obj in REFUGEES and lemma in ("accept", "admit", "receive", "host", "shelter", "take", "resettle", "welcome"):
            return [TriggerSense(lemma, "VERB", "AID", None, "075", ("from",))]   # "accepted 500 refugees"
        if lemma == "sentence" and _to_prison(token):
            return [TriggerSense(lemma, "VERB", "COERCE", "arrest", "173", ())]   # the manual: prison is also an arrest
        if lemma in ("ban", "suspend") and _silences(token, obj):
            return [TriggerSense(lemma, "VERB", "COERCE", "censor" if obj in MEDIA else "restrict", "175", ("from",))]
        if lemma == "withdraw" and obj in MISSIONS:
            return [TriggerSense(lemma, "VERB", "SANCTION", "withdraw", "160", ("from",))]   # "withdrew its envoy"
        if obj in MOBILIZE_OBJECTS | PEACEKEEPING and lemma in ("send", "deploy", "dispatch") and _peacekeeping(token):
            return [TriggerSense(lemma, "VERB", "AID", None, "074", ("to", "in"))]   # peacekeepers sent
        if obj in DEMAND_OBJECTS and lemma in ("accept", "meet", "grant", "satisfy", "heed", "approve"):
            return [TriggerSense(lemma, "VERB", "CONCEDE", None, "080", ())]   # "accepted the demands"
        if obj in MOBILIZE_OBJECTS and lemma in ("send", "deploy", "provide", "dispatch", "station", "move"):
            return [TriggerSense(lemma, "VERB", "MOBILIZE", "troops", "150", ("to", "in"))]
        senses = [s for s in senses if (_object_ok(lemma, s.type, obj) or any(
                      _object_ok(lemma, s.type, m) for m in _object_modifiers(token)))
                  and obj not in NOT_OBJECTS.get((lemma, s.type), ())]
    elif token.pos_ in ("NOUN", "PROPN"):
        # "cease-fire" is no fire: the attachment a bare noun needs does not apply to a longer trigger
        need = NOUN_ATTACHMENT.get(lemma) if all(" " not in s.lemma for s in senses) else None
        governed = token.head.lemma_.lower() in NOUN_GOVERNORS.get(lemma, ()) and token.dep_ == "dobj"
        if need and not (need & _attachments(token)) and not governed:
            return []                                    # "evidence" alone is no accusation
        governor = token.head.lemma_.lower() if token.dep_ in ("dobj", "pobj", "nsubjpass") else None
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            governor = token.head.head.lemma_.lower()
        if lemma == "attack" and {c.lemma_.lower() for c in token.children if c.dep_ == "amod"} & VERBAL_ATTACK:
            return [TriggerSense(lemma, "NOUN", "ACCUSE", "disapprove", "111", ("on", "against"))]   # "a scathing attack on X"
        if lemma == "cessation" and (prep_of(token) or "") not in HOSTILITIES:
            return []                                    # "cessation of aid" is no ceasefire
        if lemma in AGREEMENTS and governor in CONCLUDING_VERBS:
            return [TriggerSense(lemma, "NOUN", "SUPPORT", None, "057", ("with", "between"))]   # "reached a deal"
        if lemma in SUPPORT_NOUNS and governor in AVOWING_VERBS - {"pledge", "promise"}:
            return [TriggerSense(lemma, "NOUN", "SUPPORT", None, "051", ("for", "to"))]   # "reaffirmed its commitment"
        if lemma in ("deployment",) and _peacekeeping(token):
            return [TriggerSense(lemma, "NOUN", "AID", None, "074", ("to", "in"))]
    if len(senses) > 1:
        senses = _strike_or_protest(token, senses)
    return senses


def choose_sense(trigger: Trigger) -> TriggerSense | None:
    """The sense this occurrence reports, or None when it reports no event here."""
    senses = candidate_senses(trigger)
    return senses[0] if senses else None


def _expelled_mission(token: Token) -> bool:
    """Diplomats, inspectors, aid workers expelled reduce relations (SANCTION); individuals are deported."""
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return False
    words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound")}
    return obj.lemma_.lower() in MISSIONS or bool(words & AID_WORKERS)


def _agreed_text(token: Token) -> bool:
    """"agreed a trade deal", "agreed on the draft text of a deal": a finished agreement."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "to")), None)
        obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    return obj is not None and obj.lemma_.lower() in AGREEMENTS


def _peacekeeping(token: Token) -> bool:
    """Troops sent as peacekeepers or observers: personnel given as aid, not a show of force."""
    clause = list(token.subtree) + ([token.head] + list(token.head.children) if token.dep_ != "ROOT" else [])
    nearby = {t.lemma_.lower() for t in clause} | {c.lemma_.lower() for c in token.children}
    subj = next((c for c in token.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is not None:
        nearby |= {t.lemma_.lower() for t in subj.subtree}
    return bool(nearby & PEACEKEEPING)


def prep_of(token: Token) -> str | None:
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj.lemma_.lower() if obj is not None else None


def _to_prison(token: Token) -> bool:
    """"sentenced him to seven years in prison": a prison term, not a fine."""
    to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    term = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return term is not None and term.lemma_.lower() in PRISON_TERMS


def _silences(token: Token, obj: str | None) -> bool:
    """Banning a newspaper or barring a person from office is coercion (the manual's censor and
    restrict), not a cut in relations: "banned the daily", "banned X from holding office"."""
    target = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj in MEDIA or (target is not None and any(c.lemma_.lower() in MEDIA for c in target.subtree)
                        and token.lemma_.lower() == "suspend" and obj == "publication"):
        return True
    barred = any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children)
                 for c in token.children)
    return token.lemma_.lower() == "ban" and target is not None and (target.ent_type_ == "PERSON" or barred)


def _wants_someone_to(token: Token) -> bool:
    """"Obama wants Putin to attack": a request of Putin; "wants to attack": his own intent."""
    comp = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp")), None)
    if comp is None:
        return False
    return any(c.dep_ in ("dobj", "nsubj") for c in token.children if c.i > token.i and c.i < comp.i) \
        or any(c.dep_ == "nsubj" for c in comp.children)


def _has_appos(token: Token) -> bool:
    return any(c.dep_ == "appos" for c in token.children)


def _purpose_clause(token: Token) -> bool:
    """"granted X to delay ...", parsed as an adverbial clause: what X is allowed to do."""
    return any(c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in token.children)


def _has_xcomp(token: Token) -> bool:
    return any(c.dep_ == "xcomp" for c in token.children)


def _object_ok(lemma: str, type_: str, obj: str | None) -> bool:
    key = (lemma, type_)
    if key not in OBJECT_CONSTRAINT:
        return True
    allowed = OBJECT_CONSTRAINT[key]
    if allowed is None:
        return True
    if not allowed:            # "receive", "host": a person or delegation, not a thing
        return obj is not None
    return obj is not None and obj.rstrip("s") in allowed | {a.rstrip("s") for a in allowed}


def _strike_or_protest(token: Token, senses: list[TriggerSense]) -> list[TriggerSense]:
    types = {s.type for s in senses}
    if not ({"PROTEST", "ASSAULT"} <= types or {"PROTEST", "SANCTION"} <= types or {"PROTEST", "COERCE"} <= types):
        return senses
    context = {t.lemma_.lower() for t in token.sent}
    modifiers = {c.lemma_.lower() for c in token.children}
    labour = bool((modifiers | context) & LABOUR_WORDS) and not (modifiers & AERIAL_WORDS)
    preferred = "PROTEST" if labour else next(s.type for s in senses if s.type != "PROTEST")
    return sorted(senses, key=lambda s: s.type != preferred)
