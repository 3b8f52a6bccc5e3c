# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De opdrachtregel zoals een gebruiker hem gebruikt: exitcodes, Nederlandse meldingen, geen traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from samenwerkingstoets.cli import cli
from conftest import CASES, ROOT

VOORBEELD = str(CASES / "regionale-inkoop-jeugdzorg.yaml")


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_beoordeel_toont_eerst_het_advies_dan_voorwaarden_en_bevindingen_met_bron():
    r = run("beoordeel", str(CASES / "ambtelijke-bedrijfsvoering-zonder-businesscase.yaml"))
    assert r.exit_code == 0, r.output
    uit = r.output
    assert uit.index("ADVIES: AANGAAN ONDER VOORWAARDEN") < uit.index("Voorwaarden") < uit.index("Bevindingen")
    assert "Laat een businesscase opstellen" in uit and "neemt de gemeente niet deel" in uit  # met beslismoment
    assert "(Berenschot)," in uit  # de bron van BE-2
    assert "Sterkste punten" in uit and "--volledig" in uit
    assert "Waarom geen ander advies" not in uit and "be-businesscase-ontbreekt" not in uit


def test_volledig_toont_ook_regels_feiten_succesfactoren_en_waarom_geen_ander_advies():
    r = run("beoordeel", str(CASES / "ambtelijke-bedrijfsvoering-zonder-businesscase.yaml"), "--volledig")
    assert r.exit_code == 0, r.output
    assert "Waarom geen ander advies" in r.output and "be-businesscase-ontbreekt" in r.output
    assert "Sterktes (" in r.output and "Succesfactoren" in r.output


