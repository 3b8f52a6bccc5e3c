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
from ..casus import VORM_SOORT, Casus, label
from ..waarden import aantal, datum_tekst, euro, opsomming, woord
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


def _bron_kort(verwijzing: str, pakket: Regelpakket) -> str:
    """'Visie Alkmaar, Opgaven zijn leidend': de korte titel en de sectie; de volle titel staat in bijlage 3."""
    document, _, sectie = verwijzing.partition("#")
    bron = pakket.kop.bronnen[document]
    return f"{bron.kort or bron.titel}, {pakket.sectie(verwijzing)}"


def _punten(bevindingen: list[Bevinding], pakket: Regelpakket) -> list[Punt]:
    """Per criterium de uitleg van zijn bevindingen, met elke bron één keer, kort. De naam van het criterium
    staat er niet voor: die noemt een norm ('Doelen gerealiseerd') en zou de uitleg tegenspreken."""
    groepen: dict[str, list[Bevinding]] = {}
    for b in bevindingen:
        groepen.setdefault(b.criterium_naam, []).append(b)
    uit = []
    for lijst in groepen.values():
        bronnen = "; ".join(dict.fromkeys(_bron_kort(b.bron.verwijzing, pakket) for b in lijst))
        tekst = " ".join(dict.fromkeys(_schoon(b.uitleg) for b in lijst))
        uit.append((f"{tekst} (Bron: {bronnen})", tuple(b.regel for b in lijst)))
    return uit


class _Getoond:
    """Welke bevindingen de hoofdtekst al uitlegt; een latere sectie noemt ze dan niet opnieuw."""

    def __init__(self) -> None:
        self.regels: set[str] = set()

    def lijst(self, punten: list[Punt], grens: int, genummerd: bool = False) -> list[Blok]:
        if not punten:
            return []
        for _, regels in punten[:grens]:
            self.regels.update(regels)
        blokken: list[Blok] = [Lijst(tuple(t for t, _ in punten[:grens]), genummerd=genummerd)]
        rest = len(punten) - grens
        if rest > 0:
            blokken.append(Alinea(f"Nog {aantal(rest, 'punt')} {'staat' if rest == 1 else 'staan'} in bijlage 1."))
        return blokken


def _aanleiding(advies: Advies, casus: Casus) -> list[Blok]:
    if casus.fase.value == "lopend":
        fase = "een lopende samenwerking"
    elif _bekend(casus.toetreding) == "ja":
        fase = "een voorstel om toe te treden tot een samenwerking die al bestaat"
    else:
        fase = "een voorstel voor een nieuwe samenwerking"
    tekst = f"Dit is {fase}, getoetst aan de visie op regionale samenwerking vanuit het perspectief van " \
            f"{advies.perspectief}"
    tekst += f", met de feiten van {datum_tekst(casus.peildatum)}." if casus.peildatum else "."
    blokken: list[Blok] = [Kop("Aanleiding"), Alinea(tekst)]
    if casus.omschrijving:
        blokken.append(Alinea(_schoon(casus.omschrijving)))
    if casus.partners:
        namen = [p.naam + (f" ({woord(p.soort.value)})" if p.soort and p.soort.value not in ("gemeente", "onbekend")
                           else "") for p in casus.partners]
        blokken.append(Alinea(f"{'Partner' if len(namen) == 1 else 'Partners'}: {_opsomming(namen)}."))
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
        doelen = [woord(d.value) for d in (casus.doelen.strategisch or []) + (casus.doelen.uitvoerend or [])]
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
    if not punten:
        return [Kop("Argumenten"), Alinea("De toets vond geen punten die voor deze samenwerking pleiten.")]
    return [Kop("Argumenten")] + getoond.lijst(punten, MAX_ARGUMENTEN)


