# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De toets van een regelpakket: de specs die naast het pakket staan (`specs/*.yaml` in de pakketmap), en de dekking.

Een spec is een casus met het advies dat zij moet krijgen en de regels die moeten (of niet mogen) vuren:

    - naam: een voorstel zonder benoemde opgave krijgt 'niet aangaan' door VIS-OL1
      basis: goed                          # een basiscasus uit specs/basis.yaml, met ...
      wijzig: {opgave.omschrijving: ""}    # ... deze wijzigingen (een veldpad; null haalt het veld weg)
      advies: niet_aangaan
      vuurt: [ol-geen-opgave]
      vuurt_niet: [ol-opgave-overstijgt-gemeente]

In plaats van `basis` mag ook `casus: {...}` (een volledige casus). Verder kan een spec vragen: `voorlopig`,
`voorwaarden` (het aantal), `ongunstigst` en `gunstigst` (de bandbreedte) en `uitleg_bevat` (regel: tekst).

De dekking: elke regel vuurt in minstens één spec en zwijgt in minstens één andere, en elk criterium heeft een
regel. `samenwerkingstoets pakket toets` en de testsuite gebruiken allebei deze module.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .beoordelen import Beoordelaar
from .fouten import InvoerFout
from .laden import casus_uit_data, lees_regelpakket, lees_yaml, zoek_pakketmap
from .regels import Regelpakket
from .schrijven import schrijf
from .waarden import maak_id, zichtbaar_voor_terminal
from .weergave.markdown import md
from .woordenlijsten import LIJSTEN

SLEUTELS = {"naam", "basis", "wijzig", "casus", "advies", "voorlopig", "voorwaarden", "ongunstigst", "gunstigst",
            "vuurt", "vuurt_niet", "uitleg_bevat", "vervangt"}
VERWACHTINGEN = {"advies", "voorlopig", "voorwaarden", "ongunstigst", "gunstigst", "vuurt", "vuurt_niet",
                 "uitleg_bevat"}


@dataclass(frozen=True)
class Spec:
    naam: str
    bestand: str
    regel: int | None
    geval: dict[str, Any]


@dataclass
class Uitslag:
    """Per spec: geslaagd, of wat er misging; daarna wat aan de dekking ontbreekt."""

    pakket: str
    specs: list[tuple[Spec, list[str]]] = field(default_factory=list)
    dekking: list[str] = field(default_factory=list)

    @property
    def mislukt(self) -> list[tuple[Spec, list[str]]]:
        return [(s, f) for s, f in self.specs if f]

    @property
    def geslaagd(self) -> bool:
        return bool(self.specs) and not self.mislukt and not self.dekking


def specmap(pakketmap: str | Path) -> Path:
    return zoek_pakketmap(pakketmap) / "specs"


def lees_specs(pakketmap: str | Path) -> tuple[list[Spec], dict[str, dict]]:
    """De specs van een pakket en zijn basiscasussen (specs/basis.yaml), met bestand en regel van elke spec.

    Een beleidsvariant (pack.yaml met `basis`) erft de specs van haar basis. Waar de variant een ander advies
    geeft, zegt een eigen spec met `vervangt: <naam van de spec uit de basis>` wat zij verwacht; de casus komt dan
    uit die spec, tenzij de eigen spec er een geeft."""
    kop = lees_yaml(zoek_pakketmap(pakketmap) / "pack.yaml").data
    if isinstance(kop.get("basis"), str):
        return _specs_van_variant(zoek_pakketmap(pakketmap), kop["basis"])
    return _eigen_specs(pakketmap)


def _specs_van_variant(map_: Path, basis: str) -> tuple[list[Spec], dict[str, dict]]:
    geerfd, basiscasussen = lees_specs((map_ / basis).resolve())
    eigen, eigen_basis = _eigen_specs(map_) if specmap(map_).is_dir() else ([], {})
    per_naam = {s.naam: s for s in geerfd}
    vervangen: dict[str, Spec] = {}
    nieuw: list[Spec] = []
    for spec in eigen:
        doel = spec.geval.get("vervangt")
        if doel is None:
            nieuw.append(spec)
            continue
        if doel not in per_naam:
            raise InvoerFout(f"{spec.bestand}, regel {spec.regel}: 'vervangt' noemt een spec die de basis niet heeft: "
                             f"'{str(doel)[:80]}'.")
        casus = {k: v for k, v in per_naam[doel].geval.items() if k not in VERWACHTINGEN | {"naam"}}
        geval = {**casus, **{k: v for k, v in spec.geval.items() if k != "vervangt"}}
        vervangen[doel] = Spec(spec.naam, spec.bestand, spec.regel, geval)
    return [vervangen.get(s.naam, s) for s in geerfd] + nieuw, {**basiscasussen, **eigen_basis}


