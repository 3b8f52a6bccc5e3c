# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het casusmodel: één samenwerking zoals de beleidsadviseur haar beschrijft.

Het formaat is een publiek contract (zie README, 'Het casusbestand'): veldnamen en woorden
blijven zoals ze hier staan. Elk veld behalve `naam` en `fase` is optioneel; een ontbrekend
veld of de waarde `onbekend` betekent: niet bekend. De engine vult nooit zelf iets in.

Naast het model staat hier de veldcatalogus: elk veld met zijn soort, zijn woordenlijst,
welke waarden gunstiger zijn dan andere en of het een feit van de wereld is (iets wat de
gemeente niet zelf kan veranderen). Regels, validatie en de README lezen die catalogus.
"""


import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, Strict, ValidationInfo,
                      model_validator)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError, core_schema, to_json

from . import woordenlijsten
from .waarden import fragment, lees_bedrag, schone_tekst

ONBEKEND = "onbekend"


# --- woordenlijsten -------------------------------------------------------------------

class Fase(StrEnum):
    voorstel = "voorstel"
    lopend = "lopend"


class JaNee(StrEnum):
    ja = "ja"
    nee = "nee"
    onbekend = "onbekend"


class JaDeelsNee(StrEnum):
    ja = "ja"
    deels = "deels"
    nee = "nee"
    onbekend = "onbekend"


class Soort(StrEnum):
    strategisch = "strategisch"
    uitvoerend = "uitvoerend"
    beide = "beide"
    onbekend = "onbekend"




class PartnerSoort(StrEnum):
    gemeente = "gemeente"
    provincie = "provincie"
    rijk = "rijk"
    waterschap = "waterschap"
    onderwijs = "onderwijs"
    kennisinstelling = "kennisinstelling"
    bedrijfsleven = "bedrijfsleven"
    maatschappelijke_organisatie = "maatschappelijke_organisatie"
    onbekend = "onbekend"


class Belang(StrEnum):
    beschreven = "beschreven"
    niet_beschreven = "niet_beschreven"
    onbekend = "onbekend"


class PartnerKeuze(StrEnum):
    opgave = "opgave"
    bestaande_samenwerking = "bestaande_samenwerking"
    gewoonte = "gewoonte"
    onbekend = "onbekend"





class Helderheid(StrEnum):
    helder = "helder"
    onduidelijk = "onduidelijk"
    onbekend = "onbekend"


class Horizon(StrEnum):
    lang = "lang"
    kort = "kort"
    onbekend = "onbekend"


class JuridischeVorm(StrEnum):
    openbaar_lichaam = "openbaar_lichaam"
    gemeenschappelijk_orgaan = "gemeenschappelijk_orgaan"
    bedrijfsvoeringsorganisatie = "bedrijfsvoeringsorganisatie"
    centrumregeling = "centrumregeling"
    regeling_zonder_meer = "regeling_zonder_meer"
    stichting = "stichting"
    vereniging = "vereniging"
    vennootschap = "vennootschap"
    dienstverleningsovereenkomst = "dienstverleningsovereenkomst"
    convenant = "convenant"
    netwerk = "netwerk"
    nog_te_kiezen = "nog_te_kiezen"
    onbekend = "onbekend"


class VormSoort(StrEnum):
    """Afgeleid: de familie waartoe een juridische vorm behoort (zie juridische-vormen)."""

    wgr = "wgr"
    privaatrechtelijk = "privaatrechtelijk"
    overeenkomst = "overeenkomst"
    informeel = "informeel"
    nog_te_kiezen = "nog_te_kiezen"


class Businesscase(StrEnum):
    aanwezig = "aanwezig"
    ontbreekt = "ontbreekt"
    niet_nodig = "niet_nodig"
    onbekend = "onbekend"


class Dekking(StrEnum):
    binnen_begroting = "binnen_begroting"
    begrotingswijziging_nodig = "begrotingswijziging_nodig"
    onbekend = "onbekend"


class Uitkomst(StrEnum):
    positief = "positief"
    neutraal = "neutraal"
    negatief = "negatief"
    onbekend = "onbekend"


class Toereikend(StrEnum):
    voldoende = "voldoende"
    onvoldoende = "onvoldoende"
    onbekend = "onbekend"


class Art160(StrEnum):
    gedaan = "gedaan"
    niet_gedaan = "niet_gedaan"
    niet_van_toepassing = "niet_van_toepassing"
    onbekend = "onbekend"


class Vertrouwen(StrEnum):
    hoog = "hoog"
    voldoende = "voldoende"
    laag = "laag"
    onbekend = "onbekend"


class Kosten(StrEnum):
    binnen_begroting = "binnen_begroting"
    stijgend = "stijgend"
    structureel_overschreden = "structureel_overschreden"
    onbekend = "onbekend"


class Kwaliteit(StrEnum):
    goed = "goed"
    voldoende = "voldoende"
    onvoldoende = "onvoldoende"
    onbekend = "onbekend"


class SoortVerbondenPartij(StrEnum):
    gr = "gr"
    vennootschap = "vennootschap"
    stichting = "stichting"
    overig = "overig"
    onbekend = "onbekend"


class Niveau(StrEnum):
    laag = "laag"
    midden = "midden"
    hoog = "hoog"
    onbekend = "onbekend"


# --- validatie van woorden, met een Nederlandse melding --------------------------------

def suggestie(woord: str, keuzes: typing.Iterable[str]) -> str:
    """' Bedoelde u 'x'?' als er een woord in de buurt ligt, anders een lege tekst."""
    import difflib  # alleen bij een fout nodig: niet bij elke start laden

    treffers = difflib.get_close_matches(woord, list(keuzes), n=1, cutoff=0.6)
    return f" Bedoelde u '{treffers[0]}'?" if treffers else ""


def _woordcontrole(vocab: type[StrEnum]):
    keuzes = [w.value for w in vocab]
    precies = frozenset(keuzes)

    def controleer(waarde: Any) -> Any:
        if isinstance(waarde, vocab):
            return waarde
        return _kies_woord(waarde, keuzes, precies)

    return controleer


def _kies_woord(waarde: Any, keuzes: list[str], precies: frozenset[str], na: str = "") -> Any:
    """Het woord zoals het hoort, of een Nederlandse melding met de keuzes en een suggestie."""
    if type(waarde) is str and waarde in precies:  # verreweg het meest: het woord zoals het hoort
        return waarde
    if isinstance(waarde, bool) and "ja" in precies:
        return "ja" if waarde else "nee"
    if isinstance(waarde, str) and waarde.strip().lower() in precies:
        return waarde.strip().lower()  # 'Ja', 'JA' en 'Lopend' zijn ondubbelzinnig
    if not isinstance(waarde, str):
        raise PydanticCustomError(
            "woord_type",
            "verwacht een van de woorden {keuzes}, maar hier staat {gevonden}.",
            {"keuzes": ", ".join(keuzes), "gevonden": beschrijf(waarde)},
        )
    raise PydanticCustomError(
        "woord",
        "'{waarde}' is geen geldige waarde; kies uit: {keuzes}.{hint}",
        {"waarde": fragment(waarde), "keuzes": ", ".join(keuzes),
         "hint": (" Meerdere woorden schrijft u als lijst, zoals [zorg, wonen]." if "," in waarde
                  else suggestie(waarde[:100], keuzes)) + na},
    )


# Bij een woord uit een woordenlijst van het pakket: misschien hoort de casus bij een ander pakket.
_ANDER_PAKKET = (" (Dit zijn de woorden van het regelpakket waarmee getoetst wordt; hoort de casus bij een ander pakket, "
                 "toets haar dan met dat pakket.)")


def _pakketwoordcontrole(lijst: str, los: bool):
    """Eén woord uit de woordenlijst `lijst` van het pakket (zie woordenlijsten.py); `los`: een veld met één woord,
    waar ook 'onbekend' mag."""

    def controleer(waarde: Any, info: ValidationInfo) -> Any:
        if waarde is None:
            return None
        lijsten = woordenlijsten.uit_context(info.context)
        keuzes = list(lijsten.woorden(lijst)) + ([ONBEKEND] if los else [])
        return _kies_woord(waarde, keuzes, frozenset(keuzes), _ANDER_PAKKET)

    return controleer


def beschrijf(waarde: Any) -> str:
    """Een waarde zoals een foutmelding haar noemt: 'het getal 7', 'een lijst', ''veel''."""
    if waarde is None:
        return "niets"
    if isinstance(waarde, bool):
        return "een ja/nee-waarde"
    if isinstance(waarde, (int, float)):
        return f"het getal {fragment(str(waarde), 40)}"
    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.isoformat()
    if isinstance(waarde, list):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een groep velden"
    return f"'{fragment(str(waarde))}'"


def _onbekend_is_leeg(waarde: Any) -> Any:
    return None if waarde == ONBEKEND else waarde


def datum_uit(waarde: Any) -> Any:
    """Een datum uit een casus (zie _datum); `onbekend` of niets is None."""
    return _datum(waarde)


def _datum(waarde: Any) -> Any:
    """Een datum als 2026-11-01. Een getal is geen datum: 0 zou anders stil 1 januari 1970 worden."""
    waarde = _onbekend_is_leeg(waarde)
    if waarde is None or (isinstance(waarde, dt.date) and not isinstance(waarde, dt.datetime)):
        return waarde
    if isinstance(waarde, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", waarde.strip()):
        try:
            return dt.date.fromisoformat(waarde.strip())
        except ValueError:
            pass
    raise PydanticCustomError("datum", "verwacht een datum als 2026-11-01 (jaar-maand-dag), maar hier staat "
                              "{gevonden}", {"gevonden": beschrijf(waarde)})


def _groep(waarde: Any) -> Any:
    """Een groep velden die ontbreekt, leeg is of `onbekend` heet, is een lege groep."""
    return {} if waarde is None or waarde == ONBEKEND else waarde


def casusschema(lijsten: "woordenlijsten.Woordenlijsten | None" = None, ref_template: str = "#/$defs/{model}") -> dict:
    """Het JSON Schema van een casusbestand (ook bedragen in de Nederlandse schrijfwijze), voor editors, met de
    woorden en eigen vragen van het pakket. Het schema van de API haalt de bestandsvormen eruit met
    `zonder_bestandsvormen` (zie web/app.py)."""
    lijsten = lijsten or woordenlijsten.standaard()
    schema = _met_woorden(Casus.model_json_schema(ref_template=ref_template), lijsten)
    for pad, vraag in lijsten.vragen.items():
        groep, naam = pad.split(".", 1)
        definitie = schema["$defs"][_GROEPMODEL[groep]]
        definitie.setdefault("properties", {})[naam] = {
            "anyOf": [{"$ref": ref_template.format(model="JaNee")}, {"type": "boolean"}, {"type": "null"}],
            "title": vraag.vraag, "description": vraag.uitleg}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Casus voor samenwerkingstoets"
    return schema


def _met_woorden(schema: Any, lijsten: "woordenlijsten.Woordenlijsten") -> Any:
    """Zet bij elk veld met woorden uit het pakket de woorden als enum, met hun labels in de beschrijving."""
    if isinstance(schema, dict):
        if WOORDENLIJST in schema:
            lijst = schema[WOORDENLIJST]
            woorden = getattr(lijsten, lijst)
            return {"type": "string", "enum": list(woorden), WOORDENLIJST: lijst,
                    "description": "; ".join(f"{w}: {v.label}" for w, v in woorden.items())}
        return {k: _met_woorden(v, lijsten) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_met_woorden(v, lijsten) for v in schema]
    return schema


def zonder_bestandsvormen(schema: Any) -> Any:
    """Het schema zonder de vormen die alleen in een casusbestand mogen (zie IN_BESTAND)."""
    if isinstance(schema, dict):
        uit = {k: zonder_bestandsvormen(v) for k, v in schema.items()}
        if isinstance(uit.get("anyOf"), list):
            uit["anyOf"] = [o for o in uit["anyOf"] if not (isinstance(o, dict) and o.get(IN_BESTAND))]
        return uit
    if isinstance(schema, list):
        return [zonder_bestandsvormen(v) for v in schema]
    return schema


class _OokToegestaan:
    """Zet in het JSON-schema ook de andere vormen die de validatie aanvaardt: 'onbekend', null, ja/nee als
    true/false, één los woord voor een lijst. Zo zegt het schema van de API precies wat een casus mag zijn; de
    validatie zelf verandert er niet door."""

    def __init__(self, *alternatieven: dict, los_item: bool = False):
        self.alternatieven, self.los_item = alternatieven, los_item

    def __get_pydantic_json_schema__(self, core_schema, handler):
        schema = handler(core_schema)
        opties = list(schema["anyOf"]) if set(schema) == {"anyOf"} else [schema]
        if self.los_item:
            opties += [o["items"] for o in opties if o.get("type") == "array" and "items" in o]
        for extra in self.alternatieven:
            if extra not in opties:
                opties.append(extra)
        return {"anyOf": opties} if len(opties) > 1 else opties[0]


ONBEKEND_SCHEMA = {"const": ONBEKEND}
_OOK_ONBEKEND = _OokToegestaan(ONBEKEND_SCHEMA)
# Alleen in een casusbestand (niet in JSON voor de API): een bedrag of percentage in de Nederlandse schrijfwijze.
# Het schema van de API haalt alternatieven met 'x-alleen-in-bestand' weg (zie web/app.py).
IN_BESTAND = "x-alleen-in-bestand"
_BEDRAG_TEKST = _OokToegestaan({"type": "string", IN_BESTAND: True,
                                "pattern": r"^\s*[-−]?\s*(€\s*)?[0-9][0-9.]*(,([0-9]+|-))?\s*[A-Za-z]*\.?\s*$",
                                "description": "een bedrag in de Nederlandse schrijfwijze: 750.000, € 750.000 of "
                                               "'1,5 miljoen' (een saldo mag negatief: '-700.000')"},
                               {"type": "number", IN_BESTAND: True,
                                "description": "750.000 zonder aanhalingstekens: YAML leest een getal, de punt scheidt "
                                               "duizendtallen"})
_PERCENTAGE_TEKST = _OokToegestaan({"type": "string", IN_BESTAND: True,
                                    "pattern": r"^\s*[0-9]{1,3}([.,][0-9]{1,4})?\s*%?\s*$",
                                    "description": "een percentage als 12,5 of 12,5%"})


class _Woordtype:
    """Hoe pydantic een veld met één woord uit `vocab` controleert: eerst `_woordcontrole` (een Nederlandse melding,
    'Ja' wordt 'ja'), dan het woord zelf; bij `leeg` mag het veld ook ontbreken. Eén vaste beschrijving in plaats
    van een BeforeValidator en een keuze 'woord of niets' per veld: pydantic hoeft die dan niet bij elk van de ruim
    honderd woordvelden opnieuw te onderzoeken, en dat scheelt bij elke start van het programma merkbaar tijd. In
    het JSON-schema mag bij een ja/nee-woord ook true of false."""

    eigen = ()  # bouwt de controle zelf op: een eigen beperking van het veld zou vervallen (zie hieronder)

    def __init__(self, vocab: type[StrEnum], leeg: bool):
        self.vocab, self.leeg = vocab, leeg
        self.controleer = _woordcontrole(vocab)
        self.ook_ja_nee = "ja" in {w.value for w in vocab}

    def __get_pydantic_core_schema__(self, bron: Any, handler: Any) -> Any:
        schema = core_schema.no_info_before_validator_function(self.controleer, handler.generate_schema(self.vocab))
        return core_schema.nullable_schema(schema) if self.leeg else schema

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        uit = handler(schema)
        if not self.ook_ja_nee:
            return uit
        opties = list(uit["anyOf"]) if set(uit) == {"anyOf"} else [uit]
        plaats = len(opties) - 1 if self.leeg else len(opties)  # true/false vóór null, zoals elders
        return {"anyOf": opties[:plaats] + [{"type": "boolean"}] + opties[plaats:]}


@functools.cache
def W(vocab: type[StrEnum]):
    """Het type van een verplicht veld met één woord uit `vocab`. Eén keer per woordenlijst gemaakt: velden met
    dezelfde woordenlijst delen hetzelfde type."""
    return Annotated[vocab, _Woordtype(vocab, leeg=False)]


@functools.cache
def Woord(vocab: type[StrEnum]):
    """Een veld met één woord uit `vocab`, dat ook mag ontbreken (niet bekend)."""
    return Annotated[vocab | None, _Woordtype(vocab, leeg=True)]


def veld(beschrijving: str, *, volgorde: list[str] | None = None, wereldfeit: bool = False,
         richting: str = "", default: Any = None, woordenlijst: str = "") -> Any:
    """Een optioneel veld met zijn beschrijving en metadata voor regels en wat-als.

    `volgorde` zet de woorden van ongunstig naar gunstig; `richting` zegt dat bij een getal een
    hogere ('hoger') of lagere ('lager') waarde gunstiger is. Beide dienen de bandbreedte."""
    extra: dict[str, Any] = {}
    if volgorde:
        extra["volgorde"] = volgorde
    if richting:
        extra["richting"] = richting
    if wereldfeit:
        extra["wereldfeit"] = True
    if woordenlijst:
        extra["woordenlijst"] = woordenlijst
    return Field(default=default, description=beschrijving, json_schema_extra=extra or None)


POSITIEF = ["nee", "onbekend", "ja"]  # van ongunstig naar gunstig
NEGATIEF = ["ja", "onbekend", "nee"]


def _als_lijst(waarde: Any) -> Any:
    """Eén los woord mag ook: `themas: zorg` is `themas: [zorg]`."""
    waarde = _onbekend_is_leeg(waarde)
    return [waarde] if isinstance(waarde, str) else waarde


@functools.cache
def Woorden(vocab: type[StrEnum]):
    """Een lijst woorden uit `vocab`; `onbekend` of ontbreken betekent: niet bekend."""
    return Annotated[list[W(vocab)] | None, BeforeValidator(_als_lijst),
                     _OokToegestaan(ONBEKEND_SCHEMA, los_item=True)]


class _UitDeLijst:
    """In het JSON-schema: een woord uit woordenlijst `lijst` van het pakket. `casusschema` zet er de woorden van
    het gekozen pakket in (als enum, met hun labels)."""

    def __init__(self, lijst: str):
        self.lijst = lijst

    def __get_pydantic_json_schema__(self, core_schema, handler):
        schema = handler(core_schema)

        def gemerkt(deel: dict) -> dict:
            return {"type": "string", WOORDENLIJST: self.lijst} if deel.get("type") == "string" else deel
        if "anyOf" in schema:
            return {**schema, "anyOf": [gemerkt(d) for d in schema["anyOf"]]}
        return gemerkt(schema)


WOORDENLIJST = "x-woordenlijst"


@functools.cache
def PakketWoord(lijst: str):
    """Het type van een veld met één woord uit de woordenlijst `lijst` van het pakket (of 'onbekend')."""
    return Annotated[str | None, BeforeValidator(_pakketwoordcontrole(lijst, los=True)),
                     BeforeValidator(_onbekend_is_leeg), _UitDeLijst(lijst), _OOK_ONBEKEND]


@functools.cache
def PakketWoorden(lijst: str):
    """Een lijst woorden uit de woordenlijst `lijst` van het pakket; `onbekend` of ontbreken: niet bekend."""
    item = Annotated[str, BeforeValidator(_pakketwoordcontrole(lijst, los=False)), _UitDeLijst(lijst)]
    return Annotated[list[item] | None, BeforeValidator(_als_lijst), _OokToegestaan(ONBEKEND_SCHEMA, los_item=True)]


@functools.cache
def _tekst(verplicht: bool = False, onbekend_bewaren: bool = False):
    """Vrije tekst: onzichtbare tekens en witruimte aan de randen tellen niet; wat dan leeg is,
    ontbreekt. `onbekend` betekent ook hier: niet bekend (of wordt bewaard waar het verschil
    tussen 'niet bekend' en 'niet gegeven' ertoe doet, zoals bij de opgave)."""

    def controleer(waarde: Any) -> Any:
        if not isinstance(waarde, str):
            return waarde
        schoon = schone_tekst(waarde)
        if schoon.lower() == ONBEKEND:
            if verplicht:
                raise PydanticCustomError("tekst_onbekend", "dit veld is verplicht; 'onbekend' is hier niet genoeg")
            return ONBEKEND if onbekend_bewaren else None
        if onbekend_bewaren and schoon.lower() == "geen":
            return "geen"  # 'er is er geen': een antwoord, geen onbekend veld
        if not schoon:
            if verplicht:
                raise PydanticCustomError(
                    "tekst_leeg", "deze tekst mag niet leeg zijn (spaties en onzichtbare tekens tellen niet mee)")
            return None
        if verplicht and not _LEESBAAR.search(schoon):
            raise PydanticCustomError("tekst_leeg", "deze tekst moet minstens één letter of cijfer bevatten")
        return schoon

    return BeforeValidator(controleer)


# Een verplichte tekst (een naam, een reden) bevat minstens één letter of cijfer en is niet 'onbekend'. Dezelfde
# uitdrukking staat in het JSON-schema van de API, zodat een ander systeem vooraf weet wat aanvaard wordt.
LEESBAAR = r"^(?!\s*[Oo][Nn][Bb][Ee][Kk][Ee][Nn][Dd]\s*$)[\s\S]*[^\W_]"
_LEESBAAR = re.compile(r"[^\W_]")
VERPLICHT = {"pattern": LEESBAAR}


def _alleen_getal(waarde: Any, info: ValidationInfo) -> Any:
    """In JSON (de API) is een bedrag een getal: de Nederlandse schrijfwijze als tekst ('1,5 miljoen') is er voor
    wie een casusbestand typt. Zo zegt het schema van de API precies wat aanvaard wordt."""
    if isinstance(waarde, str) and waarde != ONBEKEND and (info.context or {}).get("json"):
        raise PydanticCustomError("bedrag", "in JSON is een bedrag of percentage een getal, zoals 750000 of 12.5 (of "
                                  "null als het niet bekend is), geen tekst")
    return waarde


def _bedrag(waarde: Any) -> Any:
    waarde = _onbekend_is_leeg(waarde)
    if waarde is None:
        return None
    uitkomst = lees_bedrag(waarde)
    if isinstance(uitkomst, str):
        raise PydanticCustomError("bedrag", "{uitleg}", {"uitleg": uitkomst})
    return uitkomst


def _saldo(waarde: Any) -> Any:
    """Een bedrag dat ook negatief kan zijn (eigen vermogen, resultaat): '-1,2 miljoen', '− 250.000'."""
    waarde = _onbekend_is_leeg(waarde)
    tekst = getattr(waarde, "tekst", None)  # '-700.000' in YAML: een getal, met de tekst zoals hij er stond
    if isinstance(tekst, str) and isinstance(waarde, (int, float)) and tekst.strip()[:1] == "-":
        waarde = tekst
    if isinstance(waarde, str) and waarde.strip()[:1] in ("-", "−"):
        uitkomst = lees_bedrag(waarde.strip()[1:])
        if isinstance(uitkomst, str):
            raise PydanticCustomError("bedrag", "{uitleg}", {"uitleg": uitkomst})
        return -uitkomst
    if isinstance(waarde, int) and not isinstance(waarde, bool) and waarde < 0:
        return waarde
    return _bedrag(waarde)


class EenSchema:
    """Eén controle voor alle velden van hetzelfde samengestelde type (een bedrag, een saldo, een jaar, een datum, de
    twee stellingen van een factor): pydantic stelt haar één keer op en elk volgend veld van dat type krijgt
    dezelfde. Anders onderzoekt pydantic de controles en schema-aanvullingen van zo'n type bij elk veld opnieuw,
    en dat kost bij elke start van het programma merkbaar tijd. Alleen voor typen zonder woordenlijst-enum (die
    verwijst per model naar een eigen definitie); de controle en het JSON-schema blijven precies zoals pydantic ze
    zelf zou maken."""

    def __init__(self, type_: Any):
        self.type_, self.schema = type_, None
        self.eigen = tuple(typing.get_args(type_)[1:])  # de controles en aanvullingen van het type zelf

    def __get_pydantic_core_schema__(self, bron: Any, handler: Any) -> Any:
        if self.schema is None:
            self.schema = handler.generate_schema(self.type_)
        # Een eigen kop met eigen metadata per veld: pydantic vult die aan, en dat mag het gedeelde niet raken.
        metadata = {k: list(v) if isinstance(v, list) else v for k, v in self.schema.get("metadata", {}).items()}
        return {**self.schema, "metadata": metadata}


def _gedeeld(type_: Any) -> Any:
    """`type_` met één gedeelde controle voor al zijn velden (zie EenSchema)."""
    return Annotated[type_, EenSchema(type_)]


# Scores en jaren zijn hele getallen; een ja/nee-waarde of een kommagetal wordt nooit stil omgezet.
Score = Annotated[int, Strict(), Field(ge=1, le=5)]
# Eén stelling mag nog open staan ([3, onbekend]): een half ingevulde scan is een concept. De factor telt pas mee
# als beide stellingen een score hebben (zie feiten.factorscore).
Stelling = Annotated[Score | None, BeforeValidator(_onbekend_is_leeg), _OOK_ONBEKEND]
Stellingen = _gedeeld(Annotated[Annotated[list[Stelling], Field(min_length=2, max_length=2)] | None,
                                BeforeValidator(_onbekend_is_leeg), _OOK_ONBEKEND])
Bedrag = _gedeeld(Annotated[Annotated[int, Strict(), Field(ge=0, le=10**13)] | None, BeforeValidator(_bedrag),
                            BeforeValidator(_alleen_getal), _OOK_ONBEKEND, _BEDRAG_TEKST])
Saldo = _gedeeld(Annotated[Annotated[int, Strict(), Field(ge=-10**13, le=10**13)] | None, BeforeValidator(_saldo),
                           BeforeValidator(_alleen_getal), _OOK_ONBEKEND, _BEDRAG_TEKST])
Jaar = _gedeeld(Annotated[Annotated[int, Strict(), Field(ge=1900, le=2200)] | None,
                          BeforeValidator(_onbekend_is_leeg), _OOK_ONBEKEND])
Tekst = Annotated[str | None, _tekst()]  # niet gedeeld: veel tekstvelden hebben een eigen max_length


def _datum_in_json(waarde: Any, info: ValidationInfo) -> Any:
    """In JSON (de API) is een onbekende datum null: zo zegt het schema precies wat een datum is (format: date)."""
    if waarde == ONBEKEND and (info.context or {}).get("json"):
        raise PydanticCustomError("datum", "in JSON is een onbekende datum null, niet 'onbekend'")
    return waarde


Datum = _gedeeld(Annotated[dt.date | None, BeforeValidator(_datum), BeforeValidator(_datum_in_json),
                           _OokToegestaan({**ONBEKEND_SCHEMA, IN_BESTAND: True})])


def _percentage(waarde: Any) -> Any:
    """Een percentage van 0 tot en met 100: 12,5 of 12.5, met of zonder %-teken. Een ja/nee-waarde of een tekst die
    geen getal is, wordt nooit stil iets anders."""
    waarde = _onbekend_is_leeg(waarde)
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        raise PydanticCustomError("percentage", "verwacht een percentage (zoals 12,5), maar hier staat een ja/nee-waarde")
    if isinstance(waarde, (int, float)):
        getal = float(waarde)
    elif isinstance(waarde, str) and re.fullmatch(r"\s*[0-9]{1,3}(?:[.,][0-9]{1,4})?\s*%?\s*", waarde):
        getal = float(waarde.strip().rstrip("%").strip().replace(",", "."))
    else:
        raise PydanticCustomError("percentage", "'{waarde}' is geen percentage; schrijf het als 12,5 of 12,5%",
                                  {"waarde": fragment(str(waarde), 40)})
    if not 0 <= getal <= 100:
        raise PydanticCustomError("percentage", "een percentage ligt tussen 0 en 100; hier staat {getal}",
                                  {"getal": fragment(str(waarde), 40)})
    return getal


Percentage = Annotated[Annotated[float, Field(ge=0, le=100)] | None, BeforeValidator(_percentage),
                       BeforeValidator(_alleen_getal), _OOK_ONBEKEND, _PERCENTAGE_TEKST]


class Model(BaseModel):
    # Een groep wordt alleen als deel van de casus gecontroleerd (Casus bouwt haar controle wel meteen): dat de
    # groepen er niet elk ook zelf een bouwen, scheelt bij elke start van het programma tijd.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Vraaggroep(Model):
    """Een groep velden waarin het pakket ook eigen ja/nee-vragen mag zetten (`vragen:` in de woordenlijsten van
    pack.yaml, zoals rol.verbinding_mra). In het bestand staan die vragen gewoon tussen de andere velden; de casus
    bewaart ze apart (Casus.vragen) en zet ze bij het opslaan terug. Een vraag die het pakket niet stelt, is een
    onbekend veld."""

    GROEP: typing.ClassVar[str] = ""


PAKKETVRAGEN = "pakketvragen"


class Partner(Model):
    naam: Annotated[str, _tekst(verplicht=True)] = Field(description="naam van de partner", max_length=200,
                                                          json_schema_extra=VERPLICHT)
    soort: Woord(PartnerSoort) = veld("soort organisatie", wereldfeit=True)
    belang: Woord(Belang) = veld(
        "is het strategisch belang van deze partner beschreven? (succesfactor 1)",
        volgorde=["niet_beschreven", "onbekend", "beschreven"])


class Opgave(Vraaggroep):
    GROEP = "opgave"

    omschrijving: Annotated[str | None, _tekst(onbekend_bewaren=True)] = Field(
        default=None, max_length=5_000, description="de maatschappelijke opgave; 'geen' = er is geen opgave benoemd; leeg, "
                                  "ontbrekend of 'onbekend' = niet bekend")
    overstijgt_gemeentegrens: Woord(JaNee) = veld(
        "overstijgt de opgave de gemeentegrens?", volgorde=POSITIEF, wereldfeit=True)
    complex: Woord(JaNee) = veld(
        "is de opgave te complex om alleen op te pakken?", volgorde=POSITIEF, wereldfeit=True)
    partners_gekozen_op: Woord(PartnerKeuze) = veld(
        "waarop zijn de partners gekozen?",
        volgorde=["gewoonte", "bestaande_samenwerking", "onbekend", "opgave"])


class ToegevoegdeWaarde(Vraaggroep):
    GROEP = "toegevoegde_waarde"

    inwoners: Woord(JaNee) = veld(
        "waarde voor inwoners, bedrijven en maatschappelijke organisaties", volgorde=POSITIEF)
    gemeente: Woord(JaNee) = veld("waarde voor de eigen gemeente", volgorde=POSITIEF)
    regio: Woord(JaNee) = veld("waarde voor de regio", volgorde=POSITIEF)
    korte_termijn_doelen: Woord(JaNee) = veld(
        "draagt bij aan de kortetermijndoelen van de gemeente", volgorde=POSITIEF)
    lange_termijn_doelen: Woord(JaNee) = veld(
        "draagt bij aan de langetermijndoelen van de gemeente", volgorde=POSITIEF)
    lokaal_nadeel: Woord(JaNee) = veld(
        "gaat de regionale winst ten koste van een duidelijk lokaal belang?", volgorde=NEGATIEF)


class Doelen(Vraaggroep):
    GROEP = "doelen"

    strategisch: PakketWoorden("strategische_doelen") = veld(
        "de strategische doelen uit de visie die de samenwerking dient", woordenlijst="strategische_doelen")
    uitvoerend: PakketWoorden("uitvoerende_doelen") = veld(
        "de uitvoeringsdoelen uit de visie die de samenwerking dient", woordenlijst="uitvoerende_doelen")


class RolGegevens(Vraaggroep):
    GROEP = "rol"

    eigen: PakketWoorden("rollen") = veld("de rol(len) van de eigen gemeente", woordenlijst="rollen")
    centrumgemeente_taak: Woord(JaNee) = veld(
        "raakt de samenwerking een taak als centrumgemeente?", wereldfeit=True)
    taakverdeling_regionaal_lokaal: Woord(Helderheid) = veld(
        "is helder wat regionaal en wat lokaal gebeurt?", volgorde=["onduidelijk", "onbekend", "helder"])
    horizon: Woord(Horizon) = veld("looptijd van de samenwerking", volgorde=["kort", "onbekend", "lang"])
    gelijkwaardig: Woord(JaNee) = veld(
        "zijn de partners gelijkwaardig, zonder dominantie of afhankelijkheid?", volgorde=POSITIEF)
    eigen_belang_transparant: Woord(JaNee) = veld(
        "is de gemeente open over haar eigen belangen?", volgorde=POSITIEF)


class Taak(Vraaggroep):
    GROEP = "taak"

    bevoegdheden_overdragen: Woord(JaNee) = veld(
        "moeten bevoegdheden worden overgedragen (delegatie)?", wereldfeit=True)
    beleidsruimte: Woord(JaNee) = veld("laat de taak ruimte voor beleidskeuzes?", wereldfeit=True)
    wettelijk_verplicht_regionaal: Woord(JaNee) = veld(
        "gaat het om een wettelijk verplicht regionaal orgaan (veiligheidsregio, GGD, omgevingsdienst)?",
        wereldfeit=True)
    eigen_personeel: Woord(JaNee) = veld("heeft de samenwerking eigen personeel?", wereldfeit=True)
    eigen_budget: Woord(JaNee) = veld("heeft de samenwerking een eigen budget?", wereldfeit=True)
    private_partners: Woord(JaNee) = veld(
        "doen niet-overheidspartners mee, of is er marktactiviteit?", wereldfeit=True)
    wettelijke_samenwerkingsplicht: Woord(JaNee) = veld(
        "verplicht de wet tot regionale samenwerking zonder een vorm voor te schrijven (Jeugdwet, Wmo)?",
        wereldfeit=True)
    een_gastgemeente_voert_uit: Woord(JaNee) = veld(
        "voert één gastgemeente het werk uit voor de anderen?", wereldfeit=True)


class Onderbouwing(Vraaggroep):
    GROEP = "onderbouwing"

    businesscase: Woord(Businesscase) = veld(
        "is er een businesscase?", volgorde=["ontbreekt", "onbekend", "niet_nodig", "aanwezig"])
    businesscase_uitkomst: Woord(Uitkomst) = veld(
        "wat is de uitkomst van de businesscase voor de eigen gemeente?",
        volgorde=["negatief", "onbekend", "neutraal", "positief"])
    nulmeting: Woord(JaNee) = veld(
        "heeft de businesscase een nulmeting (de uitgangssituatie, om later tegen te meten)?", volgorde=POSITIEF)
    kosten_per_jaar: Bedrag = veld("aandeel van de eigen gemeente in euro per jaar", richting="lager")
    kosten_structureel: Woord(JaNee) = veld(
        "zijn de jaarlijkse kosten structureel (blijvend) en niet tijdelijk?", volgorde=NEGATIEF, wereldfeit=True)
    eenmalige_kosten: Bedrag = veld(
        "eenmalige kosten voor de eigen gemeente in euro (invoering, frictie, ontvlechting)", richting="lager")
    dekking: Woord(Dekking) = veld(
        "hoe worden de kosten gedekt: binnen de bestaande begroting, of is een begrotingswijziging nodig?",
        volgorde=["begrotingswijziging_nodig", "onbekend", "binnen_begroting"])
    capaciteit_en_middelen: Woord(Toereikend) = veld(
        "genoeg strategische capaciteit en middelen?", volgorde=["onvoldoende", "onbekend", "voldoende"])
    lobby_agenda: Woord(JaNee) = veld(
        "is de samenwerking verbonden met de lobbystrategie en -agenda?", volgorde=POSITIEF)
    begroting_onder_druk: Woord(JaNee) = veld(
        "staat de begroting van de eigen gemeente onder druk?", volgorde=NEGATIEF, wereldfeit=True)
    kosten_baten_afgewogen: Woord(JaNee) = veld(
        "zijn de kosten voor de eigen gemeente afgewogen tegen de baten?", volgorde=POSITIEF)
    uittreding_elders: Woord(JaNee) = veld(
        "betekent meedoen dat de gemeente uit een andere regeling moet treden?", volgorde=NEGATIEF,
        wereldfeit=True)
    uittreedsom_elders: Bedrag = veld(
        "de uittreedsom van die andere regeling, in euro", wereldfeit=True, richting="lager")


class Sturing(Vraaggroep):
    GROEP = "sturing"

    informatie_aan_raad: Woord(JaNee) = veld("wordt de raad actief geïnformeerd?", volgorde=POSITIEF)
    zienswijze_raad: Woord(JaNee) = veld("kan de raad zienswijzen geven?", volgorde=POSITIEF)
    evaluatie_afgesproken: Woord(JaNee) = veld("is periodieke evaluatie afgesproken?", volgorde=POSITIEF)
    uittredingsregeling: Woord(JaNee) = veld("is uittreding geregeld?", volgorde=POSITIEF)
    rolverdeling_helder: Woord(JaNee) = veld(
        "zijn opdrachtgever, opdrachtnemer en eigenaar helder belegd?", volgorde=POSITIEF)
    raad_tevreden: Woord(JaNee) = veld(
        "is de raad tevreden over de informatie en de invloed die hij krijgt?", volgorde=POSITIEF)
    in_overzicht: Woord(JaNee) = veld(
        "staat de samenwerking in het actuele overzicht van thema's en samenwerkingsrelaties?",
        volgorde=POSITIEF)
    burgerparticipatie: Woord(JaNee) = veld(
        "regelt de regeling hoe inwoners betrokken worden (burgerparticipatie, gewijzigde Wgr)?", volgorde=POSITIEF)
    art160_toets: Woord(Art160) = veld(
        "is de toets van art. 160 Gemeentewet gedaan (privaatrechtelijke vormen)?",
        volgorde=["niet_gedaan", "niet_van_toepassing", "onbekend", "gedaan"])


class SamenwerkingKwaliteit(Vraaggroep):
    GROEP = "samenwerking"

    gedeelde_visie: Woord(JaDeelsNee) = veld(
        "delen de partners een visie op het domein?", volgorde=["nee", "deels", "onbekend", "ja"])
    gezamenlijk_koersdoel: Woord(JaNee) = veld("is er een gezamenlijk koersdoel?", volgorde=POSITIEF)
    ambitie_concreet: Woord(JaNee) = veld(
        "is de gezamenlijke ambitie helder en concreet?", volgorde=POSITIEF)
    vertrouwen: Woord(Vertrouwen) = veld(
        "het onderlinge vertrouwen", volgorde=["laag", "onbekend", "voldoende", "hoog"])
    bestuurders_kennen_elkaar: Woord(JaNee) = veld(
        "kennen de bestuurders elkaar, de gevoeligheden en de kansen van de regio?", volgorde=POSITIEF)
    samenwerkingsvaardigheden: Woord(JaNee) = veld(
        "wordt geïnvesteerd in regionale oriëntatie en samenwerkingsvaardigheden?", volgorde=POSITIEF)
    concurrentie_tussen_partners: Woord(JaNee) = veld(
        "hindert onderlinge concurrentie de samenwerking?", volgorde=NEGATIEF)
    regie_georganiseerd: Woord(JaNee) = veld(
        "is de samenhang georganiseerd (regiegroep, ambtelijk secretaris)?", volgorde=POSITIEF)
    partners_kiezen_eigen_oplossingen: Woord(JaNee) = veld(
        "kiezen partners na gezamenlijke verkenning toch hun eigen oplossing?", volgorde=NEGATIEF)
    collectieve_oplossing_beschikbaar: Woord(JaNee) = veld(
        "bestaat er een collectieve (landelijke) oplossing of standaard?", wereldfeit=True)
    collectieve_oplossing_benut: Woord(JaNee) = veld(
        "wordt die collectieve oplossing of standaard benut?", volgorde=POSITIEF)
    ruimte_voor_verschil_in_tempo: Woord(JaNee) = veld(
        "is er ruimte voor verschil in tempo en intensiteit?", volgorde=POSITIEF)
    sleutelpartner_vertrekt: Woord(JaNee) = veld(
        "vertrekt een partner zonder wie de samenwerking in deze vorm niet kan (uittreding, fusie, "
        "herindeling of een andere samenwerking)?", volgorde=NEGATIEF, wereldfeit=True)


SUCCESFACTOREN = {
    "belangen_alle_deelnemers": ("SF-1", "concrete strategische belangen van alle deelnemers"),
    "identiteit": ("SF-2", "identiteit die de eigen identiteit versterkt"),
    "rationele_en_emotionele_keuze": ("SF-3", "rationele én emotionele keuze voor bestuurskracht"),
    "samenspel_college_raad_organisatie": ("SF-4", "samenspel van colleges, raden en organisaties"),
    "durf_en_realisme": ("SF-5", "durf en realisme"),
    "beeld_van_de_organisatie": ("SF-6", "gemeenschappelijk beeld van de organisatie"),
    "relatie_sleutelfiguren": ("SF-7", "goede relatie tussen sleutelfiguren"),
    "geregisseerd_proces": ("SF-8", "goed geregisseerd proces"),
    "betrokken_medewerkers": ("SF-9", "betrokken, lerende medewerkers"),
    "betekenisgeving": ("SF-10", "betekenisgeving en zingeving"),
}


# De twee stellingen per factor, in eigen woorden naar de scan van WagenaarHoes ('Tien succesfactoren voor
# intergemeentelijke samenwerking', de stellingen bij elke factor). Score 1 = helemaal oneens, 5 = helemaal eens.
STELLINGEN = {
    "belangen_alle_deelnemers": (
        "De samenwerking verbetert de kwaliteit, maakt ons minder kwetsbaar en de dienstverlening beter.",
        "Door de samenwerking kunnen we onze strategische ambities waarmaken."),
    "identiteit": (
        "Inwoners, bestuurders en ambtenaren hechten zichtbaar aan de eigen identiteit van hun gemeente.",
        "De gezamenlijke identiteit van de samenwerking maakt de afzonderlijke gemeenten sterker."),
    "rationele_en_emotionele_keuze": (
        "De redenen om samen te werken zijn met argumenten onderbouwd én worden ook zo gevoeld.",
        "In onze gemeente is men er inhoudelijk en gevoelsmatig van overtuigd dat we samen sterker staan."),
    "samenspel_college_raad_organisatie": (
        "Colleges, raden en ambtelijke organisaties spelen elk hun eigen rol.",
        "Raad, college en ambtelijke organisatie van onze gemeente zitten op één lijn."),
    "durf_en_realisme": (
        "Onze gemeente heeft genoeg bestuurlijke en ambtelijke moed.",
        "Onze gemeente kan goed omgaan met verschillende gezichtspunten."),
    "beeld_van_de_organisatie": (
        "Onze bestuurders weten precies wat het organiseren van de samenwerking vraagt.",
        "Bestuurders en ambtenaren zien opdrachtgever, opdrachtnemer en eigenaar op dezelfde manier."),
    "relatie_sleutelfiguren": (
        "De sleutelfiguren in onze gemeente en tussen de gemeenten hebben goede verhoudingen.",
        "De sleutelfiguren bespreken met elkaar wat er voor hen echt toe doet."),
    "geregisseerd_proces": (
        "Er zijn heldere afspraken voor als er problemen ontstaan, en de eigenaren staan erachter.",
        "De voortgang van de samenwerking wordt regelmatig als proces geëvalueerd."),
    "betrokken_medewerkers": (
        "Onze medewerkers hebben genoeg kennis en ervaring om actief mee te doen (zo nodig met hulp van buiten).",
        "Onze medewerkers voelen zich betrokken bij de samenwerking."),
    "betekenisgeving": (
        "Bestuur, management en medewerkers geven samen betekenis aan de samenwerking.",
        "Er is aandacht voor de beelden en vooroordelen over elkaar die de samenwerking kunnen hinderen."),
}

# Een tekstveld waarbij 'er is er geen' een antwoord is: de adviseur schrijft dan uitdrukkelijk `geen`. Een
# ontbrekend of leeg veld betekent, zoals overal, niet bekend.
GEEN_IS_ANTWOORD = ("opgave.omschrijving",)
GEEN_OPGAVE = "geen"


class Succesfactoren(Model):
    """De scan van de tien succesfactoren: per factor twee stellingen, elk gescoord 1 t/m 5."""

    belangen_alle_deelnemers: Stellingen = veld(SUCCESFACTOREN["belangen_alle_deelnemers"][1])
    identiteit: Stellingen = veld(SUCCESFACTOREN["identiteit"][1])
    rationele_en_emotionele_keuze: Stellingen = veld(SUCCESFACTOREN["rationele_en_emotionele_keuze"][1])
    samenspel_college_raad_organisatie: Stellingen = veld(
        SUCCESFACTOREN["samenspel_college_raad_organisatie"][1])
    durf_en_realisme: Stellingen = veld(SUCCESFACTOREN["durf_en_realisme"][1])
    beeld_van_de_organisatie: Stellingen = veld(SUCCESFACTOREN["beeld_van_de_organisatie"][1])
    relatie_sleutelfiguren: Stellingen = veld(SUCCESFACTOREN["relatie_sleutelfiguren"][1])
    geregisseerd_proces: Stellingen = veld(SUCCESFACTOREN["geregisseerd_proces"][1])
    betrokken_medewerkers: Stellingen = veld(SUCCESFACTOREN["betrokken_medewerkers"][1])
    betekenisgeving: Stellingen = veld(SUCCESFACTOREN["betekenisgeving"][1])


class Evaluatie(Model):
    jaar_laatste_evaluatie: Jaar = veld("jaar van de laatste evaluatie")
    doelen_gerealiseerd: Woord(JaDeelsNee) = veld(
        "zijn de doelen gerealiseerd?", volgorde=["nee", "deels", "onbekend", "ja"])
    kostenontwikkeling: Woord(Kosten) = veld(
        "kosten tegenover begroting of besparingsdoel",
        volgorde=["structureel_overschreden", "stijgend", "onbekend", "binnen_begroting"])
    kwaliteit: Woord(Kwaliteit) = veld(
        "kwaliteit van de dienstverlening", volgorde=["onvoldoende", "onbekend", "voldoende", "goed"])
    herstelperspectief: Woord(JaNee) = veld("is er zicht op herstel?", volgorde=POSITIEF)
    uittreedkosten: Woord(Niveau) = veld("hoogte van de uittreedkosten", wereldfeit=True)
    context_gewijzigd: Woord(JaNee) = veld(
        "is de context gewijzigd (herindeling, nieuwe wettelijke taken, beter alternatief)?",
        wereldfeit=True)
    taken_terug: Woord(JaNee) = veld(
        "wil de gemeente een deel van de taken terughalen (gedeeltelijke ontvlechting)?", volgorde=NEGATIEF)


class VerbondenPartij(Model):
    """Wat het register van verbonden partijen en de paragraaf verbonden partijen (BBV art. 15) vragen."""

    soort: Woord(SoortVerbondenPartij) = veld(
        "soort verbonden partij: gemeenschappelijke regeling (gr), vennootschap, stichting of overig",
        wereldfeit=True)
    vestigingsplaats: Tekst = Field(default=None, max_length=200, description="de vestigingsplaats van de partij")
    jaar: Jaar = veld("het jaar waarop de financiële gegevens hieronder betrekking hebben")
    openbaar_belang: Tekst = Field(default=None, max_length=2_000,
                                   description="het openbaar belang dat de samenwerking dient")
    financieel_belang_begin: Bedrag = veld(
        "het financieel belang van de gemeente (aandelen, garantie, lening) aan het begin van het jaar, in euro",
        wereldfeit=True)
    financieel_belang: Bedrag = veld(
        "het financieel belang van de gemeente (aandelen, garantie, lening) aan het eind van het jaar, in euro",
        wereldfeit=True)
    eigen_vermogen_begin: Saldo = veld("eigen vermogen van de verbonden partij aan het begin van het jaar, in euro",
                                       wereldfeit=True)
    eigen_vermogen_eind: Saldo = veld("eigen vermogen van de verbonden partij aan het eind van het jaar, in euro",
                                      wereldfeit=True)
    vreemd_vermogen_begin: Bedrag = veld("vreemd vermogen van de verbonden partij aan het begin van het jaar, in euro",
                                         wereldfeit=True)
    vreemd_vermogen_eind: Bedrag = veld("vreemd vermogen van de verbonden partij aan het eind van het jaar, in euro",
                                        wereldfeit=True)
    resultaat: Saldo = veld("financieel resultaat van de verbonden partij over het jaar, in euro", wereldfeit=True)
    risicos: Tekst = Field(default=None, max_length=5_000,
                           description="de risico's die de gemeente bij deze partij ziet")
    aandeel: Percentage = Field(default=None, description="het aandeel van de gemeente in de partij, in procenten "
                                                           "(zoals 12,5); bijvoorbeeld naar inwonertal of deelname")
    zeggenschap: Tekst = Field(default=None, max_length=500,
                               description="zetel en stem van de gemeente in het bestuur; zoals 'één zetel in het "
                                           "algemeen bestuur, 12 van de 100 stemmen'")
    programma: Tekst = Field(default=None, max_length=200,
                             description="het programma van de begroting waaraan de partij bijdraagt")


class Kopgegevens(Model):
    """De kop van het collegevoorstel. Wat hier niet staat, blijft in het voorstel open voor de steller: het
    programma vult nooit een naam of nummer in."""

    portefeuillehouder: Tekst = Field(default=None, max_length=200, description="de wethouder of burgemeester die het "
                                                                                 "voorstel in het college brengt")
    steller: Tekst = Field(default=None, max_length=200, description="wie het voorstel schreef")
    afdeling: Tekst = Field(default=None, max_length=200, description="de afdeling van de steller")
    zaaknummer: Tekst = Field(default=None, max_length=100, description="het zaak- of registratienummer")
    openbaar: Woord(JaNee) = veld("is het besluit openbaar (ja) of vertrouwelijk (nee)?")


class Uittreding(Model):
    """Bij beëindigen: wat het uittreden kost en wat het betekent, voor de paragraaf Financiën van het voorstel."""

    uittreedsom: Bedrag = veld("de uittreedsom, of de raming ervan, in euro")
    grondslag: Tekst = Field(default=None, max_length=1_000,
                             description="waarop het bedrag berust; zoals 'artikel 12 van de regeling: het aandeel "
                                         "in de frictiekosten over vijf jaar' of 'raming van de controller'")
    datum: Datum = Field(
        default=None, description="de datum waarop het uittreden ingaat")
    personeel: Tekst = Field(default=None, max_length=1_000,
                             description="wat het uittreden betekent voor medewerkers (overgang, frictie)")
    taken_naar: Tekst = Field(default=None, max_length=1_000,
                              description="wie de taken na het uittreden uitvoert; zoals 'de gemeente zelf' of "
                                          "'de centrumgemeente Alkmaar'")


def _criteriumcode(waarde: Any) -> Any:
    if isinstance(waarde, str) and not re.fullmatch(r"[A-Za-z]{2,4}-[A-Za-z0-9]{1,4}", waarde.strip()):
        raise PydanticCustomError("criteriumcode", "'{code}' is geen criteriumcode; schrijf een code zoals TE-1 of "
                                  "VIS-OL1 ('samenwerkingstoets regels --dekking' toont ze)", {"code": fragment(waarde, 40)})
    return waarde.strip().upper() if isinstance(waarde, str) else waarde


class AfwegingEffect(StrEnum):
    blokkerend = "blokkerend"
    voorwaarde = "voorwaarde"
    aandachtspunt = "aandachtspunt"
    sterkte = "sterkte"


class Afweging(Model):
    """Een bevinding die de adviseur (of het college) anders weegt dan het regelpakket, met de reden.
    Het oordeel van het pakket blijft bewaard; het advies toont beide."""

    criterium: Annotated[str, _tekst(verplicht=True), BeforeValidator(_criteriumcode)] = Field(
        description="de code van het criterium dat anders gewogen wordt, zoals TE-1", max_length=20,
        json_schema_extra={"pattern": r"^\s*[A-Za-z]{2,4}-[A-Za-z0-9]{1,4}\s*$"})
    effect: W(AfwegingEffect) = Field(description="het gewicht volgens de adviseur: blokkerend, voorwaarde, "
                                                   "aandachtspunt of sterkte")
    reden: Annotated[str, _tekst(verplicht=True)] = Field(
        description="waarom de adviseur het anders weegt (verplicht)", max_length=2_000, json_schema_extra=VERPLICHT)
    door: Tekst = Field(default=None, max_length=200, description="wie zo besloot (naam of functie)")


def _groepveld(model: type[Model], beschrijving: str) -> Any:
    """Een groep die in het bestand ontbreekt, is een lege groep: alle velden niet bekend. Zonder controle gemaakt
    (model_construct): er valt niets te controleren, en zo bouwt de groep geen eigen controle (zie Model)."""
    return Field(default_factory=model.model_construct, description=beschrijving)


class _Groeptype(_OokToegestaan):
    """Een groep velden: ontbreekt ze, is ze leeg of heet ze `onbekend`, dan is het een lege groep (_groep); in het
    JSON-schema mag ze daarom ook null of 'onbekend' zijn. Eén vaste beschrijving voor alle veertien groepen, zodat
    pydantic de controle niet bij elke groep opnieuw onderzoekt (zie _Woordtype)."""

    def __get_pydantic_core_schema__(self, bron: Any, handler: Any) -> Any:
        return core_schema.no_info_before_validator_function(_groep, handler(bron))


Groep = _Groeptype({"type": "null"}, ONBEKEND_SCHEMA)


class Casus(Model):
    """Eén samenwerking, voorgesteld of lopend, zoals de adviseur haar beschrijft."""

    model_config = ConfigDict(defer_build=False)  # de casus zelf meteen: vrijwel elke opdracht leest er een

    _plaatsen: dict[int, tuple[str, int | None]] = PrivateAttr(default_factory=dict)  # bestand en regel per afweging
    _woorden: Any = PrivateAttr(default=None)  # de woordenlijsten waarmee de casus gelezen is

    schema_versie: Literal[1] = Field(default=1, alias="schema", description="versie van het casusformaat")
    naam: Annotated[str, _tekst(verplicht=True)] = Field(description="naam van de samenwerking", max_length=200,
                                                          json_schema_extra=VERPLICHT)
    fase: W(Fase) = Field(description="voorstel (nieuw) of lopend (bestaand)",
                          json_schema_extra={"wereldfeit": True})
    perspectief: Tekst = Field(default=None, description="de gemeente waarvoor het advies is", max_length=200)
    omschrijving: Tekst = Field(default=None, description="vrije toelichting", max_length=20_000)
    peildatum: Datum = Field(
        default=None, description="datum waarop de feiten betrekking hebben")
    toetreding: Woord(JaNee) = veld(
        "sluit de gemeente aan bij een regeling of organisatie die al bestaat (toetreding)?", wereldfeit=True)
    soort: Woord(Soort) = veld("strategisch, uitvoerend of beide", wereldfeit=True)
    themas: PakketWoorden("themas") = veld("de thema's van de samenwerking", wereldfeit=True, woordenlijst="themas")
    schaal: PakketWoord("schaal") = veld("de schaal van de samenwerking", wereldfeit=True, woordenlijst="schaal")
    partners: Annotated[list[Partner] | None, BeforeValidator(_onbekend_is_leeg), _OOK_ONBEKEND] = Field(
        default=None, description="de partners")
    opgave: Annotated[Opgave, Groep] = _groepveld(Opgave, "de maatschappelijke opgave")
    toegevoegde_waarde: Annotated[ToegevoegdeWaarde, Groep] = _groepveld(ToegevoegdeWaarde, "de toegevoegde waarde")
    doelen: Annotated[Doelen, Groep] = _groepveld(Doelen, "de doelen uit de visie")
    rol: Annotated[RolGegevens, Groep] = _groepveld(RolGegevens, "rol en houding")
    taak: Annotated[Taak, Groep] = _groepveld(Taak, "wat de samenwerking moet kunnen")
    juridische_vorm: Woord(JuridischeVorm) = veld("de (beoogde) juridische vorm")
    onderbouwing: Annotated[Onderbouwing, Groep] = _groepveld(Onderbouwing, "businesscase en middelen")
    sturing: Annotated[Sturing, Groep] = _groepveld(Sturing, "grip van college en raad")
    samenwerking: Annotated[SamenwerkingKwaliteit, Groep] = _groepveld(
        SamenwerkingKwaliteit, "kwaliteit van de samenwerking")
    succesfactoren: Annotated[Succesfactoren, Groep] = _groepveld(Succesfactoren, "de scan van tien succesfactoren")
    succesfactoren_per_partner: Annotated[dict[str, Annotated[Succesfactoren, Groep]] | None,
                                          BeforeValidator(_onbekend_is_leeg), _OOK_ONBEKEND] = Field(
        default=None, description="dezelfde scan, ingevuld door of voor elke partner (partnernaam: scores)")
    evaluatie: Annotated[Evaluatie, Groep] = _groepveld(Evaluatie, "evaluatie (alleen bij fase: lopend)")
    uittreding: Annotated[Uittreding, Groep] = _groepveld(
        Uittreding, "het uittreden (alleen bij beëindigen): kosten, datum, personeel en taken")
    collegevoorstel: Annotated[Kopgegevens, Groep] = _groepveld(
        Kopgegevens, "de kop van het collegevoorstel: portefeuillehouder, steller, afdeling, zaaknummer")
    verbonden_partij: Annotated[VerbondenPartij, Groep] = _groepveld(
        VerbondenPartij, "gegevens voor het register en de paragraaf verbonden partijen")
    afwegingen: Annotated[list[Afweging] | None, BeforeValidator(_onbekend_is_leeg), _OOK_ONBEKEND] = Field(
        default=None, max_length=100,
        description="bevindingen die de adviseur anders weegt dan het regelpakket, elk met reden en wie besloot")

    # De antwoorden op de eigen vragen van het pakket, per groep (zie Vraaggroep). Eén veld voor de hele casus in
    # plaats van één per groep: zo bouwt pydantic deze controle één keer, niet acht keer, bij elke start.
    vragen: SkipJsonSchema[dict[str, dict[str, Woord(JaNee)]]] = Field(
        default_factory=dict, alias=PAKKETVRAGEN, exclude=True, repr=False)

    @model_validator(mode="before")
    @classmethod
    def _eigen_vragen(cls, data: Any, info: ValidationInfo) -> Any:
        """Haal de eigen vragen van het pakket uit hun groep, naar `vragen`."""
        if not isinstance(data, dict):
            return data
        for sleutel in (PAKKETVRAGEN, "vragen"):  # alleen zoals hieronder gevuld; in een bestand een onbekend veld
            if sleutel in data:
                raise PydanticCustomError("woord", "onbekend veld '{veld}'", {"veld": sleutel})
        lijsten = woordenlijsten.uit_context(info.context)
        if not lijsten.vragen:
            return data
        uit, vragen = dict(data), {}
        for groep, vaste in GROEP_MET_VRAGEN_VELDEN.items():
            inhoud = data.get(groep)
            if not isinstance(inhoud, dict):
                continue
            eigen = lijsten.vragen_in(groep)
            gesteld = {k: v for k, v in inhoud.items() if k in eigen and k not in vaste}
            if gesteld:
                vragen[groep] = gesteld
                uit[groep] = {k: v for k, v in inhoud.items() if k not in gesteld}
        if vragen:
            uit[PAKKETVRAGEN] = vragen
        return uit

    # Bij opslaan staan de eigen vragen weer in hun groep, zoals in het bestand. Hier en niet met pydantic's
    # model_serializer: die laadt bij elke start een module van pydantic die verder niets gebruikt.
    def model_dump(self, **opties: Any) -> dict[str, Any]:
        """Als pydantic's model_dump, met de eigen vragen van het pakket terug in hun groep."""
        uit = super().model_dump(**opties)
        for groep, vragen in self.vragen.items():
            if isinstance(uit.get(groep), dict):
                uit[groep].update({k: v.value for k, v in vragen.items() if v is not None})
        return uit

    def model_dump_json(self, *, indent: int | None = None, **opties: Any) -> str:
        """Als pydantic's model_dump_json, met de eigen vragen van het pakket terug in hun groep."""
        return to_json(self.model_dump(mode="json", **opties), indent=indent).decode()

    @model_validator(mode="after")
    def _onthoud_woorden(self, info: ValidationInfo) -> "Casus":
        self._woorden = woordenlijsten.uit_context(info.context)
        return self

    @property
    def woordenlijsten(self) -> "woordenlijsten.Woordenlijsten":
        """De woordenlijsten van het pakket waarmee deze casus gelezen is."""
        return self._woorden or woordenlijsten.standaard()

    def pakketvragen(self) -> dict[str, str]:
        """De bekende antwoorden op de eigen vragen van het pakket: veldpad -> 'ja' of 'nee'."""
        return {f"{groep}.{naam}": antwoord.value for groep, vragen in self.vragen.items()
                for naam, antwoord in vragen.items() if antwoord is not None and antwoord != ONBEKEND}


