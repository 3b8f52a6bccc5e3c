# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De opdrachtregel van samenwerkingstoets: inlezen, de engine aanroepen, tonen.

Exitcodes: 0 klaar, 2 invoer klopt niet (melding met bestand, regel en veld), 1 interne fout.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
import unicodedata
from pathlib import Path
from typing import Iterator

# De opdrachtregel is een kort proces. Bij het starten maken pydantic en de engine tienduizenden objecten die
# blijven bestaan; de opruimer van Python loopt daar met de standaarddrempel (700 nieuwe objecten) tientallen keren
# langs, wat bij 'beoordeel' een tiende van de starttijd kost. Met een ruimere drempel loopt hij minder vaak;
# kringen worden nog steeds opgeruimd. De webserver zet de standaard terug (zie web). Gemeten: scripts/benchmark.py.
STANDAARD_OPRUIMDREMPEL = gc.get_threshold()
gc.set_threshold(100_000, *STANDAARD_OPRUIMDREMPEL[1:])

import click  # na de drempel: ook het laden van de bibliotheken telt

from . import clitekst
from .engine.beoordelen import Beoordelaar
from .engine.casus import suggestie
from .engine.fouten import Fout, InvoerFout
from .engine.laden import STANDAARDPAKKET, lees_casus_met_pakket, lees_regelpakket, pakket_voor
from .engine.regels import Advieswoord
from .engine.schrijven import kies_formaat, schrijf
from .engine.waarden import aantal, fragment, zichtbaar_voor_terminal
from .engine.weergave import WEERGAVEN, toon_advies
from .engine.weergave import json as json_weergave
from .engine.weergave import tabel as tabel_weergave

clitekst.installeer()  # vóór de eerste opdracht: click bewaart sommige teksten per opdracht

HULP = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
OPTIES = "[OPTIES]"


class Datum(click.DateTime):
    """Een datum JJJJ-MM-DD in de jaren die een casus ook kent (1900 tot en met 2200)."""

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def convert(self, value, param, ctx):
        datum = super().convert(value, param, ctx)
        if not 1900 <= datum.year <= 2200:
            self.fail(f"'{value}': het jaar moet tussen 1900 en 2200 liggen.", param, ctx)
        return datum


def fouten_naar_exitcode(opdracht):
    """Zet domeinfouten om in een Nederlandse melding op stderr en de juiste exitcode."""

    @functools.wraps(opdracht)
    def omhulsel(*args, **kwargs):
        try:
            return opdracht(*args, **kwargs)
        except Fout as fout:
            click.echo(f"Fout: {zichtbaar_voor_terminal(str(fout))}", err=True)
            raise click.exceptions.Exit(fout.exitcode) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Afgebroken; er is niets half geschreven.", err=True)
            raise click.exceptions.Exit(130) from None
        except Exception as fout:  # een fout in het programma zelf: nooit een traceback
            if os.environ.get("SAMENWERKINGSTOETS_DEBUG"):
                raise
            click.echo(f"Interne fout: {type(fout).__name__}: {fragment(str(fout), 200)}\n"
                       "Dit is een fout in samenwerkingstoets, niet in uw invoer. Meld hem met de "
                       "opdracht die u gaf (zet SAMENWERKINGSTOETS_DEBUG=1 voor details).", err=True)
            raise click.exceptions.Exit(1) from None

    return omhulsel


regels_optie = click.option(
    "--regels", "regelpad", default=str(STANDAARDPAKKET), show_default="het meegeleverde pakket alkmaar",
    metavar="PAD", help="Map van het regelpakket (met pack.yaml).")


@click.group(context_settings=HULP, options_metavar=OPTIES, subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
             invoke_without_command=True)
@click.version_option(package_name="samenwerkingstoets", prog_name="samenwerkingstoets",
                      help="Toon de versie en stop.")