def _eigen_specs(pakketmap: str | Path) -> tuple[list[Spec], dict[str, dict]]:
    map_ = specmap(pakketmap)
    if not map_.is_dir():
        raise InvoerFout(f"Het regelpakket '{pakketmap}' heeft geen map 'specs'. Zet de specs als specs/*.yaml naast "
                         "pack.yaml (het formaat staat in de README, onder 'Regelpakketten').")
    basis: dict[str, dict] = {}
    if (map_ / "basis.yaml").is_file():
        gelezen = lees_yaml(map_ / "basis.yaml").data
        if not isinstance(gelezen, dict) or not all(isinstance(v, dict) for v in gelezen.values()):
            raise InvoerFout(f"'{map_ / 'basis.yaml'}' moet per naam een casus bevatten, zoals 'goed: {{naam: ...}}'.")
        basis = gelezen
    specs: list[Spec] = []
    for pad in sorted(map_.glob("*.yaml")):
        if pad.name == "basis.yaml":
            continue
        gelezen = lees_yaml(pad, lijst=True)
        for i, geval in enumerate(gelezen.data):
            regel = gelezen.lijn((i,))
            waar = f"{pad.name}{f', regel {regel}' if regel else ''}"
            if not isinstance(geval, dict) or not isinstance(geval.get("naam"), str):
                raise InvoerFout(f"{waar}: elke spec heeft een 'naam'.")
            onbekend = sorted(set(geval) - SLEUTELS)
            if onbekend:
                raise InvoerFout(f"{waar}: onbekend veld '{onbekend[0]}' in spec '{geval['naam'][:80]}'; mogelijk: "
                                 f"{', '.join(sorted(SLEUTELS))}.")
            if "advies" not in geval:
                raise InvoerFout(f"{waar}: spec '{geval['naam'][:80]}' zegt niet welk advies zij verwacht ('advies').")
            specs.append(Spec(geval["naam"], pad.name, regel, geval))
    return specs, basis


def casus_van(spec: Spec, basis: dict[str, dict]) -> dict:
    if "casus" in spec.geval:
        return copy.deepcopy(spec.geval["casus"])
    naam = spec.geval.get("basis")
    if naam not in basis:
        raise InvoerFout(f"{spec.bestand}, regel {spec.regel}: basiscasus '{naam}' staat niet in specs/basis.yaml.")
    return met(basis[naam], spec.geval.get("wijzig") or {})


def met(basis: dict, wijzigingen: dict) -> dict:
    """Een kopie van `basis` met wijzigingen per veldpad ('opgave.omschrijving': ''); None verwijdert."""
    uit = copy.deepcopy(basis)
    for pad, waarde in wijzigingen.items():
        *groepen, veld = str(pad).split(".")
        doel = uit
        for groep in groepen:
            doel = doel.setdefault(groep, {})
        if waarde is None:
            doel.pop(veld, None)
        else:
            doel[veld] = waarde
    return uit


def controleer(spec: Spec, advies) -> list[str]:
    """Wat aan het advies niet klopt met de spec (leeg: geslaagd)."""
    g = spec.geval
    gevuurd = {b.regel for b in advies.bevindingen}
    fouten = []
    if advies.advies.value != g["advies"]:
        fouten.append(f"advies {advies.advies.value}, verwacht {g['advies']}")
    if "voorwaarden" in g and len(advies.voorwaarden) != g["voorwaarden"]:
        fouten.append(f"{len(advies.voorwaarden)} voorwaarden, verwacht {g['voorwaarden']}")
    if "voorlopig" in g and advies.voorlopig != g["voorlopig"]:
        fouten.append(f"voorlopig is {advies.voorlopig}, verwacht {g['voorlopig']}")
    for grens in ("ongunstigst", "gunstigst"):
        if grens in g and getattr(advies.bandbreedte, grens).value != g[grens]:
            fouten.append(f"{grens} {getattr(advies.bandbreedte, grens).value}, verwacht {g[grens]}")
    fouten += [f"regel {r} vuurde niet" for r in g.get("vuurt", []) if r not in gevuurd]
    fouten += [f"regel {r} vuurde, maar had niet mogen vuren" for r in g.get("vuurt_niet", []) if r in gevuurd]
    for regel, tekst in (g.get("uitleg_bevat") or {}).items():
        bevinding = next((b for b in advies.bevindingen if b.regel == regel), None)
        if bevinding is None or tekst not in bevinding.uitleg + " " + (bevinding.voorwaarde or ""):
            fouten.append(f"de uitleg van {regel} bevat niet: {tekst}")
    return fouten


