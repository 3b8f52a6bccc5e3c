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
from ..waarden import aantal, woord
from ..regels import EFFECT_VOLGORDE, Advieswoord, Collegevoorstelbeleid, Effect, Regelpakket
from ..watals import Vergelijking
from .tabel import KOPJES, factorrijen

# --- het documentmodel ---------------------------------------------------------------------


@dataclass(frozen=True)
class Kop:
    tekst: str
    niveau: int = 1


@dataclass(frozen=True)
class Alinea:
    tekst: str


@dataclass(frozen=True)
class Lijst:
    items: tuple[str, ...]
    genummerd: bool = False


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


Blok = Kop | Alinea | Lijst | Tabel | Grafiek


@dataclass(frozen=True)
class Stempel:
    """Waarmee het document te reproduceren is: datum, regelpakket, casus-hash, programmaversie."""

    datum: dt.date
    regelpakket: str
    inhoudshash_pakket: str
    casusbestand: str
    casushash: str
    programmaversie: str

    def regels(self) -> tuple[str, ...]:
        return (f"Opgesteld op: {self.datum.isoformat()}",
                f"Regelpakket: {self.regelpakket} (inhoudshash {self.inhoudshash_pakket})",
                f"Casusbestand: {self.casusbestand} (sha256 {self.casushash})",
                f"Programma: samenwerkingstoets {self.programmaversie}")


@dataclass(frozen=True)
class Document:
    titel: str
    blokken: tuple[Blok, ...]
    stempel: Stempel
    beslispunten: tuple[str, ...] = field(default=())


# --- de inhoud -----------------------------------------------------------------------------

# Een college leest de hoofdzaken; de rest staat in bijlage 1. Met deze grenzen past de hoofdtekst van
# elk voorbeeld op vier A4-pagina's (gemeten met scripts/paginas.py).
MAX_ARGUMENTEN = 5
MAX_KANTTEKENINGEN = 4
MAX_AANDACHTSPUNTEN = 3  # ze veranderen het advies niet; de rest staat in bijlage 1


def _zin(tekst: str) -> str:
    """Een voorwaarde ('Het college laat ...') als onderdeel van een beslispunt: kleine beginletter."""
    tekst = " ".join(tekst.split())
    return tekst[:1].lower() + tekst[1:] if tekst.startswith("Het ") else tekst


def _opsomming(delen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1] if delen else ""


def _schoon(tekst: str) -> str:
    return " ".join(tekst.split())


def _soort(casus: Casus) -> str | None:
    vorm = casus.juridische_vorm.value if casus.juridische_vorm else None
    soort = VORM_SOORT.get(vorm) if vorm else None
    return soort.value if soort is not None else None


