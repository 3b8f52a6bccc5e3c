"""Eén casus beoordelen: feiten afleiden, regels evalueren, advies samenstellen.

De stroom is recht: casus -> feiten -> (vormtabel -> afgeleide vormvelden) -> regels ->
bevindingen -> advies. Een Beoordelaar hoort bij één regelpakket en kan duizenden casussen
na elkaar beoordelen; het resultaat hangt alleen af van casus en pakket.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any, NamedTuple

from . import durable
from .advies import (Advies, Bandbreedte, Bevinding, Bronvermelding, Factorscore, OntbrekendeInformatie,
                     PakketInfo, Uitzoekpunt, Vormtoets, besluit, bij_beeindigen, sorteer, telling, voorwaarden,
                     waarom_niet)
from .casus import CATALOGUS, ONBEKEND, SUCCESFACTOREN, Casus, Fase, label
from .feiten import HERBEREKEND, Feiten, aanvullen, feiten_van
from .regels import (ADVIES_RANG, Advieswoord, Effect, EenVan, GeladenRegel, Regelpakket, Toets, Voorwaarde,
                     kan_in_fase, lees_voorwaarde)
from .waarden import toon

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


def vul_in(tekst: str, feiten: Feiten) -> str:
    """Vervang {veld.pad} in een regeltekst door de waarde uit de feiten."""
    return _PLAATSHOUDER.sub(lambda m: toon(feiten.get(m.group(1))), tekst)


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
        feiten, rijen = self.afleiden(basis)
        return feiten, rijen, self._regels.evalueer(feiten)

    def gevuurd(self, basis: Feiten) -> list[str]:
        """De ids van de regels die bij deze (basis)feiten vuren, in pakketvolgorde."""
        return self._gevuurd(basis)[2]

    def oordeel(self, basis: Feiten) -> Advieswoord:
        """Alleen het advieswoord bij deze (basis)feiten: snel, voor wat-als-vragen."""
        return self.advieswoord(self.gevuurd(basis), Fase(basis["fase"]))

    def advieswoord(self, ids: list[str], fase: Fase) -> Advieswoord:
        """Het advies volgens de adviestabel als deze regels vuren."""
        effect = self._effect
        return besluit(self.pakket.kop.adviestabel, fase, {effect[i] for i in ids})[0]

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
        woorden = [self.advieswoord(ids, casus.fase) for casus, (_, _, ids) in zip(casussen, gevuurd)]
        banden = [self.bandbreedte(basis, woord, ids) for basis, woord, (_, _, ids) in zip(basissen, woorden, gevuurd)]
        return [Kort(self._advieswoord(casus, self.open_kernvragen(basis), woord, band), band, feiten, ids)
                for casus, basis, woord, band, (feiten, _, ids) in zip(casussen, basissen, woorden, banden, gevuurd)]

    @staticmethod
    def _advieswoord(casus: Casus, open_vragen: list, woord: Advieswoord, bandbreedte: Bandbreedte) -> Advieswoord:
        """'Nog geen advies' als een kernvraag open is en de bandbreedte van negatief tot positief loopt."""
        rang = ADVIES_RANG[casus.fase]
        onzeker = (bool(open_vragen) and rang.index(bandbreedte.ongunstigst) == 0
                   and rang.index(bandbreedte.gunstigst) > 0)
        return Advieswoord.onvoldoende_informatie if onzeker else woord

    def beoordeel(self, casus: Casus, variant: str | None = None) -> Advies:
        """Het volledige advies; `variant` is de naam van de variant waarvan de casus het resultaat is."""
        basis = feiten_van(casus)
        feiten, rijen, ids = self._gevuurd(basis)
        bevindingen = sorteer([self._bevinding(self.pakket.regel(i), feiten) for i in ids], self._volgorde)
        tabel = self.pakket.kop.adviestabel
        woord, rij = besluit(tabel, casus.fase, {b.effect for b in bevindingen})
        kop = self.pakket.kop
        bandbreedte = self.bandbreedte(basis, woord, ids)
        ontbrekend = self.ontbrekend(basis, woord)
        open_vragen = self.open_kernvragen(basis)
        advies = self._advieswoord(casus, open_vragen, woord, bandbreedte)
        onzeker = advies == Advieswoord.onvoldoende_informatie
        beslisregel = rij.uitleg if not onzeker else (
            "Nog geen advies: de kernvragen zijn niet beantwoord, en wat nog onbekend is, kan het advies "
            f"zowel {bandbreedte.gunstigst.tekst} als {bandbreedte.ongunstigst.tekst} maken. Zoek eerst uit "
            "wat hieronder staat.")
        return Advies(
            casus=casus.naam,
            variant=variant,
            fase=casus.fase,
            perspectief=casus.perspectief or kop.gemeente,
            peildatum=casus.peildatum,
            advies=advies,
            advies_tekst=advies.tekst,
            advies_bij_bekende_feiten=woord,
            bandbreedte=bandbreedte,
            eerst_uitzoeken=self.eerst_uitzoeken(open_vragen, ontbrekend),
            beslisregel=beslisregel,
            voorwaarden=voorwaarden(bevindingen),
            bij_beeindigen=bij_beeindigen(bevindingen),
            bevindingen=bevindingen,
            telling=telling(bevindingen),
            waarom_niet=waarom_niet(tabel, casus.fase, bevindingen),
            ontbrekende_informatie=ontbrekend,
            succesfactoren=[Factorscore(code=code, factor=naam, score=feiten.get(f"succesfactoren.{f}.score"),
                                        laagste_partnerscore=feiten.get(f"succesfactoren.{f}.laagste_partnerscore"),
                                        laagste_partner=feiten.get(f"succesfactoren.{f}.laagste_partner"))
                            for f, (code, naam) in SUCCESFACTOREN.items()],
            vormtoets=Vormtoets(rijen=rijen, passende_vormen=feiten.get("juridische_vorm.passende_vormen"),
                                gekozen_vorm=feiten.get("juridische_vorm")),
            regelpakket=PakketInfo(naam=kop.naam, versie=kop.versie, geldig_vanaf=kop.geldig_vanaf,
                                   inhoudshash=self.pakket.inhoudshash),
        )

    def _bevinding(self, geladen: GeladenRegel, feiten: Feiten) -> Bevinding:
        regel = geladen.regel
        kop = self.pakket.kop
        return Bevinding(
            regel=regel.id,
            criterium=regel.criterium,
            criterium_naam=kop.criteria[regel.criterium].naam,
            effect=regel.effect,
            uitleg=vul_in(regel.uitleg, feiten),
            voorwaarde=vul_in(regel.voorwaarde, feiten) if regel.voorwaarde else None,
            bij_beeindigen=regel.bij_beeindigen,
            bron=Bronvermelding(verwijzing=regel.bron, **self.pakket.bron(regel.bron)),
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
                if not kan_in_fase(regel.voorwaarde, fase):
                    continue
                for basisveld in regel.basisvelden:
                    if basisveld in CATALOGUS and CATALOGUS[basisveld].leesbaar:
                        velden.setdefault(basisveld, []).append(regel.id)
        return uit

    def kandidaten(self, veld: str) -> list[Any]:
        """De waarden die een onbekend veld zou kunnen hebben, om hun gevolg te tonen."""
        info = CATALOGUS[veld]
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
            if veld in basis or veld == "fase":
                continue
            per_waarde = {}
            for waarde in self.kandidaten(veld):
                sleutel = ", ".join(waarde) or "leeg" if isinstance(waarde, list) else str(waarde)
                per_waarde[sleutel] = self.oordeel({**basis, veld: waarde})
            uit.append(OntbrekendeInformatie(
                veld=veld, beschrijving=CATALOGUS[veld].beschrijving, gelezen_door=regels,
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
                info = CATALOGUS.get(t.veld)
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
        return [v for v in dict.fromkeys(uit) if v != "fase"]

    def _extremen(self, veld: str) -> tuple[Any, Any] | None:
        """(ongunstigst, gunstigst) voor een veld met een vaste volgorde of richting, anders None."""
        info = CATALOGUS[veld]
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
        info = CATALOGUS[veld]
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
            if veld in basis:
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
            return Bandbreedte(gunstigst=rang[hoogste], ongunstigst=rang[laagste], exact=True)
        laagste = self._veld_voor_veld(slecht, vrij, fase, min)
        plafond = self._plafond(basis, fase, gevuurd)
        hoogste = self._veld_voor_veld(goed, vrij, fase, max, plafond)
        # Niet alles doorgerekend: een grens die niet zeker is, wordt ruim genomen (het plafond dat de
        # zeker vurende regels toelaten, of het ongunstigste advies), zodat zij nooit te smal is.
        return Bandbreedte(gunstigst=rang[plafond], ongunstigst=rang[0], exact=laagste == 0 and hoogste == plafond)

    def _plafond(self, basis: Feiten, fase: Fase, gevuurd: list[str] | None = None) -> int:
        """Het beste advies dat nog kan: regels die nu vuren en alleen bekende feiten lezen, blijven
        vuren hoe de onbekende feiten ook worden ingevuld. `gevuurd`: de regels die bij `basis` vuren, als
        die al bekend zijn."""
        effecten = set()
        for regel_id in self.gevuurd(basis) if gevuurd is None else gevuurd:
            if basis.keys() >= self._leest[regel_id]:  # alle feiten die zij leest, zijn bekend
                effecten.add(self._effect[regel_id])
        woord, _ = besluit(self.pakket.kop.adviestabel, fase, effecten)
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

    def open_kernvragen(self, basis: Feiten) -> list[tuple[str, list[str]]]:
        """De kernvragen van het pakket (voor deze fase) waarvan geen enkel veld bekend is."""
        fase = Fase(basis["fase"])
        return [(k.vraag, list(k.velden)) for k in self.pakket.kop.kernvragen
                if (k.fase is None or k.fase == fase) and not any(v in basis for v in k.velden)]

    def eerst_uitzoeken(self, open_vragen: list[tuple[str, list[str]]],
                        ontbrekend: list[OntbrekendeInformatie]) -> list[Uitzoekpunt]:
        """Eerst de open kernvragen, dan de onbekende feiten die het advies nog kunnen veranderen,
        de meest beslissende (de meeste verschillende adviezen) voorop."""
        uit = [Uitzoekpunt(vraag=vraag, velden=velden, kernvraag=True) for vraag, velden in open_vragen]
        gedekt = {v for _, velden in open_vragen for v in velden}
        gedekt |= {b for v in gedekt for b in CATALOGUS[v].bronvelden}
        beslissend = sorted((o for o in ontbrekend if o.kan_advies_veranderen and o.veld not in gedekt),
                            key=lambda o: (-len(set(o.advies_per_waarde.values())), o.veld))
        uit += [Uitzoekpunt(vraag=label(o.veld), velden=[o.veld], kernvraag=False) for o in beslissend]
        return uit
