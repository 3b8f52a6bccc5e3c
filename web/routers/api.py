# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De API onder /api/v1 (zie README, De API)."""

from __future__ import annotations

import json

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ...engine.advies import Advies
from ...engine.laden import casus_uit_data
from ...engine.varianten import casusdata
from ...engine.weergave import json as json_weergave

from .. import diensten as d

router = APIRouter()


fouten = {400: {"model": d.Probleem, "description": "De invoer klopt niet (met de meldingen per veld)"},
          404: {"model": d.Probleem, "description": "Niet gevonden"},
          401: {"model": d.Probleem, "description": "Geen of een verkeerde toegangssleutel"}}


@router.get("/api/v1/casussen", tags=["casussen"], summary="Alle casussen in de werkmap, met hun advies",
         response_model=list[d.Overzichtsregel], responses={400: fouten[400], 401: fouten[401], 200: {
             "description": "Eén pagina casussen, op naam van het bestand",
             "headers": {"X-Total-Count": {"description": "het aantal casussen in de werkmap",
                                           "schema": {"type": "integer"}},
                         "Link": {"description": "de volgende en de vorige pagina (RFC 8288), als die er zijn",
                                  "schema": {"type": "string"}}}}})
def api_casussen(request: Request, response: Response,
                 pagina: int = Query(1, ge=1, le=100_000, description="de pagina, vanaf 1"),
                 perPagina: int = Query(100, ge=1, le=500, description="casussen per pagina (hooguit 500)")):  # noqa: N803
    omgeving, = d.context(request, ('omgeving',))
    alle = [{k: v for k, v in r.items() if k != "zoektekst"} for r in d.overzichtsregels(omgeving)]
    begin = (pagina - 1) * perPagina
    response.headers["X-Total-Count"] = str(len(alle))
    links = []
    if begin + perPagina < len(alle):
        links.append(f'<{request.url.include_query_params(pagina=pagina + 1, perPagina=perPagina)}>; rel="next"')
    if pagina > 1:
        links.append(f'<{request.url.include_query_params(pagina=pagina - 1, perPagina=perPagina)}>; rel="prev"')
    if links:
        response.headers["Link"] = ", ".join(links)
    return alle[begin:begin + perPagina]


@router.get("/api/v1/casussen/{id}", tags=["casussen"], summary="Eén casus, in de vorm van het casusbestand",
         responses={200: {"description": "De casus"}, 400: fouten[400], 404: fouten[404], 401: fouten[401]})
def api_casus(request: Request, id: str):  # noqa: A002 - de naam van de parameter in de URL
    omgeving, = d.context(request, ('omgeving',))
    casus, _ = omgeving.werkmap.lees(id)
    return casusdata(casus)


@router.get("/api/v1/casussen/{id}/geschiedenis", tags=["casussen"], response_model=list[d.Opslag],
         summary="Elke opslag van een casus: wie, wanneer, welke velden en het advies ervoor en erna",
         responses={400: fouten[400], 404: fouten[404], 401: fouten[401]})
def api_geschiedenis(request: Request, id: str):  # noqa: A002
    omgeving, = d.context(request, ('omgeving',))
    omgeving.werkmap.pad(id)  # bestaat de casus (en is het een gewone naam)?
    omgeving.werkmap.lees(id)
    return [{"wie": v.wie, "wanneer": v.wanneer, "velden": list(v.velden), "advies_voor": v.advies_voor,
             "advies_na": v.advies_na} for v in omgeving.werkmap.geschiedenis.van(f"{id}.yaml")]


@router.get("/api/v1/adviezen/{id}", tags=["adviezen"], responses={200: {"model": Advies}, **fouten},
         summary="Het advies voor een casus uit de werkmap (gelijk aan beoordeel --formaat json)")
def api_advies(request: Request, id: str):  # noqa: A002
    omgeving, = d.context(request, ('omgeving',))
    _, advies, _ = omgeving.advies(id)
    return Response(json_weergave.advies(advies), media_type="application/json")


@router.post("/api/v1/adviezen", tags=["adviezen"], responses={
    200: {"model": Advies}, 400: fouten[400], 401: fouten[401],
    415: {"model": d.Probleem, "description": "Geen JSON"}, 413: {"model": d.Probleem, "description": "Te groot"}},
    summary="Het advies voor een casus die in het verzoek staat", openapi_extra={"requestBody": {
        "required": True, "description": "Een casus in de vorm van het casusbestand (zie de README), als JSON.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Casus"}}}}})
async def api_beoordeel(request: Request):
    omgeving, = d.context(request, ('omgeving',))
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return d.probleem(415, "Verkeerd formaat", "Stuur de casus als JSON (Content-Type: application/json).")
    ruw = await request.body()
    try:
        # lezen, controleren en beoordelen gebeurt in een werkdraad: een groot of traag verzoek houdt de
        # afhandeling van andere verzoeken niet op
        data = await run_in_threadpool(json.loads, ruw, object_pairs_hook=d.zonder_dubbele_velden,
                                       parse_float=d.json_getal)
    except d.DubbeleSleutel as dubbel:
        return d.probleem(400, "De invoer klopt niet", f"Het veld '{str(dubbel)[:80]}' staat twee keer in dezelfde "
                                                     "groep; een casusbestand weigert dat ook. Laat er één staan.")
    except (ValueError, RecursionError):
        return d.probleem(400, "De invoer klopt niet", "De casus is geen geldige JSON.")
    if not isinstance(data, dict):
        return d.probleem(400, "De invoer klopt niet", "De casus moet een JSON-object met velden zijn.")
    def beoordeel() -> str:
        casus = casus_uit_data(data, naam="de casus in het verzoek", json=True,
                               woorden=omgeving.beoordelaar.pakket.woordenlijsten)
        return json_weergave.advies(omgeving.beoordelaar.beoordeel(casus))

    return Response(await run_in_threadpool(beoordeel), media_type="application/json")
