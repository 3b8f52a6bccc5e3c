# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De diensten onder de routes van de webapplicatie: de omgeving (werkmap en pakket), het advies en de status
van een casus, de pagina's van intake, advies en wat-als, de afwegingen, de geschiedenis en de API-fouten.
De routes (web/routers/) en de app (web/app.py) gebruiken alleen de publieke namen hier."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from ..engine.advies import Advies
from ..engine.beoordelen import Beoordelaar
from ..engine.casus import CATALOGUS, AfwegingEffect, Casus, label
from ..engine.fouten import InvoerFout, Melding
from ..engine.feiten import open_stellingen
from ..engine.overzicht import gedeelde_partners
from ..engine.laden import casus_uit_data
from ..engine.regels import EFFECT_VOLGORDE, Advieswoord, Effect
from ..engine.waarden import woord, zonder_accenten
from ..engine.weergave.tabel import (afwegingsregels, bandbreedte_tekst, factorrijen, scharnierregels,
                                     uitzoekpunten)
from . import formulier
from .beveiliging import API_VERSIE, controleer_csrf
from .geschiedenis import gewijzigde_velden
from .werkmap import Gewijzigd, NietGevonden, Werkmap

API_BASIS = "/api/v1"  # de hoofdversie staat in de URI; de volledige versie in de kop API-Version
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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


class DubbeleSleutel(ValueError):
    """Een veld dat twee keer in dezelfde JSON-groep staat (de tweede zou de eerste stil vervangen)."""


def zonder_dubbele_velden(paren: list[tuple[str, Any]]) -> dict:
    uit: dict = {}
    for sleutel, waarde in paren:
        if sleutel in uit:
            raise DubbeleSleutel(sleutel)
        uit[sleutel] = waarde
    return uit


def json_getal(tekst: str) -> int | float:
    """Een getal in JSON: 5.0 en 5 zijn hetzelfde getal (JSON kent geen apart soort 'heel getal', JSON Schema
    noemt 5.0 een integer), dus 5.0 telt als 5. 5.5 blijft een kommagetal en wordt waar een heel getal hoort
    geweigerd."""
    getal = float(tekst)
    return int(getal) if getal.is_integer() and abs(getal) <= 2**53 else getal


async def lees_formulier(request: Request) -> dict[str, list[str]]:
    """Het formulier als lijsten waarden per veld; de CSRF-sleutel wordt eerst gecontroleerd."""
    form = await request.form(max_files=0, max_fields=5_000)
    data: dict[str, list[str]] = {}
    for sleutel, waarde in form.multi_items():
        if isinstance(waarde, str):
            data.setdefault(str(sleutel)[:200], []).append(waarde[:20_000])
    controleer_csrf(request, (data.get("csrf") or [""])[0])
    return data


def stap_van(pakket, sleutel: str) -> formulier.Stap:
    for stap in formulier.stappen(pakket):
        if stap.sleutel == sleutel:
            return stap
    raise NietGevonden(f"De intake heeft geen stap '{sleutel[:60]}'.")


def volgende(pakket, data: dict, sleutel: str) -> str | None:
    reeks = [s.sleutel for s in formulier.stappen_voor(pakket, data.get("fase"))]
    i = reeks.index(sleutel) if sleutel in reeks else -1
    return reeks[i + 1] if i + 1 < len(reeks) else None


def vorige(pakket, data: dict, sleutel: str) -> str:
    reeks = [s.sleutel for s in formulier.stappen_voor(pakket, data.get("fase"))]
    i = reeks.index(sleutel) if sleutel in reeks else 0
    return reeks[max(i - 1, 0)]


def fouten_per_veld(meldingen: list[Melding], data: dict) -> tuple[dict[str, list[str]], list[str]]:
    per_veld: dict[str, list[str]] = {}
    algemeen: list[str] = []
    for m in meldingen:
        veld = formulier.formulierveld(m, data)
        if veld:
            per_veld.setdefault(veld, []).append(m.tekst)
        else:
            algemeen.append(m.tekst)
    return per_veld, algemeen


def fouten_bij(per_veld: dict[str, list[str]], pad: str) -> list[str]:
    return [t for veld, teksten in per_veld.items() if veld == pad or veld.startswith(pad + ".") for t in teksten]


