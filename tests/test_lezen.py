# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De snelle weg van de lezer (gebeurtenissen van libyaml rechtstreeks naar data) geeft precies wat de
volledige lader van PyYAML geeft, of geeft het op; nooit iets anders."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CASES, voorbeelden
from samenwerkingstoets.engine import laden
from samenwerkingstoets.engine.fouten import YamlFout
from samenwerkingstoets.engine.waarden import Kommagetal
from strategie import rommel

# Gewone waarden die YAML 1.1 niet als tekst leest, of net wel: de plekken waar een lezer kan afwijken.
LASTIG = ["ja", "nee", "no", "No", "yes", "on", "OFF", "y", "n", "~", "null", "", "true", "False", "750.000",
          "1.450.000", "750.000,50", "1_000", "0x1F", "0o17", "017", "0b101", "1:20", "190:20:30.15", ".5", "1e3",
          "1.0e+3", "-.inf", ".NaN", "2026-11-01", "2026-11-01 10:00:00", "2026-1-1", "+12", "-0", "<<", "=",
          "onbekend", "€ 750.000", "1,5 miljoen", "'ja'", '"no"', "!!str 12", "! 12", "&a 1", "*a", "[a, b]",
          "{a: 1}", "a: b", "- x", "? x", "|\n  blok\n", ">\n  gevouwen\n"]


