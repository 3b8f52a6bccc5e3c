# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het advies als tekst voor de terminal: eerst het oordeel, dan wat het bepaalt, dan de rest.

Alles past in de breedte van de terminal (`shutil.get_terminal_size`, 100 als de uitvoer niet naar een
terminal gaat): tekst wordt op woordgrenzen afgebroken, nooit midden in een woord of regel-id. De
standaardweergave toont wat een adviseur eerst leest; `volledig=True` (`--volledig`) toont alles,
ook regel-ids, gebruikte feiten en de succesfactoren.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from ..advies import Advies, Bevinding
from ..casus import label
from ..regels import EFFECT_VOLGORDE, Advieswoord, Effect, GeladenRegel
from ..waarden import aantal, toon, zichtbaar_voor_terminal
from ..waarden import toon_waarde

if TYPE_CHECKING:
    from ..watals import Vergelijking, Zoekresultaat

KOPJES = {
    "blokkerend": "Blokkerend",
    "voorwaarde": "Voorwaarden stellend",
    "aandachtspunt": "Aandachtspunten",
    "sterkte": "Sterktes",
}
STANDAARDBREEDTE = 100
STERKSTE = 3
NOG_UITZOEKEN = 5


def breedte() -> int:
    """De breedte van de terminal (of COLUMNS); 100 als de uitvoer niet naar een terminal gaat."""
    return max(40, shutil.get_terminal_size((STANDAARDBREEDTE, 24)).columns)


def als_regels(tekst: str, inspringen: str = "", daarna: str | None = None) -> list[str]:
    """Tekst afgebroken op woordgrenzen binnen de terminalbreedte. Regeleinden uit de invoer worden
    spaties en besturingstekens worden zichtbaar: een casustekst kan de uitvoer niet vervalsen."""
    return textwrap.wrap(" ".join(zichtbaar_voor_terminal(str(tekst)).split()), width=breedte(), initial_indent=inspringen,
                         subsequent_indent=inspringen if daarna is None else daarna,
                         break_long_words=False, break_on_hyphens=False) or [inspringen.rstrip()]


def als_punt(tekst: str, teken: str = "-") -> list[str]:
    return als_regels(tekst, f"{teken} ", " " * (len(teken) + 1))


def _genummerd(teksten: list[str]) -> list[str]:
    uit = []
    for i, tekst in enumerate(teksten, 1):
        teken = f"{i}."
        uit += als_regels(tekst, f"{teken} ", " " * (len(teken) + 1))
    return uit


def _kop(tekst: str) -> list[str]:
    regels = als_regels(tekst)
    return regels + ["=" * min(breedte(), max(len(r) for r in regels))]


def _cel(tekst: str, kolom: int) -> str:
    """Een tabelcel, vooraf afgebroken op woordgrenzen (tabulate breekt anders midden in woorden);
    regels die al in de tekst staan (zoals een opsomming) blijven staan."""
    regels = []
    for deel in zichtbaar_voor_terminal(str(tekst)).split("\n"):
        inspringen = "  " if deel.startswith("- ") else ""
        regels += textwrap.wrap(" ".join(deel.split()), width=max(8, kolom), subsequent_indent=inspringen,
                                break_long_words=False, break_on_hyphens=False)
    return "\n".join(regels)


def factorrijen(advies: Advies) -> list[list[str]]:
    """De tien succesfactoren als rijen: code, naam, eigen score, laagste partnerscore (met naam)."""
    rijen = []
    for f in advies.succesfactoren:
        partner = (f"{toon(f.laagste_partnerscore)} ({f.laagste_partner})"
                   if f.laagste_partnerscore is not None else "-")
        rijen.append([f.code, f.factor, toon(f.score) if f.score is not None else "-", partner])
    return rijen


def voorwaarden_kop(advies: Advies) -> str:
    """Bij een negatief advies zijn de voorwaarden wat óók nodig is als de blokkades verdwijnen."""
    if advies.advies.negatief:
        return "Voorwaarden (ook nodig als de blokkades worden weggenomen)"
    if advies.advies == Advieswoord.onvoldoende_informatie:
        return "Voorwaarden (als het advies na aanvullen positief uitvalt)"
    return "Voorwaarden"


def beeindigen_kop(advies: Advies) -> str:
    return "Bij het beëindigen" if advies.advies == Advieswoord.beeindigen else "Bij het niet aangaan"


