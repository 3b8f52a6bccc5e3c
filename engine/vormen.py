# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De juridische vormen op één plek: tot welke familie een vorm behoort (Wgr, privaatrechtelijk, overeenkomst,
informeel), of zij naar het BBV een verbonden partij oplevert en in welke groep van de paragraaf, en wat de Wgr
van een regeling vraagt. De vormtoets, de rol van de raad, het collegevoorstel, de Wgr-controle van het overzicht
en de paragraaf verbonden partijen lezen allemaal deze tabel; een wijziging van de Wgr of het BBV is één wijziging
hier. Wat de wet per vorm vraagt en welk veld van de casus zegt of het geregeld is, staat in het pakket
(`collegevoorstel.wet_per_vorm`, met bron); `wgr_punten` leest dat voor de Wgr-controle van het overzicht en de
paragraaf, zodat het collegevoorstel en het overzicht dezelfde punten noemen.

Bronnen: Wet gemeenschappelijke regelingen (art. 1, 8, 9, 10; de vormen openbaar lichaam, gemeenschappelijk orgaan,
bedrijfsvoeringsorganisatie, centrumregeling en regeling zonder meer), Gemeentewet art. 160 (deelname in een
privaatrechtelijke rechtspersoon) en BBV art. 1 en 15 (verbonden partij: een bestuurlijk én een financieel belang),
zoals samengevat in het pakket (bronnen `wgr` en `verbonden-partijen`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .casus import VormSoort


@dataclass(frozen=True)
class Vorm:
    soort: VormSoort
    bbv: str | None = None  # de groep in de paragraaf verbonden partijen; None: geen eigen organisatie
    bron: str = ""  # het wetsartikel waarop de vorm en zijn familie berusten


VORMEN: dict[str, Vorm] = {
    # een gemeenschappelijk orgaan is geen rechtspersoon, maar kan wel een verbonden partij zijn
    "openbaar_lichaam": Vorm(VormSoort.wgr, "gr", "Wgr art. 8 lid 1"),
    "gemeenschappelijk_orgaan": Vorm(VormSoort.wgr, "gr", "Wgr art. 8 lid 2"),
    "bedrijfsvoeringsorganisatie": Vorm(VormSoort.wgr, "gr", "Wgr art. 8 lid 3"),
    # de taak ligt bij één gemeente: geen eigen organisatie, dus naar het BBV geen verbonden partij
    "centrumregeling": Vorm(VormSoort.wgr, None, "Wgr art. 8 lid 4"),
    "regeling_zonder_meer": Vorm(VormSoort.wgr, None, "Wgr art. 1"),
    "stichting": Vorm(VormSoort.privaatrechtelijk, "stichting", "Gemeentewet art. 160 lid 1 onder e; BBV art. 1"),
    "vereniging": Vorm(VormSoort.privaatrechtelijk, "stichting", "Gemeentewet art. 160 lid 1 onder e; BBV art. 1"),
    "vennootschap": Vorm(VormSoort.privaatrechtelijk, "vennootschap",
                         "Gemeentewet art. 160 lid 1 onder e; BBV art. 1"),
    "dienstverleningsovereenkomst": Vorm(VormSoort.overeenkomst, None, "Burgerlijk Wetboek boek 7 (overeenkomst)"),
    "convenant": Vorm(VormSoort.overeenkomst, None, "Burgerlijk Wetboek boek 6 (overeenkomst)"),
    "netwerk": Vorm(VormSoort.informeel, None, "geen wettelijke grondslag nodig"),
    "nog_te_kiezen": Vorm(VormSoort.nog_te_kiezen),
}

VORM_SOORT: dict[str, VormSoort] = {naam: v.soort for naam, v in VORMEN.items()}
# de vormen die naar het BBV doorgaans een verbonden partij zijn, en hun groep in de paragraaf
CATEGORIE_VAN_VORM: dict[str, str] = {naam: v.bbv for naam, v in VORMEN.items() if v.bbv}
VORMEN_VERBONDEN_PARTIJ: tuple[str, ...] = tuple(CATEGORIE_VAN_VORM)
BBV_CATEGORIEEN = (("gr", "Gemeenschappelijke regelingen"), ("vennootschap", "Vennootschappen en coöperaties"),
                   ("stichting", "Stichtingen en verenigingen"), ("overig", "Overige verbonden partijen"))


def wgr_punten(pakket) -> list[tuple[str, str]]:
    """Wat de Wgr van een regeling vraagt en de casus kan nagaan: (naam, veld) per punt uit het pakket
    (`collegevoorstel.wet_per_vorm.wgr`, de punten met een `veld`), in de volgorde van het pakket."""
    return [(p.kolom, p.veld) for p in pakket.kop.collegevoorstel.wet_per_vorm.get("wgr", []) if p.veld and p.kolom]
