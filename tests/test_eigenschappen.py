"""Eigenschappen uit architecture.md, getoetst met hypothesis.

- Deterministisch: dezelfde casus geeft hetzelfde advies, los of na andere casussen, in elke volgorde.
- Volledig: elke geldige casus krijgt precies één advies van haar fase en minstens één bevinding.
- Elke bevinding noemt een bron die in de bronnenlijst van het pakket staat.
- Monotoon: een veld naar een gunstiger bekende waarde brengen maakt het advies nooit slechter.
- Slechte invoer geeft nooit een traceback, alleen een InvoerFout.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import beoordeel
from engine.casus import CATALOGUS, Fase
from engine.feiten import feiten_van
from engine.fouten import InvoerFout
from engine.laden import casus_uit_data
from engine.regels import ADVIES_RANG
from strategie import LEESBAAR, casussen, rommel

INSTELLING = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@INSTELLING
@given(casussen())
def test_elke_geldige_casus_krijgt_precies_een_advies_van_haar_fase_en_minstens_een_bevinding(data):
    advies = beoordeel(data)
    assert advies.advies in ADVIES_RANG[Fase(data["fase"])]
    assert len(advies.bevindingen) >= 1
    assert sum(advies.telling.values()) == len(advies.bevindingen)


@INSTELLING
@given(data=casussen())
def test_elke_bevinding_noemt_een_bestaande_bron(data, pakket):
    for bevinding in beoordeel(data).bevindingen:
        document, _, sectie = bevinding.bron.verwijzing.partition("#")
        assert document in pakket.kop.bronnen
        assert sectie in pakket.kop.bronnen[document].secties
        assert bevinding.bron.document == pakket.kop.bronnen[document].titel


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(casussen(), min_size=2, max_size=12), st.randoms(use_true_random=False))
def test_advies_hangt_niet_af_van_wat_ervoor_beoordeeld_is(reeks, toeval):
    eerst = [beoordeel(d).model_dump() for d in reeks]
    volgorde = list(range(len(reeks)))
    toeval.shuffle(volgorde)
    daarna = {i: beoordeel(reeks[i]).model_dump() for i in volgorde}
    assert all(eerst[i] == daarna[i] for i in range(len(reeks)))


def _gunstiger(veld, huidig):
    volgorde = list(veld.volgorde)
    positie = volgorde.index(huidig if huidig is not None else "onbekend")
    return [w for w in volgorde[positie + 1:] if w != "onbekend"]


GEORDEND = [v for v in LEESBAAR if v.volgorde]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=casussen(), veld=st.sampled_from(GEORDEND), extra=st.data())
def test_een_gunstiger_waarde_maakt_het_advies_nooit_slechter(data, veld, extra, beoordelaar):
    casus = casus_uit_data(data)
    feiten = feiten_van(casus)
    beter = _gunstiger(veld, feiten.get(veld.pad))
    if not beter:
        return
    nieuw = extra.draw(st.sampled_from(beter))
    rang = ADVIES_RANG[casus.fase]
    voor = rang.index(beoordelaar.oordeel(feiten))
    na = rang.index(beoordelaar.oordeel({**feiten, veld.pad: nieuw}))
    assert na >= voor, f"{veld.pad}: {feiten.get(veld.pad, 'onbekend')} -> {nieuw} maakte het advies slechter"


def test_een_opgave_benoemen_maakt_het_advies_nooit_slechter(beoordelaar):
    toeval = random.Random(7)
    for _ in range(200):
        basis = {v.pad: toeval.choice(v.waarden) for v in GEORDEND if v.soort == "woord"}
        basis |= {"fase": toeval.choice(["voorstel", "lopend"]), "opgave.benoemd": "nee"}
        rang = ADVIES_RANG[Fase(basis["fase"])]
        assert rang.index(beoordelaar.oordeel({**basis, "opgave.benoemd": "ja"})) >= rang.index(
            beoordelaar.oordeel(basis))


@settings(max_examples=400, deadline=None)
@given(rommel)
def test_willekeurige_invoer_geeft_een_geldige_casus_of_een_invoerfout(data):
    try:
        casus_uit_data(data)
    except InvoerFout as fout:
        assert str(fout).startswith("De casus")
        assert all(m.tekst for m in fout.meldingen)


@settings(max_examples=150, deadline=None)
@given(inhoud=st.binary(max_size=200))
def test_willekeurige_bytes_in_een_bestand_geven_nooit_een_traceback(tmp_path_factory, inhoud):
    from engine.laden import lees_casus
    pad = tmp_path_factory.mktemp("rommel") / "casus.yaml"
    pad.write_bytes(inhoud)
    try:
        lees_casus(pad)
    except InvoerFout:
        pass


def test_de_catalogus_ordent_alleen_bestaande_woorden():
    for veld in CATALOGUS.values():
        assert set(veld.volgorde) <= set(veld.waarden) | {"onbekend"}, veld.pad
