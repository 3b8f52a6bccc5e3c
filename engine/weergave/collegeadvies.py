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
from ..casus import VORM_SOORT, Casus
from ..casus import label
from ..regels import EFFECT_VOLGORDE, Advieswoord, Collegevoorstelbeleid, Effect, Regelpakket
from ..waarden import toon
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

MAX_ARGUMENTEN = 6  # de rest staat in bijlage 1: een college leest de hoofdzaken


def _zin(tekst: str) -> str:
    """Een voorwaarde ('Het college laat ...') als onderdeel van een beslispunt: kleine beginletter."""
    tekst = " ".join(tekst.split())
    return tekst[:1].lower() + tekst[1:] if tekst.startswith("Het ") else tekst


def beslispunten(advies: Advies, casus: Casus, beleid: Collegevoorstelbeleid) -> list[str]:
    """De beslispunten: het besluit zelf, elke voorwaarde, en wat de wet van de raad vraagt."""
    naam = casus.naam
    # Beslispunten zijn voor een college: de naam van het criterium, nooit een code of regel-id.
    blokkades = list(dict.fromkeys(b.criterium_naam.lower() for b in advies.bevindingen
                                   if b.effect == Effect.blokkerend))
    n = len(advies.voorwaarden) if not advies.advies.negatief else 0
    bij = f", onder de voorwaarden in beslispunt 2 tot en met {n + 1}" if n > 1 else (
        ", onder de voorwaarde in beslispunt 2" if n == 1 else "")
    eerste = {
        Advieswoord.aangaan: f"In te stemmen met deelname aan {naam}.",
        Advieswoord.aangaan_onder_voorwaarden: f"In te stemmen met deelname aan {naam}{bij}.",
        Advieswoord.niet_aangaan: f"Niet deel te nemen aan {naam}, omdat niet voldaan is aan: "
                                  f"{', '.join(blokkades)}.",
        Advieswoord.voortzetten: f"De deelname aan {naam} voort te zetten.",
        Advieswoord.voortzetten_onder_voorwaarden: f"De deelname aan {naam} voort te zetten{bij}.",
        Advieswoord.beeindigen: f"De deelname aan {naam} te beëindigen, omdat niet voldaan is aan: "
                                f"{', '.join(blokkades)}.",
        Advieswoord.onvoldoende_informatie: f"Nog geen besluit te nemen over {naam}, omdat de kernvragen "
                                            "nog niet beantwoord zijn.",
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
    vorm = casus.juridische_vorm.value if casus.juridische_vorm else None
    soort = VORM_SOORT.get(vorm) if vorm else None
    punt = beleid.beslispunten_per_vorm.get(soort.value) if soort is not None else None
    if not advies.advies.negatief and casus.fase.value == "voorstel" and punt is not None:
        punten.append(" ".join(punt.tekst.split()))
    uittreden = beleid.beslispunten_bij_beeindigen_per_vorm.get(soort.value) if soort is not None else None
    if advies.advies == Advieswoord.beeindigen and uittreden is not None:
        punten.append(" ".join(uittreden.tekst.split()))
    punten.append("De raad over dit besluit te informeren.")
    return punten


def _criteriumgroepen(bevindingen: list[Bevinding]) -> list[str]:
    """Per criterium (bij naam: codes en regel-ids staan alleen in de bijlage) de uitleg met bron."""
    groepen: dict[str, list[Bevinding]] = {}
    for b in bevindingen:
        groepen.setdefault(b.criterium_naam, []).append(b)
    return [f"{kop}: " + " ".join(f"{b.uitleg} (Bron: {b.bron.tekst})" for b in lijst)
            for kop, lijst in groepen.items()]


def _woorden(lijst) -> str:
    if lijst is None:
        return "onbekend"
    return ", ".join(w.value.replace("_", " ") for w in lijst) or "geen"


def _ja_nee(waarde) -> str:
    return waarde.value.replace("_", " ") if waarde is not None else "onbekend"


def stel_op(advies: Advies, casus: Casus, pakket: Regelpakket, stempel: Stempel,
            alternatieven: Vergelijking | None = None) -> Document:
    """Het hele collegevoorstel als blokken."""
    per_effect = {e: [b for b in advies.bevindingen if b.effect == e] for e in EFFECT_VOLGORDE}
    punten = beslispunten(advies, casus, pakket.kop.collegevoorstel)
    blokken: list[Blok] = [
        Kop("Onderwerp"),
        Alinea(f"{casus.naam}: " + ("nog geen advies; eerst aanvullen." if advies.advies ==
                                     Advieswoord.onvoldoende_informatie else f"advies {advies.advies_tekst}.")),
        Kop("Beslispunten"),
        Alinea("Het college besluit:"),
        Lijst(tuple(punten), genummerd=True),
        Kop("Aanleiding"),
    ]
    fase = "een voorstel voor een nieuwe samenwerking" if casus.fase.value == "voorstel" else \
        "een lopende samenwerking"
    aanleiding = f"Dit is {fase}, beoordeeld vanuit het perspectief van {advies.perspectief}"
    aanleiding += f", met feiten per {casus.peildatum.isoformat()}." if casus.peildatum else "."
    blokken.append(Alinea(aanleiding))
    if casus.omschrijving:
        blokken.append(Alinea(" ".join(casus.omschrijving.split())))
    if casus.partners:
        blokken.append(Lijst(tuple(f"{p.naam} ({_ja_nee(p.soort)})" for p in casus.partners)))

    blokken += [Kop("Opgave en beoogd effect")]
    opgave = " ".join((casus.opgave.omschrijving or "").split())
    blokken.append(Alinea(f"Opgave: {opgave}." if opgave else "Er is geen maatschappelijke opgave benoemd."))
    tw = casus.toegevoegde_waarde
    blokken.append(Lijst((
        f"Overstijgt de gemeentegrens: {_ja_nee(casus.opgave.overstijgt_gemeentegrens)}; "
        f"te complex om alleen op te pakken: {_ja_nee(casus.opgave.complex)}.",
        f"Toegevoegde waarde voor inwoners: {_ja_nee(tw.inwoners)}; voor de gemeente: {_ja_nee(tw.gemeente)}; "
        f"voor de regio: {_ja_nee(tw.regio)}.",
        f"Strategische doelen: {_woorden(casus.doelen.strategisch)}.",
        f"Uitvoeringsdoelen: {_woorden(casus.doelen.uitvoerend)}.",
    )))

    # De argumenten volgen het advies: bij een negatief advies zijn het de redenen om te stoppen of niet
    # te beginnen, en wat de samenwerking goed doet, is een kanttekening (wat verloren gaat).
    negatief = advies.advies.negatief
    sterk = per_effect[Effect.sterkte]
    if advies.advies == Advieswoord.onvoldoende_informatie:
        blokken += [Kop("Wat eerst uitgezocht moet worden"),
                    Lijst(tuple(u.vraag for u in advies.eerst_uitzoeken), genummerd=True),
                    Kop("Wat al bekend is")]
        blokken.append(Lijst(tuple(_criteriumgroepen(sterk)[:MAX_ARGUMENTEN])) if sterk else
                       Alinea("Nog niets wat voor deze samenwerking pleit."))
    else:
        blokken.append(Kop("Argumenten"))
        argumenten = per_effect[Effect.blokkerend] if negatief else sterk
        groepen = _criteriumgroepen(argumenten)
        if groepen:
            blokken.append(Lijst(tuple(groepen[:MAX_ARGUMENTEN])))
            if len(groepen) > MAX_ARGUMENTEN:
                blokken.append(Alinea(f"En nog {len(groepen) - MAX_ARGUMENTEN}; alle bevindingen staan in bijlage 1."))
        else:
            blokken.append(Alinea("De toets vond geen punten die voor deze samenwerking pleiten."))

    blokken.append(Kop("Kanttekeningen en risico's"))
    if negatief and sterk:
        groepen = _criteriumgroepen(sterk)
        blokken += [Kop("Wat verloren gaat", 2), Lijst(tuple(groepen[:MAX_ARGUMENTEN]))]
    if per_effect[Effect.blokkerend] and not negatief:
        blokken += [Kop("Blokkerend", 2), Lijst(tuple(_criteriumgroepen(per_effect[Effect.blokkerend])))]
    if per_effect[Effect.voorwaarde]:
        kop = "Voorwaarden" if not negatief else "Voorwaarden (nodig als het college toch anders besluit)"
        blokken += [Kop(kop, 2), Lijst(tuple(_criteriumgroepen(per_effect[Effect.voorwaarde])))]
    if per_effect[Effect.aandachtspunt]:
        blokken += [Kop("Aandachtspunten", 2), Lijst(tuple(_criteriumgroepen(per_effect[Effect.aandachtspunt])))]
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    if veranderend:
        blokken += [Kop("Ontbrekende informatie", 2),
                    Lijst(tuple(f"{label(o.veld)}: " + "; ".join(
                        f"{toon(w)} geeft {a.tekst}" for w, a in o.advies_per_waarde.items()) for o in veranderend))]
    if not any(per_effect[e] for e in (Effect.blokkerend, Effect.voorwaarde, Effect.aandachtspunt)) \
            and not veranderend:
        blokken.append(Alinea("De toets vond geen kanttekeningen."))

    blokken.append(Kop("Juridische vorm"))
    vorm = advies.vormtoets
    gekozen = (vorm.gekozen_vorm or "onbekend").replace("_", " ")
    passend = toon(vorm.passende_vormen) if vorm.passende_vormen is not None else \
        "niet af te leiden uit de taakgegevens"
    blokken.append(Alinea(f"Gekozen vorm: {gekozen}. Passend bij de taak volgens de vormtabel: {passend}."))
    juridisch = [b for b in advies.bevindingen if b.criterium in pakket.kop.collegevoorstel.criteria_juridische_vorm]
    if juridisch:
        blokken.append(Lijst(tuple(f"{b.criterium_naam} ({b.effect.value}): {b.uitleg}" for b in juridisch)))

    blokken.append(Kop("Financiën"))
    ob = casus.onderbouwing
    kosten = f"{ob.kosten_per_jaar:,} euro per jaar".replace(",", ".") if ob.kosten_per_jaar is not None else \
        "niet bekend"
    financien = [f"Aandeel van de gemeente: {kosten}.", f"Businesscase: {_ja_nee(ob.businesscase)}.",
                 f"Capaciteit en middelen: {_ja_nee(ob.capaciteit_en_middelen)}."]
    if casus.fase.value == "lopend":
        financien.append(f"Kostenontwikkeling: {_ja_nee(casus.evaluatie.kostenontwikkeling)}; "
                         f"uittreedkosten: {_ja_nee(casus.evaluatie.uittreedkosten)}.")
    blokken.append(Lijst(tuple(financien)))

    blokken.append(Kop("Sturing en evaluatie"))
    st = casus.sturing
    blokken.append(Lijst((
        f"Informatie aan de raad: {_ja_nee(st.informatie_aan_raad)}; zienswijze van de raad: "
        f"{_ja_nee(st.zienswijze_raad)}.",
        f"Periodieke evaluatie afgesproken: {_ja_nee(st.evaluatie_afgesproken)}"
        + (f"; laatste evaluatie: {casus.evaluatie.jaar_laatste_evaluatie}"
           if casus.evaluatie.jaar_laatste_evaluatie else "") + ".",
        f"Uittreding geregeld: {_ja_nee(st.uittredingsregeling)}; rolverdeling opdrachtgever, opdrachtnemer "
        f"en eigenaar helder: {_ja_nee(st.rolverdeling_helder)}.",
    )))

    if alternatieven is not None:
        blokken += [Kop("Alternatieven"),
                    Alinea("Dezelfde toets op de varianten van deze samenwerking:"),
                    _alternatieventabel(alternatieven)]
        for kolom in alternatieven.kolommen:
            if kolom.variant_omschrijving:
                blokken.append(Alinea(f"{kolom.label}: {' '.join(kolom.variant_omschrijving.split())}"))

    blokken += [Kop("Vervolg"), Lijst(tuple(_vervolg(advies, pakket.kop.collegevoorstel)))]

    blokken += [Kop("Bijlagen"), Kop("Bijlage 1. Volledige beoordeling", 2),
                Tabel(("Effect", "Criterium", "Uitleg (regel)", "Bron"),
                      tuple((KOPJES[b.effect.value], f"{b.criterium} {b.criterium_naam}", f"{b.uitleg} ({b.regel})",
                             b.bron.tekst) for b in advies.bevindingen)),
                Kop("Bijlage 2. Tien succesfactoren", 2)]
    parameters = pakket.parameterwaarden()
    blokken.append(Grafiek(
        titel="Tien succesfactoren: gemiddelde score per factor",
        labels=tuple(f"{f.code} {f.factor}" for f in advies.succesfactoren),
        eigen=tuple(f.score for f in advies.succesfactoren),
        partner=tuple(f.laagste_partnerscore for f in advies.succesfactoren),
        laag=parameters.get("succesfactor_laag"), sterk=parameters.get("succesfactor_sterk")))
    blokken.append(Tabel(("Factor", "Naam", "Eigen scan", "Laagste partner"),
                         tuple(tuple(r) for r in factorrijen(advies))))
    blokken += [Kop("Bijlage 3. Bronnen", 2), Lijst(tuple(_bronnen(advies, pakket)))]
    return Document(titel=f"Collegevoorstel: {casus.naam}", blokken=tuple(blokken), stempel=stempel,
                    beslispunten=tuple(punten))


def _alternatieventabel(v: Vergelijking) -> Tabel:
    rijen = [("Advies",) + tuple(k.advies.advies_tekst for k in v.kolommen),
             ("Voorwaarden",) + tuple(str(len(k.advies.voorwaarden)) for k in v.kolommen)]
    rijen += [(KOPJES[e.value],) + tuple(str(k.advies.telling[e.value]) for k in v.kolommen)
              for e in EFFECT_VOLGORDE]
    rijen += [(f"{d.criterium} {d.regel}",) + tuple(e.value if e else "-" for e in d.per_kolom)
              for d in v.verschillen]
    return Tabel(("",) + tuple(k.label for k in v.kolommen), tuple(rijen))


def _vervolg(advies: Advies, beleid: Collegevoorstelbeleid) -> list[str]:
    stappen = list(beleid.vervolg.get(advies.advies, []))
    nog = [label(o.veld) for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    if nog:
        stappen.append("Nog te achterhalen, want het kan het advies veranderen: " + "; ".join(nog) + ".")
    return stappen


def _bronnen(advies: Advies, pakket: Regelpakket) -> list[str]:
    gebruikt = dict.fromkeys(b.bron.verwijzing for b in advies.bevindingen)
    uit = []
    for verwijzing in gebruikt:
        document, _, sectie = verwijzing.partition("#")
        bron = pakket.kop.bronnen[document]
        uit.append(f"{bron.titel} ({bron.uitgever}), {bron.secties[sectie]}")  # titel, nooit een bestandsnaam
    return sorted(uit)
