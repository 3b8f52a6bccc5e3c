# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De engine zelf: duizenden evaluaties in één proces, fouten die niet stil verdwijnen."""

from __future__ import annotations

import gc
import random

import psutil
import pytest
from hypothesis import given, settings

from conftest import CASES, beoordeel, voorbeelden
from samenwerkingstoets.engine import durable
from samenwerkingstoets.engine.beoordelen import Beoordelaar
from samenwerkingstoets.engine.feiten import feiten_van
from samenwerkingstoets.engine.fouten import EngineFout
from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_casus, lees_regelpakket
from samenwerkingstoets.engine.regels import EenVan, Toets
from strategie import casussen


def _willekeurige_feiten(toeval: random.Random, referentie: dict) -> dict:
    feiten = dict(referentie)
    for veld in list(feiten):
        if veld != "fase" and toeval.random() < 0.3:
            del feiten[veld]
    return feiten


def test_tienduizend_evaluaties_in_een_proces_zonder_crash_met_vlak_geheugen_en_zelfde_advies(beoordelaar):
    referentie = lees_casus(CASES / "omgevingsdienst-lopend.yaml")
    eerst = beoordelaar.beoordeel(referentie).model_dump()
    basis = feiten_van(referentie)
    toeval = random.Random(2026)
    for _ in range(500):  # opwarmen: caches, allocaties
        beoordelaar.oordeel(_willekeurige_feiten(toeval, basis))
    gc.collect()
    proces = psutil.Process()
    voor = proces.memory_info().rss
    for _ in range(10_000):
        beoordelaar.oordeel(_willekeurige_feiten(toeval, basis))
    gc.collect()
    groei_mb = (proces.memory_info().rss - voor) / 1e6
    assert groei_mb < 30, f"geheugen groeide {groei_mb:.1f} MB"
    assert beoordelaar.beoordeel(referentie).model_dump() == eerst


@settings(max_examples=voorbeelden(60), deadline=None)
@given(data=casussen())
def test_de_snelle_weg_en_durables_eigen_host_laten_dezelfde_regels_vuren(beoordelaar, data):
    from samenwerkingstoets.engine.laden import casus_uit_data
    feiten, _ = beoordelaar.afleiden(feiten_van(casus_uit_data(data)))
    assert beoordelaar._regels.evalueer(feiten) == beoordelaar._regels.evalueer_via_host(feiten)


def test_een_fout_in_een_regelactie_wordt_een_enginefout(monkeypatch):
    def kapotte_actie(regel_id):
        def actie(c):
            raise RuntimeError("kapot")
        return actie
    monkeypatch.setattr(durable, "_actie", kapotte_actie)
    rs = durable.regelset("test-kapot", [("altijd", Toets("fase", "is", "voorstel"))], {})
    with pytest.raises(EngineFout, match="faalde"):
        rs.evalueer_via_host({"fase": "voorstel"})


def test_zonder_hartslag_komt_er_geen_leeg_advies_maar_een_enginefout(monkeypatch):
    rs = durable.regelset("test-hartslag", [("altijd", Toets("fase", "is", "voorstel"))], {})
    monkeypatch.setattr(durable, "HARTSLAG", "__niet_gevuurd")  # alsof de hartslagregel niet vuurde
    with pytest.raises(EngineFout, match="geen antwoord"):
        rs.evalueer({"fase": "voorstel"})


def test_veel_regels_worden_over_delen_verdeeld_en_vuren_allemaal():
    rs = durable.regelset("test-veel", [(f"r{i}", Toets(f"veld{i}", "is", "ja")) for i in range(300)], {})
    assert len(rs.delen) > 1
    assert rs.evalueer({f"veld{i}": "ja" for i in range(300)}) == [f"r{i}" for i in range(300)]


