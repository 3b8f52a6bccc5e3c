# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Waarden lezen zoals mensen ze typen: bedragen op z'n Nederlands en tekst zonder onzichtbare tekens.

Een beleidsadviseur schrijft een bedrag als `750.000`, `€ 750.000` of `1,5 miljoen`. YAML leest
`750.000` als het kommagetal 750,0; daarom bewaart de lader van een kommagetal ook de tekst
zoals die in het bestand stond (`Kommagetal.tekst`), en leest `lees_bedrag` die tekst.
Wat niet zonder twijfel te lezen is, wordt geweigerd met een melding die de oplossing toont:
een bedrag wordt nooit stil omgezet.

Het omgekeerde staat hier ook: hoe een waarde in de uitvoer verschijnt (`toon`), met de juiste
Nederlandse spelling van woorden (`woord`: kostenefficiëntie, continuïteit) en meervouden (`aantal`).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any


class Kommagetal(float):
    """Een kommagetal uit YAML dat ook de tekst onthoudt zoals die in het bestand stond."""

    tekst: str = ""


def kommagetal(waarde: float, tekst: str) -> Kommagetal:
    getal = Kommagetal(waarde)
    getal.tekst = tekst
    return getal


_FACTOREN = {
    "miljard": 1_000_000_000, "mld": 1_000_000_000,
    "miljoen": 1_000_000, "mln": 1_000_000, "mio": 1_000_000,
    "duizend": 1_000, "k": 1_000,
}
_DUIZENDTALLEN = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")
_BEDRAG = re.compile(r"^(?P<getal>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<decimalen>[0-9]+|-))?(?P<factor>[a-z]+)?\.?$")
_VOORBEELD = "schrijf het bedrag in hele euro's, zoals 750000, 750.000, € 750.000 of '1,5 miljoen'"


def lees_bedrag(waarde: Any) -> int | str:
    """Een bedrag in hele euro's, of (als tekst) de reden waarom het niet te lezen is."""
    if isinstance(waarde, bool):
        return f"verwacht een bedrag, maar hier staat een ja/nee-waarde; {_VOORBEELD}"
    if isinstance(waarde, int):
        tekst = getattr(waarde, "tekst", None)
        return int(waarde) if tekst is None or re.fullmatch(r"[0-9_]+", tekst) else \
            f"'{tekst}' is geen gewoon getal; {_VOORBEELD}"
    if isinstance(waarde, float):
        tekst = getattr(waarde, "tekst", None)
        if tekst and _DUIZENDTALLEN.match(tekst):
            return int(tekst.replace(".", ""))
        getoond = tekst or repr(waarde)
        return f"'{getoond}' is geen bedrag in hele euro's (een punt scheidt duizendtallen); {_VOORBEELD}"
    if not isinstance(waarde, str):
        return f"verwacht een bedrag; {_VOORBEELD}"
    tekst = schone_tekst(waarde).lower()
    tekst = re.sub(r"^(€|eur\b|euro\b)|(€|euro|eur)$", "", tekst)
    tekst = re.sub(r"\s+", "", tekst)
    treffer = _BEDRAG.match(tekst)
    if not treffer or (treffer["factor"] and treffer["factor"] not in _FACTOREN):
        return f"'{waarde}' is niet als bedrag te lezen; {_VOORBEELD}"
    getal = treffer["getal"].replace(".", "")
    decimalen = treffer["decimalen"]
    if decimalen and len(decimalen) == 3 and not treffer["factor"]:
        return (f"'{waarde}' is dubbelzinnig: een komma staat in het Nederlands voor decimalen, niet voor "
                f"duizendtallen; {_VOORBEELD}")
    if decimalen and decimalen != "-":
        getal += "." + decimalen
    try:
        bedrag = Decimal(getal) * _FACTOREN.get(treffer["factor"] or "", 1)
    except InvalidOperation:
        return f"'{waarde}' is niet als bedrag te lezen; {_VOORBEELD}"
    if bedrag != bedrag.to_integral_value():
        return f"'{waarde}' is geen bedrag in hele euro's; {_VOORBEELD}"
    return int(bedrag)


_ONZICHTBAAR = {"Cf", "Cc", "Cs", "Co", "Cn"}


def schone_tekst(tekst: str) -> str:
    """De tekst zonder onzichtbare tekens (zero-width, besturingstekens) en zonder witruimte aan
    de randen; regeleinden en tabs binnen de tekst blijven staan."""
    if tekst.isprintable():  # geen enkel onzichtbaar teken (de gewone tekst): niets weg te halen
        return tekst.strip()
    schoon = "".join(t for t in tekst if t in "\n\t" or unicodedata.category(t) not in _ONZICHTBAAR)
    return schoon.strip()


# --- waarden tonen ----------------------------------------------------------------------

# Woorden uit de woordenlijsten zijn machinewoorden zonder trema's; in de uitvoer krijgen ze hun spelling.
SPELLING = {
    "kostenefficientie": "kostenefficiëntie",
    "continuiteit": "continuïteit",
    "beeindigen": "beëindigen",
    "regio_alkmaar": "Regio Alkmaar",
    "noord_holland_noord": "Noord-Holland Noord",
    "metropoolregio_amsterdam": "Metropoolregio Amsterdam",
    "gr": "gemeenschappelijke regeling",
}


