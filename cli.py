"""De opdrachtregel van samenwerkingstoets: inlezen, de engine aanroepen, tonen.

Exitcodes: 0 klaar, 2 invoer klopt niet (melding met bestand, regel en veld), 1 interne fout.
"""

from __future__ import annotations

import functools
import os
import sys

import click

import clitekst
from engine.beoordelen import Beoordelaar
from engine.casus import suggestie
from engine.fouten import Fout, InvoerFout
from engine.laden import STANDAARDPAKKET, lees_casus, lees_regelpakket
from engine.weergave import json as json_weergave
from engine.weergave import tabel as tabel_weergave
from engine.weergave import toon_advies

clitekst.installeer()  # vóór de eerste opdracht: click bewaart sommige teksten per opdracht

HULP = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
OPTIES = "[OPTIES]"


def fouten_naar_exitcode(opdracht):
    """Zet domeinfouten om in een Nederlandse melding op stderr en de juiste exitcode."""

    @functools.wraps(opdracht)
    def omhulsel(*args, **kwargs):
        try:
            return opdracht(*args, **kwargs)
        except Fout as fout:
            click.echo(f"Fout: {fout}", err=True)
            raise click.exceptions.Exit(fout.exitcode) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as fout:  # een fout in het programma zelf: nooit een traceback
            if os.environ.get("SAMENWERKINGSTOETS_DEBUG"):
                raise
            click.echo(f"Interne fout: {type(fout).__name__}: {fout}\n"
                       "Dit is een fout in samenwerkingstoets, niet in uw invoer. Meld hem met de "
                       "opdracht die u gaf (zet SAMENWERKINGSTOETS_DEBUG=1 voor details).", err=True)
            raise click.exceptions.Exit(1) from None

    return omhulsel


regels_optie = click.option(
    "--regels", "regelpad", default=str(STANDAARDPAKKET), show_default="rules/alkmaar",
    metavar="PAD", help="Map van het regelpakket (met pack.yaml).")


@click.group(context_settings=HULP, options_metavar=OPTIES, subcommand_metavar="OPDRACHT [ARGUMENTEN]...")
@click.version_option(package_name="samenwerkingstoets", prog_name="samenwerkingstoets",
                      help="Toon de versie en stop.")
def cli():
    """Toetst een regionale samenwerking aan de visie van de gemeente en geeft een advies
    (aangaan, voortzetten of beëindigen) met voorwaarden en bronnen.
    """


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Beoordeel een casus en toon het advies.")
@click.argument("casus", metavar="CASUS")
@click.option("--formaat", type=click.Choice(["tabel", "json", "markdown"]), default="tabel",
              show_default=True, help="Vorm van de uitvoer.")
@regels_optie
@fouten_naar_exitcode
def beoordeel(casus, formaat, regelpad):
    """Beoordeel één casusbestand (YAML) en toon het advies.

    \b
    Voorbeeld:
      samenwerkingstoets beoordeel cases/regionale-inkoop-jeugdzorg.yaml
      samenwerkingstoets beoordeel cases/regionale-inkoop-jeugdzorg.yaml --formaat json
    """
    pakket = lees_regelpakket(regelpad)
    advies = Beoordelaar(pakket).beoordeel(lees_casus(casus))
    click.echo(toon_advies(advies, formaat), nl=False)


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Toon de regels van het regelpakket.")
@click.option("--criterium", metavar="CODE", help="Alleen de regels van dit criterium, bijvoorbeeld VIS-OL1.")
@click.option("--dekking", is_flag=True,
              help="Toon per criterium hoeveel regels het dekken; exitcode 1 als een criterium geen regel heeft.")
@click.option("--formaat", type=click.Choice(["tabel", "json"]), default="tabel", show_default=True,
              help="Vorm van de uitvoer.")
@regels_optie
@fouten_naar_exitcode
def regels(criterium, dekking, formaat, regelpad):
    """Toon de regels van het regelpakket met criterium, effect en bron.

    \b
    Voorbeeld:
      samenwerkingstoets regels --criterium VIS-OL1
      samenwerkingstoets regels --dekking
    """
    pakket = lees_regelpakket(regelpad)
    weergave = json_weergave if formaat == "json" else tabel_weergave
    if dekking:
        rijen = pakket.dekking()
        click.echo(weergave.dekking(rijen, pakket), nl=False)
        if any(n == 0 for *_, n in rijen):
            raise click.exceptions.Exit(1)
        return
    gekozen = list(pakket.regels)
    if criterium:
        if criterium not in pakket.kop.criteria:
            raise InvoerFout(f"Criterium '{criterium}' bestaat niet in regelpakket {pakket.naam}."
                             f"{suggestie(criterium, pakket.kop.criteria)}")
        gekozen = [r for r in gekozen if r.regel.criterium == criterium]
    click.echo(weergave.regels(gekozen, pakket), nl=False)


def main() -> None:
    sys.exit(cli.main(prog_name="samenwerkingstoets"))


if __name__ == "__main__":
    main()