def bandbreedte_tekst(advies: Advies) -> str:
    """Eén zin over wat de onbekende feiten nog met het advies kunnen doen."""
    b = advies.bandbreedte
    if b.gunstigst == b.ongunstigst:
        return f"Bandbreedte: vast ({b.gunstigst.tekst}); wat nog onbekend is, verandert het advies niet."
    ruim = "" if b.exact else " (ruim genomen: niet elke combinatie van onbekende feiten is doorgerekend)"
    return (f"Bandbreedte: met wat nog onbekend is, kan het advies uitkomen tussen {b.ongunstigst.tekst} "
            f"en {b.gunstigst.tekst}{ruim}.")


ANTWOORDLABEL = {"gunstig": "Valt het gunstig uit", "ongunstig": "Valt het tegen"}


def scharnier_tekst(s) -> str:
    """'Zijn de doelen gehaald? Ja: voortzetten. Deels: ... Nee: beëindigen.' Geeft elk antwoord hetzelfde advies,
    dan zegt één zin dat."""
    adviezen = set(s.per_antwoord.values())
    if len(adviezen) == 1:
        return (f"{s.vraag} Elk antwoord op deze vraag geeft {next(iter(adviezen)).tekst}, als de rest gelijk "
                "blijft. Het antwoord is wel nodig voor het volgende besluit.")
    delen = [f"{ANTWOORDLABEL.get(a) or toon(a)[:1].upper() + toon(a)[1:]}: {w.tekst}" for a, w in s.per_antwoord.items()]
    return f"{s.vraag} " + ". ".join(delen) + "."


def scharnierregels(advies: Advies) -> list[str]:
    """De open kernvragen en wat elk antwoord met het advies doet: eerst getoond als het advies ervan afhangt."""
    return [scharnier_tekst(s) for s in advies.open_kernvragen]


def afwegingsregels(advies: Advies) -> list[str]:
    """De afweging van de adviseur: per criterium wat het pakket zei, wat de adviseur besloot, waarom en door wie."""
    uit = []
    for a in advies.afwegingen:
        was = " en ".join(a.effect_pakket) if a.effect_pakket else "geen bevinding"
        door = f" (door: {a.door})" if a.door else " (door: niet vermeld)"
        niet = "" if a.toegepast else " De toets vond bij dit criterium niets; de afweging verandert daarom niets."
        uit.append(f"{a.criterium_naam}: volgens het pakket {was}, gewogen als {a.effect}. Reden: {a.reden}{door}."
                   + niet)
    return uit


def uitzoekpunten(advies: Advies) -> list[str]:
    """Wat eerst uitgezocht moet worden, de kernvragen voorop (zonder nummers)."""
    return [u.vraag + (" (kernvraag)" if u.kernvraag else "") for u in advies.eerst_uitzoeken]


def telling_tekst(advies: Advies) -> str:
    t = advies.telling
    return ", ".join([f"{t['blokkerend']} blokkerend", aantal(t["voorwaarde"], "voorwaarde"),
                      aantal(t["aandachtspunt"], "aandachtspunt"), aantal(t["sterkte"], "sterkte")])


def kopregels(advies: Advies) -> list[str]:
    pakket = advies.regelpakket
    regels = als_regels(f"Samenwerkingstoets: {advies.casus} ({advies.fase.value})")
    if advies.variant:
        regels += als_regels(f"Variant: {advies.variant}")
    peildatum = f"; peildatum {advies.peildatum.isoformat()}" if advies.peildatum else ""
    regels += als_regels(f"Perspectief: {advies.perspectief}{peildatum}")
    regels += als_regels(f"Regelpakket: {pakket.naam} {pakket.versie} (geldig vanaf {pakket.geldig_vanaf.isoformat()})")
    for waarschuwing in advies.waarschuwingen:
        regels += als_regels(f"Let op: {waarschuwing}")
    return regels


def _bevinding(b: Bevinding, volledig: bool) -> list[str]:
    uit = als_punt(f"{b.criterium_naam}: {b.uitleg}")
    bron = f"Bron: {b.bron.tekst}".rstrip(".") + ("" if b.bron.sectie.endswith("?") else ".")
    if volledig:
        feiten = "; ".join(f"{label(veld)} = {toon(w)}" for veld, w in b.feiten.items())
        bron = f"{b.criterium}, regel {b.regel}. Feiten: {feiten}. {bron}"
    return uit + als_regels(bron, "  ")


