# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Domeinfouten: één klasse per soort fout die een gebruiker kan veroorzaken.

De CLI zet ze om in een Nederlandse melding en een exitcode: 2 voor invoer die niet klopt,
1 voor een fout in het programma zelf. Geen enkele fout bereikt de gebruiker als traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Melding:
    """Eén concreet probleem in een bestand: waar het zit en wat eraan te doen is."""

    bestand: str
    tekst: str
    regel: int | None = None
    veld: str | None = None

    def __str__(self) -> str:
        plaats = self.bestand
        if self.regel is not None:
            plaats += f", regel {self.regel}"
        if self.veld:
            plaats += f", veld '{self.veld}'"
        return f"{plaats}: {self.tekst}"


class Fout(Exception):
    """Basis voor alle fouten die de gebruiker te zien krijgt."""

    exitcode = 1

    def __init__(self, tekst: str, meldingen: list[Melding] | None = None):
        super().__init__(tekst)
        self.tekst = tekst
        self.meldingen = list(meldingen or [])

    def __str__(self) -> str:
        if not self.meldingen:
            return self.tekst
        regels = [self.tekst] + [f"  - {m}" for m in self.meldingen]
        return "\n".join(regels)


class InvoerFout(Fout):
    """De invoer van de gebruiker klopt niet; er is niets berekend of geschreven."""

    exitcode = 2


class BestandFout(InvoerFout):
    """Een bestand bestaat niet, is een map, is leeg of is geen leesbare tekst."""


class YamlFout(InvoerFout):
    """Een bestand is geen geldige YAML."""


class CasusFout(InvoerFout):
    """Een casusbestand voldoet niet aan het casusformaat."""


class RegelpakketFout(InvoerFout):
    """Een regelpakket is onvolledig of tegenstrijdig."""


class EngineFout(Fout):
    """Er ging iets mis in de beslisengine zelf: geen advies in plaats van een leeg advies."""

    exitcode = 1