def stappagina(request, pagina, omgeving: Omgeving, id_: str | None, stap: formulier.Stap, data: dict,
                versie: str | None, meldingen: list[Melding], status: int = 200,
                partner_nr: int = 0, net_bewaard: bool = False) -> HTMLResponse:
    pakket = omgeving.beoordelaar.pakket
    stappen = formulier.stappen_voor(pakket, data.get("fase"))
    per_veld, algemeen = fouten_per_veld(meldingen, data)
    return pagina(request, "stap.html", status, titel=f"{stap.titel}{' - ' + str(data.get('naam')) if id_ else ''}",
                  id_=id_, stap=stap, stappen=stappen, waarden=formulier.formulierwaarden(stap, data),
                  versie=versie, fouten=per_veld, algemeen=algemeen, fouten_bij=fouten_bij,
                  partners=formulier.partnernamen(data), lege_rijen=formulier.LEGE_PARTNERRIJEN,
                  partnervelden=[(deel, CATALOGUS[f"partners[].{deel}"]) for deel in ("soort", "belang")],
                  aantal_partners=len(formulier.partnernamen(data)), naam=data.get("naam"),
                  partner_nr=min(partner_nr, max(len(formulier.partnernamen(data)) - 1, 0)),
                  laatste=volgende(pakket, data, stap.sleutel) is None,
                  concepten=formulier.halve_paren(stap, data), net_bewaard=net_bewaard,
                  perspectief=data.get("perspectief") if isinstance(data.get("perspectief"), str) else None,
                  volgende_stap=volgende(pakket, data, stap.sleutel))


def watalspagina(request, pagina, omgeving: Omgeving, id_: str, casus: Casus, origineel: dict, data: dict,
                  advies: Advies, nieuw_advies: Advies | None, meldingen: list[Melding], status: int = 200,
                  variantnaam: str = ""):
    pakket = omgeving.beoordelaar.pakket
    stappen = watalsstappen(pakket, casus)
    waarden: dict[str, Any] = {}
    oorspronkelijk: dict[str, Any] = {}
    for stap in stappen:
        waarden.update(formulier.formulierwaarden(stap, data))
        oorspronkelijk.update(formulier.formulierwaarden(stap, origineel))
    gewijzigd = {veld for veld, waarde in waarden.items() if oorspronkelijk.get(veld) != waarde}
    open_stappen = {s.sleutel for s in stappen if any(g == v.pad or g.startswith(v.pad + ".")
                                                     for g in gewijzigd for v in s.velden)}
    per_veld, algemeen = fouten_per_veld(meldingen, data)
    verschil = None
    if nieuw_advies is not None:
        oud = {b.regel: b for b in advies.bevindingen}
        nieuw = {b.regel: b for b in nieuw_advies.bevindingen}
        verschil = {"verdwenen": [oud[r] for r in oud if r not in nieuw],
                    "nieuw": [nieuw[r] for r in nieuw if r not in oud]}
    return pagina(request, "watals.html", status, titel=f"Wat als: {casus.naam}", id_=id_, casus=casus,
                  advies=advies, nieuw_advies=nieuw_advies, verschil=verschil, stappen=stappen, waarden=waarden,
                  fouten=per_veld, algemeen=algemeen, fouten_bij=fouten_bij, gewijzigd=gewijzigd,
                  open_stappen=open_stappen, variantnaam=variantnaam)


WAT_ALS_NIET = ("naam", "fase", "perspectief", "omschrijving", "peildatum")  # beschrijven de casus, toetsen niets


def watalsstappen(pakket, casus: Casus) -> list[formulier.Stap]:
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
GEWICHTLABELS = {"blokkerend": "Blokkerend: het advies wordt negatief",
                  "voorwaarde": "Voorwaarde: eerst (of tegelijk) te regelen",
                  "aandachtspunt": "Aandachtspunt: telt niet mee voor het advies",
                  "sterkte": "Sterkte: telt niet mee voor het advies"}


GEWICHTEN = {e.value: GEWICHTLABELS.get(e.value, e.value.capitalize()) for e in AfwegingEffect}