def _kanttekeningen(advies: Advies, casus: Casus, pakket: Regelpakket, per_effect: dict,
                    getoond: _Getoond) -> list[Blok]:
    """Wat tegen het besluit pleit en hoe dat beheerst wordt; bij een negatief advies: wat verloren gaat."""
    blokken: list[Blok] = [Kop("Kanttekeningen en risico's")]
    if advies.advies.negatief:
        if per_effect[Effect.sterkte]:
            kop = "Wat verloren gaat" if advies.advies == Advieswoord.beeindigen else "Wat de gemeente misloopt"
            blokken += [Kop(kop, 2)] + getoond.lijst(_punten(per_effect[Effect.sterkte], pakket), MAX_KANTTEKENINGEN)
        uittreedkosten = _bekend(casus.evaluatie.uittreedkosten)
        if advies.advies == Advieswoord.beeindigen and uittreedkosten:
            hoe = {"hoog": "veel", "midden": "een gemiddeld bedrag", "laag": "weinig"}[uittreedkosten]
            blokken.append(Alinea(f"Uittreden kost {hoe} (uittreedsom of afkoop, en frictiekosten); de afspraken "
                                  "voor het uittreden moeten die kosten beheersen."))
        if advies.voorwaarden:
            blokken += [Kop("Als het college toch anders besluit", 2),
                        Alinea("Dan zijn in elk geval deze voorwaarden nodig:")]
            blokken += getoond.lijst([(_schoon(v), ()) for v in advies.voorwaarden], MAX_KANTTEKENINGEN)
    else:
        risico = _punten(per_effect[Effect.blokkerend] + per_effect[Effect.voorwaarde], pakket)
        if risico:
            blokken += [Kop("Risico's", 2),
                        Alinea("De voorwaarden bij beslispunt 1 zijn bedoeld om deze risico's te beheersen:")]
            blokken += getoond.lijst(risico, MAX_KANTTEKENINGEN)
        if per_effect[Effect.aandachtspunt]:
            blokken += [Kop("Aandachtspunten", 2)]
            blokken += getoond.lijst(_punten(per_effect[Effect.aandachtspunt], pakket), MAX_AANDACHTSPUNTEN)
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    if veranderend and advies.advies != Advieswoord.onvoldoende_informatie:
        blokken += [Kop("Nog onbekend", 2), Alinea(
            "Deze vragen zijn nog niet beantwoord; het antwoord kan het advies veranderen:"),
            Lijst(tuple(_vraag(label(o.veld)) for o in veranderend))]
    if len(blokken) == 1:
        blokken.append(Alinea("De toets vond geen kanttekeningen."))
    return blokken


def _alternatieven(advies: Advies, casus: Casus, alternatieven: Vergelijking | None,
                   beleid: Collegevoorstelbeleid) -> list[Blok]:
    """De andere besluiten die het college kan nemen, en wat ervoor nodig is; en de varianten."""
    namen = {b.regel: b.criterium_naam for b in advies.bevindingen}
    plicht = _plicht(casus) and beleid.bij_wettelijke_plicht
    items = []
    for w in advies.waarom_niet:
        criteria = list(dict.fromkeys(_klein(namen[r]) for r in w.bevindingen if r in namen))
        if w.advies.negatief and plicht:
            reden = _klein(_schoon(beleid.bij_wettelijke_plicht))
        elif criteria:
            reden = "dan moeten eerst deze punten op orde zijn: " + _opsomming(criteria[:4]) + (
                f" (en nog {len(criteria) - 4})" if len(criteria) > 4 else "") + "."
        elif w.advies.negatief:
            reden = "daar is geen aanleiding voor: geen enkel punt weegt zo zwaar dat dit beter is."
        elif w.advies in (Advieswoord.aangaan_onder_voorwaarden, Advieswoord.voortzetten_onder_voorwaarden):
            reden = "niet nodig: er zijn geen voorwaarden die eerst geregeld moeten worden."
        else:
            reden = _schoon(w.reden)
        items.append(f"{w.advies_tekst[:1].upper() + w.advies_tekst[1:]}: {reden}")
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


