# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Een concept-collegevoorstel uit een advies, als document dat drie schrijvers kunnen tonen.

De inhoud wordt hier één keer samengesteld (`stel_op`), als een eenvoudige lijst blokken:
kopjes, alinea's, lijsten, tabellen en de grafiek. Markdown, HTML en Word tonen precies die
blokken; zo zeggen alle drie hetzelfde. Er wordt niets beslist: alle inhoud komt uit het
advies, de casus en het regelpakket.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..advies import Advies, Bevinding
from ..casus import Casus, label
from ..vormen import VORM_SOORT
from ..waarden import aantal, datum_tekst, deel_van, euro, opsomming, procent, woord
from ..regels import EFFECT_VOLGORDE, Advieswoord, Collegevoorstelbeleid, Effect, Regelpakket
from ..watals import Vergelijking
from .tabel import KOPJES, factorrijen

# --- het documentmodel ---------------------------------------------------------------------


@dataclass(frozen=True)
class Kop:
    tekst: str
    niveau: int = 1
    nieuwe_pagina: bool = False  # de bijlagen beginnen op een nieuwe pagina


@dataclass(frozen=True)
class Alinea:
    tekst: str


@dataclass(frozen=True)
class Lijst:
    items: tuple[str, ...]
    genummerd: bool = False
    start: int = 1  # een genummerde lijst die na een tussenlijst doorloopt (beslispunten)


@dataclass(frozen=True)
class Tabel:
    kop: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Grafiek:
    """De succesfactoren als staafdiagram; de schrijver vraagt het plaatje aan `grafiek.png`."""

    titel: str
    labels: tuple[str, ...]
    eigen: tuple[float | None, ...]
    partner: tuple[float | None, ...]
    laag: float | None
    sterk: float | None


@dataclass(frozen=True)
class Afbeelding:
    """Een al getekende grafiek (PNG), met een titel die ook als tekstalternatief dient."""

    titel: str
    png: bytes


Blok = Kop | Alinea | Lijst | Tabel | Grafiek | Afbeelding


@dataclass(frozen=True)
class Stempel:
    """Waarmee het document te reproduceren is: datum, regelpakket, casus-hash, programmaversie."""

    datum: dt.date
    regelpakket: str
    inhoudshash_pakket: str
    casusbestand: str
    casushash: str
    programmaversie: str
    bron: str | None = None  # in plaats van de regel over het casusbestand (bij een overzicht van een map)

    def regels(self) -> tuple[str, ...]:
        return (f"Opgesteld op: {datum_tekst(self.datum)}",
                f"Regelpakket: {self.regelpakket} (inhoudshash {self.inhoudshash_pakket})",
                self.bron or f"Casusbestand: {self.casusbestand} (sha256 {self.casushash})",
                f"Programma: samenwerkingstoets {self.programmaversie}")


@dataclass(frozen=True)
class Document:
    titel: str
    blokken: tuple[Blok, ...]
    stempel: Stempel
    beslispunten: tuple[str, ...] = field(default=())
    onderwerp: str = "Concept-collegevoorstel"  # het onderwerp in de eigenschappen van het Word-document


# --- de inhoud -----------------------------------------------------------------------------

# Een college leest de hoofdzaken; de rest staat in bijlage 1. Met deze grenzen past de hoofdtekst van
# elk voorbeeld ruim op vier A4-pagina's (gemeten met scripts/paginas.py).
MAX_ARGUMENTEN = 4
MAX_KANTTEKENINGEN = 4
MAX_AANDACHTSPUNTEN = 2  # ze veranderen het advies niet; de rest staat in bijlage 1

AFKORTINGEN = ("Wgr", "Wmo", "MRA", "NHN", "ICT", "GGD")

Punt = tuple[str, tuple[str, ...]]  # een tekst voor de lezer, met de regels waar hij uit komt


def _schoon(tekst: str) -> str:
    return " ".join(tekst.split())