def advies(advies: Advies, volledig: bool = False) -> str:
    uit = kopregels(advies) + [""] + _kop(f"ADVIES: {advies.advies_tekst.upper()}")
    uit += als_regels(advies.beslisregel) + als_regels(bandbreedte_tekst(advies)) + [""]
    if advies.open_kernvragen:
        uit += _kop("Wat het antwoord op de open kernvragen doet") + _genummerd(scharnierregels(advies)) + [""]
    if advies.afwegingen:
        uit += _kop("Ambtelijke afweging") + als_regels(
            f"Advies van het regelpakket: {advies.advies_pakket.tekst}. Na de afweging van de adviseur: "
            f"{advies.advies_tekst}.") + _genummerd(afwegingsregels(advies)) + [""]
    if advies.advies == Advieswoord.onvoldoende_informatie:
        uit += _kop("Eerst uitzoeken") + _genummerd(uitzoekpunten(advies)) + [""]
    if advies.bij_beeindigen and advies.advies.negatief:
        uit += _kop(beeindigen_kop(advies)) + _genummerd(advies.bij_beeindigen) + [""]
    voorwaarden = [v for v in advies.voorwaarden if v not in advies.bij_beeindigen
                   or not advies.advies.negatief]
    if voorwaarden:
        uit += _kop(voorwaarden_kop(advies)) + _genummerd(voorwaarden) + [""]
    if advies.raad is not None and advies.raad.punten:
        uit += _kop("De raad") + _genummerd([p.beslispunt + (f" ({p.artikel})" if p.artikel else "")
                                             for p in advies.raad.punten]) + [""]
    uit += _kop("Bevindingen") + als_regels(telling_tekst(advies))
    for effect in EFFECT_VOLGORDE:
        groep = [b for b in advies.bevindingen if b.effect == effect]
        if not volledig and effect == Effect.aandachtspunt:
            continue
        if not volledig and effect == Effect.sterkte:
            if groep:
                uit += ["", f"Sterkste punten ({min(STERKSTE, len(groep))} van {len(groep)})"]
                for b in groep[:STERKSTE]:
                    uit += _bevinding(b, volledig)
            continue
        if groep:
            uit += ["", f"{KOPJES[effect.value]} ({len(groep)})"]
            for b in groep:
                uit += _bevinding(b, volledig)
    uit += [""] + _nog_te_achterhalen(advies, volledig)
    if volledig:
        uit += [""] + _kop("Succesfactoren (gemiddelde van de twee stellingen, 1 t/m 5)")
        kolom = max(16, breedte() - 40)
        rijen = [[code, _cel(naam, kolom), eigen, _cel(partner, 16)] for code, naam, eigen, partner in factorrijen(advies)]
        uit.append(tabulate(rijen, headers=["Factor", "", "Eigen", "Laagste partner"], tablefmt="simple"))
        uit += [""] + _kop("Waarom geen ander advies")
        for w in advies.waarom_niet:
            uit += als_punt(f"{w.advies_tekst}: {w.reden}")
    else:
        uit += ["", *als_regels("Aandachtspunten, alle sterktes, regels, gebruikte feiten en de succesfactoren: "
                             "voeg --volledig toe.")]
    return "\n".join(uit) + "\n"


def _nog_te_achterhalen(advies: Advies, volledig: bool) -> list[str]:
    uit = _kop("Nog te achterhalen")
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    if not veranderend:
        uit += als_regels("Geen onbekend feit kan dit advies nog veranderen.")
    else:
        uit += als_regels("Deze onbekende feiten kunnen het advies nog veranderen:")
        for o in veranderend if volledig else veranderend[:NOG_UITZOEKEN]:
            gevolgen = "; ".join(f"{toon(w)}: {a.tekst}" for w, a in o.advies_per_waarde.items())
            uit += als_punt(f"{label(o.veld)} ({gevolgen})")
        if not volledig and len(veranderend) > NOG_UITZOEKEN:
            uit += als_regels(f"En nog {len(veranderend) - NOG_UITZOEKEN} meer (--volledig).")
    overig = [o.veld for o in advies.ontbrekende_informatie if not o.kan_advies_veranderen]
    if overig and volledig:
        uit += als_regels("Ook onbekend, maar elk afzonderlijk verandert het advies niet: "
                       + "; ".join(label(v) for v in overig) + ".")
    return uit


