# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Wat-als: vergelijkingen van casussen, varianten en beleid, en wat er moet veranderen voor een
ander advies. De varianten zelf staan in `varianten.py`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from .advies import Advies, hinderlijke_effecten
from .beoordelen import Beoordelaar
from .casus import Casus, Fase
from .feiten import Feiten, feiten_van
from .fouten import InvoerFout
from .varianten import Variant, genest, pas_toe
from .regels import ADVIES_RANG, INSPANNING_GEWICHT, Advieswoord, Effect, Inspanning, Toets, lees_voorwaarde, waar

_ALTIJD = Toets("fase", "bekend")

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
    criterium_naam: str
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
            verschillen.append(Verschil(regel=regel, criterium=voorbeeld.criterium,
                                        criterium_naam=voorbeeld.criterium_naam, uitleg=voorbeeld.uitleg,
                                        per_kolom=effecten))
    return Vergelijking(kolommen=kolommen, verschillen=verschillen)


# --- wat moet er veranderen ---------------------------------------------------------------

class VoorgesteldeActie(Uitvoer):
    id: str
    tekst: str
    inspanning: Inspanning


class Voorstel(Uitvoer):
    acties: list[VoorgesteldeActie]
    inspanning: int  # licht = 1, middel = 2, zwaar = 3, opgeteld
    wijzigingen: dict[str, Any]  # veldpad -> nieuwe waarde, zoals --wat-als ze neemt
    advies: Advieswoord
    advies_tekst: str
    verdwenen: list[str]
    nieuw: list[str]
    lost_op: list[str]  # de criteria (naam) van de bevindingen die verdwijnen


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


MAX_GROOTTE = 3
MAX_EVALUATIES = 20_000
MAX_VOORSTELLEN = 12


def standaarddoel(fase: Fase) -> Advieswoord:
    return ADVIES_RANG[fase][-1]


