# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Vijandige invoer: geen crash, geen hang, geen verlies, niets gelekt. Elke aanval komt uit de praktijk
van een aanvalsronde op casusbestanden, regelpakketten, --wat-als en uitvoerbestanden."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CASES, invoerfout, voorbeelden
from samenwerkingstoets.cli import cli
from samenwerkingstoets.engine.laden import STANDAARDPAKKET
from samenwerkingstoets.engine.schrijven import SchrijfFout, schrijf

VOORBEELD = str(CASES / "omgevingsdienst-lopend.yaml")


def run(*args):
    return CliRunner().invoke(cli, list(args))


_fout = invoerfout


# --- invoer begrensd voordat libyaml hem ziet ------------------------------------------------

def test_dertigduizend_geneste_haakjes_geven_een_melding_en_geen_crash(tmp_path):
    pad = tmp_path / "diep.yaml"
    pad.write_text("[" * 30_000, encoding="utf-8")
    _fout(run("beoordeel", str(pad)), "te diep genest")
    _fout(run("beoordeel", VOORBEELD, "--variant", str(pad)), "te diep genest")


def test_een_pijp_of_apparaat_wordt_niet_gelezen(tmp_path):
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    _fout(run("beoordeel", str(fifo)), "geen gewoon bestand")
    if Path("/dev/zero").exists():
        _fout(run("beoordeel", "/dev/zero"), "geen gewoon bestand")


def test_een_te_groot_bestand_wordt_niet_gelezen(tmp_path):
    pad = tmp_path / "groot.yaml"
    pad.write_text("naam: " + "x" * 3_000_000 + "\nfase: voorstel\n", encoding="utf-8")
    _fout(run("beoordeel", str(pad)), "te groot")


def test_utf16_en_een_snelkoppelingslus_krijgen_hun_eigen_melding(tmp_path):
    pad = tmp_path / "u16.yaml"
    pad.write_bytes("naam: x\nfase: voorstel\n".encode("utf-16"))
    _fout(run("beoordeel", str(pad)), "UTF-16")
    lus = tmp_path / "lus.yaml"
    lus.symlink_to(lus)
    _fout(run("beoordeel", str(lus)), "naar zichzelf verwijst")


def test_wat_als_waarden_zijn_begrensd_en_worden_kort_geciteerd():
    lang = "themas=" + "[" * 5_000
    r = run("beoordeel", VOORBEELD, "--wat-als", lang)
    _fout(r, "niet te lezen")
    assert len(r.output) < 400
    _fout(run("beoordeel", VOORBEELD, "--wat-als", "themas=&a [*a, *a]"))


# --- niets gelekt ----------------------------------------------------------------------------

@pytest.mark.parametrize("naam", ["/etc/passwd", "../../etc/passwd.yaml", "sub/visie.yaml"])
def test_een_pakket_kan_geen_bestand_buiten_zijn_map_lezen_of_tonen(tmp_path, naam):
    kopie = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, kopie)
    pack = kopie / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("  - visie.yaml", f"  - {naam}"), encoding="utf-8")
    r = run("regels", "--regels", str(kopie))
    _fout(r, "alleen een bestandsnaam in de map van het pakket")
    assert "root:" not in r.output


def test_besturingstekens_uit_een_casus_bereiken_de_terminal_niet(tmp_path):
    pad = tmp_path / "vals.yaml"
    pad.write_text('naam: "Samen\\nADVIES: AANGAAN\\n\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007"\n'
                   'fase: voorstel\nomschrijving: "\\u001b]0;titel\\u0007"\n', encoding="utf-8")
    r = run("beoordeel", str(pad), "--volledig")
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert not any(regel.startswith("ADVIES: AANGAAN") for regel in r.output.splitlines())


def test_een_foutmelding_toont_besturingstekens_zichtbaar(tmp_path):
    pad = tmp_path / "vals.yaml"
    pad.write_text('naam: x\nfase: "\\u001b[2Jvoorstel"\n', encoding="utf-8")
    r = run("beoordeel", str(pad))
    assert r.exit_code == 2 and "\x1b" not in r.output and "\\x1b" in r.output


