# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het advies van een casus: de afwegingen, de grafiek, het collegevoorstel, de geschiedenis en beheren (kopiëren, hernoemen, verwijderen)."""

from __future__ import annotations

import copy

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...engine.fouten import InvoerFout
from ...engine.waarden import schone_tekst
from .. import formulier
from ..geschiedenis import gewijzigde_velden
from ..werkmap import NietGevonden

from .. import diensten as d

router = APIRouter()


@router.get("/casussen/{id_}", response_class=HTMLResponse, include_in_schema=False)
def adviespagina(request: Request, id_: str, melding: str = ""):
    omgeving, pagina = d.context(request, ('omgeving', 'pagina'))
    return d.adviespagina(request, pagina, omgeving, id_, melding=d.AFWEGING_GELUKT.get(melding))


@router.post("/casussen/{id_}/afwegingen", response_class=HTMLResponse, include_in_schema=False)
async def voeg_afweging_toe(request: Request, id_: str):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    form = await d.lees_formulier(request)
    data, nu = omgeving.werkmap.data(id_)
    versie = formulier.een(form, "versie")[:64]
    # zoals het casusmodel tekst leest: zonder onzichtbare tekens en witruimte aan de randen
    invoer = {veld: schone_tekst(formulier.een(form, veld).replace("\r\n", "\n").replace("\r", "\n"))
              for veld in d.AFWEGINGSVELDEN}
    bestaand = d.afwegingen_in(data)
    fouten = d.controleer_afweging(pakket, invoer, bestaand)
    algemeen = [] if len(bestaand) < d.MAX_AFWEGINGEN else [
        f"Deze casus heeft al {d.MAX_AFWEGINGEN} afwegingen; meer kan niet. Verwijder eerst een afweging."]
    if fouten or algemeen:
        return d.adviespagina(request, pagina, omgeving, id_, 400, fouten=fouten, algemeen=algemeen, invoer=invoer,
                             versie=versie or nu)
    afweging = {"criterium": invoer["criterium"].upper(), "effect": invoer["effect"], "reden": invoer["reden"]}
    if invoer["door"]:
        afweging["door"] = invoer["door"]
    nieuw = copy.deepcopy(data)
    nieuw["afwegingen"] = [*copy.deepcopy(bestaand), afweging]
    return d.bewaar_afwegingen(request, pagina, omgeving, id_, nieuw, versie, invoer, "toegevoegd")


@router.post("/casussen/{id_}/afwegingen/{nummer}/verwijderen", response_class=HTMLResponse,
          include_in_schema=False)
async def verwijder_afweging(request: Request, id_: str, nummer: str):
    omgeving, pagina = d.context(request, ('omgeving', 'pagina'))
    form = await d.lees_formulier(request)
    data, nu = omgeving.werkmap.data(id_)
    versie = formulier.een(form, "versie")[:64]
    if versie != nu:  # de nummers horen bij het bestand zoals de gebruiker het zag
        return d.adviespagina(request, pagina, omgeving, id_, 409,
                             algemeen=[omgeving.werkmap.gewijzigd(id_).tekst + " Bekijk hieronder de afwegingen "
                                       "zoals ze nu zijn."])
    bestaand = d.afwegingen_in(data)
    i = int(nummer) - 1 if nummer.isdigit() and len(nummer) < 4 else -1
    criterium = formulier.een(form, "criterium").upper()
    if not 0 <= i < len(bestaand) or str(bestaand[i].get("criterium", "")).upper() != criterium:
        return d.adviespagina(request, pagina, omgeving, id_, 400, versie=versie, algemeen=[
            "Deze afweging staat niet (meer) in de casus; er is niets verwijderd. Bekijk hieronder de afwegingen "
            "zoals ze nu zijn."])
    nieuw = copy.deepcopy(data)
    over = [a for j, a in enumerate(copy.deepcopy(bestaand)) if j != i]
    if over:
        nieuw["afwegingen"] = over
    else:
        nieuw.pop("afwegingen", None)  # geen lege lijst in het bestand: zonder afwegingen is er geen veld
    return d.bewaar_afwegingen(request, pagina, omgeving, id_, nieuw, versie, None, "verwijderd")


@router.get("/casussen/{id_}/grafiek.png", include_in_schema=False)
def grafiek(request: Request, id_: str):
    omgeving, pakket = d.context(request, ('omgeving', 'pakket'))
    from ...engine.weergave import grafiek as grafiekmodule
    from ...engine.weergave.collegeadvies import grafiek_van

    _, advies, _ = omgeving.advies(id_)
    return Response(grafiekmodule.png(grafiek_van(advies, pakket)), media_type="image/png")