# --- de veldcatalogus ------------------------------------------------------------------

@dataclass(frozen=True)
class Veld:
    """Eén veld dat een regel kan lezen (of een tekstveld dat alleen getoond wordt)."""

    pad: str
    soort: str  # woord | woorden | getal | namen | tekst | datum | scores | partners | scan_per_partner
    beschrijving: str
    waarden: tuple[str, ...] = ()
    volgorde: tuple[str, ...] = ()
    wereldfeit: bool = False
    afgeleid: bool = False
    bronvelden: tuple[str, ...] = field(default_factory=tuple)
    richting: str = ""  # bij getallen: 'hoger' of 'lager' is gunstiger; leeg = geen vaste richting
    woordenlijst: str = ""  # de woorden komen uit deze woordenlijst van het pakket (zie woordenlijsten.py)
    pakketvraag: bool = False  # een eigen ja/nee-vraag van het pakket

    @property
    def leesbaar(self) -> bool:
        """Kan een regelvoorwaarde dit veld lezen?"""
        return self.soort in ("woord", "woorden", "getal", "namen")


def _kern(annotatie: Any) -> Any:
    """Pel Optional en Annotated af tot het eigenlijke type."""
    while True:
        oorsprong = typing.get_origin(annotatie)
        if oorsprong is Annotated:
            annotatie = typing.get_args(annotatie)[0]
        elif oorsprong in (typing.Union, types.UnionType):
            annotatie = next(a for a in typing.get_args(annotatie) if a is not type(None))
        else:
            return annotatie