def woord(machinewoord: str) -> str:
    """Een woord uit een woordenlijst zoals een lezer het ziet: 'kostenefficiëntie', 'lang'."""
    tekst = str(machinewoord)
    return SPELLING.get(tekst, tekst).replace("_", " ")


def euro(bedrag: int) -> str:
    """Een bedrag zoals in een stuk voor het college: '€ 1.450.000', '€ -700.000'."""
    return f"€ {bedrag:,}".replace(",", ".")


def toon(waarde: Any, voegwoord: str = "of") -> str:
    """Een feitwaarde zoals een lezer haar ziet: '2,5', '750.000', 'trekker of aanjager', 'onbekend'. Een lijst
    wordt verbonden met `voegwoord`: 'of' bij keuzes (de vormen die passen), 'en' bij wat allemaal geldt (de rollen
    van de gemeente)."""
    if waarde is None:
        return "onbekend"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        return f"{waarde:.1f}".replace(".", ",")
    if isinstance(waarde, int) and waarde >= 10_000:
        return f"{waarde:,}".replace(",", ".")
    if isinstance(waarde, list):
        if not waarde:
            return "geen"
        woorden = [woord(w) for w in waarde]
        if len(woorden) > 1 and any(f" {voegwoord} " in w for w in woorden):
            return "; ".join(woorden)  # 'kostenefficiëntie; kwaliteit en kwetsbaarheid': geen dubbel 'en'
        return woorden[0] if len(woorden) == 1 else ", ".join(woorden[:-1]) + f" {voegwoord} " + woorden[-1]
    return woord(waarde)


MEERVOUD = {
    "voorwaarde": "voorwaarden", "aandachtspunt": "aandachtspunten", "sterkte": "sterktes",
    "regel": "regels", "punt": "punten", "ander punt": "andere punten", "combinatie": "combinaties", "casus": "casussen", "bevinding": "bevindingen",
    "actie": "acties", "spec": "specs", "probleem": "problemen", "samenwerking": "samenwerkingen", "bestand": "bestanden", "casusbestand": "casusbestanden", "criterium": "criteria", "voorstel": "voorstellen", "blokkerend": "blokkerend",
    "vraag": "vragen", "kernvraag": "kernvragen",
}


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def datum_tekst(datum: Any) -> str:
    """Een datum zoals een Nederlandse lezer hem schrijft: '1 november 2026'."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def opsomming(delen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(delen) < 2:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def aantal(n: int, enkelvoud: str) -> str:
    """'1 voorwaarde', '3 voorwaarden', '0 sterktes'."""
    return f"{n} {enkelvoud if n == 1 else MEERVOUD.get(enkelvoud, enkelvoud)}"


def toon_waarde(waarde: Any) -> str:
    """Een waarde zoals --wat-als haar schrijft: woord, getal of [a, b]."""
    if isinstance(waarde, list):
        return "[" + ", ".join(str(w) for w in waarde) + "]"
    if waarde is None:
        return "onbekend"
    return str(waarde)


def fragment(tekst: str, lengte: int = 60) -> str:
    """Een kort, veilig stukje invoer voor een melding: besturingstekens zichtbaar, lange tekst afgekapt."""
    zichtbaar = zichtbaar_voor_terminal(str(tekst))
    return zichtbaar if len(zichtbaar) <= lengte else zichtbaar[: lengte - 1] + "…"


def zichtbaar_voor_terminal(tekst: str) -> str:
    """Tekst zonder besturings- of escapetekens (die kunnen een terminal overnemen): ze worden zichtbaar
    als \\x1b en dergelijke; een regeleinde blijft een regeleinde."""
    return _BUITEN_ASCII.sub(_zichtbaar_teken, tekst)  # gewone ASCII-tekst slaat de zoektocht in één keer over


_BUITEN_ASCII = re.compile(r"[^\n\t\x20-\x7e]")


def _zichtbaar_teken(treffer: re.Match) -> str:
    t = treffer.group()
    if unicodedata.category(t)[0] != "C":
        return t
    return f"\\x{ord(t):02x}" if ord(t) < 256 else f"\\u{ord(t):04x}"


def deel_van(aandeel: float | None, bedrag: int | None) -> int | None:
    """Het deel van de gemeente (aandeel in procenten) in een bedrag, in hele euro's; None als een van beide
    onbekend is."""
    return None if aandeel is None or bedrag is None else round(aandeel * bedrag / 100)


def procent(getal: float) -> str:
    """Een percentage zoals een Nederlandse lezer het schrijft: '16,4%', '30%'."""
    return f"{getal:g}".replace(".", ",") + "%"


def zonder_accenten(tekst: str) -> str:
    """'Beëindigen' -> 'Beeindigen': voor bestandsnamen en om te zoeken."""
    return unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii")


def maak_id(naam: str, anders: str = "casus") -> str:
    """Een bestands- of pakketnaam uit een naam: 'Regionale inkoop Jeugdzorg' -> 'regionale-inkoop-jeugdzorg',
    'Súdwest-Fryslân' -> 'sudwest-fryslan'; zonder letters of cijfers: `anders`."""
    kort = re.sub(r"[^a-z0-9]+", "-", zonder_accenten(naam).lower()).strip("-")[:80].strip("-")
    return kort or anders
