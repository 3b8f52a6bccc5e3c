# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het collegevoorstel als stuk dat college en raad gebruiken: kop en samenvatting, genummerde argumenten bij hun
beslispunt, alternatieven met voor- en nadelen, het geld volledig, een planning, één kader met wat nog uitgezocht
moet worden, en een concept-raadsvoorstel als de raad meebeslist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from samenwerkingstoets.cli import cli
from conftest import CASES

ALLE = sorted(p.name for p in CASES.glob("*.yaml"))


def memo(tmp_path: Path, casus: str | Path, **wijziging) -> str:
    bron = Path(casus) if Path(casus).is_absolute() else CASES / casus
    if wijziging:
        data = yaml.safe_load(bron.read_text(encoding="utf-8"))
        for pad, waarde in wijziging.items():
            doel = data
            *groepen, naam = pad.split("__")
            for g in groepen:
                doel = doel.setdefault(g, {})
            doel[naam] = waarde
        bron = tmp_path / "casus.yaml"
        bron.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    uit = tmp_path / "voorstel.md"
    r = CliRunner().invoke(cli, ["collegeadvies", str(bron), "-o", str(uit), "--datum", "2026-11-22",
                                 "--overschrijf"])
    assert r.exit_code == 0, r.output
    return uit.read_text(encoding="utf-8")


def sectie(tekst: str, kop: str) -> str:
    return tekst.split(f"## {kop}\n")[1].split("\n## ")[0]


@pytest.mark.parametrize("casus", ALLE)
def test_elk_voorstel_opent_met_de_kop_en_een_samenvatting_van_hooguit_vijf_zinnen(tmp_path, casus):
    tekst = memo(tmp_path, casus)
    kop = tekst.split("## Samenvatting")[0]
    for veld in ("Portefeuillehouder", "Steller", "Afdeling", "Datum", "Zaaknummer", "Openbaar"):
        assert f"| {veld}" in kop, veld
    zinnen = [z for z in re.split(r"(?<=[.?!])\s+", sectie(tekst, "Samenvatting").strip()) if z]
    assert 1 <= len(zinnen) <= 5, zinnen


def test_de_kop_neemt_over_wat_de_casus_geeft_en_laat_de_rest_leeg(tmp_path):
    tekst = memo(tmp_path, "regionale-inkoop-jeugdzorg.yaml",
                 collegevoorstel__portefeuillehouder="wethouder J. de Vries", collegevoorstel__zaaknummer="Z/26/1234",
                 collegevoorstel__openbaar="ja")
    kop = tekst.split("## Samenvatting")[0]
    assert re.search(r"\| Portefeuillehouder +\| wethouder J\. de Vries", kop)
    assert re.search(r"\| Zaaknummer +\| Z/26/1234", kop) and re.search(r"\| Openbaar +\| ja", kop)
    assert re.search(r"\| Steller +\| +\|", kop), "geen steller in de casus: het veld blijft leeg"


@pytest.mark.parametrize("casus", ALLE)
def test_elk_argument_en_elke_kanttekening_noemt_het_beslispunt_waar_het_bij_hoort(tmp_path, casus):
    tekst = memo(tmp_path, casus)
    if "## Argumenten" not in tekst:  # een informatienotitie heeft geen besluit en dus geen argumenten
        return
    for naam in ("Argumenten", "Kanttekeningen en risico's"):
        regels = [r for r in sectie(tekst, naam).splitlines()
                  if r.strip() and not r.startswith(("#", "Bijlage 1 noemt", "De "))]
        assert regels and all(re.match(r"[12]\.\d+ ", r) for r in regels if not r.startswith("- ")), (naam, regels)


def test_beslist_de_raad_mee_dan_is_er_een_argument_bij_beslispunt_2(tmp_path):
    tekst = memo(tmp_path, "regionale-inkoop-jeugdzorg.yaml")
    assert re.search(r"^2\.1 De raad krijgt het ontwerp", sectie(tekst, "Argumenten"), flags=re.M)


@pytest.mark.parametrize("casus", ALLE)
def test_elk_alternatief_heeft_een_voordeel_en_een_nadeel(tmp_path, casus):
    tekst = memo(tmp_path, casus)
    if "## Alternatieven" not in tekst:
        return
    items = [r for r in sectie(tekst, "Alternatieven").splitlines() if r.startswith("- ")]
    assert items and all("Voordeel: " in i and "Nadeel: " in i and "::" not in i for i in items), items


def test_bij_beeindigen_staan_de_kosten_van_het_uittreden_met_grondslag_datum_personeel_en_taken(tmp_path):
    tekst = memo(tmp_path, "ict-samenwerking-lopend.yaml", uittreding__uittreedsom="420.000",
                 uittreding__grondslag="raming van de controller op basis van de opzegtermijn",
                 uittreding__datum="2027-07-01", uittreding__personeel="twee medewerkers gaan over naar Heiloo",
                 uittreding__taken_naar="de eigen ICT-afdeling")
    financien = sectie(tekst, "Financiën")
    assert "Het uittreden kost € 420.000 (raming van de controller op basis van de opzegtermijn)." in financien
    assert "1 juli 2027" in financien and "twee medewerkers" in financien and "eigen ICT-afdeling" in financien
    assert "Wat kost het uittreden" not in tekst


