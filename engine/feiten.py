"""Van casus naar feiten: een platte mapping van veldpad naar waarde, voor de regels.

Een onbekend veld staat niet in de feiten; zo kan een regel nooit per ongeluk op een
aangenomen waarde vuren. Afgeleide velden (zie `casus.AFGELEIDE_VELDEN`) worden hier
berekend, benoemd en getest, voordat de feiten de engine in gaan.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .casus import CATALOGUS, ONBEKEND, VORM_SOORT, Casus

Feiten = dict[str, Any]


def _haal(casus: Casus, pad: str) -> Any:
    waarde: Any = casus
    for deel in pad.split("."):
        waarde = getattr(waarde, deel, None)
        if waarde is None:
            return None
    return waarde


def _als_feit(waarde: Any) -> Any:
    if isinstance(waarde, StrEnum):
        return waarde.value
    if isinstance(waarde, list):
        return [_als_feit(w) for w in waarde]
    return waarde


def basisfeiten(casus: Casus) -> Feiten:
    """De bekende, door regels leesbare velden van een casus, plus `opgave.benoemd`."""
    feiten: Feiten = {}
    for pad, veld in CATALOGUS.items():
        if veld.afgeleid or not veld.leesbaar or "[]" in pad:
            continue
        waarde = _als_feit(_haal(casus, pad))
        if waarde is None or waarde == ONBEKEND:
            continue
        feiten[pad] = waarde
    omschrijving = (casus.opgave.omschrijving or "").strip()
    feiten["opgave.benoemd"] = "ja" if omschrijving and omschrijving != ONBEKEND else "nee"
    return feiten


def aanvullen(feiten: Feiten) -> Feiten:
    """Voeg de afgeleide velden toe die alleen van andere feiten afhangen.

    Wordt ook aangeroepen na een wat-als-wijziging van de feiten, zodat afgeleide velden
    nooit achterlopen op de velden waar ze van afhangen.
    """
    # Afgeleide velden worden opnieuw berekend; alleen opgave.benoemd komt uit de casustekst zelf.
    uit = {k: v for k, v in feiten.items() if not CATALOGUS[k].afgeleid or k == "opgave.benoemd"}
    vorm = uit.get("juridische_vorm")
    if vorm in VORM_SOORT:
        uit["juridische_vorm.soort"] = VORM_SOORT[vorm].value
    return uit


def feiten_van(casus: Casus) -> Feiten:
    return aanvullen(basisfeiten(casus))
