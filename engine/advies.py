# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Van bevindingen naar advies: het Advies-model en de beslistabel van het regelpakket.

De beslissing is klein en expliciet: de adviestabel in pack.yaml wordt van boven naar
beneden gelezen; de eerste rij waarvan het effect bij minstens één bevinding voorkomt,
bepaalt het advies ('anders' sluit de tabel af). Aandachtspunten en sterktes veranderen
het advies nooit zelf; ze worden gemeld en geteld.
"""

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from .casus import Fase
from .regels import ADVIES_RANG, EFFECT_VOLGORDE, Adviesrij, Advieswoord, Effect


class Uitvoer(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Bronvermelding(Uitvoer):
    """Waar een bevinding op steunt: document en sectie, en de korte verwijzing uit de regel."""

    verwijzing: str
    document: str
    uitgever: str
    sectie: str

    @property
    def tekst(self) -> str:
        return f"{self.document} ({self.uitgever}), {self.sectie}"


class Bevinding(Uitvoer):
    """Eén regel die vuurde: wat hij vond, hoe zwaar het weegt, waarom, en waar dat staat."""

    regel: str
    criterium: str
    criterium_naam: str
    effect: Effect
    effect_pakket: Effect | None = None  # het effect volgens het pakket, als de adviseur het anders weegt
    uitleg: str
    voorwaarde: str | None = None
    bij_beeindigen: bool = False
    bron: Bronvermelding
    feiten: dict[str, Any]
    informatie_ontbreekt: bool = False


class WaaromNiet(Uitvoer):
    advies: Advieswoord
    advies_tekst: str
    reden: str
    bevindingen: list[str]


class OntbrekendeInformatie(Uitvoer):
    """Een onbekend veld dat een regel leest, en wat het advies zou zijn bij elke waarde."""

    veld: str
    beschrijving: str
    gelezen_door: list[str]
    advies_per_waarde: dict[str, Advieswoord]
    kan_advies_veranderen: bool


class Bandbreedte(Uitvoer):
    """Het gunstigste en het ongunstigste advies dat het invullen van de onbekende feiten nog kan
    geven. `exact` is onwaar als er te veel onbekende feiten zonder vaste volgorde waren om alle
    combinaties door te rekenen; de grenzen zijn dan ruim genomen (nooit te smal)."""

    gunstigst: Advieswoord
    ongunstigst: Advieswoord
    exact: bool = True


class Uitzoekpunt(Uitvoer):
    """Iets wat eerst uitgezocht moet worden, met de velden die het beantwoorden."""

    vraag: str
    velden: list[str]
    kernvraag: bool


class Scharnier(Uitvoer):
    """Een open kernvraag en wat elk antwoord met het advies doet ('Ja: voortzetten. Nee: beëindigen.').
    `blokkeert`: zonder antwoord is geen verantwoord advies mogelijk (dan: nog geen advies)."""

    vraag: str
    velden: list[str]
    per_antwoord: dict[str, Advieswoord]
    blokkeert: bool = False
    door: str | None = None


class Voorwaarde(Uitvoer):
    """Eén voorwaarde zoals het college haar besluit: wat, wie, wanneer; per criteriumgroep samengevoegd.
    `beslismoment`: het besluit over deelname (of voortzetting) hangt ervan af (go/no-go)."""

    wat: str
    wie: str
    wanneer: str
    groep: str
    criteria: list[str]
    regels: list[str]
    beslismoment: bool = False
    wijzigt_regeling: bool = False  # vraagt een wijziging van de gemeenschappelijke regeling

    @property
    def tekst(self) -> str:
        return f"{self.wat} Wie: {self.wie}. Wanneer: {self.wanneer}."


class Raadspunt(Uitvoer):
    """Wat de raad bij dit besluit doet, met het wetsartikel: toestemming, wensen en bedenkingen, een
    zienswijze, een begrotingswijziging, een convenant vaststellen, of alleen geïnformeerd worden."""

    rol: str
    beslist: bool
    beslispunt: str
    uitleg: str
    artikel: str | None = None  # de tekst van het artikel: 'art. 1, vierde lid, Wgr'


class Raadsrol(Uitvoer):
    """De rol van de raad bij dit besluit, één keer afgeleid uit de tabel in het pakket; beslispunten, juridische
    paragraaf, communicatie en webpagina gebruiken alleen dit."""

    handeling: str  # aangaan | toetreden | voortzetten | wijzigen | beeindigen | niet_aangaan | geen_besluit
    beslist: bool
    punten: list[Raadspunt]


class ToegepasteAfweging(Uitvoer):
    """Een bevinding die de adviseur anders weegt dan het pakket: wat het pakket zei, wat het nu is, en waarom."""

    criterium: str
    criterium_naam: str
    effect_pakket: list[str]  # de effecten die het pakket bij dit criterium gaf (leeg: geen bevinding)
    effect: str
    reden: str
    door: str | None
    regels: list[str]
    toegepast: bool


class Factorscore(Uitvoer):
    """De score op één succesfactor: eigen scan en de laagste partnerscore (gemiddelde van a en b)."""

    code: str
    factor: str
    score: float | None
    laagste_partnerscore: float | None = None
    laagste_partner: str | None = None


class PakketInfo(Uitvoer):
    naam: str
    versie: str
    geldig_vanaf: dt.date
    inhoudshash: str


class Vormtoets(Uitvoer):
    """Het spoor van de vormtabel: welke rijen pasten en welke vormen daaruit volgen."""

    rijen: list[str]
    passende_vormen: list[str] | None
    gekozen_vorm: str | None


class Advies(Uitvoer):
    casus: str
    variant: str | None = None
    fase: Fase
    perspectief: str
    peildatum: dt.date | None
    advies: Advieswoord
    advies_tekst: str
    voorlopig: bool = False  # een kernvraag is open: het oordeel op de bekende feiten, met het antwoord als voorwaarde
    open_kernvragen: list[Scharnier] = []  # vooraan: wat elk antwoord op een open kernvraag met het advies doet
    advies_bij_bekende_feiten: Advieswoord  # wat de adviestabel op de bekende feiten zegt
    advies_pakket: Advieswoord | None = None  # het advies van het pakket, vóór de afweging van de adviseur
    afwegingen: list[ToegepasteAfweging] = []
    bandbreedte: Bandbreedte
    eerst_uitzoeken: list[Uitzoekpunt]
    beslisregel: str
    voorwaarden: list[str]
    voorwaarden_uitgewerkt: list[Voorwaarde] = []
    raad: Raadsrol | None = None
    bij_beeindigen: list[str]  # wat geregeld moet worden als de samenwerking eindigt (ontvlechting)
    bevindingen: list[Bevinding]
    telling: dict[str, int]
    waarom_niet: list[WaaromNiet]
    ontbrekende_informatie: list[OntbrekendeInformatie]
    succesfactoren: list[Factorscore]
    vormtoets: Vormtoets
    # wat de lezer van het advies moet weten over de toets zelf, zoals feiten van vóór het beleid
    waarschuwingen: list[str] = []
    regelpakket: PakketInfo


def _rij_voor(tabel: list[Adviesrij], effecten: set[Effect]) -> int:
    for i, rij in enumerate(tabel):
        if rij.bij == "anders" or rij.bij in effecten:
            return i
    return len(tabel) - 1


def _woord(rij: Adviesrij, fase: Fase) -> Advieswoord:
    return rij.voorstel if fase == Fase.voorstel else rij.lopend


def besluit(tabel: list[Adviesrij], fase: Fase, effecten: set[Effect]) -> tuple[Advieswoord, Adviesrij]:
    """Het advies bij deze effecten, en de rij van de adviestabel die het besliste."""
    rij = tabel[_rij_voor(tabel, effecten)]
    return _woord(rij, fase), rij


def hinderlijke_effecten(tabel: list[Adviesrij], fase: Fase, doel: Advieswoord) -> set[str]:
    """De effecten die het doeladvies in de weg staan: die van de rijen boven de rij van het doel."""
    index = next(i for i, r in enumerate(tabel) if _woord(r, fase) == doel)
    return {tabel[i].bij for i in range(index)}


def waarom_niet(tabel: list[Adviesrij], fase: Fase, bevindingen: list[Bevinding],
                getoond: Advieswoord | None = None, open_vraag: str | None = None) -> list[WaaromNiet]:
    """Voor elk ander advies van deze fase dan het getoonde: welke bevindingen het in de weg staan, of wat
    ontbreekt. `getoond` is het advies dat de toets geeft als dat niet het woord van de adviestabel is (een
    voorlopig advies, of deelname die de wet voorschrijft); `open_vraag` de open kernvraag die een gunstiger advies
    nu nog tegenhoudt."""
    effecten = {b.effect for b in bevindingen}
    huidig = _rij_voor(tabel, effecten)
    if getoond is not None and getoond in ADVIES_RANG[fase]:
        huidig = next((i for i, r in enumerate(tabel) if _woord(r, fase) == getoond), huidig)
    uit = []
    for doel in ADVIES_RANG[fase][::-1]:
        if doel == _woord(tabel[huidig], fase):
            continue
        index = next((i for i, r in enumerate(tabel) if _woord(r, fase) == doel), None)
        if index is None:
            continue
        if index > huidig:
            blokkades = hinderlijke_effecten(tabel, fase, doel)
            ids = [b.regel for b in bevindingen if b.effect in blokkades]
            if ids:
                reden = ("Dit advies kan pas als deze bevindingen zijn weggenomen: "
                         + ", ".join(ids) + ".")
            else:
                reden = f"Dit advies kan pas als deze kernvraag beantwoord is: {open_vraag or 'zie hierboven'}"
        else:
            ids = []
            reden = (f"Daarvoor zou minstens één bevinding met effect '{tabel[index].bij}' nodig zijn; "
                     "die is er niet.")
        uit.append(WaaromNiet.model_construct(advies=doel, advies_tekst=doel.tekst, reden=reden, bevindingen=ids))
    return uit


def sorteer(bevindingen: list[Bevinding], volgorde: dict[str, int]) -> list[Bevinding]:
    """Eerst naar effect (blokkerend, voorwaarde, aandachtspunt, sterkte), dan in pakketvolgorde."""
    return sorted(bevindingen, key=lambda b: (EFFECT_VOLGORDE.index(b.effect), volgorde[b.regel]))


def telling(bevindingen: list[Bevinding]) -> dict[str, int]:
    return {e.value: sum(1 for b in bevindingen if b.effect == e) for e in EFFECT_VOLGORDE}


def bij_beeindigen(bevindingen: list[Bevinding]) -> list[str]:
    """Wat bij beëindigen of niet aangaan geregeld moet worden, zoals een ontvlechtingsplan."""
    return list(dict.fromkeys(b.voorwaarde for b in bevindingen if b.bij_beeindigen and b.voorwaarde))
