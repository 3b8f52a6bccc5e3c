# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Elk pakket zijn eigen woorden, en elk beleid zijn eigen versies.

Een pakket noemt in `woordenlijsten:` de woorden voor schaal, thema's, doelen en rollen, en zijn eigen ja/nee-vragen.
Een casus bij dat pakket mag alleen die woorden gebruiken. Een pakket kan ook oudere versies van zijn beleid
meenemen (`versies:`); een casus wordt beoordeeld met de versie die gold op haar peildatum.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from samenwerkingstoets.cli import cli
from samenwerkingstoets.engine.fouten import CasusFout, RegelpakketFout
from samenwerkingstoets.engine.laden import lees_casus, lees_regelpakket

from conftest import CASES, ROOT


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def twents_pakket(tmp_path) -> Path:
    """Een nieuw pakket voor Hof van Twente, met een eigen regio en een eigen thema erbij."""
    map_ = tmp_path / "hof-van-twente"
    assert run("pakket", "nieuw", map_, "--gemeente", "Hof van Twente").exit_code == 0
    pack = (map_ / "pack.yaml").read_text(encoding="utf-8")
    pack = pack.replace("  themas:\n", "  themas:\n    vrijetijdseconomie:\n      label: vrijetijdseconomie\n"
                                        "      uitleg: recreatie en toerisme in het buitengebied\n", 1)
    pack = pack.replace("  schaal:\n", "  schaal:\n    regio_twente:\n      label: Regio Twente\n"
                                       "      uitleg: de veertien Twentse gemeenten\n", 1)
    (map_ / "pack.yaml").write_text(pack, encoding="utf-8")
    return map_


def _casus(pad: Path, **velden: str) -> Path:
    tekst = "naam: Recreatieschap\nfase: voorstel\nopgave:\n  omschrijving: Een vitaal buitengebied\n"
    tekst += "".join(f"{k}: {v}\n" for k, v in velden.items())
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_een_nieuw_pakket_krijgt_eigen_regio_en_themawoorden_en_een_casus_daarmee_krijgt_een_advies(
        twents_pakket, tmp_path):
    casus = _casus(tmp_path / "recreatieschap.yaml", schaal="regio_twente", themas="[vrijetijdseconomie]")
    r = run("beoordeel", casus, "--regels", twents_pakket, "--formaat", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["advies"] == "aangaan"
    assert run("pakket", "toets", twents_pakket).exit_code == 0


def test_een_woord_dat_het_pakket_niet_kent_is_een_fout_met_bestand_regel_veld_en_suggestie(twents_pakket, tmp_path):
    casus = _casus(tmp_path / "recreatieschap.yaml", schaal="regio_twent")
    r = run("beoordeel", casus, "--regels", twents_pakket)
    assert r.exit_code == 2
    assert "recreatieschap.yaml, regel 5, veld 'schaal'" in r.output and "Bedoelde u 'regio_twente'?" in r.output
    assert "Traceback" not in r.output


def test_de_regio_van_alkmaar_bestaat_niet_in_een_ander_pakket(twents_pakket):
    r = run("beoordeel", CASES / "regionale-inkoop-jeugdzorg.yaml", "--regels", twents_pakket)
    assert r.exit_code == 2
    assert "veld 'schaal': 'regio_alkmaar' is geen geldige waarde" in " ".join(r.output.split())


def test_een_eigen_vraag_van_alkmaar_is_in_het_pakket_dronten_een_onbekend_veld(tmp_path):
    casus = _casus(tmp_path / "c.yaml", rol="{verbinding_mra: ja}")
    with pytest.raises(CasusFout) as fout:
        lees_casus(casus, lees_regelpakket(ROOT / "rules" / "dronten").woordenlijsten)
    assert fout.value.meldingen[0].veld == "rol.verbinding_mra"
    assert "onbekend veld 'verbinding_mra'" in fout.value.meldingen[0].tekst
    assert fout.value.meldingen[0].regel == 5


def test_een_ongeldig_antwoord_op_een_eigen_vraag_noemt_het_veld_de_regel_en_de_woorden(tmp_path):
    casus = _casus(tmp_path / "c.yaml", rol="\n  horizon: lang\n  verbinding_mra: misschien")
    with pytest.raises(CasusFout) as fout:
        lees_casus(casus)
    melding = fout.value.meldingen[0]
    assert (melding.veld, melding.regel) == ("rol.verbinding_mra", 7)
    assert "'misschien' is geen geldige waarde; kies uit: ja, nee, onbekend" in melding.tekst


def test_een_eigen_vraag_blijft_bij_opslaan_in_haar_eigen_groep_staan():
    casus = lees_casus(CASES / "economische-samenwerking-mra.yaml")
    data = casus.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert data["rol"]["verbinding_mra"] == "ja" and "pakketvragen" not in json.dumps(data)


def test_de_eigen_vraag_van_alkmaar_wordt_gelezen_als_feit_en_vuurt_de_scharnierregel():
    casus = lees_casus(CASES / "economische-samenwerking-mra.yaml")
    assert casus.pakketvragen() == {"rol.verbinding_mra": "ja"}
    r = run("beoordeel", CASES / "economische-samenwerking-mra.yaml", "--formaat", "json")
    assert "sc-scharnier-nhn-mra" in {b["regel"] for b in json.loads(r.output)["bevindingen"]}


def test_een_eigen_vraag_gaat_mee_in_wat_als_en_blijft_in_een_variant_staan():
    r = run("vergelijk", CASES / "regionale-woonagenda-nhn.yaml", "--wat-als", "rol.verbinding_mra=nee",
            "--formaat", "json")
    assert r.exit_code == 0, r.output
    assert "sc-scharnier-nhn-mra" in r.output  # de sterkte verdwijnt in de variant
    fout = run("beoordeel", CASES / "regionale-woonagenda-nhn.yaml", "--wat-als", "rol.verbinding_mr=nee")
    assert fout.exit_code == 2 and "Bedoelde u 'rol.verbinding_mra'?" in fout.output


def test_het_casusschema_heeft_de_woorden_van_het_gekozen_pakket(twents_pakket, tmp_path):
    schema = json.loads(run("schema", "casus", "--regels", twents_pakket).output)
    casus = {"naam": "Recreatieschap", "fase": "voorstel", "schaal": "regio_twente", "themas": ["vrijetijdseconomie"]}
    jsonschema.validate(casus, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**casus, "schaal": "regio_alkmaar"}, schema)
    alkmaar = json.loads(run("schema", "casus").output)
    jsonschema.validate({"naam": "x", "fase": "lopend", "rol": {"verbinding_mra": "ja"}}, alkmaar)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**casus, "rol": {"verbinding_mra": "ja"}}, schema)


