# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De adapter naar durable_rules: het ENIGE module dat durable_rules importeert.

Het vertaalt voorwaardenbomen naar durable_rules' eigen operatoren en evalueert één set
feiten per keer. De rest van de engine ziet nooit een `sid`. De valkuilen uit
`durable-rules.md` worden hier opgevangen:

1. hooguit 1.024 levende states: elke set evalueert in één eigen state, die na elke evaluatie leeg is (het feit
   wordt ingetrokken); bij een fout gaat de state weg (`delete_state`) en komt er een verse;
2. een feit dat op geen regel past geeft een uitzondering: elke set heeft een hartslagregel
   die op elk feit vuurt, en die ook bewijst dat de evaluatie echt gebeurd is;
3. feiten (assert_fact), geen events;
4. een OF vuurt per geldige tak: treffers worden per regel ontdubbeld;
5. `sid` en `id` zijn geen domeinvelden;
6. acties nemen precies één argument `c`; de regel-id zit in een closure;
7. namen van rulesets zijn procesbreed: de naam bevat een hash van de inhoud en een set
   wordt nooit opnieuw gedefinieerd;
8. uitzonderingen in acties verdwijnen in de state: na elke evaluatie wordt daarop gecontroleerd;
9. achtergrondtimers: de Host start ze niet (zie _StilleHost) en alle aanroepen lopen via één slot;
10. een conditie met alleen `$nex`/`$ex` laat de engine vastlopen: elke conditie krijgt een anker;
11. hooguit 255 eigenschappen per feit: gecontroleerd voordat het feit de engine in gaat;
12. de kern loopt het alfanetwerk door met een stapel van 64 plaatsen (MAX_STACK_SIZE in events.c);
    passen er bij één feit meer knopen tegelijk, dan weigert hij het feit met foutcode 303. Hier
    gereproduceerd met een casus die alle thema's en een volledige scan invult. Daarom wordt een
    pakket verdeeld over delen waarin hooguit STAPELBUDGET knopen tegelijk kunnen passen: het aantal
    takken (na uitschrijven van elke OF) plus de langste tak. Elk deel is een eigen ruleset.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import sys
import threading
from typing import Any, Iterator, Sequence

import orjson


def _laad_kern():
    """Laad de C-kern van durable_rules, ook op Python 3.13.

    durable-rules 2.0.28 (2020) roept in vijf terugroepfuncties voor opslag buiten het proces (berichten bewaren,
    wachtrijen, de toestand bij stilstand) PyEval_CallObject aan. Python 3.13 heeft die functie niet meer, en de
    kern laadt dan niet ('undefined symbol'). Die terugroepfuncties gebruikt deze toepassing nooit (zie
    _StilleHost: zetten weigert). Daarom laadt de kern op 3.13 met uitgestelde binding (RTLD_LAZY): een functie
    wordt pas opgezocht als zij wordt aangeroepen, en deze wordt nooit aangeroepen. Op 3.11 en 3.12 verandert er
    niets. De test tests/test_engine.py bewijst dat de kern op elke versie echt rekent."""
    if sys.version_info < (3, 13) or not hasattr(os, "RTLD_LAZY"):
        import durable_rules_engine
        return durable_rules_engine
    oud = sys.getdlopenflags()
    sys.setdlopenflags((oud & ~os.RTLD_NOW) | os.RTLD_LAZY)
    try:
        import durable_rules_engine
    finally:
        sys.setdlopenflags(oud)
    return durable_rules_engine


_kern = _laad_kern()

from durable import engine as _durable  # noqa: E402  (na de kern: die moet eerst zo geladen zijn)

from .fouten import EngineFout
from .regels import STAPELBUDGET, Alle, EenVan, Toets, Voorwaarde, takken

_SLOT = threading.RLock()
_HOST: _durable.Host | None = None
_SETS: dict[str, "Regelset"] = {}
_SID = itertools.count(1)
_TREFFERS: list[str] = []

HARTSLAG = "__hartslag"
FEITSOORT = "feitsoort"
MAX_EIGENSCHAPPEN = 255
_VERGELIJK = {"minstens": "$gte", "hoogstens": "$lte", "groter_dan": "$gt", "kleiner_dan": "$lt"}


