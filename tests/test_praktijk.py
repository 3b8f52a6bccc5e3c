"""De toets naast de praktijk: echte samenwerkingen en het besluit dat er werkelijk over genomen is.

De overeenstemming wordt gemeten, niet afgedwongen: geen regel is op één casus afgesteld. De test
faalt als minder dan 80% van de casussen met beantwoorde kernvragen precies het genomen besluit krijgt,
of als een casus met een open kernvraag een ander advies krijgt dan 'onvoldoende informatie' of het
besluit zelf. `python scripts/praktijk.py` drukt het volledige verslag af.
"""

from __future__ import annotations

import pytest

from samenwerkingstoets.engine.casus import Fase
from samenwerkingstoets.engine.laden import lees_casus
from samenwerkingstoets.engine.regels import ADVIES_RANG, Advieswoord
from praktijkset import HERKOMSTVELDEN, PRAKTIJK, herkomst, namen, overeenstemming, uitkomsten, verslag

DREMPEL = 0.80


@pytest.fixture(scope="module")
def lijst(beoordelaar):
    return uitkomsten(beoordelaar)


def test_de_praktijkset_heeft_minstens_vijftien_echte_samenwerkingen_van_elke_soort():
    alle = namen()
    assert len(alle) >= 15
    fasen = {lees_casus(PRAKTIJK / "casussen" / f"{n}.yaml").fase for n in alle}
    assert fasen == {Fase.voorstel, Fase.lopend}
    besluiten = {herkomst(n)["verwacht_advies"] for n in alle}
    assert {"beeindigen", "niet_aangaan"} <= besluiten, "ook beëindigde en afgewezen samenwerkingen"
    assert besluiten & {"voortzetten", "voortzetten_onder_voorwaarden"}
    assert besluiten & {"aangaan", "aangaan_onder_voorwaarden"}


@pytest.mark.parametrize("naam", namen())
def test_elke_praktijkcasus_heeft_een_herkomst_met_bron_en_besluit(naam):
    bron = herkomst(naam)
    assert set(bron) == HERKOMSTVELDEN
    assert str(bron["adres"]).startswith(("http://", "https://"))
    assert len(str(bron["besluit"]).split()) >= 15, "het besluit en waarom, in eigen woorden"
    casus = lees_casus(PRAKTIJK / "casussen" / f"{naam}.yaml")
    assert Advieswoord(bron["verwacht_advies"]) in ADVIES_RANG[casus.fase]


def test_de_toets_stemt_in_minstens_80_procent_overeen_met_de_genomen_besluiten(lijst):
    print("\n" + verslag(lijst))
    assert overeenstemming(lijst) >= DREMPEL, verslag(lijst)


def test_bij_een_open_kernvraag_raadt_de_toets_niet_maar_vraagt_eerst_informatie(lijst):
    for u in lijst:
        if not u.volledig:
            assert u.advies in (Advieswoord.onvoldoende_informatie, u.verwacht), u