def test_een_pakket_met_onbekend_in_een_woordenlijst_of_een_regel_met_een_vreemd_woord_wordt_geweigerd(
        twents_pakket):
    pack = twents_pakket / "pack.yaml"
    goed = pack.read_text(encoding="utf-8")
    pack.write_text(goed.replace("  themas:\n", "  themas:\n    onbekend:\n      label: x\n      uitleg: y\n", 1),
                    encoding="utf-8")
    with pytest.raises(RegelpakketFout) as fout:
        lees_regelpakket(twents_pakket)
    assert "'onbekend' staat al in elke lijst" in str(fout.value.meldingen)
    pack.write_text(goed, encoding="utf-8")
    beleid = twents_pakket / "beleid.yaml"
    beleid.write_text(beleid.read_text(encoding="utf-8").replace("als: {opgave.benoemd: nee}",
                                                                  "als: {schaal: regio_twnte}"), encoding="utf-8")
    with pytest.raises(RegelpakketFout) as fout:
        lees_regelpakket(twents_pakket)
    assert "'regio_twnte' is geen waarde van veld 'schaal'" in str(fout.value.meldingen)
    assert "Bedoelde u 'regio_twente'?" in str(fout.value.meldingen)


def test_de_intake_toont_de_woorden_van_het_pakket_met_hun_label(twents_pakket, tmp_path):
    from fastapi.testclient import TestClient

    from samenwerkingstoets.web.app import maak_app

    werkmap = tmp_path / "werkmap"
    werkmap.mkdir()
    _casus(werkmap / "recreatieschap.yaml", schaal="regio_twente")
    client = TestClient(maak_app(werkmap, str(twents_pakket)), base_url="http://127.0.0.1")
    pagina = client.get("/casussen/recreatieschap/stappen/basis")
    assert pagina.status_code == 200
    assert '<option value="regio_twente" selected>Regio Twente</option>' in pagina.text
    assert "Regio Alkmaar" not in pagina.text


def test_pakket_woorden_toont_de_tabel_die_ook_in_de_readme_staat():
    tabel = run("pakket", "woorden").output
    assert "| `regio_alkmaar` | Regio Alkmaar |" in tabel and "`rol.verbinding_mra`" in tabel
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tabel.strip() in readme, "de woordentabel in de README loopt achter; plak de uitvoer van " \
                                    "'samenwerkingstoets pakket woorden' erin"


# --- versies naar datum ------------------------------------------------------------------------------------------