MAX_REDEN, MAX_DOOR, MAX_AFWEGINGEN = 2_000, 200, 100  # zoals het casusmodel (engine/casus.py, Afweging)


AFWEGING_GELUKT = {"toegevoegd": "De afweging is opgeslagen in het casusbestand. Het advies hieronder houdt er "
                                 "rekening mee.",
                   "verwijderd": "De afweging is verwijderd uit het casusbestand.",
                   "gekopieerd": "De kopie is gemaakt; dit is de nieuwe casus. De oorspronkelijke staat ook nog in de "
                                 "werkmap.",
                   "hernoemd": "De casus heeft een nieuwe naam; de geschiedenis noemt de oude.",
                   "teruggezet": "De casus is teruggezet uit de prullenbak; de geschiedenis noemt het terugzetten."}


def veldlabel(pad: str) -> str:
    """Een veld of groep zoals een adviseur het kent: 'Waarde voor de regio', 'De toegevoegde waarde'."""
    pad = pad.replace("[]", "")
    if pad in CATALOGUS:
        return label(pad)
    info = Casus.model_fields.get(pad) or next((v for v in Casus.model_fields.values() if v.alias == pad), None)
    if info is not None and info.description:
        return info.description[:1].upper() + info.description[1:]
    groep, _, rest = pad.partition(".")
    if groep == "succesfactoren_per_partner" and rest:
        naam, _, factor = rest.partition(".")
        return f"Scan van {naam}" + (f": {label('succesfactoren.' + factor).lower()}" if factor else "")
    return label(pad)


def getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def afwegingen_in(data: dict) -> list[dict]:
    """De afwegingen zoals ze in het bestand staan ('onbekend' of niets: geen)."""
    lijst = data.get("afwegingen")
    return [a for a in lijst if isinstance(a, dict)] if isinstance(lijst, list) else []


def controleer_afweging(pakket, invoer: dict[str, str], bestaand: list[dict]) -> dict[str, list[str]]:
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
        fouten["reden"] = [f"De reden is te lang: hooguit {getal(MAX_REDEN)} tekens (nu "
                           f"{getal(len(invoer['reden']))}). Maak haar korter."]
    if len(invoer["door"]) > MAX_DOOR:
        fouten["door"] = [f"Dit is te lang: hooguit {MAX_DOOR} tekens (nu {getal(len(invoer['door']))})."]
    return fouten


def bewaar_afwegingen(request, pagina, omgeving: Omgeving, id_: str, nieuw: dict, versie: str,
                       invoer: dict[str, str] | None, gelukt: str):
    """Schrijf de casus met de nieuwe lijst afwegingen, langs dezelfde weg als de intake (versiecontrole,
    validatie op de hele casus, opmerkingen blijven staan); lukt het niet, dan is er niets opgeslagen."""
    try:
        oud, _ = omgeving.werkmap.data(id_)
        omgeving.werkmap.bewaar(id_, nieuw, versie, wie(request), opslagregels(omgeving, id_, oud, nieuw))
    except Gewijzigd as fout:
        _, nu = omgeving.werkmap.data(id_)
        extra = (" Uw invoer staat nog in het formulier." if invoer
                 else " Bekijk hieronder de afwegingen zoals ze nu zijn.")
        return adviespagina(request, pagina, omgeving, id_, 409, algemeen=[fout.tekst + extra], invoer=invoer,
                             versie=nu)
    except InvoerFout as fout:
        teksten = [m.tekst for m in fout.meldingen] or [fout.tekst]
        return adviespagina(request, pagina, omgeving, id_, 400, algemeen=[
            "De afweging kon niet worden opgeslagen; er is niets veranderd.", *teksten], invoer=invoer, versie=versie)
    return RedirectResponse(f"/casussen/{id_}?melding={gelukt}#afweging", status_code=303)


def criteriumkeuze(pakket, advies: Advies) -> dict[str, list[tuple[str, str]]]:
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


