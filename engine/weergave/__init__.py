# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Weergaven van een advies. Een weergave rekent niets uit en beslist niets: zij toont."""

from __future__ import annotations

from ..advies import Advies
from . import json, markdown, tabel

WEERGAVEN = {"tabel": tabel, "json": json, "markdown": markdown}


def toon_advies(advies: Advies, formaat: str, volledig: bool = False) -> str:
    """Het advies in het gevraagde formaat; `volledig` geldt voor de tabel (markdown en json zijn altijd volledig)."""
    if formaat == "tabel":
        return tabel.advies(advies, volledig=volledig)
    return WEERGAVEN[formaat].advies(advies)
