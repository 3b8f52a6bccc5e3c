# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis-strategieën: geldige casussen uit de veldcatalogus, en willekeurige rommel."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from samenwerkingstoets.engine.casus import ONBEKEND, SUCCESFACTOREN, catalogus
from samenwerkingstoets.engine.waarden import schone_tekst

CATALOGUS = catalogus()  # met de woorden van het standaardpakket

LEESBAAR = [v for v in CATALOGUS.values() if v.leesbaar and not v.afgeleid and "[]" not in v.pad
            and v.pad != "fase"]


def _waarde(veld):
    if veld.soort == "woord":
        return st.sampled_from(list(veld.waarden) + ["onbekend"])
    if veld.soort == "woorden":
        return st.lists(st.sampled_from(veld.waarden), unique=True, max_size=3)
    if veld.pad.rsplit(".", 1)[-1].startswith("jaar"):  # een jaartal (laatste evaluatie, jaar van de cijfers)
        return st.integers(min_value=1990, max_value=2030)
    if veld.pad in ("verbonden_partij.eigen_vermogen_begin", "verbonden_partij.eigen_vermogen_eind",
                    "verbonden_partij.resultaat"):  # een saldo mag negatief zijn
        return st.integers(min_value=-2_000_000, max_value=2_000_000)
    return st.integers(min_value=0, max_value=2_000_000)


def _zet(data: dict, pad: str, waarde) -> None:
    *groepen, naam = pad.split(".")
    for groep in groepen:
        data = data.setdefault(groep, {})
    data[naam] = waarde


@st.composite
def casussen(draw) -> dict:
    """Een geldige casus: elk leesbaar veld ontbreekt of heeft een geldige waarde."""
    data = {"naam": draw(st.text(min_size=1, max_size=20).filter(
        lambda t: re.search(r"[^\W_]", schone_tekst(t)) and schone_tekst(t).lower() != ONBEKEND)),
            "fase": draw(st.sampled_from(["voorstel", "lopend"]))}
    for veld in LEESBAAR:
        if draw(st.booleans()):
            _zet(data, veld.pad, draw(_waarde(veld)))
    if draw(st.booleans()):
        _zet(data, "opgave.omschrijving", draw(st.sampled_from(["", "onbekend", "Betaalbaar wonen in de regio"])))
    if draw(st.booleans()):
        score = st.integers(min_value=1, max_value=5)
        for factor in SUCCESFACTOREN:
            _zet(data, f"succesfactoren.{factor}", [draw(score), draw(score)])
    return data


_scalair = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                     st.text(max_size=12), st.sampled_from(["ja", "nee", "onbekend", "voorstel", "lopend"]))
_sleutels = st.one_of(st.sampled_from(["naam", "fase", "opgave", "soort", "themas", "taak", "succesfactoren",
                                       "omschrijving", "complex", "identiteit", "schema", "partners"]),
                      st.text(max_size=8))
rommel = st.recursive(_scalair, lambda kind: st.one_of(st.lists(kind, max_size=4),
                                                       st.dictionaries(_sleutels, kind, max_size=5)),
                      max_leaves=20)
