# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het advies als Markdown: plakt schoon in een notitie of collegevoorstel.

Alle tekst die deze weergave niet zelf schreef (uit de casus, de varianten en het regelpakket) gaat
door `md`: regeleinden worden spaties, HTML wordt tekst en Markdown-tekens worden letterlijk. Een naam
met '## Beslispunten' of '<!--' kan zo geen kop, besluit of verborgen tekst maken.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from tabulate import tabulate

from ..advies import Advies
from ..casus import label
from ..regels import EFFECT_VOLGORDE, Advieswoord
from ..waarden import toon, toon_waarde, zichtbaar_voor_terminal

if TYPE_CHECKING:
    from ..watals import Vergelijking, Zoekresultaat
from .tabel import (KOPJES, afwegingsregels, bandbreedte_tekst, beeindigen_kop, factorrijen, scharnierregels,
                    uitzoekpunten, vergelijkingsrijen, voorwaarden_kop)


# Tekens die midden in een regel opmaak maken; een kop of lijst kan alleen aan het begin van een regel
# ontstaan, en elke regel begint hier met tekst van de weergave zelf.
_MARKDOWNTEKENS = re.compile(r"([\\`*_\[\]|~])")


def md(tekst: object) -> str:
    """Tekst van buiten veilig in Markdown: één regel, geen HTML, geen opmaak."""
    schoon = " ".join(zichtbaar_voor_terminal(str(tekst)).split())
    return _MARKDOWNTEKENS.sub(r"\\\1", html.escape(schoon, quote=False))


def _cel(tekst: str) -> str:
    return md(tekst)


def advies(advies: Advies) -> str:
    pakket = advies.regelpakket
    uit = [f"# Samenwerkingstoets: {md(advies.casus)}", ""]
    if advies.variant:
        uit.append(f"- Variant: {md(advies.variant)}")
    uit += [f"- Fase: {advies.fase.value}",
           f"- Perspectief: {md(advies.perspectief)}"]
    if advies.peildatum:
        uit.append(f"- Peildatum: {advies.peildatum.isoformat()}")
    uit += [f"- Regelpakket: {pakket.naam} {pakket.versie} (geldig vanaf {pakket.geldig_vanaf.isoformat()})",
            *[f"- Let op: {md(w)}" for w in advies.waarschuwingen], "",
            f"## Advies: {advies.advies_tekst}", "", md(advies.beslisregel), "", md(bandbreedte_tekst(advies)), ""]
    if advies.open_kernvragen:
        uit += ["## Wat het antwoord op de open kernvragen doet", ""] + [
            f"{i}. {md(r)}" for i, r in enumerate(scharnierregels(advies), 1)] + [""]
    if advies.afwegingen:
        uit += ["## Ambtelijke afweging", "", md(f"Advies van het regelpakket: {advies.advies_pakket.tekst}. Na de "
                                                 f"afweging van de adviseur: {advies.advies_tekst}."), ""]
        uit += [f"{i}. {md(r)}" for i, r in enumerate(afwegingsregels(advies), 1)] + [""]
    if advies.advies == Advieswoord.onvoldoende_informatie:
        uit += ["## Eerst uitzoeken", ""] + [f"{i}. {md(r)}" for i, r in enumerate(uitzoekpunten(advies), 1)] + [""]
    if advies.bij_beeindigen and advies.advies.negatief:
        uit += [f"## {beeindigen_kop(advies)}", ""] + [f"{i}. {md(v)}" for i, v in enumerate(advies.bij_beeindigen, 1)] + [""]
    if advies.voorwaarden:
        uit += [f"## {voorwaarden_kop(advies)}", ""] + [f"{i}. {md(v)}" for i, v in enumerate(advies.voorwaarden, 1)] + [""]
    if advies.raad is not None and advies.raad.punten:
        uit += ["## De raad", ""] + [f"{i}. {md(p.beslispunt)}" + (f" ({md(p.artikel)})" if p.artikel else "")
                                     for i, p in enumerate(advies.raad.punten, 1)] + [""]
    uit += ["## Bevindingen", ""]
    for effect in EFFECT_VOLGORDE:
        groep = [b for b in advies.bevindingen if b.effect == effect]
        if not groep:
            continue
        uit += [f"### {KOPJES[effect.value]} ({len(groep)})", ""]
        rijen = [[b.criterium, f"`{b.regel}`", _cel(b.uitleg), _cel(b.bron.tekst)] for b in groep]
        uit += [tabulate(rijen, headers=["Criterium", "Regel", "Uitleg", "Bron"], tablefmt="github"), ""]
    uit += ["## Succesfactoren", "",
            tabulate([[md(c) for c in rij] for rij in factorrijen(advies)], headers=["Factor", "", "Eigen scan", "Laagste partner"], tablefmt="github"),
            ""]
    uit += ["## Waarom geen ander advies", ""] + [f"- **{w.advies_tekst}**: {md(w.reden)}" for w in advies.waarom_niet]
    veranderend = [o for o in advies.ontbrekende_informatie if o.kan_advies_veranderen]
    uit += ["", "## Nog te achterhalen", ""]
    if veranderend:
        for o in veranderend:
            gevolgen = "; ".join(f"{md(toon(w))}: {a.tekst}" for w, a in o.advies_per_waarde.items())
            uit.append(f"- {_cel(label(o.veld))}: {gevolgen}")
    else:
        uit.append("Geen onbekend feit kan dit advies nog veranderen.")
    return "\n".join(uit) + "\n"


