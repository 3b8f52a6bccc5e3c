"""Het advies als Markdown: plakt schoon in een notitie of collegevoorstel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabulate import tabulate

from ..advies import Advies
from ..casus import label
from ..regels import EFFECT_VOLGORDE, Advieswoord
from ..waarden import toon
from ..waarden import toon_waarde

if TYPE_CHECKING:
    from ..watals import Vergelijking, Zoekresultaat
from .tabel import KOPJES, bandbreedte_tekst, beeindigen_kop, factorrijen, uitzoekregels, vergelijkingsrijen, voorwaarden_kop


def _cel(tekst: str) -> str:
    return " ".join(str(tekst).split()).replace("|", "\\|")


def advies(advies: Advies) -> str:
    pakket = advies.regelpakket
    uit = [f"# Samenwerkingstoets: {advies.casus}", ""]
    if advies.variant:
        uit.append(f"- Variant: {advies.variant}")
    uit += [f"- Fase: {advies.fase.value}",
           f"- Perspectief: {advies.perspectief}"]
    if advies.peildatum:
        uit.append(f"- Peildatum: {advies.peildatum.isoformat()}")
    uit += [f"- Regelpakket: {pakket.naam} {pakket.versie} (geldig vanaf {pakket.geldig_vanaf.isoformat()})", "",
            f"## Advies: {advies.advies_tekst}", "", advies.beslisregel, "", bandbreedte_tekst(advies), ""]
    if advies.advies == Advieswoord.onvoldoende_informatie:
        uit += ["## Eerst uitzoeken", ""] + uitzoekregels(advies) + [""]
    if advies.bij_beeindigen and advies.advies in (Advieswoord.beeindigen, Advieswoord.niet_aangaan):
        uit += [f"## {beeindigen_kop(advies)}", ""] + [f"{i}. {v}" for i, v in enumerate(advies.bij_beeindigen, 1)] + [""]
    if advies.voorwaarden:
        uit += [f"## {voorwaarden_kop(advies)}", ""] + [f"{i}. {v}" for i, v in enumerate(advies.voorwaarden, 1)] + [""]
    uit += ["## Bevindingen", ""]
    for effect in EFFECT_VOLGORDE:
        groep = [b for b in advies.bevindingen if b.effect == effect]
        if not groep:
            continue
        uit += [f"### {KOPJES[effect.value]} ({len(groep)})", ""]
        rijen = [[b.criterium, f"`{b.regel}`", _cel(b.uitleg), _cel(b.bron.tekst)] for b in groep]
        uit += [tabulate(rijen, headers=["Criterium", "Regel", "Uitleg", "Bron"], tablefmt="github"), ""]
    uit += ["## Succesfactoren", "",
            tabulate(factorrijen(advies), headers=["Factor", "", "Eigen scan", "Laagste partner"], tablefmt="github"),
            ""]
    uit += ["## Waarom geen ander advies", ""] + [f"- **{w.advies_tekst}**: {w.reden}" for w in advies.waarom_niet]
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    uit += ["", "## Nog te achterhalen", ""]
    if veranderend:
        for o in veranderend:
            gevolgen = "; ".join(f"{toon(w)}: {a.tekst}" for w, a in o.advies_per_waarde.items())
            uit.append(f"- {_cel(label(o.veld))}: {gevolgen}")
    else:
        uit.append("Geen onbekend feit kan dit advies nog veranderen.")
    return "\n".join(uit) + "\n"


def vergelijking(v: Vergelijking) -> str:
    kop, rijen = vergelijkingsrijen(v, streep="–")
    rijen = [[_cel(c).replace("\n", "<br>") for c in rij] for rij in rijen]
    uit = ["# Vergelijking", "", tabulate(rijen, headers=[_cel(k) for k in kop], tablefmt="github"), ""]
    for k in v.kolommen:
        if k.variant_omschrijving:
            uit.append(f"- **{k.label}**: {k.variant_omschrijving}")
    return "\n".join(uit) + "\n"


def zoekresultaat(z: Zoekresultaat, tussendoel: Zoekresultaat | None, casuspad: str) -> str:
    uit = [f"# Wat moet er veranderen: {z.casus}", ""]
    for resultaat in [z] + ([tussendoel] if tussendoel else []):
        uit += [f"## Doel: {resultaat.doel_tekst}", "", f"Huidig advies: {resultaat.huidig_advies.tekst}. "
                f"{resultaat.toelichting}", ""]
        for i, v in enumerate(resultaat.voorstellen, 1):
            acties = "; ".join(f"{a.tekst} ({a.inspanning.value})" for a in v.acties)
            wijz = ", ".join(f"`{p}={toon_waarde(w)}`" for p, w in v.wijzigingen.items())
            uit.append(f"{i}. {acties}: geeft **{v.advies_tekst}** ({wijz}); verdwijnen: "
                       f"{', '.join(v.verdwenen) or '-'}")
        uit.append("")
    return "\n".join(uit)


def collegeadvies(document) -> bytes:
    """Het collegevoorstel als Markdown; de grafiek staat er als tabel (de scores), zodat het schoon plakt."""
    from .collegeadvies import Alinea, Grafiek, Kop, Lijst, Tabel

    uit = [f"# {document.titel}", ""]
    for blok in document.blokken:
        if isinstance(blok, Kop):
            uit += [f"{'#' * (blok.niveau + 1)} {blok.tekst}", ""]
        elif isinstance(blok, Alinea):
            uit += [blok.tekst, ""]
        elif isinstance(blok, Lijst):
            uit += [(f"{i}. " if blok.genummerd else "- ") + item for i, item in enumerate(blok.items, 1)] + [""]
        elif isinstance(blok, Tabel):
            rijen = [[_cel(c) for c in rij] for rij in blok.rijen]
            uit += [tabulate(rijen, headers=[_cel(k) for k in blok.kop], tablefmt="github"), ""]
        elif isinstance(blok, Grafiek):
            uit += [f"*{blok.titel}: zie de tabel hieronder.*", ""]
    uit += ["---", ""] + [f"{regel}  " for regel in document.stempel.regels()] + [""]
    return "\n".join(uit).encode("utf-8")