def controleer_gedeelde_velden(model: type[BaseModel]) -> None:
    """Een veld met een gedeelde controle (EenSchema, of een woordveld: _Woordtype) mag geen eigen beperking hebben,
    zoals Field(max_length=...): de gedeelde controle slaat die over, en dan zou ze stil vervallen. Een fout van de
    programmeur, bij het laden."""
    for naam, info in model.model_fields.items():
        for i, deel in enumerate(info.metadata):
            if isinstance(deel, (EenSchema, _Woordtype)) and tuple(info.metadata[:i]) != deel.eigen:
                raise TypeError(f"{model.__name__}.{naam}: een veld met een gedeelde controle kan geen eigen "
                                f"beperking hebben ({info.metadata[:i]!r}); geef het een eigen type")


def _velden(model: type[BaseModel], voorvoegsel: str = "") -> list[Veld]:
    controleer_gedeelde_velden(model)
    uit: list[Veld] = []
    for naam, info in model.model_fields.items():
        sleutel = info.alias or naam
        if sleutel == PAKKETVRAGEN:  # de eigen vragen van het pakket: die geeft catalogus()
            continue
        pad = voorvoegsel + sleutel
        extra = info.json_schema_extra or {}
        kern = _kern(info.annotation)
        beschrijving = info.description or ""
        basis = dict(pad=pad, beschrijving=beschrijving, volgorde=tuple(extra.get("volgorde", ())),
                     wereldfeit=bool(extra.get("wereldfeit")), richting=extra.get("richting", ""))
        if extra.get("woordenlijst"):  # de woorden geeft het pakket: zie catalogus()
            lijst = extra["woordenlijst"]
            uit.append(Veld(soort=woordenlijsten.LIJSTEN[lijst][1], woordenlijst=lijst, **basis))
        elif isinstance(kern, type) and issubclass(kern, BaseModel):
            uit.extend(_velden(kern, pad + "."))
        elif isinstance(kern, type) and issubclass(kern, StrEnum):
            woorden = tuple(w.value for w in kern if w.value != ONBEKEND)
            uit.append(Veld(soort="woord", waarden=woorden, **basis))
        elif typing.get_origin(kern) is list:
            item = _kern(typing.get_args(kern)[0])
            if isinstance(item, type) and issubclass(item, StrEnum):
                uit.append(Veld(soort="woorden", waarden=tuple(w.value for w in item), **basis))
            elif isinstance(item, type) and issubclass(item, BaseModel):
                uit.append(Veld(soort="partners", **basis))
                uit.extend(_velden(item, pad + "[]."))
            else:
                uit.append(Veld(soort="scores", **basis))
        elif typing.get_origin(kern) is dict:
            uit.append(Veld(soort="scan_per_partner", **basis))
        elif kern is int:
            uit.append(Veld(soort="getal", **basis))
        elif kern is dt.date:
            uit.append(Veld(soort="datum", **basis))
        else:
            uit.append(Veld(soort="tekst", **basis))
    return uit