def toets_pakket(pakketmap: str | Path) -> Uitslag:
    """Draai alle specs van het pakket en controleer de dekking."""
    pakket = lees_regelpakket(pakketmap)
    beoordelaar = Beoordelaar(pakket)
    specs, basis = lees_specs(pakketmap)
    uitslag = Uitslag(f"{pakket.naam} {pakket.versie}")
    vuurt: dict[str, int] = {r.id: 0 for r in pakket.regels}
    for spec in specs:
        try:
            advies = beoordelaar.beoordeel(casus_uit_data(casus_van(spec, basis), naam=f"spec '{spec.naam[:60]}'",
                                                          woorden=beoordelaar.pakket.woordenlijsten))
        except InvoerFout as fout:
            uitslag.specs.append((spec, [f"de casus van deze spec klopt niet: {fout.tekst}"]))
            continue
        uitslag.specs.append((spec, controleer(spec, advies)))
        for b in advies.bevindingen:
            vuurt[b.regel] = vuurt.get(b.regel, 0) + 1
    if specs:
        uitslag.dekking += [f"regel {r} vuurt in geen enkele spec" for r, n in vuurt.items() if n == 0]
        uitslag.dekking += [f"regel {r} vuurt in elke spec; geen spec laat zien wanneer zij zwijgt"
                            for r, n in vuurt.items() if n == len(specs)]
    uitslag.dekking += [f"criterium {code} heeft geen regel" for code, _, n in pakket.dekking() if n == 0]
    return uitslag


# --- de woordenlijsten als tabel -----------------------------------------------------------------------------------

def woordentabel(pakket: Regelpakket) -> str:
    """De woordenlijsten en eigen vragen van een pakket als Markdown-tabellen (voor de README en de adviseur)."""
    lijsten = pakket.woordenlijsten
    uit = [f"Woorden van het pakket {pakket.naam} {pakket.versie}. In elk veld mag ook `onbekend` staan.", ""]
    for lijst, (veld, soort) in LIJSTEN.items():
        uit += [f"`{veld}` ({'één woord' if soort == 'woord' else 'een lijst woorden'}):", "",
                "| woord | label | uitleg |", "|---|---|---|"]
        uit += [f"| `{w}` | {md(v.label)} | {md(v.uitleg)} |" for w, v in getattr(lijsten, lijst).items()]
        uit.append("")
    if lijsten.vragen:
        uit += ["Eigen vragen (ja, nee of onbekend):", "", "| veld | vraag | uitleg |", "|---|---|---|"]
        uit += [f"| `{pad}` | {md(v.vraag)} | {md(v.uitleg)} |" for pad, v in lijsten.vragen.items()]
        uit.append("")
    return "\n".join(uit)



# --- een nieuw pakket ----------------------------------------------------------------------------------------------

def maak_pakket(doel: Path, gemeente: str, vanaf: dt.date) -> str:
    """Schrijf het skelet van een nieuw pakket voor `gemeente` in de nieuwe map `doel`; geeft de naam van het pakket.
    Een map die al bestaat, wordt nooit aangeraakt."""
    gemeente = " ".join(gemeente.split())
    if not re.search(r"[^\W_]", gemeente) or len(gemeente) > 100 or any(t in gemeente for t in "{}:#\n\"'"):
        raise InvoerFout("Geef de naam van de gemeente met --gemeente, zoals 'Zeewolde' (letters, cijfers, spaties "
                         "en streepjes; hooguit 100 tekens).")
    if doel.exists():
        raise InvoerFout(f"'{zichtbaar_voor_terminal(str(doel))[:200]}' bestaat al; kies een nieuwe map voor het "
                         "pakket. Er is niets veranderd.")
    naam = maak_id(gemeente, anders="pakket")
    (doel / "specs").mkdir(parents=True)
    for pad, inhoud in skelet(gemeente, naam, vanaf.isoformat()).items():
        schrijf(doel / pad, inhoud.encode("utf-8"))
    return naam


