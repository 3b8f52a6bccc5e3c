# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Valkuilen bij het inlezen: geen stil misverstand over bedragen, scores, lege tekst of `onbekend`.

Elke test typt de casus zoals een beleidsadviseur dat doet, als YAML-tekst in een bestand.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from samenwerkingstoets.cli import cli
from conftest import GOEDE_CASUS, beoordeel, met
from samenwerkingstoets.engine.feiten import feiten_van
from samenwerkingstoets.engine.fouten import CasusFout
from samenwerkingstoets.engine.laden import lees_casus

KOP = "naam: Proef\nfase: voorstel\n"


def _lees(tmp_path, tekst: str):
    pad = tmp_path / "casus.yaml"
    pad.write_text(KOP + tekst, encoding="utf-8")
    return lees_casus(pad)


@pytest.mark.parametrize("geschreven, bedrag", [
    ("750000", 750_000),
    ("750.000", 750_000),
    ("1.250.000", 1_250_000),
    ("'€ 750.000'", 750_000),
    ("€ 750.000", 750_000),
    ("'1,5 miljoen'", 1_500_000),
    ("1,5 mln", 1_500_000),
    ("750.000,-", 750_000),
    ("750_000", 750_000),
])
def test_een_bedrag_op_zijn_nederlands_wordt_goed_gelezen(tmp_path, geschreven, bedrag):
    casus = _lees(tmp_path, f"onderbouwing:\n  kosten_per_jaar: {geschreven}\n")
    assert casus.onderbouwing.kosten_per_jaar == bedrag


@pytest.mark.parametrize("geschreven, in_melding", [
    ("yes", "ja/nee-waarde"),
    ("on", "ja/nee-waarde"),
    ("ja", "niet als bedrag te lezen"),
    ("1.5", "geen bedrag in hele euro's"),
    ("750.5", "geen bedrag in hele euro's"),
    ("'750,000'", "dubbelzinnig"),
    ("'1,23456789 miljoen'", "hele euro's"),
    ("veel", "niet als bedrag te lezen"),
    ("-5", "te klein"),
])
def test_een_onleesbaar_bedrag_wordt_geweigerd_met_de_oplossing(tmp_path, geschreven, in_melding):
    with pytest.raises(CasusFout) as fout:
        _lees(tmp_path, f"onderbouwing:\n  kosten_per_jaar: {geschreven}\n")
    tekst = str(fout.value)
    assert in_melding in tekst
    assert "regel 4" in tekst and "onderbouwing.kosten_per_jaar" in tekst


def test_750_punt_000_geeft_hetzelfde_advies_als_750000(tmp_path):
    """Vroeger las YAML 750.000 als 750 en sloeg het advies om van niet aangaan naar aangaan."""
    basis = "soort: uitvoerend\nonderbouwing:\n  businesscase: ontbreekt\n  kosten_per_jaar: {}\n"
    met_punt = _lees(tmp_path, basis.format("750.000"))
    zonder = _lees(tmp_path, basis.format("750000"))
    assert feiten_van(met_punt)["onderbouwing.kosten_per_jaar"] == 750_000
    assert feiten_van(met_punt) == feiten_van(zonder)


@pytest.mark.parametrize("geschreven", ["yes", "3.0", "3.5", "'3'"])
def test_een_score_wordt_nooit_stil_omgezet(tmp_path, geschreven):
    with pytest.raises(CasusFout) as fout:
        _lees(tmp_path, f"succesfactoren:\n  identiteit: [{geschreven}, 3]\n")
    assert "succesfactoren.identiteit[1]" in str(fout.value)


def test_een_half_ingevulde_factor_is_een_concept_dat_niet_meetelt(tmp_path):
    """De scan van WagenaarHoes scoort een factor als het gemiddelde van twee stellingen: met één score is de
    factor nog niet bekend. Het bestand mag zo'n concept bewaren (zoals de intake doet)."""
    casus = _lees(tmp_path, "succesfactoren:\n  identiteit: [2, onbekend]\n  durf_en_realisme: [4, 4]\n"
                            "succesfactoren_per_partner:\n  Heiloo:\n    identiteit: [onbekend, 1]\n")
    feiten = feiten_van(casus)
    assert "succesfactoren.identiteit.score" not in feiten
    assert "succesfactoren.identiteit.laagste_partnerscore" not in feiten
    assert feiten["succesfactoren.durf_en_realisme.score"] == 4
    from samenwerkingstoets.engine.feiten import open_stellingen
    assert open_stellingen(casus) == [(None, "identiteit"), ("Heiloo", "identiteit")]


def test_een_jaar_als_kommagetal_wordt_geweigerd(tmp_path):
    with pytest.raises(CasusFout, match="evaluatie.jaar_laatste_evaluatie"):
        _lees(tmp_path, "evaluatie:\n  jaar_laatste_evaluatie: 2024.0\n")


@pytest.mark.parametrize("tekst", ["''", "'   '", "\"\\u200b\"", "\"\\u200b \\u2060\\ufeff\"", "\"\\t\\u00ad\""])
def test_een_opgave_van_alleen_onzichtbare_tekens_is_onbekend_zoals_elk_leeg_veld(tmp_path, tekst):
    """Eén betekenis van ontbreken: een lege omschrijving is niet ingevuld, dus onbekend (geen 'er is geen')."""
    casus = _lees(tmp_path, f"opgave:\n  omschrijving: {tekst}\n")
    assert "opgave.benoemd" not in feiten_van(casus)


