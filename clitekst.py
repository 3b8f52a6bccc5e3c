# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Nederlandse teksten voor de meldingen die click zelf maakt (hulp, gebruiksfouten).

click vertaalt zijn eigen teksten via gettext (`_` en `ngettext` in zijn modules). Een
.mo-bestand zou alleen werken bij een Nederlandse locale van de gebruiker; daarom zetten we
hier, één keer bij het starten, een vertaler in die modules.
"""

from __future__ import annotations

import importlib

VERTALING = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Typ '{command} {option}' voor hulp.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing command.": "Geef een opdracht.",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Aborted!": "Afgebroken.",
    "argument": "argument",
    "option": "optie",
    "parameter": "parameter",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "integer": "geheel getal",
    "float": "getal",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet beschrijfbaar.",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "unknown error": "onbekende fout",
}

MEERVOUD = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} heeft een waarde nodig.", "Optie {name!r} heeft {nargs} waarden nodig."),
    "Did you mean {possibility}?": ("Bedoelde u {possibility}?", "(Bedoelde u een van: {possibilities}?)"),
    "{value!r} is not {choice}.": ("{value!r} is niet {choice}.", "{value!r} is niet een van {choices}."),
    "{value!r} does not match the format {format}.": (
        "{value!r} is geen datum in de vorm JJJJ-MM-DD.", "{value!r} is geen datum in de vorm JJJJ-MM-DD."),
    "Takes {nargs} values but 1 was given.": (
        "Neemt {nargs} waarden, maar er is er 1 gegeven.", "Neemt {nargs} waarden, maar er zijn er {len} gegeven."),
}


def _vertaal(bericht: str) -> str:
    return VERTALING.get(bericht, bericht)


def _vertaal_meervoud(enkel: str, meer: str, aantal: int) -> str:
    if enkel in MEERVOUD:
        nl_enkel, nl_meer = MEERVOUD[enkel]
        return nl_enkel if aantal == 1 else nl_meer
    return enkel if aantal == 1 else meer


def installeer() -> None:
    """Laat click zijn eigen meldingen in het Nederlands geven."""
    for naam in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils"):
        module = importlib.import_module(f"click.{naam}")
        if hasattr(module, "_"):
            module._ = _vertaal
        if hasattr(module, "ngettext"):
            module.ngettext = _vertaal_meervoud