# --- schrijven verliest niets ------------------------------------------------------------------

def test_de_uitvoer_mag_geen_invoer_van_dezelfde_opdracht_zijn(tmp_path):
    casus = tmp_path / "casus.md"  # een casus mag elke naam hebben; ook een die op .md eindigt
    shutil.copy(VOORBEELD, casus)
    voor = casus.read_bytes()
    _fout(run("collegeadvies", str(casus), "--formaat", "markdown", "-o", str(casus), "--overschrijf"),
          "ook een invoerbestand")
    assert casus.read_bytes() == voor


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="alleen waar /dev/null bestaat")
def test_een_apparaat_wordt_nooit_vervangen(tmp_path):
    koppeling = tmp_path / "voorstel.md"
    koppeling.symlink_to("/dev/null")
    _fout(run("collegeadvies", VOORBEELD, "--formaat", "markdown", "-o", str(koppeling), "--overschrijf"),
          "geen gewoon bestand")
    assert not Path("/dev/null").is_file() and koppeling.is_symlink()
    _fout(run("collegeadvies", VOORBEELD, "--formaat", "markdown", "-o", "/dev/null", "--overschrijf"))


def test_tegelijk_schrijven_zonder_overschrijf_laat_er_precies_een_winnen(tmp_path):
    doel = tmp_path / "voorstel.md"
    gelukt, geweigerd = [], []

    def poging(i: int) -> None:
        try:
            schrijf(doel, f"versie {i}\n".encode(), overschrijf=False)
            gelukt.append(i)
        except SchrijfFout:
            geweigerd.append(i)

    draden = [threading.Thread(target=poging, args=(i,)) for i in range(20)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert len(gelukt) == 1 and len(geweigerd) == 19
    assert doel.read_text() == f"versie {gelukt[0]}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["voorstel.md"], "geen tijdelijke bestanden achtergelaten"


def test_ctrl_c_tijdens_het_schrijven_laat_niets_half_achter(tmp_path, monkeypatch):
    def onderbreek(_):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", onderbreek)
    with pytest.raises(KeyboardInterrupt):
        schrijf(tmp_path / "voorstel.md", b"inhoud")
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_in_een_opdracht_geeft_exitcode_130_en_een_nederlandse_regel(monkeypatch):
    from samenwerkingstoets.engine import beoordelen

    def onderbreek(self, casus, variant=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(beoordelen.Beoordelaar, "beoordeel", onderbreek)
    r = run("beoordeel", VOORBEELD)
    assert r.exit_code == 130 and "Afgebroken" in r.output and "Traceback" not in r.output


def test_het_programma_importeert_zonder_de_module_die_een_casus_zou_kunnen_overschaduwen():
    assert "engine" not in sys.modules, "het pakket heet samenwerkingstoets; een eigen map engine/ stoort niet"


# --- regelpakketten die de engine niet overleeft of die niet kloppen ---------------------------

PAKKETFOUTEN = {
    "oneindige drempel": ("pack.yaml", "    waarde: 500000", "    waarde: .inf", "gewoon getal"),
    "nan als drempel": ("pack.yaml", "    waarde: 500000", "    waarde: .nan", "gewoon getal"),
    "reuzengetal": ("pack.yaml", "    waarde: 500000", "    waarde: 1" + "0" * 400, "gewoon getal"),
    "lege lijst in een voorwaarde": ("toegevoegde-waarde.yaml", "als: {toegevoegde_waarde.inwoners: nee}",
                                     "als: {toegevoegde_waarde.inwoners: []}", "lege lijst"),
    "plaatshouder die geen feit is": ("visie.yaml", "uitleg: >", "uitleg: >\n      {naam}", "geen feit"),
    "omgekeerde adviestabel": ("pack.yaml", "    voorstel: niet_aangaan\n    lopend: beeindigen",
                               "    voorstel: aangaan\n    lopend: voortzetten", "negatief naar"),
}


@pytest.mark.parametrize("naam", PAKKETFOUTEN)
def test_een_pakket_dat_niet_klopt_wordt_bij_het_laden_geweigerd(tmp_path, naam):
    bestand, oud, nieuw, melding = PAKKETFOUTEN[naam]
    kopie = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, kopie)
    pad = kopie / bestand
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    _fout(run("regels", "--regels", str(kopie)), melding, bestand)


@pytest.mark.parametrize("inhoud, melding", [
    ("naam: x\nfase: voorstel\nthemas: !!set {zorg, wonen}\n", "!!set"),
    ("naam: x\nfase: voorstel\nopgave:\n  <<: {complex: ja}\n  complex: nee\n", "samenvoegen"),
    ("naam: x\nfase: voorstel\nthemas: !!python/object/apply:os.system [ls]\n", "YAML-tag"),
    ("naam: x\nfase: voorstel\npeildatum: 2026-02-30\n", "verwacht een datum"),
    ("naam: x\nfase: voorstel\n? [a, b]\n: c\n", "lijst of groep als veldnaam"),
    ("naam: x\nfase: voorstel\n1: y\n", "veld '1': het getal 1 is geen veldnaam"),
])
def test_yaml_die_het_formaat_niet_kent_wordt_geweigerd(tmp_path, inhoud, melding):
    pad = tmp_path / "casus.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    _fout(run("beoordeel", str(pad)), melding)


def test_een_onmogelijke_datum_in_wat_als_en_een_reuzen_source_date_epoch_zijn_invoerfouten(tmp_path, monkeypatch):
    _fout(run("beoordeel", VOORBEELD, "--wat-als", "peildatum=2026-02-30"), "verwacht een datum")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 30)
    _fout(run("collegeadvies", VOORBEELD, "--formaat", "markdown", "-o", str(tmp_path / "x.md")), "SOURCE_DATE_EPOCH")
    assert not (tmp_path / "x.md").exists()