def adviespagina(request, pagina, omgeving: Omgeving, id_: str, status: int = 200,
                  fouten: dict[str, list[str]] | None = None, algemeen: list[str] | None = None,
                  invoer: dict[str, str] | None = None, versie: str | None = None, melding: str | None = None):
    casus, advies, nu = omgeving.advies(id_)
    pakket = omgeving.beoordelaar.pakket
    intake, open_stap = intakestatus(omgeving, id_, casus, advies)
    return pagina(request, "advies.html", status, titel=f"Advies: {casus.naam}", id_=id_, casus=casus, advies=advies,
                  intake=intake, open_stap=open_stap, overlap=overlap_in_werkmap(omgeving, id_, casus),
                  **adviescontext(advies), varianten=omgeving.werkmap.variantbestanden(id_),
                  pakketten=list(omgeving.pakketten), versie=versie or nu, fouten=fouten or {},
                  algemeen=algemeen or [], invoer=invoer or {}, melding=melding,
                  criteriumkeuze=criteriumkeuze(pakket, advies), gewichten=GEWICHTEN,
                  afwegingslabels=AFWEGINGSLABELS, max_reden=MAX_REDEN, max_door=MAX_DOOR)


def intakestatus(omgeving: Omgeving, id_: str, casus: Casus, advies: Advies,
                 bezochte: dict[str, set[str]] | None = None) -> tuple[str, str | None]:
    """'onvolledig' of 'klaar', en de eerste stap van de intake die nog open is. Onvolledig is een casus die in de
    intake begon en waarvan nog niet elke stap (voor haar fase) is opgeslagen, of waarvan een kernvraag van het
    pakket nog open is; dan is het advies nog geen advies om op te varen."""
    stappen = [s.sleutel for s in formulier.stappen_voor(omgeving.beoordelaar.pakket, casus.fase.value)]
    # `bezochte`: de bezochte stappen van de hele werkmap, als de aanroeper ze al had (één keer per overzicht)
    bezocht = (bezochte if bezochte is not None else omgeving.werkmap.geschiedenis.bezochte_stappen()).get(id_)
    if bezocht is not None:
        open_stappen = [s for s in stappen if s not in bezocht]
        if open_stappen:
            return "onvolledig", open_stappen[0]
    if open_stellingen(casus) and "succesfactoren" in stappen:  # een half ingevulde scan is een concept
        return "onvolledig", "succesfactoren"
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
            aandeel = gedeelde_partners(eigen, partners)
            if aandeel >= drempel:
                labels = [casus.woordenlijsten.label("themas", t) or woord(t) for t in themas]
                uit.append((bestand.id, ander.naam, ", ".join(labels), round(aandeel * 100)))
    return sorted(uit, key=lambda r: -r[3])[:10]


def adviescontext(advies: Advies) -> dict[str, Any]:
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


def overzichtsregels(omgeving: Omgeving) -> list[dict[str, Any]]:
    rijen = []
    bezochte = omgeving.werkmap.geschiedenis.bezochte_stappen()  # één keer de geschiedenis, niet per casus
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
        status, open_stap = intakestatus(omgeving, bestand.id, casus, advies, bezochte)
        rijen.append({"id": bestand.id, "naam": casus.naam, "fase": casus.fase.value, "themas": themas,
                      "status": status, "open_stap": open_stap,
                      "advies": advies.advies.value, "advies_tekst": advies.advies_tekst,
                      "bandbreedte": advies.bandbreedte.model_dump(mode="json"),
                      "gewijzigd": bestand.gewijzigd.isoformat(timespec="seconds"), "fout": None,
                      "zoektekst": zoekbaar(" ".join([casus.naam, *map(woord, themas), bestand.id,
                                                       casus.omschrijving or "", advies.advies_tekst]))})
    return rijen


def bestaande_naam(werkmap: Werkmap, naam: str) -> str | None:
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


def bekend(data: dict) -> dict:
    """De gegevens zonder wat onbekend is: 'onbekend' en een ontbrekend veld betekenen hetzelfde."""
    return {k: bekend(v) if isinstance(v, dict) else v for k, v in data.items() if v is not None and v != "onbekend"}


def zoekbaar(tekst: str) -> str:
    """Zoeken zonder op hoofdletters, streepjes of accenten te letten: 'noord holland' vindt 'Noord-Holland'."""
    return " ".join(zonder_accenten(tekst).lower().replace("-", " ").replace("_", " ").split())


