# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""`samenwerkingstoets schema casus|pakket|regels`: het JSON Schema waarmee een editor een casus- of pakketbestand
controleert en aanvult. Het schema komt uit dezelfde modellen als de validatie, dus wat het programma aanvaardt,
aanvaardt het schema ook, en een verschreven veld valt in beide op."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from samenwerkingstoets.cli import cli
from samenwerkingstoets.engine.laden import lees_yaml
from conftest import CASES, ROOT

CASUSSEN = sorted(CASES.glob("*.yaml")) + sorted((ROOT / "tests" / "praktijk" / "casussen").glob("*.yaml"))


def schema(soort: str) -> jsonschema.Draft202012Validator:
    r = CliRunner().invoke(cli, ["schema", soort])
    assert r.exit_code == 0, r.output
    inhoud = json.loads(r.output)
    jsonschema.Draft202012Validator.check_schema(inhoud)
    return jsonschema.Draft202012Validator(inhoud)


def als_json(pad) -> object:
    """Het bestand zoals een editor het ziet: YAML gelezen, datums als tekst."""
    return json.loads(json.dumps(lees_yaml(pad).data, default=str))


@pytest.fixture(scope="module")
def casusschema():
    return schema("casus")


@pytest.mark.parametrize("pad", CASUSSEN, ids=lambda p: p.name)
def test_elk_voorbeeld_en_elke_praktijkcasus_voldoet_aan_het_schema(casusschema, pad):
    fouten = [f"{list(f.path)}: {f.message[:120]}" for f in casusschema.iter_errors(als_json(pad))]
    assert not fouten, fouten


