# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het overzicht van alle samenwerkingen: register, risico en sturing, Wgr-toets, evaluatiekalender,
matrix, overlap, kapotte bestanden, en de uitvoer als JSON, xlsx, Markdown en Word."""

from __future__ import annotations

import datetime
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document

from samenwerkingstoets.cli import cli
from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_casus
from samenwerkingstoets.engine.overzicht import maak_overzicht
from conftest import CASES, ROOT


def run(*args):
    return CliRunner().invoke(cli, list(args))


def regel(overzicht, bestand):
    return next(r for r in overzicht.regels if r.bestand == bestand)


def test_het_korte_advies_is_gelijk_aan_het_volledige_voor_elke_voorbeeld_en_praktijkcasus(beoordelaar):
    paden = sorted(CASES.glob("*.yaml")) + sorted((ROOT / "tests" / "praktijk" / "casussen").glob("*.yaml"))
    assert len(paden) > 40
    for pad in paden:
        casus = lees_casus(pad)
        woord, bandbreedte, _, gevuurd = beoordelaar.kort(casus)
        volledig = beoordelaar.beoordeel(casus)
        assert (woord, bandbreedte) == (volledig.advies, volledig.bandbreedte), pad.name
        assert set(gevuurd) == {b.regel for b in volledig.bevindingen}, pad.name


def test_een_blok_in_rondes_geeft_per_bestand_dezelfde_uitkomst_als_bestand_voor_bestand(tmp_path, beoordelaar):
    """Het overzicht leest, valideert en beoordeelt een blok in rondes (sneller); elk bestand krijgt toch zijn eigen
    regel of melding, op zijn eigen plaats, ook tussen kapotte bestanden en bewaarde uitvoer in."""
    from samenwerkingstoets.engine import durable
    from samenwerkingstoets.engine.overzicht import _beoordeel_blok, regel_van

    paden = sorted(CASES.glob("*.yaml")) + sorted((ROOT / "tests" / "praktijk" / "casussen").glob("*.yaml"))
    (tmp_path / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    (tmp_path / "fase-fout.yaml").write_text("schema: 1\nnaam: x\nfase: verkeerd\n", encoding="utf-8")
    (tmp_path / "advies.json").write_text('{"formaat": "samenwerkingstoets/advies/1"}', encoding="utf-8")
    gemengd = paden[:5] + [tmp_path / "kapot.yaml"] + paden[5:9] + [tmp_path / "advies.json"] + \
        [tmp_path / "fase-fout.yaml"] + paden[9:]
    durable.vergeet()
    uit = _beoordeel_blok(gemengd, ROOT, beoordelaar, 2026)
    assert len(uit) == len(gemengd)
    for pad, uitkomst in zip(gemengd, uit):
        if pad.parent == tmp_path:
            assert uitkomst is None if pad.suffix == ".json" else (uitkomst[0] == str(pad) and pad.name in uitkomst[1]), \
                pad.name
        else:
            assert uitkomst == regel_van(lees_casus(pad), pad.relative_to(ROOT).as_posix(), beoordelaar, 2026), \
                pad.name
    casussen = [lees_casus(pad) for pad in paden]
    assert beoordelaar.kort_alle(casussen) == [beoordelaar.kort(casus) for casus in casussen]


def test_het_register_van_de_voorbeelden_en_de_praktijkset_is_gelijk_aan_het_vastgelegde(tmp_path):
    """Het hele overzicht als JSON (45 samenwerkingen in twee submappen) is gelijk aan wat vastligt in
    tests/golden/json/overzicht-voorbeelden-en-praktijk.json, gemaakt vóór het beoordelen in blokken en in rondes.
    Een bewuste wijziging van beleid of register werkt het bestand bij (overzicht MAP --formaat json --peildatum
    2026-11-30, met de mappen voorbeelden/ en praktijk/)."""
    for bron, doel in ((CASES, "voorbeelden"), (ROOT / "tests" / "praktijk" / "casussen", "praktijk")):
        (tmp_path / doel).mkdir()
        for pad in bron.glob("*.yaml"):
            shutil.copy(pad, tmp_path / doel / pad.name)
    r = run("overzicht", str(tmp_path), "--formaat", "json", "--peildatum", "2026-11-30")
    assert r.exit_code == 0, r.output
    verwacht = json.loads((ROOT / "tests" / "golden" / "json" / "overzicht-voorbeelden-en-praktijk.json")
                          .read_text(encoding="utf-8"))
    assert json.loads(r.stdout) == verwacht


def test_elke_voorbeeldcasus_staat_in_het_register_met_advies_risico_en_sturing(overzicht):
    assert len(overzicht.regels) == 12 and not overzicht.fouten
    for r in overzicht.regels:
        assert r.hoogste_risico in ("laag", "midden", "hoog")
        assert (r.sturing is not None) == (r.fase == "lopend"), "sturing hoort bij een lopende samenwerking"


def test_een_gr_zonder_uittredingsregeling_en_evaluatie_valt_op_in_de_wgr_toets(overzicht):
    od = regel(overzicht, "omgevingsdienst-lopend.yaml")
    assert od.wgr == {"zienswijzen": "ja", "evaluatie": "nee", "uittreding": "nee", "burgerparticipatie": "nee"}
    assert regel(overzicht, "regionale-woonagenda-nhn.yaml").wgr is None, "een convenant is geen regeling"


def test_de_volgende_evaluatie_volgt_uit_de_laatste_en_de_termijn_van_het_pakket(overzicht):
    ggd = regel(overzicht, "ggd-zonder-grip-lopend.yaml")
    assert (ggd.laatste_evaluatie, ggd.volgende_evaluatie, ggd.evaluatie_te_laat) == (2019, 2023, True)
    archief = regel(overzicht, "regionaal-archief-lopend.yaml")
    assert archief.evaluatie_te_laat is False
    assert regel(overzicht, "regionale-inkoop-jeugdzorg.yaml").evaluatie_te_laat is None, "een voorstel"


def test_het_risicoprofiel_komt_uit_de_feiten_met_de_drempels_van_het_pakket(overzicht):
    # de werkorganisatie kost 9,8 miljoen per jaar (boven risico_kosten_hoog) en de raad is niet tevreden
    werk = regel(overzicht, "ambtelijke-werkorganisatie-lopend.yaml")
    assert werk.risico["financieel"] == "hoog" and werk.risico["bestuurlijk"] == "hoog"
    # het overzicht zegt waarom: de drempel uit het pakket en het negatieve eigen vermogen
    assert "aandeel van de eigen gemeente in euro per jaar: vanaf 1.000.000" in werk.risico_redenen["financieel"]
    assert any("eigen vermogen" in r and "onder 0" in r for r in werk.risico_redenen["financieel"])
    assert werk.sturing == "uitgebreid"
    archief = regel(overzicht, "regionaal-archief-lopend.yaml")
    assert archief.hoogste_risico == "laag" and archief.sturing == "basis"


def test_de_matrix_noemt_elke_samenwerking_en_wat_geen_samenwerking_dient(overzicht):
    matrix = overzicht.matrix()
    assert "Omgevingsdienst Noord-Holland Noord" in matrix["veiligheid"]["noord_holland_noord"]
    themas, doelen = overzicht.niet_gediend()
    assert all(any(t in r.themas for r in overzicht.regels) is False for t in themas)
    assert all(not any(d in r.doelen for r in overzicht.regels) for d in doelen)


def test_samenwerkingen_op_hetzelfde_thema_met_dezelfde_partners_overlappen(tmp_path, beoordelaar):
    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, tmp_path / pad.name)
    kopie = (CASES / "omgevingsdienst-lopend.yaml").read_text(encoding="utf-8").replace(
        "naam: Omgevingsdienst Noord-Holland Noord", "naam: Tweede omgevingsdienst")
    (tmp_path / "tweede.yaml").write_text(kopie, encoding="utf-8")
    overlap = maak_overzicht(tmp_path, beoordelaar).overlappen(0.5)
    assert ("Omgevingsdienst Noord-Holland Noord", "Tweede omgevingsdienst") in {tuple(sorted(o[:2])) for o in overlap}


def test_een_map_met_kapotte_bestanden_meldt_ze_beoordeelt_de_rest_en_eindigt_met_2(tmp_path):
    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, tmp_path / pad.name)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "fout-woord.yaml").write_text("naam: A\nfase: lopnd\n", encoding="utf-8")
    (tmp_path / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    (tmp_path / "bedrag.yaml").write_text("naam: B\nfase: voorstel\nonderbouwing: {kosten_per_jaar: '1.5'}\n",
                                          encoding="utf-8")
    (tmp_path / "varianten").mkdir()
    (tmp_path / "varianten" / "x.yaml").write_text("naam: variant\nopgave: {complex: ja}\n", encoding="utf-8")
    r = run("overzicht", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert len(data["samenwerkingen"]) == 12 and len(data["fouten"]) == 3
    assert "veld 'fase'" in r.stderr and "regel 2" in r.stderr and "kapot.yaml" in r.stderr
    assert "veld 'onderbouwing.kosten_per_jaar'" in r.stderr
    paragraaf = run("overzicht", str(tmp_path), "--formaat", "markdown")
    assert paragraaf.exit_code == 2 and "dit concept is onvolledig. 3 casusbestanden konden niet" in paragraaf.stdout


def test_de_xlsx_heeft_een_blad_per_weergave_met_getallen_filters_en_een_vaste_kop(tmp_path):
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(CASES), "-o", str(uit)).exit_code == 0
    boek = openpyxl.load_workbook(uit)
    assert {"Register", "Risico", "Wgr", "Verbonden partijen", "Thema's en schaal"} <= set(boek.sheetnames)
    blad = boek["Register"]
    assert blad.max_row == 13 and blad.freeze_panes == "A2" and blad.auto_filter.ref.startswith("A1:")
    kop = [c.value for c in blad[1]]
    kosten = [r[kop.index("Kosten per jaar (euro)")].value for r in blad.iter_rows(min_row=2)]
    assert all(isinstance(k, int) for k in kosten)
    jaren = [r[kop.index("Volgende evaluatie")].value for r in blad.iter_rows(min_row=2)]
    assert any(isinstance(j, int) for j in jaren)
    vp = boek["Verbonden partijen"]
    assert any(isinstance(c.value, int) and c.value < 0 for rij in vp.iter_rows(min_row=2) for c in rij), \
        "een negatief eigen vermogen is een getal"
    bedragen = [r[kop.index("Kosten per jaar (euro)")] for r in blad.iter_rows(min_row=2)]
    assert {c.number_format for c in bedragen} == {"#,##0"}, "bedragen met punten voor de duizendtallen"
    overlap = boek["Overlap"]
    assert overlap["A1"].value.startswith("Samenwerkingen op hetzelfde thema"), "de toelichting staat boven de tabel"
    assert [c.value for c in overlap[2]] == ["Samenwerking", "Andere samenwerking", "Gedeelde thema's",
                                            "Gedeelde partners (%)"]
    aandelen = [r[3] for r in overlap.iter_rows(min_row=3)]
    assert aandelen and all(isinstance(c.value, float) and 0.5 <= c.value <= 1 and c.number_format == "0%"
                            for c in aandelen)
    risico = {r[0].value: r[-1].value for r in boek["Risico"].iter_rows(min_row=2)}
    assert "eigen vermogen" in risico["Gezamenlijke ambtelijke werkorganisatie vier gemeenten"], \
        "bij een hoog risico staat wat het zo maakt"
    verantwoording = {r[0].value: r[1].value for r in boek["Verantwoording"].iter_rows(min_row=2)}
    assert verantwoording["Regelpakket"].startswith("alkmaar ") and verantwoording["Samenwerkingen beoordeeld"] == 12
    peildatum = next(w for k, w in verantwoording.items() if k.startswith("Peildatum"))
    assert isinstance(peildatum, datetime.datetime)


def test_de_xlsx_noemt_thema_s_en_doelen_zonder_samenwerking_en_zegt_het_als_er_geen_overlap_is(tmp_path):
    map_ = tmp_path / "een"
    map_.mkdir()
    shutil.copy(CASES / "regionaal-archief-lopend.yaml", map_)
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(map_), "-o", str(uit)).exit_code == 0
    boek = openpyxl.load_workbook(uit)
    niet_gediend = [tuple(c.value for c in r) for r in boek["Zonder samenwerking"].iter_rows(min_row=3)]
    assert ("thema", "wonen") in niet_gediend and any(soort == "doel" for soort, _ in niet_gediend)
    overlap = boek["Overlap"]
    assert overlap["A1"].value.startswith("Geen samenwerkingen op hetzelfde thema"), "als toelichting boven de tabel"
    assert overlap.max_row == 2, "geen zin als rij in de tabel"


def test_de_paragraaf_verbonden_partijen_heeft_de_opbouw_van_het_bbv(tmp_path):
    uit = tmp_path / "paragraaf.docx"
    assert run("overzicht", str(CASES), "-o", str(uit)).exit_code == 0
    word = Document(str(uit))
    koppen = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert {"Inleiding", "Beleid en sturing", "Overzicht", "Omgevingsdienst Noord-Holland Noord"} <= set(koppen)
    tekst = "\n".join(p.text for p in word.paragraphs)
    for deel in ("Vestigingsplaats: Hoorn.", "Openbaar belang:", "Financieel belang:", "Zeggenschap",
                 "Programma in de begroting:", "Financieel risico: hoog."):
        assert deel in tekst
    cijfers = {tuple(c.text.replace("\u00a0", " ") for c in rij.cells) for tabel in word.tables for rij in tabel.rows}
    assert ("Eigen vermogen van de partij", "€ 2.150.000", "€ 2.310.000") in cijfers
    assert ("Vreemd vermogen van de partij", "€ 5.400.000", "€ 5.900.000") in cijfers
    assert ("Resultaat over 2025", "", "€ 160.000") in cijfers
    assert "Gemeenschappelijke regelingen" in koppen, "gegroepeerd zoals het BBV"
    assert len(word.inline_shapes) == 2, "de grafieken van advies en risico per thema"
    md = run("overzicht", str(CASES), "--formaat", "markdown")
    assert md.exit_code == 0 and md.stdout.startswith("# Paragraaf verbonden partijen (concept)")


def test_de_tabel_past_in_de_terminal_en_er_is_geen_voortgangsbalk_in_een_pijp():
    r = CliRunner().invoke(cli, ["overzicht", str(CASES)], env={"COLUMNS": "80"})
    assert r.exit_code == 0 and "Beoordelen" not in r.stderr
    assert max(len(regel) for regel in r.stdout.splitlines()) <= 80


def test_parallel_geeft_dezelfde_uitkomst_als_een_proces(tmp_path, beoordelaar, monkeypatch):
    import datetime as dt

    from samenwerkingstoets.engine import overzicht as module

    for i in range(3):
        for pad in CASES.glob("*.yaml"):
            shutil.copy(pad, tmp_path / f"{i}-{pad.name}")
    monkeypatch.setattr(module, "PARALLEL_VANAF", 10)
    monkeypatch.setattr(module, "BLOK", 7)
    parallel = maak_overzicht(tmp_path, beoordelaar, dt.date(2026, 1, 1), regelpad=STANDAARDPAKKET)
    enkel = maak_overzicht(tmp_path, beoordelaar, dt.date(2026, 1, 1))
    assert parallel.regels == enkel.regels


def test_een_risicovoorwaarde_met_een_onbekend_veld_is_een_fout_in_het_pakket(tmp_path):
    pakket = tmp_path / "pakket"
    shutil.copytree(Path(STANDAARDPAKKET), pakket)
    tekst = (pakket / "pack.yaml").read_text(encoding="utf-8").replace(
        "- {evaluatie.kostenontwikkeling: structureel_overschreden}", "- {evaluatie.kosten: structureel_overschreden}")
    (pakket / "pack.yaml").write_text(tekst, encoding="utf-8")
    r = run("overzicht", str(CASES), "--regels", str(pakket))
    assert r.exit_code == 2 and "overzicht, risico 'financieel' (hoog)" in r.stderr and "evaluatie.kosten" in r.stderr


def test_het_overzicht_staat_in_de_webapplicatie_met_links_naar_elk_advies(tmp_path):
    from fastapi.testclient import TestClient

    from samenwerkingstoets.web.app import maak_app

    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, tmp_path / pad.name)
    client = TestClient(maak_app(tmp_path), base_url="http://127.0.0.1")
    pagina = client.get("/overzicht")
    assert pagina.status_code == 200 and 'href="/casussen/omgevingsdienst-lopend"' in pagina.text
    assert "Zonder link" not in pagina.text, "elke casus in de werkmap heeft een link"
    xlsx = client.get("/overzicht.xlsx")
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content))["Register"].max_row == 13
    assert 'href="/overzicht.docx"' in pagina.text
    word = client.get("/overzicht.docx")
    assert word.status_code == 200 and "paragraaf-verbonden-partijen.docx" in word.headers["content-disposition"]
    koppen = [p.text for p in Document(io.BytesIO(word.content)).paragraphs if p.style.name.startswith("Heading")]
    assert "Beleid en sturing" in koppen
    assert client.get("/overzicht.pdf").status_code == 404
    (tmp_path / "archief").mkdir()
    shutil.move(tmp_path / "regionaal-archief-lopend.yaml", tmp_path / "archief" / "regionaal-archief-lopend.yaml")
    pagina = client.get("/overzicht").text
    assert "Zonder link: 1 samenwerking (archief/regionaal-archief-lopend.yaml)" in pagina


def test_het_formaat_volgt_de_naam_van_het_bestand_of_moet_erbij_passen(tmp_path):
    """Net als bij collegeadvies: geen JSON in een bestand dat register.xlsx heet."""
    r = run("overzicht", str(CASES), "-o", str(tmp_path / "register.xlsx"), "--formaat", "json")
    assert r.exit_code == 2 and "eindigt op .xlsx, maar het formaat is json" in r.stderr
    assert not (tmp_path / "register.xlsx").exists()
    assert run("overzicht", str(CASES), "-o", str(tmp_path / "register.pdf")).exit_code == 2
    assert run("overzicht", str(CASES), "-o", str(tmp_path / "register.json")).exit_code == 0
    assert json.loads((tmp_path / "register.json").read_text(encoding="utf-8"))["formaat"].endswith("overzicht/1")


def test_geen_casusbestand_verdwijnt_stil_uit_het_register(tmp_path, beoordelaar):
    """Een snelkoppeling naar een casus wordt gelezen, JSON en hoofdletters in de extensie ook; een kapotte
    koppeling, een lus en een koppeling naar een map worden gemeld in plaats van overgeslagen."""
    echt = tmp_path / "echt"
    echt.mkdir()
    shutil.copy(CASES / "regionaal-archief-lopend.yaml", echt / "archief.yaml")
    (tmp_path / "link.yaml").symlink_to(echt / "archief.yaml")
    (tmp_path / "lus.yaml").symlink_to(tmp_path / "lus.yaml")
    (tmp_path / "kapot.yml").symlink_to(tmp_path / "weg.yaml")
    (tmp_path / "mapkoppeling").symlink_to(echt)
    shutil.copy(CASES / "omgevingsdienst-lopend.yaml", tmp_path / "HOOFD.YAML")
    data = lees_casus(CASES / "ggd-zonder-grip-lopend.yaml")
    (tmp_path / "casus.json").write_text(json.dumps({"schema": 1, "naam": data.naam, "fase": "lopend"}),
                                         encoding="utf-8")
    o = maak_overzicht(tmp_path, beoordelaar)
    assert sorted(r.bestand for r in o.regels) == ["HOOFD.YAML", "casus.json", "echt/archief.yaml", "link.yaml"]
    meldingen = dict(o.fouten)
    assert set(meldingen) == {"kapot.yml", "lus.yaml", "mapkoppeling"}
    assert "niet (meer) bestaat" in meldingen["kapot.yml"] and "naar zichzelf" in meldingen["lus.yaml"]
    assert "snelkoppeling naar een map" in meldingen["mapkoppeling"]
    assert run("overzicht", str(tmp_path)).exit_code == 2


def test_de_sturing_geldt_voor_lopende_samenwerkingen_en_elke_weergave_zegt_hetzelfde(tmp_path):
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(CASES), "-o", str(uit)).exit_code == 0
    boek = openpyxl.load_workbook(uit)

    def sturing(blad):
        rijen = list(boek[blad].iter_rows(values_only=True))
        kolom = rijen[0].index("Sturing")
        naam = rijen[0].index("Samenwerking")
        return {r[naam]: r[kolom] for r in rijen[1:]}

    assert sturing("Register") == sturing("Risico")
    data = json.loads(run("overzicht", str(CASES), "--formaat", "json").stdout)
    for s in data["samenwerkingen"]:
        assert (s["sturing"] is None) == (s["fase"] == "voorstel")
        assert sturing("Register")[s["naam"]] == (s["sturing"] if s["sturing"] else "n.v.t. (voorstel)")


def test_de_webpagina_noemt_de_risiconiveaus_zoals_de_andere_weergaven(tmp_path):
    from fastapi.testclient import TestClient

    from samenwerkingstoets.web.app import maak_app

    for pad in CASES.glob("*.yaml"):
        shutil.copy(pad, tmp_path / pad.name)
    pagina = TestClient(maak_app(tmp_path), base_url="http://127.0.0.1").get("/overzicht").text
    assert "gemiddeld: basis met extra aandacht" in pagina and "midden" not in pagina
    assert "n.v.t. (voorstel)" in pagina


def test_een_werkmap_die_blok_voor_blok_gevuld_wordt_heeft_dezelfde_cellen(tmp_path, beoordelaar, monkeypatch):
    """Het overzicht vult de xlsx terwijl de rest nog beoordeeld wordt; inhoud, opmaak en kolombreedtes zijn
    gelijk aan die van de werkmap die in één keer geschreven wordt (ook als de eerste regels al geschreven zijn
    voordat de laatste binnen zijn)."""
    from samenwerkingstoets.engine import overzicht as module
    from samenwerkingstoets.engine.weergave.overzicht import XlsxRegister, xlsx

    for i in range(3):
        for pad in CASES.glob("*.yaml"):
            shutil.copy(pad, tmp_path / f"{i}-{pad.name}")
    (tmp_path / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    monkeypatch.setattr(module, "PARALLEL_VANAF", 10)
    monkeypatch.setattr(module, "BLOK", 5)
    monkeypatch.setattr(XlsxRegister, "EERSTE_RIJEN", 10)  # de opmaak ligt vast voordat alle blokken binnen zijn
    uit = tmp_path.parent / f"{tmp_path.name}-register.xlsx"
    assert run("overzicht", str(tmp_path), "-o", str(uit), "--peildatum", "2026-11-30").exit_code == 2
    import datetime as dt

    ineens = openpyxl.load_workbook(io.BytesIO(xlsx(maak_overzicht(tmp_path, beoordelaar, dt.date(2026, 11, 30)))))
    gestroomd = openpyxl.load_workbook(uit)
    assert gestroomd.sheetnames == ineens.sheetnames
    for naam in ineens.sheetnames:
        a, b = ineens[naam], gestroomd[naam]
        assert [[(c.value, c.number_format, c.alignment.wrap_text) for c in r] for r in a.iter_rows()] == \
               [[(c.value, c.number_format, c.alignment.wrap_text) for c in r] for r in b.iter_rows()], naam
        assert (a.freeze_panes, a.auto_filter.ref) == (b.freeze_panes, b.auto_filter.ref), naam
        assert {k: d.width for k, d in a.column_dimensions.items()} == \
               {k: d.width for k, d in b.column_dimensions.items()}, naam
    assert gestroomd["Register"].max_row == 37 and gestroomd["Niet beoordeeld"].max_row == 2


def test_een_snelkoppeling_die_niet_te_volgen_is_laat_het_overzicht_niet_vallen(tmp_path):
    shutil.copy(CASES / "regionaal-archief-lopend.yaml", tmp_path / "archief.yaml")
    (tmp_path / "koppeling").symlink_to("x" * 300)  # een naam die te lang is om te volgen
    r = run("overzicht", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 0, r.output
    assert len(json.loads(r.stdout)["samenwerkingen"]) == 1


def test_eigen_uitvoer_als_json_in_de_map_is_geen_casus(tmp_path):
    """Wie het register of een advies als JSON naast de casussen bewaart, krijgt de volgende keer geen
    foutmeldingen over dat bestand: het is uitvoer van het programma, geen casus."""
    shutil.copy(CASES / "regionaal-archief-lopend.yaml", tmp_path / "archief.yaml")
    assert run("overzicht", str(tmp_path), "-o", str(tmp_path / "register.json")).exit_code == 0
    advies = run("beoordeel", str(tmp_path / "archief.yaml"), "--formaat", "json")
    (tmp_path / "advies.json").write_text(advies.stdout, encoding="utf-8")
    r = run("overzicht", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 0, r.stderr
    assert [s["bestand"] for s in json.loads(r.stdout)["samenwerkingen"]] == ["archief.yaml"]


def test_openpyxl_zonder_numpy_en_pillow_laden_laat_beide_zelf_bruikbaar_voor_wat_daarna_komt():
    """De opdracht overzicht laadt openpyxl zonder numpy en Pillow (die het register niet nodig heeft). Daarna laden
    ze zelf gewoon, bijvoorbeeld voor een grafiek; openpyxl blijft in dit proces zonder ze werken. In een vers
    proces, want in de tests zijn ze al geladen."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from samenwerkingstoets.engine.weergave.overzicht import _laad_xlsx\n"
            "_laad_xlsx()\n"
            "assert 'numpy' not in sys.modules and 'PIL' not in sys.modules and 'openpyxl' in sys.modules\n"
            "import numpy, PIL.Image, openpyxl\n"
            "import openpyxl.compat.numbers\n"
            "assert openpyxl.compat.numbers.NUMPY is False\n"
            "boek = openpyxl.Workbook(write_only=True)\n"
            "blad = boek.create_sheet('x')\n"
            "blad.append([1, 2.5, 'drie'])\n"
            "print(numpy.__name__)\n")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "numpy"


