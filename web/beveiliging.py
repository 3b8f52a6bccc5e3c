# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Veilig als standaard: grootte van verzoeken, beveiligingskoppen, toegang met een sleutel en CSRF.

- Elk verzoek is hooguit MAX_VERZOEK groot (ook als de afzender geen lengte opgeeft).
- Elke pagina krijgt een Content-Security-Policy zonder inline script, nosniff, geen framing en geen
  referrer naar andere sites.
- Met een toegangssleutel (verplicht zodra de app niet alleen lokaal luistert) moet elke pagina en elke
  API-aanroep bewijzen dat hij die sleutel kent: de browser via het inlogformulier (een ondertekende
  sessiecookie), een ander systeem met 'Authorization: Bearer <sleutel>'.
- Elk formulier draagt een CSRF-sleutel uit de sessie; een formulier van een andere site wordt geweigerd.
"""

from __future__ import annotations

import secrets

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..engine.fouten import InvoerFout

MAX_VERZOEK = 1_000_000  # een casus is hooguit enkele tientallen kilobytes
API_VERSIE = "1.1.0"  # de volledige versie van de API, in de kop API-Version van elk antwoord onder /api/
OPENAPI = "/api/v1/openapi.json"  # de beschrijving van de API: openbaar, ook voor andere sites (CORS)
LOKALE_HOSTS = ("127.0.0.1", "localhost", "[::1]")
KOPPEN = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-store",
}
VRIJ = ("/statisch/", "/inloggen", OPENAPI)  # zonder sleutel bereikbaar


class CsrfFout(InvoerFout):
    """Het formulier komt niet (meer) van deze pagina."""


def csrf_sleutel(request: Request) -> str:
    sleutel = request.session.get("csrf")
    if not sleutel:
        sleutel = secrets.token_urlsafe(24)
        request.session["csrf"] = sleutel
    return sleutel


def controleer_csrf(request: Request, waarde: str) -> None:
    verwacht = request.session.get("csrf")
    if not verwacht or not isinstance(waarde, str) or not secrets.compare_digest(waarde.encode(), verwacht.encode()):
        raise CsrfFout("Het formulier is verlopen of komt niet van deze pagina; er is niets opgeslagen. "
                       "Open de pagina opnieuw en probeer het nog eens.")


class _Grootte:
    """ASGI-laag die te grote verzoeken weigert (413), ook als ze in stukken binnenkomen."""

    def __init__(self, app: ASGIApp, maximum: int):
        self.app, self.maximum = app, maximum

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lengte = dict(scope.get("headers") or []).get(b"content-length")
        if lengte is not None and (not lengte.isdigit() or int(lengte) > self.maximum):
            await _te_groot(scope, receive, send)
            return
        ontvangen = 0

        async def begrensd() -> Message:
            nonlocal ontvangen
            bericht = await receive()
            if bericht["type"] == "http.request":
                ontvangen += len(bericht.get("body", b""))
                if ontvangen > self.maximum:
                    raise _TeGroot()
            return bericht

        try:
            await self.app(scope, begrensd, send)
        except Exception as fout:  # de HTTP-lagen van Starlette verpakken de fout soms in een ExceptionGroup
            if not _is_te_groot(fout):
                raise
            await _te_groot(scope, receive, send)


class _TeGroot(Exception):
    pass


def _is_te_groot(fout: BaseException) -> bool:
    if isinstance(fout, _TeGroot):
        return True
    return isinstance(fout, BaseExceptionGroup) and any(_is_te_groot(f) for f in fout.exceptions)


async def _te_groot(scope: Scope, receive: Receive, send: Send) -> None:
    tekst = f"Het verzoek is te groot (hooguit {MAX_VERZOEK // 1000} kB)."
    if scope["path"].startswith("/api/"):
        antwoord: Response = JSONResponse({"type": "about:blank", "title": "Te groot", "status": 413, "detail": tekst},
                                          status_code=413, media_type="application/problem+json",
                                          headers={"API-Version": API_VERSIE})
    else:
        antwoord = Response(tekst, status_code=413, media_type="text/plain; charset=utf-8")
    await antwoord(scope, receive, send)


class Beveiliging:
    """Zet de beveiligingslagen op de app (de volgorde van Starlette: de laatst toegevoegde laag is de buitenste)."""

    def __init__(self, app, token: str | None, hosts: tuple[str, ...] | None):
        @app.middleware("http")
        async def toegang_en_koppen(request: Request, volgende):
            kop = request.headers.get("host", "")
            host = kop.split("]")[0] + "]" if kop.startswith("[") else kop.rsplit(":", 1)[0]  # zonder poort
            api = request.url.path.startswith("/api/")
            if hosts is not None and host not in hosts:
                # een andere naam voor deze computer: DNS-rebinding van een website zou hier binnenkomen
                tekst = "Onbekende hostnaam: open de toepassing via http://127.0.0.1."
                antwoord: Response = (JSONResponse({"type": "about:blank", "title": "Onbekende hostnaam", "status": 400,
                                                    "detail": tekst}, status_code=400,
                                                   media_type="application/problem+json") if api
                                      else Response(tekst, status_code=400, media_type="text/plain; charset=utf-8"))
            elif token and not _vrij(request.url.path) and not _heeft_toegang(request, token):
                if request.url.path.startswith("/api/"):
                    antwoord = JSONResponse(
                        {"type": "about:blank", "title": "Geen toegang", "status": 401,
                         "detail": "Geef de toegangssleutel mee: Authorization: Bearer <sleutel>."},
                        status_code=401, media_type="application/problem+json",
                        headers={"WWW-Authenticate": "Bearer"})
                else:
                    antwoord = RedirectResponse(f"/inloggen?volgende={request.url.path}", status_code=303)
            else:
                antwoord = await volgende(request)
            for naam, waarde in KOPPEN.items():
                antwoord.headers.setdefault(naam, waarde)
            if api:  # elk antwoord van de API noemt haar versie, ook een weigering (API Design Rules)
                antwoord.headers["API-Version"] = API_VERSIE
            if request.url.path == OPENAPI:  # de beschrijving mag elke site lezen; de gegevens niet
                antwoord.headers["Access-Control-Allow-Origin"] = "*"
            return antwoord

        app.add_middleware(_Grootte, maximum=MAX_VERZOEK)
        app.add_middleware(Kop)


class Kop:
    """HEAD werkt overal waar GET werkt (RFC 9110): het verzoek gaat als GET door de app, het antwoord komt zonder
    inhoud terug, met dezelfde koppen."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def zonder_inhoud(bericht: Message) -> None:
            if bericht["type"] == "http.response.body":
                bericht = {**bericht, "body": b"", "more_body": bericht.get("more_body", False)}
            await send(bericht)

        await self.app({**scope, "method": "GET"}, receive, zonder_inhoud)


def _vrij(pad: str) -> bool:
    return pad.startswith(VRIJ)


def _heeft_toegang(request: Request, token: str) -> bool:
    kop = request.headers.get("authorization", "")
    if kop.startswith("Bearer ") and secrets.compare_digest(kop[7:].strip().encode(), token.encode()):
        return True
    return bool(request.scope.get("session", {}).get("ingelogd"))