@pytest.fixture
def twee_versies(twents_pakket) -> Path:
    """Het pakket van 2027 met, in versies/2020, het beleid van 2020: toen blokkeerde een ontbrekende opgave niet,
    maar was het een voorwaarde."""
    pack = twents_pakket / "pack.yaml"
    tekst = pack.read_text(encoding="utf-8").replace("geldig_vanaf: ", "geldig_vanaf: 2027-01-01\n# was: ", 1)
    pack.write_text(tekst.replace("bestanden:\n", "versies: [versies/2020]\n\nbestanden:\n", 1), encoding="utf-8")
    oud = twents_pakket / "versies" / "2020"
    oud.mkdir(parents=True)
    shutil.copy(twents_pakket / "beleid.yaml", oud / "beleid.yaml")
    (oud / "pack.yaml").write_text(
        tekst.replace("geldig_vanaf: 2027-01-01", "geldig_vanaf: 2020-01-01").replace('versie: "0.1.0"',
                                                                                      'versie: "0.0.9"'),
        encoding="utf-8")
    beleid = oud / "beleid.yaml"
    beleid.write_text(beleid.read_text(encoding="utf-8").replace(
        "    effect: blokkerend\n", "    effect: voorwaarde\n    voorwaarde: Benoem eerst de opgave.\n"),
        encoding="utf-8")
    return twents_pakket


def test_twee_versies_van_een_pakket_beoordelen_twee_casussen_elk_naar_hun_eigen_datum(twee_versies, tmp_path):
    uitkomst = {}
    for datum in ("2024-05-01", "2027-03-01"):
        pad = tmp_path / f"casus-{datum}.yaml"
        pad.write_text(f"naam: Zonder opgave\nfase: voorstel\npeildatum: {datum}\nopgave: {{omschrijving: geen}}\n",
                       encoding="utf-8")
        r = run("beoordeel", pad, "--regels", twee_versies, "--formaat", "json")
        assert r.exit_code == 0, r.output
        data = json.loads(r.output)
        uitkomst[datum] = (data["advies"], data["regelpakket"]["versie"], data["waarschuwingen"])
    assert uitkomst["2024-05-01"] == ("aangaan_onder_voorwaarden", "0.0.9", [])
    assert uitkomst["2027-03-01"] == ("niet_aangaan", "0.1.0", [])


def test_een_casus_van_voor_elke_versie_krijgt_de_oudste_met_een_waarschuwing(twee_versies, tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text("naam: Oud\nfase: voorstel\npeildatum: 2015-06-01\nopgave: {omschrijving: geen}\n",
                   encoding="utf-8")
    data = json.loads(run("beoordeel", pad, "--regels", twee_versies, "--formaat", "json").output)
    assert data["regelpakket"]["versie"] == "0.0.9"
    assert data["waarschuwingen"] == ["De feiten zijn van 1 juni 2015, van vóór het beleid waaraan getoetst is: "
                                      "hof-van-twente 0.0.9 geldt vanaf 1 januari 2020."]


def test_vergelijk_zet_twee_versies_van_het_beleid_naast_elkaar(twee_versies, tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text("naam: Zonder opgave\nfase: voorstel\npeildatum: 2027-03-01\nopgave: {omschrijving: geen}\n",
                   encoding="utf-8")
    r = run("vergelijk", pad, "--regels", twee_versies, "--regels", twee_versies / "versies" / "2020",
            "--formaat", "json")
    assert r.exit_code == 0, r.output
    adviezen = [k["advies"]["advies"] for k in json.loads(r.output)["kolommen"]]
    assert adviezen == ["niet_aangaan", "aangaan_onder_voorwaarden"]


def test_twee_versies_met_dezelfde_datum_worden_geweigerd(twee_versies):
    oud = twee_versies / "versies" / "2020" / "pack.yaml"
    oud.write_text(oud.read_text(encoding="utf-8").replace("geldig_vanaf: 2020-01-01", "geldig_vanaf: 2027-01-01"),
                   encoding="utf-8")
    r = run("beoordeel", CASES / "netwerk-zonder-opgave.yaml", "--regels", twee_versies)
    assert r.exit_code == 2 and "twee versies hebben dezelfde datum geldig_vanaf" in r.output


def test_een_versie_buiten_de_map_van_het_pakket_wordt_geweigerd(twee_versies):
    pack = twee_versies / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("versies: [versies/2020]", "versies: [../elders]"),
                    encoding="utf-8")
    r = run("pakket", "toets", twee_versies)
    assert r.exit_code == 2 and "versies" in r.output and "Traceback" not in r.output