def _gelijk(a, b) -> bool:
    """Gelijk, met dezelfde typen tot op de bodem (1 is geen True, een kommagetal onthoudt zijn tekst)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(_gelijk(x, y) and _gelijk(v, w)
                                        for (x, v), (y, w) in zip(a.items(), b.items()))
    if isinstance(a, list):
        return len(a) == len(b) and all(_gelijk(x, y) for x, y in zip(a, b))
    if isinstance(a, Kommagetal):
        return a.tekst == b.tekst and (a == b or a != a and b != b)
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    return a == b


def _volledig(tekst: str):
    try:
        return yaml.load(tekst, Loader=laden._Lader)
    except Exception as fout:  # noqa: BLE001 - de soort fout is wat vergeleken wordt
        return fout


def _controleer(tekst: str) -> bool:
    """True als de snelle weg het document zelf las (en dan gelijk aan de volledige lader)."""
    snel = laden._snel(tekst)
    if snel is laden._ANDERS:
        return False
    volledig = _volledig(tekst)
    assert not isinstance(volledig, Exception), f"de snelle weg las wat de volledige lader weigert: {tekst!r}"
    assert _gelijk(snel, volledig), f"verschil bij {tekst!r}: {snel!r} tegen {volledig!r}"
    return True


def test_elke_voorbeeldcasus_en_variant_leest_snel_en_precies_als_de_volledige_lader():
    bestanden = sorted(Path(CASES).rglob("*.yaml"))
    assert bestanden
    assert all(_controleer(p.read_text(encoding="utf-8")) for p in bestanden)


@pytest.mark.parametrize("waarde", LASTIG)
def test_een_lastige_waarde_leest_als_bij_de_volledige_lader(waarde):
    for tekst in (f"a: {waarde}\n", f"- {waarde}\n", f"a:\n  b: [{waarde}]\n", f"{waarde}: x\n"):
        _controleer(tekst)


def test_wat_alleen_de_volledige_lader_behandelt_gaat_daarheen():
    for tekst in ("a: 1\na: 2\n", "a: &x 1\nb: *x\n", "a: !!str 12\n", "<<: {a: 1}\n", "? [a]\n: b\n",
                  "a: 1\n---\nb: 2\n", "a: [1\n", "a: !!set {x}\n", "a: !!python/name:os.system x\n"):
        assert laden._snel(tekst) is laden._ANDERS, tekst


def test_een_bedrag_met_punten_onthoudt_ook_via_de_snelle_weg_zijn_tekst():
    data = laden._snel("bedrag: 750.000\n")
    assert isinstance(data["bedrag"], Kommagetal) and data["bedrag"].tekst == "750.000"


def test_een_dubbel_veld_krijgt_via_de_volledige_lader_zijn_melding_met_regels(tmp_path):
    pad = tmp_path / "dubbel.yaml"
    pad.write_text("naam: a\nfase: voorstel\nnaam: b\n", encoding="utf-8")
    with pytest.raises(YamlFout) as fout:
        laden.lees_yaml(pad)
    assert fout.value.meldingen[0].regel == 3 and "regel 1" in fout.value.meldingen[0].tekst


_stijl = st.sampled_from([None, False, True])


@settings(max_examples=voorbeelden(300), deadline=None)
@given(data=rommel, stijl=_stijl)
def test_willekeurige_data_leest_via_beide_wegen_hetzelfde(data, stijl):
    try:
        tekst = yaml.safe_dump(data, allow_unicode=True, default_flow_style=stijl)
    except yaml.YAMLError:
        return
    assert _controleer(tekst) or isinstance(_volledig(tekst), Exception) or laden._snel(tekst) is laden._ANDERS


_los = st.one_of(st.sampled_from(LASTIG), st.text(alphabet="ajn0123456789.,:-_+ex~!&*'\"[]{}#", max_size=10))


@settings(max_examples=voorbeelden(400), deadline=None)
@given(sleutels=st.lists(st.sampled_from(["a", "b", "naam", "1", "ja", "no", "a b"]), min_size=1, max_size=4),
       waarden=st.lists(_los, min_size=1, max_size=4), inspringen=st.lists(st.booleans(), max_size=4))
def test_met_de_hand_geschreven_regels_lezen_via_beide_wegen_hetzelfde(sleutels, waarden, inspringen):
    regels = []
    for i, (sleutel, waarde) in enumerate(zip(sleutels, waarden)):
        diep = "  " if i < len(inspringen) and inspringen[i] and regels else ""
        regels.append(f"{diep}{sleutel}: {waarde}")
    _controleer("\n".join(regels) + "\n")


@pytest.mark.parametrize("waarde", ["0x_", "-0b_", "0x10"])
def test_een_geheel_getal_dat_geen_gewone_cijfers_zijn_blijft_tekst_op_beide_wegen(tmp_path, waarde):
    """'0x_' en '0x10' ziet de resolver (YAML 1.1) als geheel getal; ze blijven tekst, zodat het model ze weigert in
    plaats van ze stil om te zetten (of op int() te struikelen)."""
    assert laden._snel(f"a: {waarde}\n") == {"a": waarde}
    pad = tmp_path / "casus.yaml"
    pad.write_text(f"naam: x\nfase: voorstel\nonderbouwing: {{kosten_per_jaar: {waarde}}}\n", encoding="utf-8")
    assert laden.lees_yaml(pad).data["onderbouwing"]["kosten_per_jaar"] == waarde


@pytest.mark.parametrize("waarde", ["1" * 5000])
def test_een_getal_dat_python_niet_kan_omzetten_geeft_een_yamlfout_en_geen_interne_fout(tmp_path, waarde):
    """Een getal van duizenden cijfers weigert int(); dat wordt een YAML-fout."""
    assert laden._snel(f"a: {waarde}\n") is laden._ANDERS
    pad = tmp_path / "casus.yaml"
    pad.write_text(f"naam: x\nfase: voorstel\nonderbouwing: {{kosten_per_jaar: {waarde}}}\n", encoding="utf-8")
    with pytest.raises(YamlFout):
        laden.lees_yaml(pad)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="alleen waar /proc bestaat")
def test_een_bestand_dat_groter_is_dan_zijn_opgegeven_grootte_wordt_helemaal_gelezen_en_begrensd():
    """Het lezen vraagt zoveel bytes als het bestand groot is. Een bestand dat groter blijkt (intussen gegroeid; hier
    een bestand in /proc, dat zich als 0 bytes opgeeft) wordt toch helemaal gelezen, en boven de grens geweigerd."""
    from samenwerkingstoets.engine.fouten import BestandFout

    inhoud = laden.lees_bytes("/proc/self/status")
    assert len(inhoud) > 100 and inhoud.endswith(b"\n")
    with pytest.raises(BestandFout, match="te groot"):
        laden.lees_bytes("/proc/self/status", max_bytes=10)
