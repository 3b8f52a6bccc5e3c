"""De praktijkset: echte samenwerkingen uit openbare bronnen, met het besluit dat werkelijk genomen is.

Elke casus staat in tests/praktijk/casussen/, zijn herkomst (titel, adres, uitgever, jaar, besluit,
verwacht_advies, velden, extra_bronnen) in tests/praktijk/herkomst/ onder dezelfde naam. Casus en
verwacht advies zijn geschreven voordat de toets erop draaide.

Een casus waarvan de bronnen een kernvraag van het pakket open laten, is *onvolledig*: daar hoort de
toets geen advies te raden. Zulke casussen tellen niet mee in de overeenstemming, maar de toets mag er
ook geen ander advies geven dan het besluit: 'onvoldoende informatie' of het besluit zelf.
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


@dataclass(frozen=True)
class Uitkomst:
    naam: str
    verwacht: Advieswoord
    advies: Advieswoord
    volledig: bool
    open_kernvragen: tuple[str, ...]
    herkomst: dict

    @property
    def eens(self) -> bool:
        return self.advies == self.verwacht


def herkomst(naam: str) -> dict:
    return yaml.safe_load((PRAKTIJK / "herkomst" / f"{naam}.yaml").read_text(encoding="utf-8"))


def namen() -> list[str]:
    return sorted(p.stem for p in (PRAKTIJK / "casussen").glob("*.yaml"))


def uitkomsten(beoordelaar: Beoordelaar) -> list[Uitkomst]:
    uit = []
    for naam in namen():
        casus = lees_casus(PRAKTIJK / "casussen" / f"{naam}.yaml")
        bron = herkomst(naam)
        advies = beoordelaar.beoordeel(casus)
        open_vragen = tuple(v for v, _ in beoordelaar.open_kernvragen(feiten_van(casus)))
        uit.append(Uitkomst(naam=naam, verwacht=Advieswoord(bron["verwacht_advies"]), advies=advies.advies,
                            volledig=not open_vragen, open_kernvragen=open_vragen, herkomst=bron))
    return uit


def overeenstemming(lijst: list[Uitkomst]) -> float:
    volledig = [u for u in lijst if u.volledig]
    return sum(u.eens for u in volledig) / len(volledig) if volledig else 0.0


def verslag(lijst: list[Uitkomst]) -> str:
    volledig = [u for u in lijst if u.volledig]
    regels = [f"Praktijkset: {len(lijst)} casussen, waarvan {len(volledig)} met beantwoorde kernvragen.",
              f"Exacte overeenstemming met het genomen besluit: {sum(u.eens for u in volledig)} van "
              f"{len(volledig)} ({overeenstemming(lijst):.0%}).", ""]
    for u in lijst:
        teken = "=" if u.eens else ("?" if not u.volledig else "x")
        regels.append(f"{teken} {u.naam}: besluit {u.verwacht.value}, toets {u.advies.value}"
                      + ("" if u.volledig else f" (kernvraag open: {'; '.join(u.open_kernvragen)})"))
    return "\n".join(regels)
