"""De juridische vormen op één plek: tot welke familie een vorm behoort (Wgr, privaatrechtelijk, overeenkomst,
informeel), of zij naar het BBV een verbonden partij oplevert en in welke groep van de paragraaf, en wat de Wgr
van een regeling vraagt. De vormtoets, de rol van de raad, het collegevoorstel, de Wgr-controle van het overzicht
en de paragraaf verbonden partijen lezen allemaal deze tabel; een wijziging van de Wgr of het BBV is één wijziging
hier (en in de teksten van het pakket, `wet_per_vorm`).

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


VORMEN: dict[str, Vorm] = {
    # een gemeenschappelijk orgaan is geen rechtspersoon, maar kan wel een verbonden partij zijn
    "openbaar_lichaam": Vorm(VormSoort.wgr, "gr"),
    "gemeenschappelijk_orgaan": Vorm(VormSoort.wgr, "gr"),
    "bedrijfsvoeringsorganisatie": Vorm(VormSoort.wgr, "gr"),
    "centrumregeling": Vorm(VormSoort.wgr),  # de taak ligt bij één gemeente: geen eigen organisatie
    "regeling_zonder_meer": Vorm(VormSoort.wgr),
    "stichting": Vorm(VormSoort.privaatrechtelijk, "stichting"),
    "vereniging": Vorm(VormSoort.privaatrechtelijk, "stichting"),
    "vennootschap": Vorm(VormSoort.privaatrechtelijk, "vennootschap"),
    "dienstverleningsovereenkomst": Vorm(VormSoort.overeenkomst),
    "convenant": Vorm(VormSoort.overeenkomst),
    "netwerk": Vorm(VormSoort.informeel),
    "nog_te_kiezen": Vorm(VormSoort.nog_te_kiezen),
}

VORM_SOORT: dict[str, VormSoort] = {naam: v.soort for naam, v in VORMEN.items()}
# de vormen die naar het BBV doorgaans een verbonden partij zijn, en hun groep in de paragraaf
CATEGORIE_VAN_VORM: dict[str, str] = {naam: v.bbv for naam, v in VORMEN.items() if v.bbv}
VORMEN_VERBONDEN_PARTIJ: tuple[str, ...] = tuple(CATEGORIE_VAN_VORM)
BBV_CATEGORIEEN = (("gr", "Gemeenschappelijke regelingen"), ("vennootschap", "Vennootschappen en coöperaties"),
                   ("stichting", "Stichtingen en verenigingen"), ("overig", "Overige verbonden partijen"))
# Wat de Wgr (sinds 2022) van elke regeling vraagt, met het veld van de casus dat zegt of het geregeld is; de
# teksten voor het collegevoorstel staan in het pakket (collegevoorstel.wet_per_vorm)
WGR_PUNTEN = (("zienswijzen", "zienswijze_raad"), ("evaluatie", "evaluatie_afgesproken"),
              ("uittreding", "uittredingsregeling"), ("burgerparticipatie", "burgerparticipatie"))
