# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het collegevoorstel: Word, HTML en Markdown, de beslispunten, het stempel en veilig schrijven."""

from __future__ import annotations

import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from samenwerkingstoets.cli import cli
from conftest import CASES, ROOT

GOLDEN = ROOT / "tests" / "golden"
# De opbouw die gemeenten voor een collegevoorstel gebruiken, in deze volgorde.
SECTIES = ["Onderwerp", "Beslispunten", "Aanleiding", "Beoogd effect", "Argumenten", "Kanttekeningen en risico's",
           "Alternatieven", "Financiën", "Juridische aspecten", "Uitvoering en evaluatie", "Communicatie",
           "Bijlagen"]
PER_ADVIES = {
    "aangaan": "regionale-inkoop-jeugdzorg.yaml",
    "aangaan_onder_voorwaarden": "ambtelijke-bedrijfsvoering-zonder-businesscase.yaml",
    "niet_aangaan": "netwerk-zonder-opgave.yaml",
    "voortzetten": "regionaal-archief-lopend.yaml",
    "voortzetten_onder_voorwaarden": "omgevingsdienst-lopend.yaml",
    "beeindigen": "ict-samenwerking-lopend.yaml",
}


def run(*args):
    return CliRunner().invoke(cli, list(args))


def maak(tmp_path, casus, formaat, *extra, naam=None):
    uit = tmp_path / (naam or f"voorstel.{ {'markdown': 'md'}.get(formaat, formaat) }")
    r = run("collegeadvies", str(CASES / casus), "--formaat", formaat, "-o", str(uit), "--datum", "2026-11-22",
            *extra)
    assert r.exit_code == 0, r.output
    return uit


def advies_van(casus):
    return json.loads(run("beoordeel", str(CASES / casus), "--formaat", "json").output)


@pytest.mark.parametrize("advies", PER_ADVIES)
def test_word_heeft_kopstijlen_beslispunten_die_bij_het_advies_passen_tabellen_en_de_grafiek(tmp_path, advies):
    casus = PER_ADVIES[advies]
    verwacht = advies_van(casus)
    assert verwacht["advies"] == advies
    word = Document(str(maak(tmp_path, casus, "docx")))
    koppen = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert [k for k in koppen if k in SECTIES] == SECTIES, "de secties staan er niet allemaal, of niet op volgorde"
    alineas = [p for p in word.paragraphs]
    begin = next(i for i, p in enumerate(alineas) if p.text == "Beslispunten")
    einde = next(i for i, p in enumerate(alineas) if p.text == "Aanleiding")
    beslispunten = [p.text for p in alineas[begin + 2:einde]]  # na de kop en 'Het college besluit:'
    genummerd = [p.text for p in alineas[begin + 2:einde] if p.style.name == "List Number"]
    eerste = genummerd[0]
    woorden = {"aangaan": ("In te stemmen met",), "aangaan_onder_voorwaarden": ("onder deze voorwaarden:",
                                                                           "zodra aan deze voorwaarden is voldaan:"),
               "niet_aangaan": ("Niet deel te nemen",), "voortzetten": ("voort te zetten.",),
               "voortzetten_onder_voorwaarden": ("voort te zetten, onder deze voorwaarden:",
                                                 "zodra aan deze voorwaarden is voldaan:"),
               "beeindigen": ("te beëindigen",)}
    assert any(w in eerste for w in woorden[advies]), eerste
    tekst = " ".join(beslispunten)
    if advies in ("aangaan", "aangaan_onder_voorwaarden", "voortzetten", "voortzetten_onder_voorwaarden"):
        besluitvoorwaarden = verwacht["voorwaarden"]
    else:  # bij een negatief besluit horen alleen de voorwaarden voor het uittreden bij het besluit
        besluitvoorwaarden = [b["voorwaarde"] for b in verwacht["bevindingen"] if b["bij_beeindigen"]]
        assert len(beslispunten) == 2 + len(set(besluitvoorwaarden))
    for voorwaarde in besluitvoorwaarden:
        assert " ".join(voorwaarde.split()) in tekst, f"voorwaarde ontbreekt in de beslispunten: {voorwaarde}"
    if advies == "beeindigen":
        assert "ontvlechtingsplan" in tekst
    assert len(word.tables) >= 2
    beoordeling = next(t for t in word.tables if t.rows[0].cells[0].text == "Effect")
    assert [c.text for c in beoordeling.rows[0].cells] == ["Effect", "Criterium", "Uitleg (regel)", "Bron"]
    assert len(beoordeling.rows) == len(verwacht["bevindingen"]) + 1
    assert len(word.inline_shapes) == 1, "de grafiek van de succesfactoren ontbreekt"
    assert word.core_properties.title.startswith("Collegevoorstel")


