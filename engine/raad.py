# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De rol van de raad bij een besluit, één keer afgeleid uit de tabel `raad` van het regelpakket.

Per handeling (aangaan, toetreden, voortzetten, wijzigen, beëindigen, niet aangaan), soort vorm en geldsituatie
zegt de tabel wat de raad doet: toestemming geven (Wgr), wensen en bedenkingen uiten (Gemeentewet), een
begrotingswijziging vaststellen (budgetrecht), of alleen geïnformeerd worden; elk met het wetsartikel uit de
tabel `wetsartikelen`. Beslispunten, de juridische paragraaf, de communicatie en de webpagina gebruiken alleen
deze uitkomst, zodat geen stuk zegt dat de raad beslist terwijl een beslispunt hem alleen informeert.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .advies import Raadspunt, Raadsrol
from .casus import Casus
from .vormen import VORM_SOORT
from .regels import Advieswoord, Regelpakket, citeer_artikel

if TYPE_CHECKING:
    from .advies import Advies

INFORMEREN = "informeren"


def handeling(advies: "Advies", casus: Casus) -> str:
    """Wat het college met dit advies besluit, in de woorden van de tabel."""
    if advies.advies == Advieswoord.onvoldoende_informatie:
        return "geen_besluit"
    if casus.fase.value == "voorstel":
        if advies.advies.negatief:
            return "niet_aangaan"
        return "toetreden" if casus.toetreding is not None and casus.toetreding.value == "ja" else "aangaan"
    if advies.advies.negatief:
        return "beeindigen"
    if any(v.wijzigt_regeling for v in advies.voorwaarden_uitgewerkt):
        return "wijzigen"
    return "voortzetten"


def _past(soorten: list[str], vorm: str | None) -> bool:
    if not soorten:
        return True
    if vorm is None:
        return False
    soort = VORM_SOORT.get(vorm)
    return vorm in soorten or (soort is not None and soort.value in soorten)


def citeer(artikelen: list) -> str | None:
    """'art. 1, tweede tot en met vijfde lid, Wgr; art. 160, tweede en derde lid, Gemeentewet': de leden van één
    artikel samen."""
    per: dict[tuple[str, str], list[int]] = {}
    for a in artikelen:
        per.setdefault((a.kort, a.artikel), []).extend(a.leden)
    return "; ".join(citeer_artikel(kort, artikel, leden) for (kort, artikel), leden in per.items()) or None


def raadsrol(pakket: Regelpakket, casus: Casus, advies: "Advies") -> Raadsrol:
    kop = pakket.kop
    doe = handeling(advies, casus)
    vorm = casus.juridische_vorm.value if casus.juridische_vorm and casus.juridische_vorm.value != "onbekend" else None
    begrotingswijziging = (casus.onderbouwing.dekking is not None
                           and casus.onderbouwing.dekking.value == "begrotingswijziging_nodig")
    # rollen die een voorwaarde van de raad vraagt (zoals wensen en bedenkingen bij een art. 160-toets)
    provincie = any(p.soort is not None and p.soort.value == "provincie" for p in casus.partners or ())
    gevraagd = {pakket.regel(r).regel.raad for v in advies.voorwaarden_uitgewerkt for r in v.regels
                if pakket.regel(r).regel.raad}
    rijen = []
    for rij in kop.raad:
        if rij.geld == "begrotingswijziging" and not begrotingswijziging:
            continue
        if not _past(rij.soort, vorm) or (rij.provincie != "elk" and (rij.provincie == "ja") != provincie):
            continue
        if doe in rij.handeling or (rij.rol in gevraagd and doe != "geen_besluit"):
            rijen.append(rij)
    if any(r.beslist for r in rijen):
        rijen = [r for r in rijen if r.rol != INFORMEREN]
    punten = []
    for rij in {id(r): r for r in rijen}.values():
        artikelen = [kop.wetsartikelen[a] for a in rij.artikelen if a in kop.wetsartikelen]
        punten.append(Raadspunt.model_construct(
            rol=rij.rol, beslist=rij.beslist,
            beslispunt=" ".join(rij.beslispunt.replace("{naam}", casus.naam).split()),
            uitleg=" ".join(rij.uitleg.split()),
            artikel=citeer(artikelen)))
    return Raadsrol.model_construct(handeling=doe, beslist=any(p.beslist for p in punten), punten=punten)
