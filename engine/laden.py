# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Bestanden inlezen: YAML/JSON naar Casus en naar Regelpakket.

Dit is de enige plek waar een bestand een model wordt (YAML via PyYAML; JSON is geldige YAML). Elke fout noemt het bestand, de
regel en het veld, in het Nederlands, met waar mogelijk een 'bedoelde u ...?'.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import re
import stat
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from .casus import PAKKETVRAGEN, Casus, beschrijf, catalogus, datum_uit, suggestie, velden_onder
from .fouten import BestandFout, CasusFout, InvoerFout, Melding, RegelpakketFout, YamlFout
from .regels import Kop, Overlay, Regelbestand, Regelpakket, controleer_pakket, inhoudshash, uitgeschreven
from .waarden import kommagetal, toon
from .woordenlijsten import Woordenlijsten
from .woordenlijsten import standaard as standaardwoorden

MAX_MELDINGEN = 12
M = TypeVar("M")
# pydantic kan typelabels als 'function-before[...]' in een foutlocatie zetten; dat zijn geen velden.
_TYPELABEL = re.compile(r"^[a-z][a-z-]*\[.+\]$")

# PyYAML met libyaml (C) als die er is: het inlezen van een regelpakket kost zo ~15 ms in
# plaats van ~150 ms. Regelnummers worden pas opgezocht als er iets te melden is.
_Basislader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DubbelVeld(yaml.YAMLError):
    def __init__(self, sleutel, eerste: int, tweede: int):
        super().__init__(sleutel)
        self.sleutel, self.eerste, self.tweede = sleutel, eerste, tweede


class _Verwijzing(yaml.YAMLError):
    def __init__(self, lijn: int):
        super().__init__(lijn)
        self.lijn = lijn


class _Lader(_Basislader):
    """Een veilige YAML-lader die een veld dat twee keer in dezelfde groep staat, weigert, en ook
    verwijzingen (`*naam` naar een `&naam`): die heeft het casusformaat niet nodig, en een bestand
    vol verwijzingen kan bij het controleren exponentieel groeien."""

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Verwijzing(node.start_mark.line + 1)
        return super().construct_object(node, deep)


def _groep_zonder_dubbelen(lader: _Lader, knoop: yaml.MappingNode) -> dict:
    gezien: dict[str, int] = {}
    for sleutelknoop, _ in knoop.value:
        if sleutelknoop.tag == "tag:yaml.org,2002:merge":
            raise _VerbodenTag("<< (samenvoegen)", sleutelknoop.start_mark.line + 1)
        if isinstance(sleutelknoop, yaml.ScalarNode):
            lijn = sleutelknoop.start_mark.line + 1
            if sleutelknoop.value in gezien:
                raise _DubbelVeld(sleutelknoop.value, gezien[sleutelknoop.value], lijn)
            gezien[sleutelknoop.value] = lijn
    return lader.construct_mapping(knoop, deep=True)


_GEWOON_GEHEEL = re.compile(r"[-+]?[0-9][0-9_]*", re.ASCII)  # 750_000 mag, zoals altijd


def _geheel(lader: Any, knoop: yaml.ScalarNode) -> Any:
    """Een geheel getal alleen in gewone cijfers: `0x10`, `0o17`, `0b11` of `1:30` (YAML 1.1) blijven tekst, zodat
    het model ze weigert met een melding in plaats van ze stil om te zetten naar 16, 15, 3 of 90."""
    if not _GEWOON_GEHEEL.fullmatch(knoop.value):
        return knoop.value
    return lader.construct_yaml_int(knoop)


def _jaar_of_nee(lader: Any, knoop: yaml.ScalarNode) -> Any:
    """`!!bool ja`: een waarde die YAML zelf geen ja/nee vindt, blijft tekst; het model controleert haar."""
    if knoop.value.lower() not in lader.bool_values:
        return knoop.value
    return lader.construct_yaml_bool(knoop)


def _getal_met_tekst(lader: _Lader, knoop: yaml.ScalarNode) -> float:
    """Een kommagetal onthoudt zijn tekst: `750.000` is in een bedrag 750000, niet 750,0."""
    return kommagetal(lader.construct_yaml_float(knoop), knoop.value)


class _VerbodenTag(yaml.YAMLError):
    def __init__(self, tag: str, lijn: int):
        super().__init__(tag)
        self.tag, self.lijn = tag, lijn


def _verboden(lader: _Lader, knoop: yaml.Node):
    """!!set, !!omap, !!pairs en !!binary heeft het casusformaat niet nodig; een set maakt de volgorde
    (en dus de uitvoer) afhankelijk van de hash-seed."""
    raise _VerbodenTag(knoop.tag, knoop.start_mark.line + 1)


def _tekst_van_datum(lader: _Lader, knoop: yaml.ScalarNode) -> str:
    """Een datum blijft tekst; het model controleert hem (met een melding die veld en regel noemt)."""
    return knoop.value


_Lader.add_constructor("tag:yaml.org,2002:map", _groep_zonder_dubbelen)
_Lader.add_constructor("tag:yaml.org,2002:timestamp", _tekst_van_datum)
for _tag in ("set", "omap", "pairs", "binary"):
    _Lader.add_constructor(f"tag:yaml.org,2002:{_tag}", _verboden)
_Lader.add_constructor("tag:yaml.org,2002:float", _getal_met_tekst)
_Lader.add_constructor("tag:yaml.org,2002:int", _geheel)
_Lader.add_constructor("tag:yaml.org,2002:bool", _jaar_of_nee)