@pytest.mark.parametrize("tekst", ["geen", "Geen", " GEEN "])
def test_dat_er_geen_opgave_is_zegt_de_adviseur_uitdrukkelijk_met_geen(tmp_path, tekst):
    casus = _lees(tmp_path, f"opgave:\n  omschrijving: '{tekst}'\n")
    assert feiten_van(casus)["opgave.benoemd"] == "nee"


def test_een_ontbrekende_opgave_is_onbekend_en_blokkeert_niet(tmp_path):
    casus = _lees(tmp_path, "soort: strategisch\n")
    assert "opgave.benoemd" not in feiten_van(casus)
    advies = beoordeel(met(GOEDE_CASUS, {"opgave": None}))
    assert "ol-geen-opgave" not in {b.regel for b in advies.bevindingen}


def test_opgave_onbekend_betekent_niet_bekend_en_niet_ontbrekend(tmp_path):
    casus = _lees(tmp_path, "opgave:\n  omschrijving: onbekend\n")
    assert "opgave.benoemd" not in feiten_van(casus)
    advies = beoordeel(met(GOEDE_CASUS, {"opgave.omschrijving": "onbekend"}))
    assert "ol-geen-opgave" not in {b.regel for b in advies.bevindingen}


@pytest.mark.parametrize("veld", ["perspectief", "omschrijving"])
def test_onbekend_in_vrije_tekst_is_niet_bekend(tmp_path, veld):
    casus = _lees(tmp_path, f"{veld}: Onbekend\n")
    assert getattr(casus, veld) is None


@pytest.mark.parametrize("naam", ["\"\\u200b\"", "onbekend", "'  '"])
def test_een_naam_van_onzichtbare_tekens_of_onbekend_wordt_geweigerd(tmp_path, naam):
    pad = tmp_path / "casus.yaml"
    pad.write_text(f"naam: {naam}\nfase: voorstel\n", encoding="utf-8")
    with pytest.raises(CasusFout) as fout:
        lees_casus(pad)
    assert "regel 1, veld 'naam'" in str(fout.value)


def test_een_onzichtbaar_teken_verdwijnt_uit_de_naam(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text("naam: \"\\u200bInkoop\\u200b\"\nfase: voorstel\n", encoding="utf-8")
    assert lees_casus(pad).naam == "Inkoop"


def test_wat_als_leest_bedragen_zoals_een_casusbestand(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text(KOP + "soort: uitvoerend\nonderbouwing:\n  businesscase: ontbreekt\n", encoding="utf-8")
    runner = CliRunner()
    uit = runner.invoke(cli, ["beoordeel", str(pad), "--formaat", "json",
                              "--wat-als", "onderbouwing.kosten_per_jaar=750.000"])
    assert uit.exit_code == 0, uit.output
    assert '"onderbouwing.kosten_per_jaar": 750000' in uit.output
    fout = runner.invoke(cli, ["beoordeel", str(pad), "--wat-als", "onderbouwing.kosten_per_jaar=yes"])
    assert fout.exit_code == 2
    assert "ja/nee-waarde" in fout.output


def test_woorden_mogen_met_hoofdletters_en_een_lijst_met_komma_krijgt_een_hint(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text("naam: x\nfase: Lopend\ntoegevoegde_waarde: {inwoners: JA}\n", encoding="utf-8")
    casus = lees_casus(pad)
    assert casus.fase.value == "lopend" and casus.toegevoegde_waarde.inwoners.value == "ja"
    pad.write_text("naam: x\nfase: voorstel\nthemas: zorg, wonen\n", encoding="utf-8")
    with pytest.raises(CasusFout, match=r"als lijst, zoals \[zorg, wonen\]"):
        lees_casus(pad)


@pytest.mark.parametrize("tekst", ["0x10", "0o17", "0b11", "٣٤٥", "'٣٤٥'", "１２３", "1:30"])
def test_een_bedrag_in_een_andere_schrijfwijze_dan_gewone_cijfers_wordt_geweigerd_niet_omgezet(tmp_path, tekst):
    with pytest.raises(CasusFout, match="onderbouwing.kosten_per_jaar.*niet als bedrag te lezen"):
        _lees(tmp_path, f"onderbouwing:\n  kosten_per_jaar: {tekst}\n")


@pytest.mark.parametrize("tekst", ["0x7E8", "0o3750"])
def test_een_jaartal_in_een_andere_schrijfwijze_wordt_geweigerd(tmp_path, tekst):
    with pytest.raises(CasusFout, match="evaluatie.jaar_laatste_evaluatie"):
        _lees(tmp_path, f"evaluatie:\n  jaar_laatste_evaluatie: {tekst}\n")


def test_een_bedrag_heeft_een_verstandige_bovengrens(tmp_path):
    with pytest.raises(CasusFout, match="te groot"):
        _lees(tmp_path, "onderbouwing:\n  kosten_per_jaar: " + "9" * 401 + "\n")