def test_het_overzicht_zet_de_opruimdrempel_van_python_na_afloop_terug(beoordelaar):
    """Tijdens het beoordelen ruimt Python minder vaak op (sneller); daarna geldt weer wat gold, ook voor de
    webapplicatie die het overzicht in haar eigen proces maakt."""
    import gc

    from samenwerkingstoets.engine import overzicht as module

    voor = gc.get_threshold()
    tijdens = []
    maak_overzicht(CASES, beoordelaar, per_blok=lambda o, regels: tijdens.append(gc.get_threshold()))
    assert tijdens and all(t[0] == module.OPRUIMDREMPEL for t in tijdens)
    assert gc.get_threshold() == voor


def test_twee_overzichten_door_elkaar_zetten_de_opruimdrempel_samen_terug():
    """Twee overzichten tegelijk (twee verzoeken in de webapplicatie) die in een andere volgorde klaar zijn dan
    ze begonnen: daarna geldt de oorspronkelijke drempel, niet die van tijdens."""
    import gc

    from samenwerkingstoets.engine.overzicht import OPRUIMDREMPEL, ruimer_opruimen

    voor = gc.get_threshold()
    eerste, tweede = ruimer_opruimen(), ruimer_opruimen()
    eerste.__enter__()
    tweede.__enter__()
    eerste.__exit__(None, None, None)
    assert gc.get_threshold()[0] == OPRUIMDREMPEL, "het tweede loopt nog"
    tweede.__exit__(None, None, None)
    assert gc.get_threshold() == voor