# --- de snelle weg: de gebeurtenissen van libyaml rechtstreeks naar Python-data ------------------
#
# PyYAML bouwt eerst een boom van knopen (met twee posities per knoop) en loopt die daarna in Python
# door; bij een casus van 300 waarden is dat het grootste deel van de leestijd. De meeste bestanden
# gebruiken alleen groepen, lijsten en gewone waarden. Voor die bestanden maakt `_snel` de data direct
# uit de gebeurtenissen van dezelfde parser, met dezelfde resolver en dezelfde omzettingen per soort
# waarde. Alles daarbuiten (tags, verwijzingen, samengestelde sleutels, een veld dat twee keer staat,
# meer dan één document, een fout in de opmaak) gaat naar de volledige lader, die precies hetzelfde
# doet als altijd, meldingen met regelnummers inbegrepen. De tests bewijzen dat beide wegen dezelfde
# data geven.

_ANDERS = object()  # de snelle weg geeft het op: gebruik de volledige lader
_STR, _NULL, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_INT, _FLOAT, _DATUM = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"
_OMZETTER = _Lader("")  # alleen voor de omzettingen van één waarde (getallen, ja/nee); leest zelf niets
_OMZETTER.dispose()


def _waarde(event: yaml.ScalarEvent) -> Any:
    """Een gewone waarde (zonder aanhalingstekens) die nog niet in _OMGEZET staat, zoals de volledige lader haar
    maakt: dezelfde resolver, dezelfde omzetting per soort; onthouden als het geen kommagetal is."""
    tekst = event.value
    tag = _OMZETTER.resolve(yaml.ScalarNode, tekst, event.implicit)
    if tag == _FLOAT:  # een kommagetal onthoudt zijn tekst; elk krijgt zijn eigen object
        return _getal_met_tekst(_OMZETTER, yaml.ScalarNode(tag, tekst))
    if tag in (_STR, _DATUM):
        waarde = tekst
    elif tag == _NULL:
        waarde = None
    elif tag == _BOOL:
        waarde = _OMZETTER.construct_yaml_bool(yaml.ScalarNode(tag, tekst))
    elif tag == _INT:
        waarde = _geheel(_OMZETTER, yaml.ScalarNode(tag, tekst))
    else:
        return _ANDERS
    if len(_OMGEZET) >= 4_096:
        _OMGEZET.clear()
    _OMGEZET[tekst] = waarde
    return waarde


def leest_als_tekst(tekst: str) -> bool:
    """Leest deze lader `tekst` zonder aanhalingstekens als tekst (of als datum, die ook tekst blijft)? 'Off', '12:30'
    en '~' niet: die worden een ja/nee-waarde, een getal en niets. Voor wie YAML schrijft dat hier gelezen wordt."""
    return _OMZETTER.resolve(yaml.ScalarNode, tekst, (True, False)) in (_STR, _DATUM)


_OMGEZET: dict[str, Any] = {}  # gewone waarden (geen kommagetal) per tekst: ja, nee, 3, onbekend ...


def _snel(tekst: str) -> Any:
    """De data van een YAML-document uit de gebeurtenissen van libyaml, of `_ANDERS` als het document iets
    gebruikt dat alleen de volledige lader behandelt (of een fout bevat: die meldt de volledige lader)."""
    lader = _Basislader(tekst)
    try:
        return _uit_gebeurtenissen(lader)
    except (yaml.YAMLError, ValueError, OverflowError):  # zoals '0x_' of een getal van duizenden cijfers
        return _ANDERS
    finally:
        lader.dispose()


_GEEN = object()  # een open groep wacht op een sleutel
_LIJST = object()  # een open lijst (wacht nooit op een sleutel)


def _uit_gebeurtenissen(lader: Any) -> Any:
    # Dit is de binnenste lus van het lezen (ruim 250 gebeurtenissen per casus): namen staan daarom lokaal.
    Scalair, GroepBegin, LijstBegin = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    GroepEind, LijstEind = yaml.MappingEndEvent, yaml.SequenceEndEvent
    volgende, omgezet = lader.get_event, _OMGEZET
    open_: list[Any] = []  # de open groepen en lijsten, de buitenste eerst
    sleutel: list[Any] = []  # per open groep de sleutel die op zijn waarde wacht (_GEEN: er komt een sleutel)
    data: Any = None
    documenten = 0
    while True:
        event = volgende()
        soort = type(event)
        if soort is Scalair:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                return _ANDERS
            if not event.implicit[0]:  # tussen aanhalingstekens of een blok: tekst
                waarde = event.value
            else:
                waarde = omgezet.get(event.value, _ANDERS)
                if waarde is _ANDERS:
                    waarde = _waarde(event)
                    if waarde is _ANDERS:
                        return _ANDERS
        elif soort is GroepBegin or soort is LijstBegin:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                return _ANDERS
            waarde = {} if soort is GroepBegin else []
        elif soort is GroepEind or soort is LijstEind:
            open_.pop()
            sleutel.pop()
            continue
        elif soort is yaml.DocumentStartEvent:
            documenten += 1
            if documenten > 1:
                return _ANDERS
            continue
        elif soort is yaml.StreamEndEvent:
            return data
        elif soort is yaml.AliasEvent:
            return _ANDERS
        else:  # het begin van de stroom, het einde van een document
            continue
        if open_:
            wacht = sleutel[-1]
            if wacht is _LIJST:
                open_[-1].append(waarde)
            elif wacht is _GEEN:
                # Een sleutel. Alleen tekst: een getal, ja/nee, groep of lijst als sleutel gaat naar de volledige
                # lader, net als een veld dat er al staat (die lader meldt het met beide regelnummers). Bij tekst
                # is de sleutel gelijk aan wat er staat, dus 'staat er al' is hier hetzelfde als daar.
                if type(waarde) is not str or waarde in open_[-1]:
                    return _ANDERS
                sleutel[-1] = waarde
                continue
            else:
                open_[-1][wacht] = waarde
                sleutel[-1] = _GEEN
        else:
            data = waarde
        if soort is not Scalair:
            open_.append(waarde)
            sleutel.append(_GEEN if soort is GroepBegin else _LIJST)


