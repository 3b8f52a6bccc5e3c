# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De woordenlijsten van een regelpakket: de woorden waarmee een gemeente haar regio's, thema's, doelen en rollen
noemt, en haar eigen ja/nee-vragen.

Het casusmodel (casus.py) kent alleen de structuur: dát er een veld `schaal` is met één woord, en een veld
`themas` met een lijst woorden. Welke woorden daar mogen staan, zegt het pakket in `woordenlijsten:` in
pack.yaml, met per woord een label en een uitleg voor de adviseur. Zo kan een gemeente in Twente haar eigen regio
noemen, zonder dat er code verandert. Validatie, meldingen met suggesties, het intakeformulier, het JSON-schema en
de woordentabel (`samenwerkingstoets pakket woorden`) lezen deze lijsten.
"""

import functools
import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

# De velden van het casusmodel waarvan het pakket de woorden geeft: lijstnaam -> (veldpad, één woord of een lijst).
LIJSTEN: dict[str, tuple[str, str]] = {
    "schaal": ("schaal", "woord"),
    "themas": ("themas", "woorden"),
    "strategische_doelen": ("doelen.strategisch", "woorden"),
    "uitvoerende_doelen": ("doelen.uitvoerend", "woorden"),
    "rollen": ("rol.eigen", "woorden"),
}

# De groepen van een casus waarin een pakket eigen ja/nee-vragen mag zetten.
GROEPEN_MET_VRAGEN = ("opgave", "toegevoegde_waarde", "doelen", "rol", "taak", "onderbouwing", "sturing",
                      "samenwerking")

MACHINEWOORD = r"^[a-z][a-z0-9_]{0,59}$"
_VRAAGVELD = re.compile(r"^(" + "|".join(GROEPEN_MET_VRAGEN) + r")\.([a-z][a-z0-9_]{0,59})$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


Tekst = Annotated[str, Field(min_length=1, max_length=500)]


class Woord(_Model):
    """Eén woord uit een lijst: hoe de lezer het ziet en wat het betekent."""

    label: Tekst = Field(description="het woord zoals een lezer het ziet, zoals 'Regio Alkmaar'")
    uitleg: Tekst = Field(description="wat het woord betekent, voor de adviseur die de casus invult")


class Vraag(_Model):
    """Een ja/nee-vraag die alleen dit pakket stelt, zoals de verbinding met een naburige metropoolregio."""

    vraag: Tekst = Field(description="de vraag, zoals 'Verbindt de samenwerking NHN met de MRA?'")
    uitleg: Tekst = Field(description="wat de vraag bedoelt en waarom het pakket haar stelt")
    gunstig: Literal["ja", "nee", "geen"] = Field(
        default="geen", description="welk antwoord gunstiger is voor het advies (voor de bandbreedte); "
                                    "'geen' als geen van beide")


Lijst = Annotated[dict[Annotated[str, Field(pattern=MACHINEWOORD)], Woord], Field(min_length=1, max_length=200)]


class Woordenlijsten(_Model):
    """`woordenlijsten:` in pack.yaml."""

    schaal: Lijst = Field(description="de schalen waarop samengewerkt wordt: lokaal, de eigen regio's, landelijk")
    themas: Lijst = Field(description="de thema's van samenwerkingen")
    strategische_doelen: Lijst = Field(description="de strategische doelen uit het beleid van de gemeente")
    uitvoerende_doelen: Lijst = Field(description="de uitvoeringsdoelen uit het beleid van de gemeente")
    rollen: Lijst = Field(description="de rollen die de eigen gemeente kan hebben")
    vragen: dict[Annotated[str, Field(pattern=_VRAAGVELD.pattern)], Vraag] = Field(
        default_factory=dict, max_length=50,
        description="eigen ja/nee-vragen, met het veld waar ze in de casus staan (zoals rol.verbinding_mra)")

    _sleutel: str = PrivateAttr(default="")

    @model_validator(mode="after")
    def _geen_onbekend(self) -> "Woordenlijsten":
        for naam in LIJSTEN:
            if "onbekend" in getattr(self, naam):
                raise ValueError(f"woordenlijst '{naam}': 'onbekend' staat al in elke lijst (niet bekend); "
                                 "haal het weg")
        return self

    def woorden(self, lijst: str) -> tuple[str, ...]:
        return tuple(getattr(self, lijst))

    def label(self, lijst: str, woord: str) -> str | None:
        gevonden = getattr(self, lijst).get(woord)
        return gevonden.label if gevonden else None

    def vragen_in(self, groep: str) -> dict[str, Vraag]:
        """De eigen vragen van het pakket in één groep: veldnaam -> vraag."""
        return {pad.split(".", 1)[1]: v for pad, v in self.vragen.items() if pad.split(".", 1)[0] == groep}

    @property
    def sleutel(self) -> str:
        """Een vaste tekst voor de inhoud, om catalogi en schema's per woordenlijst te bewaren."""
        if not self._sleutel:
            self._sleutel = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return self._sleutel


@functools.cache
def standaard() -> Woordenlijsten:
    """De woordenlijsten van het meegeleverde pakket: die gelden waar geen pakket genoemd wordt (zoals in een test
    die een casus rechtstreeks maakt)."""
    from .laden import STANDAARDPAKKET, lees_regelpakket
    return lees_regelpakket(STANDAARDPAKKET).woordenlijsten


def uit_context(context: Any) -> Woordenlijsten:
    """De woordenlijsten waarmee een casus gevalideerd wordt: uit de validatiecontext, anders de standaard."""
    gevonden = (context or {}).get("woordenlijsten") if isinstance(context, dict) else None
    return gevonden if isinstance(gevonden, Woordenlijsten) else standaard()
