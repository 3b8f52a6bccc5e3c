# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De praktijkset: echte samenwerkingen uit openbare bronnen, met het besluit dat werkelijk genomen is.

Elke casus staat in tests/praktijk/casussen/, zijn herkomst (titel, adres, uitgever, jaar, besluit,
verwacht_advies, velden, extra_bronnen en eventueel aanvaardbaar) in tests/praktijk/herkomst/ onder dezelfde
naam. Casus en verwacht advies zijn geschreven voordat de toets erop draaide.

Twee delen, apart gemeten: de *ijkset* (a- tot en met e-), waarop regels na een meting zijn bijgesteld, en de
*nieuwe casussen* (f-), geschreven door iemand die de regels niet kende en niet gebruikt om te ijken. Per casus
telt één uitkomst: exact (het genomen besluit), aanvaardbaar (dezelfde richting, of een advies dat de herkomst
als aanvaardbaar noemt), nog geen advies, of de verkeerde richting (positief tegenover negatief).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from samenwerkingstoets.engine.beoordelen import Beoordelaar
from samenwerkingstoets.engine.feiten import feiten_van
from samenwerkingstoets.engine.laden import lees_casus
from samenwerkingstoets.engine.regels import Advieswoord

PRAKTIJK = Path(__file__).resolve().parent / "praktijk"
HERKOMSTVELDEN = {"titel", "adres", "uitgever", "jaar", "besluit", "verwacht_advies", "velden", "extra_bronnen"}
OPTIONELE_HERKOMSTVELDEN = {"aanvaardbaar"}
NIEUW = ("f-",)  # geschreven na pakketversie 1.3.0, zonder de regels te kennen; niet gebruikt om te ijken
UITKOMSTEN = ("exact", "aanvaardbaar", "geen advies", "verkeerde richting")


@dataclass(frozen=True)
class Uitkomst:
    naam: str
    verwacht: Advieswoord
    advies: Advieswoord
    voorlopig: bool
    open_kernvragen: tuple[str, ...]
    herkomst: dict

    @property
    def eens(self) -> bool:
        return self.advies == self.verwacht

    @property
    def nieuw(self) -> bool:
        return self.naam.startswith(NIEUW)

    @property
    def volledig(self) -> bool:
        return not self.open_kernvragen

    @property
    def soort(self) -> str:
        if self.advies == Advieswoord.onvoldoende_informatie:
            return "geen advies"
        if self.eens:
            return "exact"
        if self.advies.negatief != self.verwacht.negatief:
            return "verkeerde richting"
        return "aanvaardbaar"


def herkomst(naam: str) -> dict:
    return yaml.safe_load((PRAKTIJK / "herkomst" / f"{naam}.yaml").read_text(encoding="utf-8"))


def namen() -> list[str]:
    return sorted(p.stem for p in (PRAKTIJK / "casussen").glob("*.yaml"))


def uitkomsten(beoordelaar: Beoordelaar, nieuw: bool | None = None) -> list[Uitkomst]:
    """De uitkomsten van de hele set, of alleen van de ijkset (nieuw=False) of de nieuwe casussen (nieuw=True)."""
    uit = []
    for naam in namen():
        if nieuw is not None and naam.startswith(NIEUW) != nieuw:
            continue
        casus = lees_casus(PRAKTIJK / "casussen" / f"{naam}.yaml")
        bron = herkomst(naam)
        advies = beoordelaar.beoordeel(casus)
        open_vragen = tuple(v for v, _ in beoordelaar.open_kernvragen(feiten_van(casus)))
        uit.append(Uitkomst(naam=naam, verwacht=Advieswoord(bron["verwacht_advies"]), advies=advies.advies,
                            voorlopig=advies.voorlopig, open_kernvragen=open_vragen, herkomst=bron))
    return uit


def telling(lijst: list[Uitkomst]) -> dict[str, int]:
    return {s: sum(u.soort == s for u in lijst) for s in UITKOMSTEN}


def overeenstemming(lijst: list[Uitkomst]) -> float:
    """Het aandeel exact, van de casussen waar de toets een advies gaf (ook een voorlopig advies)."""
    met_advies = [u for u in lijst if u.soort != "geen advies"]
    return sum(u.eens for u in met_advies) / len(met_advies) if met_advies else 0.0


def _deel(titel: str, lijst: list[Uitkomst]) -> list[str]:
    t = telling(lijst)
    met_advies = len(lijst) - t["geen advies"]
    regels = [f"{titel}: {len(lijst)} casussen. Exact {t['exact']}, aanvaardbaar {t['aanvaardbaar']}, nog geen "
              f"advies {t['geen advies']}, verkeerde richting {t['verkeerde richting']}.",
              f"Exact waar een advies gegeven is: {t['exact']} van {met_advies} ({overeenstemming(lijst):.0%}); "
              f"nog geen advies: {t['geen advies'] / len(lijst) if lijst else 0:.0%}.", ""]
    teken = {"exact": "=", "aanvaardbaar": "~", "geen advies": "?", "verkeerde richting": "x"}
    for u in lijst:
        regels.append(f"{teken[u.soort]} {u.naam}: besluit {u.verwacht.value}, toets "
                      f"{'voorlopig ' if u.voorlopig else ''}{u.advies.value}"
                      + (f" (kernvraag open: {'; '.join(u.open_kernvragen)})" if u.open_kernvragen else ""))
    return regels


def verslag(lijst: list[Uitkomst]) -> str:
    ijk = [u for u in lijst if not u.nieuw]
    nieuw = [u for u in lijst if u.nieuw]
    regels = _deel("IJkset (a- tot en met e-)", ijk) if ijk else []
    if nieuw:
        regels += [""] + _deel("Nieuwe casussen (f-), niet gebruikt om te ijken", nieuw)
    return "\n".join(regels)