AFGELEIDE_VELDEN: tuple[Veld, ...] = (
    Veld("opgave.benoemd", "woord", "afgeleid: is er een opgave benoemd (omschrijving niet leeg)?",
         waarden=("ja", "nee"), volgorde=("nee", "ja"), afgeleid=True, bronvelden=("opgave.omschrijving",)),
    Veld("juridische_vorm.soort", "woord", "afgeleid: de familie van de gekozen vorm",
         waarden=tuple(v.value for v in VormSoort), afgeleid=True, bronvelden=("juridische_vorm",)),
    Veld("juridische_vorm.passende_vormen", "woorden",
         "afgeleid uit de vormtabel van het regelpakket: de vormen die bij de taak passen",
         waarden=tuple(v.value for v in JuridischeVorm if v.value not in (ONBEKEND, "nog_te_kiezen")),
         afgeleid=True, bronvelden=("juridische_vorm", "soort") + tuple(
             "taak." + n for n in Taak.model_fields)),
    Veld("juridische_vorm.past", "woord",
         "afgeleid uit de vormtabel: past de gekozen vorm bij de taak?",
         waarden=("ja", "nee"), volgorde=("nee", "ja"), afgeleid=True,
         bronvelden=("juridische_vorm", "soort") + tuple("taak." + n for n in Taak.model_fields)),
)

