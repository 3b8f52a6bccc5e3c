# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De webapplicatie: de werkmap, de intake, het advies, wat-als, varianten, het collegevoorstel en de regels
in de browser, plus een API voor andere systemen onder /api/v1. Dezelfde engine als de CLI; de pagina's
werken zonder JavaScript.

Alles wat de gebruiker stuurt (paden, formuliervelden, JSON) is onbetrouwbaar: namen worden gecontroleerd
voordat er een bestand bij komt, formulieren hebben een CSRF-sleutel, verzoeken hebben een maximale
grootte, tekst wordt door Jinja2 ge-escaped en elke pagina krijgt strikte beveiligingskoppen.
"""

from __future__ import annotations

import copy
import json
import os
import re
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.requests import ClientDisconnect
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from ..engine.beoordelen import Beoordelaar
from ..engine.casus import casusschema, label, zonder_bestandsvormen
from ..engine.fouten import InvoerFout
from ..engine.laden import STANDAARDPAKKET, lees_regelpakket
from ..engine.regels import EFFECT_VOLGORDE, Regelpakket
from ..engine.waarden import aantal, datum_tekst, toon, woord
from ..engine.weergave.tabel import (KOPJES)
from .beveiliging import API_VERSIE, LOKALE_HOSTS, Beveiliging, csrf_sleutel
from .werkmap import Gewijzigd, NietGevonden, Werkmap
from . import diensten as d
from .routers import advies, api, intake, overzicht, regels, watals
from .routers import werkmap as werkmap_routes



def maak_app(werkmap: str | Path, regelpad: str = STANDAARDPAKKET, sjabloon: bytes | None = None,
             token: str | None = None, lokaal: bool = True, sessiesleutel: str | None = None) -> FastAPI:
    """De app voor één werkmap. `token` is verplicht als de app niet alleen lokaal luistert (`lokaal=False`).
    `sessiesleutel` ondertekent de sessiecookie; draaien er meer werkprocessen, dan delen zij die sleutel (anders
    kent het ene proces de inlog en het formulier van het andere niet)."""
    if not lokaal and not token:
        raise InvoerFout("De webapplicatie luistert dan niet alleen op deze computer; stel eerst een toegangssleutel "
                         "in met de omgevingsvariabele SAMENWERKINGSTOETS_TOKEN (minstens 16 tekens).")
    if token is not None and len(token) < 16:
        raise InvoerFout("De toegangssleutel (SAMENWERKINGSTOETS_TOKEN) is te kort; gebruik minstens 16 tekens.")
    pakket = lees_regelpakket(regelpad)
    omgeving = d.Omgeving(Werkmap(werkmap, pakket.woordenlijsten), regelpad, Beoordelaar(pakket), sjabloon=sjabloon)
    omgeving.pakketten[f"{pakket.naam} {pakket.versie}"] = omgeving.beoordelaar
    meegeleverd = Path(STANDAARDPAKKET).parent
    for map_ in sorted(meegeleverd.iterdir()) if meegeleverd.is_dir() else []:
        if (map_ / "pack.yaml").is_file():
            ander = lees_regelpakket(map_)
            omgeving.pakketten.setdefault(f"{ander.naam} {ander.versie}", Beoordelaar(ander))

    app = FastAPI(title="samenwerkingstoets", version=API_VERSIE, openapi_url="/api/v1/openapi.json",
                  docs_url=None, redoc_url=None, redirect_slashes=False,
                  description="Toets een samenwerking aan de visie op regionale samenwerking. De JSON van een "
                              "advies is gelijk aan die van `samenwerkingstoets beoordeel --formaat json`.")
    app.state.omgeving = omgeving
    app.state.token = token
    sjablonen = Jinja2Templates(directory=str(d.HIER / "sjablonen"))
    sjablonen.env.filters["woord"] = woord
    sjablonen.env.globals.update(woord=woord, toon=toon, label=label, veldlabel=d.veldlabel, KOPJES=KOPJES,
                                 aantal=aantal, EFFECT_VOLGORDE=EFFECT_VOLGORDE, datum_tekst=datum_tekst)
    app.mount("/statisch", StaticFiles(directory=str(d.HIER / "statisch")), name="statisch")

    def pagina(request: Request, sjabloonnaam: str, status: int = 200, **context) -> HTMLResponse:
        context.setdefault("titel", "samenwerkingstoets")
        return sjablonen.TemplateResponse(request, sjabloonnaam, {"csrf": csrf_sleutel(request), "token": bool(token),
                                                                  "pad": request.url.path, **context},
                                          status_code=status)

    app.state.pagina = pagina

    # --- fouten: in HTML een pagina, in de API problem+json ------------------------------------



    @app.exception_handler(InvoerFout)
    async def invoerfout(request: Request, fout: InvoerFout):
        status = 404 if isinstance(fout, NietGevonden) else 409 if isinstance(fout, Gewijzigd) else 400
        if status == 404 and request.method in ("GET", "HEAD") and not d.is_api(request):
            # een oude link naar een hernoemde casus: door naar haar nieuwe naam
            treffer = re.fullmatch(r"/casussen/([a-z0-9-]{1,80})(/[^?]*)?", request.url.path)
            nieuw = treffer and request.app.state.omgeving.werkmap.geschiedenis.nieuwe_naam(treffer.group(1))
            if nieuw:
                return RedirectResponse(f"/casussen/{nieuw}{treffer.group(2) or ''}", status_code=307)
        if d.is_api(request):
            return d.probleem(status, "Niet gevonden" if status == 404 else "De invoer klopt niet", fout.tekst,
                            fout.meldingen)
        return pagina(request, "fout.html", status, titel="Dat lukte niet", fout=fout)

    @app.exception_handler(StarletteHTTPException)
    async def httpfout(request: Request, fout: StarletteHTTPException):
        tekst = {404: "Deze pagina bestaat niet.", 405: "Deze handeling kan hier niet.",
                 413: "Het verzoek is te groot."}.get(fout.status_code, "Het verzoek kon niet verwerkt worden.")
        # een 405 noemt de handelingen die wel kunnen (Allow, RFC 9110); Starlette geeft die mee in de fout
        koppen = {k: v for k, v in (fout.headers or {}).items() if k.lower() in ("allow", "www-authenticate")}
        if d.is_api(request):
            antwoord = d.probleem(fout.status_code, tekst, tekst)
        else:
            antwoord = pagina(request, "fout.html", fout.status_code, titel="Dat lukte niet", fout=InvoerFout(tekst))
        antwoord.headers.update(koppen)
        return antwoord

    @app.exception_handler(RequestValidationError)
    async def verzoekfout(request: Request, fout: RequestValidationError):
        if d.is_api(request):
            return d.probleem(400, "De invoer klopt niet", "Het verzoek heeft niet de verwachte vorm: stuur een "
                                                         "casus als JSON-object.")
        return pagina(request, "fout.html", 400, titel="Dat lukte niet", fout=InvoerFout("Het formulier is niet "
                                                                                       "volledig verstuurd."))

    @app.exception_handler(ClientDisconnect)
    async def weggegaan(request: Request, fout: ClientDisconnect):
        # de browser ging weg midden in een verzoek (een venster dicht tijdens het opslaan): niets opgeslagen, één
        # regel in het logboek en geen traceback
        d.LOG.info("verbinding verbroken tijdens %s %s; er is niets opgeslagen", request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def interne_fout(request: Request, fout: Exception):
        tekst = ("Er ging iets mis in samenwerkingstoets zelf, niet in uw invoer. Er is niets opgeslagen. Meld het "
                 f"aan wie de toepassing beheert ({type(fout).__name__}).")
        if d.is_api(request):
            return d.probleem(500, "Interne fout", tekst)
        return pagina(request, "fout.html", 500, titel="Er ging iets mis", fout=InvoerFout(tekst))

    @app.middleware("http")
    async def api_versie(request: Request, volgende):
        # een onbekende queryparameter is een fout (400), geen stil genegeerde invoer
        toegestaan = {"pagina", "perPagina"} if request.url.path == f"{d.API_BASIS}/casussen" else set()
        vreemd = sorted(set(request.query_params) - toegestaan) if d.is_api(request) else []
        if vreemd:
            return d.probleem(400, "De invoer klopt niet", f"Onbekende parameter '{vreemd[0][:60]}'"
                            + (f"; toegestaan: {', '.join(sorted(toegestaan))}." if toegestaan else
                               "; deze handeling heeft geen parameters."))
        antwoord = await volgende(request)
        if d.is_api(request):
            antwoord.headers["API-Version"] = API_VERSIE
        return antwoord

    # --- pagina's -----------------------------------------------------------------------------








    # --- de ambtelijke afweging: een bevinding anders wegen, in het casusbestand -------------------








    # --- beheren: kopiëren, hernoemen, verwijderen ------------------------------------------------------













    # --- inloggen (alleen met een toegangssleutel) -------------------------------------------



    # --- API -----------------------------------------------------------------------------------







    for router in (werkmap_routes, intake, advies, watals, overzicht, regels, api):
        app.include_router(router.router)

    standaard_openapi = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = standaard_openapi()
        _api_contract(schema, pakket)
        schema.setdefault("components", {}).setdefault("securitySchemes", {})["toegangssleutel"] = {
            "type": "http", "scheme": "bearer",
            "description": "Alleen nodig als de toepassing met een toegangssleutel draait (SAMENWERKINGSTOETS_TOKEN)."}
        return schema

    app.openapi = openapi

    Beveiliging(app, token=token, hosts=LOKALE_HOSTS if lokaal else None)
    app.add_middleware(SessionMiddleware, secret_key=sessiesleutel or secrets.token_urlsafe(32),
                       session_cookie="stoets_sessie",
                       same_site="strict", https_only=False)
    return app


def _api_contract(schema: dict, pakket: Regelpakket) -> None:
    """Maak het schema gelijk aan wat de API echt doet: het verzoek is een casus (met de verplichte velden en
    zonder onbekende velden, zoals een casusbestand), en elke fout is application/problem+json, ook een fout die
    bij geen handeling apart genoemd is (405, 413, 500: de 'default')."""
    onderdelen = schema.setdefault("components", {}).setdefault("schemas", {})
    casus = zonder_bestandsvormen(casusschema(pakket.woordenlijsten, ref_template="#/components/schemas/{model}"))
    casus.pop("$schema", None)
    criteria = sorted(pakket.kop.criteria)
    for naam, definitie in casus.pop("$defs", {}).items():
        onderdelen.setdefault(naam, definitie)
    onderdelen["Casus"] = casus
    # een afweging kan alleen gaan over een criterium van het regelpakket waarmee deze toepassing draait
    criterium = onderdelen.get("Afweging", {}).get("properties", {}).get("criterium")
    if criterium is not None:
        criterium.pop("pattern", None)
        criterium["enum"] = criteria
    onderdelen.pop("HTTPValidationError", None)
    onderdelen.pop("ValidationError", None)
    # een datum in de casus is een datum zonder tijd (API Design Rules, /core/date-time/date-omit-time-portion)
    for definitie in onderdelen.values():
        for naam, eigenschap in definitie.get("properties", {}).items():
            if naam in ("datum", "peildatum") and "format" not in eigenschap:
                eigenschap["format"] = "date"
    probleem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/d.Probleem"}}}
    versiekop = {"API-Version": {"description": "de volledige versie van de API", "schema": {"type": "string",
                                                                                              "example": API_VERSIE}}}
    schema["info"]["contact"] = {"name": "Beheer samenwerkingstoets", "email": "beheer@example.org",
                                 "url": "https://example.org/samenwerkingstoets"}
    schema["info"]["license"] = {"name": "EUPL-1.2", "identifier": "EUPL-1.2"}
    # De API staat onder /api/v1 (de hoofdversie in de URI); de paden zijn relatief aan die server.
    schema["servers"] = [{"url": d.API_BASIS, "description": "deze toepassing"}]
    schema["paths"] = {pad.removeprefix(d.API_BASIS) or "/": inhoud for pad, inhoud in schema.get("paths", {}).items()}
    for pad in schema["paths"].values():
        for handeling in pad.values():
            antwoorden = handeling.setdefault("responses", {})
            antwoorden.pop("422", None)  # FastAPI's eigen validatiefout komt hier nooit voor (400 met problem+json)
            for code, antwoord in antwoorden.items():
                if code.startswith(("4", "5")):
                    antwoord["content"] = copy.deepcopy(probleem)
                if antwoord.get("description") == "Successful Response":
                    antwoord["description"] = "Gelukt"
                antwoord["headers"] = {**antwoord.get("headers", {}), **copy.deepcopy(versiekop)}
            antwoorden["default"] = {"description": "Een andere fout (zoals 405 of 500), als problem+json",
                                     "content": copy.deepcopy(probleem), "headers": copy.deepcopy(versiekop)}


WEBINSTELLINGEN = "SAMENWERKINGSTOETS_WEBINSTELLINGEN"


def app_voor_werkproces() -> FastAPI:
    """De app in een werkproces van `samenwerkingstoets web --werkers N`: het hoofdproces heeft de instellingen
    al gecontroleerd en geeft ze door in een omgevingsvariabele (met de gedeelde sessiesleutel)."""
    from ..engine.collegevoorstel import lees_sjabloon

    instellingen = json.loads(os.environ[WEBINSTELLINGEN])
    sjabloon = lees_sjabloon(instellingen["sjabloon"]) if instellingen["sjabloon"] else None
    return maak_app(instellingen["werkmap"], instellingen["regelpad"], sjabloon,
                    token=os.environ.get("SAMENWERKINGSTOETS_TOKEN") or None, lokaal=instellingen["lokaal"],
                    sessiesleutel=instellingen["sessiesleutel"])