def test_bij_beeindigen_zonder_bedrag_is_het_uittreden_een_open_punt_en_wordt_niets_verzonnen(tmp_path):
    tekst = memo(tmp_path, "ict-samenwerking-lopend.yaml")
    assert "Wat het uittreden kost, is nog te bepalen." in sectie(tekst, "Financiën")
    kader = tekst.split("## Samenvatting")[0]
    assert "Nog uit te zoeken voor verzending" in kader and "Wat kost het uittreden" in kader


def test_de_financien_van_een_lopende_regeling_geven_aandeel_vermogen_en_resultaat(tmp_path):
    tekst = memo(tmp_path, "ggd-zonder-grip-lopend.yaml")
    financien = sectie(tekst, "Financiën")
    assert "€ 3.100.000 per jaar, structureel" in financien and "meerjarenbegroting is dat € 12.400.000" in financien
    assert "aandeel van de gemeente in de regeling is 16,4%" in financien
    assert "een tekort van € 850.000" in financien


def test_beslist_de_raad_mee_dan_hoort_er_een_concept_raadsvoorstel_en_raadsbesluit_bij(tmp_path):
    tekst = memo(tmp_path, "regionale-inkoop-jeugdzorg.yaml")
    raadsvoorstel = tekst.split("### Bijlage 4. Concept-raadsvoorstel")[1].split("### Bijlage 5.")[0]
    assert "De raad besluit:" in raadsvoorstel and "Toestemming te geven voor het treffen van de regeling voor " \
        "Regionale inkoop jeugdzorg en Wmo." in raadsvoorstel
    besluit = tekst.split("### Bijlage 5. Concept-raadsbesluit")[1]
    assert "De raad van de gemeente Alkmaar;" in besluit and "besluit:" in besluit
    assert "gelet op artikel 1, tweede tot en met vierde lid, van de Wet gemeenschappelijke regelingen;" in besluit
    assert besluit.index("geen zienswijze naar voren te brengen") < besluit.index("Toestemming te geven")


def test_gaat_het_om_een_wijziging_die_nog_ontworpen_wordt_dan_komt_het_raadsvoorstel_later(tmp_path):
    tekst = memo(tmp_path, "omgevingsdienst-lopend.yaml")
    assert "zodra het bestuur van de regeling het heeft" in sectie(tekst, "Beslispunten")
    assert "Concept-raadsvoorstel" not in tekst


def test_bij_een_negatief_advies_noemt_de_samenvatting_de_bevinding_en_niet_de_naam_van_de_norm(tmp_path):
    samenvatting = sectie(memo(tmp_path, "ambtelijke-werkorganisatie-lopend.yaml"), "Samenvatting")
    assert "De belangrijkste reden: de doelen van de samenwerking zijn niet gehaald" in samenvatting
    assert "doelen gerealiseerd" not in samenvatting.lower()


def test_wordt_de_raad_alleen_geinformeerd_dan_is_er_geen_raadsvoorstel(tmp_path):
    tekst = memo(tmp_path, "ict-samenwerking-lopend.yaml")
    assert "Concept-raadsvoorstel" not in tekst and "Raadsinformatiebrief" in sectie(tekst, "Planning")


@pytest.mark.parametrize("casus", ALLE)
def test_de_hoofdtekst_heeft_geen_bronlabels_en_geen_lege_kanttekeningen(tmp_path, casus):
    hoofd = memo(tmp_path, casus).split("## Bijlagen")[0]
    assert "(Bron:" not in hoofd and "De toets vond" not in hoofd


def _zinnen_van_het_programma(tekst: str, casus: str) -> list[list[str]]:
    """De zinnen van de lopende hoofdtekst (geen koppen, geen tabellen), in woorden. Wat de adviseur zelf schreef
    (de naam, de omschrijving, de opgave, de partners, de risico's) telt als één woord: de toets meet de taal van
    het programma en het regelpakket, niet die van de adviseur."""
    data = yaml.safe_load((CASES / casus).read_text(encoding="utf-8"))
    eigen = [data.get("naam"), data.get("omschrijving"), (data.get("opgave") or {}).get("omschrijving"),
             (data.get("verbonden_partij") or {}).get("risicos"),
             *[p.get("naam") for p in data.get("partners") or [] if isinstance(p, dict)]]
    hoofd = tekst.split("## Bijlagen")[0].split("## Samenvatting")[1]
    lopend = "\n".join(r for r in hoofd.splitlines() if r.strip() and not r.startswith(("#", "|")))
    for stuk in sorted((" ".join(str(e).split()).rstrip(".") for e in eigen if isinstance(e, str) and e.strip()),
                       key=len, reverse=True):
        lopend = lopend.replace(stuk, "X").replace(stuk[:1].lower() + stuk[1:], "X")
    lopend = re.sub(r"^(- |\d+\. |\d+\.\d+ )", "", lopend, flags=re.M)
    lopend = re.sub(r"\(art\.[^)]*\)", "", lopend)  # een wetsverwijzing tussen haakjes is geen zinsdeel
    zinnen = [z.split() for z in re.split(r"(?<=[.?!])\s+|\n", lopend)]
    return [z for z in zinnen if z]


@pytest.mark.parametrize("casus", ALLE)
def test_de_hoofdtekst_is_in_korte_zinnen_gemiddeld_hooguit_15_woorden_en_geen_zin_boven_25(tmp_path, casus):
    zinnen = _zinnen_van_het_programma(memo(tmp_path, casus), casus)
    gemiddeld = sum(map(len, zinnen)) / len(zinnen)
    te_lang = [" ".join(z) for z in zinnen if len(z) > 25]
    assert gemiddeld <= 15, gemiddeld
    assert not te_lang, te_lang