def vergelijking(v: Vergelijking) -> str:
    kop, rijen = vergelijkingsrijen(v, streep="–")
    rijen = [["<br>".join(_cel(d) for d in str(c).split("\n")) for c in rij] for rij in rijen]
    uit = ["# Vergelijking", "", tabulate(rijen, headers=[_cel(k) for k in kop], tablefmt="github"), ""]
    for k in v.kolommen:
        if k.variant_omschrijving:
            uit.append(f"- **{md(k.label)}**: {md(k.variant_omschrijving)}")
    return "\n".join(uit) + "\n"


def zoekresultaat(z: Zoekresultaat, tussendoel: Zoekresultaat | None, casuspad: str) -> str:
    uit = [f"# Wat moet er veranderen: {md(z.casus)}", ""]
    for resultaat in [z] + ([tussendoel] if tussendoel else []):
        uit += [f"## Doel: {resultaat.doel_tekst}", "", f"Huidig advies: {resultaat.huidig_advies.tekst}. "
                f"{md(resultaat.toelichting)}", ""]
        for i, v in enumerate(resultaat.voorstellen, 1):
            acties = "; ".join(f"{md(a.tekst)} ({a.inspanning.value})" for a in v.acties)
            wijz = ", ".join(f"`{p}={toon_waarde(w)}`" for p, w in v.wijzigingen.items())
            uit.append(f"{i}. {acties}: geeft **{v.advies_tekst}** ({wijz}); verdwijnen: "
                       f"{', '.join(v.verdwenen) or '-'}")
        uit.append("")
    return "\n".join(uit)


def collegeadvies(document) -> bytes:
    """Het collegevoorstel als Markdown; de grafiek staat er als tabel (de scores), zodat het schoon plakt."""
    from .collegeadvies import Afbeelding, Alinea, Grafiek, Kop, Lijst, Tabel

    uit = [f"# {md(document.titel)}", ""]
    for blok in document.blokken:
        if isinstance(blok, Kop):
            uit += [f"{'#' * (blok.niveau + 1)} {md(blok.tekst)}", ""]
        elif isinstance(blok, Alinea):
            uit += [md(blok.tekst), ""]
        elif isinstance(blok, Lijst):
            uit += [(f"{i}. " if blok.genummerd else "- ") + md(item)
                    for i, item in enumerate(blok.items, blok.start)] + [""]
        elif isinstance(blok, Tabel):
            rijen = [[_cel(c) for c in rij] for rij in blok.rijen]
            uit += [tabulate(rijen, headers=[_cel(k) for k in blok.kop], tablefmt="github"), ""]
        elif isinstance(blok, Grafiek):
            uit += [f"*{md(blok.titel)}: zie de tabel hieronder.*", ""]
        elif isinstance(blok, Afbeelding):
            uit += [f"*{md(blok.titel)}: de grafiek staat in de Word-versie.*", ""]
    uit += ["---", ""] + [f"{md(regel)}  " for regel in document.stempel.regels()] + [""]
    return "\n".join(uit).encode("utf-8")