class _StilleHost(_durable.Host):
    """Een Host zonder achtergrondtimers.

    durable's Host start bij het aanmaken twee timerthreads die elke 0,2 s acties van elke
    ruleset ophalen en uitvoeren, buiten ons slot om. Die 'stelen' dan af en toe een actie
    midden in een evaluatie (hier gereproduceerd: een regel die vuurde, ontbrak in het
    resultaat). Wij gebruiken geen timers of asynchrone acties, dus starten ze niet.
    """

    def _run(self):
        return None

    def _geen_terugroepfunctie(self, *_: Any) -> None:
        raise EngineFout("Opslag buiten het proces (terugroepfuncties van durable_rules) wordt niet gebruikt en is "
                         "uitgeschakeld: de kern roept ze op Python 3.13 niet veilig aan.")

    set_store_message_callback = set_delete_message_callback = set_queue_message_callback = \
        set_get_queued_messages_callback = set_get_idle_state_callback = _geen_terugroepfunctie


def _host() -> _durable.Host:
    global _HOST
    if _HOST is None:
        _HOST = _StilleHost()
    return _HOST


_NAMEN: dict[str, str] = {}  # veldpad -> eigenschapnaam in een durable-feit


def sleutel(pad: str) -> str:
    """De eigenschapnaam van een veldpad in een durable-feit: kort (v0, v1, ...), want de kern leest en hasht elke
    naam bij elke evaluatie (met de volledige paden als naam duurt een evaluatie een zesde langer). Een pad houdt in
    dit proces altijd dezelfde naam, dus dezelfde voorwaarden geven dezelfde regelset."""
    naam = _NAMEN.get(pad)
    if naam is None:
        with _SLOT:
            naam = _NAMEN.setdefault(pad, f"v{len(_NAMEN)}")
    return naam


def _toets(t: Toets, parameters: dict[str, float]) -> dict:
    k = sleutel(t.veld)
    if t.op == "is":
        return {k: t.waarde}
    if t.op == "niet":
        return {"$neq": {k: t.waarde}}
    if t.op == "in":
        return _of([{k: w} for w in t.waarde])
    if t.op == "onbekend":
        return {"$nex": {k: 1}}
    if t.op == "bekend":
        return {"$ex": {k: 1}}
    if t.op == "bevat":
        return _of([{"$iany": {k: {"$i": w}}} for w in t.waarde])
    if t.op == "bevat_geen":
        return {"$and": [{"$gt": {k + "__aantal": 0}}] + [{"$iall": {k: {"$neq": {"$i": w}}}} for w in t.waarde]}
    if t.op == "leeg":
        return {k + "__aantal": 0}
    if t.op == "niet_leeg":
        return {"$gt": {k + "__aantal": 0}}
    if t.op in _VERGELIJK:
        grens = parameters[t.parameter] if t.parameter is not None else t.waarde
        return {_VERGELIJK[t.op]: {k: grens}}
    raise EngineFout(f"De toets '{t.op}' kan niet naar de engine vertaald worden.")


def _of(delen: list[dict]) -> dict:
    return delen[0] if len(delen) == 1 else {"$or": delen}


def vertaal(voorwaarde: Voorwaarde, parameters: dict[str, float]) -> dict:
    """Een voorwaardenboom als durable_rules-conditie (JSON-vorm)."""
    if isinstance(voorwaarde, Toets):
        return _toets(voorwaarde, parameters)
    delen = [vertaal(d, parameters) for d in voorwaarde.delen]
    if isinstance(voorwaarde, Alle):
        return {"$and": delen}
    if isinstance(voorwaarde, EenVan):
        return {"$or": delen}
    raise EngineFout("Onbekend soort voorwaarde.")


def _actie(regel_id: str):
    def actie(c):
        _TREFFERS.append(regel_id)
    return actie


