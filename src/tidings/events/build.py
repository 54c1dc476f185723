"""From trigger hits to candidate events: roles, merging of one happening's several words,
argument ellipsis across sentences, and sub-type refinements."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Article, Mention, Quantity, Token
from .casualties import realised
from .roles import Roles, make_mention, noun_roles, unknown_perpetrator, verb_roles
from .rules import Refinement, Rules, TriggerRule
from .tree import Sent
from .triggers import Hit

_RECIPROCAL = frozenset({"clash", "fight", "battle", "skirmish", "engage", "exchange", "firefight", "gunfight", "shootout"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
_DEMONSTRATIVE = frozenset({"this", "that", "it", "which", "same"})


@dataclass
class Cand:
    """A candidate event while the stage works on it (mutable, private to the stage)."""

    sent: Sent
    trigger: Token
    rule: TriggerRule
    type: str
    sub_type: str
    roles: Roles
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc: tuple[Mention, ...] = ()
    deaths: list[Quantity] = field(default_factory=list)
    inherited_from: Cand | None = None

    @property
    def violent(self) -> bool:
        return self.type in VIOLENT or self.sub_type == "Excessive force against protesters"


def _armed(sent: Sent, t: Token | None, rules: Rules, *, conj: bool = True) -> bool:
    """An armed group or its position: "soldiers", "a police checkpoint", "positions of X"."""
    if t is None:
        return False
    armed = rules.words("armed")
    toks = [t, *sent.kids(t.i, "compound", "amod", "poss", *(("conj",) if conj else ()))]
    if t.lemma.lower() in ("member", "one", "some", "two", "dozen", "group", "number", "unit", "team"):  # "members of the 5th brigade"
        toks += [g for p in sent.kids(t.i, "prep") if p.text.lower() == "of" for g in sent.kids(p.i, "pobj")]
        if any(k.ent_type == "ORG" for g in toks for k in (g, *sent.kids(g.i, "compound"))):
            return True
    return any(k.lemma.lower() in armed or k.text.lower() in armed for k in toks)


WEAPON_TYPES = {
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Looting/property destruction": "Strategic developments",
}
_WEAPON_ORDER = ("Armed clash", "Air/drone strike", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Grenade", "Looting/property destruction")


def _weapon(sent: Sent, t: Token, rules: Rules) -> tuple[str, Token] | None:
    """"fired 82mm mortars at X", "attacked with rockets", "a rocket attack": the sub-type of
    the weapons used (any small arm: an armed clash; else the first kind in _WEAPON_ORDER)."""
    verbal = t.lemma.lower() in rules.words("weapon_verbs")
    objs = list(sent.kids(t.i, "dobj")) if verbal else []
    objs += [k for k in sent.kids(t.i, "compound", "amod")] if t.pos == "NOUN" else []
    for p in sent.kids(t.i, "prep"):
        if p.text.lower() == "with":
            objs.extend(sent.kids(p.i, "pobj"))
    found: dict[str, Token] = {}
    for o in objs:
        for k in (o, *sent.kids(o.i, "conj")):
            sub = _weapon_kind(sent, k, rules)
            if sub is not None:
                found.setdefault(sub, o)
    for sub in _WEAPON_ORDER:
        if sub in found:
            return sub, found[sub]
    return None


def _weapon_kind(sent: Sent, k: Token, rules: Rules) -> str | None:
    mods = {m.lemma.lower() for m in sent.kids(k.i, "compound", "amod")}
    heavy = {"machine", "heavy", "anti-aircraft", "antiaircraft", "aircraft"}
    if k.lemma.lower() in ("gun", "weapon") and mods & heavy:
        return "Shelling/artillery/missile attack"  # machine guns, heavy weapons
    return rules.weapons.get(k.lemma.lower()) or rules.weapons.get(k.text.lower())


_AIR = frozenset({"air", "warplane", "aircraft", "drone", "jet", "helicopter", "plane", "airforce"})


def _airborne(sent: Sent, t: Token | None) -> bool:
    """"the air force targeted ...", "warplanes attacked ...": an air strike."""
    return t is not None and any(k.lemma.lower() in _AIR for k in (t, *sent.kids(t.i, "compound", "amod")))


def _target(sent: Sent, t: Token) -> Token | None:
    for p in sent.kids(t.i, "prep"):
        obj = next(sent.kids(p.i, "pobj"), None)
        if p.text.lower() in ("at", "on", "towards", "toward", "against", "into") and obj is not None and obj.ent_type not in ("DATE", "TIME"):
            return obj
    return None


def _unarmed(sent: Sent, roles: Roles, rules: Rules) -> bool:
    """A clash where one side is civilians ("workers clashed with police", "two groups of
    villagers clashed"): a riot, not a battle."""
    unarmed = rules.words("unarmed")
    sides = [a for a in (roles.actor1, roles.actor2) if a is not None]
    civil = [a for a in sides if _civilian(sent, a, unarmed) and not _armed(sent, a, rules, conj=False)]
    if not civil:
        return False
    others = [a for a in sides if a not in civil]
    return all(_state(sent, a, rules) for a in others)


def _state(sent: Sent, t: Token, rules: Rules) -> bool:
    """Police or the army (whom rioters clash with), not gunmen or a militia."""
    toks = [t, *sent.kids(t.i, "compound", "amod")]
    return any(k.lemma.lower() in rules.words("state_forces") for k in toks)


def _civilian(sent: Sent, t: Token, unarmed: frozenset[str]) -> bool:
    if any(k.lemma.lower() == "armed" for k in sent.kids(t.i, "amod")):
        return False
    words = {t.lemma.lower()}
    if t.lemma.lower() in ("group", "number"):  # "a group of citizens"
        words |= {g.lemma.lower() for p in sent.kids(t.i, "prep") if p.text.lower() == "of" for g in sent.kids(p.i, "pobj")}
    plural_people = t.ent_type == "NORP" and t.tag in ("NNPS", "NNS")  # "Palestinians"
    return bool(words & unarmed) or plural_people


def _mob(sent: Sent, t: Token | None, rules: Rules) -> bool:
    """"residents beat a suspected thief": civilians attacking someone are a mob."""
    if t is None:
        return False
    kids = list(sent.kids(t.i))
    words = {t.lemma.lower()} | {k.lemma.lower() for k in kids if k.dep == "compound"}
    mob = rules.words("mob")
    if t.lemma.lower() in ("group", "number", "crowd"):  # "a group of people", "a group of men"
        words |= {g.lemma.lower() for p in kids if p.text.lower() == "of" for g in sent.kids(p.i, "pobj")}
        mob = mob | {"man"}
    return bool(words & mob) and not any(k.lemma.lower() in ("armed", "gunman") for k in kids)


def _typed(
    sent: Sent, t: Token, rule: TriggerRule, roles: Roles, weapon: tuple[str, Token] | None, a1: Mention | None, rules: Rules
) -> tuple[str, str]:
    """The rule's type, adjusted by the weapon used, the target, and who acted."""
    typ, sub = rule.type, rule.sub_type
    head = sent.head(t)
    repelled = head is not None and t.pos == "NOUN" and head.lemma.lower() in rules.words("repel")
    if weapon is not None:
        sub = weapon[0]
        typ = WEAPON_TYPES[sub]
        if sub == "Armed clash" and roles.actor2 is not None and not _armed(sent, roles.actor2, rules):
            typ, sub = "Violence against civilians", "Attack"
    elif rule.armed_target and (_armed(sent, roles.actor2, rules) or repelled):
        typ, sub = rule.armed_target
    if typ != "Explosions/Remote violence" and rule.armed_target and _airborne(sent, roles.actor1):
        typ, sub = "Explosions/Remote violence", "Air/drone strike"
    if rule.state_actor and a1 is not None and (a1.canonical or "").startswith(("Military Forces", "Police Forces")):
        typ, sub = rule.state_actor
    if (typ, sub) == ("Battles", "Armed clash") and _unarmed(sent, roles, rules):
        police = any(_armed(sent, a, rules) for a in (roles.actor1, roles.actor2) if a is not None)
        typ, sub = ("Riots", "Violent demonstration") if police else ("Riots", "Mob violence")
    if typ == "Violence against civilians" and _mob(sent, roles.actor1, rules):
        typ, sub = "Riots", "Mob violence"
    return typ, sub


def candidate(article: Article, sent: Sent, hit: Hit, rules: Rules, country: str | None = None) -> Cand:
    t, rule = hit.token, hit.rule
    roles = verb_roles(sent, t, rule.object_role) if t.pos in ("VERB", "AUX") or t.tag.startswith("VB") else noun_roles(sent, t)
    ents = article.entities
    weapon = _weapon(sent, t, rules) if rule.type in VIOLENT else None
    if weapon is not None and (roles.actor2 is weapon[1] or roles.actor2 is None):
        roles = replace(roles, actor2=_target(sent, t))
    a1 = make_mention(article, sent, roles.actor1, ents, country) if roles.actor1 is not None else None
    a2 = make_mention(article, sent, roles.actor2, ents, country) if roles.actor2 is not None else None
    assoc = tuple(m for a in roles.assoc if (m := make_mention(article, sent, a, ents, country)) is not None)
    typ, sub = _typed(sent, t, rule, roles, weapon, a1, rules)
    return Cand(sent, t, rule, typ, sub, roles, a1, a2, assoc)


_UNKNOWN_BY = frozenset({"Violence against civilians", "Explosions/Remote violence"})


_GENERIC = frozenset({"man", "men", "individual", "person", "people", "unknown", "stranger", "suspect"})


def _generic_person(c: Cand) -> bool:
    t = c.roles.actor1
    return t is not None and t.lemma.lower() in _GENERIC


def default_actor(article: Article, c: Cand) -> None:
    """Protests are by "Protesters", riots by "Rioters" (ACLED's convention), and violence whose
    perpetrator the text does not name by an unidentified armed group; the trigger is the
    evidence when the text names no one."""
    span = article.span(c.trigger.start, c.trigger.end)
    if c.type in _UNKNOWN_BY and c.actor1 is None and c.sub_type != "Air/drone strike":
        c.actor1 = Mention(span, unknown_perpetrator())
    elif c.violent and c.type != "Riots" and c.actor1 is not None and c.actor1.canonical in ("Civilians", None) and _generic_person(c):
        c.actor1 = Mention(c.actor1.span, unknown_perpetrator())  # "two men executed ...", "individuals abducted ..."
    if c.type == "Violence against civilians" and (c.actor2 is None or c.actor2.canonical is None):
        # who violence against civilians is against, by definition ("attacked Kesta village")
        c.actor2 = Mention(c.actor2.span if c.actor2 is not None else span, "Civilians")
    name = {"Protests": "Protesters", "Riots": "Rioters"}.get(c.type)
    if name is None:
        return
    if c.actor1 is None:
        c.actor1 = Mention(span, name)
    elif not (c.actor1.canonical or "").startswith(("Protesters", "Rioters", "Police Forces", "Military Forces")):
        c.actor1 = Mention(c.actor1.span, name)


def merge_sentence(cands: list[Cand], rules: Rules) -> list[Cand]:
    """Several words of one happening in a sentence become one event: casualty words join a
    violent trigger; conjoined or nested triggers of one type join their head."""
    strong = [c for c in cands if not c.rule.casualty]
    out: list[Cand] = []
    for c in cands:
        if c.rule.casualty and any(s.violent or s.type == "Protests" for s in strong):
            _victims(strong, c, rules)
            continue
        host = _host(c, out) or (_same_told(c, out) if anaphoric(c) else None)
        nominal = c.trigger.pos in ("NOUN", "PROPN")
        same_kind = host is not None and (host.type == c.type or host.violent == c.violent)
        if host is not None and (nominal or (same_kind and (c.trigger.dep == "conj" or host.type == c.type))):
            _fill(host, c, rules)
            continue
        out.append(c)
    return sorted(out, key=lambda c: -salience(c))


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"})


def salience(c: Cand) -> int:
    """Rule weight, less 2 for each subordinate clause between the trigger and the root:
    "families whose children were kidnapped held a protest" is about the protest."""
    depth = sum(1 for a in (c.trigger, *c.sent.ancestors(c.trigger)) if a.dep in _CLAUSE_DEPS)
    return c.rule.weight - 2 * depth


def _victims(strong: list[Cand], c: Cand, rules: Rules) -> None:
    """"13 militants were killed when forces repulsed their attack": the dead are the target;
    armed dead make an attack a battle."""
    host = next((s for s in strong if s.violent), None)
    if host is not None and host.actor1 is None and c.actor1 is not None:
        host.actor1, host.roles = c.actor1, replace(host.roles, actor1=c.roles.actor1)
    if host is None or c.roles.actor2 is None:
        return
    if host.actor2 is None:
        host.actor2 = c.actor2
    if host.rule.armed_target and host.sub_type == "Attack" and _armed(c.sent, c.roles.actor2, rules):
        host.type, host.sub_type = host.rule.armed_target
    elif (
        host.type == "Battles"
        and host.roles.actor2 is None
        and host.trigger.lemma.lower() not in _RECIPROCAL
        and realised(c.sent, c.trigger, rules)
        and _civilian(c.sent, c.roles.actor2, rules.words("civilians"))
    ):
        host.type, host.sub_type = "Violence against civilians", "Attack"  # "rebels killed 3 villagers during an incursion"


_ARG_DEPS = frozenset({"dobj", "pobj", "prep", "compound", "conj", "nsubjpass", "appos"})


def _host(c: Cand, out: list[Cand]) -> Cand | None:
    """The trigger this one depends on: its head ("signed an agreement", "ambushed and fired"),
    or for a noun the verb it is an argument of ("recovered a quantity of explosives")."""
    by_token = {o.trigger.i: o for o in out}
    head = c.sent.head(c.trigger)
    if head is not None and head.i in by_token:
        return by_token[head.i]
    if c.trigger.pos not in ("NOUN", "PROPN"):
        return None
    cur = c.trigger
    for a in c.sent.ancestors(c.trigger, limit=3):
        if cur.dep not in _ARG_DEPS:
            return None
        if a.i in by_token:
            return by_token[a.i]
        cur = a
    return None


def _same_told(c: Cand, out: list[Cand]) -> Cand | None:
    """"Forces repelled an IS attack; the attack left 2 dead": the earlier trigger."""
    return next((o for o in out if o.trigger.lemma.lower() == c.trigger.lemma.lower() and o.trigger.i < c.trigger.i), None)


def _fill(host: Cand, c: Cand, rules: Rules) -> None:
    """"were ambushed and fired on by X": the conjoined verb lends its actors to the first
    (and an armed target it names makes the attack a battle)."""
    if host.actor1 is None and c.actor1 is not None:
        host.actor1, host.roles = c.actor1, replace(host.roles, actor1=c.roles.actor1)
    if host.actor2 is None and c.actor2 is not None:
        host.actor2, host.roles = c.actor2, replace(host.roles, actor2=c.roles.actor2)
        if host.rule.armed_target and host.sub_type == "Attack" and _armed(c.sent, c.roles.actor2, rules):
            host.type, host.sub_type = host.rule.armed_target


_ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})