AFGELEIDE_VELDEN += tuple(
    veld
    for factor, (code, naam) in SUCCESFACTOREN.items()
    for veld in (
        Veld(f"succesfactoren.{factor}.score", "getal",
             f"afgeleid: gemiddelde van de twee stellingen van {code} ({naam}) in de eigen scan",
             afgeleid=True, bronvelden=(f"succesfactoren.{factor}",), richting="hoger"),
        Veld(f"succesfactoren.{factor}.laagste_partnerscore", "getal",
             f"afgeleid: de laagste score van een partner op {code}", afgeleid=True,
             bronvelden=("succesfactoren_per_partner",), richting="hoger"),
        Veld(f"succesfactoren.{factor}.laagste_partner", "tekst",
             f"afgeleid: de partner(s) met de laagste score op {code}", afgeleid=True,
             bronvelden=("succesfactoren_per_partner",)),
    )
) + (
    Veld("succesfactoren.ingevuld", "woord", "afgeleid: is (een deel van) de scan van tien succesfactoren ingevuld?",
         waarden=("ja", "nee"), volgorde=("nee", "ja"), afgeleid=True,
         bronvelden=("succesfactoren", "succesfactoren_per_partner")),
    Veld("partners.aantal", "getal", "afgeleid: het aantal genoemde partners", afgeleid=True,
         bronvelden=("partners",)),
    Veld("partners.zonder_beschreven_belang", "namen",
         "afgeleid: de partners waarvan het strategisch belang niet beschreven is", afgeleid=True,
         bronvelden=("partners",)),
    Veld("evaluatie.jaren_sinds", "getal",
         "afgeleid: jaren tussen de laatste evaluatie en de peildatum", afgeleid=True,
         bronvelden=("evaluatie.jaar_laatste_evaluatie", "peildatum"), richting="lager"),
)

