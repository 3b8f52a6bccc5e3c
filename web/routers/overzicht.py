# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het overzicht van alle samenwerkingen en de paragraaf verbonden partijen."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..werkmap import NietGevonden

from .. import diensten as d

router = APIRouter()


@router.get("/overzicht", response_class=HTMLResponse, include_in_schema=False)
def overzichtpagina(request: Request):
    omgeving, pagina = d.context(request, ('omgeving', 'pagina'))
    from ...engine.weergave import overzicht as weergave

    uitkomst = omgeving.overzicht()
    ids = {b.pad.relative_to(omgeving.werkmap.map).as_posix(): b.id for b in omgeving.werkmap.bestanden()}
    kop, matrix = weergave.matrix_rijen(uitkomst)
    # een casus waarvan de intake nog niet af is, toont geen advies in kleur (zoals in de werkmap)
    onvolledig = {r["id"] for r in d.overzichtsregels(omgeving) if r["status"] == "onvolledig"}
    return pagina(request, "overzicht.html", titel="Overzicht van alle samenwerkingen", o=uitkomst, ids=ids,
                  onvolledig=onvolledig,
                  matrixkop=kop, matrix=matrix, niet_gediend=weergave.niet_gediend_zinnen(uitkomst),
                  overlap=uitkomst.overlappen(uitkomst.overlap_drempel), evaluatie=weergave.evaluatie_tekst,
                  wgr=weergave.wgr_tekst, bedrag=weergave.bedrag_tekst, sturing=weergave.sturing_tekst, niveau=weergave.NIVEAU,
                  regels=weergave.op_volgorde(uitkomst.regels))


@router.get("/overzicht.{extensie}", include_in_schema=False)
def overzicht_download(request: Request, extensie: str):
    omgeving, = d.context(request, ('omgeving',))
    from ...engine.weergave import overzicht as weergave

    if extensie not in ("xlsx", "docx"):
        raise NietGevonden("Het overzicht is te downloaden als .xlsx (het register) of .docx (de paragraaf "
                           "verbonden partijen).")
    uitkomst = omgeving.overzicht()
    if extensie == "docx":
        from ...engine.weergave.word import collegeadvies as word

        inhoud = word(weergave.paragraaf_met_stempel(uitkomst, omgeving.beoordelaar.pakket,
                                                      omgeving.werkmap.map.name))
        return Response(inhoud, media_type=d.WORD,
                        headers={"Content-Disposition": 'attachment; filename="paragraaf-verbonden-partijen.docx"'})
    return Response(weergave.xlsx(uitkomst),
                    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": 'attachment; filename="overzicht-samenwerkingen.xlsx"'})
