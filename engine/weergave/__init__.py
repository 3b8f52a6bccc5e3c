"""Weergaven van een advies. Een weergave rekent niets uit en beslist niets: zij toont."""

from __future__ import annotations

from ..advies import Advies
from . import json, markdown, tabel

FORMATEN = {"tabel": tabel.advies, "json": json.advies, "markdown": markdown.advies}
WEERGAVEN = {"tabel": tabel, "json": json, "markdown": markdown}


def toon_advies(advies: Advies, formaat: str) -> str:
    return FORMATEN[formaat](advies)
