# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Wat als, vergelijken en wat moet er veranderen."""

from __future__ import annotations

import copy
import json
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...engine.fouten import InvoerFout, Melding
from ...engine.laden import casus_uit_data
from ...engine.varianten import casusdata, lees_variant, pas_toe
from .. import formulier

from .. import diensten as d

router = APIRouter()


@router.get("/casussen/{id_}/wat-als", response_class=HTMLResponse, include_in_schema=False)
def wat_als(request: Request, id_: str):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    data, _ = omgeving.werkmap.data(id_)
    casus, advies, _ = omgeving.advies(id_)
    voorstel = [z for z in request.query_params.getlist("zet")[:20] if z]
    if voorstel:  # een voorgestelde wijziging (uit 'Wat moet er veranderen'), al ingevuld en doorgerekend
        from ...engine.varianten import lees_wat_als

        variant = lees_wat_als(voorstel, pakket.woordenlijsten)
        anders = pas_toe(casus, variant)
        return d.watalspagina(request, pagina, omgeving, id_, casus, data, casusdata(anders), advies,
                             omgeving.beoordelaar.beoordeel(anders, variant="wat-als"), [])
    # 'Kopiëren als variant' op de adviespagina: Wat als, met de naam van de variant al ingevuld
    variantnaam = " ".join(request.query_params.get("variantnaam", "").split())[:200]
    return d.watalspagina(request, pagina, omgeving, id_, casus, data, data, advies, None, [],
                          variantnaam=variantnaam)


@router.post("/casussen/{id_}/wat-als", response_class=HTMLResponse, include_in_schema=False)
async def wat_als_rekenen(request: Request, id_: str):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    form = await d.lees_formulier(request)
    data, _ = omgeving.werkmap.data(id_)
    casus, advies, _ = omgeving.advies(id_)
    nieuw = copy.deepcopy(data)
    for stap in d.watalsstappen(pakket, casus):
        nieuw = formulier.lees_stap(stap, form, nieuw)
    try:
        anders = casus_uit_data(nieuw, naam="wat-als", woorden=omgeving.beoordelaar.pakket.woordenlijsten)
    except InvoerFout as fout:
        return d.watalspagina(request, pagina, omgeving, id_, casus, data, nieuw, advies, None, fout.meldingen,
                             status=400)
    nieuw_advies = omgeving.beoordelaar.beoordeel(anders, variant="wat-als")
    if formulier.een(form, "actie") == "variant":
        naam = formulier.een(form, "variantnaam")[:200]
        omschrijving = formulier.een(form, "omschrijving")[:2000]
        wijzigingen = d.verschil(casusdata(casus), casusdata(anders))
        if not naam or not wijzigingen:
            melding = Melding("", "Geef de variant een naam, en verander minstens één veld."
                              if not wijzigingen or not naam else "")
            return d.watalspagina(request, pagina, omgeving, id_, casus, data, nieuw, advies, nieuw_advies,
                                 [melding], status=400)
        variant_id = omgeving.werkmap.bewaar_variant(id_, naam, omschrijving, wijzigingen)
        return RedirectResponse(f"/casussen/{id_}/vergelijk?variant={variant_id}", status_code=303)
    return d.watalspagina(request, pagina, omgeving, id_, casus, data, nieuw, advies, nieuw_advies, [],
                          variantnaam=formulier.een(form, "variantnaam")[:200])


@router.get("/casussen/{id_}/vergelijk", response_class=HTMLResponse, include_in_schema=False)
def vergelijk(request: Request, id_: str):
    omgeving, pagina, pakket = d.context(request, ('omgeving', 'pagina', 'pakket'))
    from ...engine.watals import Kolom, vergelijk as vergelijk_kolommen

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
                  pakketten=[(naam, " ".join(b.pakket.kop.omschrijving.split()))
                             for naam, b in omgeving.pakketten.items()],
                  gekozen_pakketten=pakketnamen)


@router.get("/casussen/{id_}/wat-moet-er-veranderen", response_class=HTMLResponse, include_in_schema=False)
def wat_moet_er_veranderen(request: Request, id_: str, doel: str = ""):
    omgeving, pagina = d.context(request, ('omgeving', 'pagina'))
    from ...engine.regels import ADVIES_RANG
    from ...engine.watals import Zoeker, zoek_met_tussendoel

    casus, advies, _ = omgeving.advies(id_)
    doelen = [w for w in ADVIES_RANG[casus.fase] if not w.negatief]
    gekozen = doel if doel in {w.value for w in doelen} else None
    resultaat, tussendoel = zoek_met_tussendoel(Zoeker(omgeving.beoordelaar), casus, gekozen)
    return pagina(request, "veranderen.html", titel=f"Wat moet er veranderen: {casus.naam}", id_=id_,
                  casus=casus, advies=advies, resultaat=resultaat, tussendoel=tussendoel, doelen=doelen,
                  gekozen=gekozen, probeer=lambda wijzigingen: f"/casussen/{id_}/wat-als?" + urlencode(
                      [("zet", f"{pad}={json.dumps(w, ensure_ascii=False)}") for pad, w in wijzigingen.items()]))