class Gelezen:
    """De data van één YAML-bestand; de regelnummers worden opgezocht als er iets te melden is."""

    def __init__(self, pad: Path, data: Any, tekst: str | None = None, ruw: bytes | None = None):
        self.pad = pad
        self.data = data
        self.ruw = ruw  # de bytes zoals ze in het bestand stonden (voor een versie of hash zonder tweede lezing)
        self._tekst = tekst
        self._boom: yaml.Node | None = None

    @property
    def naam(self) -> str:
        return str(self.pad)

    def lijn(self, loc: tuple) -> int | None:
        """Het regelnummer (vanaf 1) van het diepste deel van `loc` dat in het bestand staat."""
        if self._tekst is None:
            return None
        if self._boom is None:
            self._boom = yaml.compose(self._tekst, Loader=_Basislader)
        knoop = self._boom
        lijn = knoop.start_mark.line + 1 if knoop is not None else None
        for deel in loc:
            if isinstance(knoop, yaml.MappingNode):
                paar = next((p for p in knoop.value if str(p[0].value) == str(deel)), None)
                if paar is None:
                    break
                lijn, knoop = paar[0].start_mark.line + 1, paar[1]
            elif isinstance(knoop, yaml.SequenceNode) and isinstance(deel, int) and 0 <= deel < len(knoop.value):
                knoop = knoop.value[deel]
                lijn = knoop.start_mark.line + 1
            else:
                break
        return lijn


MAX_BYTES = 2_000_000  # een casus of regelbestand is hooguit enkele tientallen kilobytes
MAX_DIEPTE = 40  # zo diep nest geen casus of pakket; libyaml zelf crasht bij duizenden niveaus


_GEEN_HAAKJE = re.compile(r"[^\[\]{}]+")


def _te_diep(tekst: str) -> bool:
    """Of de YAML dieper nest dan MAX_DIEPTE (een bovengrens uit haakjes en inspringing), zonder libyaml."""
    if tekst.count("[") + tekst.count("{") > MAX_DIEPTE:  # anders kunnen de haakjes zo diep niet komen
        diepste = diep = 0
        for teken in _GEEN_HAAKJE.sub("", tekst):  # alleen de haakjes doorlopen, niet elke letter
            if teken in "[{":
                diep += 1
                diepste = max(diepste, diep)
            else:
                diep = max(0, diep - 1)
        if diepste > MAX_DIEPTE:
            return True
    if " " * (2 * MAX_DIEPTE + 2) not in tekst:  # zo ver springt geen regel in: dan hoeft niet elke regel langs
        return False
    inspringing = max((len(r) - len(r.lstrip(" ")) for r in tekst.splitlines() if r.strip()), default=0)
    return inspringing // 2 > MAX_DIEPTE


_REDENEN = {errno.EACCES: "geen toegang", errno.EPERM: "geen toegang", errno.EIO: "een leesfout van de schijf",
            errno.ENAMETOOLONG: "de naam is te lang", errno.ENOENT: "het bestaat niet (meer)",
            errno.ENOTDIR: "een deel van het pad is geen map", errno.EISDIR: "het is een map"}


def reden(fout: OSError) -> str:
    """De reden van een fout van het besturingssysteem in het Nederlands (de tekst van het systeem is Engels)."""
    return _REDENEN.get(fout.errno, f"systeemfout {fout.errno}" if fout.errno else "onbekende reden")