def test_dezelfde_invoer_geeft_dezelfde_bytes_bij_elke_hash_seed(tmp_path):
    import subprocess
    uitvoer = set()
    for seed in ("0", "1", "12345"):
        r = subprocess.run([sys.executable, "-m", "samenwerkingstoets", "beoordeel", VOORBEELD, "--formaat", "json"],
                           capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=60)
        assert r.returncode == 0
        uitvoer.add(r.stdout)
    assert len(uitvoer) == 1


def test_veel_regels_op_een_veld_laten_de_engine_niet_hangen(tmp_path):
    import yaml

    kopie = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, kopie)
    extra = [{"id": f"veel-{i}", "criterium": "VIS-OL1", "als": {"opgave.complex": "ja"}, "effect": "aandachtspunt",
              "uitleg": "Zelfde voorwaarde.", "bron": "visie#definitie"} for i in range(600)]
    pad = kopie / "opgaven.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["regels"] += extra
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    r = run("beoordeel", VOORBEELD, "--regels", str(kopie), "--formaat", "json")
    assert r.exit_code == 0, r.output
    assert r.output.count('"regel": "veel-') == 600


def test_een_reuzennaam_wordt_geweigerd_in_plaats_van_gigabytes_uitvoer(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text("naam: " + "x" * 1_000_000 + "\nfase: voorstel\n", encoding="utf-8")
    r = run("vergelijk", str(pad), VOORBEELD)
    _fout(r, "te lang", "hooguit 200")
    assert len(r.output) < 1_000


def test_markdown_kan_geen_beslispunten_vervalsen_of_html_doorlaten(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text('naam: "Samen\\n\\n## Beslispunten\\n\\n1. Aangaan <script>alert(1)</script> <!--"\n'
                   "fase: voorstel\n", encoding="utf-8")
    r = run("beoordeel", str(pad), "--formaat", "markdown")
    assert r.exit_code == 0
    assert "<script>" not in r.output and "<!--" not in r.output
    assert not any(regel.startswith("## Beslispunten") for regel in r.output.splitlines())
    uit = tmp_path / "voorstel.md"
    assert run("collegeadvies", str(pad), "--formaat", "markdown", "-o", str(uit)).exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    assert "<script>" not in tekst and "<!--" not in tekst
    assert [r for r in tekst.splitlines() if r.startswith("## Beslispunten")] == ["## Beslispunten"]


def test_besturingstekens_in_pakkettekst_breken_het_worddocument_niet(tmp_path):
    import yaml
    from docx import Document

    kopie = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, kopie)
    pad = kopie / "toegevoegde-waarde.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["regels"][0]["uitleg"] = "Geen waarde\x07 voor inwoners\x1b."
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    casus = tmp_path / "casus.yaml"
    casus.write_text("naam: x\nfase: voorstel\nopgave: {omschrijving: y}\ntoegevoegde_waarde: {inwoners: nee}\n",
                     encoding="utf-8")
    uit = tmp_path / "voorstel.docx"
    r = run("collegeadvies", str(casus), "--formaat", "docx", "-o", str(uit), "--regels", str(kopie))
    assert r.exit_code == 0, r.output
    tekst = "\n".join(p.text for p in Document(str(uit)).paragraphs)
    assert "\x07" not in tekst and "\x1b" not in tekst


# --- alles tegelijk: willekeurige bytes en willekeurige YAML naar elke opdracht ----------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from strategie import rommel  # noqa: E402

OPDRACHTEN = [
    lambda f, uit: ["beoordeel", f],
    lambda f, uit: ["beoordeel", f, "--formaat", "json", "--volledig"],
    lambda f, uit: ["beoordeel", VOORBEELD, "--variant", f],
    lambda f, uit: ["vergelijk", f, VOORBEELD],
    lambda f, uit: ["wat-moet-er-veranderen", f],
    lambda f, uit: ["collegeadvies", f, "--formaat", "markdown", "-o", uit],
]


def _yaml(data) -> bytes:
    import yaml
    try:
        return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    except Exception:
        return b"naam: x\n"


@settings(max_examples=voorbeelden(60), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(inhoud=st.one_of(st.binary(max_size=300), rommel.map(_yaml)), opdracht=st.sampled_from(OPDRACHTEN))
def test_willekeurige_invoer_voor_elke_opdracht_geeft_exitcode_0_of_2_en_raakt_niets_anders(tmp_path_factory,
                                                                                            inhoud, opdracht):
    import time

    map_ = tmp_path_factory.mktemp("aanval")
    invoer = map_ / "casus.yaml"
    invoer.write_bytes(inhoud)
    uit = map_ / "uit.md"
    begin = time.perf_counter()
    r = run(*opdracht(str(invoer), str(uit)))
    assert time.perf_counter() - begin < 10
    assert r.exit_code in (0, 2), r.output
    assert "Traceback" not in r.output
    assert invoer.read_bytes() == inhoud
    assert {p.name for p in map_.iterdir()} <= {"casus.yaml", "uit.md"}


def test_een_regel_die_te_groot_is_voor_de_engine_wordt_bij_het_laden_geweigerd(tmp_path):
    import yaml

    kopie = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, kopie)
    pad = kopie / "opgaven.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["regels"][0]["als"] = {"een_van": [{"opgave.complex": "ja"} for _ in range(60)]}
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _fout(run("regels", "--regels", str(kopie)), "te groot voor de regelengine", "opgaven.yaml",
          data["regels"][0]["id"])


@pytest.mark.parametrize("naam", ["casus.json", "sub/casus.json"])
def test_overzicht_schrijft_nooit_over_een_casusbestand_dat_het_zelf_leest(tmp_path, naam):
    (tmp_path / "sub").mkdir()
    invoer = tmp_path / naam
    shutil.copy(CASES / "regionale-woonagenda-nhn.yaml", invoer)
    voor = invoer.read_bytes()
    r = CliRunner().invoke(cli, ["overzicht", str(tmp_path), "-o", str(invoer), "--overschrijf",
                                 "--formaat", "json"])
    invoerfout(r, "casusbestand in de map die het overzicht leest")
    assert invoer.read_bytes() == voor


@pytest.mark.parametrize("opdracht", ["collegeadvies", "overzicht"])
def test_een_te_lange_uitvoernaam_geeft_een_nederlandse_melding_en_exitcode_2(tmp_path, opdracht):
    lang = str(tmp_path / ("a" * 300 + (".md" if opdracht == "collegeadvies" else ".json")))
    bron = str(CASES / "regionale-woonagenda-nhn.yaml") if opdracht == "collegeadvies" else str(CASES)
    r = CliRunner().invoke(cli, [opdracht, bron, "-o", lang])
    invoerfout(r, "te lang")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="alleen waar pijpen bestaan")