def test_het_echte_programma_schrijft_het_overzicht_helemaal_naar_een_pijp_en_een_bestand(tmp_path):
    """Na een overzicht slaat het programma de laatste opruimronde van Python over; wat het schreef, is dan al
    helemaal weg: naar een pijp (JSON) en naar een bestand (xlsx). In een eigen proces, zoals een gebruiker het start."""
    import subprocess
    import sys

    pijp = subprocess.run([sys.executable, "-m", "samenwerkingstoets", "overzicht", str(CASES), "--formaat", "json"],
                          capture_output=True, timeout=120, cwd=tmp_path)
    assert pijp.returncode == 0, pijp.stderr.decode()
    assert len(json.loads(pijp.stdout)["samenwerkingen"]) == 12
    bestand = subprocess.run([sys.executable, "-m", "samenwerkingstoets", "overzicht", str(CASES), "-o",
                              str(tmp_path / "register.xlsx")], capture_output=True, timeout=120, cwd=tmp_path)
    assert bestand.returncode == 0, bestand.stderr.decode()
    assert openpyxl.load_workbook(tmp_path / "register.xlsx")["Register"].max_row == 13
    assert not list(tmp_path.glob("*.tmp")) and not bestand.stderr.decode().count("Traceback")


def test_een_bestandsnaam_die_geen_utf8_is_staat_leesbaar_in_het_register(tmp_path):
    """Een bestandsnaam met bytes die geen UTF-8 zijn (van een oude schijf of een ander systeem) laat het overzicht
    niet vallen: in JSON, xlsx en tabel staat hij met een vervangteken."""
    import os

    try:
        os.rename(shutil.copy(CASES / "regionaal-archief-lopend.yaml", tmp_path / "x.yaml"),
                  os.path.join(os.fsencode(tmp_path), b"archief-\xff.yaml"))
    except OSError:
        pytest.skip("dit bestandssysteem staat zo'n naam niet toe")
    r = run("overzicht", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["samenwerkingen"][0]["bestand"] == "archief-\ufffd.yaml"
    uit = tmp_path.parent / f"{tmp_path.name}.xlsx"
    assert run("overzicht", str(tmp_path), "-o", str(uit)).exit_code == 0
    assert openpyxl.load_workbook(uit)["Register"]["A2"].value == "archief-\ufffd.yaml"
    assert run("overzicht", str(tmp_path)).exit_code == 0


def test_een_naam_die_met_is_begint_blijft_tekst_in_de_spreadsheet(tmp_path):
    """Een casus die '=HYPERLINK(...)' heet, wordt in de xlsx geen formule (die iets zou doen als iemand het bestand
    opent), maar gewone tekst, op elk blad waar de naam staat."""
    import yaml

    data = yaml.safe_load((CASES / "omgevingsdienst-lopend.yaml").read_text(encoding="utf-8"))
    data["naam"] = '=HYPERLINK("http://voorbeeld.invalid","klik hier")'
    map_ = tmp_path / "map"
    map_.mkdir()
    (map_ / "gr.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(map_), "-o", str(uit)).exit_code == 0
    boek = openpyxl.load_workbook(uit)
    cellen = [c for blad in boek for rij in blad.iter_rows() for c in rij
              if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert len(cellen) >= 4, "register, risico, Wgr en verbonden partijen"
    assert all(c.data_type == "s" and c.value.startswith("=HYPERLINK") for c in cellen)


def test_een_submap_die_niet_te_lezen_is_wordt_gemeld_in_het_nederlands(tmp_path, monkeypatch):
    """Een submap zonder leesrechten valt niet stil weg: het overzicht meldt haar (exitcode 2) en beoordeelt de rest.
    (Gesimuleerd: wie de tests als beheerder draait, kan elke map lezen.)"""
    import errno
    import os

    from samenwerkingstoets.engine import overzicht as module

    shutil.copy(CASES / "regionaal-archief-lopend.yaml", tmp_path / "archief.yaml")
    (tmp_path / "geheim").mkdir()
    shutil.copy(CASES / "omgevingsdienst-lopend.yaml", tmp_path / "geheim" / "od.yaml")
    echte_scandir = os.scandir

    def scandir(pad):
        if os.path.basename(pad) == "geheim":
            raise PermissionError(errno.EACCES, "Permission denied", str(pad))
        return echte_scandir(pad)

    monkeypatch.setattr(module.os, "scandir", scandir)
    r = run("overzicht", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert [s["bestand"] for s in data["samenwerkingen"]] == ["archief.yaml"]
    assert "kan niet gelezen worden (geen toegang)" in r.stderr and "Permission" not in r.stderr


def test_de_reden_van_een_leesfout_staat_in_het_nederlands():
    import errno

    from samenwerkingstoets.engine.laden import reden

    assert reden(PermissionError(errno.EACCES, "Permission denied")) == "geen toegang"
    assert reden(OSError(errno.EIO, "Input/output error")) == "een leesfout van de schijf"
    assert reden(OSError(errno.EROFS, "Read-only file system")) == f"systeemfout {errno.EROFS}"


def test_het_overzicht_als_json_in_delen_is_precies_hetzelfde_als_in_een_keer(overzicht):
    """De opdracht schrijft JSON in delen (bij tienduizend samenwerkingen scheelt dat de helft van het geheugen);
    aan elkaar gezet zijn die delen byte voor byte de JSON van json()."""
    from samenwerkingstoets.engine.weergave.overzicht import json as als_json, json_in_delen

    delen = list(json_in_delen(overzicht, grootte=500))
    assert len(delen) > 10 and all(isinstance(d, bytes) for d in delen)
    assert b"".join(delen) == als_json(overzicht).encode("utf-8")


def test_de_paragraaf_zegt_zelf_welke_bestanden_niet_zijn_beoordeeld(tmp_path):
    """Wie het Word-document leest, ziet de meldingen van de opdracht niet: de paragraaf zegt dat ze onvolledig is
    en noemt in een bijlage welke bestanden ontbreken en waarom."""
    map_ = tmp_path / "map"
    map_.mkdir()
    shutil.copy(CASES / "omgevingsdienst-lopend.yaml", map_)
    (map_ / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    uit = tmp_path / "paragraaf.md"
    r = run("overzicht", str(map_), "-o", str(uit))
    assert r.exit_code == 2 and "Onvolledig: 1 bestand niet beoordeeld" in r.stderr
    tekst = uit.read_text(encoding="utf-8")
    assert "dit concept is onvolledig" in tekst and "foutmeldingen van de opdracht" not in tekst
    bijlage = tekst.split("Bijlage: casusbestanden die niet zijn beoordeeld", 1)[1]
    assert "kapot.yaml" in bijlage and "geen geldige YAML" in bijlage


def test_de_paragraaf_voor_de_raad_toont_geen_voorstellen_in_matrix_grafieken_en_overlap(tmp_path):
    """Een voorstel (met het ambtelijke advies erover) hoort niet in de paragraaf verbonden partijen; het register
    noemt het wel."""
    uit = tmp_path / "paragraaf.md"
    assert run("overzicht", str(CASES), "-o", str(uit)).exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    assert "Thema's en schaal van de verbonden partijen" in tekst
    for voorstel in ("Regionaal Bestuurdersnetwerk", "Gezamenlijke digitale dienstverlening"):
        assert voorstel not in tekst, voorstel
    register = run("overzicht", str(CASES), "--formaat", "json")
    assert "Gezamenlijke digitale dienstverlening" in register.stdout


def test_het_register_noemt_een_gemiddeld_risico_op_elk_blad_gemiddeld(tmp_path):
    """Op het blad Register en het blad Risico staat hetzelfde woord voor het hoogste risico."""
    map_ = tmp_path / "map"
    map_.mkdir()
    shutil.copy(ROOT / "tests" / "praktijk" / "casussen" / "a-bestuursdienst-ommen-hardenberg.yaml", map_)
    uit = tmp_path / "register.xlsx"
    assert run("overzicht", str(map_), "-o", str(uit)).exit_code == 0
    boek = openpyxl.load_workbook(uit)
    for blad in ("Register", "Risico"):
        kop = [c.value for c in boek[blad][1]]
        assert boek[blad].cell(row=2, column=kop.index("Hoogste risico") + 1).value == "gemiddeld", blad


def test_een_pijp_met_een_casusnaam_wordt_gemeld_en_niet_gelezen(tmp_path):
    """Een FIFO die casus.yaml heet, laat het overzicht niet wachten en verdwijnt niet stil: hij wordt gemeld."""
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("dit systeem kent geen pijpen als bestand")
    shutil.copy(CASES / "regionaal-archief-lopend.yaml", tmp_path / "archief.yaml")
    os.mkfifo(tmp_path / "pijp.yaml")
    r = run("overzicht", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 2
    assert [f["bestand"] for f in json.loads(r.stdout)["fouten"]] == ["pijp.yaml"]
    assert "geen gewoon bestand" in r.stderr


def test_de_wgr_controle_van_het_overzicht_volgt_de_punten_van_het_pakket(tmp_path, beoordelaar):
    """Wat de Wgr vraagt, staat één keer in het pakket (collegevoorstel.wet_per_vorm, met bron en het veld dat het
    nagaat): het collegevoorstel noemt die punten, en het overzicht controleert precies die."""
    import shutil

    from samenwerkingstoets.engine.beoordelen import Beoordelaar
    from samenwerkingstoets.engine.laden import lees_regelpakket
    from samenwerkingstoets.engine.overzicht import maak_overzicht

    punten = [p.kolom for p in beoordelaar.pakket.kop.collegevoorstel.wet_per_vorm["wgr"] if p.veld]
    assert punten == ["zienswijzen", "uittreding", "evaluatie", "burgerparticipatie"]
    map_ = tmp_path / "pakket"
    shutil.copytree(ROOT / "rules" / "alkmaar", map_)
    pack = map_ / "pack.yaml"
    tekst = pack.read_text(encoding="utf-8").replace(
        "        veld: sturing.evaluatie_afgesproken\n        kolom: evaluatie\n", "", 1)
    pack.write_text(tekst, encoding="utf-8")
    werkmap = tmp_path / "werkmap"
    werkmap.mkdir()
    shutil.copy(ROOT / "cases" / "omgevingsdienst-lopend.yaml", werkmap)
    o = maak_overzicht(werkmap, Beoordelaar(lees_regelpakket(map_)))
    assert list(o.regels[0].wgr) == ["zienswijzen", "uittreding", "burgerparticipatie"]
