# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Eén casus beoordelen: feiten afleiden, regels evalueren, advies samenstellen.

De stroom is recht: casus -> feiten -> (vormtabel -> afgeleide vormvelden) -> regels ->
bevindingen -> advies. Een Beoordelaar hoort bij één regelpakket en kan duizenden casussen
na elkaar beoordelen; het resultaat hangt alleen af van casus en pakket.
"""

from __future__ import annotations

import contextvars
import functools
import itertools
import re
from typing import Any, NamedTuple

from . import durable
from .advies import (Advies, Bandbreedte, Bevinding, Bronvermelding, Factorscore, OntbrekendeInformatie,
                     PakketInfo, Scharnier, ToegepasteAfweging, Uitzoekpunt, Vormtoets, besluit, bij_beeindigen,
                     sorteer, telling, waarom_niet)
from .advies import Voorwaarde as VoorwaardeUit
from .casus import CATALOGUS, ONBEKEND, SUCCESFACTOREN, Casus, Fase, label, suggestie
from .fouten import InvoerFout
from .raad import raadsrol
from .feiten import HERBEREKEND, Feiten, aanvullen, feiten_van
from .regels import (ADVIES_RANG, Advieswoord, Effect, EenVan, GeladenRegel, Kernvraag, Regelpakket, Toets,
                     Voorwaarde, lees_voorwaarde, waar)
from .waarden import datum_tekst, opsomming, toon

# Hoeveel combinaties van onbekende feiten zonder vaste volgorde de bandbreedte nog volledig
# doorrekent; daarboven zoekt zij per veld (en neemt de grenzen ruim).
MAX_COMBINATIES = 64
GROOT_BEDRAG = 10**12

_PLAATSHOUDER = re.compile(r"\{([a-z_.]+)\}")


def beschrijf_voorwaarde(voorwaarde: Voorwaarde, parameters: dict[str, float]) -> str:
    """Een voorwaarde in woorden voor een lezer: 'de kostenontwikkeling is structureel overschreden'."""
    if not isinstance(voorwaarde, Toets):
        delen = [beschrijf_voorwaarde(d, parameters) for d in voorwaarde.delen]
        return (" en " if not isinstance(voorwaarde, EenVan) else " of ").join(delen)
    naam = label(voorwaarde.veld).rstrip("?").lower()
    grens = parameters.get(voorwaarde.parameter) if voorwaarde.parameter else voorwaarde.waarde
    if isinstance(grens, float) and grens.is_integer():
        grens = int(grens)
    woorden = {"minstens": "vanaf", "hoogstens": "tot en met", "groter_dan": "boven", "kleiner_dan": "onder"}
    if voorwaarde.op in woorden:
        return f"{naam}: {woorden[voorwaarde.op]} {toon(grens)}"
    if voorwaarde.op in ("is", "in"):
        waarden = voorwaarde.waarde if isinstance(voorwaarde.waarde, tuple) else (voorwaarde.waarde,)
        return f"{naam}: {' of '.join(toon(w) for w in waarden)}"
    return f"{naam}: {voorwaarde.op.replace('_', ' ')} {toon(voorwaarde.waarde) if voorwaarde.waarde else ''}".strip()


def vul_in(tekst: str, feiten: Feiten, teksten: dict[str, str] | None = None) -> str:
    """Vervang {veld.pad} in een regeltekst door de waarde uit de feiten, of door een tekst uit de casus
    (`teksten`: de gemeente, de opgave, de partners; zie TEKSTPLAATSHOUDERS)."""
    def waarde(m) -> str:
        pad = m.group(1)
        if teksten is not None and pad in teksten:
            return teksten[pad]
        # een lijst uit de casus (rollen, doelen, thema's) geldt helemaal: 'en'; een afgeleide lijst (de vormen
        # die passen) is een keuze: 'of'
        veld = CATALOGUS.get(pad)
        return toon(feiten.get(pad), "of" if veld is None or veld.afgeleid else "en")
    return _PLAATSHOUDER.sub(waarde, tekst)


def casusteksten(casus: Casus, gemeente: str) -> dict[str, str]:
    """De teksten uit de casus die een regeltekst mag noemen, zodat een argument over deze samenwerking gaat en
    niet voor elke casus hetzelfde zegt. Wat onbekend is, krijgt een neutrale omschrijving."""
    opgave = " ".join((casus.opgave.omschrijving or "").split()).rstrip(".")
    if opgave.lower() in ("", ONBEKEND, "geen"):
        opgave = "de opgave"
    elif opgave[:1].isupper() and opgave[1:2].islower():
        opgave = opgave[:1].lower() + opgave[1:]
    namen = [p.naam for p in casus.partners or ()]
    if len(namen) > 4:
        namen = namen[:3] + [f"nog {len(namen) - 3} partners"]
    return {"perspectief": casus.perspectief or gemeente, "opgave.tekst": opgave,
            "partners.namen": opsomming(namen) or "de partners"}


# De afweging van de adviseur (criterium -> effect) terwijl de bandbreedte van het advies na die afweging berekend
# wordt; per aanroep (ook per thread of verzoek van de webapplicatie) apart.
_WEGING: contextvars.ContextVar[dict[str, Effect] | None] = contextvars.ContextVar("weging", default=None)


def _met(band: Bandbreedte, woord: Advieswoord, rang: list[Advieswoord]) -> Bandbreedte:
    """De bandbreedte, zo nodig verruimd tot zij het gegeven advies bevat."""
    if woord not in rang:
        return band
    laag, hoog = rang.index(band.ongunstigst), rang.index(band.gunstigst)
    i = rang.index(woord)
    if laag <= i <= hoog:
        return band
    return band.model_copy(update={"ongunstigst": rang[min(laag, i)], "gunstigst": rang[max(hoog, i)]})


class Kort(NamedTuple):
    """Wat `Beoordelaar.kort` geeft: het advies, de bandbreedte, de afgeleide feiten en de regels die vuren."""

    advies: Advieswoord
    bandbreedte: Bandbreedte
    feiten: Feiten
    gevuurd: list[str]


class Beoordelaar:
    """Beoordeelt casussen met één regelpakket."""

    def __init__(self, pakket: Regelpakket):
        self.pakket = pakket
        parameters = pakket.parameterwaarden()
        voorvoegsel = f"{pakket.naam}-{pakket.versie}-{pakket.inhoudshash}"
        self._regels = durable.regelset(voorvoegsel + "-regels", [(r.id, r.voorwaarde) for r in pakket.regels],
                                        parameters)
        self._vormen = durable.regelset(voorvoegsel + "-vormtabel",
                                        [(r.rij.nr, r.voorwaarde) for r in pakket.vormtabel], parameters)
        self._volgorde = {r.id: i for i, r in enumerate(pakket.regels)}
        self._effect = {r.id: r.regel.effect for r in pakket.regels}
        self._criterium = {r.id: r.regel.criterium for r in pakket.regels}
        self._groep = {r.id: r.bestand.rsplit("/", 1)[-1].removesuffix(".yaml") for r in pakket.regels}
        plicht = pakket.kop.wettelijke_plicht
        self._plicht = (plicht.veld, {Fase.voorstel: plicht.voorstel, Fase.lopend: plicht.lopend}) if plicht else None
        self._alleen_als = {veld: lees_voorwaarde(als) for veld, als in pakket.kop.afhankelijk.items()}
        self._afhankelijk = self._afhankelijkheden()
        # Per regel de feiten die zij leest, met een afgeleid vormveld vervangen door de velden waaruit de
        # vormtabel het afleidt: één keer berekend, gebruikt door de bandbreedte en haar plafond.
        vormvelden = self._vormvelden()
        self._feitvelden = {r.id: self._feitvelden_van(r, vormvelden) for r in pakket.regels}
        self._leest = {regel_id: frozenset(velden) for regel_id, velden in self._feitvelden.items()}
        self._bereikvelden = self._velden_die_het_advies_kunnen_bepalen()

    # --- feiten ---------------------------------------------------------------------

    def afleiden(self, feiten: Feiten) -> tuple[Feiten, list[str]]:
        """Vul de afgeleide velden aan, ook die uit de vormtabel; geeft feiten en geraakte rijen."""
        feiten = aanvullen(feiten)
        rijen = self._vormen.evalueer(feiten) if self.pakket.vormtabel else []
        geraakt = [r.rij for r in self.pakket.vormtabel if r.rij.nr in rijen]
        uitgesloten = {v for rij in geraakt for v in rij.uitgesloten}
        vorm = feiten.get("juridische_vorm")
        gekozen = vorm is not None and vorm != "nog_te_kiezen"
        if any(rij.vormen for rij in geraakt):
            passend = [v for v in dict.fromkeys(v for rij in geraakt for v in rij.vormen) if v not in uitgesloten]
            feiten["juridische_vorm.passende_vormen"] = passend
            if gekozen:
                feiten["juridische_vorm.past"] = "ja" if vorm in passend else "nee"
        elif gekozen and vorm in uitgesloten:
            feiten["juridische_vorm.past"] = "nee"
        return feiten, rijen

    def _gevuurd(self, basis: Feiten) -> tuple[Feiten, list[str], list[str]]:
        feiten, rijen = self.afleiden(self.snoei(basis) if self._alleen_als else basis)
        return feiten, rijen, self._regels.evalueer(feiten)

    def gevuurd(self, basis: Feiten) -> list[str]:
        """De ids van de regels die bij deze (basis)feiten vuren, in pakketvolgorde."""
        return self._gevuurd(basis)[2]

    def oordeel(self, basis: Feiten) -> Advieswoord:
        """Alleen het advieswoord bij deze (basis)feiten: snel, voor wat-als-vragen."""
        return self.advieswoord(self.gevuurd(basis), Fase(basis["fase"]), self.plicht(basis))

    def plicht(self, basis: Feiten) -> bool:
        """Schrijft de wet deelname voor (dan is niet deelnemen of uittreden geen besluit dat de toets adviseert)?"""
        return self._plicht is not None and basis.get(self._plicht[0]) == "ja"

    def advieswoord(self, ids: list[str], fase: Fase, plicht: bool = False) -> Advieswoord:
        """Het advies volgens de adviestabel als deze regels vuren; `plicht` zegt dat de wet deelname voorschrijft.
        Tijdens een beoordeling met een afweging van de adviseur (_WEGING) tellen haar effecten per criterium."""
        effect = self._effect
        afwegingen = _WEGING.get()
        if afwegingen:
            effecten = {afwegingen.get(self._criterium[i], effect[i]) for i in ids}
        else:
            effecten = {effect[i] for i in ids}
        woord = besluit(self.pakket.kop.adviestabel, fase, effecten)[0]
        if plicht and woord.negatief:
            return self._plicht[1][fase]
        return woord

    # --- velden die alleen ertoe doen als een ander veld iets is -------------------------------

    def doet_niet_ter_zake(self, veld: str, feiten: Feiten) -> bool:
        """Zeker niet van belang bij deze feiten (de uitkomst van een businesscase als die er niet is)? Zo'n veld
        wordt niet gevraagd, niet als onbekend geteld en niet in de bandbreedte ingevuld."""
        voorwaarde = self._alleen_als.get(veld)
        return voorwaarde is not None and waar(voorwaarde, feiten) is False

    def snoei(self, feiten: Feiten) -> Feiten:
        """De feiten zonder de velden die bij de andere feiten niet ter zake doen (na het invullen van onbekenden)."""
        weg = [v for v in self._alleen_als if v in feiten and self.doet_niet_ter_zake(v, feiten)]
        if not weg:
            return feiten
        return {k: w for k, w in feiten.items() if k not in weg}

    # --- het advies -----------------------------------------------------------------

    @functools.cached_property
    def _risicoregels(self) -> tuple[Any, dict[str, tuple[str, ...]], dict[str, str]]:
        """De risicosoorten van het overzicht als regelset (pas gemaakt als een overzicht erom vraagt). Elk
        alternatief van een een_van is een eigen regel, zodat het overzicht kan zeggen wat het risico hoog maakt."""
        items, velden, redenen = [], {}, {}
        parameters = self.pakket.parameterwaarden()
        for risico in self.pakket.kop.overzicht.risicos:
            for niveau in ("hoog", "midden"):
                voorwaarde = lees_voorwaarde(getattr(risico, niveau))
                delen = voorwaarde.delen if isinstance(voorwaarde, EenVan) else (voorwaarde,)
                for i, deel in enumerate(delen):
                    sleutel = f"{risico.soort}:{niveau}:{i}"
                    items.append((sleutel, deel))
                    redenen[sleutel] = beschrijf_voorwaarde(deel, parameters)
                velden[risico.soort] = velden.get(risico.soort, ()) + tuple(t.veld for t in voorwaarde.toetsen())
        if not items:
            return None, {}, {}
        voorvoegsel = f"{self.pakket.naam}-{self.pakket.versie}-{self.pakket.inhoudshash}-risico"
        return durable.regelset(voorvoegsel, items, parameters), velden, redenen

    def risico_met_redenen(self, feiten: Feiten) -> dict[str, tuple[str, list[str]]]:
        """Per risicosoort het niveau (hoog, midden, laag, of onbekend als geen enkel feit erover bekend is) en wat
        het zo hoog maakt (in woorden, uit de voorwaarden van het pakket)."""
        regelset, velden, redenen = self._risicoregels
        gevuurd = regelset.evalueer(feiten) if regelset is not None else []
        uit = {}
        for soort, gelezen in velden.items():
            for niveau in ("hoog", "midden"):
                hier = [redenen[g] for g in gevuurd if g.startswith(f"{soort}:{niveau}:")]
                if hier:
                    uit[soort] = (niveau, hier)
                    break
            else:
                uit[soort] = ("laag" if any(v in feiten for v in gelezen) else "onbekend", [])
        return uit

    def kort(self, casus: Casus, basis: Feiten | None = None) -> Kort:
        """Alleen het advieswoord en de bandbreedte (en de afgeleide feiten en de regels die vuren), zonder de
        analyse per onbekend veld: wat een overzicht van honderden samenwerkingen en elk voorstel van
        wat-moet-er-veranderen nodig hebben. Geeft hetzelfde advies als beoordeel."""
        return self.kort_alle([casus], None if basis is None else [basis])[0]

    def kort_alle(self, casussen: list[Casus], basissen: list[Feiten] | None = None) -> list[Kort]:
        """`kort` voor elke casus, stap voor stap over de hele lijst: eerst alle feiten, dan alle regels, dan alle
        bandbreedtes. Dezelfde uitkomsten, maar elke stap houdt haar eigen code warm in de processorcache (een
        overzicht beoordeelt zo blokken casussen)."""
        if basissen is None:
            basissen = [feiten_van(casus) for casus in casussen]
        gevuurd = [self._gevuurd(basis) for basis in basissen]
        woorden = [self.advieswoord(ids, casus.fase, self.plicht(basis))
                   for casus, basis, (_, _, ids) in zip(casussen, basissen, gevuurd)]
        banden = [self.bandbreedte(basis, woord, ids) for basis, woord, (_, _, ids) in zip(basissen, woorden, gevuurd)]
        uit = []
        for casus, basis, woord, band, (feiten, _, ids) in zip(casussen, basissen, woorden, banden, gevuurd):
            weging = self._afwegingseffecten(casus)
            if weging:  # zoals beoordeel: advies en bandbreedte met de weging van de adviseur
                token = _WEGING.set(weging)
                try:
                    woord = self.advieswoord(ids, casus.fase, self.plicht(basis))
                    band = self.bandbreedte(basis, woord, ids)
                finally:
                    _WEGING.reset(token)
            advies, _, band = self.eindoordeel(casus.fase, self.kernvragen_open(basis), basis, woord, band)
            uit.append(Kort(advies, band, feiten, ids))
        return uit

    def eindoordeel(self, fase: Fase, open_vragen: list[Kernvraag], basis: Feiten, woord: Advieswoord,
                    band: Bandbreedte) -> tuple[Advieswoord, bool, Bandbreedte]:
        """Het advies dat de toets geeft, of het voorlopig is, en de bandbreedte waar het in ligt.

        Is een kernvraag open, dan is het advies het oordeel op de bekende feiten, maar nooit een onvoorwaardelijk
        'aangaan' of 'voortzetten': het antwoord wordt een voorwaarde. Alleen als een kernvraag die een advies
        blokkeert helemaal onbeantwoord is, het oordeel nu niet negatief is en het antwoord het advies nog van
        negatief tot positief kan sturen, geeft de toets nog geen advies."""
        rang = ADVIES_RANG[fase]
        band = _met(band, woord, rang)  # na een afweging van de adviseur kan het advies buiten die van het pakket vallen
        if not open_vragen:
            return woord, False, band
        blokkerend = [k for k in open_vragen if k.zonder_antwoord == "geen_advies"]
        if (blokkerend and not woord.negatief and rang.index(band.ongunstigst) == 0
                and rang.index(band.gunstigst) > 0):
            return Advieswoord.onvoldoende_informatie, False, band
        if woord == rang[-1]:
            woord = rang[1]
        return woord, True, _met(band, woord, rang)

    def _afwegingseffecten(self, casus: Casus) -> dict[str, Effect]:
        return {a.criterium.upper(): Effect(a.effect.value) for a in casus.afwegingen or ()}

    def controleer_afwegingen(self, casus: Casus) -> None:
        """Een afweging over een criterium dat het pakket niet kent, is een fout in de casus (exitcode 2)."""
        for i, a in enumerate(casus.afwegingen or ()):
            if a.criterium.upper() not in self.pakket.kop.criteria:
                bestand, lijn = casus._plaatsen.get(i, (None, None))
                waar_ = (f"{bestand}, " if bestand else "") + (f"regel {lijn}, " if lijn else "")
                raise InvoerFout(
                    f"{waar_}veld 'afwegingen[{i + 1}].criterium': criterium '{a.criterium}' bestaat niet in "
                    f"regelpakket {self.pakket.naam}.{suggestie(a.criterium.upper(), self.pakket.kop.criteria)} "
                    "'samenwerkingstoets regels --dekking' toont alle criteria.")

    def beoordeel(self, casus: Casus, variant: str | None = None) -> Advies:
        """Het volledige advies; `variant` is de naam van de variant waarvan de casus het resultaat is."""
        self.controleer_afwegingen(casus)
        basis = feiten_van(casus)
        feiten, rijen, ids = self._gevuurd(basis)
        teksten = casusteksten(casus, self.pakket.kop.gemeente)
        pakketbevindingen = sorteer([self._bevinding(self.pakket.regel(i), feiten, teksten) for i in ids],
                                    self._volgorde)
        plicht = self.plicht(basis)
        woord_pakket = self.advieswoord(ids, casus.fase, plicht)
        open_vragen = self.kernvragen_open(basis)
        afwegingen, bevindingen = self._pas_afwegingen_toe(casus, pakketbevindingen)
        if afwegingen:
            band_pakket = self.bandbreedte(basis, woord_pakket, ids)
            advies_pakket = self.eindoordeel(casus.fase, open_vragen, basis, woord_pakket, band_pakket)[0]
        # Alles hieronder (bandbreedte, onbekende feiten, wat elk antwoord doet) met de weging van de adviseur, als
        # die er is; het advies van het pakket staat hierboven apart.
        token = _WEGING.set(self._afwegingseffecten(casus) or None)
        try:
            return self._beoordeeld(casus, variant, basis, feiten, rijen, ids, bevindingen, afwegingen, plicht,
                                    open_vragen, None if not afwegingen else advies_pakket)
        finally:
            _WEGING.reset(token)

    def _beoordeeld(self, casus: Casus, variant: str | None, basis: Feiten, feiten: Feiten, rijen: list[str],
                    ids: list[str], bevindingen: list[Bevinding], afwegingen: list[ToegepasteAfweging], plicht: bool,
                    open_vragen: list[Kernvraag], advies_pakket: Advieswoord | None) -> Advies:
        tabel = self.pakket.kop.adviestabel
        kop = self.pakket.kop
        woord = self.advieswoord(ids, casus.fase, plicht)
        bandbreedte = self.bandbreedte(basis, woord, ids)
        ontbrekend = self.ontbrekend(basis, woord)
        advies, voorlopig, bandbreedte = self.eindoordeel(casus.fase, open_vragen, basis, woord, bandbreedte)
        advies_pakket = advies_pakket or advies
        ruw, rij = besluit(tabel, casus.fase, {b.effect for b in bevindingen})
        plicht_grijpt_in = plicht and ruw.negatief
        onzeker = advies == Advieswoord.onvoldoende_informatie
        if onzeker:
            beslisregel = (
                "Nog geen advies: de kernvragen zijn niet beantwoord, en wat nog onbekend is, kan het advies "
                f"zowel {bandbreedte.gunstigst.tekst} als {bandbreedte.ongunstigst.tekst} maken. Zoek eerst uit "
                "wat hieronder staat.")
        elif plicht_grijpt_in:
            beslisregel = ("De wet schrijft deelname voor: niet deelnemen of uittreden is geen keuze. Wat tekortschiet, "
                           "wordt een voorwaarde die de gemeente in het bestuur van de regeling inbrengt.")
        elif voorlopig and bandbreedte.gunstigst == bandbreedte.ongunstigst:
            # wat nog onbekend is, verandert het advieswoord niet: dan niet zeggen dat het antwoord dat kan
            beslisregel = ("Voorlopig advies: een kernvraag is nog niet beantwoord. Welk antwoord er ook komt, het "
                           "advies blijft dit; het beantwoorden ervan is wel een voorwaarde.")
        elif voorlopig:
            beslisregel = ("Voorlopig advies: een kernvraag is nog niet beantwoord. Dit is het oordeel op wat nu "
                           "bekend is; het antwoord is een voorwaarde en kan het advies nog veranderen.")
        else:
            beslisregel = rij.uitleg
        scharnieren = [self._scharnier(k, basis) for k in open_vragen]
        uitgewerkt = [] if advies.negatief or onzeker else self.voorwaarden(
            casus.fase, bevindingen, open_vragen if voorlopig else [], plicht, plicht_grijpt_in)
        zonder_raad = Advies.model_construct(
            casus=casus.naam,
            variant=variant,
            fase=casus.fase,
            perspectief=casus.perspectief or kop.gemeente,
            peildatum=casus.peildatum,
            advies=advies,
            advies_tekst=("voorlopig: " if voorlopig else "") + advies.tekst,
            advies_bij_bekende_feiten=woord,
            voorlopig=voorlopig,
            advies_pakket=advies_pakket,
            afwegingen=afwegingen,
            bandbreedte=bandbreedte,
            open_kernvragen=scharnieren,
            eerst_uitzoeken=self.eerst_uitzoeken([(k.vraag, list(k.velden)) for k in open_vragen], ontbrekend),
            beslisregel=beslisregel,
            voorwaarden=[v.tekst for v in uitgewerkt],
            voorwaarden_uitgewerkt=uitgewerkt,
            bij_beeindigen=[" ".join(f"{t} {kop.voorwaarden.bij_beeindigen}".split())
                            for t in bij_beeindigen(bevindingen)] if advies.negatief else [],
            bevindingen=bevindingen,
            telling=telling(bevindingen),
            waarom_niet=waarom_niet(tabel, casus.fase, bevindingen, None if onzeker else advies,
                                    open_vragen[0].vraag if open_vragen else None),
            ontbrekende_informatie=ontbrekend,
            succesfactoren=[Factorscore.model_construct(
                code=code, factor=naam, score=feiten.get(f"succesfactoren.{f}.score"),
                laagste_partnerscore=feiten.get(f"succesfactoren.{f}.laagste_partnerscore"),
                laagste_partner=feiten.get(f"succesfactoren.{f}.laagste_partner"))
                for f, (code, naam) in SUCCESFACTOREN.items()],
            vormtoets=Vormtoets.model_construct(rijen=rijen,
                                                passende_vormen=feiten.get("juridische_vorm.passende_vormen"),
                                                gekozen_vorm=feiten.get("juridische_vorm")),
            regelpakket=PakketInfo.model_construct(naam=kop.naam, versie=kop.versie, geldig_vanaf=kop.geldig_vanaf,
                                                   inhoudshash=self.pakket.inhoudshash),
            waarschuwingen=_waarschuwingen(casus, kop),
        )
        return zonder_raad.model_copy(update={"raad": raadsrol(self.pakket, casus, zonder_raad)})

    def _pas_afwegingen_toe(self, casus: Casus, bevindingen: list[Bevinding]) -> tuple[
            list[ToegepasteAfweging], list[Bevinding]]:
        """Weeg de bevindingen van de criteria die de adviseur anders weegt opnieuw; het pakket blijft bewaard."""
        if not casus.afwegingen:
            return [], bevindingen
        per = self._afwegingseffecten(casus)
        uit = []
        for a in casus.afwegingen:
            code = a.criterium.upper()
            geraakt = [b for b in bevindingen if b.criterium == code]
            uit.append(ToegepasteAfweging.model_construct(
                criterium=code, criterium_naam=self.pakket.kop.criteria[code].naam,
                effect_pakket=list(dict.fromkeys(b.effect.value for b in geraakt)), effect=a.effect.value,
                reden=a.reden, door=a.door, regels=[b.regel for b in geraakt], toegepast=bool(geraakt)))
        nieuw = []
        for b in bevindingen:
            effect = per.get(b.criterium)
            if effect is None or effect == b.effect:
                nieuw.append(b)
                continue
            reden = next(a.reden for a in casus.afwegingen if a.criterium.upper() == b.criterium)
            voorwaarde = b.voorwaarde or (f"{b.criterium_naam}: {reden}" if effect == Effect.voorwaarde else None)
            nieuw.append(b.model_copy(update={"effect": effect, "effect_pakket": b.effect, "voorwaarde": voorwaarde}))
        return uit, sorteer(nieuw, self._volgorde)

    def voorwaarden(self, fase: Fase, bevindingen: list[Bevinding], open_vragen: list[Kernvraag],
                    plicht: bool = False, plicht_grijpt_in: bool = False) -> list[VoorwaardeUit]:
        """De voorwaarden die het college besluit: per criteriumgroep één, met wie, wat en wanneer; eerst de open
        kernvragen (het besluit hangt van hun antwoord af). Schrijft de wet deelname voor (`plicht`), dan vervalt
        wat het uittreden voorbereidt; grijpt de plicht in op een negatief oordeel, dan komt er een voorwaarde bij
        om het tekort in het bestuur van de regeling aan te pakken."""
        beleid = self.pakket.kop.voorwaarden
        standaard = beleid.wanneer.get(fase, "")
        uit: list[VoorwaardeUit] = []
        for k in open_vragen:
            uit.append(VoorwaardeUit.model_construct(
                wat=" ".join((k.voorwaarde or f"Zoek uit: {k.vraag}").split()),
                wie=k.door or beleid.wie, wanneer=k.wanneer or standaard,
                groep=f"kernvraag-{self.pakket.kop.kernvragen.index(k) + 1}", criteria=[], regels=[],
                beslismoment=True))
        if plicht_grijpt_in and self.pakket.kop.wettelijke_plicht:
            p = self.pakket.kop.wettelijke_plicht
            zwaar = [b for b in bevindingen if b.effect == Effect.blokkerend]
            namen = ", ".join(dict.fromkeys(b.criterium_naam.lower() for b in zwaar))
            uit.append(VoorwaardeUit.model_construct(
                wat=" ".join(p.voorwaarde.split()) + (f" Het gaat om: {namen}." if namen else ""),
                wie=p.wie, wanneer=p.wanneer, groep="wettelijke_plicht",
                criteria=list(dict.fromkeys(b.criterium for b in zwaar)), regels=[b.regel for b in zwaar]))
        # een voorwaarde die een andere omvat (`vervangt` in het pakket), staat er in haar plaats
        vervangen = {v for b in bevindingen if b.effect == Effect.voorwaarde
                     for v in self.pakket.regel(b.regel).regel.vervangt}
        groepen: dict[str, list[Bevinding]] = {}
        for b in bevindingen:
            if (b.effect == Effect.voorwaarde and b.voorwaarde and not (plicht and b.bij_beeindigen)
                    and b.regel not in vervangen):
                groepen.setdefault(self._groep[b.regel], []).append(b)
        for groep, lijst in groepen.items():
            regels = [self.pakket.regel(b.regel).regel for b in lijst]
            info = beleid.groepen.get(groep)
            momenten = [r.wanneer for r in regels if r.wanneer]
            uit.append(VoorwaardeUit.model_construct(
                wat=" ".join(dict.fromkeys(" ".join(b.voorwaarde.split()) for b in lijst)),
                wie=info.wie if info else beleid.wie, wanneer=momenten[0] if momenten else standaard, groep=groep,
                criteria=list(dict.fromkeys(b.criterium for b in lijst)), regels=[b.regel for b in lijst],
                beslismoment=any(r.beslismoment for r in regels),
                wijzigt_regeling=any(r.wijzigt_regeling for r in regels)))
        return uit

    def _scharnier(self, kernvraag: Kernvraag, basis: Feiten) -> Scharnier:
        """Wat elk antwoord op een open kernvraag met het advies doet: de onbekende velden van de vraag samen op
        elk antwoord gezet (ja, deels, nee), of op hun gunstigste en ongunstigste waarde als ze niet dezelfde
        woorden hebben."""
        open_velden = [v for v in kernvraag.velden if v not in basis and not self.doet_niet_ter_zake(v, basis)]
        woorden = [tuple(w for w in self.pakket.catalogus[v].volgorde if w != ONBEKEND) for v in open_velden]
        per: dict[str, Advieswoord] = {}
        if woorden and woorden[0]:
            # de velden met dezelfde antwoorden als het eerste (ja/nee, of ja/deels/nee) krijgen samen elk antwoord
            samen = [v for v, w in zip(open_velden, woorden) if w == woorden[0]]
            for antwoord in reversed(woorden[0]):
                per[antwoord] = self.oordeel({**basis, **{v: antwoord for v in samen}})
        else:
            extremen = {v: e for v in open_velden if (e := self._extremen(v))}
            per["gunstig"] = self.oordeel({**basis, **{v: e[1] for v, e in extremen.items()}})
            per["ongunstig"] = self.oordeel({**basis, **{v: e[0] for v, e in extremen.items()}})
        return Scharnier.model_construct(vraag=kernvraag.vraag, velden=list(kernvraag.velden), per_antwoord=per,
                                         blokkeert=kernvraag.zonder_antwoord == "geen_advies", door=kernvraag.door)

    def _bevinding(self, geladen: GeladenRegel, feiten: Feiten, teksten: dict[str, str] | None = None) -> Bevinding:
        regel = geladen.regel
        kop = self.pakket.kop
        return Bevinding.model_construct(
            regel=regel.id,
            criterium=regel.criterium,
            criterium_naam=kop.criteria[regel.criterium].naam,
            effect=regel.effect,
            uitleg=vul_in(regel.uitleg, feiten, teksten),
            voorwaarde=vul_in(regel.voorwaarde, feiten, teksten) if regel.voorwaarde else None,
            bij_beeindigen=regel.bij_beeindigen,
            bron=Bronvermelding.model_construct(verwijzing=regel.bron, **self.pakket.bron(regel.bron)),
            feiten={v: feiten.get(v, ONBEKEND) for v in geladen.velden},
            informatie_ontbreekt=geladen.vraagt_ontbrekende_informatie
            and any(v not in feiten for v in geladen.velden),
        )

    # --- onbekende feiten -----------------------------------------------------------

    def _afhankelijkheden(self) -> dict[str, dict[str, list[str]]]:
        """Per fase en per basisveld: de regels die het lezen (direct of via een afgeleid veld) en in
        die fase kunnen vuren. Een veld dat in een fase geen rol speelt, is daar nooit 'onbekend'."""
        uit: dict[str, dict[str, list[str]]] = {f.value: {} for f in Fase}
        for regel in self.pakket.regels:
            for fase, velden in uit.items():
                if fase not in regel.fasen:
                    continue
                for basisveld in regel.basisvelden:
                    if basisveld in self.pakket.catalogus and self.pakket.catalogus[basisveld].leesbaar:
                        velden.setdefault(basisveld, []).append(regel.id)
        return uit

    def kandidaten(self, veld: str) -> list[Any]:
        """De waarden die een onbekend veld zou kunnen hebben, om hun gevolg te tonen."""
        info = self.pakket.catalogus[veld]
        if info.soort == "woord":
            return list(info.waarden)
        if info.soort == "woorden":
            return [[]] + [[w] for w in info.waarden]
        grenzen = {0.0}
        parameters = self.pakket.parameterwaarden()
        for regel in self.pakket.regels:
            for t in regel.voorwaarde.toetsen():
                if t.veld == veld and t.op not in ("onbekend", "bekend"):
                    grens = parameters[t.parameter] if t.parameter is not None else float(t.waarde)
                    grenzen |= {max(grens - 1, 0.0), grens, grens + 1}
        return [int(g) for g in sorted(grenzen)]

    def ontbrekend(self, basis: Feiten, huidig: Advieswoord) -> list[OntbrekendeInformatie]:
        uit = []
        for veld, regels in self._afhankelijk[basis["fase"]].items():
            if veld in basis or veld == "fase" or self.doet_niet_ter_zake(veld, basis):
                continue
            per_waarde = {}
            for waarde in self.kandidaten(veld):
                sleutel = ", ".join(waarde) or "leeg" if isinstance(waarde, list) else str(waarde)
                per_waarde[sleutel] = self.oordeel({**basis, veld: waarde})
            uit.append(OntbrekendeInformatie.model_construct(
                veld=veld, beschrijving=self.pakket.catalogus[veld].beschrijving, gelezen_door=regels,
                advies_per_waarde=per_waarde,
                kan_advies_veranderen=any(w != huidig for w in per_waarde.values())))
        return sorted(uit, key=lambda o: (not o.kan_advies_veranderen, o.veld))

    # --- de bandbreedte --------------------------------------------------------------

    def _vormvelden(self) -> list[str]:
        """De feiten die de vormtabel van dit pakket leest (een afgeleid veld als zijn bronvelden); een eigen
        pakket kan daar meer lezen dan de catalogus bij de passende vormen noemt."""
        uit: list[str] = []
        for rij in self.pakket.vormtabel:
            for t in rij.voorwaarde.toetsen():
                info = self.pakket.catalogus.get(t.veld)
                uit += info.bronvelden if info is not None and info.afgeleid else (t.veld,)
        return uit

    @staticmethod
    def _feitvelden_van(regel: GeladenRegel, vormtabel: list[str]) -> tuple[str, ...]:
        """De feiten waar een regel van afhangt. Een afgeleid vormveld hangt af van zijn bronvelden en, voor de
        passende vormen, van alles wat de vormtabel leest (`vormtabel`)."""
        uit: list[str] = []
        for veld in regel.velden:
            if veld in HERBEREKEND:
                bronnen = [*CATALOGUS[veld].bronvelden] + (vormtabel if veld != "juridische_vorm.soort" else [])
                uit += [v for v in bronnen if v in CATALOGUS and CATALOGUS[v].leesbaar]
            else:
                uit.append(veld)
        return tuple(dict.fromkeys(uit))

    def _velden_die_het_advies_kunnen_bepalen(self) -> list[str]:
        """De feiten (zoals de regels ze lezen) waar een blokkerende of voorwaardelijke regel van
        afhangt; een afgeleid vormveld telt als de velden waaruit de vormtabel het afleidt."""
        uit = [v for r in self.pakket.regels if r.regel.effect in (Effect.blokkerend, Effect.voorwaarde)
               for v in self._feitvelden[r.id]]
        if self._plicht is not None:
            uit.append(self._plicht[0])
        return [v for v in dict.fromkeys(uit) if v != "fase"]

    def _extremen(self, veld: str) -> tuple[Any, Any] | None:
        """(ongunstigst, gunstigst) voor een veld met een vaste volgorde of richting, anders None."""
        info = self.pakket.catalogus[veld]
        volgorde = [w for w in info.volgorde if w != ONBEKEND]
        if volgorde:
            return volgorde[0], volgorde[-1]
        if info.soort == "namen":
            return ["(een partner)"], []
        if info.richting:
            laag, hoog = (1.0, 5.0) if veld.startswith("succesfactoren.") else (0, GROOT_BEDRAG)
            return (laag, hoog) if info.richting == "hoger" else (hoog, laag)
        return None

    def _vrije_kandidaten(self, veld: str) -> list[Any]:
        info = self.pakket.catalogus[veld]
        if info.soort == "woorden":
            return [[]] + [[w] for w in info.waarden] + [list(info.waarden)]
        return self.kandidaten(veld)

    def _rang(self, feiten: Feiten, fase: Fase) -> int:
        return ADVIES_RANG[fase].index(self.oordeel(feiten))

    def bandbreedte(self, basis: Feiten, huidig: Advieswoord | None = None,
                    gevuurd: list[str] | None = None) -> Bandbreedte:
        """Het gunstigste en ongunstigste advies: nu (`huidig`, bij de regels `gevuurd`), of na het invullen
        van de onbekende feiten."""
        rang = ADVIES_RANG[Fase(basis["fase"])]
        b = self._bandbreedte(basis, None if huidig is None else rang.index(huidig), gevuurd)
        if huidig is None:
            return b
        return b.model_copy(update={"gunstigst": max(b.gunstigst, huidig, key=rang.index),
                                    "ongunstigst": min(b.ongunstigst, huidig, key=rang.index)})

    def _bandbreedte(self, basis: Feiten, huidig: int | None = None, gevuurd: list[str] | None = None) -> Bandbreedte:
        """Het gunstigste en ongunstigste advies over alle manieren om de onbekende feiten in te vullen.
        Met `huidig` (de rang van het advies nu) telt dat advies mee als grens: staat het al op de uiterste
        rang, dan hoeft die kant niet doorgerekend te worden (de uitkomst is dezelfde, met minder evaluaties).

        Voor velden met een vaste volgorde volstaat, dankzij de monotonie, één invulling per kant: alles
        op zijn gunstigst, of alles op zijn ongunstigst. Onbekende velden zonder volgorde worden erbij
        doorgerekend: alle combinaties als dat er weinig zijn, anders veld voor veld (en dan worden
        de grenzen ruim genomen).
        """
        fase = Fase(basis["fase"])
        rang = ADVIES_RANG[fase]
        slecht, goed = dict(basis), dict(basis)
        vrij: dict[str, list[Any]] = {}
        for veld in self._bereikvelden:
            if veld in basis or self.doet_niet_ter_zake(veld, basis):
                continue
            extremen = self._extremen(veld)
            if extremen is None:
                vrij[veld] = self._vrije_kandidaten(veld)
            else:
                slecht[veld], goed[veld] = extremen
        aantal = 1
        for kandidaten in vrij.values():
            aantal *= len(kandidaten)
        if aantal <= MAX_COMBINATIES:
            velden = list(vrij)
            laagste, hoogste = (len(rang), -1) if huidig is None else (huidig, huidig)
            # hoger dan het plafond komt geen invulling; staat het advies nu al op het plafond, dan hoeft de
            # gunstige kant niet doorgerekend te worden
            grens = (len(rang) - 1 if huidig is None or huidig == len(rang) - 1
                     else self._plafond(basis, fase, gevuurd))
            for combinatie in itertools.product(*vrij.values()):
                invulling = dict(zip(velden, combinatie))
                if laagste > 0:
                    laagste = min(laagste, self._rang({**slecht, **invulling}, fase))
                if hoogste < grens:
                    hoogste = max(hoogste, self._rang({**goed, **invulling}, fase))
            return Bandbreedte.model_construct(gunstigst=rang[hoogste], ongunstigst=rang[laagste], exact=True)
        laagste = self._veld_voor_veld(slecht, vrij, fase, min)
        plafond = self._plafond(basis, fase, gevuurd)
        hoogste = self._veld_voor_veld(goed, vrij, fase, max, plafond)
        # Niet alles doorgerekend: een grens die niet zeker is, wordt ruim genomen (het plafond dat de
        # zeker vurende regels toelaten, of het ongunstigste advies), zodat zij nooit te smal is.
        return Bandbreedte.model_construct(gunstigst=rang[plafond], ongunstigst=rang[0],
                                           exact=laagste == 0 and hoogste == plafond)

    def _plafond(self, basis: Feiten, fase: Fase, gevuurd: list[str] | None = None) -> int:
        """Het beste advies dat nog kan: regels die nu vuren en alleen bekende feiten lezen, blijven
        vuren hoe de onbekende feiten ook worden ingevuld. `gevuurd`: de regels die bij `basis` vuren, als
        die al bekend zijn."""
        effecten = set()
        weging = _WEGING.get()
        for regel_id in self.gevuurd(basis) if gevuurd is None else gevuurd:
            if basis.keys() >= self._leest[regel_id]:  # alle feiten die zij leest, zijn bekend
                effecten.add((weging or {}).get(self._criterium[regel_id], self._effect[regel_id]))
        woord, _ = besluit(self.pakket.kop.adviestabel, fase, effecten)
        # schrijft de wet deelname voor (of kan dat nog, als het onbekend is), dan is negatief geen plafond
        if self._plicht is not None and woord.negatief and basis.get(self._plicht[0], "ja") == "ja":
            woord = self._plicht[1][fase]
        return ADVIES_RANG[fase].index(woord)

    def _veld_voor_veld(self, begin: Feiten, vrij: dict[str, list[Any]], fase: Fase, kies,
                        doel: int | None = None) -> int:
        """Zoek veld voor veld de waarde die het advies het gunstigst (max) of ongunstigst (min) maakt;
        stop zodra het doel (de uiterste rang die kan) bereikt is."""
        huidig = {**begin, **{veld: kandidaten[0] for veld, kandidaten in vrij.items()}}
        beste = self._rang(huidig, fase)
        if doel is None:
            doel = 0 if kies is min else len(ADVIES_RANG[fase]) - 1
        for _ in range(2):
            veranderd = False
            for veld, kandidaten in vrij.items():
                for waarde in kandidaten:
                    if beste == doel:
                        return beste
                    poging = self._rang({**huidig, veld: waarde}, fase)
                    if kies(poging, beste) != beste:
                        huidig[veld], beste, veranderd = waarde, poging, True
            if not veranderd:
                break
        return beste

    # --- kernvragen en wat eerst uit te zoeken ------------------------------------------

    def kernvragen_open(self, basis: Feiten) -> list[Kernvraag]:
        """De kernvragen van het pakket (voor deze fase) die nog niet beantwoord zijn (zie Kernvraag.is_open)."""
        fase = Fase(basis["fase"])
        return [k for k in self.pakket.kop.kernvragen if (k.fase is None or k.fase == fase) and k.is_open(basis)]

    def open_kernvragen(self, basis: Feiten) -> list[tuple[str, list[str]]]:
        """De open kernvragen als (vraag, velden)."""
        return [(k.vraag, list(k.velden)) for k in self.kernvragen_open(basis)]

    def eerst_uitzoeken(self, open_vragen: list[tuple[str, list[str]]],
                        ontbrekend: list[OntbrekendeInformatie]) -> list[Uitzoekpunt]:
        """Eerst de open kernvragen, dan de onbekende feiten die het advies nog kunnen veranderen,
        de meest beslissende (de meeste verschillende adviezen) voorop."""
        uit = [Uitzoekpunt.model_construct(vraag=vraag, velden=velden, kernvraag=True)
               for vraag, velden in open_vragen]
        gedekt = {v for _, velden in open_vragen for v in velden}
        gedekt |= {b for v in gedekt for b in self.pakket.catalogus[v].bronvelden}
        beslissend = sorted((o for o in ontbrekend if o.kan_advies_veranderen and o.veld not in gedekt),
                            key=lambda o: (-len(set(o.advies_per_waarde.values())), o.veld))
        uit += [Uitzoekpunt.model_construct(vraag=label(o.veld), velden=[o.veld], kernvraag=False)
                for o in beslissend]
        return uit


def _waarschuwingen(casus: Casus, kop) -> list[str]:
    """Een casus met feiten van vóór het beleid van het pakket wordt getoetst aan beleid dat toen nog niet gold:
    dat moet de lezer weten (bijvoorbeeld bij een besluit van jaren geleden)."""
    if casus.peildatum is not None and casus.peildatum < kop.geldig_vanaf:
        return [f"De feiten zijn van {datum_tekst(casus.peildatum)}, van vóór het beleid waaraan getoetst is: "
                f"{kop.naam} {kop.versie} geldt vanaf {datum_tekst(kop.geldig_vanaf)}."]
    return []
