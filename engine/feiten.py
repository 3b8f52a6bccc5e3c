"""Van casus naar feiten: een platte mapping van veldpad naar waarde, voor de regels.

Een onbekend veld staat niet in de feiten; zo kan een regel nooit per ongeluk op een
aangenomen waarde vuren. Afgeleide velden (zie `casus.AFGELEIDE_VELDEN`) worden hier
berekend, benoemd en getest, voordat de feiten de engine in gaan.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .casus import CATALOGUS, ONBEKEND, SUCCESFACTOREN, VORM_SOORT, Casus

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


# De leesbare velden met hun pad al opgesplitst: basisfeiten loopt er voor elke casus doorheen.
_LEESBAAR = tuple((pad, tuple(pad.split("."))) for pad, veld in CATALOGUS.items()
                  if not veld.afgeleid and veld.leesbaar and "[]" not in pad)


def basisfeiten(casus: Casus) -> Feiten:
    """De bekende, door regels leesbare velden van een casus, plus `opgave.benoemd`."""
    feiten: Feiten = {}
    for pad, delen in _LEESBAAR:
        waarde = casus
        for deel in delen:
            waarde = getattr(waarde, deel, None)
            if waarde is None:
                break
        waarde = _als_feit(waarde)
        if waarde is None or waarde == ONBEKEND:
            continue
        feiten[pad] = waarde
    # Ontbreekt de omschrijving (of is ze leeg), dan is er geen opgave benoemd; staat er
    # `onbekend`, dan is niet bekend of er een opgave is, en komt `opgave.benoemd` er niet in.
    if casus.opgave.omschrijving != ONBEKEND:
        feiten["opgave.benoemd"] = "ja" if casus.opgave.omschrijving else "nee"
    feiten.update(_succesfactoren(casus))
    if casus.partners is not None:
        feiten["partners.aantal"] = len(casus.partners)
        feiten["partners.zonder_beschreven_belang"] = [
            p.naam for p in casus.partners if p.belang is not None and p.belang.value == "niet_beschreven"]
    if casus.evaluatie.jaar_laatste_evaluatie is not None and casus.peildatum is not None:
        feiten["evaluatie.jaren_sinds"] = casus.peildatum.year - casus.evaluatie.jaar_laatste_evaluatie
    return feiten


def factorscore(stellingen: list[int] | None) -> float | None:
    """De score van één succesfactor: het gemiddelde van de twee stellingen."""
    return sum(stellingen) / len(stellingen) if stellingen else None


def _succesfactoren(casus: Casus) -> Feiten:
    feiten: Feiten = {}
    per_partner = casus.succesfactoren_per_partner or {}
    for factor in SUCCESFACTOREN:
        eigen = factorscore(getattr(casus.succesfactoren, factor))
        if eigen is not None:
            feiten[f"succesfactoren.{factor}.score"] = eigen
        scores = {naam: factorscore(getattr(scan, factor)) for naam, scan in per_partner.items()}
        scores = {naam: score for naam, score in scores.items() if score is not None}
        if scores:
            laagste = min(scores.values())
            feiten[f"succesfactoren.{factor}.laagste_partnerscore"] = laagste
            feiten[f"succesfactoren.{factor}.laagste_partner"] = " en ".join(
                naam for naam, score in scores.items() if score == laagste)
    feiten["succesfactoren.ingevuld"] = "ja" if any(k.startswith("succesfactoren.") for k in feiten) else "nee"
    return feiten


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