def _feit(feiten: dict[str, Any], sid: str, velden: dict[str, str]) -> dict[str, Any]:
    """Het durable-feit met alleen de velden die de regelset leest (`velden`: pad -> sleutel)."""
    feit: dict[str, Any] = {"sid": sid, FEITSOORT: "casus"}
    for pad, k in velden.items():
        if pad in feiten:
            waarde = feiten[pad]
            feit[k] = waarde
            if isinstance(waarde, list):
                feit[k + "__aantal"] = len(waarde)
    if len(feit) > MAX_EIGENSCHAPPEN:
        raise EngineFout(f"Te veel feiten voor één evaluatie ({len(feit)}; hooguit {MAX_EIGENSCHAPPEN}).")
    return feit


class Regelset:
    """Een gecompileerde set voorwaarden; `evalueer` geeft de ids die vuren, in setvolgorde.

    `evalueer` stuurt de C-kern van durable_rules rechtstreeks aan: feit erin, dan de
    acties één voor één ophalen en alleen hun naam noteren. Dat scheelt per gevuurde regel
    een JSON-heen-en-terug van de hele state in durable's Python-laag (ruim 3x sneller).
    `evalueer_via_host` doet hetzelfde via durable's eigen Host en Python-acties; de tests
    bewijzen dat beide wegen dezelfde regels laten vuren.
    """

    def __init__(self, naam: str, definitie: dict, ids: Sequence[str], velden: Sequence[str]):
        self.naam = naam
        self._ids = list(ids)
        self._plaats = {regel_id: n for n, regel_id in enumerate(self._ids)}  # de volgorde in de set
        # Alleen wat de regels lezen gaat de engine in: een kleiner feit matcht sneller.
        self._velden = {pad: sleutel(pad) for pad in velden}
        self._namen = {f"r{n:04d}": i for n, i in enumerate(ids)} | {HARTSLAG: HARTSLAG}
        self._geheugen: dict[tuple, tuple[str, ...]] = {}
        self._lijstplaatsen: tuple[int, ...] = ()  # waar in de sleutel een lijst kan staan (zoals thema's)
        self._sid = str(next(_SID))  # de state waarin deze set evalueert (leeg tussen twee evaluaties)
        with _SLOT:
            _host().register_rulesets({naam: definitie})
            self._handle = _host().get_ruleset(naam)._handle

    @contextlib.contextmanager
    def _sessie(self) -> Iterator[str]:
        """Eén verse sid onder het slot; de state wordt altijd opgeruimd, fouten worden EngineFout."""
        with _SLOT:
            sid = str(next(_SID))
            try:
                yield sid
            except EngineFout:
                raise
            except _durable.MessageNotHandledException:
                raise EngineFout("De engine kon de feiten niet verwerken (geen enkele regel paste).") from None
            except Exception as fout:  # durable_rules gooit kale Exceptions met alleen tekst
                raise EngineFout(f"De engine faalde tijdens de evaluatie: {fout}") from None
            finally:
                try:
                    _kern.delete_state(self._handle, sid)
                except Exception:
                    pass

    def evalueer(self, feiten: dict[str, Any]) -> list[str]:
        """De ids die vuren. Welke regels vuren, hangt alleen af van de feiten die deze set leest; dezelfde
        feiten geven dus dezelfde uitkomst, en die wordt onthouden (begrensd). Zo kost een completering voor
        de bandbreedte alleen een evaluatie van de delen waarvan ze een gelezen feit verandert."""
        sleutel = self._sleutel(feiten)
        try:
            bekend = self._geheugen.get(sleutel)
        except TypeError:  # een lijst op een nieuwe plaats: onthoud die plaats en maak er een tupel van
            self._lijstplaatsen = tuple(sorted(set(self._lijstplaatsen) | {
                i for i, w in enumerate(sleutel) if isinstance(w, list)}))
            sleutel = self._sleutel(feiten)
            try:
                bekend = self._geheugen.get(sleutel)
            except TypeError:  # ook zo niet te hashen (geneste lijsten): niet onthouden
                return self._evalueer(feiten)
        if bekend is not None:
            return list(bekend)
        uitkomst = self._evalueer(feiten)
        if len(self._geheugen) >= MAX_ONTHOUDEN:
            self._geheugen.clear()
        self._geheugen[sleutel] = tuple(uitkomst)
        return uitkomst

    def _sleutel(self, feiten: dict[str, Any]) -> tuple:
        """De gelezen feiten als sleutel voor het geheugen; een lijst wordt een tupel (alleen waar er een kan staan)."""
        sleutel = tuple(map(feiten.get, self._velden, itertools.repeat(_ONTBREEKT)))
        if not self._lijstplaatsen:
            return sleutel
        delen = list(sleutel)
        for i in self._lijstplaatsen:
            if type(delen[i]) is list:
                delen[i] = tuple(delen[i])
        return tuple(delen)

    def _evalueer(self, feiten: dict[str, Any]) -> list[str]:
        """Eén feit erin, de acties eruit, het feit weer ingetrokken: de state van deze set is daarna leeg en
        wordt voor de volgende evaluatie hergebruikt (een verse state per evaluatie kost ruim een kwart meer).
        Gaat er iets mis, dan gaat de state weg en krijgt de volgende evaluatie een verse: nooit een oud feit."""
        acties: list[str] = []
        with _SLOT:
            feit = _feit(feiten, self._sid, self._velden)
            feit["id"] = "feit"  # de identiteit van het feit in de state; ingetrokken voor het volgende
            tekst = _naar_json(feit)
            leeg = False
            try:
                code, state = _kern.assert_fact(self._handle, tekst)
                if code == 1:
                    raise EngineFout("De engine kon de feiten niet verwerken (geen enkele regel paste).")
                if code != 0:
                    raise EngineFout(f"De engine weigerde de feiten (code {code}).")
                bericht = _kern.start_action_for_state(self._handle, state)
                bericht = bericht[1] if bericht else None
                while bericht:  # '{"r0003":{"m":{...}}}': de naam van de actie staat vooraan
                    if not bericht.startswith('{"'):
                        raise EngineFout("De engine gaf een onverwacht antwoord.")
                    acties.append(bericht[2:bericht.index('"', 2)])
                    if len(acties) > 4 * len(self._namen):
                        raise EngineFout("De engine bleef acties geven; de evaluatie is afgebroken.")
                    bericht = _kern.complete_and_start_action(self._handle, state)
                _kern.retract_fact(self._handle, tekst)
                leeg = True
            except EngineFout:
                raise
            except Exception as fout:  # durable_rules gooit kale Exceptions met alleen tekst
                raise EngineFout(f"De engine faalde tijdens de evaluatie: {fout}") from None
            finally:
                if not leeg:
                    try:
                        _kern.delete_state(self._handle, self._sid)
                    except Exception:
                        pass
                    self._sid = str(next(_SID))
        return self._uitkomst([self._namen.get(a, a) for a in acties])

    def evalueer_via_host(self, feiten: dict[str, Any]) -> list[str]:
        """Dezelfde evaluatie via durable's eigen Host en Python-acties (referentie voor tests)."""
        with self._sessie() as sid:
            _TREFFERS.clear()
            _host().assert_fact(self.naam, _feit(feiten, sid, self._velden))
            uitzondering = _host().get_state(self.naam, sid).get("exception")
            treffers = list(_TREFFERS)
            _TREFFERS.clear()
        if uitzondering:
            raise EngineFout(f"Een regelactie faalde in de engine: {uitzondering}")
        return self._uitkomst(treffers)

    def _uitkomst(self, treffers: list[str]) -> list[str]:
        if HARTSLAG not in treffers:
            raise EngineFout("De engine gaf geen antwoord op deze casus; er is geen advies gemaakt.")
        plaats = self._plaats
        return sorted({t for t in treffers if t in plaats}, key=plaats.__getitem__)