@pytest.mark.parametrize("pad", sorted(CASES.glob("*.yaml")), ids=lambda p: p.name)
@pytest.mark.parametrize("extra", [[], ["--volledig"]])
def test_op_80_kolommen_is_geen_regel_breder_dan_80_tekens(pad, extra, monkeypatch):
    """Zoals een gebruiker het typt: een pad vanaf de map van de repository. Een pad dat zelf langer is dan 80 tekens
    (een kloon diep in een map met lange namen) kan het programma niet korter maken."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(ROOT)
    pad = pad.relative_to(ROOT)
    for opdracht in (["beoordeel", str(pad), *extra], ["wat-moet-er-veranderen", str(pad)]):
        r = run(*opdracht)
        assert r.exit_code == 0, r.output
        te_breed = [regel for regel in r.output.splitlines() if len(regel) > 80]
        assert not te_breed, te_breed


def test_vergelijk_regels_en_dekking_passen_in_80_kolommen(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for opdracht in (["vergelijk", *map(str, sorted(CASES.glob("*lopend.yaml"))[:3])], ["regels"],
                     ["regels", "--dekking"]):
        r = run(*opdracht)
        assert r.exit_code in (0, 1), r.output
        assert max(len(regel) for regel in r.output.splitlines()) <= 80, opdracht


def test_woorden_worden_niet_midden_in_afgebroken(monkeypatch):
    """Smal of breed: dezelfde woorden in dezelfde volgorde; afbreken gebeurt alleen tussen woorden."""
    uitvoer = {}
    for kolommen in ("60", "1000"):
        monkeypatch.setenv("COLUMNS", kolommen)
        tekst = run("beoordeel", str(CASES / "ict-samenwerking-lopend.yaml")).output
        uitvoer[kolommen] = [w for w in tekst.split() if set(w) != {"="}]
    assert uitvoer["60"] == uitvoer["1000"]
    assert "ontvlechtingsplan" in uitvoer["60"] and "frictiekosten)" in uitvoer["60"]


def test_json_heeft_het_gedocumenteerde_formaat():
    r = run("beoordeel", VOORBEELD, "--formaat", "json")
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["formaat"] == "samenwerkingstoets/advies/1"
    assert data["advies"] == "aangaan"
    assert data["regelpakket"]["naam"] == "alkmaar" and data["regelpakket"]["versie"] == "1.6.0"
    assert isinstance(data["voorwaarden"], list) and isinstance(data["ontbrekende_informatie"], list)
    bevinding = data["bevindingen"][0]
    assert set(bevinding) >= {"regel", "criterium", "effect", "uitleg", "bron", "feiten"}


def test_markdown_heeft_kopjes_en_tabellen():
    r = run("beoordeel", VOORBEELD, "--formaat", "markdown")
    assert r.exit_code == 0
    assert r.output.startswith("# Samenwerkingstoets: Regionale inkoop jeugdzorg en Wmo")
    assert "## Advies: aangaan" in r.output and "| Criterium" in r.output


def test_beoordeel_met_ander_regelpakket(tmp_path):
    r = run("beoordeel", VOORBEELD, "--regels", str(tmp_path / "bestaat-niet"))
    assert r.exit_code == 2
    assert "Het regelpakket" in r.output and "bestaat niet" in r.output


def test_regels_toont_regels_met_criterium_effect_en_bron():
    r = run("regels", "--criterium", "VIS-OL1")
    assert r.exit_code == 0
    assert "ol-geen-opgave" in r.output and "blokkerend" in r.output and "visie#opgaven-zijn-leidend" in r.output
    assert "tw-geen-waarde-inwoners" not in r.output


def test_dekking_toont_elk_criterium_met_naam_bron_en_aantal_regels():
    r = run("regels", "--dekking")
    assert r.exit_code == 0, r.output
    assert "Alle 62 criteria hebben minstens één regel." in r.output
    for code in ("VIS-TW1", "VIS-UP3", "SF-10", "RA-5", "BE-7", "TE-6", "JV-3", "JV-4", "EV-6", "FI-1", "FI-2"):
        assert code in r.output
    assert "Tien succesfactoren voor" in r.output


def test_dekking_geeft_exitcode_1_als_een_criterium_geen_regel_heeft(tmp_path):
    import shutil

    import yaml

    from samenwerkingstoets.engine.laden import STANDAARDPAKKET
    shutil.copytree(STANDAARDPAKKET, tmp_path / "pakket")
    pack = tmp_path / "pakket" / "pack.yaml"
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    data["criteria"]["VIS-XX1"] = {"naam": "Nieuw criterium", "groep": "visie", "bron": "visie"}
    pack.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = run("regels", "--dekking", "--regels", str(tmp_path / "pakket"))
    assert r.exit_code == 1
    assert "VIS-XX1" in r.output and "GEEN" in r.output and "1 criterium zonder enige regel." in r.output


def test_tabel_toont_de_tien_succesfactorscores_en_de_laagste_partner():
    r = run("beoordeel", str(CASES / "economische-samenwerking-mra.yaml"), "--volledig")
    assert r.exit_code == 0
    assert "Succesfactoren" in r.output
    assert "SF-10" in r.output and "2,0 (Zaanstad)" in r.output


def test_regels_als_json():
    r = run("regels", "--formaat", "json")
    data = json.loads(r.output)
    assert all({"id", "criterium", "effect", "bron"} <= set(regel) for regel in data["regels"])


def test_regels_met_onbekend_criterium_geeft_suggestie():
    r = run("regels", "--criterium", "VIS-OL9")
    assert r.exit_code == 2
    assert "Criterium 'VIS-OL9' bestaat niet" in r.output and "Bedoelde u 'VIS-OL3'?" in r.output


LELIJK = {
    "verkeerd gespeld veld": ("naam: x\nfase: voorstel\nopgave:\n  complx: ja\n",
                              ["regel 4", "opgave.complx", "Bedoelde u 'complex'?"]),
    "verkeerd woord": ("naam: x\nfase: voorstell\n",
                       ["regel 2", "veld 'fase'", "'voorstell' is geen geldige waarde", "Bedoelde u 'voorstel'?"]),
    "tekst in plaats van getal": ("naam: x\nfase: voorstel\nonderbouwing:\n  kosten_per_jaar: veel\n",
                                  ["regel 4", "onderbouwing.kosten_per_jaar", "niet als bedrag te lezen", "750.000"]),
    "score van 7": ("naam: x\nfase: voorstel\nsuccesfactoren:\n  identiteit: [7, 3]\n",
                    ["regel 4", "succesfactoren.identiteit[1]", "te groot", "5"]),
    "kapotte YAML": ("naam: x\nfase: [voorstel\n", ["geen geldige YAML", "regel"]),
    "leeg bestand": ("", ["is leeg"]),
    "alleen commentaar": ("# niets\n", ["alleen commentaar"]),
    "dubbel veld": ("naam: x\nnaam: y\nfase: voorstel\n", ["twee keer", "regel 2"]),
    "ontbrekende fase": ("naam: x\n", ["veld 'fase'", "ontbreekt"]),
    "lijst in plaats van velden": ("- naam\n- fase\n", ["moet velden bevatten"]),
    "schemaversie 2": ("schema: 2\nnaam: x\nfase: voorstel\n", ["schemaversie 2 wordt niet ondersteund"]),
    "groep is tekst": ("naam: x\nfase: voorstel\nopgave: wonen\n", ["veld 'opgave'", "verwacht een groep velden"]),
    "yaml-verwijzingen": ("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\nnaam: x\nfase: voorstel\n",
                          ["YAML-verwijzing", "regel 1", "schrijf die waarde overal voluit"]),
}


@pytest.mark.parametrize("naam", LELIJK)
def test_lelijke_invoer_geeft_exitcode_2_en_een_nederlandse_melding(tmp_path, naam):
    inhoud, verwacht = LELIJK[naam]
    pad = tmp_path / "casus.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    voor = sorted(os.listdir(tmp_path))
    r = run("beoordeel", str(pad))
    assert r.exit_code == 2, r.output
    assert r.output.startswith("Fout: ")
    assert "Traceback" not in r.output
    for stukje in verwacht:
        assert stukje in r.output
    assert sorted(os.listdir(tmp_path)) == voor, "er mag niets geschreven worden"
    assert pad.read_text(encoding="utf-8") == inhoud


def test_binair_bestand(tmp_path):
    pad = tmp_path / "plaatje.yaml"
    pad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    r = run("beoordeel", str(pad))
    assert r.exit_code == 2 and "geen tekstbestand" in r.output


def test_map_in_plaats_van_bestand(tmp_path):
    r = run("beoordeel", str(tmp_path))
    assert r.exit_code == 2 and "is een map, geen bestand" in r.output


def test_ontbrekend_pad():
    r = run("beoordeel", "bestaat/niet.yaml")
    assert r.exit_code == 2 and "bestaat niet" in r.output


def test_gebruiksfouten_zijn_nederlands():
    r = run("beoordeel")
    assert r.exit_code == 2
    assert "Ontbrekend argument 'CASUS'" in r.output and "Gebruik:" in r.output
    r = run("beoordeel", VOORBEELD, "--formaat", "pdf")
    assert r.exit_code == 2 and "Ongeldige waarde voor '--formaat'" in r.output
    r = run("beoordel")
    assert r.exit_code == 2 and "Bedoelde u 'beoordeel'?" in r.output
    for engels in ("Usage:", "Error:", "Missing", "Invalid", "Show this message"):
        assert engels not in r.output


@pytest.mark.parametrize("opdracht", sorted(cli.commands))
def test_elke_opdracht_heeft_nederlandse_hulp_met_voorbeeld_en_staat_in_de_readme(opdracht):
    r = run(opdracht, "-h")
    assert r.exit_code == 0
    assert "Voorbeeld:" in r.output and "Toon deze hulp en stop." in r.output
    assert f"samenwerkingstoets {opdracht}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_interne_fout_geeft_exitcode_1_zonder_traceback(monkeypatch):
    from samenwerkingstoets.engine import beoordelen
    monkeypatch.setattr(beoordelen.Beoordelaar, "beoordeel", lambda self, c: 1 / 0)
    r = run("beoordeel", VOORBEELD)
    assert r.exit_code == 1
    assert "Interne fout" in r.output and "Traceback" not in r.output


def test_readme_commandos_bestaan():
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "cases/regionale-inkoop-jeugdzorg.yaml" in tekst
    assert Path(VOORBEELD).exists()


def test_de_readme_beschrijft_elk_veld_van_het_casusformaat():
    from samenwerkingstoets.engine.casus import catalogus
    CATALOGUS = catalogus()
    from samenwerkingstoets.engine.casus import SUCCESFACTOREN
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")

    def generiek(pad: str) -> str:  # succesfactoren.identiteit.score -> succesfactoren.FACTOR.score
        delen = pad.split(".")
        if len(delen) == 3 and delen[0] == "succesfactoren" and delen[1] in SUCCESFACTOREN:
            return f"succesfactoren.FACTOR.{delen[2]}"
        return pad

    ontbreekt = [pad for pad in CATALOGUS if f"`{generiek(pad)}`" not in tekst]
    assert not ontbreekt, f"niet in de README: {ontbreekt}"


def test_ci_voert_precies_de_twee_readme_opdrachten_uit():
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    opdrachten = [r for r in tekst.splitlines() if r.startswith("python3 -m venv .venv && ")]
    assert len(opdrachten) == 2
    assert "samenwerkingstoets beoordeel cases/" in opdrachten[0]
    assert "pytest" in opdrachten[1]
    assert "README.md" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_zonder_opdracht_toont_samenwerkingstoets_de_hulp_met_exitcode_0():
    r = run()
    assert r.exit_code == 0
    assert "Gebruik:" in r.output and "beoordeel" in r.output


@pytest.mark.parametrize("doel", ["beëindigen", "Voortzetten onder voorwaarden", "voortzetten_onder_voorwaarden"])
def test_doel_mag_geschreven_worden_zoals_de_uitvoer_het_schrijft(doel):
    r = run("wat-moet-er-veranderen", str(CASES / "ict-samenwerking-lopend.yaml"), "--doel", doel, "--formaat", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["doel"] in ("beeindigen", "voortzetten_onder_voorwaarden")


def test_een_onbekend_doel_geeft_een_suggestie():
    r = run("wat-moet-er-veranderen", str(CASES / "ict-samenwerking-lopend.yaml"), "--doel", "beindign")
    assert r.exit_code == 2 and "Bedoelde u 'beeindigen'?" in r.output


def test_regels_criterium_is_niet_hoofdlettergevoelig():
    r = run("regels", "--criterium", "vis-ol1")
    assert r.exit_code == 0 and "ol-geen-opgave" in r.output
    fout = run("regels", "--criterium", "vis-ol9")
    assert fout.exit_code == 2 and "Bedoelde u 'VIS-OL3'?" in fout.output


def test_een_gewone_beoordeling_laadt_de_wat_als_code_niet():
    code = ("import sys\nfrom samenwerkingstoets.cli import cli\n"
            "try:\n    cli.main(['beoordeel', sys.argv[1]], standalone_mode=False)\nfinally:\n"
            "    geladen = [m for m in sys.modules if m.endswith(('.watals', '.varianten', '.collegevoorstel'))]\n"
            "    print('GELADEN', geladen, file=sys.stderr)\n")
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-c", code, VOORBEELD], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "GELADEN []" in r.stderr


@pytest.mark.parametrize("opdracht, optie", [
    (["overzicht", str(CASES)], "--peildatum"),
    (["collegeadvies", str(CASES / "regionale-inkoop-jeugdzorg.yaml"), "-o", "{uit}"], "--datum"),
])
def test_een_datum_buiten_1900_2200_wordt_geweigerd_en_er_wordt_niets_geschreven(tmp_path, opdracht, optie):
    uit = tmp_path / "advies.md"
    r = run(*[a.format(uit=uit) for a in opdracht], optie, "1800-01-01")
    assert r.exit_code == 2 and "het jaar moet tussen 1900 en 2200 liggen" in r.stderr
    assert not uit.exists()
    assert run(*[a.format(uit=uit) for a in opdracht], optie, "2026-11-30").exit_code == 0


def test_de_opdrachtregel_ruimt_minder_vaak_op_maar_de_webserver_loopt_met_de_gewone_drempel(monkeypatch, tmp_path):
    """Een korte opdracht start sneller met een ruimere opruimdrempel; een server die dagen loopt, krijgt de
    drempel van Python terug voordat hij start."""
    import gc

    import uvicorn

    from samenwerkingstoets import cli as cli_module

    assert gc.get_threshold()[0] == 100_000, "geladen via de opdrachtregel: de ruime drempel"
    gezien = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: gezien.append(gc.get_threshold()))
    try:
        uit = CliRunner().invoke(cli, ["web", "--map", str(tmp_path / "werkmap"), "--werkers", "1"])
        assert uit.exit_code == 0, uit.output
        assert gezien == [cli_module.STANDAARD_OPRUIMDREMPEL]
    finally:
        gc.set_threshold(100_000, *cli_module.STANDAARD_OPRUIMDREMPEL[1:])