class _Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.koppen, self.afbeeldingen, self.extern, self.stijl, self._in = [], [], [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2", "h3"):
            self._in = tag
        if tag == "img":
            self.afbeeldingen.append(attrs.get("src", ""))
        if tag in ("link", "script") or (tag == "img" and not attrs.get("src", "").startswith("data:")):
            self.extern.append(tag)
        if tag == "style":
            self.stijl = True

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.koppen.append(data)


def test_html_is_een_zelfstandig_printbaar_bestand_met_ingebedde_grafiek(tmp_path):
    pad = maak(tmp_path, "omgevingsdienst-lopend.yaml", "html")
    parser = _Html()
    parser.feed(pad.read_text(encoding="utf-8"))
    for sectie in SECTIES:
        assert sectie in parser.koppen
    assert parser.stijl and not parser.extern
    assert len(parser.afbeeldingen) == 1 and parser.afbeeldingen[0].startswith("data:image/png;base64,")
    assert "@media print" in pad.read_text(encoding="utf-8")


@pytest.mark.parametrize("casus, golden, extra", [
    ("regionale-inkoop-jeugdzorg.yaml", "regionale-inkoop-jeugdzorg.md", []),
    ("omgevingsdienst-lopend.yaml", "omgevingsdienst-lopend.md", []),
    ("ict-samenwerking-lopend.yaml", "ict-samenwerking-lopend.md", []),
    ("ict-samenwerking-lopend.yaml", "ict-samenwerking-lopend-met-variant.md",
     ["--variant", str(CASES / "varianten" / "ict-met-herstelplan.yaml")]),
])
def test_markdown_is_gelijk_aan_het_beoordeelde_voorbeeld(tmp_path, casus, golden, extra):
    """Een verschil hier is een verandering in het collegevoorstel: bekijk hem en werk het voorbeeld bij
    (samenwerkingstoets collegeadvies ... --formaat markdown --datum 2026-11-22 -o tests/golden/...)."""
    pad = maak(tmp_path, casus, "markdown", *extra)
    assert pad.read_text(encoding="utf-8") == (GOLDEN / golden).read_text(encoding="utf-8")


def test_met_varianten_komen_de_alternatieven_als_tabel_in_het_voorstel(tmp_path):
    word = Document(str(maak(tmp_path, "ict-samenwerking-lopend.yaml", "docx", "--variant",
                             str(CASES / "varianten" / "ict-met-herstelplan.yaml"))))
    assert "Alternatieven" in [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    kolommen = [c.text for c in next(t for t in word.tables if t.rows[0].cells[0].text == "").rows[0].cells]
    assert kolommen == ["", "ICT-samenwerking twee gemeenten", "ICT-samenwerking met businesscase en herstelplan"]


def test_zelfde_invoer_geeft_hetzelfde_document(tmp_path):
    for formaat in ("markdown", "html"):
        a = maak(tmp_path, "ggd-zonder-grip-lopend.yaml", formaat, naam=f"a.{formaat}")
        b = maak(tmp_path, "ggd-zonder-grip-lopend.yaml", formaat, naam=f"b.{formaat}")
        assert a.read_bytes() == b.read_bytes()
    a = maak(tmp_path, "ggd-zonder-grip-lopend.yaml", "docx", naam="a.docx")
    b = maak(tmp_path, "ggd-zonder-grip-lopend.yaml", "docx", naam="b.docx")
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        for naam in ("word/document.xml", "docProps/core.xml"):
            assert za.read(naam) == zb.read(naam)


def test_het_stempel_noemt_datum_pakket_casushash_en_programmaversie(tmp_path):
    tekst = maak(tmp_path, "regionaal-archief-lopend.yaml", "markdown").read_text(encoding="utf-8")
    assert "Opgesteld op: 22 november 2026" in tekst
    assert "Regelpakket: alkmaar 1.6.0 (inhoudshash " in tekst
    assert "Casusbestand: regionaal-archief-lopend.yaml (sha256 " in tekst
    assert "Programma: samenwerkingstoets " in tekst


def test_een_bestaand_bestand_wordt_niet_overschreven_zonder_overschrijf(tmp_path):
    doel = tmp_path / "voorstel.md"
    doel.write_text("mijn eigen tekst", encoding="utf-8")
    r = run("collegeadvies", str(CASES / "regionaal-archief-lopend.yaml"), "--formaat", "markdown", "-o", str(doel))
    assert r.exit_code == 2 and "bestaat al" in r.output and "--overschrijf" in r.output
    assert doel.read_text(encoding="utf-8") == "mijn eigen tekst"
    r = run("collegeadvies", str(CASES / "regionaal-archief-lopend.yaml"), "--formaat", "markdown", "-o", str(doel),
            "--overschrijf")
    assert r.exit_code == 0 and doel.read_text(encoding="utf-8").startswith("# Collegevoorstel")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["voorstel.md"], "geen tijdelijke bestanden achterlaten"


@pytest.mark.parametrize("doel, verwacht", [
    ("bestaat-niet/voorstel.docx", "De map"),
    ("voorstel.html", "eindigt op .html, maar het formaat is docx"),
    (".", "is een map"),
])
def test_een_onmogelijk_doel_is_een_nederlandse_fout_en_er_wordt_niets_geschreven(tmp_path, doel, verwacht):
    pad = tmp_path / doel
    r = run("collegeadvies", str(CASES / "regionaal-archief-lopend.yaml"), "--formaat", "docx", "-o", str(pad))
    assert r.exit_code == 2, r.output
    assert r.output.startswith("Fout: ") and verwacht in r.output
    assert list(tmp_path.iterdir()) == []


def test_een_plek_zonder_schrijfrechten_is_een_nederlandse_fout():
    r = run("collegeadvies", str(CASES / "regionaal-archief-lopend.yaml"), "--formaat", "markdown",
            "-o", "/proc/voorstel.md")
    assert r.exit_code == 2 and "Kan niet schrijven naar '/proc/voorstel.md'" in r.output


def test_een_foute_casus_schrijft_geen_bestand(tmp_path):
    casus = tmp_path / "casus.yaml"
    casus.write_text("naam: x\nfase: voorstell\n", encoding="utf-8")
    r = run("collegeadvies", str(casus), "--formaat", "docx", "-o", str(tmp_path / "uit.docx"))
    assert r.exit_code == 2 and "Bedoelde u 'voorstel'?" in r.output
    assert not (tmp_path / "uit.docx").exists()


def test_golden_bestanden_horen_bij_de_voorbeeldcasussen():
    assert sorted(p.name for p in GOLDEN.glob("*.md")) == sorted(
        ["regionale-inkoop-jeugdzorg.md", "omgevingsdienst-lopend.md", "ict-samenwerking-lopend.md",
         "ict-samenwerking-lopend-met-variant.md"])
    assert all(Path(CASES / p.name.replace("-met-variant", "").replace(".md", ".yaml")).exists()
               for p in GOLDEN.glob("*.md"))


def test_een_verkeerde_datum_is_een_nederlandse_gebruiksfout(tmp_path):
    r = run("collegeadvies", str(CASES / "regionaal-archief-lopend.yaml"), "--formaat", "docx",
            "-o", str(tmp_path / "x.docx"), "--datum", "22-11-2026")
    assert r.exit_code == 2 and "'22-11-2026' is geen datum in de vorm JJJJ-MM-DD." in r.output
    assert not (tmp_path / "x.docx").exists()


def test_het_worddocument_is_a4_nederlands_met_eigen_eigenschappen_en_paginanummers(tmp_path):
    import zipfile

    pad = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx")
    word = Document(str(pad))
    sectie = word.sections[0]
    assert round(sectie.page_width.cm, 1) == 21.0 and round(sectie.page_height.cm, 1) == 29.7
    eigenschappen = word.core_properties
    assert eigenschappen.language == "nl-NL" and eigenschappen.title.startswith("Collegevoorstel")
    assert "python-docx" not in (eigenschappen.comments or "") + (eigenschappen.author or "")
    onderdelen = zipfile.ZipFile(pad)
    assert b'w:val="nl-NL"' in onderdelen.read("word/styles.xml")
    assert any(b"PAGE" in onderdelen.read(n) for n in onderdelen.namelist() if n.startswith("word/footer"))


def test_twee_keer_dezelfde_invoer_en_datum_geeft_een_byte_gelijk_worddocument(tmp_path):
    (tmp_path / "een").mkdir()
    (tmp_path / "twee").mkdir()
    een = maak(tmp_path / "een", "ict-samenwerking-lopend.yaml", "docx")
    twee = maak(tmp_path / "twee", "ict-samenwerking-lopend.yaml", "docx")
    assert een.read_bytes() == twee.read_bytes()


def test_het_formaat_volgt_de_extensie_of_moet_erbij_passen(tmp_path):
    r = run("collegeadvies", str(CASES / "omgevingsdienst-lopend.yaml"), "-o", str(tmp_path / "v.docx"))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "v.docx").read_bytes()[:2] == b"PK"
    r = run("collegeadvies", str(CASES / "omgevingsdienst-lopend.yaml"), "-o", str(tmp_path / "v.pdf"),
            "--formaat", "docx")
    assert r.exit_code == 2 and "eindigt op .pdf" in r.output and not (tmp_path / "v.pdf").exists()


@pytest.mark.parametrize("casus", ["ict-samenwerking-lopend.yaml", "netwerk-zonder-opgave.yaml",
                                   "omgevingsdienst-lopend.yaml"])
def test_beslispunten_en_bronnen_noemen_geen_codes_regel_ids_of_bestandsnamen(tmp_path, casus):
    import re

    tekst = maak(tmp_path, casus, "markdown").read_text(encoding="utf-8")
    beslispunten = tekst.split("## Beslispunten")[1].split("\n## ")[0]
    assert not re.search(r"\b(VIS|SF|RA|BE|TE|JV|EV|FI)-[A-Z]*\d", beslispunten), beslispunten
    bronnen = tekst.split("Bijlage 3. Bronnen")[1]
    assert ".txt" not in bronnen


def _argumenten(tekst: str) -> list[str]:
    """De argumenten bij beslispunt 1 in de hoofdtekst (1.1, 1.2, ...), zonder hun nummer."""
    sectie = tekst.split("## Argumenten")[1].split("\n## ")[0]
    return [r[4:].replace("\\", "") for r in sectie.splitlines() if r.startswith("1.") and r[2:3].isdigit()]


def _effect_van(argument: str, advies: dict) -> set[str]:
    """Van welke effecten de bevindingen zijn waarvan de uitleg in dit argument staat."""
    return {b["effect"] for b in advies["bevindingen"] if " ".join(b["uitleg"].split()) in argument}


def test_bij_een_negatief_advies_zijn_de_argumenten_de_blokkerende_bevindingen(tmp_path):
    tekst = maak(tmp_path, "ict-samenwerking-lopend.yaml", "markdown").read_text(encoding="utf-8")
    advies = advies_van("ict-samenwerking-lopend.yaml")
    argumenten = _argumenten(tekst)
    assert argumenten and all(_effect_van(a, advies) == {"blokkerend"} for a in argumenten), argumenten
    assert "### Wat verloren gaat" in tekst


def test_bij_nog_geen_advies_is_het_voorstel_een_informatienotitie_zonder_besluit(tmp_path):
    casus = tmp_path / "vaag.yaml"
    casus.write_text("naam: Afval\nfase: voorstel\nopgave: {omschrijving: Samen iets met afval}\n", encoding="utf-8")
    uit = tmp_path / "notitie.md"
    r = run("collegeadvies", str(casus), "-o", str(uit))
    assert r.exit_code == 0, r.output
    tekst = uit.read_text(encoding="utf-8")
    assert tekst.startswith("# Informatienotitie: Afval")
    assert "nog geen besluit te nemen over deelname aan Afval" in tekst
    assert "## Wat eerst uitgezocht moet worden" in tekst
    uitzoeken = tekst.split("## Wat eerst uitgezocht moet worden")[1].split("\n## ")[0]
    vragen = [r for r in uitzoeken.splitlines() if r[:1].isdigit()]
    assert vragen and all("Uitzoeken door: " in v for v in vragen), "bij elke vraag staat wie haar uitzoekt"
    for besluit in ("In te stemmen met", "Voornemens te zijn", "Niet deel te nemen", "te beëindigen",
                    "voort te zetten"):
        assert besluit not in tekst
    for sectie in ("## Argumenten", "## Alternatieven"):
        assert sectie not in tekst


def test_beeindigen_van_een_gemeenschappelijke_regeling_vraagt_toestemming_van_de_raad(tmp_path):
    tekst = maak(tmp_path, "ambtelijke-werkorganisatie-lopend.yaml", "markdown").read_text(encoding="utf-8")
    beslispunten = tekst.split("## Beslispunten")[1].split("\n## ")[0]
    assert "voor zienswijze en toestemming aan de raad voor te leggen" in beslispunten
    # sinds 1 juli 2022: toestemming in het vierde lid, en 'treffen' omvat uittreden (vijfde lid); het tweede lid
    # gaat over het ontwerp, dus 'art. 1 lid 2' voor toestemming is de oude nummering
    assert "art. 1, tweede tot en met vijfde lid, Wgr" in beslispunten and "lid 2" not in tekst


def _hoofdtekst(tekst: str) -> str:
    return tekst.split("## Bijlagen")[0]


ALLE_VOORBEELDEN = sorted(p.name for p in CASES.glob("*.yaml"))


@pytest.mark.parametrize("casus", ALLE_VOORBEELDEN)
def test_de_hoofdtekst_noemt_geen_codes_regel_ids_of_bestandsnamen_en_citeert_titel_en_sectie(tmp_path, casus):
    import re

    from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_regelpakket

    volledig = maak(tmp_path, casus, "markdown").read_text(encoding="utf-8")
    hoofd = _hoofdtekst(volledig)
    advies = advies_van(casus)
    assert not re.search(r"\b(VIS|SF|RA|BE|TE|JV|EV|FI|UV|ST|PS|EK|RH|UP|OL|TW|CG)-[A-Z]*\d", hoofd)
    for bevinding in advies["bevindingen"]:
        assert bevinding["regel"] not in hoofd.replace("\\", ""), bevinding["regel"]
    assert not re.search(r"\.(txt|yaml|yml|py)\b", hoofd), "een bestandsnaam in de hoofdtekst"
    assert "Verwacht advies" not in hoofd
    # De hoofdtekst leest door zonder bronlabel achter elk punt; elke bron staat in bijlage 1 (per punt) en 3.
    assert "(Bron:" not in hoofd
    bijlage = volledig.split("## Bijlagen")[1]
    pakket = lees_regelpakket(STANDAARDPAKKET)
    for bevinding in advies["bevindingen"]:
        titel = pakket.kop.bronnen[bevinding["bron"]["verwijzing"].partition("#")[0]].titel
        assert titel in bijlage, titel


@pytest.mark.parametrize("casus", ALLE_VOORBEELDEN)
def test_de_argumenten_volgen_het_advies_bij_elk_voorbeeld(tmp_path, casus):
    tekst = maak(tmp_path, casus, "markdown").read_text(encoding="utf-8")
    advies = advies_van(casus)
    verwacht = "blokkerend" if advies["advies"] in ("niet_aangaan", "beeindigen") else "sterkte"
    argumenten = _argumenten(tekst)
    assert argumenten
    for argument in argumenten:
        assert _effect_van(argument, advies) == {verwacht}, (advies["advies"], argument)


@pytest.mark.parametrize("casus", ALLE_VOORBEELDEN)
def test_de_hoofdtekst_van_elk_voorbeeld_past_op_vier_a4(tmp_path, casus):
    """Gemeten met LibreOffice (scripts/paginas.py, met een bredere vervanger voor Calibri): de langste hoofdtekst,
    1.338 woorden met kop, kader, planning, koppen en lijsten (de GGD), vult vier A4-pagina's; de tabellen staan
    compact. Zo blijft 1.350 woorden (in Markdown geteld) binnen vier, zonder LibreOffice in de testsuite."""
    hoofd = _hoofdtekst(maak(tmp_path, casus, "markdown").read_text(encoding="utf-8"))
    assert len(hoofd.split()) <= 1_350


def _koptekst_en_marges(pad):
    word = Document(str(pad))
    sectie = word.sections[0]
    return word, " ".join(p.text for p in sectie.header.paragraphs), sectie.left_margin


def _gemeentesjabloon(pad: Path, dotx: bool = True, zonder_stijlen: bool = False) -> Path:
    """Een huisstijlsjabloon zoals een gemeente het heeft: eigen koptekst, marges, voettekst en voorbeeldtekst."""
    from docx.shared import Cm

    word = Document()
    sectie = word.sections[0]
    sectie.left_margin = sectie.right_margin = Cm(3.1)
    sectie.header.paragraphs[0].text = "Gemeente Testdorp - collegevoorstel"
    sectie.footer.paragraphs[0].text = "Testdorp, afdeling Bestuur"
    word.add_paragraph("VOORBEELDTEKST VAN HET SJABLOON")
    if zonder_stijlen:
        for naam in ("List Number", "List Bullet", "Title", "Heading 1", "Heading 2", "Table Grid"):
            word.styles[naam].element.getparent().remove(word.styles[naam].element)
    word.save(str(pad))
    if dotx:
        inhoud = zipfile.ZipFile(pad)
        bestanden = {n: inhoud.read(n) for n in inhoud.namelist()}
        bestanden["[Content_Types].xml"] = bestanden["[Content_Types].xml"].replace(
            b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
        with zipfile.ZipFile(pad, "w") as uit:
            for naam, data in bestanden.items():
                uit.writestr(naam, data)
    return pad


def test_met_het_sjabloon_van_de_gemeente_blijven_haar_koptekst_voettekst_en_marges(tmp_path):
    sjabloon = _gemeentesjabloon(tmp_path / "huisstijl.dotx")
    uit = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx", "--sjabloon", str(sjabloon))
    word, koptekst, marge = _koptekst_en_marges(uit)
    assert koptekst.startswith("Gemeente Testdorp - collegevoorstel")
    assert round(marge.cm, 1) == 3.1
    assert "Testdorp, afdeling Bestuur" in " ".join(p.text for p in word.sections[0].footer.paragraphs)
    tekst = [p.text for p in word.paragraphs]
    assert "VOORBEELDTEKST VAN HET SJABLOON" not in tekst
    assert tekst[0] == "Collegevoorstel: Omgevingsdienst Noord-Holland Noord"
    assert word.core_properties.title == tekst[0] and "python-docx" not in (word.core_properties.comments or "")
    with zipfile.ZipFile(uit) as z:
        assert b'w:val="nl-NL"' in z.read("word/styles.xml")
    tweede = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx", "--sjabloon", str(sjabloon), naam="tweede.docx")
    assert uit.read_bytes() == tweede.read_bytes()


def test_het_standaardsjabloon_heeft_concept_in_de_koptekst_en_paginanummers(tmp_path):
    uit = maak(tmp_path, "regionale-inkoop-jeugdzorg.yaml", "docx")
    word, koptekst, _ = _koptekst_en_marges(uit)
    assert koptekst == "Concept"
    assert 'w:instr="PAGE"' in zipfile.ZipFile(uit).read("word/footer1.xml").decode()


def test_met_een_huisstijl_zonder_concept_en_paginanummer_krijgt_elke_pagina_ze_toch(tmp_path):
    """Het sjabloon van Testdorp heeft een eigen koptekst en een voettekst zonder paginanummer: het voorstel blijft
    zichtbaar een concept en elke pagina krijgt een nummer; de huisstijl zelf blijft staan."""
    sjabloon = _gemeentesjabloon(tmp_path / "huisstijl.dotx")
    uit = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx", "--sjabloon", str(sjabloon))
    word, koptekst, _ = _koptekst_en_marges(uit)
    assert "Gemeente Testdorp - collegevoorstel" in koptekst and "Concept" in koptekst
    voet = zipfile.ZipFile(uit).read("word/footer1.xml").decode()
    assert 'w:instr="PAGE"' in voet and "Testdorp, afdeling Bestuur" in voet


def test_een_huisstijl_die_al_concept_en_paginanummers_heeft_krijgt_ze_niet_dubbel(tmp_path):
    uit = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx")
    sjabloon = tmp_path / "al-goed.docx"
    sjabloon.write_bytes(uit.read_bytes())  # een document met 'Concept' en 'Pagina N van M'
    tweede = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx", "--sjabloon", str(sjabloon), naam="tweede.docx")
    _, koptekst, _ = _koptekst_en_marges(tweede)
    assert koptekst.lower().count("concept") == 1
    assert zipfile.ZipFile(tweede).read("word/footer1.xml").decode().count('w:instr="PAGE"') == 1


def test_een_sjabloon_zonder_kop_en_lijststijlen_geeft_toch_een_leesbaar_document(tmp_path):
    sjabloon = _gemeentesjabloon(tmp_path / "kaal.docx", dotx=False, zonder_stijlen=True)
    uit = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx", "--sjabloon", str(sjabloon))
    tekst = [p.text for p in Document(str(uit)).paragraphs]
    assert "Beslispunten" in tekst
    assert any(t.startswith("1. De deelname aan Omgevingsdienst") for t in tekst), "beslispunten zijn genummerd"


def test_elke_genummerde_lijst_begint_bij_een_en_de_beslispunten_lopen_door_na_de_voorwaarden(tmp_path):
    casus = tmp_path / "vaag.yaml"
    casus.write_text("naam: Afval\nfase: voorstel\nopgave: {omschrijving: onbekend}\n", encoding="utf-8")
    uit = tmp_path / "notitie.docx"
    assert run("collegeadvies", str(casus), "-o", str(uit), "--datum", "2026-11-22").exit_code == 0
    # een voorstel met voorwaarden: beslispunt 1, de voorwaarden als opsomming, dan beslispunt 2
    voorstel = maak(tmp_path, "omgevingsdienst-lopend.yaml", "docx")
    for pad, starts in ((uit, [1, 2, 1]), (voorstel, [1, 2])):
        word = Document(str(pad))
        lijsten = list(dict.fromkeys(p._p.pPr.numPr.numId.val for p in word.paragraphs
                                     if p.style.name == "List Number"))
        nummering = word.part.numbering_part.element
        gevonden = [int(nummering.num_having_numId(n).xpath("./w:lvlOverride/w:startOverride/@w:val")[0])
                    for n in lijsten]
        assert gevonden == starts, (pad.name, gevonden)


@pytest.mark.parametrize("inhoud, melding", [
    (b"dit is geen word", "geen Word-document"),
    (b"", "geen Word-document"),
])
def test_een_onbruikbaar_sjabloon_is_een_nederlandse_fout_en_er_wordt_niets_geschreven(tmp_path, inhoud, melding):
    sjabloon = tmp_path / "sjabloon.docx"
    sjabloon.write_bytes(inhoud)
    uit = tmp_path / "v.docx"
    r = run("collegeadvies", str(CASES / "omgevingsdienst-lopend.yaml"), "-o", str(uit), "--sjabloon", str(sjabloon))
    assert r.exit_code == 2 and melding in r.output and "Traceback" not in r.output
    assert not uit.exists()


def test_een_zip_zonder_word_of_een_zipbom_als_sjabloon_wordt_geweigerd(tmp_path):
    gewoon = tmp_path / "archief.docx"
    with zipfile.ZipFile(gewoon, "w") as z:
        z.writestr("leesmij.txt", "hallo")
    bom = tmp_path / "bom.docx"
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<x/>")
        z.writestr("word/document.xml", b"\0" * 120_000_000)
    for pad, melding in ((gewoon, "geen Word-document"), (bom, "uitgepakt te groot")):
        r = run("collegeadvies", str(CASES / "omgevingsdienst-lopend.yaml"), "-o", str(tmp_path / "v.docx"),
                "--sjabloon", str(pad))
        assert r.exit_code == 2 and melding in r.output, r.output
    for pad in (tmp_path, "/dev/zero"):
        r = run("collegeadvies", str(CASES / "omgevingsdienst-lopend.yaml"), "-o", str(tmp_path / "v.docx"),
                "--sjabloon", str(pad))
        assert r.exit_code == 2 and "Traceback" not in r.output
    assert not (tmp_path / "v.docx").exists()


def test_een_sjabloon_bij_markdown_is_een_gebruiksfout(tmp_path):
    sjabloon = _gemeentesjabloon(tmp_path / "huisstijl.docx", dotx=False)
    r = run("collegeadvies", str(CASES / "omgevingsdienst-lopend.yaml"), "-o", str(tmp_path / "v.md"),
            "--sjabloon", str(sjabloon))
    assert r.exit_code == 2 and "alleen voor een Word-document" in r.output
    assert not (tmp_path / "v.md").exists()


def test_een_voorstel_voor_een_gemeenschappelijke_regeling_vraagt_zienswijze_en_toestemming_van_de_raad(tmp_path):
    tekst = maak(tmp_path, "regionale-inkoop-jeugdzorg.yaml", "markdown").read_text(encoding="utf-8")
    beslispunten = tekst.split("## Beslispunten")[1].split("\n## ")[0]
    assert "voor zienswijze en toestemming aan de raad voor te leggen" in beslispunten
    argument = tekst.split("## Argumenten")[1].split("\n## ")[0].split("\n2.1 ")[1]
    assert "zienswijze" in argument and "toestemming" in argument
    juridisch = tekst.split("## Juridische aspecten")[1].split("\n## ")[0]
    assert "uittreden" in juridisch and "evaluatie" in juridisch \
        and "art. 1, tweede tot en met vierde lid, Wgr" in juridisch


def test_grafieken_worden_zonder_pyplot_getekend_en_gelijktijdig_gelijk():
    """pyplot houdt een globale toestand bij die niet veilig is in de threads van de webserver: de grafieken
    gebruiken hem niet, en acht grafieken tegelijk in threads zijn byte voor byte gelijk aan één alleen."""
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from samenwerkingstoets.engine.weergave.grafiek import verdeling_png

    code = ("import sys; from samenwerkingstoets.engine.weergave.grafiek import verdeling_png; "
            "verdeling_png('t', ['a', 'b'], {'x': [1, 2]}, {}); print('matplotlib.pyplot' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
    maak = lambda i: verdeling_png("Thema's", ["zorg", "wonen", "veiligheid"], {"aangaan": [1, 2, 3]}, {})  # noqa: E731
    alleen = maak(0)
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(maak, range(8))) == {alleen}