_json_standaard = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # één keer gemaakt


def _als_getal(waarde: Any) -> float:
    """Voor orjson: een getal met zijn oorspronkelijke tekst (Kommagetal, een float) gaat als gewoon getal."""
    if isinstance(waarde, float):
        return float(waarde)
    raise TypeError(f"{type(waarde).__name__} kan niet in een feit")


def _naar_json(feit: dict[str, Any]) -> str:
    """Het feit als JSON voor de kern. orjson doet dat tien keer zo snel als de standaardbibliotheek (bij een
    overzicht van duizend casussen een twintigste seconde); een getal boven 64 bits kent orjson niet, dat gaat via
    de standaardbibliotheek, net als voorheen."""
    try:
        return orjson.dumps(feit, default=_als_getal).decode()
    except orjson.JSONEncodeError:
        return _json_standaard(feit)


MAX_ONTHOUDEN = 2_048  # uitkomsten per set; daarna begint het geheugen opnieuw (het blijft begrensd)
_ONTBREEKT = object()  # een feit dat niet bekend is (anders dan elke waarde)


def vergeet() -> None:
    """Vergeet alle onthouden uitkomsten (voor een meting van de engine zelf)."""
    with _SLOT:
        for regelset in _SETS.values():
            regelset._geheugen.clear()


