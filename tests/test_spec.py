"""Spectests: casussen in YAML met het advies dat ze moeten krijgen en de regels die moeten vuren.

Elk bestand in tests/spec/ bevat een lijst van gevallen:

    - naam: een voorstel zonder benoemde opgave krijgt 'niet aangaan' door VIS-OL1
      bestand: cases/x.yaml           # een voorbeeldcasus, of
      casus: {...}                    # een volledige casus, of
      basis: goed                     # de goede basiscasus uit conftest ...
      wijzig: {opgave.omschrijving: ""}   # ... met deze wijzigingen
      advies: niet_aangaan
      ongunstigst: niet_aangaan       # (optioneel) de grenzen van de bandbreedte
      gunstigst: niet_aangaan
      vuurt: [ol-geen-opgave]
      vuurt_niet: [ol-opgave-overstijgt-gemeente]
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import GOEDE_CASUS, ROOT, beoordeel, met

SPEC = Path(__file__).parent / "spec"


def _gevallen():
    for bestand in sorted(SPEC.glob("*.yaml")):
        for geval in yaml.safe_load(bestand.read_text(encoding="utf-8")):
            yield pytest.param(geval, id=f"{bestand.stem}: {geval['naam']}")


@pytest.mark.parametrize("geval", list(_gevallen()))
def test_spec(geval):
    if "bestand" in geval:
        data = yaml.safe_load((ROOT / geval["bestand"]).read_text(encoding="utf-8"))
    elif "casus" in geval:
        data = geval["casus"]
    else:
        assert geval["basis"] == "goed"
        data = met(GOEDE_CASUS, geval.get("wijzig", {}))
    advies = beoordeel(data)
    gevuurd = {b.regel for b in advies.bevindingen}
    assert advies.advies.value == geval["advies"], (advies.advies, sorted(gevuurd))
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
