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
import datetime as dt
import json
import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode
from typing import Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from ..engine.advies import Advies
from ..engine.beoordelen import Beoordelaar
from ..engine.casus import CATALOGUS, AfwegingEffect, Casus, casusschema, label, zonder_bestandsvormen
from ..engine.feiten import feiten_van
from ..engine.fouten import InvoerFout, Melding
from ..engine.laden import STANDAARDPAKKET, casus_uit_data, lees_regelpakket
from ..engine.regels import EFFECT_VOLGORDE, Advieswoord, Effect, Regelpakket
from ..engine.varianten import casusdata, lees_variant, pas_toe
from ..engine.waarden import aantal, datum_tekst, schone_tekst, toon, woord, zonder_accenten
from ..engine.weergave import json as json_weergave
from ..engine.weergave.tabel import (KOPJES, afwegingsregels, bandbreedte_tekst, factorrijen, scharnierregels,
                                     uitzoekpunten)
from . import formulier
from .beveiliging import API_VERSIE, LOKALE_HOSTS, Beveiliging, controleer_csrf, csrf_sleutel
from .geschiedenis import gewijzigde_velden, schone_naam
from .werkmap import Gewijzigd, NietGevonden, Werkmap

API_BASIS = "/api/v1"  # de hoofdversie staat in de URI; de volledige versie in de kop API-Version
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Probleem(BaseModel):
    """Een fout volgens RFC 9457 (application/problem+json), met de Nederlandse meldingen per veld."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    invalid_params: list[dict[str, str]] | None = Field(default=None, alias="invalid-params")


class Overzichtsregel(BaseModel):
    id: str
    naam: str
    fase: str
    status: Literal["onvolledig", "klaar"] = Field(description="onvolledig: de intake is niet af of een kernvraag "
                                                               "is nog open; het advies is dan nog niet definitief")
    open_stap: str | None = Field(description="de eerste stap van de intake die nog open is")
    themas: list[str]
    advies: str
    advies_tekst: str
    bandbreedte: dict[str, Any] | None
    gewijzigd: dt.datetime = Field(description="wanneer het casusbestand het laatst veranderde (RFC 3339, met "
                                               "tijdzone)")
    fout: str | None


class Opslag(BaseModel):
    """Eén opslag van een casus, uit de geschiedenis in de werkmap (git)."""

    wie: str = Field(description="wie opsloeg: de naam die de adviseur opgaf, of het systeem met de sleutel")
    wanneer: dt.datetime = Field(description="wanneer (RFC 3339, met tijdzone)")
    velden: list[str] = Field(description="de velden die veranderden")
    advies_voor: str | None = Field(description="het advies vóór de opslag")
    advies_na: str | None = Field(description="het advies na de opslag")


HIER = Path(__file__).parent
LOG = logging.getLogger("samenwerkingstoets.web")


@dataclass
class Omgeving:
    """Wat de app bij elk verzoek nodig heeft: werkmap, regelpakket(ten), stappen en het sjabloon."""

    werkmap: Werkmap
    regelpad: str
    beoordelaar: Beoordelaar
    pakketten: dict[str, Beoordelaar] = field(default_factory=dict)  # voor 'vergelijk onder ander beleid'
    sjabloon: bytes | None = None
    _adviezen: dict[tuple[str, str], Advies] = field(default_factory=dict)

    def advies(self, id_: str) -> tuple[Casus, Advies, str]:
        casus, versie = self.werkmap.lees(id_)
        sleutel = (id_, versie)
        if sleutel not in self._adviezen:
            if len(self._adviezen) > 1_000:
                self._adviezen.clear()
            self._adviezen[sleutel] = self.beoordelaar.beoordeel(casus)
        return casus, self._adviezen[sleutel], versie

    def overzicht(self):
        """Het overzicht (register, risico's, paragraaf) van de casussen in de werkmap, langs dezelfde controle als
        elke andere pagina: gewone bestanden in de werkmap, geen snelkoppelingen."""
        from ..engine.overzicht import maak_overzicht

        paden, overgeslagen = self.werkmap.overzichtbestanden()
        return maak_overzicht(self.werkmap.map, self.beoordelaar, paden=paden, overgeslagen=overgeslagen)


class _DubbeleSleutel(ValueError):
    """Een veld dat twee keer in dezelfde JSON-groep staat (de tweede zou de eerste stil vervangen)."""


def _zonder_dubbele_velden(paren: list[tuple[str, Any]]) -> dict:
    uit: dict = {}
    for sleutel, waarde in paren:
        if sleutel in uit:
            raise _DubbeleSleutel(sleutel)
        uit[sleutel] = waarde
    return uit


def _json_getal(tekst: str) -> int | float:
    """Een getal in JSON: 5.0 en 5 zijn hetzelfde getal (JSON kent geen apart soort 'heel getal', JSON Schema
    noemt 5.0 een integer), dus 5.0 telt als 5. 5.5 blijft een kommagetal en wordt waar een heel getal hoort
    geweigerd."""
    getal = float(tekst)
    return int(getal) if getal.is_integer() and abs(getal) <= 2**53 else getal


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
    omgeving = Omgeving(Werkmap(werkmap, pakket.woordenlijsten), regelpad, Beoordelaar(pakket), sjabloon=sjabloon)
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
    sjablonen = Jinja2Templates(directory=str(HIER / "sjablonen"))
    sjablonen.env.filters["woord"] = woord
    sjablonen.env.globals.update(woord=woord, toon=toon, label=label, KOPJES=KOPJES, aantal=aantal,
                                 EFFECT_VOLGORDE=EFFECT_VOLGORDE, datum_tekst=datum_tekst)
    app.mount("/statisch", StaticFiles(directory=str(HIER / "statisch")), name="statisch")

    def pagina(request: Request, sjabloonnaam: str, status: int = 200, **context) -> HTMLResponse:
        context.setdefault("titel", "samenwerkingstoets")
        return sjablonen.TemplateResponse(request, sjabloonnaam, {"csrf": csrf_sleutel(request), "token": bool(token),
                                                                  "pad": request.url.path, **context},
                                          status_code=status)

    # --- fouten: in HTML een pagina, in de API problem+json ------------------------------------

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def probleem(status: int, titel: str, detail: str, meldingen: list[Melding] | None = None) -> JSONResponse:
        inhoud: dict[str, Any] = {"type": "about:blank", "title": titel, "status": status, "detail": detail}
        if meldingen:
            inhoud["invalid-params"] = [{"name": m.veld or "", "reason": m.tekst} for m in meldingen]
        return JSONResponse(inhoud, status_code=status, media_type="application/problem+json",
                            headers={"API-Version": API_VERSIE})

    @app.exception_handler(InvoerFout)
    async def invoerfout(request: Request, fout: InvoerFout):
        status = 404 if isinstance(fout, NietGevonden) else 409 if isinstance(fout, Gewijzigd) else 400
        if is_api(request):
            return probleem(status, "Niet gevonden" if status == 404 else "De invoer klopt niet", fout.tekst,
                            fout.meldingen)
        return pagina(request, "fout.html", status, titel="Dat lukte niet", fout=fout)

    @app.exception_handler(StarletteHTTPException)
    async def httpfout(request: Request, fout: StarletteHTTPException):
        tekst = {404: "Deze pagina bestaat niet.", 405: "Deze handeling kan hier niet.",
                 413: "Het verzoek is te groot."}.get(fout.status_code, "Het verzoek kon niet verwerkt worden.")
        # een 405 noemt de handelingen die wel kunnen (Allow, RFC 9110); Starlette geeft die mee in de fout
        koppen = {k: v for k, v in (fout.headers or {}).items() if k.lower() in ("allow", "www-authenticate")}
        if is_api(request):
            antwoord = probleem(fout.status_code, tekst, tekst)
        else:
            antwoord = pagina(request, "fout.html", fout.status_code, titel="Dat lukte niet", fout=InvoerFout(tekst))
        antwoord.headers.update(koppen)
        return antwoord

    @app.exception_handler(RequestValidationError)
    async def verzoekfout(request: Request, fout: RequestValidationError):
        if is_api(request):
            return probleem(400, "De invoer klopt niet", "Het verzoek heeft niet de verwachte vorm: stuur een "
                                                         "casus als JSON-object.")
        return pagina(request, "fout.html", 400, titel="Dat lukte niet", fout=InvoerFout("Het formulier is niet "
                                                                                       "volledig verstuurd."))

    @app.exception_handler(ClientDisconnect)
    async def weggegaan(request: Request, fout: ClientDisconnect):
        # de browser ging weg midden in een verzoek (een venster dicht tijdens het opslaan): niets opgeslagen, één
        # regel in het logboek en geen traceback
        LOG.info("verbinding verbroken tijdens %s %s; er is niets opgeslagen", request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def interne_fout(request: Request, fout: Exception):
        tekst = ("Er ging iets mis in samenwerkingstoets zelf, niet in uw invoer. Er is niets opgeslagen. Meld het "
                 f"aan wie de toepassing beheert ({type(fout).__name__}).")
        if is_api(request):
            return probleem(500, "Interne fout", tekst)
        return pagina(request, "fout.html", 500, titel="Er ging iets mis", fout=InvoerFout(tekst))

    @app.middleware("http")
    async def api_versie(request: Request, volgende):
        # een onbekende queryparameter is een fout (400), geen stil genegeerde invoer
        toegestaan = {"pagina", "perPagina"} if request.url.path == f"{API_BASIS}/casussen" else set()
        vreemd = sorted(set(request.query_params) - toegestaan) if is_api(request) else []
        if vreemd:
            return probleem(400, "De invoer klopt niet", f"Onbekende parameter '{vreemd[0][:60]}'"
                            + (f"; toegestaan: {', '.join(sorted(toegestaan))}." if toegestaan else
                               "; deze handeling heeft geen parameters."))
        antwoord = await volgende(request)
        if is_api(request):
            antwoord.headers["API-Version"] = API_VERSIE
        return antwoord

    # --- pagina's -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def werkmappagina(request: Request, q: str = "", fase: str = "", advies: str = "", bewaard: str = "",
                      stap: str = "", verwijderd: str = ""):
        rijen = _overzicht(omgeving)
        opgeslagen = next((r for r in rijen if r["id"] == bewaard), None)
        verder = stap if stap in {s.sleutel for s in formulier.stappen(pakket)} else "basis"
        zoek = _zoekbaar(q[:200])
        gefilterd = [r for r in rijen if (not zoek or zoek in r["zoektekst"]) and (not fase or r["fase"] == fase)
                     and (not advies or r["advies"] == advies)]
        return pagina(request, "werkmap.html", titel="Werkmap", rijen=gefilterd, totaal=len(rijen), q=q[:200],
                      fase=fase, advies=advies, adviezen=[(a.value, a.tekst) for a in Advieswoord],
                      map_=str(omgeving.werkmap.map), opgeslagen=opgeslagen, verder=verder,
                      verwijderd=re.sub(r"[^\w.-]", "", verwijderd)[:120])

    @app.get("/casussen/nieuw", response_class=HTMLResponse, include_in_schema=False)
    def nieuwe_casus(request: Request):
        stap = formulier.stappen(pakket)[0]
        return _stappagina(request, pagina, omgeving, None, stap, {"fase": "voorstel",
                                                                   "perspectief": pakket.kop.gemeente}, None, [])

    @app.post("/casussen/nieuw", response_class=HTMLResponse, include_in_schema=False)
    async def maak_casus(request: Request):
        form = await _formulier(request)
        stap = formulier.stappen(pakket)[0]
        # de vragen die nog komen zijn nog niet beantwoord: een veld waarvan het ontbreken zelf een antwoord is
        # (geen opgave), staat tot de stap erover op 'onbekend'
        data = formulier.lees_stap(stap, form, formulier.nieuwe_casus())
        dubbel = _bestaande_naam(omgeving.werkmap, str(data.get("naam", "")))
        if dubbel:
            return _stappagina(request, pagina, omgeving, None, stap, data, None, [Melding(
                "", f"Er is al een casus met de naam '{dubbel}'. Kies een andere naam, of open die casus "
                    "vanuit de werkmap.", veld="naam")], status=400)
        try:
            id_ = omgeving.werkmap.nieuw(data, _wie(request), {
                "Intake": "nieuw", "Stap": stap.sleutel, "Velden": ", ".join(gewijzigde_velden({}, data)),
                "Advies-na": _advies_van(omgeving, data)})
        except InvoerFout as fout:
            return _stappagina(request, pagina, omgeving, None, stap, data, None, fout.meldingen or
                               [Melding("", fout.tekst)], status=400)
        return RedirectResponse(f"/casussen/{id_}/stappen/{_volgende(pakket, data, stap.sleutel)}", status_code=303)

    @app.get("/casussen/{id_}/stappen/{sleutel}", response_class=HTMLResponse, include_in_schema=False)
    def stappagina(request: Request, id_: str, sleutel: str, partner: int = Query(0, ge=0, le=1000)):
        data, versie = omgeving.werkmap.data(id_)
        return _stappagina(request, pagina, omgeving, id_, _stap(pakket, sleutel), data, versie, [],
                           partner_nr=partner)

    @app.post("/casussen/{id_}/stappen/{sleutel}", response_class=HTMLResponse, include_in_schema=False)
    async def bewaar_stap(request: Request, id_: str, sleutel: str):
        form = await _formulier(request)
        stap = _stap(pakket, sleutel)
        data, _ = omgeving.werkmap.data(id_)
        nieuw = formulier.lees_stap(stap, form, data)
        versie = formulier.een(form, "versie")
        half = formulier.halve_paren(stap, form, formulier.partnernamen(data)) if stap.scan_per_partner else []
        if half:  # niets opgeslagen; wat de adviseur invulde, blijft staan
            return _stappagina(request, pagina, omgeving, id_, stap, nieuw, versie, half, status=400)
        try:
            omgeving.werkmap.bewaar(id_, nieuw, versie, _wie(request),
                                    {"Stap": sleutel, **_opslagregels(omgeving, data, nieuw)})
        except Gewijzigd as fout:
            # niets opgeslagen; de invoer blijft staan, met de versie van nu: wie daarna opslaat, doet dat bewust
            _, nu = omgeving.werkmap.data(id_)
            return _stappagina(request, pagina, omgeving, id_, stap, nieuw, nu, [Melding("", fout.tekst + (
                " Uw invoer staat hieronder nog. Bekijk eerst de casus zoals hij nu is (in een ander venster), en "
                "sla daarna op als u uw invoer wilt houden."))], status=409)
        except InvoerFout as fout:
            return _stappagina(request, pagina, omgeving, id_, stap, nieuw, versie,
                               fout.meldingen or [Melding("", fout.tekst)], status=400)
        actie = formulier.een(form, "actie")
        stappen = [s.sleutel for s in formulier.stappen_voor(pakket, nieuw.get("fase"))]
        naar = formulier.een(form, "naar")
        if naar in stappen:
            return RedirectResponse(f"/casussen/{id_}/stappen/{naar}", status_code=303)
        if naar == "controle":
            return RedirectResponse(f"/casussen/{id_}/controle", status_code=303)
        if actie == "later":
            return RedirectResponse(f"/?bewaard={id_}&stap={sleutel}", status_code=303)
        if actie == "volgende_partner":  # de scan: één partner tegelijk
            nr = int(formulier.een(form, "partner")) + 1 if formulier.een(form, "partner").isdigit() else 0
            return RedirectResponse(f"/casussen/{id_}/stappen/{sleutel}?partner={nr}", status_code=303)
        if actie == "partner":  # dezelfde stap, met nieuwe lege rijen
            return RedirectResponse(f"/casussen/{id_}/stappen/{sleutel}#veld-partners-"
                                    f"{len(formulier.partnernamen(nieuw))}", status_code=303)
        if actie == "terug":
            return RedirectResponse(f"/casussen/{id_}/stappen/{_vorige(pakket, nieuw, sleutel)}", status_code=303)
        volgende = _volgende(pakket, nieuw, sleutel)
        doel = f"/casussen/{id_}/stappen/{volgende}" if volgende else f"/casussen/{id_}/controle"
        return RedirectResponse(doel, status_code=303)

    @app.get("/casussen/{id_}/controle", response_class=HTMLResponse, include_in_schema=False)
    def controle(request: Request, id_: str):
        data, _ = omgeving.werkmap.data(id_)
        casus, advies, _ = omgeving.advies(id_)
        stappen = formulier.stappen_voor(pakket, casus.fase.value)
        overzicht = [(s, formulier.formulierwaarden(s, data)) for s in stappen]
        # een veld dat bij deze gegevens niet ter zake doet (de uitkomst van een businesscase die er niet is), staat
        # er niet als 'onbekend'
        feiten = feiten_van(casus)
        niet_ter_zake = {v.pad for s in stappen for v in s.velden
                         if omgeving.beoordelaar.doet_niet_ter_zake(v.pad, feiten)}
        return pagina(request, "controle.html", titel=f"Controle: {casus.naam}", id_=id_, casus=casus,
                      advies=advies, overzicht=overzicht, partners=formulier.partnernamen(data),
                      niet_ter_zake=niet_ter_zake)

    @app.get("/casussen/{id_}", response_class=HTMLResponse, include_in_schema=False)
    def adviespagina(request: Request, id_: str, melding: str = ""):
        return _adviespagina(request, pagina, omgeving, id_, melding=AFWEGING_GELUKT.get(melding))

    # --- de ambtelijke afweging: een bevinding anders wegen, in het casusbestand -------------------

    @app.post("/casussen/{id_}/afwegingen", response_class=HTMLResponse, include_in_schema=False)
    async def voeg_afweging_toe(request: Request, id_: str):
        form = await _formulier(request)
        data, nu = omgeving.werkmap.data(id_)
        versie = formulier.een(form, "versie")[:64]
        # zoals het casusmodel tekst leest: zonder onzichtbare tekens en witruimte aan de randen
        invoer = {veld: schone_tekst(formulier.een(form, veld).replace("\r\n", "\n").replace("\r", "\n"))
                  for veld in AFWEGINGSVELDEN}
        bestaand = _afwegingen_in(data)
        fouten = _controleer_afweging(pakket, invoer, bestaand)
        algemeen = [] if len(bestaand) < MAX_AFWEGINGEN else [
            f"Deze casus heeft al {MAX_AFWEGINGEN} afwegingen; meer kan niet. Verwijder eerst een afweging."]
        if fouten or algemeen:
            return _adviespagina(request, pagina, omgeving, id_, 400, fouten=fouten, algemeen=algemeen, invoer=invoer,
                                 versie=versie or nu)
        afweging = {"criterium": invoer["criterium"].upper(), "effect": invoer["effect"], "reden": invoer["reden"]}
        if invoer["door"]:
            afweging["door"] = invoer["door"]
        nieuw = copy.deepcopy(data)
        nieuw["afwegingen"] = [*copy.deepcopy(bestaand), afweging]
        return _bewaar_afwegingen(request, pagina, omgeving, id_, nieuw, versie, invoer, "toegevoegd")

    @app.post("/casussen/{id_}/afwegingen/{nummer}/verwijderen", response_class=HTMLResponse,
              include_in_schema=False)
    async def verwijder_afweging(request: Request, id_: str, nummer: str):
        form = await _formulier(request)
        data, nu = omgeving.werkmap.data(id_)
        versie = formulier.een(form, "versie")[:64]
        if versie != nu:  # de nummers horen bij het bestand zoals de gebruiker het zag
            return _adviespagina(request, pagina, omgeving, id_, 409,
                                 algemeen=[omgeving.werkmap.gewijzigd(id_).tekst + " Bekijk hieronder de afwegingen "
                                           "zoals ze nu zijn."])
        bestaand = _afwegingen_in(data)
        i = int(nummer) - 1 if nummer.isdigit() and len(nummer) < 4 else -1
        criterium = formulier.een(form, "criterium").upper()
        if not 0 <= i < len(bestaand) or str(bestaand[i].get("criterium", "")).upper() != criterium:
            return _adviespagina(request, pagina, omgeving, id_, 400, versie=versie, algemeen=[
                "Deze afweging staat niet (meer) in de casus; er is niets verwijderd. Bekijk hieronder de afwegingen "
                "zoals ze nu zijn."])
        nieuw = copy.deepcopy(data)
        over = [a for j, a in enumerate(copy.deepcopy(bestaand)) if j != i]
        if over:
            nieuw["afwegingen"] = over
        else:
            nieuw.pop("afwegingen", None)  # geen lege lijst in het bestand: zonder afwegingen is er geen veld
        return _bewaar_afwegingen(request, pagina, omgeving, id_, nieuw, versie, None, "verwijderd")

    @app.get("/casussen/{id_}/grafiek.png", include_in_schema=False)
    def grafiek(id_: str):
        from ..engine.weergave import grafiek as grafiekmodule
        from ..engine.weergave.collegeadvies import grafiek_van

        _, advies, _ = omgeving.advies(id_)
        return Response(grafiekmodule.png(grafiek_van(advies, pakket)), media_type="image/png")

    @app.get("/casussen/{id_}/wat-als", response_class=HTMLResponse, include_in_schema=False)
    def wat_als(request: Request, id_: str):
        data, _ = omgeving.werkmap.data(id_)
        casus, advies, _ = omgeving.advies(id_)
        voorstel = [z for z in request.query_params.getlist("zet")[:20] if z]
        if voorstel:  # een voorgestelde wijziging (uit 'Wat moet er veranderen'), al ingevuld en doorgerekend
            from ..engine.varianten import lees_wat_als

            variant = lees_wat_als(voorstel, pakket.woordenlijsten)
            anders = pas_toe(casus, variant)
            return _watalspagina(request, pagina, omgeving, id_, casus, data, casusdata(anders), advies,
                                 omgeving.beoordelaar.beoordeel(anders, variant="wat-als"), [])
        return _watalspagina(request, pagina, omgeving, id_, casus, data, data, advies, None, [])

    @app.post("/casussen/{id_}/wat-als", response_class=HTMLResponse, include_in_schema=False)
    async def wat_als_rekenen(request: Request, id_: str):
        form = await _formulier(request)
        data, _ = omgeving.werkmap.data(id_)
        casus, advies, _ = omgeving.advies(id_)
        nieuw = copy.deepcopy(data)
        for stap in _watalsstappen(pakket, casus):
            nieuw = formulier.lees_stap(stap, form, nieuw)
        try:
            anders = casus_uit_data(nieuw, naam="wat-als", woorden=omgeving.beoordelaar.pakket.woordenlijsten)
        except InvoerFout as fout:
            return _watalspagina(request, pagina, omgeving, id_, casus, data, nieuw, advies, None, fout.meldingen,
                                 status=400)
        nieuw_advies = omgeving.beoordelaar.beoordeel(anders, variant="wat-als")
        if formulier.een(form, "actie") == "variant":
            naam = formulier.een(form, "variantnaam")[:200]
            omschrijving = formulier.een(form, "omschrijving")[:2000]
            wijzigingen = _verschil(casusdata(casus), casusdata(anders))
            if not naam or not wijzigingen:
                melding = Melding("", "Geef de variant een naam, en verander minstens één veld."
                                  if not wijzigingen or not naam else "")
                return _watalspagina(request, pagina, omgeving, id_, casus, data, nieuw, advies, nieuw_advies,
                                     [melding], status=400)
            variant_id = omgeving.werkmap.bewaar_variant(id_, naam, omschrijving, wijzigingen)
            return RedirectResponse(f"/casussen/{id_}/vergelijk?variant={variant_id}", status_code=303)
        return _watalspagina(request, pagina, omgeving, id_, casus, data, nieuw, advies, nieuw_advies, [])

    @app.get("/casussen/{id_}/vergelijk", response_class=HTMLResponse, include_in_schema=False)
    def vergelijk(request: Request, id_: str):
        from ..engine.watals import Kolom, vergelijk as vergelijk_kolommen

        params = request.query_params
        varianten = [v for v in params.getlist("variant") if v][:6]
        pakketnamen = [p for p in params.getlist("pakket") if p in omgeving.pakketten][:3]
        casus, advies, _ = omgeving.advies(id_)
        kolommen = [Kolom(label=casus.naam, casus=casus.naam, variant=None, variant_omschrijving=None,
                          regelpakket=f"{pakket.naam} {pakket.versie}", advies=advies)]
        for variant_id in varianten:
            v = lees_variant(omgeving.werkmap.variantpad(variant_id))
            gewijzigd = pas_toe(casus, v)
            kolommen.append(Kolom(label=v.naam, casus=casus.naam, variant=v.naam, variant_omschrijving=v.omschrijving,
                                  regelpakket=f"{pakket.naam} {pakket.versie}",
                                  advies=omgeving.beoordelaar.beoordeel(gewijzigd, variant=v.naam)))
        for naam in pakketnamen:
            if naam == f"{pakket.naam} {pakket.versie}":
                continue
            kolommen.append(Kolom(label=f"{casus.naam} ({naam})", casus=casus.naam, variant=None,
                                  variant_omschrijving=None, regelpakket=naam,
                                  advies=omgeving.pakketten[naam].beoordeel(casus)))
        uitkomst = vergelijk_kolommen(kolommen) if len(kolommen) > 1 else None
        namen = {}
        for bestand in omgeving.werkmap.variantbestanden(id_):
            try:
                namen[bestand.id] = lees_variant(bestand.pad).naam
            except InvoerFout:
                namen[bestand.id] = bestand.id.split("--", 1)[1] + " (bestand klopt niet)"
        return pagina(request, "vergelijk.html", titel=f"Vergelijken: {casus.naam}", id_=id_, casus=casus,
                      uitkomst=uitkomst, varianten=list(namen.items()), gekozen=varianten,
                      pakketten=list(omgeving.pakketten), gekozen_pakketten=pakketnamen)

    @app.get("/casussen/{id_}/geschiedenis", response_class=HTMLResponse, include_in_schema=False)
    def geschiedenispagina(request: Request, id_: str, versie: str = ""):
        from ..engine.watals import Kolom, vergelijk as vergelijk_kolommen

        casus, advies, _ = omgeving.advies(id_)
        versies = omgeving.werkmap.geschiedenis.van(f"{id_}.yaml")
        uitkomst = None
        gekozen = next((v for v in versies if v.commit == versie), None)
        if gekozen is not None:
            oud = omgeving.werkmap.casus_in_versie(id_, gekozen.commit)
            if oud is not None:
                label = f"{gekozen.wanneer:%Y-%m-%d %H:%M} ({gekozen.wie})"
                regelpakket = f"{pakket.naam} {pakket.versie}"
                uitkomst = vergelijk_kolommen([
                    Kolom(label=label, casus=oud.naam, variant=None, variant_omschrijving=None,
                          regelpakket=regelpakket, advies=omgeving.beoordelaar.beoordeel(oud)),
                    Kolom(label="vandaag", casus=casus.naam, variant=None, variant_omschrijving=None,
                          regelpakket=regelpakket, advies=advies)])
        return pagina(request, "geschiedenis.html", titel=f"Geschiedenis: {casus.naam}", id_=id_, casus=casus,
                      versies=versies, uitkomst=uitkomst, naam=request.session.get("naam", ""))

    # --- beheren: kopiëren, hernoemen, verwijderen ------------------------------------------------------

    async def _nieuwe_naam(request: Request, id_: str) -> tuple[dict[str, list[str]], str]:
        form = await _formulier(request)
        naam = schone_tekst(formulier.een(form, "naam"))[:200]
        if not any(t.isalnum() for t in naam):
            raise InvoerFout("Geef een naam met minstens één letter of cijfer.")
        dubbel = _bestaande_naam(omgeving.werkmap, naam)
        if dubbel:
            raise InvoerFout(f"Er is al een casus met de naam '{dubbel}'. Kies een andere naam.")
        return form, naam

    @app.post("/casussen/{id_}/kopieren", include_in_schema=False)
    async def kopieer(request: Request, id_: str):
        _, naam = await _nieuwe_naam(request, id_)
        nieuw_id = omgeving.werkmap.kopieer(id_, naam, _wie(request))
        return RedirectResponse(f"/casussen/{nieuw_id}", status_code=303)

    @app.post("/casussen/{id_}/hernoemen", include_in_schema=False)
    async def hernoem(request: Request, id_: str):
        form, naam = await _nieuwe_naam(request, id_)
        nieuw_id = omgeving.werkmap.hernoem(id_, naam, formulier.een(form, "versie")[:64], _wie(request))
        return RedirectResponse(f"/casussen/{nieuw_id}", status_code=303)

    @app.get("/casussen/{id_}/verwijderen", response_class=HTMLResponse, include_in_schema=False)
    def verwijder_vraag(request: Request, id_: str):
        casus, versie = omgeving.werkmap.lees(id_)
        return pagina(request, "verwijderen.html", titel=f"Verwijderen: {casus.naam}", id_=id_, casus=casus,
                      versie=versie)

    @app.post("/casussen/{id_}/verwijderen", include_in_schema=False)
    async def verwijder(request: Request, id_: str):
        form = await _formulier(request)
        if formulier.een(form, "bevestig") != "ja":
            return RedirectResponse(f"/casussen/{id_}", status_code=303)
        doel = omgeving.werkmap.verwijder(id_, formulier.een(form, "versie")[:64], _wie(request))
        return RedirectResponse(f"/?verwijderd={doel.name}", status_code=303)

    @app.post("/naam", include_in_schema=False)
    async def bewaar_naam(request: Request):
        form = await _formulier(request)
        request.session["naam"] = schone_naam(formulier.een(form, "naam")) if formulier.een(form, "naam") else ""
        return RedirectResponse(_lokaal_doel(formulier.een(form, "volgende")), status_code=303)

    @app.get("/casussen/{id_}/wat-moet-er-veranderen", response_class=HTMLResponse, include_in_schema=False)
    def wat_moet_er_veranderen(request: Request, id_: str, doel: str = ""):
        from ..engine.regels import ADVIES_RANG
        from ..engine.watals import Zoeker, zoek_met_tussendoel

        casus, advies, _ = omgeving.advies(id_)
        doelen = [w for w in ADVIES_RANG[casus.fase] if not w.negatief]
        gekozen = doel if doel in {w.value for w in doelen} else None
        resultaat, tussendoel = zoek_met_tussendoel(Zoeker(omgeving.beoordelaar), casus, gekozen)
        return pagina(request, "veranderen.html", titel=f"Wat moet er veranderen: {casus.naam}", id_=id_,
                      casus=casus, advies=advies, resultaat=resultaat, tussendoel=tussendoel, doelen=doelen,
                      gekozen=gekozen, probeer=lambda wijzigingen: f"/casussen/{id_}/wat-als?" + urlencode(
                          [("zet", f"{pad}={json.dumps(w, ensure_ascii=False)}") for pad, w in wijzigingen.items()]))

    @app.get("/casussen/{id_}/collegevoorstel.{extensie}", include_in_schema=False)
    def collegevoorstel(id_: str, extensie: str):
        formaten = {"docx": ("docx", WORD),
                    "html": ("html", "text/html; charset=utf-8"), "md": ("markdown", "text/markdown; charset=utf-8")}
        if extensie not in formaten:
            raise NietGevonden("Het collegevoorstel is er als .docx, .html of .md.")
        formaat, soort = formaten[extensie]
        from ..engine.collegevoorstel import maak_collegeadvies

        pad = omgeving.werkmap.pad(id_)
        inhoud = maak_collegeadvies(str(pad), formaat, omgeving.regelpad, [], None,
                                    omgeving.sjabloon if formaat == "docx" else None)
        if formaat == "html":
            # de HTML opent in de browser (om te lezen of af te drukken); het document heeft zijn opmaak en grafiek
            # in zich, dus alleen die (inline stijl, afbeelding als data:) mogen, en verder niets
            kop = {"Content-Disposition": f'inline; filename="collegevoorstel-{id_}.html"',
                   "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                              "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"}
        else:
            kop = {"Content-Disposition": f'attachment; filename="collegevoorstel-{id_}.{extensie}"'}
        return Response(inhoud, media_type=soort, headers=kop)

    @app.get("/overzicht", response_class=HTMLResponse, include_in_schema=False)
    def overzichtpagina(request: Request):
        from ..engine.weergave import overzicht as weergave

        uitkomst = omgeving.overzicht()
        ids = {b.pad.relative_to(omgeving.werkmap.map).as_posix(): b.id for b in omgeving.werkmap.bestanden()}
        kop, matrix = weergave.matrix_rijen(uitkomst)
        return pagina(request, "overzicht.html", titel="Overzicht van alle samenwerkingen", o=uitkomst, ids=ids,
                      matrixkop=kop, matrix=matrix, niet_gediend=weergave.niet_gediend_zinnen(uitkomst),
                      overlap=uitkomst.overlappen(uitkomst.overlap_drempel), evaluatie=weergave.evaluatie_tekst,
                      wgr=weergave.wgr_tekst, bedrag=weergave.bedrag_tekst, sturing=weergave.sturing_tekst, niveau=weergave.NIVEAU,
                      regels=weergave.op_volgorde(uitkomst.regels))

    @app.get("/overzicht.{extensie}", include_in_schema=False)
    def overzicht_download(extensie: str):
        from ..engine.weergave import overzicht as weergave

        if extensie not in ("xlsx", "docx"):
            raise NietGevonden("Het overzicht is te downloaden als .xlsx (het register) of .docx (de paragraaf "
                               "verbonden partijen).")
        uitkomst = omgeving.overzicht()
        if extensie == "docx":
            from ..engine.weergave.word import collegeadvies as word

            inhoud = word(weergave.paragraaf_met_stempel(uitkomst, omgeving.beoordelaar.pakket,
                                                          omgeving.werkmap.map.name))
            return Response(inhoud, media_type=WORD,
                            headers={"Content-Disposition": 'attachment; filename="paragraaf-verbonden-partijen.docx"'})
        return Response(weergave.xlsx(uitkomst),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="overzicht-samenwerkingen.xlsx"'})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)  # geen pictogram; zo meldt de browser ook geen ontbrekend bestand

    @app.get("/regels", response_class=HTMLResponse, include_in_schema=False)
    def regels(request: Request, q: str = ""):
        zoek = _zoekbaar(q[:200])
        criteria = []
        for code, c in pakket.kop.criteria.items():
            lijst = [r for r in pakket.regels if r.regel.criterium == code]
            tekst = _zoekbaar(" ".join([code, c.naam, c.groep, *(r.regel.uitleg + " " + (r.regel.voorwaarde or "")
                                                                  for r in lijst)]))
            if not zoek or zoek in tekst:
                criteria.append((code, c, lijst))
        groepen: dict[str, list[tuple[str, str]]] = {}
        for code, c, _ in criteria:
            groepen.setdefault(c.groep, []).append((code, c.naam))
        return pagina(request, "regels.html", titel="Regels en bronnen", pakket=pakket, criteria=criteria,
                      groepen=groepen, q=q[:200], bron=lambda v: pakket.bron(v), leesbaar=_zonder_plaatshouders)

    # --- inloggen (alleen met een toegangssleutel) -------------------------------------------

    @app.get("/inloggen", response_class=HTMLResponse, include_in_schema=False)
    def inloggen(request: Request, volgende: str = "/"):
        return pagina(request, "inloggen.html", titel="Inloggen", volgende=_lokaal_doel(volgende))

    @app.post("/inloggen", response_class=HTMLResponse, include_in_schema=False)
    async def inloggen_controle(request: Request):
        form = await _formulier(request)
        if token and secrets.compare_digest(formulier.een(form, "sleutel").encode(), token.encode()):
            request.session["ingelogd"] = True
            return RedirectResponse(_lokaal_doel(formulier.een(form, "volgende")), status_code=303)
        return pagina(request, "inloggen.html", 401, titel="Inloggen", volgende=_lokaal_doel(
            formulier.een(form, "volgende")), fout="De toegangssleutel klopt niet.")

    # --- API -----------------------------------------------------------------------------------

    fouten = {400: {"model": Probleem, "description": "De invoer klopt niet (met de meldingen per veld)"},
              404: {"model": Probleem, "description": "Niet gevonden"},
              401: {"model": Probleem, "description": "Geen of een verkeerde toegangssleutel"}}

    @app.get("/api/v1/casussen", tags=["casussen"], summary="Alle casussen in de werkmap, met hun advies",
             response_model=list[Overzichtsregel], responses={400: fouten[400], 401: fouten[401], 200: {
                 "description": "Eén pagina casussen, op naam van het bestand",
                 "headers": {"X-Total-Count": {"description": "het aantal casussen in de werkmap",
                                               "schema": {"type": "integer"}},
                             "Link": {"description": "de volgende en de vorige pagina (RFC 8288), als die er zijn",
                                      "schema": {"type": "string"}}}}})
    def api_casussen(request: Request, response: Response,
                     pagina: int = Query(1, ge=1, le=100_000, description="de pagina, vanaf 1"),
                     perPagina: int = Query(100, ge=1, le=500, description="casussen per pagina (hooguit 500)")):  # noqa: N803
        alle = [{k: v for k, v in r.items() if k != "zoektekst"} for r in _overzicht(omgeving)]
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

    @app.get("/api/v1/casussen/{id}", tags=["casussen"], summary="Eén casus, in de vorm van het casusbestand",
             responses={200: {"description": "De casus"}, 400: fouten[400], 404: fouten[404], 401: fouten[401]})
    def api_casus(id: str):  # noqa: A002 - de naam van de parameter in de URL
        casus, _ = omgeving.werkmap.lees(id)
        return casusdata(casus)

    @app.get("/api/v1/casussen/{id}/geschiedenis", tags=["casussen"], response_model=list[Opslag],
             summary="Elke opslag van een casus: wie, wanneer, welke velden en het advies ervoor en erna",
             responses={400: fouten[400], 404: fouten[404], 401: fouten[401]})
    def api_geschiedenis(id: str):  # noqa: A002
        omgeving.werkmap.pad(id)  # bestaat de casus (en is het een gewone naam)?
        omgeving.werkmap.lees(id)
        return [{"wie": v.wie, "wanneer": v.wanneer, "velden": list(v.velden), "advies_voor": v.advies_voor,
                 "advies_na": v.advies_na} for v in omgeving.werkmap.geschiedenis.van(f"{id}.yaml")]

    @app.get("/api/v1/adviezen/{id}", tags=["adviezen"], responses={200: {"model": Advies}, **fouten},
             summary="Het advies voor een casus uit de werkmap (gelijk aan beoordeel --formaat json)")
    def api_advies(id: str):  # noqa: A002
        _, advies, _ = omgeving.advies(id)
        return Response(json_weergave.advies(advies), media_type="application/json")

    @app.post("/api/v1/adviezen", tags=["adviezen"], responses={
        200: {"model": Advies}, 400: fouten[400], 401: fouten[401],
        415: {"model": Probleem, "description": "Geen JSON"}, 413: {"model": Probleem, "description": "Te groot"}},
        summary="Het advies voor een casus die in het verzoek staat", openapi_extra={"requestBody": {
            "required": True, "description": "Een casus in de vorm van het casusbestand (zie de README), als JSON.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Casus"}}}}})
    async def api_beoordeel(request: Request):
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return probleem(415, "Verkeerd formaat", "Stuur de casus als JSON (Content-Type: application/json).")
        ruw = await request.body()
        try:
            # lezen, controleren en beoordelen gebeurt in een werkdraad: een groot of traag verzoek houdt de
            # afhandeling van andere verzoeken niet op
            data = await run_in_threadpool(json.loads, ruw, object_pairs_hook=_zonder_dubbele_velden,
                                           parse_float=_json_getal)
        except _DubbeleSleutel as dubbel:
            return probleem(400, "De invoer klopt niet", f"Het veld '{str(dubbel)[:80]}' staat twee keer in dezelfde "
                                                         "groep; een casusbestand weigert dat ook. Laat er één staan.")
        except (ValueError, RecursionError):
            return probleem(400, "De invoer klopt niet", "De casus is geen geldige JSON.")
        if not isinstance(data, dict):
            return probleem(400, "De invoer klopt niet", "De casus moet een JSON-object met velden zijn.")
        def beoordeel() -> str:
            casus = casus_uit_data(data, naam="de casus in het verzoek", json=True,
                                   woorden=omgeving.beoordelaar.pakket.woordenlijsten)
            return json_weergave.advies(omgeving.beoordelaar.beoordeel(casus))

        return Response(await run_in_threadpool(beoordeel), media_type="application/json")

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
    probleem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    versiekop = {"API-Version": {"description": "de volledige versie van de API", "schema": {"type": "string",
                                                                                              "example": API_VERSIE}}}
    schema["info"]["contact"] = {"name": "Beheer samenwerkingstoets", "email": "beheer@example.org",
                                 "url": "https://example.org/samenwerkingstoets"}
    schema["info"]["license"] = {"name": "EUPL-1.2", "identifier": "EUPL-1.2"}
    # De API staat onder /api/v1 (de hoofdversie in de URI); de paden zijn relatief aan die server.
    schema["servers"] = [{"url": API_BASIS, "description": "deze toepassing"}]
    schema["paths"] = {pad.removeprefix(API_BASIS) or "/": inhoud for pad, inhoud in schema.get("paths", {}).items()}
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


# --- hulpjes voor de pagina's ---------------------------------------------------------------------

async def _formulier(request: Request) -> dict[str, list[str]]:
    """Het formulier als lijsten waarden per veld; de CSRF-sleutel wordt eerst gecontroleerd."""
    form = await request.form(max_files=0, max_fields=5_000)
    data: dict[str, list[str]] = {}
    for sleutel, waarde in form.multi_items():
        if isinstance(waarde, str):
            data.setdefault(str(sleutel)[:200], []).append(waarde[:20_000])
    controleer_csrf(request, (data.get("csrf") or [""])[0])
    return data


def _stap(pakket, sleutel: str) -> formulier.Stap:
    for stap in formulier.stappen(pakket):
        if stap.sleutel == sleutel:
            return stap
    raise NietGevonden(f"De intake heeft geen stap '{sleutel[:60]}'.")


def _volgende(pakket, data: dict, sleutel: str) -> str | None:
    reeks = [s.sleutel for s in formulier.stappen_voor(pakket, data.get("fase"))]
    i = reeks.index(sleutel) if sleutel in reeks else -1
    return reeks[i + 1] if i + 1 < len(reeks) else None


def _vorige(pakket, data: dict, sleutel: str) -> str:
    reeks = [s.sleutel for s in formulier.stappen_voor(pakket, data.get("fase"))]
    i = reeks.index(sleutel) if sleutel in reeks else 0
    return reeks[max(i - 1, 0)]


def _fouten_per_veld(meldingen: list[Melding], data: dict) -> tuple[dict[str, list[str]], list[str]]:
    per_veld: dict[str, list[str]] = {}
    algemeen: list[str] = []
    for m in meldingen:
        veld = formulier.formulierveld(m, data)
        if veld:
            per_veld.setdefault(veld, []).append(m.tekst)
        else:
            algemeen.append(m.tekst)
    return per_veld, algemeen


def _fouten_bij(per_veld: dict[str, list[str]], pad: str) -> list[str]:
    return [t for veld, teksten in per_veld.items() if veld == pad or veld.startswith(pad + ".") for t in teksten]


def _stappagina(request, pagina, omgeving: Omgeving, id_: str | None, stap: formulier.Stap, data: dict,
                versie: str | None, meldingen: list[Melding], status: int = 200,
                partner_nr: int = 0) -> HTMLResponse:
    pakket = omgeving.beoordelaar.pakket
    stappen = formulier.stappen_voor(pakket, data.get("fase"))
    per_veld, algemeen = _fouten_per_veld(meldingen, data)
    return pagina(request, "stap.html", status, titel=f"{stap.titel}{' - ' + str(data.get('naam')) if id_ else ''}",
                  id_=id_, stap=stap, stappen=stappen, waarden=formulier.formulierwaarden(stap, data),
                  versie=versie, fouten=per_veld, algemeen=algemeen, fouten_bij=_fouten_bij,
                  partners=formulier.partnernamen(data), lege_rijen=formulier.LEGE_PARTNERRIJEN,
                  partnervelden=[(deel, CATALOGUS[f"partners[].{deel}"]) for deel in ("soort", "belang")],
                  aantal_partners=len(formulier.partnernamen(data)), naam=data.get("naam"),
                  partner_nr=min(partner_nr, max(len(formulier.partnernamen(data)) - 1, 0)),
                  laatste=_volgende(pakket, data, stap.sleutel) is None)


def _watalspagina(request, pagina, omgeving: Omgeving, id_: str, casus: Casus, origineel: dict, data: dict,
                  advies: Advies, nieuw_advies: Advies | None, meldingen: list[Melding], status: int = 200):
    pakket = omgeving.beoordelaar.pakket
    stappen = _watalsstappen(pakket, casus)
    waarden: dict[str, Any] = {}
    oorspronkelijk: dict[str, Any] = {}
    for stap in stappen:
        waarden.update(formulier.formulierwaarden(stap, data))
        oorspronkelijk.update(formulier.formulierwaarden(stap, origineel))
    gewijzigd = {veld for veld, waarde in waarden.items() if oorspronkelijk.get(veld) != waarde}
    open_stappen = {s.sleutel for s in stappen if any(g == v.pad or g.startswith(v.pad + ".")
                                                     for g in gewijzigd for v in s.velden)}
    per_veld, algemeen = _fouten_per_veld(meldingen, data)
    verschil = None
    if nieuw_advies is not None:
        oud = {b.regel: b for b in advies.bevindingen}
        nieuw = {b.regel: b for b in nieuw_advies.bevindingen}
        verschil = {"verdwenen": [oud[r] for r in oud if r not in nieuw],
                    "nieuw": [nieuw[r] for r in nieuw if r not in oud]}
    return pagina(request, "watals.html", status, titel=f"Wat als: {casus.naam}", id_=id_, casus=casus,
                  advies=advies, nieuw_advies=nieuw_advies, verschil=verschil, stappen=stappen, waarden=waarden,
                  fouten=per_veld, algemeen=algemeen, fouten_bij=_fouten_bij, gewijzigd=gewijzigd,
                  open_stappen=open_stappen)


WAT_ALS_NIET = ("naam", "fase", "perspectief", "omschrijving", "peildatum")  # beschrijven de casus, toetsen niets


def _watalsstappen(pakket, casus: Casus) -> list[formulier.Stap]:
    """De stappen van wat-als: alles wat het advies kan veranderen (niet de naam of de partnerlijst)."""
    uit = []
    for stap in formulier.stappen_voor(pakket, casus.fase.value):
        if stap.partners or stap.scan_per_partner:
            continue
        if stap.sleutel == formulier.BASIS:
            stap = formulier.Stap(stap.sleutel, "Soort, thema's, schaal en vorm",
                                  tuple(v for v in stap.velden if v.pad not in WAT_ALS_NIET))
        uit.append(stap)
    return uit


AFWEGINGSVELDEN = ("criterium", "effect", "reden", "door")
AFWEGINGSLABELS = {"criterium": "Welke bevinding weegt u anders?", "effect": "Hoe zwaar weegt de bevinding volgens u?",
                   "reden": "Waarom weegt u dit anders?", "door": "Wie besluit dit? (naam of functie)"}
# het gewicht in gewone woorden, in de volgorde en met de waarden van het casusmodel (blokkerend eerst)
_GEWICHTLABELS = {"blokkerend": "Blokkerend: het advies wordt negatief",
                  "voorwaarde": "Voorwaarde: eerst (of tegelijk) te regelen",
                  "aandachtspunt": "Aandachtspunt: telt niet mee voor het advies",
                  "sterkte": "Sterkte: telt niet mee voor het advies"}
GEWICHTEN = {e.value: _GEWICHTLABELS.get(e.value, e.value.capitalize()) for e in AfwegingEffect}
MAX_REDEN, MAX_DOOR, MAX_AFWEGINGEN = 2_000, 200, 100  # zoals het casusmodel (engine/casus.py, Afweging)
AFWEGING_GELUKT = {"toegevoegd": "De afweging is opgeslagen in het casusbestand. Het advies hieronder houdt er "
                                 "rekening mee.",
                   "verwijderd": "De afweging is verwijderd uit het casusbestand."}


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _afwegingen_in(data: dict) -> list[dict]:
    """De afwegingen zoals ze in het bestand staan ('onbekend' of niets: geen)."""
    lijst = data.get("afwegingen")
    return [a for a in lijst if isinstance(a, dict)] if isinstance(lijst, list) else []


def _controleer_afweging(pakket, invoer: dict[str, str], bestaand: list[dict]) -> dict[str, list[str]]:
    """De meldingen per formulierveld; leeg als de afweging opgeslagen kan worden. Een criterium of gewicht dat
    niet in de keuzelijst stond (een nagemaakt formulier), wordt net zo geweigerd als een ontbrekende reden."""
    fouten: dict[str, list[str]] = {}
    code = invoer["criterium"].upper()
    if not code:
        fouten["criterium"] = ["Kies de bevinding (het criterium) die u anders wilt wegen."]
    elif code not in pakket.kop.criteria:
        fouten["criterium"] = ["Dit criterium komt niet voor in het regelpakket. Kies een criterium uit de lijst."]
    elif any(str(a.get("criterium", "")).upper() == code for a in bestaand):
        fouten["criterium"] = [f"U weegt '{pakket.kop.criteria[code].naam}' al anders (zie 'Ambtelijke afweging'). "
                               "Verwijder die afweging eerst als u haar wilt vervangen."]
    if not invoer["effect"]:
        fouten["effect"] = ["Kies hoe zwaar de bevinding volgens u weegt."]
    elif invoer["effect"] not in GEWICHTEN:
        fouten["effect"] = ["Kies een gewicht uit de lijst: blokkerend, voorwaarde, aandachtspunt of sterkte."]
    if not invoer["reden"] or invoer["reden"].lower() == "onbekend":
        fouten["reden"] = ["Schrijf op waarom u dit anders weegt. Zonder reden wordt de afweging niet opgeslagen."]
    elif len(invoer["reden"]) > MAX_REDEN:
        fouten["reden"] = [f"De reden is te lang: hooguit {_getal(MAX_REDEN)} tekens (nu "
                           f"{_getal(len(invoer['reden']))}). Maak haar korter."]
    if len(invoer["door"]) > MAX_DOOR:
        fouten["door"] = [f"Dit is te lang: hooguit {MAX_DOOR} tekens (nu {_getal(len(invoer['door']))})."]
    return fouten


def _bewaar_afwegingen(request, pagina, omgeving: Omgeving, id_: str, nieuw: dict, versie: str,
                       invoer: dict[str, str] | None, gelukt: str):
    """Schrijf de casus met de nieuwe lijst afwegingen, langs dezelfde weg als de intake (versiecontrole,
    validatie op de hele casus, opmerkingen blijven staan); lukt het niet, dan is er niets opgeslagen."""
    try:
        oud, _ = omgeving.werkmap.data(id_)
        omgeving.werkmap.bewaar(id_, nieuw, versie, _wie(request), _opslagregels(omgeving, oud, nieuw))
    except Gewijzigd as fout:
        _, nu = omgeving.werkmap.data(id_)
        extra = (" Uw invoer staat nog in het formulier." if invoer
                 else " Bekijk hieronder de afwegingen zoals ze nu zijn.")
        return _adviespagina(request, pagina, omgeving, id_, 409, algemeen=[fout.tekst + extra], invoer=invoer,
                             versie=nu)
    except InvoerFout as fout:
        teksten = [m.tekst for m in fout.meldingen] or [fout.tekst]
        return _adviespagina(request, pagina, omgeving, id_, 400, algemeen=[
            "De afweging kon niet worden opgeslagen; er is niets veranderd.", *teksten], invoer=invoer, versie=versie)
    return RedirectResponse(f"/casussen/{id_}?melding={gelukt}#afweging", status_code=303)


def _criteriumkeuze(pakket, advies: Advies) -> dict[str, list[tuple[str, str]]]:
    """De criteria voor 'Een bevinding anders wegen': eerst die met een bevinding in dit advies (met hun gewicht
    nu), dan de andere; een criterium dat al anders gewogen is, staat er niet bij."""
    al = {a.criterium for a in advies.afwegingen}
    nu: dict[str, list[str]] = {}
    for b in advies.bevindingen:
        if b.criterium in pakket.kop.criteria and b.criterium not in al:
            nu.setdefault(b.criterium, [])
            if b.effect.value not in nu[b.criterium]:
                nu[b.criterium].append(b.effect.value)
    return {"Met een bevinding in dit advies": [(code, f"{pakket.kop.criteria[code].naam} (nu: {' en '.join(e)})")
                                                for code, e in nu.items()],
            "Andere criteria": [(code, c.naam) for code, c in pakket.kop.criteria.items()
                                if code not in nu and code not in al]}


def _adviespagina(request, pagina, omgeving: Omgeving, id_: str, status: int = 200,
                  fouten: dict[str, list[str]] | None = None, algemeen: list[str] | None = None,
                  invoer: dict[str, str] | None = None, versie: str | None = None, melding: str | None = None):
    casus, advies, nu = omgeving.advies(id_)
    pakket = omgeving.beoordelaar.pakket
    intake, open_stap = intakestatus(omgeving, id_, casus, advies)
    return pagina(request, "advies.html", status, titel=f"Advies: {casus.naam}", id_=id_, casus=casus, advies=advies,
                  intake=intake, open_stap=open_stap, overlap=overlap_in_werkmap(omgeving, id_, casus),
                  **_adviescontext(advies), varianten=omgeving.werkmap.variantbestanden(id_),
                  pakketten=list(omgeving.pakketten), versie=versie or nu, fouten=fouten or {},
                  algemeen=algemeen or [], invoer=invoer or {}, melding=melding,
                  criteriumkeuze=_criteriumkeuze(pakket, advies), gewichten=GEWICHTEN,
                  afwegingslabels=AFWEGINGSLABELS, max_reden=MAX_REDEN, max_door=MAX_DOOR)


def intakestatus(omgeving: Omgeving, id_: str, casus: Casus, advies: Advies) -> tuple[str, str | None]:
    """'onvolledig' of 'klaar', en de eerste stap van de intake die nog open is. Onvolledig is een casus die in de
    intake begon en waarvan nog niet elke stap (voor haar fase) is opgeslagen, of waarvan een kernvraag van het
    pakket nog open is; dan is het advies nog geen advies om op te varen."""
    stappen = [s.sleutel for s in formulier.stappen_voor(omgeving.beoordelaar.pakket, casus.fase.value)]
    bezocht = omgeving.werkmap.geschiedenis.bezochte_stappen().get(id_)
    if bezocht is not None:
        open_stappen = [s for s in stappen if s not in bezocht]
        if open_stappen:
            return "onvolledig", open_stappen[0]
    for vraag in advies.open_kernvragen:
        for veld in vraag.velden:
            info = omgeving.beoordelaar.pakket.catalogus.get(veld)
            bron = (info.bronvelden[0] if info is not None and info.afgeleid and info.bronvelden else veld)
            groep = bron.split(".", 1)[0]
            return "onvolledig", groep if groep in stappen else stappen[0]
    return "klaar", None


def overlap_in_werkmap(omgeving: Omgeving, id_: str, casus: Casus) -> list[tuple[str, str, str, int]]:
    """Andere casussen in de werkmap op een zelfde thema met grotendeels dezelfde partners (zoals het overzicht ze
    vindt, met de drempel van het pakket): (id, naam, thema's, procent gedeelde partners), de sterkste eerst."""
    eigen = {p.naam.casefold() for p in casus.partners or []}
    if not eigen or not casus.themas:
        return []
    drempel = omgeving.beoordelaar.pakket.kop.overzicht.overlap_partners
    uit = []
    for bestand in omgeving.werkmap.bestanden():
        if bestand.id == id_:
            continue
        try:
            ander, _ = omgeving.werkmap.lees(bestand.id)
        except InvoerFout:
            continue
        themas = [t for t in casus.themas if t in (ander.themas or [])]
        partners = {p.naam.casefold() for p in ander.partners or []}
        if themas and partners:
            aandeel = len(eigen & partners) / len(eigen | partners)
            if aandeel >= drempel:
                labels = [casus.woordenlijsten.label("themas", t) or woord(t) for t in themas]
                uit.append((bestand.id, ander.naam, ", ".join(labels), round(aandeel * 100)))
    return sorted(uit, key=lambda r: -r[3])[:10]


def _adviescontext(advies: Advies) -> dict[str, Any]:
    namen = {b.regel: b.criterium_naam for b in advies.bevindingen}
    waarom_niet = [(w.advies_tekst, list(dict.fromkeys(namen[r] for r in w.bevindingen if r in namen)), w.reden)
                   for w in advies.waarom_niet]
    return {"waarom_niet": waarom_niet,
            "per_effect": {e: [b for b in advies.bevindingen if b.effect == e] for e in EFFECT_VOLGORDE},
            "bandbreedte": bandbreedte_tekst(advies), "uitzoeken": uitzoekpunten(advies),
            "factoren": factorrijen(advies), "Effect": Effect,
            # eerst wat het advies nog kan doen omslaan, dan wat de adviseur anders woog (tekst zoals in de CLI)
            "scharnieren": scharnierregels(advies) if advies.voorlopig
            or advies.advies == Advieswoord.onvoldoende_informatie else [],
            "afwegingen": list(zip(advies.afwegingen, afwegingsregels(advies)))}


def _overzicht(omgeving: Omgeving) -> list[dict[str, Any]]:
    rijen = []
    for bestand in omgeving.werkmap.bestanden():
        try:
            casus, advies, _ = omgeving.advies(bestand.id)
        except InvoerFout as fout:
            rijen.append({"id": bestand.id, "naam": bestand.id, "fase": "", "themas": [], "advies": "",
                          "status": "onvolledig", "open_stap": None,
                          "advies_tekst": "bestand klopt niet", "bandbreedte": None, "gewijzigd":
                          bestand.gewijzigd.isoformat(timespec="seconds"), "fout": fout.tekst,
                          "zoektekst": bestand.id})
            continue
        themas = list(casus.themas or [])
        status, open_stap = intakestatus(omgeving, bestand.id, casus, advies)
        rijen.append({"id": bestand.id, "naam": casus.naam, "fase": casus.fase.value, "themas": themas,
                      "status": status, "open_stap": open_stap,
                      "advies": advies.advies.value, "advies_tekst": advies.advies_tekst,
                      "bandbreedte": advies.bandbreedte.model_dump(mode="json"),
                      "gewijzigd": bestand.gewijzigd.isoformat(timespec="seconds"), "fout": None,
                      "zoektekst": _zoekbaar(" ".join([casus.naam, *map(woord, themas), bestand.id,
                                                       casus.omschrijving or "", advies.advies_tekst]))})
    return rijen


def _bestaande_naam(werkmap: Werkmap, naam: str) -> str | None:
    """De naam van een casus in de werkmap die (op hoofdletters en witruimte na) gelijk is aan `naam`."""
    gezocht = " ".join(naam.split()).casefold()
    if not gezocht:
        return None
    for bestand in werkmap.bestanden():
        try:
            casus, _ = werkmap.lees(bestand.id)
        except InvoerFout:
            continue
        if " ".join(casus.naam.split()).casefold() == gezocht:
            return casus.naam
    return None


def _bekend(data: dict) -> dict:
    """De gegevens zonder wat onbekend is: 'onbekend' en een ontbrekend veld betekenen hetzelfde."""
    return {k: _bekend(v) if isinstance(v, dict) else v for k, v in data.items() if v is not None and v != "onbekend"}


def _zoekbaar(tekst: str) -> str:
    """Zoeken zonder op hoofdletters, streepjes of accenten te letten: 'noord holland' vindt 'Noord-Holland'."""
    return " ".join(zonder_accenten(tekst).lower().replace("-", " ").replace("_", " ").split())


def _verschil(oud: dict, nieuw: dict) -> dict[str, Any]:
    """De wijzigingen van `oud` naar `nieuw` in de vorm van een variantbestand (None = veld wordt onbekend)."""
    oud, nieuw = _bekend(oud), _bekend(nieuw)
    uit: dict[str, Any] = {}
    for sleutel in list(dict.fromkeys([*oud, *nieuw])):
        a, b = oud.get(sleutel), nieuw.get(sleutel)
        if isinstance(a, dict) and isinstance(b, dict):
            binnen = _verschil(a, b)
            if binnen:
                uit[sleutel] = binnen
        elif a != b:
            uit[sleutel] = b
    return uit


def _lokaal_doel(doel: str) -> str:
    """Alleen een pad binnen deze app ('/casussen/x'), nooit een andere site ('//elders', 'https://...')."""
    return doel if doel.startswith("/") and not doel.startswith(("//", "/\\")) and len(doel) < 300 else "/"


# --- geschiedenis: wie, welke velden, het advies ervoor en erna ------------------------------------------------

def _wie(request: Request) -> str:
    """Wie een wijziging doet: de naam die de adviseur opgaf (in de sessie), of het systeem met de sleutel."""
    naam = request.scope.get("session", {}).get("naam") if "session" in request.scope else None
    if naam:
        return str(naam)
    if request.headers.get("authorization", "").startswith("Bearer "):
        return "systeem met de toegangssleutel"
    return "onbekende adviseur"


def _advies_van(omgeving: Omgeving, data: dict) -> str:
    try:
        casus = casus_uit_data(data, naam="geschiedenis", woorden=omgeving.beoordelaar.pakket.woordenlijsten)
    except InvoerFout:
        return ""
    return omgeving.beoordelaar.beoordeel(casus).advies_tekst


def _opslagregels(omgeving: Omgeving, oud: dict, nieuw: dict) -> dict[str, str]:
    return {"Velden": ", ".join(gewijzigde_velden(oud, nieuw)) or "geen", "Advies-voor": _advies_van(omgeving, oud),
            "Advies-na": _advies_van(omgeving, nieuw)}


_PLAATSHOUDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
_TEKSTPLAATSEN = {"perspectief": "de gemeente", "opgave.tekst": "de opgave", "partners.namen": "de partners"}


def _zonder_plaatshouders(tekst: str) -> str:
    """Een regeltekst zoals een lezer haar op de pagina Regels ziet: {veld} wordt [wat daar komt te staan]."""
    def vervang(m: re.Match) -> str:
        pad = m.group(1)
        if pad in _TEKSTPLAATSEN:
            return f"[{_TEKSTPLAATSEN[pad]}]"
        tekst_ = label(pad)
        return f"[{tekst_[:1].lower() + tekst_[1:]}]" if tekst_ != pad else "[…]"
    return _PLAATSHOUDER.sub(vervang, tekst)