def skelet(gemeente: str, naam: str, vanaf: str) -> dict[str, str]:
    """De bestanden van een werkend, klein pakket: pack.yaml, één regelbestand met één regel, en twee specs (de
    regel vuurt, en de regel zwijgt). Het slaagt voor zijn eigen toets; daarna vervangt de gemeente het voorbeeld
    door haar eigen beleid."""
    regio = "regio_" + re.sub(r"[^a-z0-9]+", "_", naam).strip("_")[:50]
    pack = f"""# Regelpakket van de gemeente {gemeente}. Vervang het voorbeeld door uw eigen beleid: elke regel noemt de
# bron en de sectie waar zij op steunt. Een nieuwe beleidskeuze is een nieuwe versie van dit pakket.
formaat: 1
naam: {naam}
versie: "0.1.0"
geldig_vanaf: {vanaf}
gemeente: {gemeente}
omschrijving: >
  Toetst samenwerkingen aan het beleid van de gemeente {gemeente} voor regionale samenwerking.

# De woorden waarmee casussen van dit pakket regio's, thema's, doelen en rollen noemen. Vervang ze door de eigen
# regio's en thema's en de doelen uit het beleid; elk woord krijgt een label en een uitleg.
woordenlijsten:
  schaal:
    lokaal:
      label: lokaal
      uitleg: alleen de eigen gemeente
    {regio}:
      label: Regio {gemeente}
      uitleg: de gemeenten in de regio van {gemeente}
    landelijk:
      label: landelijk
      uitleg: met partners in heel Nederland
  themas:
    zorg:
      label: zorg
      uitleg: jeugdhulp, Wmo en andere zorg voor inwoners
    wonen:
      label: wonen
      uitleg: woningbouw en huisvesting
    bedrijfsvoering:
      label: bedrijfsvoering
      uitleg: de eigen organisatie, zoals ICT en belastingen
    overig:
      label: overig
      uitleg: een thema dat hierboven niet staat
  strategische_doelen:
    maatschappelijke_doelen:
      label: maatschappelijke doelen
      uitleg: maatschappelijke opgaven samen oplossen
  uitvoerende_doelen:
    kwaliteit_en_kwetsbaarheid:
      label: kwaliteit en kwetsbaarheid
      uitleg: betere kwaliteit en minder kwetsbaar
  rollen:
    deelnemer:
      label: deelnemer
      uitleg: de gemeente doet mee zonder een leidende rol
    trekker:
      label: trekker
      uitleg: de gemeente leidt de samenwerking

bestanden:
  - beleid.yaml

# Wat het advies wordt bij de zwaarste bevinding.
adviestabel:
  - bij: blokkerend
    voorstel: niet_aangaan
    lopend: beeindigen
    uitleg: Minstens één punt blokkeert; zolang dat zo is, is deze samenwerking niet verantwoord.
  - bij: voorwaarde
    voorstel: aangaan_onder_voorwaarden
    lopend: voortzetten_onder_voorwaarden
    uitleg: Niets blokkeert, maar er zijn voorwaarden die eerst geregeld moeten worden.
  - bij: anders
    voorstel: aangaan
    lopend: voortzetten
    uitleg: Geen blokkerende punten en geen voorwaarden.

bronnen:
  beleid:
    titel: Beleid voor regionale samenwerking
    uitgever: Gemeente {gemeente}
    secties:
      opgave: De maatschappelijke opgave

criteria:
  EG-1: {{naam: Een maatschappelijke opgave als vertrekpunt, groep: eigen beleid, bron: beleid}}
"""
    regels = """groep: eigen beleid
omschrijving: >
  Een voorbeeldregel. Vervang haar door de criteria uit het beleid van de gemeente.

regels:
  - id: eg-geen-opgave
    criterium: EG-1
    als: {opgave.benoemd: nee}
    effect: blokkerend
    uitleg: >
      Er is geen maatschappelijke opgave benoemd. Zonder opgave wordt samenwerken een doel op zich.
    bron: beleid#opgave
"""
    basis = f"""# Basiscasussen voor de specs. Een spec met 'basis: goed' begint hier en wijzigt alleen wat zij toetst.
goed:
  naam: Voorbeeld van een goede samenwerking
  fase: voorstel
  perspectief: {gemeente}
  themas: [zorg]
  schaal: {regio}
  opgave: {{omschrijving: Passende jeugdhulp in de regio}}
"""
    specs = """- naam: een voorstel met een benoemde opgave wordt aangegaan (EG-1, beleid#opgave)
  basis: goed
  advies: aangaan
  vuurt_niet: [eg-geen-opgave]

- naam: een voorstel zonder opgave wordt niet aangegaan (EG-1, beleid#opgave)
  basis: goed
  wijzig: {opgave.omschrijving: geen}
  advies: niet_aangaan
  vuurt: [eg-geen-opgave]
"""
    return {"pack.yaml": pack, "beleid.yaml": regels, "specs/basis.yaml": basis, "specs/beleid.yaml": specs}