@click.pass_context
def cli(ctx):
    """Toetst een regionale samenwerking aan de visie van de gemeente en geeft een advies
    (aangaan, voortzetten of beëindigen) met voorwaarden en bronnen.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def _advieswoord(ctx, param, waarde):
    """--doel zoals de uitvoer het schrijft: 'beëindigen', 'voortzetten onder voorwaarden' of het machinewoord."""
    if waarde is None:
        return None
    woord = unicodedata.normalize("NFKD", waarde).encode("ascii", "ignore").decode().strip().lower()
    woord = "_".join(woord.replace("-", " ").split())
    keuzes = [w.value for w in Advieswoord if w != Advieswoord.onvoldoende_informatie]
    if woord not in keuzes:
        raise click.BadParameter(f"'{waarde}' is geen advies; kies uit: {', '.join(keuzes)}."
                                 f"{suggestie(woord, keuzes)}")
    return woord


formaat_optie = click.option("--formaat", type=click.Choice(["tabel", "json", "markdown"]), default="tabel",
                             show_default=True, help="Vorm van de uitvoer.")
wat_als_opties = [
    click.option("--wat-als", "wat_als", multiple=True, metavar="VELD=WAARDE",
                 help="Wijzig een veld, zoals juridische_vorm=centrumregeling (herhaalbaar)."),
    click.option("--variant", "variantpaden", multiple=True, metavar="BESTAND",
                 help="Een variantbestand met naam, omschrijving en de velden die veranderen (herhaalbaar)."),
]


def met_opties(opties):
    def decorator(functie):
        for optie in reversed(opties):
            functie = optie(functie)
        return functie
    return decorator


def lees_varianten(variantpaden, wat_als, woorden=None) -> list:
    """De varianten uit --variant en --wat-als; zonder die opties wordt de wat-als-code niet geladen."""
    if not variantpaden and not wat_als:
        return []
    from .engine.varianten import lees_variant, lees_wat_als

    varianten = [lees_variant(p) for p in variantpaden]
    return varianten + ([lees_wat_als(list(wat_als), woorden)] if wat_als else [])


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Beoordeel een casus en toon het advies.")
@click.argument("casus", metavar="CASUS")
@formaat_optie
@click.option("--volledig", is_flag=True,
              help="Toon alles: ook aandachtspunten, alle sterktes, regels, gebruikte feiten en succesfactoren.")
@met_opties(wat_als_opties)
@regels_optie
@fouten_naar_exitcode
def beoordeel(casus, formaat, volledig, wat_als, variantpaden, regelpad):
    """Beoordeel één casusbestand (YAML) en toon het advies; met --wat-als of --variant het
    advies voor de gewijzigde casus.

    \b
    Voorbeeld:
      samenwerkingstoets beoordeel cases/regionale-inkoop-jeugdzorg.yaml
      samenwerkingstoets beoordeel cases/regionale-inkoop-jeugdzorg.yaml --formaat json
      samenwerkingstoets beoordeel cases/ict-samenwerking-lopend.yaml --wat-als onderbouwing.businesscase=aanwezig
    """
    gelezen, pakket, _ = lees_casus_met_pakket(casus, regelpad)  # de versie van het beleid op de peildatum
    varianten, variant = lees_varianten(variantpaden, wat_als, pakket.woordenlijsten), None
    if varianten:
        from .engine.varianten import met_varianten

        gelezen, variant = met_varianten(gelezen, varianten)
    advies = Beoordelaar(pakket).beoordeel(gelezen, variant=variant)
    click.echo(toon_advies(advies, formaat, volledig), nl=False)


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Vergelijk casussen, varianten of beleid.")
@click.argument("casussen", nargs=-1, required=True, metavar="CASUS...")
@formaat_optie
@met_opties(wat_als_opties)
@click.option("--regels", "regelpaden", multiple=True, metavar="PAD",
              help="Regelpakket (herhaalbaar: dezelfde casus onder ander beleid). Standaard: rules/alkmaar.")
@fouten_naar_exitcode
def vergelijk(casussen, formaat, wat_als, variantpaden, regelpaden):
    """Vergelijk casussen, een casus met zijn varianten, of een casus onder verschillende
    regelpakketten: advies, voorwaarden, tellingen en de bevindingen die verschillen.

    \b
    Voorbeeld:
      samenwerkingstoets vergelijk cases/omgevingsdienst-lopend.yaml cases/regionaal-archief-lopend.yaml
      samenwerkingstoets vergelijk cases/ict-samenwerking-lopend.yaml --wat-als onderbouwing.businesscase=aanwezig
      samenwerkingstoets vergelijk cases/digitale-dienstverlening-voorstel.yaml --regels rules/alkmaar --regels rules/alkmaar-streng
    """
    from .engine.watals import kolommen, vergelijk as vergelijk_kolommen

    paden = regelpaden or [STANDAARDPAKKET]
    # De casussen gelezen met de woorden van het eerste pakket, elk met de versie die op haar peildatum gold
    gelezen = [lees_casus_met_pakket(c, paden[0])[0] for c in casussen]
    beoordelaars = [Beoordelaar(pakket_voor(p, gelezen[0].peildatum)) for p in paden]
    varianten = lees_varianten(variantpaden, wat_als, beoordelaars[0].pakket.woordenlijsten)
    uitkomst = vergelijk_kolommen(kolommen(gelezen, varianten, beoordelaars))
    click.echo(WEERGAVEN[formaat].vergelijking(uitkomst), nl=False)


@cli.command("wat-moet-er-veranderen", context_settings=HULP, options_metavar=OPTIES,
             short_help="Welke wijzigingen geven een ander advies?")
@click.argument("casus", metavar="CASUS")
@click.option("--doel", callback=_advieswoord, metavar="ADVIES",
              help="Het gewenste advies (standaard het beste voor de fase), zoals aangaan of "
                   "'voortzetten onder voorwaarden'.")
@formaat_optie
@regels_optie
@fouten_naar_exitcode
def wat_moet_er_veranderen(casus, doel, formaat, regelpad):
    """Zoek de kleinste sets veldwijzigingen (één, twee of drie velden) die de casus naar het
    gewenste advies brengen. Elk voorstel is opnieuw beoordeeld; feiten van de wereld (zoals
    een wettelijke plicht) worden nooit voorgesteld.

    \b
    Voorbeeld:
      samenwerkingstoets wat-moet-er-veranderen cases/ambtelijke-bedrijfsvoering-zonder-businesscase.yaml
      samenwerkingstoets wat-moet-er-veranderen cases/ict-samenwerking-lopend.yaml --doel voortzetten_onder_voorwaarden
    """
    from .engine.watals import Zoeker, zoek_met_tussendoel

    gelezen, pakket, _ = lees_casus_met_pakket(casus, regelpad)
    resultaat, tussendoel = zoek_met_tussendoel(Zoeker(Beoordelaar(pakket)), gelezen, doel)
    click.echo(WEERGAVEN[formaat].zoekresultaat(resultaat, tussendoel, casus), nl=False)


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Schrijf een concept-collegevoorstel.")
@click.argument("casus", metavar="CASUS")
@click.option("--formaat", type=click.Choice(["markdown", "html", "docx"]),
              help="markdown, html (één printbaar bestand) of docx (Word); standaard afgeleid van de naam "
                   "van -o (.md, .html, .docx).")
@click.option("-o", "--uitvoer", required=True, metavar="BESTAND", help="Het bestand dat geschreven wordt.")
@click.option("--overschrijf", is_flag=True, help="Vervang het bestand als het al bestaat.")
@click.option("--datum", type=Datum(), metavar="JJJJ-MM-DD",
              help="Datum in het stempel (standaard vandaag), voor een reproduceerbaar document.")
@click.option("--sjabloon", metavar="BESTAND",
              help="Het Word-sjabloon van de gemeente (.docx of .dotx): stijlen, marges, kop- en voettekst en "
                   "logo komen daaruit. Standaard: een eenvoudig A4-sjabloon dat met het programma meekomt.")
@met_opties(wat_als_opties)
@regels_optie
@fouten_naar_exitcode
def collegeadvies(casus, formaat, uitvoer, overschrijf, datum, sjabloon, wat_als, variantpaden, regelpad):
    """Schrijf een concept-collegevoorstel (Markdown, HTML of Word) bij het advies voor een casus.
    Met --wat-als of --variant komen de varianten als alternatieven in het voorstel.

    \b
    Voorbeeld:
      samenwerkingstoets collegeadvies cases/omgevingsdienst-lopend.yaml -o voorstel.docx
      samenwerkingstoets collegeadvies cases/omgevingsdienst-lopend.yaml -o voorstel.docx \\
          --sjabloon huisstijl-collegevoorstel.dotx
      samenwerkingstoets collegeadvies cases/ict-samenwerking-lopend.yaml --formaat html -o ict.html \\
          --variant cases/varianten/ict-met-herstelplan.yaml
    """
    from .engine.collegevoorstel import EXTENSIES, lees_sjabloon, maak_collegeadvies  # alleen hier nodig

    formaat = kies_formaat(uitvoer, formaat, EXTENSIES, "voorstel.docx")
    inhoud = maak_collegeadvies(casus, formaat, regelpad, lees_varianten(variantpaden, wat_als),
                                datum.date() if datum else None, lees_sjabloon(sjabloon) if sjabloon else None)
    schrijf(uitvoer, inhoud, overschrijf,
            invoer=(casus, *variantpaden, *((sjabloon,) if sjabloon else ()), *_pakketbestanden(regelpad)))
    click.echo(f"Collegevoorstel geschreven naar {uitvoer}.")


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
        criterium = next((c for c in pakket.kop.criteria if c.lower() == criterium.strip().lower()), criterium)
        if criterium not in pakket.kop.criteria:
            raise InvoerFout(f"Criterium '{criterium}' bestaat niet in regelpakket {pakket.naam}."
                             f"{suggestie(criterium.upper(), pakket.kop.criteria)}")
        gekozen = [r for r in gekozen if r.regel.criterium == criterium]
    click.echo(weergave.regels(gekozen, pakket), nl=False)


@cli.group(context_settings=HULP, options_metavar=OPTIES, subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
           short_help="Gereedschap voor een regelpakket: nieuw, toets, woorden.")
def pakket():
    """Gereedschap voor wie een regelpakket schrijft of onderhoudt.

    \b
    Voorbeeld:
      samenwerkingstoets pakket toets rules/alkmaar
    """


@pakket.command("nieuw", context_settings=HULP, options_metavar=OPTIES, short_help="Maak een nieuw, klein pakket.")
@click.argument("map_", metavar="MAP")
@click.option("--gemeente", required=True, metavar="NAAM", help="De gemeente van het pakket, zoals 'Dronten'.")
@fouten_naar_exitcode
def pakket_nieuw(map_, gemeente):
    """Maakt een werkend, klein regelpakket in een nieuwe map: pack.yaml, één regelbestand met één regel en twee
    specs. Het slaagt meteen voor 'samenwerkingstoets pakket toets'; vervang daarna het voorbeeld door uw eigen
    beleid. Een map die al bestaat, wordt niet aangeraakt.

    \b
    Voorbeeld:
      samenwerkingstoets pakket nieuw rules/zeewolde --gemeente Zeewolde
    """
    import datetime as dt

    from .engine.pakkettoets import maak_pakket

    naam = maak_pakket(Path(map_), gemeente, dt.date.today())
    click.echo(f"Het pakket '{naam}' staat in {zichtbaar_voor_terminal(map_)}. Toets het met: "
               f"samenwerkingstoets pakket toets {zichtbaar_voor_terminal(map_)}")


@pakket.command("woorden", context_settings=HULP, options_metavar=OPTIES,
                short_help="Toon de woordenlijsten van een pakket.")
@click.argument("map_", metavar="[MAP]", required=False, default=str(STANDAARDPAKKET))
@fouten_naar_exitcode
def pakket_woorden(map_):
    """Toont de woorden die een casus bij dit pakket mag gebruiken (schaal, thema's, doelen, rollen) en de eigen
    ja/nee-vragen van het pakket, met label en uitleg, als tabel in Markdown.

    \b
    Voorbeeld:
      samenwerkingstoets pakket woorden rules/dronten
    """
    from .engine.pakkettoets import woordentabel

    click.echo(woordentabel(lees_regelpakket(map_)), nl=False)


@pakket.command("toets", context_settings=HULP, options_metavar=OPTIES, short_help="Draai de specs van een pakket.")
@click.argument("map_", metavar="[MAP]", required=False, default=str(STANDAARDPAKKET))
@fouten_naar_exitcode
def pakket_toets(map_):
    """Draait de specs van een regelpakket (specs/*.yaml naast pack.yaml) en controleert de dekking: elke regel
    vuurt in een spec en zwijgt in een andere, en elk criterium heeft een regel. Exitcode 0 als alles klopt, 1 als
    er iets mislukt, 2 als het pakket of een spec niet te lezen is.

    \b
    Voorbeeld:
      samenwerkingstoets pakket toets rules/alkmaar
    """
    from .engine.pakkettoets import toets_pakket

    uitslag = toets_pakket(map_)
    click.echo(f"Regelpakket {uitslag.pakket}: {aantal(len(uitslag.specs), 'spec')}")
    click.echo("".join("F" if fouten else "." for _, fouten in uitslag.specs))
    for spec, fouten in uitslag.mislukt:
        click.echo(f"MISLUKT {spec.bestand}{f', regel {spec.regel}' if spec.regel else ''}: "
                   f"{zichtbaar_voor_terminal(spec.naam)}")
        for fout in fouten:
            click.echo(f"  - {zichtbaar_voor_terminal(fout)}")
    if uitslag.dekking:
        click.echo("Dekking:")
        for punt in uitslag.dekking:
            click.echo(f"  - {punt}")
    geslaagd = len(uitslag.specs) - len(uitslag.mislukt)
    click.echo(f"{geslaagd} geslaagd, {len(uitslag.mislukt)} mislukt; dekking: "
               + ("in orde." if not uitslag.dekking else f"{aantal(len(uitslag.dekking), 'probleem')}."))
    if not uitslag.geslaagd:
        raise click.exceptions.Exit(1)


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Toon het JSON Schema van een casus of pakket.")
@click.argument("soort", type=click.Choice(["casus", "pakket", "regels"]), metavar="casus|pakket|regels")
@regels_optie
@fouten_naar_exitcode
def schema(soort, regelpad):
    """Drukt het JSON Schema af van een casusbestand (casus), van pack.yaml (pakket) of van een regelbestand
    (regels). Een editor gebruikt het om een bestand te controleren en velden en woorden aan te vullen terwijl u
    typt (zie de README). Het schema van een casus heeft de woorden en eigen vragen van het pakket (--regels).

    \b
    Voorbeeld:
      samenwerkingstoets schema casus > casus.schema.json
      samenwerkingstoets schema casus --regels rules/dronten > casus-dronten.schema.json
    """
    import json

    from pydantic.json_schema import models_json_schema

    from .engine.casus import casusschema
    from .engine.regels import Kop, Overlay, Regelbestand

    if soort == "casus":
        uit = casusschema(lees_regelpakket(regelpad).woordenlijsten)
    elif soort == "pakket":  # een eigen pakket, of een beleidsvariant op een ander pakket (met 'basis')
        verwijzingen, uit = models_json_schema([(Kop, "validation"), (Overlay, "validation")],
                                               ref_template="#/$defs/{model}")
        uit.update({"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "pack.yaml van een regelpakket",
                    "anyOf": [verwijzingen[(Kop, "validation")], verwijzingen[(Overlay, "validation")]]})
    else:
        uit = {"$schema": "https://json-schema.org/draft/2020-12/schema",
               **Regelbestand.model_json_schema(ref_template="#/$defs/{model}"),
               "title": "Regelbestand van een regelpakket"}
    click.echo(json.dumps(uit, ensure_ascii=False, indent=2, sort_keys=True))


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Overzicht van alle samenwerkingen in een map.")
@click.argument("map_", metavar="MAP")
@click.option("--formaat", type=click.Choice(["tabel", "json", "markdown", "xlsx", "docx"]), default=None,
              help="tabel (standaard), json, markdown of docx (de paragraaf verbonden partijen) of xlsx "
                   "(een spreadsheet); standaard afgeleid van de naam van -o.")
@click.option("-o", "--uitvoer", metavar="BESTAND", help="Schrijf naar dit bestand (verplicht voor xlsx en docx).")
@click.option("--overschrijf", is_flag=True, help="Vervang het bestand als het al bestaat.")
@click.option("--peildatum", type=Datum(), metavar="JJJJ-MM-DD",
              help="De datum waartegen evaluaties als te laat gelden (standaard vandaag).")
@regels_optie
@fouten_naar_exitcode
def overzicht(map_, formaat, uitvoer, overschrijf, peildatum, regelpad):
    """Beoordeel alle casussen in een map (ook in submappen) en toon het register: advies, risico en sturing,
    de Wgr-toets, de evaluatiekalender, de thema's tegen de schaal en mogelijke overlap. Een kapot bestand
    wordt gemeld en overgeslagen (exitcode 2); de rest wordt wel beoordeeld.

    \b
    Voorbeeld:
      samenwerkingstoets overzicht cases
      samenwerkingstoets overzicht cases -o register.xlsx
      samenwerkingstoets overzicht cases -o paragraaf-verbonden-partijen.docx
    """
    from .engine.overzicht import maak_overzicht, ruimer_opruimen
    from .engine.weergave import overzicht as weergave

    formaat = kies_formaat(uitvoer, formaat, weergave.EXTENSIES, "register.xlsx") if uitvoer else formaat or "tabel"
    if uitvoer and _is_invoer_van_overzicht(Path(uitvoer), Path(map_)):
        raise InvoerFout(f"'{uitvoer}' is een casusbestand in de map die het overzicht leest; kies een naam buiten "
                         "die map of een ander bestand, anders gaat de invoer verloren.")
    if formaat in ("xlsx", "docx") and not uitvoer:
        raise InvoerFout(f"Een {formaat}-bestand gaat niet naar het scherm; geef een bestandsnaam met -o.")
    pakket = lees_regelpakket(regelpad)

    balk = None

    def voortgang(totaal: int):
        """Een voortgangsbalk op stderr, alleen als dat een terminal is (niets extra's in een pijp of bestand)."""
        nonlocal balk
        if not sys.stderr.isatty() or totaal < 50:
            return None
        balk = click.progressbar(length=totaal, label="Beoordelen", file=sys.stderr, show_pos=True)
        balk.__enter__()
        return balk.update

    werkmap = weergave.XlsxRegister() if formaat == "xlsx" else None  # gevuld terwijl de rest nog beoordeeld wordt
    with ruimer_opruimen():  # minder vaak opruimen, ook bij het schrijven van de uitvoer
        try:
            uitkomst = maak_overzicht(map_, Beoordelaar(pakket), peildatum.date() if peildatum else None, voortgang,
                                      regelpad=regelpad, intussen=weergave.VOORBEREIDING.get(formaat),
                                      per_blok=werkmap.voeg_toe if werkmap else None)
        finally:
            if balk is not None:
                balk.__exit__(None, None, None)
        inhoud = _overzicht_inhoud(uitkomst, formaat, pakket, map_, werkmap, weergave)
    if not uitkomst.regels and not uitkomst.fouten:
        click.echo(f"Let op: in de map '{zichtbaar_voor_terminal(str(map_))}' staan geen casusbestanden (.yaml, "
                   ".yml of .json, ook niet in submappen).", err=True)
    if uitvoer:
        schrijf(uitvoer, inhoud, overschrijf)
        onvolledig = (f" Onvolledig: {aantal(len(uitkomst.fouten), 'bestand')} niet beoordeeld (zie hieronder)."
                      if uitkomst.fouten else "")
        click.echo(f"Overzicht van {aantal(len(uitkomst.regels), 'samenwerking')} geschreven naar {uitvoer}."
                   + onvolledig, err=True)
    else:
        for deel in (inhoud,) if isinstance(inhoud, bytes) else inhoud:
            click.echo(zichtbaar_voor_terminal(deel.decode("utf-8")), nl=False)
    for _, fout in uitkomst.fouten:
        click.echo(f"Fout: {zichtbaar_voor_terminal(fout)}", err=True)
    if uitkomst.fouten:
        raise click.exceptions.Exit(2)


def _pakketbestanden(regelpad: str) -> tuple[Path, ...]:
    """De bestanden van het regelpakket: de uitvoer van een opdracht mag er nooit een vervangen."""
    map_ = Path(regelpad)
    try:
        return tuple(map_.glob("*.yaml")) if map_.is_dir() else ()
    except OSError:
        return ()


def _is_invoer_van_overzicht(uitvoer: Path, map_: Path) -> bool:
    """Is `uitvoer` een bestand dat het overzicht zelf leest (een casusbestand in de map of een submap)?"""
    try:
        if not uitvoer.exists() or uitvoer.suffix.lower() not in (".yaml", ".yml", ".json"):
            return False
        echt, map_echt = uitvoer.resolve(), map_.resolve()
    except OSError:
        return False
    return map_echt == echt.parent or map_echt in echt.parents


def _overzicht_inhoud(uitkomst, formaat: str, pakket, map_: str, werkmap, weergave) -> bytes | Iterator[bytes]:
    """De bytes van het overzicht in het gekozen formaat (JSON in delen)."""
    if formaat in ("markdown", "docx"):
        document = weergave.paragraaf_met_stempel(uitkomst, pakket, Path(map_).name)
        if formaat == "docx":
            from .engine.weergave.word import collegeadvies as word

            return word(document)
        from .engine.weergave.markdown import collegeadvies as markdown

        return markdown(document)
    if formaat == "xlsx":
        return werkmap.sluit(uitkomst)
    if formaat == "json":
        return weergave.json_in_delen(uitkomst)  # in delen: bij tienduizend casussen tientallen megabytes
    return weergave.tabel(uitkomst).encode("utf-8")


LOKAAL = ("127.0.0.1", "localhost", "::1")


def _controleer_adres(adres: str, poort: int) -> None:
    """Een adres dat niet bestaat of een poort die bezet is, is een Nederlandse melding (exitcode 2), geen Engelse
    foutregel van de webserver."""
    import socket

    try:
        opties = socket.getaddrinfo(adres, poort, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise InvoerFout(f"Het adres '{adres[:100]}' is niet te vinden op deze computer. Gebruik 127.0.0.1 (alleen "
                         "deze computer) of het adres van een netwerkkaart, zoals 0.0.0.0.") from None
    familie, soort, protocol, _, plek = opties[0]
    with socket.socket(familie, soort, protocol) as proef:
        proef.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            proef.bind(plek)
        except OSError:
            raise InvoerFout(f"Op {adres[:100]} kan poort {poort} niet gebruikt worden: hij is bezet, of het adres "
                             "hoort niet bij deze computer. Kies een andere poort met --poort.") from None


@cli.command(context_settings=HULP, options_metavar=OPTIES, short_help="Start de webapplicatie voor adviseurs.")
@click.option("--map", "map_", default="werkmap", show_default=True, metavar="WERKMAP",
              help="De map met casusbestanden; wordt gemaakt als hij nog niet bestaat.")
@click.option("--poort", default=8000, show_default=True, type=click.IntRange(1, 65535), metavar="POORT",
              help="De poort waarop de webapplicatie luistert.")
@click.option("--adres", default="127.0.0.1", show_default=True, metavar="ADRES",
              help="Het adres waarop zij luistert. Alleen met een toegangssleutel (SAMENWERKINGSTOETS_TOKEN) "
                   "mag dat een ander adres dan deze computer zijn.")
@click.option("--sjabloon", metavar="BESTAND", help="Het Word-sjabloon van de gemeente voor het collegevoorstel.")
@click.option("--werkers", default=None, type=click.IntRange(1, 16), metavar="AANTAL",
              show_default="het aantal processorkernen, hooguit 4",
              help="Hoeveel adviezen tegelijk berekend worden (elk in een eigen werkproces). Met één werkproces "
                   "wacht een tweede adviseur tot het advies van de eerste klaar is.")
@regels_optie
@fouten_naar_exitcode
def web(map_, poort, adres, sjabloon, werkers, regelpad):
    """Start de webapplicatie: werkmap, intake, advies, wat-als, varianten, collegevoorstel en regels in de
    browser, en een API onder /api/v1. Stop met Ctrl-C.

    \b
    Voorbeeld:
      samenwerkingstoets web --map cases
      SAMENWERKINGSTOETS_TOKEN=... samenwerkingstoets web --adres 0.0.0.0 --map /data/samenwerkingen
    """
    import json
    import secrets

    import uvicorn

    from .engine.collegevoorstel import lees_sjabloon
    from .web.app import WEBINSTELLINGEN, maak_app

    _controleer_adres(adres, poort)
    werkmap = Path(map_)
    if not werkmap.exists():
        werkmap.mkdir(parents=True)
        click.echo(f"De werkmap '{werkmap}' is aangemaakt.")
    token = os.environ.get("SAMENWERKINGSTOETS_TOKEN") or None
    # eerst hier alles controleren (werkmap, regelpakket, sjabloon, sleutel): een fout is dan één Nederlandse
    # melding met exitcode 2, niet een melding per werkproces
    app = maak_app(werkmap, regelpad, lees_sjabloon(sjabloon) if sjabloon else None, token=token,
                   lokaal=adres in LOKAAL)
    if werkers is None:
        werkers = min(4, os.cpu_count() or 1)
    if os.name != "posix":
        werkers = 1  # het slot dat opslaan tussen werkprocessen veilig maakt, bestaat alleen op Linux en macOS
    click.echo(f"De samenwerkingstoets draait op http://{'[' + adres + ']' if ':' in adres else adres}:{poort}/ "
               f"(werkmap: {werkmap.resolve()}; {werkers} werkproces{'sen' if werkers > 1 else ''}). "
               "Stop met Ctrl-C.")
    opties = dict(host=adres, port=poort, log_level="warning", server_header=False, proxy_headers=False)
    gc.set_threshold(*STANDAARD_OPRUIMDREMPEL)  # een server loopt lang: de gewone drempel
    if werkers == 1:
        uvicorn.run(app, **opties)
        return
    os.environ[WEBINSTELLINGEN] = json.dumps({
        "werkmap": str(werkmap.resolve()), "regelpad": str(Path(regelpad).resolve()), "lokaal": adres in LOKAAL,
        "sjabloon": str(Path(sjabloon).resolve()) if sjabloon else None,
        "sessiesleutel": secrets.token_urlsafe(32)})
    uvicorn.run("samenwerkingstoets.web.app:app_voor_werkproces", factory=True, workers=werkers, **opties)


# Bij het afsluiten loopt Python nog één keer langs alle objecten om kringen op te ruimen: na een overzicht van
# duizend casussen 0,05 s, na 'beoordeel' 0,03 s (een zesde van de start). Elke opdracht schrijft haar bestanden
# met een contextmanager (schrijven.schrijf) en de standaarduitvoer wordt bij het afsluiten toch geleegd; er staat
# dan niets meer open dat die ronde nog zou moeten sluiten. Daarom bevriest main de objecten, en die ronde slaat
# ze over.
def main() -> None:
    try:
        sys.exit(cli.main(prog_name="samenwerkingstoets"))
    finally:
        gc.freeze()

