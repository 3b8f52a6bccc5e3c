# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De regels van het pakket, met hun bronnen."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from .. import diensten as d

router = APIRouter()


@router.get("/regels", response_class=HTMLResponse, include_in_schema=False)
def regels(request: Request, q: str = ""):
    pagina, pakket = d.context(request, ('pagina', 'pakket'))
    zoek = d.zoekbaar(q[:200])
    criteria = []
    for code, c in pakket.kop.criteria.items():
        lijst = [r for r in pakket.regels if r.regel.criterium == code]
        tekst = d.zoekbaar(" ".join([code, c.naam, c.groep, *(r.regel.uitleg + " " + (r.regel.voorwaarde or "")
                                                              for r in lijst)]))
        if not zoek or zoek in tekst:
            criteria.append((code, c, lijst))
    groepen: dict[str, list[tuple[str, str]]] = {}
    for code, c, _ in criteria:
        # een groep heet naar haar bron ('Visie Alkmaar'), anders zoals het pakket haar voorwaardengroep noemt
        # ('Kosten en dekking'), anders naar haar naam in gewone letters
        bron = pakket.kop.bronnen.get(c.groep)
        groep = pakket.kop.voorwaarden.groepen.get(c.groep)
        naam = (bron.kort or bron.titel) if bron else groep.naam if groep else c.groep.replace("-", " ").capitalize()
        groepen.setdefault(naam, []).append((code, c.naam))
    return pagina(request, "regels.html", titel="Regels en bronnen", pakket=pakket, criteria=criteria,
                  groepen=groepen, q=q[:200], bron=lambda v: pakket.bron(v), leesbaar=d.zonder_plaatshouders)