def lees_bytes(pad: str | Path, max_bytes: int = MAX_BYTES, soort: str = "een YAML-bestand") -> bytes:
    """De inhoud van een gewoon bestand van hooguit `max_bytes`; elk probleem wordt een BestandFout.

    Een FIFO, een apparaat (/dev/zero), een map of een lus van snelkoppelingen wordt nooit gelezen."""
    pad = Path(pad)
    try:
        info = pad.stat()
    except FileNotFoundError:
        if pad.is_symlink():
            raise BestandFout(f"'{pad}' is een snelkoppeling naar een bestand dat niet (meer) bestaat.") from None
        raise BestandFout(f"Het bestand '{pad}' bestaat niet. Controleer de naam en de map.") from None
    except PermissionError:
        raise BestandFout(f"Het bestand '{pad}' kan niet gelezen worden: u hebt geen toegang tot de map.") from None
    except OSError as fout:
        if fout.errno == errno.ELOOP:
            raise BestandFout(f"'{pad}' is een snelkoppeling die naar zichzelf verwijst.") from None
        raise BestandFout(f"Het bestand '{pad}' kan niet gelezen worden ({reden(fout)}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise BestandFout(f"'{pad}' is een map, geen bestand. Geef het pad van {soort}.")
    if not stat.S_ISREG(info.st_mode):
        raise BestandFout(f"'{pad}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp). "
                          f"Geef het pad van {soort}.")
    if info.st_size > max_bytes:
        raise BestandFout(f"Het bestand '{pad}' is te groot ({toon(info.st_size)} bytes; hooguit {toon(max_bytes)}).")
    try:
        with open(pad, "rb") as f:
            # zo groot als het bestand (een buffer van max_bytes per bestand kost bij duizenden bestanden merkbaar
            # tijd); is het intussen gegroeid, dan de rest erbij, tot net boven de grens
            ruw = f.read(info.st_size + 1)
            if len(ruw) > info.st_size:
                ruw += f.read(max_bytes + 1 - len(ruw))
    except OSError as fout:
        raise BestandFout(f"Het bestand '{pad}' kan niet gelezen worden ({reden(fout)}).") from None
    if len(ruw) > max_bytes:
        raise BestandFout(f"Het bestand '{pad}' is te groot (hooguit {toon(max_bytes)} bytes).")
    return ruw


def lees_yaml(pad: str | Path, lijst: bool = False) -> Gelezen:
    """Lees een YAML- of JSON-bestand; elk probleem wordt een BestandFout of YamlFout. Bovenaan staan velden, of
    met `lijst` een lijst (zoals de specs van een pakket).

    Alleen gewone bestanden, hooguit MAX_BYTES groot en hooguit MAX_DIEPTE diep genest, komen bij
    libyaml: een FIFO, /dev/zero of duizenden geneste haakjes laten het programma niet hangen of crashen.
    """
    pad = Path(pad)
    return gelezen_uit(lees_bytes(pad), pad, lijst)


def gelezen_uit(ruw: bytes, pad: Path, lijst: bool = False) -> Gelezen:
    """De bytes van een YAML-bestand (al begrensd gelezen, of uit de geschiedenis) gelezen zoals lees_yaml dat doet;
    `pad` is de naam in de meldingen."""
    if len(ruw) > MAX_BYTES:
        raise BestandFout(f"'{pad}' is groter dan {MAX_BYTES // 1_000_000} MB; zo'n casus of pakket bestaat niet.")
    if ruw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BestandFout(f"'{pad}' is opgeslagen als UTF-16. Sla het bestand op als UTF-8 en probeer opnieuw.")
    if b"\x00" in ruw:
        raise BestandFout(f"'{pad}' is geen tekstbestand (het bevat binaire data). Verwacht wordt YAML.")
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BestandFout(f"'{pad}' is geen UTF-8-tekst. Sla het bestand op als UTF-8 en probeer opnieuw.") from None
    if _te_diep(tekst):
        raise YamlFout(f"Het bestand '{pad}' is te diep genest (meer dan {MAX_DIEPTE} niveaus); zo'n casus of "
                       "pakket bestaat niet. Controleer de haakjes en de inspringing.")
    if not tekst.strip():
        raise BestandFout(f"Het bestand '{pad}' is leeg.")
    data = _snel(tekst)
    if data is _ANDERS:
        data = _volledig(pad, tekst)
    if data is None:
        raise BestandFout(f"Het bestand '{pad}' bevat alleen commentaar, geen velden.")
    if lijst and not isinstance(data, list):
        raise YamlFout(f"'{pad}' moet een lijst zijn (elk item begint met '- ').",
                       [Melding(str(pad), "verwacht een lijst op het hoogste niveau", 1)])
    if not lijst and not isinstance(data, dict):
        soort = "een lijst" if isinstance(data, list) else "een losse waarde"  # nooit de inhoud zelf tonen
        raise YamlFout(f"'{pad}' moet velden bevatten ('naam: waarde'), maar bevat {soort}.",
                       [Melding(str(pad), "verwacht 'veld: waarde' op het hoogste niveau", 1)])
    return Gelezen(pad, data, tekst, ruw)


def _volledig(pad: Path, tekst: str) -> Any:
    """De volledige lader van PyYAML (met de weigeringen hierboven); elke fout wordt een YamlFout."""
    try:
        return yaml.load(tekst, Loader=_Lader)
    except _DubbelVeld as fout:
        raise YamlFout("Het bestand bevat een veld twee keer.", [Melding(
            str(pad), f"veld '{fout.sleutel}' stond al op regel {fout.eerste}; verwijder een van beide",
            fout.tweede)]) from None
    except _VerbodenTag as fout:
        tag = fout.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlFout(f"Het bestand gebruikt {tag}, wat het casusformaat niet kent.", [Melding(
            str(pad), "schrijf hier een gewone waarde, lijst of groep velden", fout.lijn)]) from None
    except yaml.constructor.ConstructorError as fout:
        lijn = fout.problem_mark.line + 1 if fout.problem_mark else None
        if "unhashable" in (fout.problem or ""):
            raise YamlFout("Het bestand gebruikt een lijst of groep als veldnaam.", [Melding(
                str(pad), "een veldnaam is tekst, zoals 'naam:'; schrijf de veldnaam voluit", lijn)]) from None
        raise YamlFout("Het bestand gebruikt een YAML-tag (zoals !!python/...) die niet is toegestaan.", [Melding(
            str(pad), "haal de tag weg en schrijf een gewone waarde", lijn)]) from None
    except _Verwijzing as fout:
        raise YamlFout("Het bestand gebruikt een YAML-verwijzing (*naam naar &naam).", [Melding(
            str(pad), "naar de waarde die hier begint (&naam) wordt verderop verwezen (*naam); schrijf die "
                      "waarde overal voluit, verwijzingen worden niet ondersteund", fout.lijn)]) from None
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        lijn = mark.line + 1 if mark else None
        raise YamlFout("Het bestand is geen geldige YAML.", [Melding(
            str(pad), "de opmaak klopt hier niet (controleer inspringing, dubbele punten, streepjes en "
                      "aanhalingstekens)", lijn)]) from None
    except (yaml.YAMLError, ValueError, OverflowError, TypeError, RecursionError):
        raise YamlFout(f"Het bestand '{pad}' is geen geldige YAML.") from None


def lees_waarde(tekst: str) -> Any:
    """Eén waarde zoals in een casusbestand (voor --wat-als): dezelfde lader, dus dezelfde regels
    voor bedragen, dubbele velden, verwijzingen en diepte. Een YAMLError gaat naar de aanroeper."""
    if len(tekst) > 10_000 or _te_diep(tekst):
        raise yaml.YAMLError("te lang of te diep genest")
    return yaml.load(tekst, Loader=_Lader)


# --- pydantic-fouten naar Nederlandse meldingen -----------------------------------------

def _pad(loc: tuple) -> str:
    delen: list[str] = []
    for deel in loc:
        if isinstance(deel, int):
            delen.append(f"[{deel + 1}]")
        else:
            delen.append(("." if delen else "") + str(deel))
    return "".join(delen)


def _groeppad(loc: tuple) -> str:
    return ".".join("[]" if isinstance(d, int) else str(d) for d in loc).replace(".[]", "[]")


# De foutsoorten van onze eigen validatoren (PydanticCustomError in casus.py en regels.py): hun melding is al
# Nederlands en wordt zo getoond.
EIGEN_MELDINGEN = frozenset({"woord", "woord_type", "bedrag", "tekst_leeg", "tekst_onbekend", "criteriumcode", "datum",
                             "percentage", "formaat"})


def _tekst(fout: dict, velden_van: Any) -> str:
    soort, ctx, invoer = fout["type"], fout.get("ctx") or {}, fout.get("input")
    loc = fout["loc"]
    if soort in EIGEN_MELDINGEN:
        return fout["msg"]
    if soort == "invalid_key":
        return f"{beschrijf(invoer)} is geen veldnaam; een veldnaam is tekst, zoals naam of fase"
    if soort == "value_error":
        return str(fout["msg"]).removeprefix("Value error, ")
    if soort in ("finite_number", "float_parsing") or (soort == "float_type" and isinstance(invoer, int)):
        return f"verwacht een gewoon getal, maar hier staat {beschrijf(invoer)}"
    if soort == "extra_forbidden":
        naam = str(loc[-1]) if loc else "?"
        bekend = velden_van(loc[:-1])
        if not bekend:
            return f"onbekend veld '{naam}'"
        hint = suggestie(naam, bekend)
        return f"onbekend veld '{naam}'.{hint or ' Toegestaan zijn: ' + ', '.join(bekend) + '.'}"
    if soort == "missing":
        return "dit verplichte veld ontbreekt"
    if soort == "string_too_long":
        return f"deze tekst is te lang (hooguit {ctx.get('max_length')} tekens)"
    if soort in ("int_parsing", "int_type", "float_parsing", "float_type"):
        return f"verwacht een heel getal, maar hier staat {beschrijf(invoer)}"
    if soort == "int_from_float":
        return f"verwacht een heel getal zonder decimalen, maar hier staat {beschrijf(invoer)}"
    if soort == "greater_than_equal":
        return f"{beschrijf(invoer)} is te klein; de kleinste toegestane waarde is {ctx.get('ge')}"
    if soort == "less_than_equal":
        return f"{beschrijf(invoer)} is te groot; de grootste toegestane waarde is {ctx.get('le')}"
    if soort in ("too_short", "too_long"):
        if ctx.get("field_type") == "List":
            return f"verwacht precies {ctx.get('min_length', 2)} scores (stelling a en b), zoals [3, 4]"
        return "deze tekst mag niet leeg zijn"
    if soort == "string_too_short":
        return "deze tekst mag niet leeg zijn"
    if soort in ("string_type",):
        return f"verwacht tekst, maar hier staat {beschrijf(invoer)}"
    if soort == "list_type":
        return f"verwacht een lijst (zoals [a, b]), maar hier staat {beschrijf(invoer)}"
    if soort in ("model_type", "model_attributes_type", "dict_type"):
        return f"verwacht een groep velden ('veld: waarde'), maar hier staat {beschrijf(invoer)}"
    if soort.startswith("date") or soort.startswith("datetime"):
        return f"verwacht een datum als JJJJ-MM-DD (zoals 2026-11-01), maar hier staat {beschrijf(invoer)}"
    if soort == "literal_error" and loc == ("schema",):
        return f"schemaversie {invoer} wordt niet ondersteund; deze versie leest schema 1"
    if soort == "literal_error":
        return f"ongeldige waarde {beschrijf(invoer)}; toegestaan: {ctx.get('expected')}"
    if soort == "string_pattern_mismatch" and loc[:1] == ("bestanden",):
        return ("alleen een bestandsnaam in de map van het pakket, zoals visie.yaml (kleine letters, cijfers, "
                "streepjes; geen map of pad)")
    if soort == "string_pattern_mismatch":
        return "alleen kleine letters, cijfers en streepjes zijn toegestaan"
    if soort == "enum":
        return f"ongeldige waarde {beschrijf(invoer)}; toegestaan: {ctx.get('expected')}"
    return f"ongeldige waarde {beschrijf(invoer)}"


def valideer(model: type[M], data: Any, gelezen: Gelezen, velden_van: Any, fout: type[InvoerFout], kop: str,
             context: dict | None = None) -> M:
    """De enige plek waar data een model wordt: geldig, of een Nederlandse fout met bestand, regel en veld."""
    aantal = _aantal_velden(data, MAX_VELDEN + 1)
    if aantal > MAX_VELDEN:
        raise fout(kop, [Melding(gelezen.naam, f"er staan meer dan {MAX_VELDEN:,} velden en waarden in; een casus of "
                                               "regelbestand heeft er hooguit enkele honderden. Is dit het goede "
                                               "bestand?".replace(",", "."), None)])
    try:
        return model.model_validate(data, context=context)
    except ValidationError as probleem:
        raise fout(kop, meldingen_uit(probleem, gelezen, velden_van)) from None


MAX_VELDEN = 20_000  # velden en lijstwaarden samen; een volledige casus met 50 partnerscans blijft ver daaronder


def _aantal_velden(data: Any, grens: int) -> int:
    """Het aantal sleutels en lijstwaarden, tot `grens` (dan wordt niet verder geteld): begrensd werk vóór de
    validatie, zodat een bestand met honderdduizend onbekende velden niet minutenlang gecontroleerd wordt."""
    aantal, stapel = 0, [data]
    while stapel and aantal < grens:
        waarde = stapel.pop()
        if isinstance(waarde, dict):
            aantal += len(waarde)
            stapel.extend(waarde.values())
        elif isinstance(waarde, list):
            aantal += len(waarde)
            stapel.extend(waarde)
    return aantal


def meldingen_uit(fout: ValidationError, gelezen: Gelezen, velden_van: Any) -> list[Melding]:
    meldingen = []
    # Regelnummers opzoeken kost per melding een stap door het bestand: alleen voor de eerste meldingen, zodat het
    # werk met het aantal fouten lineair blijft. Er worden er toch hooguit MAX_MELDINGEN getoond.
    for f in fout.errors()[:MAX_MELDINGEN * 10]:
        # Zonder de typelabels van pydantic, en zonder het veld waarin de casus de eigen vragen van het pakket bewaart
        # (in het bestand staan die gewoon in hun groep: pakketvragen.rol.x is rol.x).
        loc = tuple(d for d in f["loc"] if not (isinstance(d, str) and _TYPELABEL.match(d)))
        if loc[:1] == (PAKKETVRAGEN,) and len(loc) > 1:
            loc = loc[1:]
        if f["type"] == "invalid_key" and loc:  # de sleutel zelf, geen plaats in een lijst
            loc = loc[:-1] + (str(loc[-1]),)
        veld = _pad(loc) or None
        meldingen.append(Melding(gelezen.naam, _tekst({**f, "loc": loc}, velden_van), gelezen.lijn(loc), veld))
    meldingen.sort(key=lambda m: m.regel or 0)
    return meldingen[:MAX_MELDINGEN]


def casusvelden(woorden: Woordenlijsten | None = None):
    """De veldnamen die op een plaats in een casus mogen staan (met de eigen vragen van het pakket), voor de
    suggestie bij een onbekend veld."""
    velden = catalogus(woorden)

    def velden_van(loc: tuple) -> list[str]:
        if loc[:1] == ("succesfactoren_per_partner",):  # partnernaam: dezelfde velden als de eigen scan
            return velden_onder("succesfactoren", velden) if len(loc) == 2 else []
        return velden_onder(_groeppad(loc), velden)
    return velden_van


def casuscontext(woorden: Woordenlijsten | None, json: bool = False) -> dict:
    """De validatiecontext van een casus: de woordenlijsten van het pakket, en of de data als JSON binnenkomt."""
    return {"woordenlijsten": woorden or standaardwoorden(), "json": json}


# --- casus ------------------------------------------------------------------------------

def lees_casus(pad: str | Path, woorden: Woordenlijsten | None = None) -> Casus:
    """Lees en valideer een casusbestand, met de woordenlijsten van het pakket (zonder: het standaardpakket)."""
    return casus_van(lees_yaml(pad), woorden)


def casus_van(gelezen: Gelezen, woorden: Woordenlijsten | None = None) -> Casus:
    """Valideer een gelezen casusbestand (meldingen met de regelnummers uit dat bestand)."""
    casus = valideer(Casus, gelezen.data, gelezen, casusvelden(woorden), CasusFout,
                     f"De casus '{gelezen.naam}' klopt niet:", casuscontext(woorden))
    if casus.afwegingen:  # waar elke afweging staat, voor een melding als het pakket haar criterium niet kent
        casus._plaatsen = {i: (gelezen.naam, gelezen.lijn(("afwegingen", i, "criterium")))
                           for i in range(len(casus.afwegingen))}
    return casus


def casus_uit_data(data: dict, naam: str = "<casus>", json: bool = False,
                   woorden: Woordenlijsten | None = None) -> Casus:
    """Valideer casusdata die niet uit een bestand komt (tests, wat-als, de API). `json`: de data komt als JSON
    binnen, waarin een bedrag een getal is (zie casus._alleen_getal)."""
    return valideer(Casus, data, Gelezen(Path(naam), data), casusvelden(woorden), CasusFout,
                    f"De casus '{naam}' klopt niet:", casuscontext(woorden, json))


# --- regelpakket ------------------------------------------------------------------------

def _modelvelden(model: Any):
    def velden_van(loc: tuple) -> list[str]:
        huidig = model
        for deel in loc:
            if isinstance(deel, int):
                continue
            info = getattr(huidig, "model_fields", {}).get(deel)
            if info is None:
                return []
            kandidaat = info.annotation
            for arg in getattr(kandidaat, "__args__", ()) or ():
                if hasattr(arg, "model_fields"):
                    kandidaat = arg
            huidig = kandidaat
        return list(getattr(huidig, "model_fields", {}))
    return velden_van


def lees_regelpakket(map_: str | Path) -> Regelpakket:
    """Lees pack.yaml en de regelbestanden die het noemt (of de basis van een beleidsvariant),
    en controleer het geheel. Een pakket dat al eens gecontroleerd is, komt uit de cache (zie
    pakketcache.py: de sleutel is de inhoud, dus nooit verouderd)."""
    from .pakketcache import uit_cache

    return uit_cache(zoek_pakketmap(map_), _lees_regelpakket)


def _lees_regelpakket(map_: Path) -> Regelpakket:
    kop, bestanden, meldingen = _lees_onderdelen(map_, set())
    regels, rijen, problemen = controleer_pakket(kop, bestanden)
    meldingen += problemen
    if meldingen:
        raise RegelpakketFout(f"Het regelpakket '{map_}' klopt niet:", meldingen[:MAX_MELDINGEN])
    hash_ = inhoudshash(kop.model_dump(mode="json"), [b[1].model_dump(mode="json") for b in bestanden])
    return Regelpakket(kop, tuple(r.voorbereid() for r in regels), tuple(rijen), str(map_), hash_)


def pakketversies(map_: str | Path) -> list[Regelpakket]:
    """Het pakket en de andere versies die het in `versies:` noemt, van oud naar nieuw (op geldig_vanaf)."""
    map_ = zoek_pakketmap(map_)
    pakket = lees_regelpakket(map_)
    versies = [pakket]
    for naam in pakket.kop.versies:
        pad = map_ / naam
        if ".." in Path(naam).parts or pad.is_symlink():  # alleen mappen binnen het pakket
            raise RegelpakketFout(f"Het regelpakket '{map_}' klopt niet:", [Melding(
                str(map_ / "pack.yaml"), f"versies: '{naam}' ligt niet binnen de map van het pakket", None, "versies")])
        try:
            versies.append(lees_regelpakket(pad))
        except BestandFout as fout:
            raise RegelpakketFout(f"Het regelpakket '{map_}' klopt niet:", [Melding(
                str(map_ / "pack.yaml"), f"versies: {fout.tekst}", None, "versies")]) from None
    datums = [v.kop.geldig_vanaf for v in versies]
    if len(set(datums)) != len(datums):
        raise RegelpakketFout(f"Het regelpakket '{map_}' klopt niet:", [Melding(
            str(map_ / "pack.yaml"), "versies: twee versies hebben dezelfde datum geldig_vanaf; welke geldt, is dan "
                                     "niet te zeggen", None, "versies")])
    return sorted(versies, key=lambda v: v.kop.geldig_vanaf)


def pakket_voor(map_: str | Path, peildatum: dt.date | None) -> Regelpakket:
    """De versie van het pakket die gold op `peildatum`: de laatste die toen al gold. Zonder peildatum de nieuwste
    die vandaag geldt. Ligt de datum vóór elke versie, dan de oudste (het advies waarschuwt daar dan voor)."""
    versies = pakketversies(map_)
    if len(versies) == 1:
        return versies[0]
    datum = peildatum or dt.date.today()
    geldend = [v for v in versies if v.kop.geldig_vanaf <= datum]
    return geldend[-1] if geldend else versies[0]


def peildatum_van(data: Any) -> dt.date | None:
    """De peildatum uit nog niet gecontroleerde casusdata, om de versie van het pakket te kiezen (of None; een
    ongeldige datum meldt de controle van de casus daarna)."""
    waarde = data.get("peildatum") if isinstance(data, dict) else None
    try:
        return datum_uit(waarde)
    except (PydanticCustomError, ValueError, TypeError):
        return None


def lees_casus_met_pakket(casuspad: str | Path, regelpad: str | Path) -> tuple[Casus, Regelpakket, Gelezen]:
    """Een casusbestand en de versie van het pakket die op haar peildatum gold; de casus gelezen met de woorden
    van die versie."""
    gelezen = lees_yaml(casuspad)
    pakket = pakket_voor(regelpad, peildatum_van(gelezen.data))
    return casus_van(gelezen, pakket.woordenlijsten), pakket, gelezen


def zoek_pakketmap(map_: str | Path) -> Path:
    map_ = Path(map_)
    if map_.is_file() and map_.name == "pack.yaml":
        map_ = map_.parent
    if not map_.exists():
        raise BestandFout(f"Het regelpakket '{map_}' bestaat niet.")
    if not map_.is_dir():
        raise BestandFout(f"'{map_}' is geen map; een regelpakket is een map met pack.yaml.")
    if not (map_ / "pack.yaml").is_file():
        raise BestandFout(f"In '{map_}' staat geen pack.yaml; dat is geen regelpakket.")
    return map_


def _lees_onderdelen(map_: Path, bezocht: set[Path]) -> tuple[Kop, list, list[Melding]]:
    """De kop en de regelbestanden van een pakket, nog niet als geheel gecontroleerd."""
    if map_.resolve() in bezocht:
        raise RegelpakketFout(f"Het regelpakket '{map_}' verwijst via 'basis' naar zichzelf.")
    bezocht.add(map_.resolve())
    kopbestand = lees_yaml(map_ / "pack.yaml")
    if "basis" in kopbestand.data:
        return _lees_overlay(map_, kopbestand, bezocht)
    kop = valideer(Kop, kopbestand.data, kopbestand, _modelvelden(Kop), RegelpakketFout,
                   f"Het regelpakket '{map_}' klopt niet:")
    meldingen: list[Melding] = []
    bestanden = []
    for naam in kop.bestanden:
        gelezen = lees_yaml(map_ / naam)
        try:
            inhoud = valideer(Regelbestand, gelezen.data, gelezen, _modelvelden(Regelbestand), RegelpakketFout, "")
        except RegelpakketFout as fout:
            meldingen += fout.meldingen
            continue
        inhoud, problemen = uitgeschreven(inhoud, gelezen.naam, gelezen.lijn)
        meldingen += problemen
        bestanden.append((gelezen.naam, inhoud, gelezen.lijn))
    meldingen += _losse_bestanden(map_, set(kop.bestanden))
    return kop, bestanden, meldingen


def _losse_bestanden(map_: Path, genoemd: set[str]) -> list[Melding]:
    return [Melding(str(map_ / los), "dit regelbestand staat niet onder 'bestanden' in pack.yaml "
                                     "en zou stilzwijgend genegeerd worden")
            for los in sorted(p.name for p in map_.glob("*.yaml") if p.name not in genoemd | {"pack.yaml"})]


def _lees_overlay(map_: Path, kopbestand: Gelezen, bezocht: set[Path]) -> tuple[Kop, list, list[Melding]]:
    """Een beleidsvariant: de basis, met gewijzigde parameters en regeleffecten."""
    overlay = valideer(Overlay, kopbestand.data, kopbestand, _modelvelden(Overlay), RegelpakketFout,
                       f"De beleidsvariant '{map_}' klopt niet:")
    try:
        basismap = zoek_pakketmap(map_ / overlay.basis)
    except BestandFout as fout:
        raise RegelpakketFout(f"De beleidsvariant '{map_}' klopt niet:", [Melding(
            kopbestand.naam, f"basis: {fout.tekst}", kopbestand.lijn(("basis",)), "basis")]) from None
    kop, bestanden, meldingen = _lees_onderdelen(basismap, bezocht)
    meldingen += _losse_bestanden(map_, set())
    regels = {r.id: r for _, inhoud, _ in bestanden for r in inhoud.regels}
    for naam in overlay.parameters:
        if naam not in kop.parameters:
            meldingen.append(Melding(kopbestand.naam, f"parameter '{naam}' bestaat niet in de basis."
                                     f"{suggestie(naam, kop.parameters)}", kopbestand.lijn(("parameters", naam))))
    for regel_id, wijziging in overlay.regels.items():
        lijn = kopbestand.lijn(("regels", regel_id))
        if regel_id not in regels:
            meldingen.append(Melding(kopbestand.naam, f"regel '{regel_id}' bestaat niet in de basis."
                                     f"{suggestie(regel_id, regels)}", lijn))
        elif wijziging.effect == "voorwaarde" and not (wijziging.voorwaarde or regels[regel_id].voorwaarde):
            meldingen.append(Melding(kopbestand.naam, f"regel '{regel_id}' krijgt effect 'voorwaarde'; noem dan "
                                                      "ook de voorwaarde (veld 'voorwaarde')", lijn))
    for naam, wijziging in overlay.parameters.items():
        basis = kop.parameters.get(naam)
        if basis is not None and (wijziging.waarde is None) != (basis.waarde is None):
            meldingen.append(Melding(kopbestand.naam, f"parameter '{naam}': geef een "
                                     f"{'waarde' if basis.waarde is not None else 'effect'}, zoals in de basis",
                                     kopbestand.lijn(("parameters", naam))))
    parameters = {n: (p.model_copy(update=overlay.parameters[n].model_dump(exclude_none=True))
                      if n in overlay.parameters else p) for n, p in kop.parameters.items()}
    kop = kop.model_copy(update={"naam": overlay.naam, "versie": overlay.versie, "geldig_vanaf": overlay.geldig_vanaf,
                                 "omschrijving": overlay.omschrijving or kop.omschrijving, "parameters": parameters})
    gewijzigd = []
    for naam, inhoud, plaats in bestanden:
        nieuw = [r.model_copy(update=overlay.regels[r.id].model_dump(exclude_none=True)) if r.id in overlay.regels
                 else r for r in inhoud.regels]
        gewijzigd.append((naam, inhoud.model_copy(update={"regels": nieuw}), plaats))
    return kop, gewijzigd, meldingen


def _standaardpakket() -> Path:
    """Het meegeleverde regelpakket: de map rules/alkmaar naast de modules van het programma, in de repository
    (bewerkbare installatie) en na een gewone installatie (pakketdata), vanuit elke map. Rechtstreeks naast dit
    bestand gezocht: dat scheelt bij elke start het laden van importlib.resources."""
    return Path(__file__).resolve().parent.parent / "rules" / "alkmaar"


STANDAARDPAKKET = _standaardpakket()


def bestandshash(gelezen: Gelezen) -> str:
    """De sha256 van een gelezen bestand (de bytes zoals ze er stonden), ingekort: voor het stempel."""
    return hashlib.sha256(gelezen.ruw or b"").hexdigest()[:16]
