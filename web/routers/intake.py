# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De intake: een nieuwe casus en de stappen, tot de controle."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...engine.feiten import feiten_van
from ...engine.fouten import InvoerFout, Melding
from .. import formulier
from ..geschiedenis import gewijzigde_velden
from ..werkmap import Gewijzigd

from .. import diensten as d

router = APIRouter()


@router.get("/casussen/nieuw", response_class=HTMLResponse, include_in_schema=False)
def nieuwe_casus(request: Request):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    stap = formulier.stappen(pakket)[0]
    return d.stappagina(request, pagina, omgeving, None, stap, {"fase": "voorstel",
                                                               "perspectief": pakket.kop.gemeente}, None, [])


@router.post("/casussen/nieuw", response_class=HTMLResponse, include_in_schema=False)
async def maak_casus(request: Request):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    form = await d.lees_formulier(request)
    stap = formulier.stappen(pakket)[0]
    # de vragen die nog komen zijn nog niet beantwoord: een veld waarvan het ontbreken zelf een antwoord is
    # (geen opgave), staat tot de stap erover op 'onbekend'
    data = formulier.lees_stap(stap, form, formulier.nieuwe_casus())
    dubbel = d.bestaande_naam(omgeving.werkmap, str(data.get("naam", "")))
    if dubbel:
        return d.stappagina(request, pagina, omgeving, None, stap, data, None, [Melding(
            "", f"Er is al een casus met de naam '{dubbel}'. Kies een andere naam, of open die casus "
                "vanuit de werkmap.", veld="naam")], status=400)
    try:
        id_ = omgeving.werkmap.nieuw(data, d.wie(request), {
            "Intake": "nieuw", "Stap": stap.sleutel, "Velden": ", ".join(gewijzigde_velden({}, data)),
            "Advies-na": d.advies_van(omgeving, data)})
    except InvoerFout as fout:
        return d.stappagina(request, pagina, omgeving, None, stap, data, None, fout.meldingen or
                           [Melding("", fout.tekst)], status=400)
    return RedirectResponse(f"/casussen/{id_}/stappen/{d.volgende(pakket, data, stap.sleutel)}", status_code=303)


@router.get("/casussen/{id_}/stappen/{sleutel}", response_class=HTMLResponse, include_in_schema=False)
def stappagina(request: Request, id_: str, sleutel: str, partner: int = Query(0, ge=0, le=1000),
               concept: int = Query(0, ge=0, le=1)):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    data, versie = omgeving.werkmap.data(id_)
    return d.stappagina(request, pagina, omgeving, id_, d.stap_van(pakket, sleutel), data, versie, [],
                       partner_nr=partner, net_bewaard=bool(concept))


@router.post("/casussen/{id_}/stappen/{sleutel}", response_class=HTMLResponse, include_in_schema=False)
async def bewaar_stap(request: Request, id_: str, sleutel: str):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    form = await d.lees_formulier(request)
    stap = d.stap_van(pakket, sleutel)
    data, _ = omgeving.werkmap.data(id_)
    nieuw = formulier.lees_stap(stap, form, data)
    versie = formulier.een(form, "versie")
    try:
        omgeving.werkmap.bewaar(id_, nieuw, versie, d.wie(request),
                                {"Stap": sleutel, **d.opslagregels(omgeving, id_, data, nieuw)})
    except Gewijzigd as fout:
        # niets opgeslagen; de invoer blijft staan, met de versie van nu: wie daarna opslaat, doet dat bewust
        _, nu = omgeving.werkmap.data(id_)
        return d.stappagina(request, pagina, omgeving, id_, stap, nieuw, nu, [Melding("", fout.tekst + (
            " Uw invoer staat hieronder nog. Bekijk eerst de casus zoals hij nu is (in een ander venster), en "
            "sla daarna op als u uw invoer wilt houden."))], status=409)
    except InvoerFout as fout:
        return d.stappagina(request, pagina, omgeving, id_, stap, nieuw, versie,
                           fout.meldingen or [Melding("", fout.tekst)], status=400)
    actie = formulier.een(form, "actie")
    if actie != "later" and set(formulier.halve_paren(stap, nieuw)) - set(formulier.halve_paren(stap, data)):
        # een half ingevuld paar is als concept bewaard: eerst zeggen wat er nog open staat, dan pas verder
        partner = formulier.een(form, "partner")
        return RedirectResponse(f"/casussen/{id_}/stappen/{sleutel}?concept=1"
                                f"{'&partner=' + partner if partner.isdigit() else ''}", status_code=303)
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
        return RedirectResponse(f"/casussen/{id_}/stappen/{d.vorige(pakket, nieuw, sleutel)}", status_code=303)
    volgende = d.volgende(pakket, nieuw, sleutel)
    doel = f"/casussen/{id_}/stappen/{volgende}" if volgende else f"/casussen/{id_}/controle"
    return RedirectResponse(doel, status_code=303)


@router.get("/casussen/{id_}/controle", response_class=HTMLResponse, include_in_schema=False)
def controle(request: Request, id_: str):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
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