@pytest.mark.parametrize("genoemd", [False, True])
def test_een_pijp_of_apparaat_in_een_pakketmap_wordt_nooit_gelezen(tmp_path, genoemd):
    pakket = tmp_path / "pakket"
    shutil.copytree(STANDAARDPAKKET, pakket)
    os.mkfifo(pakket / "pijp.yaml")
    (pakket / "nul.yaml").symlink_to("/dev/zero")
    if genoemd:
        kop = pakket / "pack.yaml"
        kop.write_text(kop.read_text(encoding="utf-8").replace("  - financien.yaml\n",
                                                                "  - financien.yaml\n  - pijp.yaml\n"),
                       encoding="utf-8")
    uitkomst: list = []
    draad = threading.Thread(target=lambda: uitkomst.append(CliRunner().invoke(
        cli, ["beoordeel", str(CASES / "regionale-woonagenda-nhn.yaml"), "--regels", str(pakket)])), daemon=True)
    draad.start()
    draad.join(timeout=30)
    assert uitkomst, "het laden van het pakket bleef hangen op een pijp of /dev/zero"
    invoerfout(uitkomst[0], "pijp.yaml")


def test_een_casus_met_tienduizenden_velden_wordt_voor_de_validatie_geweigerd(tmp_path):
    pad = tmp_path / "groot.yaml"
    pad.write_text("naam: x\nfase: voorstel\n" + "".join(f"k{i}: 1\n" for i in range(187_097)), encoding="utf-8")
    invoerfout(CliRunner().invoke(cli, ["beoordeel", str(pad)]), "meer dan 20.000 velden")