def test_een_casus_die_veel_regels_tegelijk_raakt_overschrijdt_de_stapel_van_de_kern_niet(beoordelaar):
    """Alle thema's, alle rollen en een volledige scan gaven foutcode 303 (stapel van 64 vol)."""
    from samenwerkingstoets.engine.casus import catalogus
    CATALOGUS = catalogus()
    feiten = {"fase": "voorstel", "opgave.benoemd": "ja", "juridische_vorm": "vennootschap",
              "themas": list(CATALOGUS["themas"].waarden), "rol.eigen": list(CATALOGUS["rol.eigen"].waarden),
              "partners.zonder_beschreven_belang": ["Partner X"], "taak.wettelijk_verplicht_regionaal": "ja",
              "onderbouwing.businesscase": "aanwezig", "onderbouwing.businesscase_uitkomst": "neutraal",
              "samenwerking.concurrentie_tussen_partners": "ja", "sturing.raad_tevreden": "nee"}
    for factor in ("identiteit", "durf_en_realisme", "betekenisgeving", "relatie_sleutelfiguren",
                   "samenspel_college_raad_organisatie", "beeld_van_de_organisatie", "geregisseerd_proces"):
        feiten[f"succesfactoren.{factor}.score"] = 1.0
        feiten[f"succesfactoren.{factor}.laagste_partnerscore"] = 1.5
    assert beoordelaar.gevuurd(feiten)
    for deel in beoordelaar._regels.delen:
        assert durable.stapelgebruik([beoordelaar.pakket.regel(i).voorwaarde for i in deel._ids]) <= \
            durable.STAPELBUDGET


def test_een_regel_die_alleen_al_te_groot_is_voor_de_kern_wordt_geweigerd():
    groot = EenVan(tuple(Toets(f"veld{i}", "is", "ja") for i in range(60)))
    with pytest.raises(EngineFout, match="regel 'te-groot' is te groot"):
        durable.regelset("test-te-groot", [("te-groot", groot)], {})


def test_hetzelfde_pakket_twee_keer_laden_hergebruikt_de_regelset():
    een = Beoordelaar(lees_regelpakket(STANDAARDPAKKET))
    twee = Beoordelaar(lees_regelpakket(STANDAARDPAKKET))
    assert all(a is b for a, b in zip(een._regels.delen, twee._regels.delen, strict=True))


def test_een_onbekend_veld_dat_het_advies_kan_veranderen_staat_bij_nog_te_achterhalen():
    advies = beoordeel({"naam": "x", "fase": "voorstel", "opgave": {"omschrijving": "Wonen"}})
    velden = {o.veld: o for o in advies.ontbrekende_informatie}
    assert "toegevoegde_waarde.inwoners" in velden
    inwoners = velden["toegevoegde_waarde.inwoners"]
    assert "tw-waarde-inwoners-onbekend" in inwoners.gelezen_door
    assert set(inwoners.advies_per_waarde) == {"ja", "nee"}


def test_een_fout_midden_in_een_evaluatie_laat_geen_feit_achter_voor_de_volgende(beoordelaar, monkeypatch):
    """Elke set evalueert in één hergebruikte state; faalt een evaluatie halverwege, dan gaat die state weg en
    ziet de volgende evaluatie alleen haar eigen feit (dezelfde regels als via durables eigen Host)."""
    deel = beoordelaar._regels.delen[0]
    feiten, _ = beoordelaar.afleiden(feiten_van(lees_casus(CASES / "omgevingsdienst-lopend.yaml")))
    ander, _ = beoordelaar.afleiden(feiten_van(lees_casus(CASES / "regionale-inkoop-jeugdzorg.yaml")))
    echt = durable._kern

    class Hapert:
        def __getattr__(self, naam):
            return getattr(echt, naam)

        @staticmethod
        def complete_and_start_action(*args):
            raise RuntimeError("kern hapert")

    monkeypatch.setattr(durable, "_kern", Hapert())
    with pytest.raises(EngineFout, match="faalde"):
        deel._evalueer(feiten)
    monkeypatch.setattr(durable, "_kern", echt)
    for f in (ander, feiten, ander):
        assert deel._evalueer(f) == deel.evalueer_via_host(f)


def test_een_feit_gaat_als_dezelfde_json_naar_de_kern_met_orjson_en_met_de_standaardbibliotheek():
    """orjson maakt de JSON van een feit (sneller); wat de kern leest, is hetzelfde als met de standaardbibliotheek,
    ook voor een getal met zijn oorspronkelijke tekst (Kommagetal), lijsten, tekst met accenten en een getal dat
    niet in 64 bits past (dat gaat via de standaardbibliotheek)."""
    import json

    from samenwerkingstoets.engine import durable
    from samenwerkingstoets.engine.waarden import Kommagetal

    feiten = [
        {"sid": "1", "feitsoort": "casus", "id": "feit", "v1": "openbaar_lichaam", "v2": 3.5, "v3": ["zorg", "wonen"]},
        {"sid": "2", "v1": Kommagetal(1.5), "v2": "Één ë ü", "v3": [], "v4": 0, "v5": -7},
        {"sid": "3", "v1": 10 ** 30, "v2": "groot"},
    ]
    for feit in feiten:
        tekst = durable._naar_json(feit)
        assert isinstance(tekst, str)
        assert json.loads(tekst) == json.loads(json.dumps(feit, ensure_ascii=False)), feit