def beslispunten(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[str]:
    """De beslispunten: het besluit zelf, elke voorwaarde, en wat de wet van de raad vraagt. Elk punt is
    op zichzelf te lezen en te amenderen; het noemt criteria bij naam, nooit een code of regel-id."""
    naam = casus.naam
    blokkades = list(dict.fromkeys(b.criterium_naam.lower() for b in advies.bevindingen
                                   if b.effect == Effect.blokkerend))
    reden = f", omdat zij niet voldoet aan wat de visie vraagt op: {_opsomming(blokkades)}" if blokkades else ""
    n = len(advies.voorwaarden) if not advies.advies.negatief else 0
    bij = f", onder de voorwaarden in beslispunt 2 tot en met {n + 1}" if n > 1 else (
        ", onder de voorwaarde in beslispunt 2" if n == 1 else "")
    eerste = {
        Advieswoord.aangaan: f"In te stemmen met deelname aan {naam}.",
        Advieswoord.aangaan_onder_voorwaarden: f"In te stemmen met deelname aan {naam}{bij}.",
        Advieswoord.niet_aangaan: f"Niet deel te nemen aan {naam}{reden}.",
        Advieswoord.voortzetten: f"De deelname aan {naam} voort te zetten.",
        Advieswoord.voortzetten_onder_voorwaarden: f"De deelname aan {naam} voort te zetten{bij}.",
        Advieswoord.beeindigen: f"De deelname aan {naam} te beëindigen{reden}.",
        Advieswoord.onvoldoende_informatie: f"Kennis te nemen van deze notitie en nog geen besluit te nemen over "
                                            f"{naam}, omdat de kernvragen nog niet beantwoord zijn.",
    }[advies.advies]
    punten = [eerste]
    if advies.advies == Advieswoord.onvoldoende_informatie:
        return punten + [f"Eerst te laten uitzoeken: {u.vraag[:1].lower() + u.vraag[1:]}"
                         for u in advies.eerst_uitzoeken if u.kernvraag] + [
            "Het voorstel daarna opnieuw te laten toetsen en voor te leggen."]
    if advies.advies == Advieswoord.beeindigen:
        uittreden = dict.fromkeys(b.voorwaarde for b in advies.bevindingen if b.bij_beeindigen and b.voorwaarde)
        punten += [f"Bij het beëindigen vast te leggen: {_zin(v)}" for v in uittreden]
    elif not advies.advies.negatief:
        punten += [f"Als voorwaarde vast te leggen: {_zin(v)}" for v in advies.voorwaarden]
    soort = _soort(casus)
    punt = beleid.beslispunten_per_vorm.get(soort) if soort else None
    if not advies.advies.negatief and casus.fase.value == "voorstel" and punt is not None:
        punten.append(_schoon(punt.tekst))
    uittreden = beleid.beslispunten_bij_beeindigen_per_vorm.get(soort) if soort else None
    if advies.advies == Advieswoord.beeindigen and uittreden is not None:
        punten.append(_schoon(uittreden.tekst))
    punten.append("De raad over dit besluit te informeren.")
    return punten


def _bron_kort(verwijzing: str, pakket: Regelpakket) -> str:
    """'Visie Alkmaar, Opgaven zijn leidend': de korte titel en de sectie; de volle titel staat in bijlage 3."""
    document, _, sectie = verwijzing.partition("#")
    bron = pakket.kop.bronnen[document]
    return f"{bron.kort or bron.titel}, {bron.secties[sectie]}"


def _punten(bevindingen: list[Bevinding], pakket: Regelpakket, uitleg: bool = True) -> list[str]:
    """Per criterium (bij naam) de uitleg, met elke bron één keer, kort."""
    groepen: dict[str, list[Bevinding]] = {}
    for b in bevindingen:
        groepen.setdefault(b.criterium_naam, []).append(b)
    uit = []
    for naam, lijst in groepen.items():
        bronnen = "; ".join(dict.fromkeys(_bron_kort(b.bron.verwijzing, pakket) for b in lijst))
        tekst = " ".join(dict.fromkeys(_schoon(b.uitleg) for b in lijst)) if uitleg else ""
        uit.append(f"{naam}: {tekst} (Bron: {bronnen})" if tekst else f"{naam} (Bron: {bronnen})")
    return uit


def _begrensd(items: list[str], grens: int, waar: str = "bijlage 1") -> list[Blok]:
    if not items:
        return []
    blokken: list[Blok] = [Lijst(tuple(items[:grens]))]
    if len(items) > grens:
        blokken.append(Alinea(f"En nog {aantal(len(items) - grens, 'punt')}; ze staan in {waar}."))
    return blokken


def _ja_nee(waarde) -> str:
    return woord(waarde.value) if waarde is not None else "onbekend"


def _woorden(lijst) -> str:
    return _opsomming([woord(w.value) for w in lijst]) if lijst else ""


def _niveau(waarde) -> str:
    return {"midden": "gemiddeld"}.get(waarde.value, woord(waarde.value))


AFKORTINGEN = ("Wgr", "Wmo", "MRA", "NHN", "ICT", "GGD")


def _klein(naam: str) -> str:
    """Een criteriumnaam midden in een zin: 'doelen gerealiseerd', maar 'Wgr-vereisten' blijft."""
    if naam.startswith(AFKORTINGEN) or not naam[1:2].islower():
        return naam
    return naam[:1].lower() + naam[1:]


def _aanleiding(advies: Advies, casus: Casus) -> list[Blok]:
    fase = "een voorstel voor een nieuwe samenwerking" if casus.fase.value == "voorstel" else \
        "een lopende samenwerking"
    tekst = f"Dit is {fase}, getoetst aan de visie op regionale samenwerking vanuit het perspectief van " \
            f"{advies.perspectief}"
    tekst += f", met feiten per {casus.peildatum.isoformat()}." if casus.peildatum else "."
    blokken: list[Blok] = [Kop("Aanleiding"), Alinea(tekst)]
    if casus.omschrijving:
        blokken.append(Alinea(_schoon(casus.omschrijving)))
    if casus.partners:
        blokken.append(Alinea("Partners: " + _opsomming(
            [p.naam + (f" ({_ja_nee(p.soort)})" if p.soort else "") for p in casus.partners]) + "."))
    return blokken


def _beoogd_effect(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[Blok]:
    blokken: list[Blok] = [Kop("Beoogd effect")]
    if advies.advies in beleid.beoogd_effect:
        blokken.append(Alinea(_schoon(beleid.beoogd_effect[advies.advies])))
    opgave = _schoon(casus.opgave.omschrijving or "")
    zinnen = [f"De opgave: {opgave.rstrip('.')}." if opgave and opgave != "onbekend" else
              "Er is geen maatschappelijke opgave benoemd." if not opgave else
              "Welke maatschappelijke opgave de samenwerking oplost, is nog niet bekend."]
    tw = casus.toegevoegde_waarde
    voor = [wie for wie, w in (("inwoners", tw.inwoners), ("de eigen gemeente", tw.gemeente), ("de regio", tw.regio))
            if w is not None and w.value == "ja"]
    niet = [wie for wie, w in (("inwoners", tw.inwoners), ("de eigen gemeente", tw.gemeente), ("de regio", tw.regio))
            if w is not None and w.value == "nee"]
    if voor:
        zinnen.append(f"De samenwerking voegt waarde toe voor {_opsomming(voor)}.")
    if niet:
        zinnen.append(f"Zij voegt geen waarde toe voor {_opsomming(niet)}.")
    doelen = [d for d in (_woorden(casus.doelen.strategisch), _woorden(casus.doelen.uitvoerend)) if d]
    if doelen:
        zinnen.append(f"Zij dient deze doelen uit de visie: {_opsomming(doelen)}.")
    blokken.append(Alinea(" ".join(zinnen)))
    return blokken


def _argumenten(advies: Advies, pakket: Regelpakket, per_effect: dict) -> list[Blok]:
    """De redenen voor het geadviseerde besluit, in de volgorde van het pakket (de kern van de visie eerst):
    bij een negatief advies de blokkerende bevindingen, anders de sterktes."""
    argumenten = per_effect[Effect.blokkerend] if advies.advies.negatief else per_effect[Effect.sterkte]
    punten = _punten(argumenten, pakket)
    if not punten:
        return [Kop("Argumenten"), Alinea("De toets vond geen punten die voor deze samenwerking pleiten.")]
    return [Kop("Argumenten")] + _begrensd(punten, MAX_ARGUMENTEN)


def _kanttekeningen(advies: Advies, casus: Casus, pakket: Regelpakket, per_effect: dict,
                    punten: list[str]) -> list[Blok]:
    """Wat tegen het besluit pleit en hoe dat beheerst wordt; bij een negatief advies: wat verloren gaat."""
    blokken: list[Blok] = [Kop("Kanttekeningen en risico's")]
    if advies.advies.negatief:
        if per_effect[Effect.sterkte]:
            blokken += [Kop("Wat verloren gaat", 2)]
            blokken += _begrensd(_punten(per_effect[Effect.sterkte], pakket), MAX_KANTTEKENINGEN)
        if advies.advies == Advieswoord.beeindigen and casus.evaluatie.uittreedkosten is not None:
            blokken.append(Alinea(f"De uittreedkosten zijn {_niveau(casus.evaluatie.uittreedkosten)}; het "
                                  "ontvlechtingsplan moet ze beheersen."))
        if advies.voorwaarden:
            blokken += [Kop("Als het college toch anders besluit", 2),
                        Alinea("Dan zijn in elk geval deze voorwaarden nodig:")]
            blokken += _begrensd([_schoon(v) for v in advies.voorwaarden], MAX_KANTTEKENINGEN)
    else:
        risico = per_effect[Effect.blokkerend] + per_effect[Effect.voorwaarde]
        if risico:
            beheerst = []
            for naam, lijst in _per_criterium(risico).items():
                nummers = sorted({i + 1 for b in lijst for i, p in enumerate(punten)
                                  if b.voorwaarde and _zin(b.voorwaarde) in p})
                tekst = " ".join(dict.fromkeys(_schoon(b.uitleg) for b in lijst))
                verwijzing = (f" Beheersing: {'beslispunt' if len(nummers) == 1 else 'beslispunten'} "
                              f"{_opsomming([str(n) for n in nummers])}." if nummers else "")
                beheerst.append(f"{naam}: {tekst}{verwijzing}")
            blokken += [Kop("Risico's en hoe ze beheerst worden", 2)] + _begrensd(beheerst, MAX_KANTTEKENINGEN)
        if per_effect[Effect.aandachtspunt]:
            blokken += [Kop("Aandachtspunten", 2)]
            blokken += _begrensd(_punten(per_effect[Effect.aandachtspunt], pakket), MAX_AANDACHTSPUNTEN)
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    if veranderend and advies.advies != Advieswoord.onvoldoende_informatie:
        blokken += [Kop("Nog onbekend", 2), Alinea(
            "Deze feiten zijn nog niet bekend en kunnen het advies veranderen: "
            + _opsomming([label(o.veld).rstrip("?").lower() for o in veranderend]) + ".")]
    if len(blokken) == 1:
        blokken.append(Alinea("De toets vond geen kanttekeningen."))
    return blokken


def _per_criterium(bevindingen: list[Bevinding]) -> dict[str, list[Bevinding]]:
    groepen: dict[str, list[Bevinding]] = {}
    for b in bevindingen:
        groepen.setdefault(b.criterium_naam, []).append(b)
    return groepen


def _alternatieven(advies: Advies, alternatieven: Vergelijking | None, pakket: Regelpakket) -> list[Blok]:
    """De andere besluiten die het college kan nemen, met waarom de toets ze niet adviseert; en de varianten."""
    namen = {b.regel: b.criterium_naam for b in advies.bevindingen}
    items = []
    for w in advies.waarom_niet:
        criteria = list(dict.fromkeys(_klein(namen[r]) for r in w.bevindingen if r in namen))
        if criteria:
            reden = f"kan pas als deze punten zijn opgelost: {_opsomming(criteria[:4])}" + (
                f" (en nog {len(criteria) - 4})" if len(criteria) > 4 else "")
        elif w.advies.negatief:
            reden = "daarvoor vond de toets geen blokkerend bezwaar"
        elif w.advies in (Advieswoord.aangaan_onder_voorwaarden, Advieswoord.voortzetten_onder_voorwaarden):
            reden = "de toets vond geen voorwaarden die eerst geregeld moeten worden"
        else:
            reden = _schoon(w.reden)
        items.append(f"{w.advies_tekst[:1].upper() + w.advies_tekst[1:]}: {reden}.")
    blokken: list[Blok] = [Kop("Alternatieven")]
    blokken.append(Lijst(tuple(items)) if items else Alinea("De toets ziet geen ander besluit."))
    if alternatieven is not None:
        blokken += [Alinea("Dezelfde toets op de varianten van deze samenwerking:"),
                    _alternatieventabel(alternatieven, pakket, codes=False)]
        for j, kolom in enumerate(alternatieven.kolommen[1:], 1):
            blokken.append(Kop(f"Variant: {kolom.label}", 2))
            if kolom.variant_omschrijving:
                blokken.append(Alinea(_schoon(kolom.variant_omschrijving)))
            blokken.append(Lijst(tuple(_plus_en_min(alternatieven, j))))
    return blokken


def _plus_en_min(v: Vergelijking, j: int) -> list[str]:
    """Wat een variant oplost en wat zij nieuw vraagt, per criterium (het zwaarste gewicht telt), tegenover
    de samenwerking zoals zij nu is (kolom 0)."""
    zwaarte = {Effect.blokkerend: 3, Effect.voorwaarde: 2, Effect.aandachtspunt: 1, Effect.sterkte: 0}

    def per_criterium(advies: Advies) -> tuple[dict[str, int], set[str]]:
        zwaarst: dict[str, int] = {}
        for b in advies.bevindingen:
            zwaarst[b.criterium_naam] = max(zwaarst.get(b.criterium_naam, 0), zwaarte[b.effect])
        return zwaarst, {b.criterium_naam for b in advies.bevindingen if b.effect == Effect.sterkte}

    (nu, sterk_nu), (straks, sterk_straks) = per_criterium(v.kolommen[0].advies), per_criterium(v.kolommen[j].advies)
    namen = list(dict.fromkeys([*nu, *straks]))
    lost_op = [_klein(n) for n in namen if straks.get(n, 0) < nu.get(n, 0)]
    vraagt = [_klein(n) for n in namen if straks.get(n, 0) > nu.get(n, 0)]
    nieuw_sterk = [_klein(n) for n in namen if n in sterk_straks and n not in sterk_nu and not straks.get(n, 0)]
    advies = f"Advies: {v.kolommen[j].advies.advies_tekst} (nu: {v.kolommen[0].advies.advies_tekst})."
    regels = [advies]
    if lost_op:
        regels.append(f"Pluspunt: lost op of verlicht: {_opsomming(lost_op)}.")
    if nieuw_sterk:
        regels.append(f"Pluspunt: nieuw sterk: {_opsomming(nieuw_sterk)}.")
    if vraagt:
        regels.append(f"Minpunt: weegt zwaarder: {_opsomming(vraagt)}.")
    if len(regels) == 1:
        regels.append("De toets ziet geen verschil met de samenwerking zoals zij nu is.")
    return regels


def _bedrag(euro: int) -> str:
    return "€ " + f"{euro:,}".replace(",", ".")


def _financien(casus: Casus) -> list[Blok]:
    ob = casus.onderbouwing
    zinnen = [f"Het aandeel van de gemeente is {_bedrag(ob.kosten_per_jaar)} per jaar."
              if ob.kosten_per_jaar is not None else "Het aandeel van de gemeente per jaar is nog niet bekend."]
    businesscase = {"aanwezig": "Er ligt een businesscase", "ontbreekt": "Er is geen businesscase",
                    "niet_nodig": "Een businesscase is niet nodig"}.get(_ja_nee(ob.businesscase).replace(" ", "_"),
                                                                        "Of er een businesscase is, is niet bekend")
    if ob.businesscase_uitkomst is not None and ob.businesscase_uitkomst.value != "onbekend":
        businesscase += f"; de uitkomst voor de gemeente is {ob.businesscase_uitkomst.value}"
    zinnen.append(businesscase + ".")
    if ob.kosten_baten_afgewogen is not None and ob.kosten_baten_afgewogen.value != "onbekend":
        zinnen.append("De kosten zijn afgewogen tegen de baten." if ob.kosten_baten_afgewogen.value == "ja"
                      else "De kosten zijn niet afgewogen tegen de baten.")
    if ob.capaciteit_en_middelen is not None and ob.capaciteit_en_middelen.value != "onbekend":
        zinnen.append(f"Capaciteit en middelen om deel te nemen: {ob.capaciteit_en_middelen.value}.")
    if ob.begroting_onder_druk is not None and ob.begroting_onder_druk.value == "ja":
        zinnen.append("De begroting van de gemeente staat onder druk.")
    if casus.fase.value == "lopend":
        ev = casus.evaluatie
        if ev.kostenontwikkeling is not None and ev.kostenontwikkeling.value != "onbekend":
            zinnen.append(f"Kostenontwikkeling: {_ja_nee(ev.kostenontwikkeling)}.")
        if ev.uittreedkosten is not None and ev.uittreedkosten.value != "onbekend":
            zinnen.append(f"De uittreedkosten zijn {_niveau(ev.uittreedkosten)}.")
    return [Kop("Financiën"), Alinea(" ".join(zinnen))]


def _juridisch(advies: Advies, casus: Casus, pakket: Regelpakket) -> list[Blok]:
    beleid = pakket.kop.collegevoorstel
    vorm = advies.vormtoets
    gekozen = woord(vorm.gekozen_vorm or "")
    passend = _opsomming([woord(v) for v in vorm.passende_vormen]) if vorm.passende_vormen else ""
    if gekozen and gekozen != "nog te kiezen":
        tekst = f"De gekozen vorm is: {gekozen}."
    else:
        tekst = "De juridische vorm is nog niet gekozen."
    tekst += f" Bij deze taak passen: {passend}." if passend else \
        " Welke vorm bij de taak past, is uit de gegevens over de taak niet af te leiden."
    blokken: list[Blok] = [Kop("Juridische aspecten"), Alinea(tekst)]
    # De juridische bevindingen bij naam, per gewicht; hun uitleg staat hierboven of in bijlage 1.
    gewichten = ((Effect.blokkerend, "Blokkerend"), (Effect.voorwaarde, "Voorwaarde"),
                 (Effect.aandachtspunt, "Aandachtspunt"))
    regels = []
    for effect, woord_ in gewichten:
        namen = list(dict.fromkeys(_klein(b.criterium_naam) for b in advies.bevindingen
                                   if b.criterium in beleid.criteria_juridische_vorm and b.effect == effect))
        if namen:
            regels.append(f"{woord_}: {'; '.join(namen)}.")
    if regels:
        blokken += [Alinea("Punten uit de toets over de vorm (de uitleg staat hierboven of in bijlage 1):"),
                    Lijst(tuple(regels))]
    wet = beleid.wet_per_vorm.get(_soort(casus) or "", [])
    if wet:
        blokken.append(Alinea("Wat de wet bij deze vorm vraagt:"))
        blokken.append(Lijst(tuple(f"{_schoon(p.tekst)} (Bron: {_bron_kort(p.bron, pakket)})" for p in wet)))
    return blokken


def _uitvoering(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[Blok]:
    stappen = [_schoon(s) for s in beleid.vervolg.get(advies.advies, [])]
    st = casus.sturing
    if advies.advies != Advieswoord.onvoldoende_informatie and not advies.advies.negatief:
        if st.evaluatie_afgesproken is not None and st.evaluatie_afgesproken.value == "ja":
            stappen.append("Periodieke evaluatie is afgesproken"
                           + (f"; de laatste was in {casus.evaluatie.jaar_laatste_evaluatie}"
                              if casus.evaluatie.jaar_laatste_evaluatie else "") + ".")
        else:
            stappen.append("Er is nog geen periodieke evaluatie afgesproken; spreek die af, met doelen en "
                           "indicatoren.")
    return [Kop("Uitvoering en evaluatie"), Lijst(tuple(stappen))] if stappen else []


def _vraag(tekst: str) -> str:
    """Een vraag of veldlabel als zin: met een vraagteken of punt aan het eind."""
    tekst = _schoon(tekst)
    return tekst if tekst.endswith(("?", ".")) else tekst + "."


def _uitzoeken(advies: Advies, pakket: Regelpakket, per_effect: dict) -> list[Blok]:
    """De informatienotitie: wat eerst uitgezocht moet worden en door wie, en wat al bekend is."""
    beleid = pakket.kop.collegevoorstel
    door = {k.vraag: k.door for k in pakket.kop.kernvragen if k.door}
    vragen = [f"{_vraag(u.vraag)} Uitzoeken door: {door.get(u.vraag) or beleid.uitzoeken_door}."
              for u in advies.eerst_uitzoeken]
    grens = sum(u.kernvraag for u in advies.eerst_uitzoeken) + MAX_KANTTEKENINGEN
    blokken: list[Blok] = [Kop("Wat eerst uitgezocht moet worden"), Lijst(tuple(vragen[:grens]), genummerd=True)]
    if len(vragen) > grens:
        blokken.append(Alinea(f"En nog {len(vragen) - grens} onbekende feiten die het advies kunnen veranderen; "
                              "ze staan in bijlage 1."))
    blokken.append(Kop("Wat al bekend is"))
    sterk = _punten(per_effect[Effect.sterkte], pakket)
    zorg = _punten(per_effect[Effect.blokkerend] + per_effect[Effect.voorwaarde], pakket)
    if sterk:
        blokken += [Kop("Wat voor de samenwerking pleit", 2)] + _begrensd(sterk, MAX_KANTTEKENINGEN)
    if zorg:
        blokken += [Kop("Wat al zorgen baart", 2)] + _begrensd(zorg, MAX_KANTTEKENINGEN)
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
    blokken: list[Blok] = [
        Kop("Onderwerp"),
        Alinea(f"{casus.naam}: " + ("nog geen advies; eerst aanvullen." if notitie else
                                   f"advies {advies.advies_tekst}.")),
        Kop("Beslispunten"),
        Alinea("Het college besluit:"),
        Lijst(tuple(punten), genummerd=True),
    ]
    blokken += _aanleiding(advies, casus)
    blokken += _beoogd_effect(advies, casus, beleid)
    if notitie:
        blokken += _uitzoeken(advies, pakket, per_effect)
    else:
        blokken += _argumenten(advies, pakket, per_effect)
        blokken += _kanttekeningen(advies, casus, pakket, per_effect, punten)
        blokken += _alternatieven(advies, alternatieven, pakket)
        blokken += _financien(casus)
        blokken += _juridisch(advies, casus, pakket)
    blokken += _uitvoering(advies, casus, beleid)
    if advies.advies in beleid.communicatie:
        blokken += [Kop("Communicatie"), Lijst(tuple(_schoon(c) for c in beleid.communicatie[advies.advies]))]
    wet = [] if notitie else [p.bron for p in beleid.wet_per_vorm.get(_soort(casus) or "", [])]
    blokken += _bijlagen(advies, pakket, alternatieven, wet)
    titel = ("Informatienotitie: " if notitie else "Collegevoorstel: ") + casus.naam
    return Document(titel=titel, blokken=tuple(blokken), stempel=stempel, beslispunten=tuple(punten))


def _bijlagen(advies: Advies, pakket: Regelpakket, alternatieven: Vergelijking | None,
              wetsbronnen: list[str]) -> list[Blok]:
    """De bijlagen: de volledige beoordeling met regel-ids en codes, de succesfactoren, de bronnen."""
    blokken: list[Blok] = [
        Kop("Bijlagen"), Kop("Bijlage 1. Volledige beoordeling", 2),
        Tabel(("Effect", "Criterium", "Uitleg (regel)", "Bron"),
              tuple((KOPJES[b.effect.value], f"{b.criterium} {b.criterium_naam}", f"{b.uitleg} ({b.regel})",
                     b.bron.tekst) for b in advies.bevindingen))]
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    if veranderend:
        blokken += [Alinea("Nog te achterhalen, want het kan het advies veranderen (veld: advies per waarde):"),
                    Lijst(tuple(f"{label(o.veld)} ({o.veld}): " + "; ".join(
                        f"{woord(str(w))} geeft {a.tekst}" for w, a in o.advies_per_waarde.items())
                        for o in veranderend))]
    if alternatieven is not None and alternatieven.verschillen:
        blokken += [Alinea("Verschillen tussen de varianten, per regel:"),
                    _alternatieventabel(alternatieven, pakket, codes=True)]
    blokken.append(Kop("Bijlage 2. Tien succesfactoren", 2))
    parameters = pakket.parameterwaarden()
    blokken.append(Grafiek(
        titel="Tien succesfactoren: gemiddelde score per factor",
        labels=tuple(f"{f.code} {f.factor}" for f in advies.succesfactoren),
        eigen=tuple(f.score for f in advies.succesfactoren),
        partner=tuple(f.laagste_partnerscore for f in advies.succesfactoren),
        laag=parameters.get("succesfactor_laag"), sterk=parameters.get("succesfactor_sterk")))
    blokken.append(Tabel(("Factor", "Naam", "Eigen scan", "Laagste partner"),
                         tuple(tuple(r) for r in factorrijen(advies))))
    blokken += [Kop("Bijlage 3. Bronnen", 2), Lijst(tuple(_bronnen(advies, pakket, wetsbronnen)))]
    return blokken


def _alternatieventabel(v: Vergelijking, pakket: Regelpakket, codes: bool) -> Tabel:
    """De varianten naast elkaar. In de hoofdtekst (codes=False) de telling per effect; in de bijlage
    (codes=True) ook elk verschil per regel, met criteriumcode en regel-id."""
    rijen = [("Advies",) + tuple(k.advies.advies_tekst for k in v.kolommen)]
    if codes:
        rijen = [(f"{d.criterium} {d.criterium_naam} ({d.regel})",) + tuple(e.value if e else "-" for e in d.per_kolom)
                 for d in v.verschillen]
        return Tabel(("Regel",) + tuple(k.label for k in v.kolommen), tuple(rijen))
    rijen += [(KOPJES[e.value],) + tuple(str(k.advies.telling[e.value]) for k in v.kolommen)
              for e in EFFECT_VOLGORDE]
    return Tabel(("",) + tuple(k.label for k in v.kolommen), tuple(rijen))


def _bronnen(advies: Advies, pakket: Regelpakket, extra: list[str]) -> list[str]:
    gebruikt = dict.fromkeys([b.bron.verwijzing for b in advies.bevindingen] + extra)
    uit = []
    for verwijzing in gebruikt:
        document, _, sectie = verwijzing.partition("#")
        bron = pakket.kop.bronnen[document]
        uit.append(f"{bron.titel} ({bron.uitgever}), {bron.secties[sectie]}")  # titel, nooit een bestandsnaam
    return sorted(set(uit))