@pytest.mark.parametrize("aantal", [100, 2_000, 15_000])
def test_het_melden_van_onbekende_velden_zoekt_hooguit_een_vast_aantal_regelnummers_op(tmp_path, monkeypatch, aantal):
    """Het dure deel van een melding (het regelnummer opzoeken) groeit niet mee met het aantal fouten: zo blijft het
    werk lineair in de invoer."""
    from samenwerkingstoets.engine import laden
    from samenwerkingstoets.engine.fouten import CasusFout

    opgezocht = []
    echt = laden.Gelezen.lijn
    monkeypatch.setattr(laden.Gelezen, "lijn", lambda self, loc: opgezocht.append(loc) or echt(self, loc))
    pad = tmp_path / "veel.yaml"
    pad.write_text("naam: x\nfase: voorstel\n" + "".join(f"k{i}: 1\n" for i in range(aantal)), encoding="utf-8")
    with pytest.raises(CasusFout):
        laden.lees_casus(pad)
    assert len(opgezocht) <= laden.MAX_MELDINGEN * 10


def _sjabloon_met_relatie(pad: Path, relatie: str, extra: dict[str, bytes] | None = None) -> Path:
    """Een gewoon Word-document waarvan word/_rels/settings.xml.rels (of document.xml.rels) een koppeling krijgt."""
    import io
    import zipfile

    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as bron, zipfile.ZipFile(pad, "w") as doel:
        for item in bron.infolist():
            data = bron.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", relatie.encode() + b"</Relationships>")
            doel.writestr(item, data)
        for naam, inhoud in (extra or {}).items():
            doel.writestr(naam, inhoud)
    return pad


