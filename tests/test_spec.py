"""Spectests: casussen in YAML met het advies dat ze moeten krijgen en de regels die moeten vuren.

Elk bestand in tests/spec/ bevat een lijst van gevallen:

    - naam: een voorstel zonder benoemde opgave krijgt 'niet aangaan' door VIS-OL1
      bestand: cases/x.yaml           # een voorbeeldcasus, of
      casus: {...}                    # een volledige casus, of
      basis: goed                     # de goede basiscasus uit conftest ...
      wijzig: {opgave.omschrijving: ""}   # ... met deze wijzigingen
      advies: niet_aangaan
      voorlopig: true                 # (optioneel) het advies is voorlopig: een kernvraag is open
      ongunstigst: niet_aangaan       # (optioneel) de grenzen van de bandbreedte
      gunstigst: niet_aangaan
      vuurt: [ol-geen-opgave]
      vuurt_niet: [ol-opgave-overstijgt-gemeente]
"""

from __future__ import annotations

import pytest

from conftest import beoordeel
from speclader import casusdata, gevallen


@pytest.mark.parametrize("geval", [pytest.param(g, id=i) for i, g in gevallen()])
def test_spec(geval):
    advies = beoordeel(casusdata(geval))
    gevuurd = {b.regel for b in advies.bevindingen}
    assert advies.advies.value == geval["advies"], (advies.advies, sorted(gevuurd))
    if "voorwaarden" in geval:
        assert len(advies.voorwaarden) == geval["voorwaarden"], advies.voorwaarden
    if "voorlopig" in geval:
        assert advies.voorlopig == geval["voorlopig"], advies.beslisregel
    for grens in ("ongunstigst", "gunstigst"):
        if grens in geval:
            assert getattr(advies.bandbreedte, grens).value == geval[grens], advies.bandbreedte
    for regel in geval.get("vuurt", []):
        assert regel in gevuurd, f"regel {regel} vuurde niet; wel: {sorted(gevuurd)}"
    for regel, tekst in geval.get("uitleg_bevat", {}).items():
        bevinding = next(b for b in advies.bevindingen if b.regel == regel)
        assert tekst in bevinding.uitleg + " " + (bevinding.voorwaarde or "")
    for regel in geval.get("vuurt_niet", []):
        assert regel not in gevuurd, f"regel {regel} vuurde, maar had niet mogen vuren"