def test_een_verschreven_veld_valt_op_in_het_schema_en_in_het_programma(casusschema, tmp_path):
    data = {"naam": "Proef", "fase": "voorstel", "opgave": {"omschrijvng": "betere jeugdhulp"}}
    assert not casusschema.is_valid(data)
    pad = tmp_path / "verschreven.yaml"
    pad.write_text("naam: Proef\nfase: voorstel\nopgave:\n  omschrijvng: betere jeugdhulp\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["beoordeel", str(pad)])
    assert r.exit_code == 2 and "omschrijvng" in r.output and "omschrijving" in r.output


def test_het_schema_kent_de_woorden_en_de_nederlandse_schrijfwijze_van_een_bedrag(casusschema):
    assert casusschema.is_valid({"naam": "Proef", "fase": "lopend", "onderbouwing": {"kosten_per_jaar": "1,5 miljoen"}})
    assert not casusschema.is_valid({"naam": "Proef", "fase": "lopend", "themas": ["ruimtevaart"]})
    assert not casusschema.is_valid({"naam": "Proef"}), "fase is verplicht"


@pytest.mark.parametrize("soort,patroon", [("pakket", "*/pack.yaml"), ("regels", "*/*.yaml")])
def test_de_meegeleverde_pakketten_voldoen_aan_hun_schema(soort, patroon):
    validator = schema(soort)
    paden = [p for p in sorted((ROOT / "rules").glob(patroon)) if soort == "pakket" or p.name != "pack.yaml"]
    assert paden
    for pad in paden:
        fouten = [f"{list(f.path)}: {f.message[:120]}" for f in validator.iter_errors(als_json(pad))]
        assert not fouten, (pad.name, fouten)
    assert not validator.is_valid({"naam": "x", "versie": "1", "geldig_vanaf": "2026-01-01", "onbekend_veld": 1})


# --- gedeelde controles (EenSchema): sneller starten zonder dat een controle verandert -----------------------------

def test_een_gedeeld_type_controleert_in_elk_veld_en_elk_model_hetzelfde():
    """Bedrag, saldo, jaar, datum en de stellingen van een factor delen hun controle over alle velden; elk veld
    controleert nog steeds zelf, met de Nederlandse melding van zijn eigen plek."""
    from pydantic import ValidationError
    from samenwerkingstoets.engine.casus import Casus

    goed = Casus.model_validate({
        "naam": "x", "fase": "voorstel", "onderbouwing": {"kosten_per_jaar": "1,5 miljoen"},
        "verbonden_partij": {"financieel_belang": "750.000", "eigen_vermogen_eind": "-700.000", "jaar": 2025},
        "succesfactoren": {"identiteit": [4, "onbekend"]}, "uittreding": {"datum": "2027-01-01"}})
    assert goed.onderbouwing.kosten_per_jaar == 1_500_000
    assert goed.verbonden_partij.financieel_belang == 750_000
    assert goed.verbonden_partij.eigen_vermogen_eind == -700_000
    assert goed.succesfactoren.identiteit == [4, None]
    assert str(goed.uittreding.datum) == "2027-01-01"
    with pytest.raises(ValidationError) as fout:
        Casus.model_validate({"naam": "x", "fase": "voorstel", "onderbouwing": {"kosten_per_jaar": -5},
                              "verbonden_partij": {"financieel_belang": -5, "jaar": 1700},
                              "succesfactoren": {"identiteit": [4, 9]}})
    plekken = {tuple(str(d) for d in f["loc"][:2]) for f in fout.value.errors()}
    assert {("onderbouwing", "kosten_per_jaar"), ("verbonden_partij", "financieel_belang"),
            ("verbonden_partij", "jaar"), ("succesfactoren", "identiteit")} <= plekken


def test_een_eigen_beperking_op_een_veld_met_een_gedeelde_controle_valt_bij_het_laden_op():
    """Field(le=...) op een Bedrag (of een beperking op een woordveld) zou de gedeelde controle overslaan en dus stil
    vervallen: dat mag nooit ongemerkt gebeuren, het model weigert dan al bij het laden."""
    from pydantic import BaseModel, Field
    from samenwerkingstoets.engine.casus import Bedrag, JaNee, Woord, controleer_gedeelde_velden

    class Goed(BaseModel):
        bedrag: Bedrag = Field(default=None, description="zonder eigen beperking")

    controleer_gedeelde_velden(Goed)

    class Fout(BaseModel):
        bedrag: Bedrag = Field(default=None, le=5)

    class FoutWoord(BaseModel):
        antwoord: Woord(JaNee) = Field(default=None, max_length=2)

    for model in (Fout, FoutWoord):
        with pytest.raises(TypeError, match="eigen beperking"):
            controleer_gedeelde_velden(model)


def test_een_ontbrekende_groep_is_dezelfde_lege_groep_als_een_lege_of_onbekende_groep_in_het_bestand():
    """Een groep die in het bestand ontbreekt, wordt zonder nieuwe controle gemaakt (de groepen hoeven dan niet elk
    een eigen controle te bouwen bij de start); ze is precies dezelfde lege groep als `opgave: {}` of `onbekend`."""
    from samenwerkingstoets.engine.casus import GROEP_MET_VRAGEN_VELDEN, Casus

    groepen = [*GROEP_MET_VRAGEN_VELDEN, "succesfactoren", "evaluatie", "uittreding", "collegevoorstel",
               "verbonden_partij"]
    zonder = Casus.model_validate({"naam": "x", "fase": "voorstel"})
    leeg = Casus.model_validate({"naam": "x", "fase": "voorstel", **{g: {} for g in groepen}})
    onbekend = Casus.model_validate({"naam": "x", "fase": "voorstel", **{g: "onbekend" for g in groepen}})
    for groep in groepen:
        verwacht = getattr(leeg, groep)
        for casus in (zonder, onbekend):
            gekregen = getattr(casus, groep)
            assert type(gekregen) is type(verwacht) and dict(gekregen) == dict(verwacht), groep
            assert all(waarde is None for waarde in dict(gekregen).values()), groep
    assert zonder.model_dump() == leeg.model_dump() == onbekend.model_dump()