def _financien(casus: Casus) -> list[Blok]:
    ob = casus.onderbouwing
    structureel = {"ja": " (structureel)", "nee": " (tijdelijk)"}.get(_bekend(ob.kosten_structureel) or "", "")
    zinnen = [f"Het aandeel van de gemeente is {euro(ob.kosten_per_jaar)} per jaar{structureel}."
              if ob.kosten_per_jaar is not None else "Het aandeel van de gemeente per jaar is nog niet bekend."]
    zinnen.append(f"Daarnaast zijn er eenmalige kosten van {euro(ob.eenmalige_kosten)}."
                  if ob.eenmalige_kosten is not None else "Of er eenmalige kosten zijn, is nog niet bekend.")
    zinnen.append({"binnen_begroting": "De kosten passen binnen de bestaande begroting.",
                   "begrotingswijziging_nodig": "Voor de kosten is een begrotingswijziging nodig; daarover beslist "
                                                "de raad."}.get(_bekend(ob.dekking) or "",
                                                                "Hoe de kosten gedekt worden, is nog niet bekend."))
    businesscase = {"aanwezig": "Er ligt een businesscase", "ontbreekt": "Er is geen businesscase",
                    "niet_nodig": "Een businesscase is niet nodig geacht"}.get(
        _bekend(ob.businesscase) or "", "Of er een businesscase is, is niet bekend")
    uitkomst = _bekend(ob.businesscase_uitkomst)
    if uitkomst and _bekend(ob.businesscase) == "aanwezig":
        businesscase += f"; de uitkomst voor de gemeente is {uitkomst}"
    zinnen.append(businesscase + ".")
    zinnen.append({"ja": "De kosten zijn afgewogen tegen de baten.",
                   "nee": "De kosten zijn niet afgewogen tegen de baten."}.get(_bekend(ob.kosten_baten_afgewogen), ""))
    zinnen.append({"voldoende": "Er is genoeg ambtelijke capaciteit om mee te doen zoals bedoeld.",
                   "onvoldoende": "Er is te weinig ambtelijke capaciteit om mee te doen zoals bedoeld."}.get(
        _bekend(ob.capaciteit_en_middelen), ""))
    if _bekend(ob.begroting_onder_druk) == "ja":
        zinnen.append("De begroting van de gemeente staat onder druk.")
    if casus.fase.value == "lopend":
        ev = casus.evaluatie
        zinnen.append({"binnen_begroting": "De kosten blijven binnen de begroting.", "stijgend": "De kosten stijgen.",
                       "structureel_overschreden": "De kosten liggen structureel boven de begroting."}.get(
            _bekend(ev.kostenontwikkeling), ""))
        if not _plicht(casus):  # wie verplicht deelneemt, treedt niet uit
            zinnen.append({"hoog": "Uittreden kost veel.", "midden": "Uittreden kost een gemiddeld bedrag.",
                           "laag": "Uittreden kost weinig."}.get(_bekend(ev.uittreedkosten), ""))
    return [Kop("Financiën"), Alinea(" ".join(z for z in zinnen if z))]


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
        kop = "Wat de raad bij dit besluit doet:" if advies.raad.beslist else \
            "De raad beslist hier niet zelf over; hij wordt geïnformeerd:"
        blokken.append(Alinea(kop))
        blokken.append(Lijst(tuple(_schoon(p.uitleg) + (f" ({p.artikel})" if p.artikel else "")
                                   for p in advies.raad.punten)))
    wet = _wetpunten(casus, beleid)
    if wet:
        blokken.append(Alinea("Wat de wet verder bij deze vorm vraagt:"))
        blokken.append(Lijst(tuple(f"{_schoon(p.tekst)} (Bron: {_bron_kort(p.bron, pakket)})" for p in wet)))
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
            stappen.append("Er is nog geen periodieke evaluatie afgesproken; spreek die af, met doelen en "
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
    blokken: list[Blok] = [
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
        blokken += _financien(casus)
        blokken += _juridisch(advies, casus, pakket, getoond)
    blokken += _uitvoering(advies, casus, beleid)
    blokken += _communicatie(advies, casus, beleid)
    wet = [] if notitie or advies.advies == Advieswoord.niet_aangaan else [p.bron for p in _wetpunten(casus, beleid)]
    blokken += _bijlagen(advies, pakket, alternatieven, wet)
    titel = ("Informatienotitie: " if notitie else "Collegevoorstel: ") + casus.naam
    return Document(titel=titel, blokken=tuple(blokken), stempel=stempel, beslispunten=punten.alle())


def _bijlagen(advies: Advies, pakket: Regelpakket, alternatieven: Vergelijking | None,
              wetsbronnen: list[str]) -> list[Blok]:
    """De bijlagen: de volledige beoordeling met regel-ids en codes, de succesfactoren, de bronnen."""
    blokken: list[Blok] = [
        Kop("Bijlagen", nieuwe_pagina=True), Kop("Bijlage 1. Volledige beoordeling", 2)]
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