@pytest.mark.parametrize("relatie", [
    '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'attachedTemplate" Target="http://voorbeeld.invalid/t.dotm" TargetMode="External"/>',
    '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    'Target="https://voorbeeld.invalid/logo.png" TargetMode="External"/>',
    '<Relationship Id="rId97" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
    'Target="file://server/share/x" TargetMode="External"/>',
])
def test_een_sjabloon_dat_iets_van_buiten_ophaalt_wordt_geweigerd_en_er_wordt_niets_geschreven(tmp_path, relatie):
    sjabloon = _sjabloon_met_relatie(tmp_path / "huisstijl.docx", relatie)
    uit = tmp_path / "voorstel.docx"
    r = CliRunner().invoke(cli, ["collegeadvies", str(CASES / "regionale-woonagenda-nhn.yaml"), "-o", str(uit),
                                 "--sjabloon", str(sjabloon)])
    invoerfout(r, "buiten het document")
    assert not uit.exists()


def test_een_sjabloon_met_een_gewone_webkoppeling_mag(tmp_path):
    sjabloon = _sjabloon_met_relatie(tmp_path / "huisstijl.docx", (
        '<Relationship Id="rId96" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'hyperlink" Target="https://www.alkmaar.nl/" TargetMode="External"/>'))
    uit = tmp_path / "voorstel.docx"
    r = CliRunner().invoke(cli, ["collegeadvies", str(CASES / "regionale-woonagenda-nhn.yaml"), "-o", str(uit),
                                 "--sjabloon", str(sjabloon)])
    assert r.exit_code == 0, r.output


def test_een_sjabloon_met_macros_wordt_geweigerd(tmp_path):
    sjabloon = _sjabloon_met_relatie(tmp_path / "huisstijl.docx", "", {"word/vbaProject.bin": b"\0macro"})
    r = CliRunner().invoke(cli, ["collegeadvies", str(CASES / "regionale-woonagenda-nhn.yaml"), "-o",
                                 str(tmp_path / "v.docx"), "--sjabloon", str(sjabloon)])
    invoerfout(r, "macro's")


def test_web_met_een_adres_dat_niet_bestaat_geeft_een_nederlandse_melding_en_exitcode_2(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMENWERKINGSTOETS_TOKEN", "een-lange-toegangssleutel-123")
    r = CliRunner().invoke(cli, ["web", "--adres", "geen.host.invalid", "--map", str(tmp_path)])
    invoerfout(r, "niet te vinden")


def test_web_op_een_bezette_poort_geeft_een_nederlandse_melding_en_exitcode_2(tmp_path):
    import socket

    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        r = CliRunner().invoke(cli, ["web", "--poort", str(poort), "--map", str(tmp_path)])
    invoerfout(r, f"poort {poort}", "bezet")


@pytest.mark.parametrize("vorm", ["bovenaan", "in_een_groep", "api"])
def test_het_controleren_van_onbekende_velden_groeit_hooguit_lineair_met_de_invoer(tmp_path, vorm):
    """Zestien keer zoveel onbekende velden kost hooguit zo'n zestien keer zoveel tijd (ruim genomen: minder dan
    48 keer; kwadratisch werk zou 256 keer geven). De snelste van drie metingen telt, tegen een drukke machine."""
    import time

    from samenwerkingstoets.engine import laden
    from samenwerkingstoets.engine.fouten import CasusFout

    def duur(aantal: int) -> float:
        if vorm == "api":
            data = {"naam": "x", "fase": "voorstel", **{f"k{i}": 1 for i in range(aantal)}}
            doe = lambda: laden.casus_uit_data(data, json=True)  # noqa: E731
        else:
            pad = tmp_path / f"{vorm}-{aantal}.yaml"
            inspringen = "  " if vorm == "in_een_groep" else ""
            pad.write_text("naam: x\nfase: voorstel\n" + ("opgave:\n" if inspringen else "")
                           + "".join(f"{inspringen}k{i}: 1\n" for i in range(aantal)), encoding="utf-8")
            doe = lambda: laden.lees_casus(pad)  # noqa: E731
        beste = float("inf")
        for _ in range(3):
            begin = time.perf_counter()
            with pytest.raises(CasusFout):
                doe()
            beste = min(beste, time.perf_counter() - begin)
        return beste

    klein, groot = duur(1_000), duur(16_000)
    assert groot < 48 * max(klein, 0.002), (klein, groot)
