# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Eigenschappen uit architecture.md, getoetst met hypothesis.

- Deterministisch: dezelfde casus geeft hetzelfde advies, los of na andere casussen, in elke volgorde.
- Volledig: elke geldige casus krijgt precies één advies van haar fase (of 'onvoldoende informatie') en
  minstens één bevinding.
- Eerlijk over wat ontbreekt: de bandbreedte bevat het advies van elke invulling van de onbekende feiten.
- Elke bevinding noemt een bron die in de bronnenlijst van het pakket staat.
- Monotoon: een veld naar een gunstiger bekende waarde brengen maakt het advies nooit slechter.
- Slechte invoer geeft nooit een traceback, alleen een InvoerFout.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import beoordeel, beoordeel_casus, voorbeelden
from samenwerkingstoets.engine.casus import Fase, catalogus
from samenwerkingstoets.engine.feiten import feiten_van
from samenwerkingstoets.engine.fouten import InvoerFout
from samenwerkingstoets.engine.laden import casus_uit_data
from samenwerkingstoets.engine.regels import ADVIES_RANG, Advieswoord
from strategie import LEESBAAR, casussen, rommel

CATALOGUS = catalogus()  # met de woorden van het standaardpakket

INSTELLING = settings(max_examples=voorbeelden(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@INSTELLING
@given(casussen())
def test_elke_geldige_casus_krijgt_precies_een_advies_van_haar_fase_en_minstens_een_bevinding(data):
    advies = beoordeel(data)
    rang = ADVIES_RANG[Fase(data["fase"])]
    assert advies.advies in rang + [Advieswoord.onvoldoende_informatie]
    assert advies.advies_bij_bekende_feiten in rang
    b = advies.bandbreedte
    assert rang.index(b.ongunstigst) <= rang.index(advies.advies_bij_bekende_feiten) <= rang.index(b.gunstigst)
    if advies.advies == Advieswoord.onvoldoende_informatie:
        assert b.ongunstigst == rang[0] and b.gunstigst != rang[0]
        assert any(u.kernvraag for u in advies.eerst_uitzoeken)
    assert len(advies.bevindingen) >= 1
    assert sum(advies.telling.values()) == len(advies.bevindingen)
    # het getoonde advies (ook een voorlopig of een door de wettelijke plicht begrensd advies) ligt in de bandbreedte
    if advies.advies != Advieswoord.onvoldoende_informatie:
        assert rang.index(b.ongunstigst) <= rang.index(advies.advies) <= rang.index(b.gunstigst)


@INSTELLING
@given(casussen())
def test_een_open_kernvraag_geeft_nooit_een_onvoorwaardelijk_aangaan_of_voortzetten(data):
    """Zolang een kernvraag open is, is het advies voorlopig (met het antwoord als eerste voorwaarde) of nog geen
    advies; nooit een kaal 'aangaan' of 'voortzetten'."""
    advies = beoordeel(data)
    if advies.open_kernvragen:
        assert advies.advies not in (Advieswoord.aangaan, Advieswoord.voortzetten)
        if advies.advies != Advieswoord.onvoldoende_informatie and not advies.advies.negatief:
            assert advies.voorlopig and advies.voorwaarden_uitgewerkt[0].groep.startswith("kernvraag")
    else:
        assert not advies.voorlopig


@INSTELLING
@given(casussen())
def test_een_negatief_advies_noemt_alleen_wat_er_bij_het_uittreden_geregeld_moet_worden(data):
    advies = beoordeel(data)
    if advies.advies.negatief:
        assert advies.voorwaarden == [] and advies.voorwaarden_uitgewerkt == []
    groepen = [v.groep for v in advies.voorwaarden_uitgewerkt]
    assert len(groepen) == len(set(groepen)), "per groep regels hooguit één voorwaarde"


@INSTELLING
@given(data=casussen())
def test_elke_bevinding_noemt_een_bestaande_bron(data, pakket):
    for bevinding in beoordeel(data).bevindingen:
        document, _, sectie = bevinding.bron.verwijzing.partition("#")
        assert document in pakket.kop.bronnen
        assert bevinding.bron.verwijzing in pakket.secties()
        assert bevinding.bron.document == pakket.kop.bronnen[document].titel


@settings(max_examples=voorbeelden(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


@settings(max_examples=voorbeelden(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=casussen(), veld=st.sampled_from(GEORDEND), extra=st.data())
def test_een_gunstiger_waarde_maakt_het_advies_nooit_slechter(data, veld, extra, beoordelaar):
    casus = casus_uit_data(data)
    feiten = feiten_van(casus)
    beter = _gunstiger(veld, feiten.get(veld.pad))
    assume(beter)
    # een veld dat pas telt bij een bepaalde waarde van dit veld (de uitkomst van de businesscase telt pas als er
    # een is): staat dat ingevuld, dan is 'gunstiger' geen vergelijking met de rest gelijk, maar een andere casus
    afhangers = [v for v, als in beoordelaar.pakket.kop.afhankelijk.items() if veld.pad in als]
    assume(all(feiten.get(v) is None for v in afhangers))
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


@settings(max_examples=voorbeelden(400), deadline=None)
@given(rommel)
def test_willekeurige_invoer_geeft_een_geldige_casus_of_een_invoerfout(data):
    try:
        casus = casus_uit_data(data)
    except InvoerFout as fout:
        assert str(fout).startswith("De casus")
        assert fout.meldingen and all(m.tekst and m.bestand == "<casus>" for m in fout.meldingen)
    else:
        assert casus.naam and casus.fase in (Fase.voorstel, Fase.lopend)


@settings(max_examples=voorbeelden(150), deadline=None)
@given(inhoud=st.binary(max_size=200))
def test_willekeurige_bytes_in_een_bestand_geven_nooit_een_traceback(tmp_path_factory, inhoud):
    from samenwerkingstoets.engine.laden import lees_casus
    pad = tmp_path_factory.mktemp("rommel") / "casus.yaml"
    pad.write_bytes(inhoud)
    try:
        casus = lees_casus(pad)
    except InvoerFout as fout:
        assert str(pad) in str(fout), "de melding noemt het bestand"
        assert "Traceback" not in str(fout)
    else:
        assert casus.naam and casus.fase in (Fase.voorstel, Fase.lopend)


def test_de_catalogus_ordent_alleen_bestaande_woorden():
    for veld in CATALOGUS.values():
        assert set(veld.volgorde) <= set(veld.waarden) | {"onbekend"}, veld.pad


def _invulling(veld, toeval: random.Random):
    """Een willekeurige bekende waarde voor een feit dat de regels lezen."""
    if veld.soort == "woord":
        return toeval.choice([w for w in veld.waarden])
    if veld.soort == "woorden":
        return toeval.sample(list(veld.waarden), toeval.randint(0, len(veld.waarden)))
    if veld.soort == "namen":
        return toeval.choice([[], ["Partner X"]])
    if veld.pad.startswith("succesfactoren."):
        return toeval.choice([1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0])
    return toeval.choice([0, 1, 3, 4, 5, 10, 100_000, 249_999, 250_000, 499_999, 500_000, 10_000_000])


@settings(max_examples=voorbeelden(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=casussen(), toeval=st.randoms(use_true_random=False))
def test_de_bandbreedte_bevat_het_advies_van_elke_invulling_van_de_onbekende_feiten(data, toeval, beoordelaar):
    casus = casus_uit_data(data)
    feiten = feiten_van(casus)
    b = beoordelaar.beoordeel(casus).bandbreedte
    rang = ADVIES_RANG[casus.fase]
    gelezen = {v for r in beoordelaar.pakket.regels for v in r.velden} | {
        v for r in beoordelaar.pakket.vormtabel for v in (t.veld for t in r.voorwaarde.toetsen())}
    onbekend = sorted(v for v in gelezen if v not in feiten and v != "fase"
                      and not v.startswith("juridische_vorm.") and CATALOGUS[v].leesbaar)
    for _ in range(8):
        invulling = {v: _invulling(CATALOGUS[v], toeval) for v in onbekend}
        uitkomst = rang.index(beoordelaar.oordeel({**feiten, **invulling}))
        assert rang.index(b.ongunstigst) <= uitkomst <= rang.index(b.gunstigst), (invulling, b)


def test_de_bandbreedte_met_het_huidige_advies_als_grens_is_gelijk_aan_de_uitputtende(beoordelaar):
    """Staat het advies al op de uiterste rang, of op het plafond van de zeker vurende regels, dan rekent de
    bandbreedte die kant niet door; de uitkomst is dezelfde als wanneer alles doorgerekend wordt. Getoetst op de
    voorbeelden en de praktijkset, telkens ook met willekeurig weggelaten feiten (vaste startwaarde)."""
    from pathlib import Path

    from conftest import CASES
    from samenwerkingstoets.engine.laden import lees_casus

    paden = sorted(CASES.glob("*.yaml")) + sorted((Path(__file__).parent / "praktijk" / "casussen").glob("*.yaml"))
    woordvelden = [(v.pad, v.waarden) for v in LEESBAAR if v.soort == "woord" and v.pad != "fase"]
    toeval = random.Random(20261130)
    vergeleken = 0
    for pad in paden:
        echt = feiten_van(lees_casus(pad))
        for poging in range(36):
            volledig = dict(echt)
            if poging >= 6:  # zoals het overzicht ze vaak ziet: een deel van de woorden anders ingevuld
                volledig.update({v: toeval.choice(w) for v, w in toeval.sample(woordvelden, k=12)})
            feiten = {v: w for v, w in volledig.items() if v == "fase" or poging % 6 == 0 or toeval.random() > 0.3}
            rang = ADVIES_RANG[Fase(feiten["fase"])]
            huidig = beoordelaar.oordeel(feiten)
            snel = beoordelaar.bandbreedte(feiten, huidig)
            alles = beoordelaar._bandbreedte(feiten)
            assert snel.gunstigst == max(alles.gunstigst, huidig, key=rang.index), (pad.name, poging)
            assert snel.ongunstigst == min(alles.ongunstigst, huidig, key=rang.index), (pad.name, poging)
            vergeleken += 1
    assert vergeleken > 1000


def test_de_bandbreedte_volgt_ook_een_vormtabel_die_meer_leest_dan_de_catalogus_noemt(tmp_path):
    """Een eigen pakket kan in de vormtabel ook andere feiten lezen (hier de uittredingsregeling); die tellen mee
    voor de bandbreedte en haar plafond, zodat de bandbreedte niet te smal wordt."""
    import shutil

    from conftest import CASES
    from samenwerkingstoets.engine.beoordelen import Beoordelaar
    from samenwerkingstoets.engine.feiten import aanvullen
    from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_casus, lees_regelpakket

    pakket = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, pakket)
    bestand = pakket / "juridische-vorm.yaml"
    rij = ('  - nr: "99"\n    als: {sturing.uittredingsregeling: ja}\n    vormen: [stichting, vereniging, vennootschap, '
           "convenant, openbaar_lichaam, gemeenschappelijk_orgaan, centrumregeling, dienstverleningsovereenkomst, "
           "regeling_zonder_meer, netwerk]\n    uitleg: Een rij die meer leest.\n    bron: wgr#art-1\n\n")
    tekst = bestand.read_text(encoding="utf-8")
    assert "\nregels:" in tekst
    bestand.write_text(tekst.replace("\nregels:", "\n" + rij + "regels:", 1), encoding="utf-8")
    b = Beoordelaar(lees_regelpakket(pakket))
    feiten = feiten_van(lees_casus(CASES / "economische-samenwerking-mra.yaml"))
    feiten["juridische_vorm"] = "openbaar_lichaam"
    feiten.pop("sturing.uittredingsregeling", None)
    feiten = aanvullen(feiten)
    huidig = b.oordeel(feiten)
    met_regeling = b.oordeel({**feiten, "sturing.uittredingsregeling": "ja"})
    rang = ADVIES_RANG[Fase(feiten["fase"])]
    assert rang.index(met_regeling) > rang.index(huidig), "de casus moet hier iets kunnen winnen"
    assert rang.index(b.bandbreedte(feiten, huidig).gunstigst) >= rang.index(met_regeling)


def test_een_bijna_lege_casus_krijgt_geen_positief_advies():
    """Naam, fase en één vage opgave: vroeger 'aangaan onder voorwaarden', nu nog geen advies."""
    advies = beoordeel({"naam": "Afval", "fase": "voorstel", "opgave": {"omschrijving": "Samen iets met afval"}})
    assert advies.advies == Advieswoord.onvoldoende_informatie
    assert advies.bandbreedte.ongunstigst == Advieswoord.niet_aangaan
    assert advies.eerst_uitzoeken[0].kernvraag
    assert "toegevoegde_waarde.inwoners" in advies.eerst_uitzoeken[0].velden


def test_een_lopende_samenwerking_zonder_evaluatie_krijgt_een_voorlopig_advies_met_de_evaluatie_als_voorwaarde():
    """Raden besluiten ook zonder verse evaluatie; de toets geeft dan het oordeel op wat bekend is, nooit een
    onvoorwaardelijk 'voortzetten', en zegt eerst wat het antwoord zou doen."""
    advies = beoordeel({"naam": "ICT", "fase": "lopend", "opgave": {"omschrijving": "Betrouwbare ICT"},
                        "toegevoegde_waarde": {"inwoners": "ja", "gemeente": "ja", "regio": "ja"}})
    assert advies.advies == Advieswoord.voortzetten_onder_voorwaarden and advies.voorlopig
    assert advies.voorwaarden_uitgewerkt[0].groep.startswith("kernvraag")
    assert "evalueren" in advies.voorwaarden_uitgewerkt[0].wat and advies.voorwaarden_uitgewerkt[0].beslismoment
    scharnier = advies.open_kernvragen[0]
    assert scharnier.velden[0] == "evaluatie.doelen_gerealiseerd"
    rang = ADVIES_RANG[Fase.lopend]
    assert rang.index(scharnier.per_antwoord["ja"]) > rang.index(scharnier.per_antwoord["nee"])


def test_een_voorlopig_advies_zegt_alleen_dat_het_antwoord_het_kan_veranderen_als_de_bandbreedte_open_is():
    """Zegt de bandbreedte 'vast', dan verandert geen antwoord het advies; de uitleg mag dan niet het omgekeerde
    beweren (een wethouder leest beide zinnen onder elkaar)."""
    from conftest import CASES, ROOT
    from samenwerkingstoets.engine.laden import lees_casus

    gezien = set()
    for pad in sorted([*CASES.glob("*.yaml"), *(ROOT / "tests" / "praktijk" / "casussen").glob("*.yaml")]):
        advies = beoordeel_casus(lees_casus(pad))
        if not advies.voorlopig:
            continue
        vast = advies.bandbreedte.gunstigst == advies.bandbreedte.ongunstigst
        gezien.add(vast)
        assert ("kan het advies nog veranderen" in advies.beslisregel) is not vast, pad.name
        assert ("het advies blijft dit" in advies.beslisregel) is vast, pad.name
    assert gezien == {True, False}, "beide soorten voorlopig advies komen in de voorbeelden voor"


def test_een_ontbrekende_opgave_is_onbekend_en_zonder_iets_over_de_waarde_geeft_de_toets_nog_geen_advies():
    advies = beoordeel({"naam": "Netwerk", "fase": "voorstel"})
    assert advies.advies == Advieswoord.onvoldoende_informatie
    assert "ol-geen-opgave" not in {b.regel for b in advies.bevindingen}


def test_zonder_opgave_blijft_een_strategisch_voorstel_niet_aangaan_want_dat_verandert_geen_aanvulling():
    advies = beoordeel({"naam": "Netwerk", "fase": "voorstel", "soort": "strategisch",
                        "opgave": {"omschrijving": "geen"}, "taak": {"wettelijk_verplicht_regionaal": "nee"}})
    assert advies.advies == Advieswoord.niet_aangaan
    assert advies.bandbreedte.gunstigst == Advieswoord.niet_aangaan
    assert "ol-geen-opgave" in {b.regel for b in advies.bevindingen}


def test_vertrekt_een_sleutelpartner_zonder_zicht_op_herstel_dan_eindigt_de_samenwerking_met_een_ontvlechtingsplan():
    basis = {"naam": "Werkorganisatie", "fase": "lopend", "opgave": {"omschrijving": "Robuust"},
             "toegevoegde_waarde": {"inwoners": "ja", "gemeente": "ja", "regio": "ja"},
             "evaluatie": {"doelen_gerealiseerd": "ja", "herstelperspectief": "nee"},
             "samenwerking": {"sleutelpartner_vertrekt": "ja"}}
    advies = beoordeel(basis)
    assert advies.advies == Advieswoord.beeindigen
    assert any("ontvlechtingsplan" in v for v in advies.bij_beeindigen)
    basis["evaluatie"]["herstelperspectief"] = "ja"
    advies = beoordeel(basis)
    assert advies.advies == Advieswoord.voortzetten_onder_voorwaarden
    assert any("anders ingericht" in v for v in advies.voorwaarden)


def test_een_voorstel_met_alleen_opgave_en_waarde_is_voorlopig_met_inrichting_en_bekostiging_als_voorwaarde():
    """Een adviseur zegt geen onvoorwaardelijk 'aangaan' zonder te weten hoe de samenwerking wordt ingericht en
    betaald: het oordeel is voorlopig, en het besluit hangt van die uitwerking af."""
    advies = beoordeel({"naam": "Afval", "fase": "voorstel", "opgave": {"omschrijving": "Samen afval inzamelen"},
                        "toegevoegde_waarde": {"inwoners": "ja", "gemeente": "ja", "regio": "ja"}})
    assert advies.advies == Advieswoord.aangaan_onder_voorwaarden and advies.voorlopig
    assert [u.vraag for u in advies.eerst_uitzoeken if u.kernvraag][0].startswith("Hoe wordt de nieuwe samenwerking")
    assert "juridische vorm" in advies.voorwaarden_uitgewerkt[0].wat