def anaphoric(c: Cand) -> bool:
    """"the attack", "this explosion": a noun that names an event already told."""
    return c.trigger.pos == "NOUN" and any(k.text.lower() in _ANAPHORIC for k in c.sent.kids(c.trigger.i, "det"))


def absorbs(prev: Cand | None, c: Cand) -> bool:
    """A casualty clause without its own actor right after a violent event is its outcome
    ("They were ambushed ... As a result, 613 civilians were killed"); "the attack" / "the
    explosion" after a violent event is that event again."""
    if prev is None or not prev.violent or c.sent.index - prev.sent.index > 2:
        return False
    if c.rule.casualty and c.actor1 is None:
        return True
    return anaphoric(c) and c.violent and c.sent.index > prev.sent.index


def ellipsis(article: Article, sent: Sent, prev: Cand | None, rules: Rules) -> Cand | None:
    """"This followed on 25 November by the X region": the previous event again, with the
    new sentence's own date and object."""
    if prev is None or sent.index - prev.sent.index > 2:
        return None
    for t in sent.tokens:
        if t.lemma.lower() not in rules.words("ellipsis") or t.pos != "VERB":
            continue
        subj = next(sent.kids(t.i, "nsubj", "nsubjpass"), None)
        if subj is None or subj.text.lower() not in _DEMONSTRATIVE:
            continue
        obj = next((k for p in sent.kids(t.i, "agent", "prep") if p.text.lower() == "by" for k in sent.kids(p.i, "pobj")), None)
        roles = Roles(prev.roles.actor1, prev.roles.actor2, prev.roles.assoc, obj)
        return Cand(sent, t, prev.rule, prev.type, prev.sub_type, roles, prev.actor1, prev.actor2, prev.assoc, inherited_from=prev)
    return None


