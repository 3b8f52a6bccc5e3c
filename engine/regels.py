# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het regelmodel: regels als data, met voorwaarde, effect, criterium, uitleg en bron.

Een regelpakket is van de gemeente: het beschrijft haar visie als regels die elk hun
criteriumcode, effect, Nederlandse uitleg en bronvermelding bij zich dragen. Dit module
leest de (al uit YAML geladen) data, bouwt de voorwaardenboom en controleert het pakket:
elk veld bestaat in het casusmodel, elk woord in zijn woordenlijst, elke bron en elk
criterium in het pakket, elke id één keer. Het importeert geen durable_rules.

De voorwaardentaal is met opzet klein (zie README, 'Regelpakketten'):

    als: {opgave.benoemd: nee}                       gelijk aan
    als: {soort: [uitvoerend, beide]}                 een van deze woorden
    als: {rol.horizon: {niet: lang}}                  bekend en niet gelijk aan
    als: {toegevoegde_waarde.inwoners: onbekend}      onbekend (ontbreekt of `onbekend`)
    als: {doelen.uitvoerend: leeg}                    lege lijst ({niet: leeg} voor niet-leeg)
    als: {rol.eigen: {bevat: [trekker, aanjager]}}    de lijst bevat een van deze woorden
    als: {rol.eigen: {bevat_geen: [trekker]}}         niet-lege lijst zonder deze woorden
    als: {onderbouwing.kosten_per_jaar: {minstens: {parameter: grote_kosten}}}
    als: {alle: [...]} / {een_van: [...]}             en / of; meerdere velden = alle
