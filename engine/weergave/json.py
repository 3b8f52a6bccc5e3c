# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het advies als JSON: een stabiel, gedocumenteerd formaat (zie README, 'JSON-uitvoer')."""

from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING, Any

from ..advies import Advies
from ..regels import GeladenRegel
if TYPE_CHECKING:
    from ..watals import Vergelijking, Zoekresultaat

FORMAAT = "samenwerkingstoets/advies/1"


def advies_data(advies: Advies) -> dict[str, Any]:
    return {"formaat": FORMAAT, **advies.model_dump(mode="json")}


def advies(advies: Advies) -> str:
    return _json.dumps(advies_data(advies), ensure_ascii=False, indent=2) + "\n"


def regels(regels: list[GeladenRegel], pakket: Any) -> str:
    data = {
        "formaat": "samenwerkingstoets/regels/1",
        "regelpakket": {"naam": pakket.naam, "versie": pakket.versie},
        "regels": [
            {
                "id": r.id,
                "criterium": r.regel.criterium,
                "criterium_naam": pakket.kop.criteria[r.regel.criterium].naam,
                "effect": r.regel.effect.value,
                "uitleg": r.regel.uitleg,
                "voorwaarde": r.regel.voorwaarde,
                "bron": {"verwijzing": r.regel.bron, **pakket.bron(r.regel.bron)},
                "leest": list(r.velden),
                "bestand": r.bestand,
            }
            for r in regels
        ],
    }
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dekking(rijen: list, pakket: Any) -> str:
    data = {
        "formaat": "samenwerkingstoets/dekking/1",
        "regelpakket": {"naam": pakket.naam, "versie": pakket.versie},
        "criteria": [{"code": code, "naam": c.naam, "groep": c.groep, "bron": c.bron, "regels": n}
                     for code, c, n in rijen],
    }
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def vergelijking(v: Vergelijking) -> str:
    data = {"formaat": "samenwerkingstoets/vergelijking/1", **v.model_dump(mode="json")}
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def zoekresultaat(z: Zoekresultaat, tussendoel: Zoekresultaat | None, casuspad: str) -> str:
    data = {"formaat": "samenwerkingstoets/wat-moet-er-veranderen/1", **z.model_dump(mode="json"),
            "tussendoel": tussendoel.model_dump(mode="json") if tussendoel else None}
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"
