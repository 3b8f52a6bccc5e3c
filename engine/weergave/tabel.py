"""Het advies als tekst voor de terminal: eerst het oordeel, dan voorwaarden, dan bevindingen."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from ..advies import Advies, Bevinding
from ..beoordelen import toon
from ..regels import EFFECT_VOLGORDE, Advieswoord, GeladenRegel
from ..watals import Vergelijking, Zoekresultaat, toon_waarde

KOPJES = {
    "blokkerend": "Blokkerend",
    "voorwaarde": "Voorwaarden stellend",
    "aandachtspunt": "Aandachtspunten",
    "sterkte": "Sterktes",
}


def _kop(tekst: str) -> str:
    return f"{tekst}\n{'=' * len(tekst)}"


def _feiten(bevinding: Bevinding) -> str:
    return "; ".join(f"{veld} = {_waarde(w)}" for veld, w in bevinding.feiten.items())


def _waarde(w: Any) -> str:
    if isinstance(w, list):
        return "[" + ", ".join(map(str, w)) + "]"
    return str(w)


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
    if advies.advies in (Advieswoord.niet_aangaan, Advieswoord.beeindigen):
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


def uitzoekregels(advies: Advies) -> list[str]:
    """Wat eerst uitgezocht moet worden, de kernvragen voorop."""
    return [f"{i}. {u.vraag}" + (" (kernvraag)" if u.kernvraag else "")
            for i, u in enumerate(advies.eerst_uitzoeken, 1)]


def kopregels(advies: Advies) -> list[str]:
    pakket = advies.regelpakket
    regels = [f"Samenwerkingstoets: {advies.casus} ({advies.fase.value})"]
    if advies.variant:
        regels.append(f"Variant: {advies.variant}")
    peildatum = f"; peildatum {advies.peildatum.isoformat()}" if advies.peildatum else ""
    regels += [f"Perspectief: {advies.perspectief}{peildatum}",
               f"Regelpakket: {pakket.naam} {pakket.versie} (geldig vanaf {pakket.geldig_vanaf.isoformat()})"]
    return regels


def advies(advies: Advies) -> str:
    uit = kopregels(advies) + ["", _kop(f"ADVIES: {advies.advies_tekst.upper()}"), advies.beslisregel,
                                bandbreedte_tekst(advies), ""]
    if advies.advies == Advieswoord.onvoldoende_informatie:
        uit += [_kop("Eerst uitzoeken")] + uitzoekregels(advies) + [""]
    if advies.bij_beeindigen and advies.advies in (Advieswoord.beeindigen, Advieswoord.niet_aangaan):
        uit += [_kop(beeindigen_kop(advies))] + [f"{i}. {v}" for i, v in enumerate(advies.bij_beeindigen, 1)] + [""]
    if advies.voorwaarden:
        uit.append(_kop(voorwaarden_kop(advies)))
        uit += [f"{i}. {v}" for i, v in enumerate(advies.voorwaarden, 1)] + [""]
    uit.append(_kop("Bevindingen"))
    uit.append(", ".join(f"{n} {effect}" for effect, n in advies.telling.items()))
    for effect in EFFECT_VOLGORDE:
        groep = [b for b in advies.bevindingen if b.effect == effect]
        if not groep:
            continue
        uit += ["", f"{KOPJES[effect.value]} ({len(groep)})"]
        rijen = [[f"{b.criterium}\n{b.criterium_naam}", f"{b.uitleg}\nRegel: {b.regel}. Feiten: {_feiten(b)}",
                  b.bron.tekst] for b in groep]
        uit.append(tabulate(rijen, headers=["Criterium", "Uitleg", "Bron"], tablefmt="simple_grid",
                            maxcolwidths=[16, 58, 26]))
    uit += ["", _kop("Succesfactoren (gemiddelde van de twee stellingen, 1 t/m 5)")]
    uit.append(tabulate(factorrijen(advies), headers=["Factor", "", "Eigen scan", "Laagste partner"],
                        tablefmt="simple"))
    uit += ["", _kop("Waarom geen ander advies")]
    uit += [f"- {w.advies_tekst}: {w.reden}" for w in advies.waarom_niet]
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    uit += ["", _kop("Nog te achterhalen")]
    if veranderend:
        uit.append("Deze onbekende feiten kunnen het advies nog veranderen:")
        for o in veranderend:
            gevolgen = "; ".join(f"{w} -> {a.tekst}" for w, a in o.advies_per_waarde.items())
            uit.append(f"- {o.veld} ({o.beschrijving}): {gevolgen}")
    else:
        uit.append("Geen onbekend feit kan dit advies nog veranderen.")
    overig = [o.veld for o in advies.ontbrekende_informatie if not o.kan_advies_veranderen]
    if overig:
        uit.append(f"Ook onbekend, maar elk afzonderlijk verandert het advies niet: {', '.join(overig)}.")
    return "\n".join(uit) + "\n"


def regels(regels: list[GeladenRegel], pakket: Any) -> str:
    rijen = [[r.regel.criterium, r.id, r.regel.effect.value, r.regel.bron] for r in regels]
    kop = f"Regelpakket {pakket.naam} {pakket.versie}: {len(regels)} regels"
    return kop + "\n" + tabulate(rijen, headers=["Criterium", "Regel", "Effect", "Bron"], tablefmt="simple") + "\n"


def dekking(rijen: list, pakket: Any) -> str:
    tabel = [[code, c.naam, pakket.kop.bronnen[c.bron].titel, n if n else "GEEN"] for code, c, n in rijen]
    ongedekt = sum(1 for *_, n in rijen if not n)
    slot = (f"{ongedekt} criteria hebben geen enkele regel." if ongedekt
            else f"Alle {len(rijen)} criteria hebben minstens één regel.")
    return (f"Dekking van regelpakket {pakket.naam} {pakket.versie}\n"
            + tabulate(tabel, headers=["Criterium", "Naam", "Bron", "Regels"], tablefmt="simple",
                       maxcolwidths=[None, 45, 45, None])
            + "\n" + slot + "\n")


def vergelijkingsrijen(v: Vergelijking, streep: str = "-") -> tuple[list[str], list[list[str]]]:
    """Kop en rijen van een vergelijking: advies, voorwaarden, tellingen, daarna de verschillen."""
    kop = [""] + [k.label for k in v.kolommen]
    rijen = [["Advies"] + [k.advies.advies_tekst for k in v.kolommen],
             ["Regelpakket"] + [k.regelpakket for k in v.kolommen],
             ["Voorwaarden (aantal)"] + [str(len(k.advies.voorwaarden)) for k in v.kolommen]]
    gedeeld = set.intersection(*(set(k.advies.voorwaarden) for k in v.kolommen))
    eigen = [[t for t in k.advies.voorwaarden if t not in gedeeld] for k in v.kolommen]
    if any(eigen):
        rijen.append(["Voorwaarden die verschillen"] + ["\n".join(f"- {t}" for t in e) or streep for e in eigen])
    for effect in EFFECT_VOLGORDE:
        rijen.append([KOPJES[effect.value]] + [str(k.advies.telling[effect.value]) for k in v.kolommen])
    for verschil in v.verschillen:
        rijen.append([f"{verschil.criterium} {verschil.regel}"]
                     + [e.value if e else streep for e in verschil.per_kolom])
    return kop, rijen


def vergelijking(v: Vergelijking) -> str:
    kop, rijen = vergelijkingsrijen(v)
    breedte = max(20, 100 // max(1, len(v.kolommen)))
    uit = [_kop("Vergelijking"), tabulate(rijen, headers=kop, tablefmt="simple_grid",
                                          maxcolwidths=[50] + [breedte] * len(v.kolommen))]
    if v.verschillen:
        uit.append(f"De laatste {len(v.verschillen)} rijen zijn de bevindingen die verschillen "
                   "(effect per kolom; - = vuurt daar niet).")
    else:
        uit.append("Er zijn geen verschillen in bevindingen.")
    for k in v.kolommen:
        if k.variant_omschrijving:
            uit.append(f"{k.label}: {k.variant_omschrijving}")
    return "\n".join(uit) + "\n"


def wat_als_opdracht(casuspad: str, wijzigingen: dict[str, Any]) -> str:
    delen = [f"--wat-als '{pad}={toon_waarde(w)}'" for pad, w in wijzigingen.items()]
    return f"samenwerkingstoets beoordeel {casuspad} " + " ".join(delen)


def _zoekblok(z: Zoekresultaat, casuspad: str) -> list[str]:
    uit = [f"Doel: {z.doel_tekst}. Huidig advies: {z.huidig_advies.tekst}.", z.toelichting]
    if z.voorstellen:
        rijen = [[i, "\n".join(f"- {a.tekst} ({a.inspanning.value})" for a in v.acties), v.advies_tekst,
                  ", ".join(v.verdwenen) or "-", ", ".join(v.nieuw) or "-"]
                 for i, v in enumerate(z.voorstellen, 1)]
        uit.append(tabulate(rijen, headers=["#", "Wat de gemeente kan doen", "Advies", "Verdwijnen", "Nieuw"],
                            tablefmt="simple_grid", maxcolwidths=[None, 44, 16, 32, 24]))
        uit.append("Zelf proberen: " + wat_als_opdracht(casuspad, z.voorstellen[0].wijzigingen))
        if not z.volledig:
            uit.append("Niet alle voorstellen zijn getoond.")
    if z.niet_voorgesteld:
        uit.append("Ook van belang, maar door de gemeente niet zelf te veranderen (nooit voorgesteld): "
                   + ", ".join(z.niet_voorgesteld) + ".")
    return uit


def zoekresultaat(z: Zoekresultaat, tussendoel: Zoekresultaat | None, casuspad: str) -> str:
    uit = [_kop(f"Wat moet er veranderen: {z.casus}")] + _zoekblok(z, casuspad)
    if tussendoel is not None:
        uit += ["", _kop(f"Eerstvolgende stap: {tussendoel.doel_tekst}")] + _zoekblok(tussendoel, casuspad)
    return "\n".join(uit) + "\n"
