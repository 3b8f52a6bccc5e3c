# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Spectests: casussen in YAML met het advies dat ze moeten krijgen en de regels die moeten vuren.

De specs van een regelpakket staan naast het pakket (rules/alkmaar/specs/*.yaml, met de basiscasussen in
basis.yaml); het formaat staat in engine/pakkettoets.py. `samenwerkingstoets pakket toets` draait dezelfde specs
met dezelfde code. tests/spec/voorbeeldcasussen.yaml toetst de voorbeeldcasussen van de repository (met `bestand`).
"""

from __future__ import annotations

import pytest

from conftest import ROOT, beoordeel
from samenwerkingstoets.engine.laden import STANDAARDPAKKET
from samenwerkingstoets.engine.pakkettoets import Spec, casus_van, controleer, lees_specs, toets_pakket
from speclader import casusdata, gevallen

SPECS, BASIS = lees_specs(STANDAARDPAKKET)


@pytest.mark.parametrize("spec", [pytest.param(s, id=f"{s.bestand.removesuffix('.yaml')}: {s.naam}") for s in SPECS])
def test_spec(spec):
    fouten = controleer(spec, beoordeel(casus_van(spec, BASIS)))
    assert not fouten, fouten


@pytest.mark.parametrize("geval", [pytest.param(g, id=i) for i, g in gevallen()])
def test_voorbeeldcasus(geval):
    spec = Spec(geval["naam"], "voorbeeldcasussen.yaml", None, geval)
    fouten = controleer(spec, beoordeel(casusdata(geval)))
    assert not fouten, fouten


@pytest.mark.parametrize("map_", sorted(p.parent for p in (ROOT / "rules").glob("*/specs")), ids=lambda p: p.name)
def test_elk_meegeleverd_pakket_slaagt_voor_zijn_eigen_toets(map_):
    """Alle specs slagen, elke regel vuurt in een spec en zwijgt in een andere, en elk criterium heeft een regel."""
    uitslag = toets_pakket(map_)
    assert uitslag.geslaagd, ([(s.naam, f) for s, f in uitslag.mislukt], uitslag.dekking)
