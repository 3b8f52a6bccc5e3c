# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De werkmap: alle casussen met hun status en advies, de naam voor de geschiedenis en het inloggen."""

from __future__ import annotations

import re
import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...engine.regels import Advieswoord
from .. import formulier
from ..geschiedenis import schone_naam

from .. import diensten as d

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def werkmappagina(request: Request, q: str = "", fase: str = "", advies: str = "", bewaard: str = "",
                  stap: str = "", verwijderd: str = ""):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    rijen = sorted(d.overzichtsregels(omgeving), key=lambda r: (d.zoekbaar(r["naam"]), r["id"]))
    opgeslagen = next((r for r in rijen if r["id"] == bewaard), None)
    # verder waar de intake nog open is (zoals de rij zelf zegt), anders de stap na de opgeslagen stap
    verder = (opgeslagen or {}).get("open_stap") or (stap if stap in {s.sleutel for s in formulier.stappen(pakket)}
                                                     else "basis")
    verwijderd = re.sub(r"[^\w.-]", "", verwijderd)[:120]
    verwijderde_naam = omgeving.werkmap.naam_in_prullenbak(verwijderd) if verwijderd else None
    zoek = d.zoekbaar(q[:200])
    gefilterd = [r for r in rijen if (not zoek or zoek in r["zoektekst"]) and (not fase or r["fase"] == fase)
                 and (not advies or (r["status"] == "onvolledig" if advies == "onvolledig" else
                                     r["advies"] == advies and r["status"] != "onvolledig"))]
    return pagina(request, "werkmap.html", titel="Werkmap", rijen=gefilterd, totaal=len(rijen), q=q[:200],
                  fase=fase, advies=advies, adviezen=[(a.value, a.tekst) for a in Advieswoord],
                  map_=str(omgeving.werkmap.map), opgeslagen=opgeslagen, verder=verder,
                  verwijderd=verwijderd, verwijderde_naam=verwijderde_naam,
                  in_prullenbak=omgeving.werkmap.aantal_in_prullenbak())


@router.post("/naam", include_in_schema=False)
async def bewaar_naam(request: Request):
    form = await d.lees_formulier(request)
    request.session["naam"] = schone_naam(formulier.een(form, "naam")) if formulier.een(form, "naam") else ""
    return RedirectResponse(d.lokaal_doel(formulier.een(form, "volgende")), status_code=303)


@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    return Response(status_code=204)  # geen pictogram; zo meldt de browser ook geen ontbrekend bestand


@router.get("/inloggen", response_class=HTMLResponse, include_in_schema=False)
def inloggen(request: Request, volgende: str = "/"):
    pagina, = d.context(request, ('pagina',))
    return pagina(request, "inloggen.html", titel="Inloggen", volgende=d.lokaal_doel(volgende))


@router.post("/inloggen", response_class=HTMLResponse, include_in_schema=False)
async def inloggen_controle(request: Request):
    pagina, token = d.context(request, ('pagina', 'token'))
    form = await d.lees_formulier(request)
    if token and secrets.compare_digest(formulier.een(form, "sleutel").encode(), token.encode()):
        request.session["ingelogd"] = True
        return RedirectResponse(d.lokaal_doel(formulier.een(form, "volgende")), status_code=303)
    return pagina(request, "inloggen.html", 401, titel="Inloggen", volgende=d.lokaal_doel(
        formulier.een(form, "volgende")), fout="De toegangssleutel klopt niet.")