def verschil(oud: dict, nieuw: dict) -> dict[str, Any]:
    """De wijzigingen van `oud` naar `nieuw` in de vorm van een variantbestand (None = veld wordt onbekend)."""
    oud, nieuw = bekend(oud), bekend(nieuw)
    uit: dict[str, Any] = {}
    for sleutel in list(dict.fromkeys([*oud, *nieuw])):
        a, b = oud.get(sleutel), nieuw.get(sleutel)
        if isinstance(a, dict) and isinstance(b, dict):
            binnen = verschil(a, b)
            if binnen:
                uit[sleutel] = binnen
        elif a != b:
            uit[sleutel] = b
    return uit


def lokaal_doel(doel: str) -> str:
    """Alleen een pad binnen deze app ('/casussen/x'), nooit een andere site ('//elders', 'https://...')."""
    return doel if doel.startswith("/") and not doel.startswith(("//", "/\\")) and len(doel) < 300 else "/"


def wie(request: Request) -> str:
    """Wie een wijziging doet: de naam die de adviseur opgaf (in de sessie), of het systeem met de sleutel."""
    naam = request.scope.get("session", {}).get("naam") if "session" in request.scope else None
    if naam:
        return str(naam)
    if request.headers.get("authorization", "").startswith("Bearer "):
        return "systeem met de toegangssleutel"
    return "onbekende adviseur"


def advies_van(omgeving: Omgeving, data: dict) -> str:
    try:
        casus = casus_uit_data(data, naam="geschiedenis", woorden=omgeving.beoordelaar.pakket.woordenlijsten)
    except InvoerFout:
        return ""
    return omgeving.beoordelaar.beoordeel(casus).advies_tekst


def opslagregels(omgeving: Omgeving, id_: str, oud: dict, nieuw: dict) -> dict[str, str]:
    """Wat de geschiedenis bij een opslag noemt. Het advies ervoor komt uit de cache van de omgeving (de casus zoals
    zij nu in het bestand staat); alleen het advies erna wordt berekend."""
    try:
        voor = omgeving.advies(id_)[1].advies_tekst
    except InvoerFout:  # het bestand klopte niet: er was geen advies
        voor = ""
    return {"Velden": ", ".join(gewijzigde_velden(oud, nieuw)) or "geen", "Advies-voor": voor,
            "Advies-na": advies_van(omgeving, nieuw)}


PLAATSHOUDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")


TEKSTPLAATSEN = {"perspectief": "de gemeente", "opgave.tekst": "de opgave", "partners.namen": "de partners"}


def zonder_plaatshouders(tekst: str) -> str:
    """Een regeltekst zoals een lezer haar op de pagina Regels ziet: {veld} wordt [wat daar komt te staan]."""
    def vervang(m: re.Match) -> str:
        pad = m.group(1)
        if pad in TEKSTPLAATSEN:
            return f"[{TEKSTPLAATSEN[pad]}]"
        tekst_ = label(pad)
        return f"[{tekst_[:1].lower() + tekst_[1:]}]" if tekst_ != pad else "[…]"
    return PLAATSHOUDER.sub(vervang, tekst)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def probleem(status: int, titel: str, detail: str, meldingen: list[Melding] | None = None) -> JSONResponse:
    """Een fout van de API als application/problem+json (RFC 9457), met de Nederlandse meldingen per veld."""
    inhoud: dict[str, Any] = {"type": "about:blank", "title": titel, "status": status, "detail": detail}
    if meldingen:
        inhoud["invalid-params"] = [{"name": m.veld or "", "reason": m.tekst} for m in meldingen]
    return JSONResponse(inhoud, status_code=status, media_type="application/problem+json",
                        headers={"API-Version": API_VERSIE})


def context(request: Request, namen: tuple[str, ...] = ("omgeving", "pagina", "pakket")) -> Any:
    """Wat een route nodig heeft uit de app: de omgeving, de paginamaker, het regelpakket en de sleutel."""
    staat = request.app.state
    waarden = {"omgeving": staat.omgeving, "pagina": staat.pagina, "pakket": staat.omgeving.beoordelaar.pakket,
               "token": staat.token}
    return tuple(waarden[n] for n in namen)