def regels(regels: list[GeladenRegel], pakket: Any) -> str:
    """Elke regel op een eigen regel (criterium, effect, id), met de bron eronder: past in elke breedte."""
    uit = als_regels(f"Regelpakket {pakket.naam} {pakket.versie}: {aantal(len(regels), 'regel')}")
    uit += ["", f"{'Criterium':<9} {'Effect':<13} Regel (bron)"]
    for r in regels:
        uit.append(f"{r.regel.criterium:<9} {r.regel.effect.value:<13} {r.id}")
        uit += als_regels(f"bron: {r.regel.bron}", " " * 24)
    return "\n".join(uit) + "\n"


def dekking(rijen: list, pakket: Any) -> str:
    kolom = max(12, (breedte() - 30) // 2)
    tabel = [[code, _cel(c.naam, kolom), _cel(pakket.kop.bronnen[c.bron].titel, kolom), n if n else "GEEN"]
             for code, c, n in rijen]
    ongedekt = sum(1 for *_, n in rijen if not n)
    slot = (f"{aantal(ongedekt, 'criterium')} zonder enige regel." if ongedekt
            else f"Alle {len(rijen)} criteria hebben minstens één regel.")
    return (f"Dekking van regelpakket {pakket.naam} {pakket.versie}\n"
            + tabulate(tabel, headers=["Criterium", "Naam", "Bron", "Regels"], tablefmt="simple")
            + "\n" + slot + "\n")


def vergelijkingsrijen(v: Vergelijking, streep: str = "-") -> tuple[list[str], list[list[str]]]:
    """Kop en rijen van een vergelijking: advies, voorwaarden, tellingen, daarna de verschillen."""
    kop = [""] + [k.label for k in v.kolommen]
    rijen = [["Advies"] + [k.advies.advies_tekst for k in v.kolommen],
             ["Bandbreedte"] + [f"{k.advies.bandbreedte.ongunstigst.tekst} tot {k.advies.bandbreedte.gunstigst.tekst}"
                                for k in v.kolommen],
             ["Regelpakket"] + [k.regelpakket for k in v.kolommen],
             ["Voorwaarden (aantal)"] + [str(len(k.advies.voorwaarden)) for k in v.kolommen]]
    gedeeld = set.intersection(*(set(k.advies.voorwaarden) for k in v.kolommen))
    eigen = [[t for t in k.advies.voorwaarden if t not in gedeeld] for k in v.kolommen]
    if any(eigen):
        rijen.append(["Voorwaarden die verschillen"] + ["\n".join(f"- {t}" for t in e) or streep for e in eigen])
    for effect in EFFECT_VOLGORDE:
        rijen.append([KOPJES[effect.value]] + [str(k.advies.telling[effect.value]) for k in v.kolommen])
    namen = [verschil.criterium_naam for verschil in v.verschillen]
    for verschil in v.verschillen:
        label_ = verschil.criterium_naam
        if namen.count(label_) > 1:  # twee bevindingen bij hetzelfde criterium: zeg welke
            label_ += ": " + " ".join(verschil.uitleg.split()[:8]) + " …"
        rijen.append([label_] + [e.value if e else streep for e in verschil.per_kolom])
    return kop, rijen


def _kolombreedtes(rijen: list[list[str]]) -> list[int]:
    """Kolombreedtes binnen de terminal: elke kolom minstens zijn langste woord, de rest van de ruimte
    naar rato van wat elke kolom zou willen (tabulate zet 2 spaties tussen kolommen en vult 2 op)."""
    kolommen = list(zip(*rijen))
    minimaal = [max((len(w) for cel in kolom for w in str(cel).split()), default=1) for kolom in kolommen]
    gewenst = [max((len(regel) for cel in kolom for regel in str(cel).split("\n")), default=1) for kolom in kolommen]
    ruimte = breedte() - 4 * len(kolommen)
    over = max(0, ruimte - sum(minimaal))
    extra = [g - m for g, m in zip(gewenst, minimaal)]
    totaal = sum(extra) or 1
    return [m + min(e, over * e // totaal) for m, e in zip(minimaal, extra)]


def _onder_elkaar(kop: list[str], rijen: list[list[str]]) -> list[str]:
    """Een vergelijking die niet naast elkaar past: per onderwerp de kolommen onder elkaar."""
    uit = []
    for rij in rijen:
        uit += als_regels(rij[0])
        for label_, cel in zip(kop[1:], rij[1:]):
            delen = str(cel).split("\n")
            uit += als_regels(f"{label_}: {delen[0]}", "  ", "    ")
            for deel in delen[1:]:
                uit += als_regels(deel, "    ", "      ")
    return uit


def binnen_breedte(titel: str, kop: list[str], rijen: list[list[str]]) -> list[str]:
    """Een tabel met kop die in de terminal past; past hij naast elkaar niet, dan per rij onder elkaar."""
    breedtes = _kolombreedtes([kop] + rijen)
    if sum(breedtes) + 4 * len(breedtes) > breedte():
        return _kop(titel) + _onder_elkaar(kop, rijen)
    kop = [_cel(k, b) for k, b in zip(kop, breedtes)]
    rijen = [[_cel(c, b) for c, b in zip(rij, breedtes)] for rij in rijen]
    return _kop(titel) + [tabulate(rijen, headers=kop, tablefmt="simple")]


def vergelijking(v: Vergelijking) -> str:
    kop, rijen = vergelijkingsrijen(v)
    uit = binnen_breedte("Vergelijking", kop, rijen)
    if v.verschillen:
        n = len(v.verschillen)
        uit += als_regels((f"De laatste {n} onderwerpen zijn de bevindingen die verschillen" if n > 1 else
                        "Het laatste onderwerp is de bevinding die verschilt") + " (effect per kolom; - = komt daar "
                       "niet voor).")
    else:
        uit += als_regels("Er zijn geen verschillen in bevindingen.")
    for k in v.kolommen:
        if k.variant_omschrijving:
            uit += als_regels(f"{k.label}: {k.variant_omschrijving}")
    return "\n".join(uit) + "\n"


def wat_als_opdracht(casuspad: str, wijzigingen: dict[str, Any]) -> str:
    delen = [f"--wat-als '{pad}={toon_waarde(w)}'" for pad, w in wijzigingen.items()]
    return f"samenwerkingstoets beoordeel {casuspad} " + " ".join(delen)


def _opdrachtregels(casuspad: str, wijzigingen: dict[str, Any]) -> list[str]:
    """De opdracht om een voorstel zelf te proberen, over regels verdeeld met een \\ aan het eind."""
    delen = ["samenwerkingstoets beoordeel", casuspad] + [
        f"--wat-als '{pad}={toon_waarde(w)}'" for pad, w in wijzigingen.items()]
    return ["  " + zichtbaar_voor_terminal(d).replace("\n", " ") + (" \\" if i < len(delen) - 1 else "")
            for i, d in enumerate(delen)]


def _zoekblok(z: Zoekresultaat, casuspad: str) -> list[str]:
    uit = als_regels(f"Doel: {z.doel_tekst}. Huidig advies: {z.huidig_advies.tekst}.") + als_regels(z.toelichting)
    for i, v in enumerate(z.voorstellen, 1):
        uit += ["", *als_regels(f"Voorstel {i}: {v.advies_tekst} (inspanning {v.inspanning})")]
        for a in v.acties:
            uit += als_punt(f"{a.tekst} ({a.inspanning.value})")
        if v.lost_op:
            uit += als_regels("Lost op: " + "; ".join(v.lost_op) + ".", "  ")
        if v.nieuw:
            uit += als_regels(f"Nieuw erbij: {aantal(len(v.nieuw), 'bevinding')}.", "  ")
    if z.voorstellen:
        uit += ["", "Zelf proberen:"] + _opdrachtregels(casuspad, z.voorstellen[0].wijzigingen)
        if not z.volledig:
            uit += als_regels("Niet alle voorstellen zijn getoond.")
    if z.niet_voorgesteld:
        uit += [""] + als_regels("Ook van belang, maar niet door de gemeente zelf te veranderen (nooit "
                              "voorgesteld): " + "; ".join(label(v) for v in z.niet_voorgesteld) + ".")
    return uit


def zoekresultaat(z: Zoekresultaat, tussendoel: Zoekresultaat | None, casuspad: str) -> str:
    uit = _kop(f"Wat moet er veranderen: {z.casus}") + _zoekblok(z, casuspad)
    if tussendoel is not None:
        uit += [""] + _kop(f"Eerstvolgende stap: {tussendoel.doel_tekst}") + _zoekblok(tussendoel, casuspad)
    return "\n".join(uit) + "\n"