def test_een_bedrag_van_dertig_cijfers_geeft_gewoon_een_advies(beoordelaar):
    """Een bedrag dat niet in 64 bits past, maakt de JSON van het feit niet kapot (orjson kent zo'n getal niet; de
    standaardbibliotheek neemt het over)."""
    import yaml

    from samenwerkingstoets.engine.laden import casus_uit_data

    from samenwerkingstoets.engine.feiten import feiten_van
    from samenwerkingstoets.engine.fouten import CasusFout

    data = yaml.safe_load((CASES / "regionale-inkoop-jeugdzorg.yaml").read_text(encoding="utf-8"))
    data["onderbouwing"]["kosten_per_jaar"] = 10 ** 13  # het grootste bedrag dat een casus mag hebben
    advies = beoordelaar.beoordeel(casus_uit_data(data))
    assert advies.advies.value in ("niet_aangaan", "aangaan_onder_voorwaarden", "aangaan", "onvoldoende_informatie")
    # een casus weigert een groter bedrag; de regelengine zelf kan er nog steeds mee om
    data["onderbouwing"]["kosten_per_jaar"] = 10 ** 30
    with pytest.raises(CasusFout, match="te groot"):
        casus_uit_data(data)
    feiten = {**feiten_van(advies_casus := casus_uit_data({**data, "onderbouwing": {"kosten_per_jaar": 1}})),
              "onderbouwing.kosten_per_jaar": 10 ** 30}
    assert advies_casus.naam and beoordelaar.oordeel(feiten).value in (
        "niet_aangaan", "aangaan_onder_voorwaarden", "aangaan")


def test_een_lijst_uit_de_casus_geldt_helemaal_en_een_lijst_van_passende_vormen_is_een_keuze():
    """In een regeltekst: 'trekker en kennispartner' (beide rollen gelden), maar 'centrumregeling of
    dienstverleningsovereenkomst' (elk van beide vormen past)."""
    from conftest import GOEDE_CASUS, beoordeel, met

    advies = beoordeel(met(GOEDE_CASUS, {"rol.eigen": ["trekker", "kennispartner"],
                                         "juridische_vorm": "openbaar_lichaam"}))
    uitleg = {b.regel: b.uitleg for b in advies.bevindingen}
    assert "trekker en kennispartner" in uitleg["ol-voortouw-benoemd"]
    past_niet = next(t for r, t in uitleg.items() if r.startswith("jv-vorm-past-niet"))
    assert "centrumregeling of dienstverleningsovereenkomst" in past_niet, past_niet


def test_elke_juridische_vorm_staat_in_de_ene_vormtabel_en_elke_lezer_leest_die():
    """De vormtoets (feiten), de rol van de raad, het collegevoorstel, het overzicht en de paragraaf lezen de familie
    en de BBV-groep van een vorm uit engine/vormen.py: geen tweede lijst elders."""
    import samenwerkingstoets.engine.feiten as feiten
    import samenwerkingstoets.engine.overzicht as overzicht
    import samenwerkingstoets.engine.raad as raad
    import samenwerkingstoets.engine.weergave.collegeadvies as collegeadvies
    import samenwerkingstoets.engine.weergave.overzicht as paragraaf
    from samenwerkingstoets.engine import vormen
    from samenwerkingstoets.engine.casus import JuridischeVorm

    assert {v.value for v in JuridischeVorm} - {"onbekend"} == set(vormen.VORMEN)
    for module in (feiten, overzicht, raad, collegeadvies):
        assert module.VORM_SOORT is vormen.VORM_SOORT, module.__name__
    assert paragraaf.VORMEN_VERBONDEN_PARTIJ is vormen.VORMEN_VERBONDEN_PARTIJ
    assert paragraaf.CATEGORIE_VAN_VORM is vormen.CATEGORIE_VAN_VORM and overzicht.wgr_punten is vormen.wgr_punten
    assert all(v.bron for naam, v in vormen.VORMEN.items() if naam != "nog_te_kiezen"), "elke vorm noemt zijn wet"
    assert vormen.CATEGORIE_VAN_VORM["vennootschap"] == "vennootschap" and "centrumregeling" not in \
        vormen.CATEGORIE_VAN_VORM
