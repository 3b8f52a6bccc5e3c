"""Wat-als: varianten van een casus, vergelijkingen, en wat er moet veranderen voor een ander advies.

Een variant is een benoemde, pure transformatie van een casus: een groep gewijzigde velden
(uit `--wat-als pad=waarde` of uit een klein variantbestand). De oorspronkelijke casus blijft
ongewijzigd; de variant wordt net zo gecontroleerd als een casusbestand.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .advies import Advies, hinderlijke_effecten
from .beoordelen import Beoordelaar
from .casus import CATALOGUS, ONBEKEND, Casus, Fase, suggestie
from .feiten import Feiten, feiten_van
from .fouten import CasusFout, InvoerFout
from .laden import Gelezen, casusvelden, lees_waarde, meldingen_uit
from .regels import ADVIES_RANG, Advieswoord, Effect

# Velden die een variant kan wijzigen: elk veld van het casusformaat behalve de afgeleide.
WIJZIGBAAR = [pad for pad, v in CATALOGUS.items() if not v.afgeleid and "[]" not in pad]


@dataclass(frozen=True)
class Variant:
    """Een benoemde wijziging van een casus; `wijzigingen` heeft de vorm van een casusbestand."""

    naam: str
    omschrijving: str
    wijzigingen: dict[str, Any]
    herkomst: str
    plat: dict[str, Any] = field(default_factory=dict)  # pad -> waarde, zoals --wat-als ze schrijft
    bestand: Gelezen | None = None  # het variantbestand, voor regelnummers in foutmeldingen


def lees_wat_als(teksten: list[str]) -> Variant:
    """Eén variant uit een of meer `pad=waarde`-teksten; een fout veld of woord is een InvoerFout."""
    plat: dict[str, Any] = {}
    for tekst in teksten:
        pad, is_, ruw = tekst.partition("=")
        pad = pad.strip()
        if not is_ or not pad:
            raise InvoerFout(f"--wat-als '{tekst}': schrijf het als veld=waarde, bijvoorbeeld "
                             "juridische_vorm=centrumregeling.")
        if pad not in WIJZIGBAAR:
            hint = suggestie(pad, WIJZIGBAAR)
            raise InvoerFout(f"--wat-als '{tekst}': veld '{pad}' bestaat niet in het casusformaat.{hint}")
        plat[pad] = _waarde(ruw.strip(), tekst)
    naam = "wat-als: " + ", ".join(f"{p}={toon_waarde(w)}" for p, w in plat.items())
    return Variant(naam=naam, omschrijving="", wijzigingen=_genest(plat), herkomst="--wat-als", plat=plat)


def _waarde(ruw: str, tekst: str) -> Any:
    try:
        return lees_waarde(ruw) if ruw else ""
    except yaml.YAMLError:
        raise InvoerFout(f"--wat-als '{tekst}': de waarde '{ruw}' is niet te lezen; gebruik een woord, "
                         "een getal of een lijst zoals [a, b].") from None


def toon_waarde(waarde: Any) -> str:
    """Een waarde zoals --wat-als haar schrijft: woord, getal of [a, b]."""
    if isinstance(waarde, list):
        return "[" + ", ".join(str(w) for w in waarde) + "]"
    if waarde is None:
        return ONBEKEND
    return str(waarde)


def _genest(plat: dict[str, Any]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for pad, waarde in plat.items():
        *groepen, naam = pad.split(".")
        doel = uit
        for groep in groepen:
            doel = doel.setdefault(groep, {})
        doel[naam] = waarde
    return uit


def _samenvoegen(basis: dict, wijzigingen: dict) -> dict:
    """Groepen worden per veld samengevoegd; een lijst of waarde vervangt; `null` haalt een veld
    weg (het wordt onbekend), zodat een variant bijvoorbeeld één partner kan laten vertrekken."""
    uit = copy.deepcopy(basis)
    for sleutel, waarde in wijzigingen.items():
        if waarde is None:
            uit.pop(sleutel, None)
        elif isinstance(waarde, dict) and waarde and isinstance(uit.get(sleutel), dict):
            uit[sleutel] = _samenvoegen(uit[sleutel], waarde)
        else:
            uit[sleutel] = copy.deepcopy(waarde)
    return uit


def casusdata(casus: Casus) -> dict[str, Any]:
    """De casus terug als data in de vorm van een casusbestand (alleen wat bekend is)."""
    return casus.model_dump(mode="json", by_alias=True, exclude_none=True)


def pas_toe(casus: Casus, variant: Variant) -> Casus:
    """De casus met de wijzigingen van de variant; de casus zelf verandert niet.

    Een fout wordt gemeld zoals bij een casusbestand, met de regelnummers uit het
    variantbestand (of zonder regelnummer bij --wat-als).
    """
    data = _samenvoegen(casusdata(casus), variant.wijzigingen)
    try:
        return Casus.model_validate(data)
    except ValidationError as fout:
        bron = variant.bestand or Gelezen(Path(variant.herkomst), variant.wijzigingen)
        raise CasusFout(f"De variant '{variant.naam}' geeft geen geldige casus:",
                        meldingen_uit(fout, bron, casusvelden)) from None


# --- vergelijken -------------------------------------------------------------------------

class Uitvoer(BaseModel):
    # defer_build: pas opbouwen bij het eerste gebruik; `beoordeel` heeft deze modellen niet nodig.
    model_config = ConfigDict(frozen=True, defer_build=True)


class Kolom(Uitvoer):
    label: str
    casus: str
    variant: str | None
    variant_omschrijving: str | None
    regelpakket: str
    advies: Advies


class Verschil(Uitvoer):
    """Een regel die niet in elke kolom (met hetzelfde effect) vuurt; per kolom het effect of None."""

    regel: str
    criterium: str
    uitleg: str
    per_kolom: list[Effect | None]


class Vergelijking(Uitvoer):
    kolommen: list[Kolom]
    verschillen: list[Verschil]


def vergelijk(kolommen: list[Kolom]) -> Vergelijking:
    per_kolom = [{b.regel: b for b in k.advies.bevindingen} for k in kolommen]
    alle = list(dict.fromkeys(r for bevindingen in per_kolom for r in bevindingen))
    verschillen = []
    for regel in alle:
        effecten = [b[regel].effect if regel in b else None for b in per_kolom]
        if len(set(effecten)) > 1:
            voorbeeld = next(b[regel] for b in per_kolom if regel in b)
            verschillen.append(Verschil(regel=regel, criterium=voorbeeld.criterium, uitleg=voorbeeld.uitleg,
                                        per_kolom=effecten))
    return Vergelijking(kolommen=kolommen, verschillen=verschillen)


# --- wat moet er veranderen ---------------------------------------------------------------

class Voorstel(Uitvoer):
    wijzigingen: dict[str, Any]
    advies: Advieswoord
    advies_tekst: str
    verdwenen: list[str]
    nieuw: list[str]


class Zoekresultaat(Uitvoer):
    casus: str
    huidig_advies: Advieswoord
    doel: Advieswoord
    doel_tekst: str
    voorstellen: list[Voorstel]
    onderzocht: int
    volledig: bool
    niet_voorgesteld: list[str]
    toelichting: str


NEGATIEF = {Effect.blokkerend, Effect.voorwaarde}
MAX_GROOTTE = 3
MAX_EVALUATIES = 20_000
MAX_VOORSTELLEN = 12
OPGAVE_TEKST = "(te benoemen maatschappelijke opgave)"


def standaarddoel(fase: Fase) -> Advieswoord:
    return ADVIES_RANG[fase][-1]


class Zoeker:
    """Zoekt de kleinste sets veldwijzigingen die een casus naar het doeladvies brengen.

    Alleen velden die een gemeente zelf kan veranderen worden voorgesteld (geen feiten van de
    wereld zoals `taak.wettelijk_verplicht_regionaal`). Het zoeken volgt de bevindingen: een
    set wordt alleen uitgebreid met velden die een nog vurende blokkerende of voorwaardelijke
    regel leest. Dat vindt elke minimale set: zolang het doel niet bereikt is, moet minstens
    één van die regels ophouden met vuren, en dat kan alleen door een veld dat hij leest.
    """

    def __init__(self, beoordelaar: Beoordelaar):
        self.b = beoordelaar
        self._leest: dict[str, list[str]] = {}
        for regel in beoordelaar.pakket.regels:
            self._leest[regel.id] = sorted(v for v in regel.basisvelden if self._voorstelbaar(v))

    @staticmethod
    def _voorstelbaar(pad: str) -> bool:
        info = CATALOGUS.get(pad)
        if info is None or info.wereldfeit or info.afgeleid or "[]" in pad:
            return False
        return info.leesbaar or pad == "opgave.omschrijving"

    def kandidaten(self, pad: str, huidig: Any) -> list[Any]:
        info = CATALOGUS[pad]
        if pad == "opgave.omschrijving":
            return [OPGAVE_TEKST]
        if info.soort == "woord":
            return [w for w in info.waarden if w != huidig]
        if info.soort == "woorden":
            basis = list(huidig or [])
            erbij = [basis + [w] for w in info.waarden if w not in basis]
            eraf = [[x for x in basis if x != w] for w in basis]
            return erbij + eraf
        # Getallen: net onder en op elke grens uit de regels (nooit 'maak het nul').
        return [w for w in self.b.kandidaten(pad) if w != huidig and w != 0]

    def _feiten(self, basis: Feiten, set_: tuple[tuple[str, Any], ...]) -> Feiten:
        feiten = dict(basis)
        for pad, waarde in set_:
            if pad == "opgave.omschrijving":
                feiten["opgave.benoemd"] = "ja"
            else:
                feiten[pad] = waarde
        return feiten

    def zoek(self, casus: Casus, doel: Advieswoord) -> Zoekresultaat:
        rang = ADVIES_RANG[casus.fase]
        basis = feiten_van(casus)
        beginregels = self.b.gevuurd(basis)
        huidig = self.b.advieswoord(beginregels, casus.fase)
        hinder = hinderlijke_effecten(self.b.pakket.kop.adviestabel, casus.fase, doel)
        gevonden: list[tuple[tuple[str, Any], ...]] = []
        onderzocht = 0
        volledig = True
        laag: list[tuple[tuple[tuple[str, Any], ...], list[str]]] = [((), beginregels)]
        gezien: set[frozenset] = {frozenset()}
        for stap in range(MAX_GROOTTE):
            volgende = []
            for set_, ids in laag:
                vurend = [r for r in ids if self.b.pakket.regel(r).regel.effect in hinder]
                if self._ondergrens(vurend, set_) > MAX_GROOTTE - stap:
                    continue  # met de resterende wijzigingen is het doel hier niet meer te halen
                velden = sorted({v for r in vurend for v in self._leest[r]} - {p for p, _ in set_})
                for pad in velden:
                    huidige_waarde = basis.get(pad) if pad != "opgave.omschrijving" else None
                    for waarde in self.kandidaten(pad, huidige_waarde):
                        nieuw = tuple(sorted(set_ + ((pad, _bevroren(waarde)),)))
                        sleutel = frozenset(nieuw)
                        if sleutel in gezien or any(frozenset(g) <= sleutel for g in gevonden):
                            continue
                        gezien.add(sleutel)
                        if onderzocht >= MAX_EVALUATIES:
                            volledig = False
                            break
                        onderzocht += 1
                        nieuwe_ids = self.b.gevuurd(self._feiten(basis, nieuw))
                        if rang.index(self.b.advieswoord(nieuwe_ids, casus.fase)) >= rang.index(doel):
                            gevonden.append(nieuw)
                        else:
                            volgende.append((nieuw, nieuwe_ids))
            laag = volgende
        gevonden.sort(key=lambda set_: (len(set_), repr(set_)))
        voorstellen = [self._voorstel(casus, set_, set(beginregels)) for set_ in gevonden[:MAX_VOORSTELLEN]]
        voorstellen.sort(key=lambda v: (len(v.wijzigingen), len(v.nieuw)))
        hinderlijk = [r for r in beginregels if self.b.pakket.regel(r).regel.effect in hinder]
        return Zoekresultaat(casus=casus.naam, huidig_advies=huidig, doel=doel, doel_tekst=doel.tekst,
                             voorstellen=voorstellen, onderzocht=onderzocht,
                             toelichting=self._toelichting(huidig, doel, hinderlijk, voorstellen, rang),
                             volledig=volledig and len(gevonden) <= MAX_VOORSTELLEN,
                             niet_voorgesteld=self._vaste_feiten(hinderlijk))

    def _toelichting(self, huidig, doel, hinderlijk, voorstellen, rang) -> str:
        if rang.index(huidig) >= rang.index(doel):
            return "Het advies is al minstens zo goed als het doel; er hoeft niets te veranderen."
        if voorstellen:
            return "Elk voorstel is opnieuw volledig beoordeeld; de kleinste sets staan bovenaan."
        vast = [r for r in hinderlijk if not self._leest[r]]
        if vast:
            onderwerp = f"de regel {vast[0]} hangt" if len(vast) == 1 else f"de regels {', '.join(vast)} hangen"
            return (f"Niet te bereiken met wijzigingen die de gemeente zelf kan maken: {onderwerp} alleen af "
                    "van feiten die de toets nooit voorstelt.")
        return f"Geen set van hooguit {MAX_GROOTTE} wijzigingen bereikt dit advies."

    def _ondergrens(self, vurend: list[str], set_) -> int:
        """Hoeveel wijzigingen er minstens nog nodig zijn: regels zonder gemeenschappelijk veld
        vragen elk een eigen wijziging; een regel zonder wijzigbaar veld blijft altijd vuren."""
        al = {p for p, _ in set_}
        nodig, bezet = 0, set()
        for r in vurend:
            velden = set(self._leest[r]) - al
            if not velden:
                return MAX_GROOTTE + 1
            if not velden & bezet:
                nodig += 1
                bezet |= velden
        return nodig

    def _vaste_feiten(self, regels: list[str]) -> list[str]:
        """De feiten van de wereld die hinderlijke regels lezen: die stelt de toets nooit voor."""
        vast = set()
        for r in regels:
            vast |= {v for v in self.b.pakket.regel(r).basisvelden if v != "fase" and not self._voorstelbaar(v)}
        return sorted(vast)

    def _voorstel(self, casus: Casus, set_, beginregels: set[str]) -> Voorstel:
        wijzigingen = {pad: _ontdooid(w) for pad, w in set_}
        variant = Variant(naam="voorstel", omschrijving="", wijzigingen=_genest(wijzigingen),
                          herkomst="--wat-als", plat=wijzigingen)
        advies = self.b.beoordeel(pas_toe(casus, variant))  # elk voorstel opnieuw volledig beoordeeld
        na = {b.regel for b in advies.bevindingen}
        volgorde = {r.id: i for i, r in enumerate(self.b.pakket.regels)}
        return Voorstel(wijzigingen=wijzigingen, advies=advies.advies, advies_tekst=advies.advies_tekst,
                        verdwenen=sorted(beginregels - na, key=volgorde.get),
                        nieuw=sorted(na - beginregels, key=volgorde.get))


def _bevroren(waarde: Any) -> Any:
    return tuple(waarde) if isinstance(waarde, list) else waarde


def _ontdooid(waarde: Any) -> Any:
    return list(waarde) if isinstance(waarde, tuple) else waarde


# --- samenstellen voor de opdrachtregel ------------------------------------------------------

def kolommen(casussen: list[Casus], varianten: list[Variant], beoordelaars: list[Beoordelaar]) -> list[Kolom]:
    """De kolommen van een vergelijking: elke casus (of de casus met elke variant) onder elk pakket."""
    if varianten and len(casussen) != 1:
        raise InvoerFout("--wat-als en --variant werken op precies één casus; geef er één.")
    reeks: list[tuple[Casus, Variant | None]] = [(c, None) for c in casussen]
    if varianten:
        reeks += [(pas_toe(casussen[0], v), v) for v in varianten]
    if len(reeks) * len(beoordelaars) < 2:
        raise InvoerFout("Er valt niets te vergelijken: geef twee of meer casussen, of één casus met "
                         "--wat-als of --variant, of twee keer --regels.")
    uit = []
    for casus, variant in reeks:
        for b in beoordelaars:
            pakket = f"{b.pakket.naam} {b.pakket.versie}"
            label = variant.naam if variant else casus.naam
            if len(beoordelaars) > 1:
                label += f" ({pakket})"
            uit.append(Kolom(label=label, casus=casus.naam, variant=variant.naam if variant else None,
                             variant_omschrijving=variant.omschrijving if variant else None,
                             regelpakket=pakket, advies=b.beoordeel(casus)))
    return uit


def met_varianten(casus: Casus, varianten: list[Variant]) -> tuple[Casus, str | None]:
    """De casus met alle varianten na elkaar toegepast, en de naam van die combinatie."""
    for variant in varianten:
        casus = pas_toe(casus, variant)
    return casus, " + ".join(v.naam for v in varianten) or None


def kies_doel(casus: Casus, doel: str | None) -> Advieswoord:
    if doel is None:
        return standaarddoel(casus.fase)
    woord = Advieswoord(doel)
    if woord not in ADVIES_RANG[casus.fase]:
        keuzes = ", ".join(w.value for w in ADVIES_RANG[casus.fase])
        raise InvoerFout(f"Het doel '{doel}' hoort niet bij een {'voorstel' if casus.fase == Fase.voorstel else 'lopende samenwerking'}; "
                         f"kies uit: {keuzes}.")
    return woord


def zoek_met_tussendoel(zoeker: Zoeker, casus: Casus, doel: str | None) -> tuple[Zoekresultaat, Zoekresultaat | None]:
    """Zoek naar het doel; is het standaarddoel niet binnen drie wijzigingen te halen, zoek dan ook
    naar het eerstvolgende betere advies."""
    gekozen = kies_doel(casus, doel)
    resultaat = zoeker.zoek(casus, gekozen)
    rang = ADVIES_RANG[casus.fase]
    if doel is None and not resultaat.voorstellen and rang.index(resultaat.huidig_advies) + 1 < rang.index(gekozen):
        return resultaat, zoeker.zoek(casus, rang[rang.index(resultaat.huidig_advies) + 1])
    return resultaat, None