# De structuur: elk veld van het casusformaat. Bij de velden met woorden uit het pakket (schaal, themas, doelen,
# rollen) staan hier nog geen woorden, en de eigen vragen van een pakket ontbreken: die geeft catalogus().
CATALOGUS: dict[str, Veld] = {v.pad: v for v in _velden(Casus)} | {v.pad: v for v in AFGELEIDE_VELDEN}

# Per groep waarin een pakket eigen vragen mag zetten: de vaste velden van die groep.
GROEP_MET_VRAGEN_VELDEN: dict[str, frozenset[str]] = {
    m.GROEP: frozenset(m.model_fields) for m in Vraaggroep.__subclasses__()}

_GROEPMODEL = {m.GROEP: m.__name__ for m in Vraaggroep.__subclasses__()}
_CATALOGI: dict[str, dict[str, Veld]] = {}
_VRAAGLABELS: dict[str, str] = {}


def catalogus(lijsten: "woordenlijsten.Woordenlijsten | None" = None) -> dict[str, Veld]:
    """De veldcatalogus met de woorden en de eigen vragen van een pakket (zonder pakket: het standaardpakket)."""
    lijsten = lijsten or woordenlijsten.standaard()
    gevonden = _CATALOGI.get(lijsten.sleutel)
    if gevonden is not None:
        return gevonden
    uit: dict[str, Veld] = {}
    for pad, v in CATALOGUS.items():
        uit[pad] = dataclasses.replace(v, waarden=lijsten.woorden(v.woordenlijst)) if v.woordenlijst else v
    for pad, vraag in lijsten.vragen.items():
        volgorde = {"ja": POSITIEF, "nee": NEGATIEF}.get(vraag.gunstig, [])
        uit[pad] = Veld(pad, "woord", vraag.vraag[:1].lower() + vraag.vraag[1:], waarden=("ja", "nee"),
                        volgorde=tuple(volgorde), pakketvraag=True)
        _VRAAGLABELS.setdefault(pad, vraag.vraag)
    if len(_CATALOGI) < 32:  # een handvol pakketten per proces; nooit onbegrensd
        _CATALOGI[lijsten.sleutel] = uit
    return uit


def velden_onder(pad: str, velden: dict[str, Veld] | None = None) -> list[str]:
    """De veldnamen die direct onder een groep (of bovenaan, bij pad '') mogen staan."""
    voorvoegsel = pad + "." if pad else ""
    namen = []
    for p, v in (velden if velden is not None else CATALOGUS).items():
        if v.afgeleid or not p.startswith(voorvoegsel):
            continue
        rest = p[len(voorvoegsel):]
        naam = rest.split(".")[0].removesuffix("[]")
        if naam and naam not in namen:
            namen.append(naam)
    return namen


def label(pad: str) -> str:
    """Het Nederlandse label van een veld voor de uitvoer, uit de veldcatalogus ('Is er een businesscase?')."""
    info = CATALOGUS.get(pad)
    if info is None and pad in _VRAAGLABELS:  # een eigen vraag van een pakket: de vraag zoals het pakket haar stelt
        return _VRAAGLABELS[pad]
    if info is None or not info.beschrijving:
        return pad
    tekst = info.beschrijving.removeprefix("afgeleid: ")
    return tekst[:1].upper() + tekst[1:]
