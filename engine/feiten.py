# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Van casus naar feiten: een platte mapping van veldpad naar waarde, voor de regels.

Een onbekend veld staat niet in de feiten; zo kan een regel nooit per ongeluk op een
aangenomen waarde vuren. Afgeleide velden (zie `casus.AFGELEIDE_VELDEN`) worden hier
berekend, benoemd en getest, voordat de feiten de engine in gaan.
"""

from __future__ import annotations

import operator
from enum import StrEnum
from typing import Any

from .casus import CATALOGUS, GEEN_OPGAVE, ONBEKEND, SUCCESFACTOREN, Casus
from .vormen import VORM_SOORT

Feiten = dict[str, Any]

# Afgeleide velden die uit andere feiten volgen en na elke wijziging opnieuw berekend worden.
# (De overige afgeleide velden komen uit delen van de casus die regels niet lezen: de
# omschrijving van de opgave, de scores, de partners en de peildatum.)
HERBEREKEND = {"juridische_vorm.soort", "juridische_vorm.passende_vormen", "juridische_vorm.past"}


def _als_feit(waarde: Any) -> Any:
    if isinstance(waarde, StrEnum):
        return waarde._value_  # hetzelfde als .value, zonder de omweg van enums eigenschap (dit draait per veld)
    if isinstance(waarde, list):
        return [_als_feit(w) for w in waarde]
    return waarde


# De leesbare velden (basisfeiten loopt er voor elke casus doorheen), en één functie die ze allemaal in één
# keer ophaalt; staat een groep op None, dan gaat het veld voor veld.
_LEESBAAR = tuple((pad, tuple(pad.split("."))) for pad, veld in CATALOGUS.items()
                  if not veld.afgeleid and veld.leesbaar and "[]" not in pad)
_ALLE = operator.attrgetter(*(pad for pad, _ in _LEESBAAR))


def _veld_voor_veld(casus: Casus) -> tuple:
    uit = []
    for _, delen in _LEESBAAR:
        waarde = casus
        for deel in delen:
            waarde = getattr(waarde, deel, None)
            if waarde is None:
                break
        uit.append(waarde)
    return tuple(uit)


def basisfeiten(casus: Casus) -> Feiten:
    """De bekende, door regels leesbare velden van een casus, plus `opgave.benoemd`."""
    try:
        waarden = _ALLE(casus)
    except AttributeError:
        waarden = _veld_voor_veld(casus)
    feiten: Feiten = {}
    for (pad, _), waarde in zip(_LEESBAAR, waarden):
        waarde = _als_feit(waarde)
        if waarde is None or waarde == ONBEKEND:
            continue
        feiten[pad] = waarde
    # Eén betekenis van ontbreken: een ontbrekende (of lege) omschrijving is onbekend, net als `onbekend`.
    # Dat er geen opgave is, zegt de adviseur uitdrukkelijk: `omschrijving: geen`.
    omschrijving = casus.opgave.omschrijving
    if omschrijving is not None and omschrijving != ONBEKEND:
        feiten["opgave.benoemd"] = "nee" if omschrijving == GEEN_OPGAVE else "ja"
    feiten.update(casus.pakketvragen())  # de eigen ja/nee-vragen van het pakket
    feiten.update(_succesfactoren(casus))
    if casus.partners is not None:
        feiten["partners.aantal"] = len(casus.partners)
        feiten["partners.zonder_beschreven_belang"] = [
            p.naam for p in casus.partners if p.belang is not None and p.belang.value == "niet_beschreven"]
    if casus.evaluatie.jaar_laatste_evaluatie is not None and casus.peildatum is not None:
        feiten["evaluatie.jaren_sinds"] = casus.peildatum.year - casus.evaluatie.jaar_laatste_evaluatie
    return feiten


def factorscore(stellingen: list[int | None] | None) -> float | None:
    """De score van één succesfactor: het gemiddelde van de twee stellingen. Staat er nog een open (een concept,
    zoals [3, onbekend]), dan is de score niet bekend."""
    if not stellingen or any(s is None for s in stellingen):
        return None
    return sum(stellingen) / len(stellingen)


# per succesfactor: de naam en de namen van zijn feiten (eigen score, laagste partnerscore, die partner)
_FACTORFEITEN = tuple((f, f"succesfactoren.{f}.score", f"succesfactoren.{f}.laagste_partnerscore",
                       f"succesfactoren.{f}.laagste_partner") for f in SUCCESFACTOREN)


def _succesfactoren(casus: Casus) -> Feiten:
    feiten: Feiten = {}
    eigen = casus.succesfactoren
    scans = list((casus.succesfactoren_per_partner or {}).items())
    for factor, sleutel_eigen, sleutel_laagste, sleutel_partner in _FACTORFEITEN:
        score = factorscore(getattr(eigen, factor))
        if score is not None:
            feiten[sleutel_eigen] = score
        if scans:
            scores = {naam: factorscore(getattr(scan, factor)) for naam, scan in scans}
            scores = {naam: score for naam, score in scores.items() if score is not None}
            if scores:
                laagste = min(scores.values())
                feiten[sleutel_laagste] = laagste
                feiten[sleutel_partner] = " en ".join(naam for naam, score in scores.items() if score == laagste)
    feiten["succesfactoren.ingevuld"] = "ja" if feiten else "nee"
    return feiten


def open_stellingen(casus: Casus) -> list[tuple[str | None, str]]:
    """De factoren van de scan waarvan maar één stelling een score heeft (een concept): (partner of None voor de
    eigen scan, factor)."""
    scans = [(None, casus.succesfactoren), *(casus.succesfactoren_per_partner or {}).items()]
    return [(wie, factor) for wie, scan in scans for factor in SUCCESFACTOREN
            if (paar := getattr(scan, factor)) and sum(s is None for s in paar) == 1]


def aanvullen(feiten: Feiten) -> Feiten:
    """Voeg de afgeleide velden toe die alleen van andere feiten afhangen.

    Wordt ook aangeroepen na een wat-als-wijziging van de feiten, zodat afgeleide velden
    nooit achterlopen op de velden waar ze van afhangen.
    """
    uit = dict(feiten)
    for veld in HERBEREKEND:
        uit.pop(veld, None)
    vorm = uit.get("juridische_vorm")
    if vorm in VORM_SOORT:
        uit["juridische_vorm.soort"] = VORM_SOORT[vorm].value
    return uit


def feiten_van(casus: Casus) -> Feiten:
    return aanvullen(basisfeiten(casus))
