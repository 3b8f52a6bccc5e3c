# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De lader voor de spectests van de repository zelf: tests/spec/voorbeeldcasussen.yaml (de voorbeeldcasussen) en
tests/spec/vergelijken/*.yaml (vergelijkingen). De specs van het pakket staan naast het pakket (zie
engine/pakkettoets.py). Elk geval heeft een `naam`."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import GOEDE_CASUS, ROOT, met

SPEC = ROOT / "tests" / "spec"


def _lees(map_: Path) -> list[tuple[str, dict]]:
    uit = []
    for bestand in sorted(map_.glob("*.yaml")):
        for geval in yaml.safe_load(bestand.read_text(encoding="utf-8")):
            assert "naam" in geval, f"{bestand.name}: elk geval heeft een naam"
            uit.append((f"{bestand.stem}: {geval['naam']}", geval))
    return uit


def gevallen() -> list[tuple[str, dict]]:
    """De gevallen met een advies: (id, geval)."""
    return _lees(SPEC)


def vergelijkgevallen() -> list[tuple[str, dict]]:
    return _lees(SPEC / "vergelijken")


def casusdata(geval: dict) -> dict:
    """De casus van een geval: een voorbeeldbestand, een volledige casus, of de goede basis met wijzigingen."""
    if "bestand" in geval:
        return yaml.safe_load((ROOT / geval["bestand"]).read_text(encoding="utf-8"))
    if "casus" in geval:
        return geval["casus"]
    assert geval["basis"] == "goed"
    return met(GOEDE_CASUS, geval.get("wijzig", {}))