def _opsomming(delen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'; bevat een deel zelf 'en', dan 'a; b; c'."""
    if not delen:
        return ""
    if len(delen) == 1:
        return delen[0]
    if any(" en " in d for d in delen):
        return "; ".join(delen)
    return opsomming(delen)


_TELWOORDEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")


def _telwoord(n: int, enkelvoud: str) -> str:
    """'één voorwaarde', 'vier voorwaarden'; boven de tien in cijfers."""
    tekst = aantal(n, enkelvoud)
    return tekst.replace(str(n), _TELWOORDEN[n], 1) if n <= 10 else tekst


def _klein(naam: str) -> str:
    """Een naam midden in een zin: 'doelen gerealiseerd', maar 'Wgr-vereisten' en 'ICT' blijven."""
    if naam.startswith(AFKORTINGEN) or not naam[1:2].islower():
        return naam
    return naam[:1].lower() + naam[1:]


def _ja_nee(waarde) -> str:
    return woord(waarde.value) if waarde is not None else "onbekend"


def _bekend(waarde) -> str | None:
    """De waarde van een woordveld, of None als zij niet bekend is."""
    return waarde.value if waarde is not None and waarde.value != "onbekend" else None


def _soort(casus: Casus) -> str | None:
    vorm = casus.juridische_vorm.value if casus.juridische_vorm else None
    soort = VORM_SOORT.get(vorm) if vorm else None
    return soort.value if soort is not None else None


@dataclass(frozen=True)
class Beslispunten:
    """Beslispunt 1 (het besluit), zijn voorwaarden als lijst eronder, en de overige beslispunten."""

    besluit: str
    voorwaarden: tuple[str, ...]
    overige: tuple[str, ...]

    def alle(self) -> tuple[str, ...]:
        return (self.besluit, *self.voorwaarden, *self.overige)


def raadspunten(advies: Advies) -> tuple[str, ...]:
    """De beslispunten over de raad: precies wat de afgeleide rol van de raad zegt (zie engine/raad.py)."""
    if advies.raad is None:
        return ()
    return tuple(p.beslispunt + (f" ({p.artikel})" if p.artikel and p.beslist else "") for p in advies.raad.punten)


def beslispunten(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> Beslispunten:
    """De beslispunten: elk op zichzelf te lezen en te amenderen, zonder codes of regel-ids. De voorwaarden
    staan als lijst onder het besluit, zodat een geamendeerde voorwaarde geen verwijzing breekt."""
    naam = casus.naam
    if advies.advies == Advieswoord.onvoldoende_informatie:
        return Beslispunten(
            f"Kennis te nemen van deze notitie en nog geen besluit te nemen over deelname aan {naam}.", (),
            ("De ambtelijke organisatie te vragen eerst uit te zoeken wat onder 'Wat eerst uitgezocht moet "
             "worden' staat.", "Het voorstel daarna opnieuw te laten toetsen en aan het college voor te leggen."))
    if advies.advies == Advieswoord.beeindigen:
        voorwaarden = tuple(_schoon(v) for v in advies.bij_beeindigen)
    elif advies.advies.negatief:
        voorwaarden = ()
    else:
        voorwaarden = tuple(_schoon(v.tekst) for v in advies.voorwaarden_uitgewerkt)
    onder = (", met deze afspraken voor het uittreden:" if advies.advies == Advieswoord.beeindigen
             else ", onder deze voorwaarden:") if voorwaarden else "."
    # hangt het besluit van een voorwaarde af (een businesscase, een open kernvraag), dan is dit een voornemen en volgt
    # het definitieve besluit als aan die voorwaarden is voldaan
    voornemen = any(v.beslismoment for v in advies.voorwaarden_uitgewerkt) and not advies.advies.negatief
    toe = "toe te treden tot" if _bekend(casus.toetreding) == "ja" else "deel te nemen aan"
    if voornemen and casus.fase.value == "voorstel":
        besluit = (f"Voornemens te zijn {toe} {naam}, en daarover definitief te besluiten zodra aan deze "
                   "voorwaarden is voldaan:")
    elif voornemen and _plicht(casus):  # de wet schrijft deelname voor: er is geen nieuw besluit over voortzetten
        besluit = f"De deelname aan {naam} voort te zetten, en in het bestuur van de regeling te sturen op deze punten:"
    elif voornemen:
        besluit = (f"De deelname aan {naam} voort te zetten, en opnieuw over voortzetting te besluiten zodra aan "
                   "deze voorwaarden is voldaan:")
    else:
        # beslist de raad mee (toestemming, wensen en bedenkingen), dan neemt het college eerst een voornemen
        raad = advies.raad is not None and advies.raad.beslist
        ja = (f"In te stemmen met het voornemen {toe} {naam}{onder}" if raad else
              f"In te stemmen met {'toetreding tot' if toe.startswith('toe') else 'deelname aan'} {naam}{onder}")
        besluit = {
            Advieswoord.aangaan: ja,
            Advieswoord.aangaan_onder_voorwaarden: ja,
            Advieswoord.niet_aangaan: f"Niet deel te nemen aan {naam}.",
            Advieswoord.voortzetten: f"De deelname aan {naam} voort te zetten{onder}",
            Advieswoord.voortzetten_onder_voorwaarden: f"De deelname aan {naam} voort te zetten{onder}",
            Advieswoord.beeindigen: (f"Voornemens te zijn de deelname aan {naam} te beëindigen{onder}" if raad else
                                     f"De deelname aan {naam} te beëindigen{onder}"),
        }[advies.advies]
    return Beslispunten(besluit, voorwaarden, raadspunten(advies) or ("De raad over dit besluit te informeren.",))


def _punten(bevindingen: list[Bevinding], pakket: Regelpakket) -> list[Punt]:
    """Per criterium de uitleg van zijn bevindingen, met elke bron één keer, kort. De naam van het criterium
    staat er niet voor: die noemt een norm ('Doelen gerealiseerd') en zou de uitleg tegenspreken."""
    groepen: dict[str, list[Bevinding]] = {}
    for b in bevindingen:
        groepen.setdefault(b.criterium_naam, []).append(b)
    uit = []
    for lijst in groepen.values():
        # de bron van elk punt staat in bijlage 1 (per punt) en bijlage 3 (volledig); de hoofdtekst leest door
        tekst = " ".join(dict.fromkeys(_schoon(b.uitleg) for b in lijst))
        uit.append((tekst, tuple(b.regel for b in lijst)))
    return uit


class _Getoond:
    """Welke bevindingen de hoofdtekst al uitlegt; een latere sectie noemt ze dan niet opnieuw."""

    def __init__(self) -> None:
        self.regels: set[str] = set()

    def lijst(self, punten: list[Punt], grens: int, genummerd: bool = False, beslispunt: int | None = None,
              vanaf: int = 1) -> list[Blok]:
        """De eerste `grens` punten als lijst; met `beslispunt` als alinea's '1.1 ...', '1.2 ...': elk punt zegt
        bij welk beslispunt het hoort."""
        if not punten:
            return []
        for _, regels in punten[:grens]:
            self.regels.update(regels)
        if beslispunt is not None:
            blokken: list[Blok] = [Alinea(f"{beslispunt}.{i} {t}") for i, (t, _) in enumerate(punten[:grens], vanaf)]
        else:
            blokken = [Lijst(tuple(t for t, _ in punten[:grens]), genummerd=genummerd)]
        rest = len(punten) - grens
        if rest > 0:
            blokken.append(Alinea(f"Bijlage 1 noemt nog {_telwoord(rest, 'ander punt')}."))
        return blokken


def _aanleiding(advies: Advies, casus: Casus) -> list[Blok]:
    if casus.fase.value == "lopend":
        fase = "een lopende samenwerking"
    elif _bekend(casus.toetreding) == "ja":
        fase = "een voorstel om toe te treden tot een samenwerking die al bestaat"
    else:
        fase = "een voorstel voor een nieuwe samenwerking"
    tekst = f"Dit is {fase}. Het advies is getoetst aan de visie op regionale samenwerking van {advies.perspectief}."
    tekst += f" De feiten zijn van {datum_tekst(casus.peildatum)}." if casus.peildatum else ""
    if casus.peildatum and casus.peildatum < advies.regelpakket.geldig_vanaf:
        tekst += f" Dat beleid geldt sinds {datum_tekst(advies.regelpakket.geldig_vanaf)}: de feiten zijn van daarvoor."
    blokken: list[Blok] = [Kop("Aanleiding"), Alinea(tekst)]
    if casus.omschrijving:
        blokken.append(Alinea(_schoon(casus.omschrijving)))
    if casus.partners:
        namen = [p.naam + (f" ({woord(p.soort.value)})" if p.soort and p.soort.value not in ("gemeente", "onbekend")
                           else "") for p in casus.partners]
        blokken.append(Alinea(f"{'Partner' if len(namen) == 1 else 'Partners'}: {opsomming(namen)}."))
    return blokken


def _beoogd_effect(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[Blok]:
    blokken: list[Blok] = [Kop("Beoogd effect")]
    if advies.advies in beleid.beoogd_effect:
        blokken.append(Alinea(_schoon(beleid.beoogd_effect[advies.advies])))
    opgave = _schoon(casus.opgave.omschrijving or "").rstrip(".")
    if opgave in ("", "onbekend"):
        zinnen = ["Welke maatschappelijke opgave de samenwerking oplost, is nog niet bekend."]
    elif opgave == "geen":
        zinnen = ["Er is geen maatschappelijke opgave benoemd."]
    elif advies.advies.negatief:
        zinnen = [f"De samenwerking {'is' if casus.fase.value == 'voorstel' else 'was'} bedoeld voor: "
                  f"{_klein(opgave)}."]
    else:
        zinnen = [f"De opgave: {_klein(opgave)}."]
    if not advies.advies.negatief:  # bij een negatief advies staat wat verloren gaat onder de kanttekeningen
        tw = casus.toegevoegde_waarde
        voor = [wie for wie, w in (("inwoners", tw.inwoners), ("de eigen gemeente", tw.gemeente),
                                   ("de regio", tw.regio)) if _bekend(w) == "ja"]
        if voor:
            zinnen.append(f"De samenwerking voegt waarde toe voor {_opsomming(voor)}.")
        lijsten = casus.woordenlijsten
        doelen = [lijsten.label("strategische_doelen", d) or woord(d) for d in casus.doelen.strategisch or []]
        doelen += [lijsten.label("uitvoerende_doelen", d) or woord(d) for d in casus.doelen.uitvoerend or []]
        if doelen:
            zinnen.append(f"Zij dient deze doelen uit de visie: {_opsomming(doelen)}.")
    blokken.append(Alinea(" ".join(zinnen)))
    return blokken


def _scharnieren(advies: Advies) -> list[Blok]:
    """Waar het advies van afhangt: per open kernvraag wat elk antwoord met het advies doet."""
    from .tabel import scharnier_tekst

    if not advies.open_kernvragen:
        return []
    if advies.advies == Advieswoord.onvoldoende_informatie:
        inleiding = ("Het advies hangt af van het antwoord op deze vragen; zonder antwoord is geen verantwoord "
                     "advies mogelijk:")
    else:
        inleiding = "Een voorlopig advies: het antwoord is een voorwaarde bij beslispunt 1."
    return [Kop("Waar het advies van afhangt"), Alinea(inleiding),
            Lijst(tuple(scharnier_tekst(s) for s in advies.open_kernvragen))]


def _afweging(advies: Advies) -> list[Blok]:
    """De ambtelijke afweging: waar de adviseur een bevinding anders weegt dan het regelpakket, en waarom."""
    from .tabel import afwegingsregels

    if not advies.afwegingen:
        return []
    zelfde = advies.advies_pakket == advies.advies
    tekst = (f"Het regelpakket adviseert: {advies.advies_pakket.tekst}. De ambtelijke organisatie weegt "
             f"{'een bevinding' if len(advies.afwegingen) == 1 else 'enkele bevindingen'} anders. "
             + ("Het advies blijft daardoor hetzelfde." if zelfde else
                f"Het advies wordt daardoor: {advies.advies_tekst}."))
    return [Kop("Ambtelijke afweging"), Alinea(tekst), Lijst(tuple(afwegingsregels(advies))),
            Alinea("Het oordeel van het regelpakket zelf staat in bijlage 1.")]


def _argumenten(advies: Advies, pakket: Regelpakket, per_effect: dict, getoond: _Getoond) -> list[Blok]:
    """De redenen voor het geadviseerde besluit, in de volgorde van het pakket (de kern van de visie eerst):
    bij een negatief advies de blokkerende bevindingen, anders de sterktes."""
    argumenten = per_effect[Effect.blokkerend] if advies.advies.negatief else per_effect[Effect.sterkte]
    punten = _punten(argumenten, pakket)
    blokken: list[Blok] = [Kop("Argumenten")]
    if punten:
        blokken += getoond.lijst(punten, MAX_ARGUMENTEN, beslispunt=1)
    else:
        blokken.append(Alinea("1.1 Er zijn geen punten gevonden die voor deze samenwerking pleiten."))
    if advies.raad is not None and advies.raad.punten:
        blokken += [Alinea(f"2.{i} {_schoon(p.uitleg)}") for i, p in enumerate(advies.raad.punten[:2], 1)]
    return blokken


def _kanttekeningen(advies: Advies, casus: Casus, pakket: Regelpakket, per_effect: dict,
                    getoond: _Getoond) -> list[Blok]:
    """Wat tegen het besluit pleit en hoe dat beheerst wordt; bij een negatief advies: wat verloren gaat. Elk punt
    is genummerd bij beslispunt 1 (1.1, 1.2, ...)."""
    blokken: list[Blok] = [Kop("Kanttekeningen en risico's")]
    teller = [1]

    def genummerd(punten: list[Punt], grens: int) -> list[Blok]:
        uit = getoond.lijst(punten, grens, beslispunt=1, vanaf=teller[0])
        teller[0] += min(len(punten), grens)
        return uit

    if advies.advies.negatief:
        if per_effect[Effect.sterkte]:
            kop = "Wat verloren gaat" if advies.advies == Advieswoord.beeindigen else "Wat de gemeente misloopt"
            blokken += [Kop(kop, 2)] + genummerd(_punten(per_effect[Effect.sterkte], pakket), MAX_KANTTEKENINGEN)
        uittreedkosten = _bekend(casus.evaluatie.uittreedkosten)
        if advies.advies == Advieswoord.beeindigen and uittreedkosten and casus.uittreding.uittreedsom is None:
            hoe = {"hoog": "veel", "midden": "een gemiddeld bedrag", "laag": "weinig"}[uittreedkosten]
            blokken += genummerd([(f"Uittreden kost {hoe}: een uittreedsom of afkoop, en frictiekosten. De afspraken "
                                   "voor het uittreden moeten die kosten beheersen.", ())], 1)
        if advies.voorwaarden:
            blokken += [Kop("Als het college toch anders besluit", 2),
                        Alinea("Dan zijn in elk geval deze voorwaarden nodig:")]
            blokken += getoond.lijst([(_schoon(v), ()) for v in advies.voorwaarden], MAX_KANTTEKENINGEN)
    else:
        risico = _punten(per_effect[Effect.blokkerend] + per_effect[Effect.voorwaarde], pakket)
        if risico:
            blokken += [Kop("Risico's", 2),
                        Alinea("De voorwaarden bij beslispunt 1 zijn bedoeld om deze risico's te beheersen.")]
            blokken += genummerd(risico, MAX_KANTTEKENINGEN)
        if per_effect[Effect.aandachtspunt]:
            blokken += [Kop("Aandachtspunten", 2)]
            blokken += genummerd(_punten(per_effect[Effect.aandachtspunt], pakket), MAX_AANDACHTSPUNTEN)
    eigen = _schoon(casus.verbonden_partij.risicos or "")
    if eigen:  # de risico's die de gemeente zelf bij deze partij ziet (ook in de paragraaf verbonden partijen)
        blokken += [Kop("Risico's die de gemeente zelf ziet", 2)] + genummerd([(eigen.rstrip(".") + ".", ())], 1)
    if len(blokken) == 1:
        blokken.append(Alinea("1.1 Er zijn geen kanttekeningen bij dit besluit."))
    return blokken


def _alternatieven(advies: Advies, casus: Casus, alternatieven: Vergelijking | None,
                   beleid: Collegevoorstelbeleid) -> list[Blok]:
    """De andere besluiten die het college kan nemen, en wat ervoor nodig is; en de varianten."""
    namen = {b.regel: b.criterium_naam for b in advies.bevindingen}
    plicht = _plicht(casus) and beleid.bij_wettelijke_plicht
    sterk = list(dict.fromkeys(_klein(b.criterium_naam) for b in advies.bevindingen if b.effect == Effect.sterkte))
    kosten = casus.onderbouwing.kosten_per_jaar
    items = []
    for w in advies.waarom_niet:
        criteria = list(dict.fromkeys(_klein(namen[r]) for r in w.bevindingen if r in namen))
        punten = _opsomming(criteria[:3]) + (f" en nog {len(criteria) - 3} andere punten" if len(criteria) > 3 else "")
        minder_voorwaarden = w.advies in (Advieswoord.aangaan, Advieswoord.voortzetten) and \
            advies.advies in (Advieswoord.aangaan_onder_voorwaarden, Advieswoord.voortzetten_onder_voorwaarden)
        if w.advies.negatief and not advies.advies.negatief:
            voor = (f"de gemeente betaalt de {euro(kosten)} per jaar niet en gaat geen verplichtingen aan"
                    if kosten else "de gemeente gaat geen kosten en verplichtingen aan")
            tegen = (_klein(_schoon(beleid.bij_wettelijke_plicht)).rstrip(".") if plicht else
                     f"wat de samenwerking oplevert, gaat verloren: {_opsomming(sterk[:3])}" if sterk else
                     "wat de samenwerking zou opleveren, gaat verloren")
        elif not w.advies.negatief and advies.advies.negatief and w.advies in (
                Advieswoord.aangaan_onder_voorwaarden, Advieswoord.voortzetten_onder_voorwaarden):
            voor = "de gemeente blijft deelnemen en verbindt er eisen aan"
            tegen = "de voorwaarden nemen de problemen onder de argumenten niet weg"
        elif not w.advies.negatief and advies.advies.negatief:
            voor = "de gemeente houdt haar plaats in de samenwerking en wat die nog oplevert"
            tegen = ("de problemen onder de argumenten blijven bestaan; die moeten eerst opgelost zijn" if criteria
                     else _klein(_schoon(w.reden)).rstrip("."))
        elif minder_voorwaarden:
            voor = "het besluit is eenvoudiger: er hoeft vooraf niets geregeld te worden"
            tegen = (f"de risico's achter de voorwaarden blijven open: {punten}" if criteria else
                     "de risico's achter de voorwaarden blijven open")
        elif w.advies in (Advieswoord.aangaan_onder_voorwaarden, Advieswoord.voortzetten_onder_voorwaarden):
            continue  # er zijn geen voorwaarden nodig: dit is geen echt alternatief
        else:
            voor = "geen"
            tegen = f"eerst moet dit op orde zijn: {punten}" if criteria else _klein(_schoon(w.reden)).rstrip(".")
        naam = w.advies_tekst[:1].upper() + w.advies_tekst[1:]
        items.append(f"{naam}. Voordeel: {voor}. Nadeel: {tegen}.")
    blokken: list[Blok] = [Kop("Alternatieven")]
    blokken.append(Lijst(tuple(items)) if items else Alinea("Er is geen ander besluit mogelijk."))
    if alternatieven is not None:
        blokken += [Alinea("Het advies bij elke variant van deze samenwerking:"),
                    _alternatieventabel(alternatieven, codes=False)]
        for j, kolom in enumerate(alternatieven.kolommen[1:], 1):
            blokken.append(Kop(f"Variant: {kolom.label}", 2))
            if kolom.variant_omschrijving:
                blokken.append(Alinea(_schoon(kolom.variant_omschrijving)))
            blokken.append(Lijst(tuple(_plus_en_min(alternatieven, j))))
    return blokken


def _plus_en_min(v: Vergelijking, j: int) -> list[str]:
    """Wat een variant beter en slechter maakt, per criterium (het zwaarste gewicht telt), tegenover de
    samenwerking zoals zij nu is (kolom 0)."""
    zwaarte = {Effect.blokkerend: 3, Effect.voorwaarde: 2, Effect.aandachtspunt: 1, Effect.sterkte: 0}

    def per_criterium(advies: Advies) -> tuple[dict[str, int], set[str]]:
        zwaarst: dict[str, int] = {}
        for b in advies.bevindingen:
            zwaarst[b.criterium_naam] = max(zwaarst.get(b.criterium_naam, 0), zwaarte[b.effect])
        return zwaarst, {b.criterium_naam for b in advies.bevindingen if b.effect == Effect.sterkte}

    (nu, sterk_nu), (straks, sterk_straks) = per_criterium(v.kolommen[0].advies), per_criterium(v.kolommen[j].advies)
    namen = list(dict.fromkeys([*nu, *straks]))
    beter = [_klein(n) for n in namen if straks.get(n, 0) < nu.get(n, 0)]
    slechter = [_klein(n) for n in namen if straks.get(n, 0) > nu.get(n, 0)]
    sterk = [_klein(n) for n in namen if n in sterk_straks and n not in sterk_nu and not straks.get(n, 0)]
    regels = [f"Advies bij deze variant: {v.kolommen[j].advies.advies_tekst} "
              f"(nu: {v.kolommen[0].advies.advies_tekst})."]
    if beter:
        regels.append(f"Pluspunt, dit wordt beter: {_opsomming(beter)}.")
    if sterk:
        regels.append(f"Pluspunt, dit wordt een sterk punt: {_opsomming(sterk)}.")
    if slechter:
        regels.append(f"Minpunt, dit weegt zwaarder: {_opsomming(slechter)}.")
    if len(regels) == 1:
        regels.append("De toets ziet geen verschil met de samenwerking zoals zij nu is.")
    return regels


MEERJARIG = 4  # de jaren van een meerjarenbegroting


def _financien(advies: Advies, casus: Casus) -> list[Blok]:
    """Het geld in hele zinnen: jaarlijks en eenmalig, structureel of tijdelijk, de meerjarige last, de dekking,
    bij een lopende regeling vermogen, resultaat en het aandeel van de gemeente, en bij beëindigen de kosten van
    het uittreden. Alles uit de gegevens; wat ontbreekt, staat onder 'Nog uit te zoeken voor verzending'."""
    ob = casus.onderbouwing
    structureel = _bekend(ob.kosten_structureel)
    zinnen = []
    if ob.kosten_per_jaar is not None:
        zinnen.append(f"Het aandeel van de gemeente is {euro(ob.kosten_per_jaar)} per jaar"
                      + {"ja": ", structureel.", "nee": ", tijdelijk."}.get(structureel or "", "."))
        if structureel == "ja" and not advies.advies.negatief:
            zinnen.append(f"Over de {_TELWOORDEN[MEERJARIG]} jaren van de meerjarenbegroting is dat "
                          f"{euro(ob.kosten_per_jaar * MEERJARIG)}.")
    else:
        zinnen.append("Het aandeel van de gemeente per jaar is nog niet bekend.")
    if ob.eenmalige_kosten:
        zinnen.append(f"Daarnaast zijn er eenmalige kosten van {euro(ob.eenmalige_kosten)}.")
    elif ob.eenmalige_kosten == 0:
        zinnen.append("Er zijn geen eenmalige kosten.")
    elif not advies.advies.negatief:
        zinnen.append("Of er eenmalige kosten zijn, is nog niet bekend.")
    if not advies.advies.negatief:
        zinnen.append({"binnen_begroting": "De kosten passen binnen de bestaande begroting.",
                       "begrotingswijziging_nodig": "Voor de kosten is een begrotingswijziging nodig. Daarover "
                                                    "beslist de raad."}.get(_bekend(ob.dekking) or "",
                                                                           "De dekking van de kosten is nog open."))
    businesscase = {"aanwezig": "Er ligt een businesscase", "ontbreekt": "Er is geen businesscase",
                    "niet_nodig": "Een businesscase is niet nodig geacht"}.get(_bekend(ob.businesscase) or "")
    if businesscase:
        uitkomst = _bekend(ob.businesscase_uitkomst)
        if uitkomst and _bekend(ob.businesscase) == "aanwezig":
            businesscase += f"; de uitkomst voor de gemeente is {uitkomst}"
        zinnen.append(businesscase + ".")
    zinnen.append({"ja": "De kosten zijn afgewogen tegen de baten.",
                   "nee": "De kosten zijn niet afgewogen tegen de baten."}.get(_bekend(ob.kosten_baten_afgewogen), ""))
    zinnen.append({"voldoende": "De gemeente heeft genoeg ambtelijke capaciteit om mee te doen zoals bedoeld.",
                   "onvoldoende": "De gemeente heeft te weinig ambtelijke capaciteit om mee te doen zoals bedoeld."}.get(
        _bekend(ob.capaciteit_en_middelen), ""))
    if _bekend(ob.begroting_onder_druk) == "ja":
        zinnen.append("De begroting van de gemeente staat onder druk.")
    blokken: list[Blok] = [Kop("Financiën"), Alinea(" ".join(z for z in zinnen if z))]
    if casus.fase.value == "lopend":
        blokken += _financien_lopend(advies, casus)
    return blokken


def _financien_lopend(advies: Advies, casus: Casus) -> list[Blok]:
    ev, vp, ui = casus.evaluatie, casus.verbonden_partij, casus.uittreding
    zinnen = [{"binnen_begroting": "De kosten blijven binnen de begroting.", "stijgend": "De kosten stijgen.",
               "structureel_overschreden": "De kosten liggen structureel boven de begroting."}.get(
        _bekend(ev.kostenontwikkeling), "")]
    eind = f"aan het eind van {vp.jaar}" if vp.jaar else "aan het eind van het jaar"
    if vp.aandeel is not None:
        zinnen.append(f"Het aandeel van de gemeente in de regeling is {procent(vp.aandeel)}.")
    if vp.eigen_vermogen_eind is not None:
        zinnen.append(f"Het eigen vermogen van de regeling was {eind} {euro(vp.eigen_vermogen_eind)}." if
                      vp.eigen_vermogen_eind >= 0 else f"Het eigen vermogen van de regeling was {eind} negatief: "
                      f"de schulden waren {euro(-vp.eigen_vermogen_eind)} groter dan de bezittingen.")
    if vp.resultaat is not None:
        over = f"over {vp.jaar}" if vp.jaar else "over het jaar"
        zinnen.append(f"De regeling had {over} een tekort van {euro(-vp.resultaat)}." if vp.resultaat < 0 else
                      f"De regeling had {over} een overschot van {euro(vp.resultaat)}.")
    if vp.aandeel is not None and vp.eigen_vermogen_eind is not None and vp.eigen_vermogen_eind < 0:
        zinnen.append(f"Het aandeel van de gemeente ({procent(vp.aandeel)}) in dat negatieve eigen vermogen van "
                      f"{euro(-vp.eigen_vermogen_eind)} is {euro(deel_van(vp.aandeel, -vp.eigen_vermogen_eind))}.")
    blokken: list[Blok] = [Alinea(" ".join(z for z in zinnen if z))] if any(zinnen) else []
    if advies.advies == Advieswoord.beeindigen:
        uit = []
        if ui.uittreedsom is not None:
            uit.append(f"Het uittreden kost {euro(ui.uittreedsom)}" +
                       (f" ({_schoon(ui.grondslag).rstrip('.')})." if ui.grondslag else "."))
        else:
            uit.append("Wat het uittreden kost, is nog te bepalen.")
        uit.append(f"Het uittreden gaat in op {datum_tekst(ui.datum)}." if ui.datum else
                   "De datum van het uittreden is nog te bepalen.")
        if ui.personeel:
            uit.append(f"Voor medewerkers: {_klein(_schoon(ui.personeel)).rstrip('.')}.")
        if ui.taken_naar:
            uit.append(f"Na het uittreden voert {_klein(_schoon(ui.taken_naar)).rstrip('.')} de taken uit.")
        if _bekend(casus.onderbouwing.dekking) is None:
            uit.append("De dekking van deze kosten is nog open.")
        blokken += [Kop("Kosten van het uittreden", 2), Alinea(" ".join(uit))]
    return blokken


def _nog_uitzoeken(advies: Advies, casus: Casus, pakket: Regelpakket) -> list[Blok]:
    """Eén duidelijk gemarkeerd kader met wat de toepassing niet kan invullen en vóór verzending uitgezocht moet
    worden, met wie het doet. Nooit als opdracht in de lopende tekst."""
    beleid = pakket.kop.collegevoorstel
    rijen: list[tuple[str, str]] = []
    if advies.advies != Advieswoord.onvoldoende_informatie:
        for o in advies.ontbrekende_informatie:
            if o.kan_advies_veranderen:
                rijen.append((_vraag(label(o.veld)), beleid.uitzoeken_door))
    ob = casus.onderbouwing
    if not advies.advies.negatief and advies.advies != Advieswoord.onvoldoende_informatie:
        if ob.kosten_per_jaar is None:
            rijen.append(("Wat kost de samenwerking de gemeente per jaar?", "de controller"))
        if _bekend(ob.dekking) is None:
            rijen.append(("Hoe worden de kosten gedekt: binnen de begroting of met een begrotingswijziging?",
                          "de controller"))
    if advies.advies == Advieswoord.beeindigen:
        ui = casus.uittreding
        if ui.uittreedsom is None:
            rijen.append(("Wat kost het uittreden (uittreedsom of raming, met de grondslag)?", "de controller"))
        if ui.datum is None:
            rijen.append(("Op welke datum gaat het uittreden in?", "juridische zaken"))
        if ui.personeel is None and (_bekend(casus.taak.eigen_personeel) == "ja" or casus.verbonden_partij.soort):
            rijen.append(("Wat betekent het uittreden voor de medewerkers?", "HR"))
        if ui.taken_naar is None:
            rijen.append(("Wie voert de taken na het uittreden uit?", beleid.uitzoeken_door))
        if _bekend(ob.dekking) is None:
            rijen.append(("Hoe worden de kosten van het uittreden gedekt?", "de controller"))
    rijen = list(dict.fromkeys(rijen))
    if not rijen:
        return []
    return [Alinea("Voor de steller, vóór verzending:"), Tabel(("Nog uit te zoeken voor verzending", "Door"),
                                                             tuple(rijen)),
            Alinea("Haal dit kader weg als alles is uitgezocht.")]


def _juridisch(advies: Advies, casus: Casus, pakket: Regelpakket, getoond: _Getoond) -> list[Blok]:
    beleid = pakket.kop.collegevoorstel
    vorm = advies.vormtoets
    gekozen = woord(vorm.gekozen_vorm or "")
    passend = _opsomming([woord(v) for v in vorm.passende_vormen]) if vorm.passende_vormen else ""
    if _bekend(casus.toetreding) == "ja":
        # wie toetreedt, kiest de vorm niet: zij aanvaardt de regeling zoals die is
        tekst = (f"De bestaande regeling is een {gekozen}; wie toetreedt, aanvaardt die vorm en het bestuur "
                 "ervan." if gekozen and gekozen != "nog te kiezen" else "De vorm van de bestaande regeling is niet "
                 "bekend.")
    else:
        tekst = f"De gekozen vorm is: {gekozen}." if gekozen and gekozen != "nog te kiezen" else \
            "De juridische vorm is nog niet gekozen."
        tekst += f" Bij deze taak passen: {passend}." if passend else \
            " Welke vorm bij de taak past, is uit de gegevens over de taak niet af te leiden."
    blokken: list[Blok] = [Kop("Juridische aspecten"), Alinea(tekst)]
    if advies.advies == Advieswoord.niet_aangaan:
        # wie niet deelneemt, treft geen regeling: wat de wet dan zou vragen, staat in bijlage 1
        blokken.append(Alinea("De gemeente neemt niet deel; er wordt geen regeling of overeenkomst getroffen."))
        if advies.raad is not None and advies.raad.punten:
            blokken.append(Lijst(tuple(_schoon(p.uitleg) + (f" ({p.artikel})" if p.artikel else "")
                                       for p in advies.raad.punten)))
        return blokken
    # Juridische bevindingen die de hoofdtekst nog niet uitlegde, met hun uitleg; de rest noemt hij niet opnieuw.
    nieuw = [b for b in advies.bevindingen if b.criterium in beleid.criteria_juridische_vorm
             and b.effect != Effect.sterkte and b.regel not in getoond.regels]
    blokken += getoond.lijst(_punten(nieuw, pakket), MAX_KANTTEKENINGEN)
    if advies.raad is not None and advies.raad.punten:
        artikelen = _opsomming(list(dict.fromkeys(p.artikel for p in advies.raad.punten if p.artikel)))
        if advies.raad.beslist:
            blokken.append(Alinea(f"De raad beslist mee{' op grond van ' + artikelen if artikelen else ''}; wat hij "
                                  "doet, staat bij argument 2.1."))
        else:
            blokken.append(Alinea("De raad beslist hier niet zelf over; hij wordt geïnformeerd"
                                  + (f" ({artikelen})." if artikelen else ".")))
    wet = _wetpunten(casus, beleid)
    if wet:
        blokken.append(Alinea("Wat de wet verder bij deze vorm vraagt:"))
        blokken.append(Lijst(tuple(_schoon(p.tekst) for p in wet)))  # de bron staat in bijlage 3
    return blokken


def _plicht(casus: Casus) -> bool:
    return _bekend(casus.taak.wettelijk_verplicht_regionaal) == "ja"


def _wetpunten(casus: Casus, beleid: Collegevoorstelbeleid) -> list:
    keuze = casus.juridische_vorm.value if casus.juridische_vorm else ""
    wet = beleid.wet_per_vorm.get(keuze) or beleid.wet_per_vorm.get(_soort(casus) or "", [])
    return [p for p in wet if keuze not in p.niet_bij and not (p.niet_bij_wettelijke_plicht and _plicht(casus))]


def _uitvoering(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[Blok]:
    stappen = [_schoon(s) for s in beleid.vervolg.get(advies.advies, [])]
    if _bekend(casus.toetreding) == "ja" and not advies.advies.negatief:
        stappen = ["Met het bestuur van de regeling de voorwaarden voor de toetreding afspreken (bijdrage, "
                   "instemming van de deelnemers) en het ontwerpbesluit tot toetreding voorleggen."] + [
            s for s in stappen if "uitwerken" not in s]
    if advies.advies != Advieswoord.onvoldoende_informatie and not advies.advies.negatief:
        if _bekend(casus.sturing.evaluatie_afgesproken) == "ja":
            laatste = casus.evaluatie.jaar_laatste_evaluatie
            stappen.append("Periodieke evaluatie is afgesproken" + (f"; de laatste was in {laatste}" if laatste else "")
                           + ".")
        else:
            stappen.append("Er is nog geen periodieke evaluatie afgesproken; die wordt afgesproken, met doelen en "
                           "indicatoren.")
    return [Kop("Uitvoering en evaluatie"), Lijst(tuple(stappen))] if stappen else []


def _communicatie(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[Blok]:
    regels = [_schoon(c) for c in beleid.communicatie.get(advies.advies, [])]
    if advies.advies != Advieswoord.onvoldoende_informatie and advies.raad is not None:
        raad = beleid.communicatie_raad.get("toestemming" if advies.raad.beslist else "informeren")
        if raad:
            regels.append(_schoon(raad))
    return [Kop("Communicatie"), Lijst(tuple(regels))] if regels else []


def _vraag(tekst: str) -> str:
    """Een vraag, of een veldlabel dat geen vraag is ('De rol(len) van de eigen gemeente') als 'Nog onbekend: ...'."""
    tekst = _schoon(tekst)
    if tekst.endswith("?"):
        return tekst
    return f"Nog onbekend: {_klein(tekst).rstrip('.')}."


def _uitzoeken(advies: Advies, pakket: Regelpakket, per_effect: dict, getoond: _Getoond) -> list[Blok]:
    """De informatienotitie: wat eerst uitgezocht moet worden en door wie, en wat al bekend is."""
    beleid = pakket.kop.collegevoorstel
    door = {k.vraag: k.door for k in pakket.kop.kernvragen if k.door}
    vragen = [(f"{_vraag(u.vraag)} Uitzoeken door: {door.get(u.vraag) or beleid.uitzoeken_door}.", ())
              for u in advies.eerst_uitzoeken]
    grens = sum(u.kernvraag for u in advies.eerst_uitzoeken) + MAX_KANTTEKENINGEN
    blokken: list[Blok] = [Kop("Wat eerst uitgezocht moet worden")] + getoond.lijst(vragen, grens, genummerd=True)
    blokken.append(Kop("Wat al bekend is"))
    sterk = _punten(per_effect[Effect.sterkte], pakket)
    zorg = _punten(per_effect[Effect.blokkerend] + per_effect[Effect.voorwaarde], pakket)
    if sterk:
        blokken += [Kop("Wat voor de samenwerking pleit", 2)] + getoond.lijst(sterk, MAX_KANTTEKENINGEN)
    if zorg:
        blokken += [Kop("Wat al zorgen baart", 2)] + getoond.lijst(zorg, MAX_KANTTEKENINGEN)
    if not sterk and not zorg:
        blokken.append(Alinea("Nog niets wat voor of tegen deze samenwerking pleit."))
    return blokken


def stel_op(advies: Advies, casus: Casus, pakket: Regelpakket, stempel: Stempel,
            alternatieven: Vergelijking | None = None) -> Document:
    """Het hele collegevoorstel als blokken, in de opbouw die gemeenten gebruiken; bij 'nog geen advies'
    een informatienotitie zonder besluit over aangaan of beëindigen."""
    beleid = pakket.kop.collegevoorstel
    per_effect = {e: [b for b in advies.bevindingen if b.effect == e] for e in EFFECT_VOLGORDE}
    notitie = advies.advies == Advieswoord.onvoldoende_informatie
    punten = beslispunten(advies, casus, beleid)
    getoond = _Getoond()
    blokken: list[Blok] = [_kopblok(casus, stempel)]
    blokken += _nog_uitzoeken(advies, casus, pakket)
    blokken += [
        Kop("Samenvatting"), Alinea(_samenvatting(advies, casus)),
        Kop("Onderwerp"),
        Alinea(f"{casus.naam}: " + ("nog geen advies; eerst aanvullen." if notitie else
                                   f"advies {advies.advies_tekst}.")),
        Kop("Beslispunten"),
        Alinea("Het college besluit:"),
        Lijst((punten.besluit,), genummerd=True),
    ]
    if punten.voorwaarden:
        blokken.append(Lijst(punten.voorwaarden))
    blokken.append(Lijst(punten.overige, genummerd=True, start=2))
    blokken += _aanleiding(advies, casus)
    blokken += _beoogd_effect(advies, casus, beleid)
    blokken += _scharnieren(advies)
    blokken += _afweging(advies)
    if notitie:
        blokken += _uitzoeken(advies, pakket, per_effect, getoond)
    else:
        blokken += _argumenten(advies, pakket, per_effect, getoond)
        blokken += _kanttekeningen(advies, casus, pakket, per_effect, getoond)
        blokken += _alternatieven(advies, casus, alternatieven, beleid)
        blokken += _financien(advies, casus)
        blokken += _juridisch(advies, casus, pakket, getoond)
    blokken += _uitvoering(advies, casus, beleid)
    blokken += _planning(advies, casus, beleid)
    blokken += _communicatie(advies, casus, beleid)
    wet = [] if notitie or advies.advies == Advieswoord.niet_aangaan else [p.bron for p in _wetpunten(casus, beleid)]
    blokken += _bijlagen(advies, pakket, alternatieven, wet)
    blokken += _raadsvoorstel(advies, casus, pakket, stempel, punten, per_effect)
    blokken.append(Kop("Verantwoording", 2))  # de stempel van het programma staat hieronder, los van de handtekening
    titel = ("Informatienotitie: " if notitie else "Collegevoorstel: ") + casus.naam
    return Document(titel=titel, blokken=tuple(blokken), stempel=stempel, beslispunten=punten.alle())


def _kopblok(casus: Casus, stempel: Stempel) -> Tabel:
    """De kop die elk collegevoorstel heeft. Wat de casus niet geeft, blijft leeg voor de steller."""
    kop = casus.collegevoorstel
    openbaar = {"ja": "ja", "nee": "nee, vertrouwelijk"}.get(_bekend(kop.openbaar) or "", "")
    return Tabel(("Gegevens", ""), (
        ("Portefeuillehouder", kop.portefeuillehouder or ""), ("Steller", kop.steller or ""),
        ("Afdeling", kop.afdeling or ""), ("Datum", datum_tekst(stempel.datum)),
        ("Zaaknummer", kop.zaaknummer or ""), ("Openbaar", openbaar), ("Status", "concept")))


def _samenvatting(advies: Advies, casus: Casus) -> str:
    """Hooguit vijf korte zinnen: het voorstel, de hoofdreden, de voorwaarden, het geld en de raad."""
    if advies.advies == Advieswoord.onvoldoende_informatie:
        zinnen = [f"Over {casus.naam} is nog geen advies mogelijk.",
                  f"Eerst moeten {aantal(len(advies.eerst_uitzoeken), 'vraag')} beantwoord worden."]
    else:
        voorlopig, _, woord_ = advies.advies_tekst.rpartition("voorlopig: ")
        zinnen = [f"Het {'voorlopige ' if _ else ''}advies over {casus.naam} is: {woord_ or advies.advies_tekst}."]
        if advies.advies.negatief:
            # de bevinding zelf, niet de naam van het criterium: 'Doelen gerealiseerd' is een norm en zou hier als
            # een succes lezen
            reden = next((_eerste_zin(b.uitleg) for b in advies.bevindingen if b.effect == Effect.blokkerend), "")
            if reden:
                zinnen.append(f"De belangrijkste reden: {reden[:1].lower() + reden[1:]}")
        else:
            redenen = list(dict.fromkeys(_klein(b.criterium_naam) for b in advies.bevindingen
                                         if b.effect == Effect.sterkte))
            if redenen:
                zinnen.append(f"Wat ervoor pleit: {_opsomming(redenen[:3])}.")
        if advies.voorwaarden_uitgewerkt and not advies.advies.negatief:
            zinnen.append(f"Het besluit heeft {_telwoord(len(advies.voorwaarden_uitgewerkt), 'voorwaarde')}.")
        if casus.onderbouwing.kosten_per_jaar is not None:
            zinnen.append(f"De gemeente betaalt {euro(casus.onderbouwing.kosten_per_jaar)} per jaar.")
    if advies.raad is not None and advies.raad.punten:
        zinnen.append("De raad beslist mee." if advies.raad.beslist else "De raad wordt geïnformeerd.")
    return " ".join(zinnen[:5])


def _planning(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[Blok]:
    """Wat wanneer gebeurt en door wie: het besluit, de voorwaarden op hun moment, de raad."""
    if advies.advies == Advieswoord.onvoldoende_informatie:
        return []
    rijen = [("Besluit van het college", "na dit voorstel", "het college")]
    if not advies.advies.negatief:
        for i, v in enumerate(advies.voorwaarden_uitgewerkt, 1):
            rijen.append((f"Voorwaarde {i} bij beslispunt 1", _schoon(v.wanneer), _schoon(v.wie)))
    elif advies.advies == Advieswoord.beeindigen:
        datum = casus.uittreding.datum
        rijen.append(("Uittreden", datum_tekst(datum) if datum else "nog te bepalen", "het college"))
    if advies.raad is not None and advies.raad.beslist:
        rijen.append(("Voorstel aan de raad", "na het besluit van het college", "het college"))
        if any("zienswijze" in p.uitleg + p.beslispunt for p in advies.raad.punten):
            rijen.append(("Zienswijze van de raad", "binnen acht weken", "de raad"))
        rijen.append(("Besluit van de raad", "na de bespreking in de raad", "de raad"))
    elif advies.raad is not None and advies.raad.punten:
        rijen.append(("Raadsinformatiebrief", "na het besluit van het college", "het college"))
    return [Kop("Planning"), Tabel(("Wat", "Wanneer", "Wie"), tuple(rijen))]


def _eerste_zin(tekst: str) -> str:
    tekst = _schoon(tekst)
    eind = tekst.find(". ")
    return tekst if eind < 0 else tekst[:eind + 1]


_HANDELING = {"aangaan": "het treffen van de regeling voor", "toetreden": "de toetreding tot",
              "wijzigen": "de wijziging van de regeling voor", "beeindigen": "de uittreding uit",
              "voortzetten": "de voortzetting van"}


_ACTIE = {"aangaan": "deelneemt aan", "toetreden": "toetreedt tot", "beeindigen": "uittreedt uit",
          "voortzetten": "blijft deelnemen aan"}


def _voluit(artikel: str) -> str:
    """'art. 1, tweede lid, Wgr' zoals in een considerans: 'artikel 1, tweede lid, van de Wet gemeenschappelijke
    regelingen'."""
    wetten = {"Wgr": "de Wet gemeenschappelijke regelingen", "Gemeentewet": "de Gemeentewet"}
    tekst = artikel.replace("art. ", "artikel ", 1)
    for kort, lang in wetten.items():
        if tekst.endswith(" " + kort):
            return f"{tekst[:-len(kort)].rstrip()} van {lang}"
    return tekst


def _raadsvoorstel(advies: Advies, casus: Casus, pakket: Regelpakket, stempel: Stempel,
                   punten: Beslispunten, per_effect: dict) -> list[Blok]:
    """Beslist de raad nu mee, dan een concept-raadsvoorstel en een concept-raadsbesluit als bijlage, in de gewone
    vorm: het college stelt voor, 'De raad besluit', en een considerans met de wettelijke grondslag. Gaat het om een
    wijziging die het bestuur van de regeling nog moet ontwerpen, dan komt het raadsvoorstel later, met dat ontwerp."""
    raad = advies.raad
    if raad is None or not raad.beslist or advies.advies == Advieswoord.onvoldoende_informatie \
            or raad.handeling == "wijzigen":
        return []
    beleid = pakket.kop.collegevoorstel
    handeling = _HANDELING.get(raad.handeling, "het besluit over")
    besluiten = []
    if any("zienswijze" in p.uitleg + p.beslispunt for p in raad.punten):
        besluiten.append(f"Over het ontwerp voor {handeling} {casus.naam} geen zienswijze naar voren te brengen.")
    for p in raad.punten:
        if p.beslist and p.rol in beleid.raadsbesluit:
            tekst = _schoon(beleid.raadsbesluit[p.rol]).replace("{naam}", casus.naam).replace("{handeling}", handeling)
            if p.rol == "toestemming" and raad.handeling == "beeindigen" and casus.uittreding.datum:
                tekst = tekst.rstrip(".") + f", per {datum_tekst(casus.uittreding.datum)}."
            besluiten.append(tekst)
    besluiten = list(dict.fromkeys(besluiten)) or [f"In te stemmen met {handeling} {casus.naam}."]
    artikelen = list(dict.fromkeys(p.artikel for p in raad.punten if p.artikel and p.beslist))
    gemeente = advies.perspectief
    redenen = per_effect[Effect.blokkerend] if advies.advies.negatief else per_effect[Effect.sterkte]
    argumenten = list(dict.fromkeys(_schoon(b.uitleg) for b in redenen))[:3]
    ob = casus.onderbouwing
    geld = (f"De bijdrage van de gemeente is {euro(ob.kosten_per_jaar)} per jaar." if ob.kosten_per_jaar is not None
            else "De bijdrage van de gemeente per jaar is nog niet bekend.")
    blokken: list[Blok] = [
        Kop("Bijlage 4. Concept-raadsvoorstel", 2, nieuwe_pagina=True),
        Alinea(f"Onderwerp: {casus.naam}."),
        Alinea("De raad besluit:"), Lijst(tuple(besluiten), genummerd=True),
        Alinea(f"Inleiding. Het college stelt voor dat de gemeente {_ACTIE.get(raad.handeling, 'besluit over')} "
               f"{casus.naam}. " + " ".join(_schoon(p.uitleg) for p in raad.punten if p.beslist)),
    ]
    if argumenten:
        blokken += [Alinea("Argumenten."), Lijst(tuple(argumenten))]
    blokken += [Alinea(f"Financiën. {geld}"),
                Alinea("Vervolg. Na het besluit van de raad neemt het college zijn besluit en informeert het de "
                       "partners.")]
    blokken += [
        Kop("Bijlage 5. Concept-raadsbesluit", 2, nieuwe_pagina=True),
        Alinea(f"De raad van de gemeente {gemeente};"),
        Alinea(f"gelezen het voorstel van het college van burgemeester en wethouders van {datum_tekst(stempel.datum)} "
               f"over {casus.naam};"),
    ]
    if artikelen:
        blokken.append(Alinea(f"gelet op {_opsomming([_voluit(a) for a in artikelen])};"))
    blokken += [Alinea("besluit:"), Lijst(tuple(besluiten), genummerd=True),
                Alinea(f"Aldus besloten in de openbare vergadering van de raad van {gemeente} van "
                       "[datum van de vergadering]."),
                Tabel(("De griffier,", "De voorzitter,"), (("", ""),))]
    return blokken


def _bijlagen(advies: Advies, pakket: Regelpakket, alternatieven: Vergelijking | None,
              wetsbronnen: list[str]) -> list[Blok]:
    """De bijlagen: de volledige beoordeling met regel-ids en codes, de succesfactoren, de bronnen."""
    blokken: list[Blok] = [
        Kop("Bijlagen", nieuwe_pagina=True),
        Alinea("Bijlage 1 geeft bij elk punt uit de hoofdtekst de bron; bijlage 3 noemt de volledige titels."),
        Kop("Bijlage 1. Volledige beoordeling", 2)]
    if advies.afwegingen:
        blokken.append(Alinea(f"Advies van het regelpakket, vóór de ambtelijke afweging: {advies.advies_pakket.tekst}. "
                              f"Na de afweging: {advies.advies_tekst}. Waar de adviseur anders weegt, staat het effect "
                              "volgens het pakket tussen haakjes."))
    blokken.append(Tabel(("Effect", "Criterium", "Uitleg (regel)", "Bron"),
                         tuple((KOPJES[b.effect.value] + (f" (pakket: {KOPJES[b.effect_pakket.value].lower()})"
                                                          if b.effect_pakket else ""),
                                f"{b.criterium} {b.criterium_naam}",
                                f"{b.uitleg} ({b.regel})" + _afweging_bij(advies, b), b.bron.tekst)
                               for b in advies.bevindingen)))
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    if veranderend:
        blokken += [Alinea("Nog te achterhalen, want het kan het advies veranderen (veld: advies per waarde):"),
                    Lijst(tuple(f"{label(o.veld)} ({o.veld}): " + "; ".join(
                        f"{woord(str(w))} geeft {a.tekst}" for w, a in o.advies_per_waarde.items())
                        for o in veranderend))]
    if alternatieven is not None and alternatieven.verschillen:
        blokken += [Alinea("Verschillen tussen de varianten, per regel:"),
                    _alternatieventabel(alternatieven, codes=True)]
    blokken += [Kop("Bijlage 2. Tien succesfactoren", 2), grafiek_van(advies, pakket)]
    blokken.append(Tabel(("Factor", "Naam", "Eigen scan", "Laagste partner"),
                         tuple(tuple(r) for r in factorrijen(advies))))
    blokken += [Kop("Bijlage 3. Bronnen", 2), Lijst(tuple(_bronnen(advies, pakket, wetsbronnen)))]
    return blokken


def _afweging_bij(advies: Advies, b: Bevinding) -> str:
    """Bij een bevinding die de adviseur anders weegt: de reden en wie besloot (bijlage 1)."""
    if b.effect_pakket is None:
        return ""
    a = next((a for a in advies.afwegingen if a.criterium == b.criterium), None)
    return f" Anders gewogen: {a.reden} (door: {a.door or 'niet vermeld'})." if a else ""


def grafiek_van(advies: Advies, pakket: Regelpakket) -> Grafiek:
    """De grafiek van de tien succesfactoren, met de drempels uit het regelpakket."""
    parameters = pakket.parameterwaarden()
    return Grafiek(
        titel="Tien succesfactoren: gemiddelde score per factor",
        labels=tuple(f"{f.code} {f.factor}" for f in advies.succesfactoren),
        eigen=tuple(f.score for f in advies.succesfactoren),
        partner=tuple(f.laagste_partnerscore for f in advies.succesfactoren),
        laag=parameters.get("succesfactor_laag"), sterk=parameters.get("succesfactor_sterk"))


def _alternatieventabel(v: Vergelijking, codes: bool) -> Tabel:
    """De varianten naast elkaar. In de hoofdtekst (codes=False) het advies per variant; in de bijlage
    (codes=True) elk verschil per regel, met criteriumcode en regel-id."""
    rijen = [("Advies",) + tuple(k.advies.advies_tekst for k in v.kolommen)]
    if codes:
        rijen = [(f"{d.criterium} {d.criterium_naam} ({d.regel})",) + tuple(e.value if e else "-" for e in d.per_kolom)
                 for d in v.verschillen]
        return Tabel(("Regel",) + tuple(k.label for k in v.kolommen), tuple(rijen))
    return Tabel(("",) + tuple(k.label for k in v.kolommen), tuple(rijen))


def _bronnen(advies: Advies, pakket: Regelpakket, extra: list[str]) -> list[str]:
    gebruikt = dict.fromkeys([b.bron.verwijzing for b in advies.bevindingen] + extra)
    uit = []
    for verwijzing in gebruikt:
        document, _, sectie = verwijzing.partition("#")
        bron = pakket.kop.bronnen[document]
        uit.append(f"{bron.titel} ({bron.uitgever}), {pakket.sectie(verwijzing)}")  # titel, nooit een bestandsnaam
    return sorted(set(uit))