class Zoeker:
    """Zoekt de kleinste sets acties die een casus naar het doeladvies brengen.

    Alleen de acties uit het regelpakket worden voorgesteld: handelingen die de gemeente zelf nog
    kan doen, elk met een inspanning. Een uitkomst uit het verleden, een gesteld doel, een feit van
    de wereld of een bedrag net onder een drempel staat in geen actie en wordt dus nooit voorgesteld.
    Het zoeken volgt de bevindingen: een set wordt alleen uitgebreid met acties die een veld zetten
    dat een nog vurende blokkerende of voorwaardelijke regel leest. Dat vindt elke minimale set:
    zolang het doel niet bereikt is, moet minstens één van die regels ophouden met vuren, en dat kan
    alleen door een veld dat hij leest.
    """

    def __init__(self, beoordelaar: Beoordelaar):
        self.b = beoordelaar
        self.acties = beoordelaar.pakket.kop.acties
        per_veld: dict[str, list[str]] = {}
        for naam, actie in self.acties.items():
            for veld in actie.zet:
                per_veld.setdefault(veld, []).append(naam)
        self._alleen_als = {naam: lees_voorwaarde(a.alleen_als) for naam, a in self.acties.items()
                            if a.alleen_als is not None}
        self._per_regel: dict[str, list[str]] = {
            regel.id: sorted({a for v in regel.basisvelden for a in per_veld.get(v, [])})
            for regel in beoordelaar.pakket.regels}

    def _al_gedaan(self, naam: str, basis: Feiten) -> bool:
        """Zet de actie alleen wat al zo is? Dan valt er niets te doen."""
        for veld, waarde in self.acties[naam].zet.items():
            if veld == "opgave.omschrijving":
                if basis.get("opgave.benoemd") != "ja":
                    return False
            elif basis.get(veld) != waarde:
                return False
        return True

    def _feiten(self, basis: Feiten, set_: tuple[str, ...]) -> Feiten:
        feiten = dict(basis)
        for naam in set_:
            for veld, waarde in self.acties[naam].zet.items():
                if veld == "opgave.omschrijving":
                    feiten["opgave.benoemd"] = "ja"
                else:
                    feiten[veld] = waarde
        return feiten

    def inspanning(self, set_: tuple[str, ...]) -> int:
        return sum(INSPANNING_GEWICHT[self.acties[a].inspanning] for a in set_)

    def zoek(self, casus: Casus, doel: Advieswoord) -> Zoekresultaat:
        rang = ADVIES_RANG[casus.fase]
        basis = feiten_van(casus)
        beginregels = self.b.gevuurd(basis)
        huidig = self.b.advieswoord(beginregels, casus.fase)
        hinder = hinderlijke_effecten(self.b.pakket.kop.adviestabel, casus.fase, doel)
        gevonden: list[tuple[str, ...]] = []
        onderzocht = 0
        volledig = True
        laag: list[tuple[tuple[str, ...], list[str]]] = [((), beginregels)]
        gezien: set[tuple[str, ...]] = {()}
        for stap in range(MAX_GROOTTE):
            volgende = []
            for set_, ids in laag:
                vurend = [r for r in ids if self.b.pakket.regel(r).regel.effect in hinder]
                if self._ondergrens(vurend, set_) > MAX_GROOTTE - stap:
                    continue  # met de resterende acties is het doel hier niet meer te halen
                kandidaten = sorted({a for r in vurend for a in self._per_regel[r]} - set(set_))
                for naam in kandidaten:
                    if self._al_gedaan(naam, basis) or waar(self._alleen_als.get(naam, _ALTIJD), basis) is False:
                        continue
                    nieuw = tuple(sorted(set_ + (naam,)))
                    if nieuw in gezien or any(set(g) <= set(nieuw) for g in gevonden):
                        continue
                    gezien.add(nieuw)
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
        gevonden.sort(key=lambda set_: (self.inspanning(set_), len(set_), set_))
        # Elk voorstel wordt volledig beoordeeld; blijven er kernvragen open, zodat het advies
        # 'onvoldoende informatie' is, dan haalt het voorstel het doel (nog) niet.
        kandidaten = [self._voorstel(casus, set_, set(beginregels)) for set_ in gevonden[:MAX_VOORSTELLEN]]
        voorstellen = [v for v in kandidaten if v.advies in rang and rang.index(v.advies) >= rang.index(doel)]
        hinderlijk = [r for r in beginregels if self.b.pakket.regel(r).regel.effect in hinder]
        toelichting = self._toelichting(huidig, doel, hinderlijk, voorstellen, rang)
        if len(voorstellen) < len(kandidaten):
            toelichting += (" Sommige acties halen het doel pas als eerst de kernvragen beantwoord zijn "
                            "(zie 'eerst uitzoeken' bij beoordeel).")
        volledig_advies = self.b.beoordeel(casus).advies
        if volledig_advies == Advieswoord.onvoldoende_informatie:
            # Het echte advies is nog geen advies: dat eerst zeggen, niet 'er hoeft niets te veranderen'.
            huidig = volledig_advies
            toelichting = ("Er is nog geen advies: de kernvragen zijn niet beantwoord (zie 'Eerst uitzoeken' bij "
                           "beoordeel). " + (toelichting if voorstellen else
                                             "Zoek die eerst uit; daarna kan de toets zeggen wat er moet veranderen."))
        return Zoekresultaat(casus=casus.naam, huidig_advies=huidig, doel=doel, doel_tekst=doel.tekst,
                             voorstellen=voorstellen, onderzocht=onderzocht,
                             toelichting=toelichting,
                             volledig=volledig and len(gevonden) <= MAX_VOORSTELLEN,
                             niet_voorgesteld=self._vaste_feiten(hinderlijk))

    def _toelichting(self, huidig, doel, hinderlijk, voorstellen, rang) -> str:
        if rang.index(huidig) > rang.index(doel):
            return (f"Het huidige advies ({huidig.tekst}) is al beter dan het doel. Deze opdracht zoekt alleen wat "
                    "nodig is voor een beter advies, niet voor een slechter.")
        if rang.index(huidig) == rang.index(doel):
            return "Het advies is al gelijk aan het doel; er hoeft niets te veranderen."
        if voorstellen:
            return ("Elk voorstel is opnieuw volledig beoordeeld; de voorstellen met de minste inspanning "
                    "staan bovenaan.")
        vast = [r for r in hinderlijk if not self._per_regel[r]]
        if vast:
            criteria = self.b.pakket.kop.criteria
            namen = list(dict.fromkeys(criteria[self.b.pakket.regel(r).regel.criterium].naam.lower() for r in vast))
            return ("Niet te bereiken met wat de gemeente zelf nog kan doen: de bevindingen over "
                    + ", ".join(namen) + " hangen alleen af van zaken die de gemeente niet zelf kan veranderen "
                    "(zoals de uitkomst van een evaluatie, feiten over de wereld of de doelen van de samenwerking).")
        return f"Geen set van hooguit {MAX_GROOTTE} acties bereikt dit advies."

    def _ondergrens(self, vurend: list[str], set_) -> int:
        """Hoeveel acties er minstens nog nodig zijn: regels zonder gemeenschappelijke actie vragen
        elk een eigen actie; een regel waar geen actie iets aan doet, blijft altijd vuren."""
        al = set(set_)
        nodig, bezet = 0, set()
        for r in vurend:
            acties = set(self._per_regel[r]) - al
            if not acties:
                return MAX_GROOTTE + 1
            if not acties & bezet:
                nodig += 1
                bezet |= acties
        return nodig

    def _vaste_feiten(self, regels: list[str]) -> list[str]:
        """De velden die hinderlijke regels lezen en die geen actie zet: die stelt de toets nooit voor."""
        gezet = {v for a in self.acties.values() for v in a.zet}
        vast = set()
        for r in regels:
            vast |= {v for v in self.b.pakket.regel(r).basisvelden if v != "fase" and v not in gezet}
        return sorted(vast)

    def _voorstel(self, casus: Casus, set_: tuple[str, ...], beginregels: set[str]) -> Voorstel:
        wijzigingen = {veld: waarde for naam in set_ for veld, waarde in self.acties[naam].zet.items()}
        variant = Variant(naam="voorstel", omschrijving="", wijzigingen=genest(wijzigingen),
                          herkomst="--wat-als", plat=wijzigingen)
        # elk voorstel opnieuw beoordeeld (advies, bandbreedte en kernvragen; de analyse per onbekend veld,
        # die alleen in een volledig advies staat, is hier niet nodig)
        advies = self.b.kort(pas_toe(casus, variant))
        na = set(advies.gevuurd)
        volgorde = {r.id: i for i, r in enumerate(self.b.pakket.regels)}
        acties = sorted(set_, key=lambda a: (INSPANNING_GEWICHT[self.acties[a].inspanning], a))
        verdwenen = sorted(beginregels - na, key=volgorde.get)
        criteria = self.b.pakket.kop.criteria
        lost_op = list(dict.fromkeys(criteria[self.b.pakket.regel(r).regel.criterium].naam for r in verdwenen))
        return Voorstel(acties=[VoorgesteldeActie(id=a, tekst=self.acties[a].tekst,
                                                  inspanning=self.acties[a].inspanning) for a in acties],
                        inspanning=self.inspanning(set_), wijzigingen=wijzigingen, advies=advies.advies,
                        advies_tekst=advies.advies.tekst, verdwenen=verdwenen,
                        nieuw=sorted(na - beginregels, key=volgorde.get), lost_op=lost_op)


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
    if resultaat.huidig_advies not in rang:  # nog geen advies: eerst de kernvragen, geen tussendoel
        return resultaat, None
    if doel is None and not resultaat.voorstellen and rang.index(resultaat.huidig_advies) + 1 < rang.index(gekozen):
        return resultaat, zoeker.zoek(casus, rang[rang.index(resultaat.huidig_advies) + 1])
    return resultaat, None