@router.get("/casussen/{id_}/geschiedenis", response_class=HTMLResponse, include_in_schema=False)
def geschiedenispagina(request: Request, id_: str, versie: str = ""):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    from ...engine.watals import Kolom, vergelijk as vergelijk_kolommen

    casus, advies, _ = omgeving.advies(id_)
    versies = omgeving.werkmap.geschiedenis.van(f"{id_}.yaml")
    uitkomst, anders, geen_vergelijking = None, [], False
    gekozen = next((v for v in versies if v.commit == versie), None)
    if gekozen is not None:
        oud = omgeving.werkmap.casus_in_versie(id_, gekozen.commit)
        geen_vergelijking = oud is None
        if oud is not None:
            from ...engine.varianten import casusdata

            anders = gewijzigde_velden(casusdata(oud), casusdata(casus))
            label = f"{gekozen.wanneer:%Y-%m-%d %H:%M} ({gekozen.wie})"
            regelpakket = f"{pakket.naam} {pakket.versie}"
            uitkomst = vergelijk_kolommen([
                Kolom(label=label, casus=oud.naam, variant=None, variant_omschrijving=None,
                      regelpakket=regelpakket, advies=omgeving.beoordelaar.beoordeel(oud)),
                Kolom(label="vandaag", casus=casus.naam, variant=None, variant_omschrijving=None,
                      regelpakket=regelpakket, advies=advies)])
    return pagina(request, "geschiedenis.html", titel=f"Geschiedenis: {casus.naam}", id_=id_, casus=casus,
                  versies=versies,
                  uitkomst=uitkomst, anders=anders, gekozen=gekozen, geen_vergelijking=geen_vergelijking,
                  naam=request.session.get("naam", ""))


async def nieuwe_naam(request: Request, id_: str) -> tuple[dict[str, list[str]], str]:
    omgeving, = d.context(request, ('omgeving',))
    form = await d.lees_formulier(request)
    naam = schone_tekst(formulier.een(form, "naam"))[:200]
    if not any(t.isalnum() for t in naam):
        raise InvoerFout("Geef een naam met minstens één letter of cijfer.")
    dubbel = d.bestaande_naam(omgeving.werkmap, naam)
    if dubbel:
        raise InvoerFout(f"Er is al een casus met de naam '{dubbel}'. Kies een andere naam.")
    return form, naam


@router.post("/casussen/{id_}/kopieren", include_in_schema=False)
async def kopieer(request: Request, id_: str):
    omgeving, = d.context(request, ('omgeving',))
    _, naam = await nieuwe_naam(request, id_)
    nieuw_id = omgeving.werkmap.kopieer(id_, naam, d.wie(request))
    return RedirectResponse(f"/casussen/{nieuw_id}?melding=gekopieerd", status_code=303)


@router.post("/casussen/{id_}/hernoemen", include_in_schema=False)
async def hernoem(request: Request, id_: str):
    omgeving, = d.context(request, ('omgeving',))
    form, naam = await nieuwe_naam(request, id_)
    nieuw_id = omgeving.werkmap.hernoem(id_, naam, formulier.een(form, "versie")[:64], d.wie(request))
    return RedirectResponse(f"/casussen/{nieuw_id}?melding=hernoemd", status_code=303)


@router.get("/casussen/{id_}/verwijderen", response_class=HTMLResponse, include_in_schema=False)
def verwijder_vraag(request: Request, id_: str):
    omgeving, pagina = d.context(request, ('omgeving', 'pagina'))
    casus, versie = omgeving.werkmap.lees(id_)
    return pagina(request, "verwijderen.html", titel=f"Verwijderen: {casus.naam}", id_=id_, casus=casus,
                  versie=versie)


@router.post("/casussen/{id_}/verwijderen", include_in_schema=False)
async def verwijder(request: Request, id_: str):
    omgeving, = d.context(request, ('omgeving',))
    form = await d.lees_formulier(request)
    if formulier.een(form, "bevestig") != "ja":
        return RedirectResponse(f"/casussen/{id_}", status_code=303)
    doel = omgeving.werkmap.verwijder(id_, formulier.een(form, "versie")[:64], d.wie(request))
    return RedirectResponse(f"/?verwijderd={doel.name}", status_code=303)


@router.get("/prullenbak", response_class=HTMLResponse, include_in_schema=False)
def prullenbak(request: Request):
    omgeving, pagina = d.context(request, ('omgeving', 'pagina'))
    return pagina(request, "prullenbak.html", titel="Prullenbak", items=omgeving.werkmap.prullenbak())


@router.post("/prullenbak/terugzetten", include_in_schema=False)
async def zet_terug(request: Request):
    omgeving, = d.context(request, ('omgeving',))
    form = await d.lees_formulier(request)
    nieuw_id = omgeving.werkmap.zet_terug(formulier.een(form, "bestand")[:120], d.wie(request))
    return RedirectResponse(f"/casussen/{nieuw_id}?melding=teruggezet", status_code=303)


@router.get("/casussen/{id_}/collegevoorstel.{extensie}", include_in_schema=False)
def collegevoorstel(request: Request, id_: str, extensie: str):
    omgeving, = d.context(request, ('omgeving',))
    formaten = {"docx": ("docx", d.WORD),
                "html": ("html", "text/html; charset=utf-8"), "md": ("markdown", "text/markdown; charset=utf-8")}
    if extensie not in formaten:
        raise NietGevonden("Het collegevoorstel is er als .docx, .html of .md.")
    formaat, soort = formaten[extensie]
    from ...engine.collegevoorstel import maak_collegeadvies

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