"""


import datetime as dt
import functools
import hashlib
import json
import math
import re
import string
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Callable, Iterator, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .casus import CATALOGUS, ONBEKEND, Fase, Veld, catalogus, suggestie
from .fouten import Melding
from .waarden import opsomming
from .woordenlijsten import Woordenlijsten


class Effect(StrEnum):
    blokkerend = "blokkerend"
    voorwaarde = "voorwaarde"
    aandachtspunt = "aandachtspunt"
    sterkte = "sterkte"


EFFECT_VOLGORDE = [Effect.blokkerend, Effect.voorwaarde, Effect.aandachtspunt, Effect.sterkte]


class Advieswoord(StrEnum):
    aangaan = "aangaan"
    aangaan_onder_voorwaarden = "aangaan_onder_voorwaarden"
    niet_aangaan = "niet_aangaan"
    voortzetten = "voortzetten"
    voortzetten_onder_voorwaarden = "voortzetten_onder_voorwaarden"
    beeindigen = "beeindigen"
    onvoldoende_informatie = "onvoldoende_informatie"  # voor beide fasen: nog geen advies

    @property
    def tekst(self) -> str:
        return ADVIES_TEKST[self]

    @property
    def negatief(self) -> bool:
        """Niet aangaan of beëindigen: het advies stopt de samenwerking (of begint haar niet)."""
        return self in (Advieswoord.niet_aangaan, Advieswoord.beeindigen)


ADVIES_TEKST = {
    Advieswoord.aangaan: "aangaan",
    Advieswoord.aangaan_onder_voorwaarden: "aangaan onder voorwaarden",
    Advieswoord.niet_aangaan: "niet aangaan",
    Advieswoord.voortzetten: "voortzetten",
    Advieswoord.voortzetten_onder_voorwaarden: "voortzetten onder voorwaarden",
    Advieswoord.beeindigen: "beëindigen",
    Advieswoord.onvoldoende_informatie: "nog geen advies: eerst aanvullen",
}

# Per fase de adviezen van slecht naar goed: de maat voor 'nooit slechter' (monotonie).
ADVIES_RANG = {
    Fase.voorstel: [Advieswoord.niet_aangaan, Advieswoord.aangaan_onder_voorwaarden, Advieswoord.aangaan],
    Fase.lopend: [Advieswoord.beeindigen, Advieswoord.voortzetten_onder_voorwaarden, Advieswoord.voortzetten],
}


# --- de voorwaardenboom ----------------------------------------------------------------

@dataclass(frozen=True)
class Toets:
    """Eén toets op één veld."""

    veld: str
    op: str  # is | niet | in | onbekend | bekend | bevat | bevat_geen | leeg | niet_leeg | vergelijk-ops
    waarde: Any = None
    parameter: str | None = None

    def toetsen(self) -> Iterator["Toets"]:
        yield self


@dataclass(frozen=True)
class Alle:
    delen: tuple["Voorwaarde", ...]

    def toetsen(self) -> Iterator[Toets]:
        for deel in self.delen:
            yield from deel.toetsen()


@dataclass(frozen=True)
class EenVan:
    delen: tuple["Voorwaarde", ...]

    def toetsen(self) -> Iterator[Toets]:
        for deel in self.delen:
            yield from deel.toetsen()


Voorwaarde = Toets | Alle | EenVan

def kan_in_fase(voorwaarde: "Voorwaarde", fase: str) -> bool:
    """Kan deze voorwaarde waar zijn bij een casus van deze fase? (Alleen de toetsen op `fase` tellen.)"""
    if isinstance(voorwaarde, Toets):
        if voorwaarde.veld != "fase":
            return True
        if voorwaarde.op == "is":
            return voorwaarde.waarde == fase
        if voorwaarde.op == "in":
            return fase in voorwaarde.waarde
        if voorwaarde.op == "niet":
            return voorwaarde.waarde != fase
        return True
    if isinstance(voorwaarde, Alle):
        return all(kan_in_fase(d, fase) for d in voorwaarde.delen)
    return any(kan_in_fase(d, fase) for d in voorwaarde.delen)


def waar(voorwaarde: "Voorwaarde", feiten: dict[str, Any], parameters: dict[str, float] | None = None) -> bool | None:
    """Is de voorwaarde waar bij deze feiten? None als dat van een onbekend feit afhangt. (Voor kleine
    voorwaarden buiten de regelengine om, zoals 'alleen van belang als'; de regels zelf gaan door durable.)"""
    if isinstance(voorwaarde, Toets):
        bekend = voorwaarde.veld in feiten
        if voorwaarde.op == "onbekend":
            return not bekend
        if voorwaarde.op == "bekend":
            return bekend
        if not bekend:
            return None
        w = feiten[voorwaarde.veld]
        op, arg = voorwaarde.op, voorwaarde.waarde
        if voorwaarde.parameter is not None:
            arg = (parameters or {}).get(voorwaarde.parameter)
            if arg is None:
                return None
        if op == "is":
            return w == arg
        if op == "niet":
            return w != arg
        if op == "in":
            return w in arg
        if op == "bevat":
            return any(x in w for x in arg)
        if op == "bevat_geen":
            return bool(w) and not any(x in w for x in arg)
        if op == "leeg":
            return not w
        if op == "niet_leeg":
            return bool(w)
        return {"minstens": w >= arg, "hoogstens": w <= arg, "groter_dan": w > arg, "kleiner_dan": w < arg}[op]
    uitkomsten = [waar(d, feiten, parameters) for d in voorwaarde.delen]
    if isinstance(voorwaarde, Alle):
        return False if False in uitkomsten else (None if None in uitkomsten else True)
    return True if True in uitkomsten else (None if None in uitkomsten else False)


VERGELIJKINGEN = {"minstens", "hoogstens", "groter_dan", "kleiner_dan"}
MAX_GETAL = 1e12  # drempels en getallen in een pakket: groter is een tikfout of een aanval
MAX_REGELS = 2_000  # per pakket; zo blijft een beoordeling onder een paar seconden
# De kern van durable_rules loopt zijn alfanetwerk door met een stapel van 64 plaatsen (zie durable.py,
# punt 12); één regel mag er hooguit zoveel vragen, en de adapter verdeelt het pakket in delen daaronder.
STAPELBUDGET = 56
OPS_PER_SOORT = {
    "woord": {"is", "niet", "in", "onbekend", "bekend"},
    "woorden": {"bevat", "bevat_geen", "leeg", "niet_leeg", "onbekend", "bekend"},
    "getal": VERGELIJKINGEN | {"onbekend", "bekend"},
    "namen": {"leeg", "niet_leeg", "onbekend", "bekend"},
}


class VoorwaardeFout(ValueError):
    """Een voorwaarde die niet gelezen kan worden; de tekst is Nederlands."""


def lees_voorwaarde(data: Any) -> Voorwaarde:
    """Bouw de voorwaardenboom uit YAML-data (zie de moduledocumentatie voor de vorm)."""
    if not isinstance(data, dict) or not data:
        raise VoorwaardeFout("een voorwaarde ('als') is een groep 'veld: waarde'-paren, alle: of een_van:")
    delen: list[Voorwaarde] = []
    for sleutel, waarde in data.items():
        if sleutel in ("alle", "een_van"):
            if not isinstance(waarde, list) or not waarde:
                raise VoorwaardeFout(f"'{sleutel}' verwacht een lijst van voorwaarden")
            onder = tuple(lees_voorwaarde(w) for w in waarde)
            delen.append(onder[0] if len(onder) == 1 else (Alle(onder) if sleutel == "alle" else EenVan(onder)))
        else:
            delen.append(_lees_toets(str(sleutel), waarde))
    return delen[0] if len(delen) == 1 else Alle(tuple(delen))


def _lees_toets(veld: str, waarde: Any) -> Toets:
    if isinstance(waarde, bool):
        waarde = "ja" if waarde else "nee"
    if isinstance(waarde, list):
        if not waarde:
            raise VoorwaardeFout(f"bij veld '{veld}' staat een lege lijst; noem minstens één woord")
        return Toets(veld, "in", tuple(waarde))
    if isinstance(waarde, dict):
        if len(waarde) != 1:
            raise VoorwaardeFout(f"bij veld '{veld}' hoort precies één toets, zoals {{niet: ...}}")
        op, arg = next(iter(waarde.items()))
        if isinstance(arg, bool):
            arg = "ja" if arg else "nee"
        if op == "niet":
            if arg == ONBEKEND:
                return Toets(veld, "bekend")
            if arg == "leeg":
                return Toets(veld, "niet_leeg")
            return Toets(veld, "niet", arg)
        if op in ("in", "bevat", "bevat_geen"):
            lijst = tuple(arg) if isinstance(arg, list) else (arg,)
            if not lijst:
                raise VoorwaardeFout(f"'{op}' bij veld '{veld}' heeft een lege lijst; noem minstens één woord")
            return Toets(veld, op, lijst)
        if op in VERGELIJKINGEN:
            if isinstance(arg, dict) and set(arg) == {"parameter"}:
                return Toets(veld, op, None, parameter=str(arg["parameter"]))
            if isinstance(arg, (int, float)) and not isinstance(arg, bool):
                if not (math.isfinite(arg) and abs(arg) <= MAX_GETAL):
                    raise VoorwaardeFout(f"'{op}' bij veld '{veld}' verwacht een gewoon getal, niet oneindig of 'nan'")
                return Toets(veld, op, arg)
            raise VoorwaardeFout(f"'{op}' bij veld '{veld}' verwacht een getal of {{parameter: naam}}")
        raise VoorwaardeFout(
            f"onbekende toets '{op}' bij veld '{veld}'.{suggestie(str(op), ['niet', 'in', 'bevat', 'bevat_geen', *VERGELIJKINGEN])}")
    if waarde == ONBEKEND:
        return Toets(veld, "onbekend")
    if waarde == "bekend":
        return Toets(veld, "bekend")
    if waarde == "leeg":
        return Toets(veld, "leeg")
    return Toets(veld, "is", waarde)


def takken(voorwaarde: Voorwaarde) -> list[int]:
    """De lengte van elke tak die de kern van deze voorwaarde maakt (elke OF uitgeschreven), plus
    het anker: zo telt de kern van durable_rules de knopen van zijn alfanetwerk."""
    if isinstance(voorwaarde, Toets):
        if voorwaarde.op in ("in", "bevat"):
            return [2] * len(voorwaarde.waarde)
        if voorwaarde.op == "bevat_geen":
            return [2 + len(voorwaarde.waarde)]
        return [2]
    delen = [takken(d) for d in voorwaarde.delen]
    if isinstance(voorwaarde, EenVan):
        return [t for deel in delen for t in deel]
    uit = [1]
    for deel in delen:
        uit = [a + b - 1 for a in uit for b in deel]
    return uit


def controleer_voorwaarde(voorwaarde: Voorwaarde, parameters: dict[str, float]) -> list[str]:
    """Alle problemen met een voorwaarde, als Nederlandse zinnen (leeg = in orde)."""
    problemen = []
    for toets in voorwaarde.toetsen():
        veld = _velden().get(toets.veld)
        if veld is None or not veld.leesbaar:
            if veld is not None:
                problemen.append(f"veld '{toets.veld}' is {veld.soort} en kan niet door regels gelezen worden")
            else:
                problemen.append(f"veld '{toets.veld}' bestaat niet in het casusmodel."
                                 f"{suggestie(toets.veld, _velden())}")
            continue
        if toets.op == "is" and veld.soort == "woorden":
            problemen.append(f"veld '{toets.veld}' is een lijst: gebruik {{bevat: ...}} of leeg")
            continue
        if toets.op not in OPS_PER_SOORT[veld.soort]:
            problemen.append(f"toets '{toets.op}' past niet bij veld '{toets.veld}' ({veld.soort})")
            continue
        woorden = []
        if toets.op in ("is", "niet"):
            woorden = [toets.waarde]
        elif toets.op in ("in", "bevat", "bevat_geen"):
            woorden = list(toets.waarde)
        for woord in woorden:
            if woord not in veld.waarden:
                problemen.append(f"'{woord}' is geen waarde van veld '{toets.veld}'; kies uit: "
                                 f"{', '.join(veld.waarden)}.{suggestie(str(woord), veld.waarden)}")
        if toets.parameter is not None and toets.parameter not in parameters:
            problemen.append(f"parameter '{toets.parameter}' bestaat niet in het pakket."
                             f"{suggestie(toets.parameter, parameters)}")
    return problemen


# --- het pakket ------------------------------------------------------------------------

class Model(BaseModel):
    # defer_build: pas opbouwen als er echt een pakket gecontroleerd wordt (niet bij een pakket uit de cache).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Bron(Model):
    titel: str
    uitgever: str
    kort: str | None = None  # korte titel voor de hoofdtekst van het collegevoorstel (de bijlage noemt de volle)
    bestand: str | None = None
    secties: dict[str, str] = Field(default_factory=dict)  # wetsartikelen komen uit de tabel `wetsartikelen`


class Criterium(Model):
    naam: str
    groep: str
    bron: str


class Parameter(Model):
    """Een beleidskeuze als data: een drempel (`waarde`) of het gewicht van een bevinding (`effect`)."""

    waarde: float | None = None
    effect: Effect | None = None
    beschrijving: str = Field(min_length=1)
    bron: str

    @model_validator(mode="after")
    def _een_van_beide(self) -> "Parameter":
        if (self.waarde is None) == (self.effect is None):
            raise ValueError("een parameter heeft óf een 'waarde' (een getal) óf een 'effect'")
        if self.waarde is not None and not (math.isfinite(self.waarde) and abs(self.waarde) <= MAX_GETAL):
            raise ValueError(f"de waarde moet een gewoon getal zijn (niet oneindig of 'nan', hooguit {MAX_GETAL:.0e})")
        return self


class ParameterVerwijzing(Model):
    parameter: str


class Adviesrij(Model):
    bij: str  # een effect, of 'anders'
    voorstel: Advieswoord
    lopend: Advieswoord
    uitleg: str = Field(min_length=1)


class Regel(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    criterium: str
    als: Any
    effect: Effect | ParameterVerwijzing  # een vaste weging, of {parameter: naam} uit pack.yaml
    uitleg: str = Field(min_length=1)
    voorwaarde: str | None = None
    bij_beeindigen: bool = False  # de voorwaarde geldt ook (juist) als de samenwerking eindigt
    wanneer: str | None = None  # het moment van de voorwaarde, als dat afwijkt van de standaard van de fase
    beslismoment: bool = False  # het besluit over deelname hangt van deze voorwaarde af (go/no-go)
    wijzigt_regeling: bool = False  # de voorwaarde vraagt een wijziging van de gemeenschappelijke regeling
    raad: str | None = None  # de voorwaarde vraagt deze rol van de raad (een rol uit de tabel `raad` van pack.yaml)
    vervangt: list[str] = Field(default_factory=list)  # regels waarvan deze voorwaarde de voorwaarde omvat
    bron: str


class Vormrij(Model):
    nr: str
    als: Any
    vormen: list[str] = Field(default_factory=list)
    uitgesloten: list[str] = Field(default_factory=list)
    uitleg: str = Field(min_length=1)
    bron: str


class Inspanning(StrEnum):
    licht = "licht"
    middel = "middel"
    zwaar = "zwaar"


INSPANNING_GEWICHT = {Inspanning.licht: 1, Inspanning.middel: 2, Inspanning.zwaar: 3}


class Actie(Model):
    """Iets wat de gemeente zelf nog kan doen, met de velden die daardoor veranderen.

    `wat-moet-er-veranderen` stelt alleen acties voor; een veld dat in geen actie staat, wordt
    nooit voorgesteld. Een bedrag mag alleen in een actie met `plafond: true` (een expliciet
    plafond dat de gemeente kan afspreken), nooit als 'net onder de drempel'.
    """

    tekst: str = Field(min_length=1)
    inspanning: Inspanning
    zet: dict[str, Any] = Field(min_length=1)
    plafond: bool = False
    alleen_als: dict[str, Any] | None = None  # de actie kan alleen als deze voorwaarde niet onwaar is


class Kernvraag(Model):
    """Een vraag die beantwoord moet zijn voordat een advies meer dan voorlopig is.

    `beantwoord_als`: de combinaties van velden waarvan er één helemaal bekend moet zijn (standaard: één
    bekend veld van `velden` is genoeg). Is de vraag open, dan is het advies voorlopig, met het antwoord als
    voorwaarde (`voorwaarde`, `wanneer`); alleen bij `zonder_antwoord: geen_advies` geeft de toets dan nog geen
    advies, als het oordeel nu niet negatief is en het antwoord het advies nog alle kanten op kan sturen."""

    vraag: str = Field(min_length=1)
    velden: list[str] = Field(min_length=1)
    fase: Fase | None = None
    door: str | None = None  # wie het uitzoekt (in de informatienotitie)
    beantwoord_als: list[list[str]] | None = None
    zonder_antwoord: Literal["voorlopig", "geen_advies"] = "voorlopig"
    voorwaarde: str | None = None  # de voorwaarde bij een voorlopig advies: wat er uitgezocht moet worden
    wanneer: str | None = None
    bron: str | None = None

    def is_open(self, bekend: Any) -> bool:
        if self.beantwoord_als:
            return not any(all(v in bekend for v in combinatie) for combinatie in self.beantwoord_als)
        return not any(v in bekend for v in self.velden)


class Voorwaardegroep(Model):
    naam: str = Field(min_length=1)
    wie: str = Field(min_length=1)


class Voorwaardenbeleid(Model):
    """Hoe voorwaarden in het advies staan: per criteriumgroep één voorwaarde, met wie en wanneer."""

    wanneer: dict[Fase, str] = Field(default_factory=dict)
    groepen: dict[str, Voorwaardegroep] = Field(default_factory=dict)
    wie: str = "het college"
    bij_beeindigen: str = ""  # wie en wanneer bij de afspraken voor het uittreden ('Wie: ... Wanneer: ...')


class Wetsartikel(Model):
    """Eén wetsartikel (en lid) zoals het nu luidt, met waar en wanneer het gelezen is."""

    wet: str = Field(min_length=1)
    kort: str = Field(min_length=1)  # 'Wgr', 'Gemeentewet'
    artikel: str = Field(min_length=1)
    lid: str | None = None
    onderwerp: str = Field(min_length=1)
    inhoud: str = Field(min_length=1)  # in eigen woorden
    sinds: dt.date | None = None
    gelezen_op: dt.date
    adres: str = Field(pattern=r"^https?://")
    zekerheid: Literal["hoog", "midden", "laag"]
    opmerking: str | None = None

    @property
    def leden(self) -> list[int]:
        return [int(d) for d in re.findall(r"\d+", self.lid or "")]

    @property
    def citaat(self) -> str:
        """Zoals de Aanwijzingen voor de regelgeving citeren: 'art. 1, vierde lid, Wgr'."""
        return citeer_artikel(self.kort, self.artikel, self.leden)


RANGTELWOORD = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde", 7: "zevende",
                8: "achtste", 9: "negende", 10: "tiende"}


def citeer_artikel(kort: str, artikel: str, leden: list[int]) -> str:
    """'art. 1, tweede tot en met vierde lid, Wgr'; 'art. 160, tweede en derde lid, Gemeentewet'; 'art. 169 ...'."""
    leden = sorted(set(leden))
    if not leden:
        return f"art. {artikel} {kort}"
    woorden = [RANGTELWOORD.get(n, f"{n}e") for n in leden]
    if len(leden) > 2 and leden == list(range(leden[0], leden[-1] + 1)):
        lid = f"{woorden[0]} tot en met {woorden[-1]}"
    else:
        lid = opsomming(woorden)
    return f"art. {artikel}, {lid} lid, {kort}"


class Raadsrij(Model):
    """Een rij van de tabel 'wat doet de raad': bij welke handeling, vorm en geldsituatie, welke rol."""

    handeling: list[str] = Field(min_length=1)
    soort: list[str] = Field(default_factory=list)  # soort vorm of vorm; leeg = elke
    geld: Literal["elk", "begrotingswijziging"] = "elk"
    provincie: Literal["elk", "ja", "nee"] = "elk"  # doet een provincie mee (dan geldt de Wgr via art. 51)?
    rol: str = Field(pattern=r"^[a-z_]{3,40}$")
    beslist: bool
    beslispunt: str = Field(min_length=1)  # {naam} wordt de naam van de samenwerking
    uitleg: str = Field(min_length=1)
    artikelen: list[str] = Field(default_factory=list)  # sleutels in `wetsartikelen`


class Plichtbeleid(Model):
    """Deelname die de wet voorschrijft: nooit 'niet aangaan' of 'beëindigen' als besluit."""

    veld: str = "taak.wettelijk_verplicht_regionaal"
    voorstel: Advieswoord = Advieswoord.aangaan_onder_voorwaarden
    lopend: Advieswoord = Advieswoord.voortzetten_onder_voorwaarden
    voorwaarde: str = Field(min_length=1)
    wie: str = Field(min_length=1)
    wanneer: str = Field(min_length=1)
    bron: str


class Wetpunt(Model):
    """Wat de wet bij een vorm vraagt, met bron; `niet_bij` noemt vormen van die soort waarvoor het niet geldt."""

    tekst: str = Field(min_length=1)
    bron: str
    niet_bij: list[str] = Field(default_factory=list)
    niet_bij_wettelijke_plicht: bool = False  # geldt niet als de wet deelname voorschrijft (zoals uittreden)
    # Het ja/nee-veld van de casus dat zegt of dit punt in de regeling geregeld is, en de naam van het punt in de
    # Wgr-controle van het overzicht en de paragraaf (zie vormen.wgr_punten)
    veld: str | None = None
    kolom: str | None = Field(default=None, min_length=1, max_length=40)


class Collegevoorstelbeleid(Model):
    """Wat het pakket (niet de weergave) bepaalt over het collegevoorstel: welke criteria onder 'Juridische vorm'
    staan, wat de wet per vorm vraagt, en per advies het beoogde effect, de vervolgstappen en de communicatie. Wat de
    raad doet, staat in de tabel `raad` van het pakket (zie engine/raad.py)."""

    criteria_juridische_vorm: list[str] = Field(default_factory=list)
    vervolg: dict[Advieswoord, list[str]] = Field(default_factory=dict)
    beoogd_effect: dict[Advieswoord, str] = Field(default_factory=dict)
    communicatie: dict[Advieswoord, list[str]] = Field(default_factory=dict)
    # Wat de wet bij een juridische vorm vraagt (zienswijze, toestemming, uittreding, evaluatie): per vorm,
    # of per soort vorm (wgr, privaatrechtelijk, overeenkomst, informeel) als de vorm zelf er niet staat.
    wet_per_vorm: dict[str, list[Wetpunt]] = Field(default_factory=dict)
    communicatie_raad: dict[str, str] = Field(default_factory=dict)  # toestemming | informeren
    # het besluit van de raad per rol (toestemming, wensen_en_bedenkingen, ...), voor het concept-raadsbesluit
    raadsbesluit: dict[str, str] = Field(default_factory=dict)
    bij_wettelijke_plicht: str = ""
    uitzoeken_door: str = "de ambtelijke organisatie"


class Risicosoort(Model):
    """Eén soort risico in het overzicht (financieel, bestuurlijk, ...): wanneer het hoog en wanneer het midden
    is, in de voorwaardentaal van de regels en met de drempels als parameters; anders laag."""

    soort: str = Field(pattern=r"^[a-z][a-z_]{0,40}$")
    naam: str = Field(min_length=1)
    bron: str
    hoog: dict[str, Any]
    midden: dict[str, Any]


class Sturingsregime(Model):
    naam: str = Field(min_length=1)
    tekst: str = Field(min_length=1)


class Overzichtsbeleid(Model):
    """Wat het pakket bepaalt over het overzicht van alle samenwerkingen: de risicosoorten, de sturing per
    hoogste risiconiveau, en wanneer twee samenwerkingen elkaar overlappen."""

    risicos: list[Risicosoort] = Field(default_factory=list)
    sturing: dict[str, Sturingsregime] = Field(default_factory=dict)  # laag | midden | hoog
    sturing_bron: str = ""
    overlap_partners: float = Field(default=0.5, ge=0, le=1)  # aandeel gedeelde partners vanaf waar het overlapt
    overlap_bron: str = ""


PAKKETFORMAAT = 1  # de versie van het formaat van pack.yaml en de regelbestanden die dit programma leest


def _formaat(waarde: Any) -> Any:
    if waarde != PAKKETFORMAAT or isinstance(waarde, bool):
        raise PydanticCustomError(
            "formaat", "dit pakket heeft formaat {gevonden}; deze versie van samenwerkingstoets leest pakketformaat "
            "{formaat}. Werk het programma bij, of gebruik een pakket in formaat {formaat}",
            {"gevonden": str(waarde)[:20], "formaat": PAKKETFORMAAT})
    return waarde


Formaat = Annotated[int, BeforeValidator(_formaat)]


class Kop(Model):
    """De inhoud van pack.yaml."""

    formaat: Formaat = Field(default=PAKKETFORMAAT, description="het formaat van het pakket (nu 1)")
    naam: str
    versie: str
    geldig_vanaf: dt.date
    gemeente: str
    omschrijving: str = ""
    woordenlijsten: Woordenlijsten = Field(description="de woorden waarmee het pakket regio's, thema's, doelen en "
                                                       "rollen noemt, en zijn eigen ja/nee-vragen")
    # Uitleg bij velden van de intake in de woorden van het pakket (veldpad -> tekst), met waar het beleid om vraagt;
    # een veld zonder uitleg hier krijgt die van het casusmodel.
    veldhulp: dict[str, Annotated[str, Field(min_length=1, max_length=600)]] = Field(default_factory=dict,
                                                                                     max_length=300)
    # Andere versies van hetzelfde beleid, elk een pakket in een map binnen deze map (zoals versies/2024). Een
    # casus wordt beoordeeld met de versie die gold op haar peildatum (zie laden.pakket_voor).
    versies: list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,59}(/[a-z0-9][a-z0-9._-]{0,59})?$")]] = Field(
        default_factory=list, max_length=50)
    # Alleen bestandsnamen in de pakketmap zelf: geen pad, dus nooit een bestand daarbuiten (zoals /etc/passwd).
    bestanden: list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*\.yaml$")]] = Field(min_length=1)
    bronnen: dict[str, Bron] = Field(min_length=1)
    criteria: dict[str, Criterium] = Field(min_length=1)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    adviestabel: list[Adviesrij] = Field(min_length=1)
    kernvragen: list[Kernvraag] = Field(default_factory=list)
    acties: dict[str, Actie] = Field(default_factory=dict)
    vaste_velden: list[str] = Field(default_factory=list)
    collegevoorstel: Collegevoorstelbeleid = Field(default_factory=Collegevoorstelbeleid)
    overzicht: Overzichtsbeleid = Field(default_factory=Overzichtsbeleid)
    voorwaarden: Voorwaardenbeleid = Field(default_factory=Voorwaardenbeleid)
    # Velden die alleen ertoe doen als een ander veld een bepaalde waarde heeft (de uitkomst van een businesscase
    # alleen als er een is): anders worden ze nooit gevraagd, als onbekend geteld of in de bandbreedte ingevuld.
    afhankelijk: dict[str, dict[str, Any]] = Field(default_factory=dict)
    wettelijke_plicht: Plichtbeleid | None = None
    wetsartikelen: dict[str, Wetsartikel] = Field(default_factory=dict)
    raad: list[Raadsrij] = Field(default_factory=list)


class Regelwijziging(Model):
    """Wat een beleidsvariant aan een bestaande regel verandert."""

    effect: Effect | None = None
    uitleg: str | None = None
    voorwaarde: str | None = None


class Parameterwijziging(Model):
    waarde: float | None = None
    effect: Effect | None = None


class Overlay(Model):
    """Een beleidsvariant: een klein pakket dat een ander pakket (`basis`) op punten wijzigt."""

    formaat: Formaat = Field(default=PAKKETFORMAAT, description="het formaat van het pakket (nu 1)")
    naam: str
    versie: str
    geldig_vanaf: dt.date
    basis: str
    omschrijving: str = ""
    parameters: dict[str, Parameterwijziging] = Field(default_factory=dict)
    regels: dict[str, Regelwijziging] = Field(default_factory=dict)


class Sjabloon(Model):
    """Regels die voor elke rij van `voor` worden uitgeschreven; ${naam} wordt de waarde uit die rij.

    Zo staat één beleidskeuze (bijvoorbeeld hoe een lage score op een succesfactor weegt) één keer
    in het pakket, en krijgt elke uitgeschreven regel toch een vaste, eigen id.
    """

    voor: list[dict[str, str | int]] = Field(min_length=1)
    regels: list[dict[str, Any]] = Field(min_length=1)


class Regelbestand(Model):
    """De inhoud van één regelbestand: de regels van één criteriumgroep.

    `geldt_voor` is een voorwaarde die voor elke regel van het bestand geldt (zoals {fase: lopend});
    `sjablonen` worden na de gewone regels uitgeschreven. Na `uitgeschreven` staan alle regels in
    `regels`, elk met de plaats in het bestand waar hij vandaan komt.
    """

    groep: str
    omschrijving: str = ""
    geldt_voor: dict[str, Any] | None = None
    regels: list[Regel] = Field(default_factory=list)
    sjablonen: list[Sjabloon] = Field(default_factory=list)
    vormtabel: list[Vormrij] = Field(default_factory=list)
    _herkomst: list[tuple] = PrivateAttr(default_factory=list)

    def herkomst(self, i: int) -> tuple:
        """De plaats in het bestand (als pad voor het regelnummer) van regel i."""
        return self._herkomst[i] if i < len(self._herkomst) else ("regels", i)


def _vul_sjabloon(waarde: Any, variabelen: dict[str, Any]) -> Any:
    if isinstance(waarde, str):
        return string.Template(waarde).safe_substitute(variabelen)
    if isinstance(waarde, list):
        return [_vul_sjabloon(w, variabelen) for w in waarde]
    if isinstance(waarde, dict):
        return {_vul_sjabloon(k, variabelen): _vul_sjabloon(w, variabelen) for k, w in waarde.items()}
    return waarde


def uitgeschreven(inhoud: Regelbestand, bestand: str, plaats: "Plaats") -> tuple[Regelbestand, list[Melding]]:
    """Het regelbestand met alle sjablonen uitgeschreven en `geldt_voor` in elke regel verwerkt."""
    meldingen: list[Melding] = []
    regels: list[Regel] = []
    herkomst: list[tuple] = []
    for i, regel in enumerate(inhoud.regels):
        regels.append(regel)
        herkomst.append(("regels", i))
    for j, sjabloon in enumerate(inhoud.sjablonen):
        for variabelen in sjabloon.voor:
            for k, ruw in enumerate(sjabloon.regels):
                loc = ("sjablonen", j, "regels", k)
                try:
                    regels.append(Regel.model_validate(_vul_sjabloon(ruw, {str(n): str(w) for n, w in variabelen.items()})))
                    herkomst.append(loc)
                except ValidationError as fout:
                    meldingen.append(Melding(bestand, f"sjabloon {j + 1}, regel {k + 1}: "
                                                      f"{fout.errors()[0]['msg']}", plaats(loc)))
    if inhoud.geldt_voor:
        bewaakt = []
        for regel, loc in zip(regels, herkomst):
            if not isinstance(regel.als, dict) or set(regel.als) & set(inhoud.geldt_voor):
                meldingen.append(Melding(bestand, f"regel '{regel.id}': 'geldt_voor' en de eigen voorwaarde "
                                                  "noemen hetzelfde veld; haal het uit de regel", plaats(loc)))
                bewaakt.append(regel)
            else:
                bewaakt.append(regel.model_copy(update={"als": {**inhoud.geldt_voor, **regel.als}}))
        regels = bewaakt
    uit = inhoud.model_copy(update={"regels": regels, "sjablonen": [], "geldt_voor": None})
    uit._herkomst = herkomst
    return uit, meldingen


@dataclass(frozen=True)
class GeladenRegel:
    """Een regel met zijn gelezen voorwaarde en de plaats waar hij staat."""

    regel: Regel
    voorwaarde: Voorwaarde
    bestand: str
    lijn: int | None
    effect_parameter: str | None = None  # de parameter waar het effect uit komt, als dat zo is

    @property
    def id(self) -> str:
        return self.regel.id

    # De velden hangen alleen van de (onveranderlijke) voorwaarde af: één keer uitgerekend per regel, want de
    # engine vraagt ze bij het opbouwen honderden keren.
    @functools.cached_property
    def velden(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.veld for t in self.voorwaarde.toetsen()))

    @functools.cached_property
    def basisvelden(self) -> tuple[str, ...]:
        """De velden uit de casus waar deze regel van afhangt: een afgeleid veld telt als de
        velden waaruit het is afgeleid."""
        uit: list[str] = []
        for veld in self.velden:
            info = CATALOGUS.get(veld)  # een eigen vraag van het pakket staat niet in de vaste catalogus
            uit += info.bronvelden if info is not None and info.afgeleid else (veld,)
        return tuple(dict.fromkeys(uit))

    @functools.cached_property
    def fasen(self) -> tuple[str, ...]:
        """De fasen waarin deze regel kan vuren (zie kan_in_fase)."""
        return tuple(f.value for f in Fase if kan_in_fase(self.voorwaarde, f.value))

    def voorbereid(self) -> "GeladenRegel":
        """Reken wat alleen van de regel zelf afhangt nu uit, zodat het met het pakket in de cache komt (zie
        pakketcache.py) en een volgende start het niet opnieuw hoeft te doen."""
        for _ in (self.velden, self.basisvelden, self.fasen):
            pass
        return self

    @property
    def vraagt_ontbrekende_informatie(self) -> bool:
        """Vuurt deze regel (ook) op onbekende informatie?"""
        return any(t.op == "onbekend" for t in self.voorwaarde.toetsen())


@dataclass(frozen=True)
class GeladenVormrij:
    rij: Vormrij
    voorwaarde: Voorwaarde
    bestand: str
    lijn: int | None


@dataclass(frozen=True, eq=False)
class Regelpakket:
    kop: Kop
    regels: tuple[GeladenRegel, ...]
    vormtabel: tuple[GeladenVormrij, ...]
    map: str
    inhoudshash: str

    @property
    def naam(self) -> str:
        return self.kop.naam

    @property
    def versie(self) -> str:
        return self.kop.versie

    @property
    def woordenlijsten(self) -> Woordenlijsten:
        return self.kop.woordenlijsten

    @functools.cached_property
    def catalogus(self) -> dict[str, Veld]:
        """De veldcatalogus met de woorden en de eigen vragen van dit pakket (één keer opgezocht per pakket: de
        engine vraagt hem per regel en per veld)."""
        return catalogus(self.kop.woordenlijsten)

    def regel(self, regel_id: str) -> GeladenRegel:
        return self._per_id[regel_id]

    @functools.cached_property
    def _per_id(self) -> dict[str, GeladenRegel]:
        return {r.id: r for r in self.regels}

    def dekking(self) -> list[tuple[str, Criterium, int]]:
        """Per criterium uit de catalogus: hoeveel regels het dekken (0 = niet gedekt)."""
        aantallen = {code: 0 for code in self.kop.criteria}
        for r in self.regels:
            aantallen[r.regel.criterium] += 1
        return [(code, self.kop.criteria[code], n) for code, n in aantallen.items()]

    def parameterwaarden(self) -> dict[str, float]:
        """De drempels (parameters met een getal); effectparameters zijn bij het laden al ingevuld."""
        return {n: p.waarde for n, p in self.kop.parameters.items() if p.waarde is not None}

    def bron(self, verwijzing: str) -> dict[str, str]:
        """'visie#opgaven-zijn-leidend' -> document, uitgever en sectie uit de bronnenlijst."""
        document, _, _ = verwijzing.partition("#")
        bron = self.kop.bronnen[document]
        return {"document": bron.titel, "uitgever": bron.uitgever, "sectie": self.sectie(verwijzing)}

    def secties(self) -> dict[str, str]:
        """Alle secties van alle bronnen als 'bron#sectie' -> naam, de wetsartikelen uit hun tabel erbij."""
        uit = {f"{d}#{s}": naam for d, bron in self.kop.bronnen.items() for s, naam in bron.secties.items()}
        return uit | {v: self.sectie(v) for v in self.kop.wetsartikelen}

    def sectie(self, verwijzing: str) -> str:
        """De naam van de sectie; voor een wetsartikel uit de tabel `wetsartikelen` (artikel, lid en onderwerp)."""
        artikel = self.kop.wetsartikelen.get(verwijzing)
        if artikel is not None:
            return f"{artikel.citaat[:1].upper()}{artikel.citaat[1:]} - {artikel.onderwerp}"
        document, _, sectie = verwijzing.partition("#")
        return self.kop.bronnen[document].secties[sectie]


Plaats = Callable[[tuple], int | None]


def inhoudshash(*delen: Any) -> str:
    tekst = json.dumps(delen, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:12]


_PLAATSHOUDER = re.compile(r"\{([a-z_.]+)\}")
# Teksten uit de casus die een regeltekst mag noemen (zie beoordelen.casusteksten): de gemeente van het perspectief,
# de opgave en de namen van de partners.
TEKSTPLAATSHOUDERS = ("perspectief", "opgave.tekst", "partners.namen")


# De veldcatalogus van het pakket dat nu gecontroleerd wordt (met zijn woorden en eigen vragen); zonder pakket die
# van het standaardpakket. Zo hoeft niet elke controle hieronder de catalogus door te geven.
_PAKKETVELDEN: ContextVar[dict[str, Veld] | None] = ContextVar("pakketvelden", default=None)


def _velden() -> dict[str, Veld]:
    return _PAKKETVELDEN.get() or catalogus()


def controleer_pakket(kop: Kop, bestanden: list[tuple[str, Regelbestand, Plaats]]) -> tuple[
        list[GeladenRegel], list[GeladenVormrij], list[Melding]]:
    """Lees alle voorwaarden en controleer het hele pakket; geeft regels, vormtabel en meldingen."""
    token = _PAKKETVELDEN.set(catalogus(kop.woordenlijsten))
    try:
        return _controleer_pakket(kop, bestanden)
    finally:
        _PAKKETVELDEN.reset(token)


def _controleer_pakket(kop: Kop, bestanden: list[tuple[str, Regelbestand, Plaats]]) -> tuple[
        list[GeladenRegel], list[GeladenVormrij], list[Melding]]:
    meldingen: list[Melding] = []
    parameters = {n: p.waarde for n, p in kop.parameters.items() if p.waarde is not None}
    regels: list[GeladenRegel] = []
    rijen: list[GeladenVormrij] = []
    gezien: dict[str, str] = {}

    def bron_problemen(verwijzing: str) -> list[str]:
        document, heeft, sectie = verwijzing.partition("#")
        if document not in kop.bronnen:
            return [f"bron '{document}' staat niet in de bronnenlijst van pack.yaml.{suggestie(document, kop.bronnen)}"]
        if not heeft or (sectie not in kop.bronnen[document].secties and verwijzing not in kop.wetsartikelen):
            secties = kop.bronnen[document].secties
            return [f"sectie '{sectie}' bestaat niet in bron '{document}'; kies uit: "
                    f"{', '.join(secties)}.{suggestie(sectie, secties)}"]
        return []

    for bestand, inhoud, plaats in bestanden:
        for i, regel in enumerate(inhoud.regels):
            lijn = plaats(inhoud.herkomst(i))
            problemen: list[str] = []
            if regel.id in gezien:
                problemen.append(f"regel-id '{regel.id}' komt twee keer voor (ook in {gezien[regel.id]})")
            gezien.setdefault(regel.id, bestand)
            if regel.criterium not in kop.criteria:
                problemen.append(f"criterium '{regel.criterium}' staat niet in de criteriacatalogus van pack.yaml."
                                 f"{suggestie(regel.criterium, kop.criteria)}")
            problemen += bron_problemen(regel.bron)
            effect_parameter = None
            if isinstance(regel.effect, ParameterVerwijzing):
                effect_parameter = regel.effect.parameter
                gewicht = kop.parameters.get(effect_parameter)
                if gewicht is None or gewicht.effect is None:
                    problemen.append(f"effect: parameter '{effect_parameter}' bestaat niet of is geen effect."
                                     f"{suggestie(effect_parameter, kop.parameters)}")
                    regel = regel.model_copy(update={"effect": Effect.aandachtspunt})
                else:
                    regel = regel.model_copy(update={"effect": gewicht.effect})
            for andere in regel.vervangt:
                if not any(andere == r.id for _, inhoud, _ in bestanden for r in inhoud.regels):
                    problemen.append(f"vervangt: regel '{andere}' bestaat niet in het pakket")
            if regel.raad is not None and regel.raad not in {r.rol for r in kop.raad}:
                problemen.append(f"'raad: {regel.raad}' is geen rol uit de tabel raad van pack.yaml"
                                 f".{suggestie(regel.raad, {r.rol for r in kop.raad})}")
            if regel.effect == Effect.voorwaarde and not (regel.voorwaarde or "").strip():
                problemen.append("een regel met effect 'voorwaarde' moet de voorwaarde noemen (veld 'voorwaarde')")
            for tekst in (regel.uitleg, regel.voorwaarde or ""):
                for pad in _PLAATSHOUDER.findall(tekst):
                    info = _velden().get(pad)
                    if pad in TEKSTPLAATSHOUDERS:
                        continue
                    if info is None or not (info.leesbaar or info.afgeleid):
                        problemen.append(f"de tekst noemt {{{pad}}}, maar dat is geen feit dat een regel kent"
                                         f".{suggestie(pad, [p for p, v in _velden().items() if v.leesbaar])}")
            voorwaarde = _gelezen_voorwaarde(regel.als, parameters, problemen)
            if voorwaarde is not None:
                regels.append(GeladenRegel(regel, voorwaarde, bestand, lijn, effect_parameter))
            meldingen += [Melding(bestand, f"beslisregel '{regel.id}': {p}", lijn) for p in problemen]
        for i, rij in enumerate(inhoud.vormtabel):
            lijn = plaats(("vormtabel", i))
            problemen = bron_problemen(rij.bron)
            vormen = _velden()["juridische_vorm.passende_vormen"].waarden
            for vorm in rij.vormen + rij.uitgesloten:
                if vorm not in vormen:
                    problemen.append(f"'{vorm}' is geen juridische vorm.{suggestie(vorm, vormen)}")
            voorwaarde = _gelezen_voorwaarde(rij.als, parameters, problemen)
            if voorwaarde is not None:
                if any(t.veld.startswith("juridische_vorm.") for t in voorwaarde.toetsen()):
                    problemen.append("een rij van de vormtabel mag geen afgeleide vormvelden lezen")
                rijen.append(GeladenVormrij(rij, voorwaarde, bestand, lijn))
            meldingen += [Melding(bestand, f"vormtabel rij {rij.nr}: {p}", lijn) for p in problemen]

    for naam, parameter in kop.parameters.items():
        meldingen += [Melding("pack.yaml", f"parameter '{naam}': {p}") for p in bron_problemen(parameter.bron)]
    for code, criterium in kop.criteria.items():
        if criterium.bron not in kop.bronnen:
            meldingen.append(Melding("pack.yaml", f"criterium '{code}' noemt onbekende bron '{criterium.bron}'"))
    if len(regels) > MAX_REGELS:
        meldingen.append(Melding("pack.yaml", f"het pakket heeft {len(regels)} regels; hooguit {MAX_REGELS} "
                                              "(meer vraagt te veel van de regelengine)"))
    meldingen += _controleer_adviestabel(kop.adviestabel)
    meldingen += _controleer_acties(kop)
    cv = kop.collegevoorstel
    soorten = ("wgr", "privaatrechtelijk", "overeenkomst", "informeel")
    vormen = _velden()["juridische_vorm"].waarden
    for vorm, punten in cv.wet_per_vorm.items():
        if vorm not in soorten and vorm not in vormen:
            meldingen.append(Melding("pack.yaml", f"collegevoorstel, wet_per_vorm: '{vorm}' is geen juridische vorm "
                                                  f"of soort vorm.{suggestie(vorm, [*soorten, *vormen])}"))
        for punt in punten:
            meldingen += [Melding("pack.yaml", f"collegevoorstel, wet_per_vorm bij {vorm}: {p}")
                          for p in bron_problemen(punt.bron)]
            info = _velden().get(punt.veld or "")
            if punt.veld and (info is None or info.afgeleid or info.soort != "woord" or "ja" not in info.waarden):
                meldingen.append(Melding("pack.yaml", f"collegevoorstel, wet_per_vorm bij {vorm}: veld '{punt.veld}' "
                                                      "is geen ja/nee-veld van de casus"))
            if bool(punt.veld) != bool(punt.kolom):
                meldingen.append(Melding("pack.yaml", f"collegevoorstel, wet_per_vorm bij {vorm}: geef 'veld' en "
                                                      "'kolom' samen (het veld dat het punt nagaat en zijn naam)"))
            meldingen += [Melding("pack.yaml", f"collegevoorstel, wet_per_vorm bij {vorm}: '{n}' is geen juridische "
                                               "vorm") for n in punt.niet_bij if n not in vormen]
    for pad in kop.veldhulp:
        if pad not in _velden() or _velden()[pad].afgeleid:
            meldingen.append(Melding("pack.yaml", f"veldhulp: veld '{pad}' bestaat niet in het casusformaat."
                                                  f"{suggestie(pad, [p for p, v in _velden().items() if not v.afgeleid])}"))
    for sleutel in cv.communicatie_raad:
        if sleutel not in ("toestemming", "informeren"):
            meldingen.append(Melding("pack.yaml", f"collegevoorstel, communicatie_raad: '{sleutel}' is onbekend; "
                                                  "gebruik toestemming of informeren"))
    for code in cv.criteria_juridische_vorm:
        if code not in kop.criteria:
            meldingen.append(Melding("pack.yaml", f"collegevoorstel: criterium '{code}' staat niet in de "
                                                  f"criteriacatalogus.{suggestie(code, kop.criteria)}"))
    ov = kop.overzicht
    for risico in ov.risicos:
        meldingen += [Melding("pack.yaml", f"overzicht, risico '{risico.soort}': {p}") for p in bron_problemen(risico.bron)]
        for niveau in ("hoog", "midden"):
            problemen: list[str] = []
            _gelezen_voorwaarde(getattr(risico, niveau), parameters, problemen)
            meldingen += [Melding("pack.yaml", f"overzicht, risico '{risico.soort}' ({niveau}): {p}") for p in problemen]
    for niveau in ov.sturing:
        if niveau not in ("laag", "midden", "hoog"):
            meldingen.append(Melding("pack.yaml", f"overzicht, sturing: '{niveau}' is geen risiconiveau; "
                                                  "gebruik laag, midden of hoog"))
    for bron in (ov.sturing_bron, ov.overlap_bron):
        if bron:
            meldingen += [Melding("pack.yaml", f"overzicht: {p}") for p in bron_problemen(bron)]
    meldingen += _controleer_nieuw(kop, bron_problemen, parameters, {b for b, _, _ in bestanden})
    for i, kernvraag in enumerate(kop.kernvragen):
        for veld in kernvraag.velden:
            if veld not in _velden() or not _velden()[veld].leesbaar:
                meldingen.append(Melding("pack.yaml", f"kernvraag {i + 1} ('{kernvraag.vraag}'): veld '{veld}' "
                                                      f"bestaat niet of is geen feit.{suggestie(veld, _velden())}"))
    return regels, rijen, meldingen


def _controleer_nieuw(kop: Kop, bron_problemen: Callable[[str], list[str]], parameters: dict[str, float],
                      bestanden: set[str]) -> list[Melding]:
    """Kernvragen, voorwaardengroepen, afhankelijke velden, de raadstabel en de wetsartikelen."""
    meldingen: list[Melding] = []
    for i, k in enumerate(kop.kernvragen):
        for combinatie in k.beantwoord_als or []:
            for veld in combinatie:
                if veld not in k.velden:
                    meldingen.append(Melding("pack.yaml", f"kernvraag {i + 1}: beantwoord_als noemt '{veld}', dat niet "
                                                          "onder de velden van de vraag staat"))
        if k.bron:
            meldingen += [Melding("pack.yaml", f"kernvraag {i + 1}: {p}") for p in bron_problemen(k.bron)]
    for naam, bron in kop.bronnen.items():
        for sectie, tekst in bron.secties.items():
            if re.search(r"\bart\.\s*\d", tekst):
                meldingen.append(Melding("pack.yaml", f"bron '{naam}', sectie '{sectie}' noemt een wetsartikel; zet het in "
                                                      f"de tabel wetsartikelen als '{naam}#{sectie}'"))
    for sleutel in kop.wetsartikelen:
        document, heeft, _ = sleutel.partition("#")
        if not heeft or document not in kop.bronnen:
            meldingen.append(Melding("pack.yaml", f"wetsartikelen: '{sleutel}' is geen verwijzing 'bron#sectie' naar een "
                                                  "bron van het pakket"))
    groepen = {b.rsplit("/", 1)[-1].removesuffix(".yaml") for b in bestanden}
    for groep in kop.voorwaarden.groepen:
        if groep not in groepen:
            meldingen.append(Melding("pack.yaml", f"voorwaarden: groep '{groep}' is geen regelbestand van het pakket."
                                                  f"{suggestie(groep, groepen)}"))
    for veld, als in kop.afhankelijk.items():
        problemen: list[str] = []
        if veld not in _velden() or not _velden()[veld].leesbaar:
            problemen.append(f"veld '{veld}' bestaat niet of is geen feit.{suggestie(veld, _velden())}")
        _gelezen_voorwaarde(als, parameters, problemen)
        meldingen += [Melding("pack.yaml", f"afhankelijk, {veld}: {p}") for p in problemen]
    if kop.wettelijke_plicht is not None:
        p = kop.wettelijke_plicht
        meldingen += [Melding("pack.yaml", f"wettelijke_plicht: {m}") for m in bron_problemen(p.bron)]
        if p.veld not in _velden() or _velden()[p.veld].soort != "woord":
            meldingen.append(Melding("pack.yaml", f"wettelijke_plicht: veld '{p.veld}' is geen ja/nee-veld"))
        if p.voorstel not in ADVIES_RANG[Fase.voorstel][1:] or p.lopend not in ADVIES_RANG[Fase.lopend][1:]:
            meldingen.append(Melding("pack.yaml", "wettelijke_plicht: het advies moet positief zijn (aangaan of "
                                                  "voortzetten, eventueel onder voorwaarden)"))
    soorten = {"wgr", "privaatrechtelijk", "overeenkomst", "informeel"} | set(_velden()["juridische_vorm"].waarden)
    handelingen = {"aangaan", "toetreden", "voortzetten", "wijzigen", "beeindigen", "niet_aangaan"}
    for i, rij in enumerate(kop.raad):
        for h in rij.handeling:
            if h not in handelingen:
                meldingen.append(Melding("pack.yaml", f"raad, rij {i + 1}: '{h}' is geen handeling; kies uit "
                                                      f"{', '.join(sorted(handelingen))}"))
        for s in rij.soort:
            if s not in soorten:
                meldingen.append(Melding("pack.yaml", f"raad, rij {i + 1}: '{s}' is geen (soort) juridische vorm"))
        for a in rij.artikelen:
            if a not in kop.wetsartikelen:
                meldingen.append(Melding("pack.yaml", f"raad, rij {i + 1}: artikel '{a}' staat niet in de tabel "
                                                      f"wetsartikelen.{suggestie(a, kop.wetsartikelen)}"))
    return meldingen


def _gelezen_voorwaarde(als: Any, parameters: dict[str, float], problemen: list[str]) -> Voorwaarde | None:
    """Lees en controleer een voorwaarde; problemen worden aan de lijst toegevoegd."""
    try:
        voorwaarde = lees_voorwaarde(als)
    except VoorwaardeFout as fout:
        problemen.append(str(fout))
        return None
    problemen += controleer_voorwaarde(voorwaarde, parameters)
    vraagt = takken(voorwaarde)
    if len(vraagt) + max(vraagt) > STAPELBUDGET:
        problemen.append(f"de voorwaarde is te groot voor de regelengine ({len(vraagt)} takken na het uitschrijven "
                         f"van elke 'een_van'/lijst; hooguit {STAPELBUDGET} knopen); splits haar in kleinere regels")
    return voorwaarde


def _controleer_adviestabel(tabel: list[Adviesrij]) -> list[Melding]:
    meldingen = []
    toegestaan = {Effect.blokkerend.value, Effect.voorwaarde.value, "anders"}
    for rij in tabel:
        if rij.bij not in toegestaan:
            meldingen.append(Melding("pack.yaml", f"adviestabel: 'bij: {rij.bij}' kan niet; alleen blokkerend, "
                                                  "voorwaarde of anders bepalen het advies"))
        if rij.voorstel not in ADVIES_RANG[Fase.voorstel]:
            meldingen.append(Melding("pack.yaml", f"adviestabel: '{rij.voorstel}' is geen advies voor een voorstel"))
        if rij.lopend not in ADVIES_RANG[Fase.lopend]:
            meldingen.append(Melding("pack.yaml", f"adviestabel: '{rij.lopend}' is geen advies voor een lopende samenwerking"))
    if tabel[-1].bij != "anders":
        meldingen.append(Melding("pack.yaml", "adviestabel: de laatste rij moet 'bij: anders' zijn"))
    for fase in Fase:
        rang = ADVIES_RANG[fase]
        woorden = [rij.voorstel if fase == Fase.voorstel else rij.lopend for rij in tabel]
        if not all(w in rang for w in woorden):
            continue  # al gemeld
        posities = [rang.index(w) for w in woorden]
        if posities != sorted(posities) or len(set(posities)) != len(posities):
            meldingen.append(Melding("pack.yaml", f"adviestabel ({fase.value}): de rijen moeten van negatief naar "
                                                  "positief lopen (blokkerend, dan voorwaarde, dan anders), elk met "
                                                  "een eigen advies"))
        elif posities[-1] != len(rang) - 1:
            meldingen.append(Melding("pack.yaml", f"adviestabel ({fase.value}): de laatste rij moet het positieve "
                                                  f"advies geven ({rang[-1].value})"))
    return meldingen


def _controleer_acties(kop: Kop) -> list[Melding]:
    """Acties zetten alleen velden die de gemeente zelf kan veranderen, op een geldige waarde."""
    meldingen = []
    vast = set(kop.vaste_velden)
    for veld in kop.vaste_velden:
        if veld not in _velden():
            meldingen.append(Melding("pack.yaml", f"vaste_velden: veld '{veld}' bestaat niet.{suggestie(veld, _velden())}"))
    for naam, actie in kop.acties.items():
        for veld, waarde in actie.zet.items():
            info = _velden().get(veld)
            probleem = None
            if info is None or info.afgeleid or "[]" in veld:
                probleem = f"veld '{veld}' bestaat niet in het casusformaat.{suggestie(veld, _velden())}"
            elif veld in vast or info.wereldfeit:
                probleem = (f"veld '{veld}' is een uitkomst uit het verleden of een feit dat de gemeente niet zelf "
                            "verandert; een actie mag het niet zetten")
            elif info.soort == "woord" and waarde not in info.waarden:
                probleem = f"'{waarde}' is geen waarde van veld '{veld}'; kies uit: {', '.join(info.waarden)}"
            elif info.soort == "getal" and not actie.plafond:
                probleem = (f"een bedrag of getal ('{veld}') mag alleen in een actie met 'plafond: true' "
                            "(een expliciet plafond), nooit als waarde net onder een drempel")
            elif info.soort not in ("woord", "getal", "tekst"):
                probleem = f"veld '{veld}' ({info.soort}) kan geen actie zijn: een actie schrapt of verzint geen doelen"
            if probleem:
                meldingen.append(Melding("pack.yaml", f"actie '{naam}': {probleem}"))
        if actie.alleen_als is not None:
            problemen: list[str] = []
            _gelezen_voorwaarde(actie.alleen_als, {}, problemen)
            meldingen += [Melding("pack.yaml", f"actie '{naam}', alleen_als: {p}") for p in problemen]
    return meldingen
