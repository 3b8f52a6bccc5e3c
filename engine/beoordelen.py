"""Eén casus beoordelen: feiten afleiden, regels evalueren, advies samenstellen.

De stroom is recht: casus -> feiten -> (vormtabel -> afgeleide vormvelden) -> regels ->
bevindingen -> advies. Een Beoordelaar hoort bij één regelpakket en kan duizenden casussen
na elkaar beoordelen; het resultaat hangt alleen af van casus en pakket.
"""

from __future__ import annotations

import re
from typing import Any

from . import durable
from .advies import (Advies, Bevinding, Bronvermelding, Factorscore, OntbrekendeInformatie, PakketInfo,
                     Vormtoets, besluit, sorteer, telling, voorwaarden, waarom_niet)
from .casus import CATALOGUS, ONBEKEND, SUCCESFACTOREN, Casus, Fase
from .feiten import Feiten, aanvullen, feiten_van
from .regels import Advieswoord, GeladenRegel, Regelpakket

_PLAATSHOUDER = re.compile(r"\{([a-z_.]+)\}")


def toon(waarde: Any) -> str:
    """Een feitwaarde zoals een lezer haar ziet: '2,5', 'trekker of aanjager', 'onbekend'."""
    if waarde is None:
        return ONBEKEND
    if isinstance(waarde, float):
        return f"{waarde:.1f}".replace(".", ",")
    if isinstance(waarde, int) and not isinstance(waarde, bool) and waarde >= 10_000:
        return f"{waarde:,}".replace(",", ".")
    if isinstance(waarde, list):
        if not waarde:
            return "geen"
        woorden = [str(w).replace("_", " ") for w in waarde]
        return woorden[0] if len(woorden) == 1 else ", ".join(woorden[:-1]) + " of " + woorden[-1]
    return str(waarde).replace("_", " ")


def vul_in(tekst: str, feiten: Feiten) -> str:
    """Vervang {veld.pad} in een regeltekst door de waarde uit de feiten."""
    return _PLAATSHOUDER.sub(lambda m: toon(feiten.get(m.group(1))), tekst)


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
        self._afhankelijk = self._afhankelijkheden()

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
        effecten = {self.pakket.regel(i).regel.effect for i in ids}
        return besluit(self.pakket.kop.adviestabel, fase, effecten)[0]

    # --- het advies -----------------------------------------------------------------

    def beoordeel(self, casus: Casus) -> Advies:
        basis = feiten_van(casus)
        feiten, rijen, ids = self._gevuurd(basis)
        bevindingen = sorteer([self._bevinding(self.pakket.regel(i), feiten) for i in ids], self._volgorde)
        tabel = self.pakket.kop.adviestabel
        woord, rij = besluit(tabel, casus.fase, {b.effect for b in bevindingen})
        kop = self.pakket.kop
        return Advies(
            casus=casus.naam,
            fase=casus.fase,
            perspectief=casus.perspectief or kop.gemeente,
            peildatum=casus.peildatum,
            advies=woord,
            advies_tekst=woord.tekst,
            beslisregel=rij.uitleg,
            voorwaarden=voorwaarden(bevindingen),
            bevindingen=bevindingen,
            telling=telling(bevindingen),
            waarom_niet=waarom_niet(tabel, casus.fase, bevindingen),
            ontbrekende_informatie=self.ontbrekend(basis, woord),
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

    def _afhankelijkheden(self) -> dict[str, list[str]]:
        """Per basisveld: de regels die het lezen, direct of via een afgeleid veld."""
        uit: dict[str, list[str]] = {}
        for regel in self.pakket.regels:
            for basisveld in regel.basisvelden:
                if basisveld in CATALOGUS and CATALOGUS[basisveld].leesbaar:
                    uit.setdefault(basisveld, []).append(regel.id)
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
        for veld, regels in self._afhankelijk.items():
            if veld in basis:
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