def refine(cands: list[Cand], doc: tuple[frozenset[str], frozenset[str], frozenset[str]], rules: Rules) -> None:
    """Sub-type refinements (``[[refine]]`` in rules.toml); ``doc`` = (lemmas, active verb
    lemmas, verb lemmas) of the whole article."""
    for c in cands:
        for r in rules.refinements:
            if c.type == r.when[0] and r.when[1] in ("*", c.sub_type) and _refine_applies(r, c, doc):
                c.type, c.sub_type = r.type, r.sub_type
                _default_actor_after_refine(c)
                break


def _refine_applies(r: Refinement, c: Cand, doc: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> bool:
    words, active, verbs = (c.sent.lemmas, c.sent.verbs, c.sent.verbs_any) if r.scope == "sentence" else doc
    hits = words & r.cues

    def counts(w: str) -> bool:
        if w in r.verbs_only:
            return w in active
        if w in r.any_verb:
            return w in verbs
        return True

    if not any(counts(w) for w in hits):
        return False
    if r.needs and not (words & r.needs):
        return False
    return not (r.unless and words & r.unless)


def _default_actor_after_refine(c: Cand) -> None:
    if c.type == "Riots" and c.actor1 is not None and c.actor1.canonical in ("Protesters", "Civilians", None):
        c.actor1 = replace(c.actor1, canonical="Rioters")


def residual(article: Article, sents: tuple[Sent, ...], rules: Rules) -> Cand | None:
    """The catch-all event of an article where no trigger fires: the main verb of the first
    sentence that has one (see ``[residual]`` in rules.toml)."""
    if rules.residual is None:
        return None
    for sent in sents:
        verb = next((t for t in sent.tokens if t.dep == "ROOT" and t.pos == "VERB"), None)
        verb = verb or next((t for t in sent.tokens if t.pos == "VERB"), None)
        if verb is not None:
            return candidate(article, sent, Hit(verb, rules.residual), rules)
    return None