def stapelgebruik(voorwaarden: Sequence[Voorwaarde]) -> int:
    """Hoeveel plaatsen van de stapel van de kern deze voorwaarden samen hooguit vragen."""
    alle = [t for v in voorwaarden for t in takken(v)]
    return len(alle) + max(alle, default=0)


def verdeel(items: Sequence[tuple[str, Voorwaarde]]) -> list[list[tuple[str, Voorwaarde]]]:
    """Verdeel de regels in pakketvolgorde over delen die elk binnen het stapelbudget blijven."""
    delen: list[list[tuple[str, Voorwaarde]]] = [[]]
    aantal, langste = 0, 0  # takken en langste tak van het huidige deel
    for item in items:
        eigen = takken(item[1])
        if len(eigen) + max(eigen) > STAPELBUDGET:
            raise EngineFout(f"De voorwaarde van regel '{item[0]}' is te groot voor de engine "
                             f"(meer dan {STAPELBUDGET} knopen); splits haar in kleinere regels.")
        if delen[-1] and aantal + len(eigen) + max(langste, max(eigen)) > STAPELBUDGET:
            delen.append([])
            aantal, langste = 0, 0
        delen[-1].append(item)
        aantal, langste = aantal + len(eigen), max(langste, max(eigen))
    return delen


class Regelsets:
    """Een pakket verdeeld over delen (zie punt 12); evalueert alle delen en voegt de uitkomst samen."""

    def __init__(self, delen: list[Regelset]):
        self.delen = delen

    def evalueer(self, feiten: dict[str, Any]) -> list[str]:
        return [i for deel in self.delen for i in deel.evalueer(feiten)]

    def evalueer_via_host(self, feiten: dict[str, Any]) -> list[str]:
        return [i for deel in self.delen for i in deel.evalueer_via_host(feiten)]


def regelset(voorvoegsel: str, items: Sequence[tuple[str, Voorwaarde]], parameters: dict[str, float]) -> Regelsets:
    """Compileer (of hergebruik) de regelsets voor deze voorwaarden, verdeeld binnen het stapelbudget.

    De naam van elk deel bevat een hash van de vertaalde voorwaarden: dezelfde inhoud krijgt dezelfde
    set, andere inhoud een andere naam; een naam wordt nooit opnieuw gedefinieerd.
    """
    return Regelsets([_deel(voorvoegsel, deel, parameters) for deel in verdeel(items)])


def _deel(voorvoegsel: str, items: Sequence[tuple[str, Voorwaarde]], parameters: dict[str, float]) -> Regelset:
    condities = [(i, vertaal(v, parameters)) for i, v in items]
    vingerafdruk = hashlib.sha256(json.dumps(condities, sort_keys=True).encode()).hexdigest()[:16]
    naam = f"{voorvoegsel}-{vingerafdruk}"
    with _SLOT:
        if naam not in _SETS:
            # Elke conditie krijgt een positief anker: een conditie die alleen uit $nex of $ex
            # bestaat, laat durable_rules 2.0.28 vastlopen (hier gereproduceerd).
            definitie: dict[str, Any] = {
                f"r{n:04d}": {"all": [{"m": {"$and": [{FEITSOORT: "casus"}, conditie]}}], "run": _actie(regel_id)}
                for n, (regel_id, conditie) in enumerate(condities)
            }
            definitie[HARTSLAG] = {"all": [{"m": {FEITSOORT: "casus"}}], "run": _actie(HARTSLAG)}
            velden = sorted({t.veld for _, v in items for t in v.toetsen()})
            _SETS[naam] = Regelset(naam, definitie, [i for i, _ in items], velden)
        return _SETS[naam]
