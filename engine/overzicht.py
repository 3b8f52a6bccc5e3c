# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het overzicht van alle samenwerkingen in een map: het register, het risicoprofiel en de sturing, de
Wgr-toets, de evaluatiekalender, de matrix van thema's en schaal, en de overlappen.

Elke casus wordt één keer beoordeeld (advies en bandbreedte, zonder de analyse per onbekend veld) en
daarna samengevat tot één `Regel`; het volledige advies wordt niet bewaard, zodat het geheugen vlak blijft
bij tienduizend casussen. Een kapot bestand wordt gemeld met zijn Nederlandse melding; de rest gaat door.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .beoordelen import Beoordelaar, Kort
from .casus import Casus
from .fouten import InvoerFout
from .laden import Gelezen, casus_van, lees_yaml, reden
from .regels import Advieswoord, Regelpakket
from .vormen import VORM_SOORT, wgr_punten
from .waarden import deel_van, woord
from .woordenlijsten import Woordenlijsten

RISICONIVEAUS = ("laag", "midden", "hoog")
MAX_BESTANDEN = 100_000
MAX_OVERLAP = 500  # zoveel paren leest niemand; de sterkste eerst
MAX_LIJSTEN = 3_000  # verschillende partnerlijsten per thema die met elkaar vergeleken worden
# de gegevens van een verbonden partij die het register bewaart (naast soort en risico's), in de volgorde van het BBV
VP_VELDEN = ("vestigingsplaats", "jaar", "openbaar_belang", "programma", "zeggenschap", "aandeel",
             "financieel_belang_begin", "financieel_belang", "eigen_vermogen_begin", "eigen_vermogen_eind",
             "vreemd_vermogen_begin", "vreemd_vermogen_eind", "resultaat")


@dataclass(frozen=True)
class Regel:
    """Eén samenwerking in het overzicht: alles wat het register en de paragraaf erover zeggen."""

    bestand: str
    naam: str
    fase: str
    themas: tuple[str, ...]
    schaal: str | None
    juridische_vorm: str | None
    vormsoort: str | None
    partners: tuple[str, ...]
    doelen: tuple[str, ...]
    advies: Advieswoord
    gunstigst: Advieswoord
    ongunstigst: Advieswoord
    kosten_per_jaar: int | None
    laatste_evaluatie: int | None
    volgende_evaluatie: int | None
    evaluatie_te_laat: bool | None
    wgr: dict[str, str] | None  # bij een gemeenschappelijke regeling: per punt ja, nee of onbekend
    risico: dict[str, str]
    risico_redenen: dict[str, tuple[str, ...]]  # per soort: wat het risico hoog (of gemiddeld) maakt
    hoogste_risico: str
    sturing: str | None  # het sturingsregime van een lopende samenwerking (bij een voorstel: None)
    verbonden_partij: dict[str, object] = field(default_factory=dict)
    # het financieel belang van de gemeente in euro aan begin en eind van het jaar (zie financieel_belang), of None
    belang_begin: int | None = None
    belang_eind: int | None = None
    # per risicosoort wat het risico hoog of gemiddeld maakt, in gewone zinnen met de bedragen uit de casus
    risico_zinnen: dict[str, tuple[str, ...]] = field(default_factory=dict)


def gedeelde_partners(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """Het aandeel gedeelde partners van twee samenwerkingen: het aantal gedeelde partners gedeeld door het aantal
    partners samen (namen in kleine letters). Het overzicht en de adviespagina meten overlap zo."""
    return len(a & b) / len(a | b) if a or b else 0.0


@dataclass
class Overzicht:
    regels: list[Regel]
    fouten: list[tuple[str, str]]  # bestand en de Nederlandse melding
    peiljaar: int
    regelpakket: str
    risicosoorten: dict[str, str]  # soort -> naam
    sturing: dict[str, tuple[str, str]]  # niveau -> (naam, tekst)
    overlap_drempel: float = 0.5
    peildatum: dt.date | None = None  # de --peildatum, of de datum van SOURCE_DATE_EPOCH of vandaag
    woordenlijsten: Woordenlijsten | None = None  # de thema's, schalen en doelen van het pakket
    wgr_punten: list[str] = field(default_factory=list)  # wat de Wgr vraagt en het overzicht nagaat (zie vormen)

    @property
    def woorden(self) -> Woordenlijsten:
        from .woordenlijsten import standaard
        return self.woordenlijsten or standaard()

    def label(self, lijst: str, woord_: str) -> str:
        """Een woord uit een woordenlijst van het pakket zoals de lezer het ziet ('Regio Alkmaar')."""
        return self.woorden.label(lijst, woord_) or woord(woord_)

    def matrix(self) -> dict[str, dict[str, list[str]]]:
        """Per thema uit de visie, per schaal: de samenwerkingen (op naam)."""
        uit: dict[str, dict[str, list[str]]] = {t: {} for t in self.woorden.themas}
        for r in self.regels:
            for thema in r.themas or ("overig",):
                uit.setdefault(thema, {}).setdefault(r.schaal or "onbekend", []).append(r.naam)
        return uit

    def niet_gediend(self) -> tuple[list[str], list[str]]:
        """De thema's en de doelen uit de visie die geen enkele samenwerking dient."""
        themas = {t for r in self.regels for t in r.themas}
        doelen = {d for r in self.regels for d in r.doelen}
        alle_doelen = [*self.woorden.strategische_doelen, *self.woorden.uitvoerende_doelen]
        # 'overig' is de restcategorie: geen thema dat een samenwerking zou moeten dienen
        return ([t for t in self.woorden.themas if t not in themas and t != "overig"],
                [d for d in alle_doelen if d not in doelen])

    def overlappen(self, drempel: float, maximum: int = MAX_OVERLAP) -> list[tuple[str, str, str, float]]:
        """Paren op hetzelfde thema met grotendeels dezelfde partners: (a, b, thema's, aandeel gedeeld), de
        sterkste eerst, hooguit `maximum`. Het aandeel hangt alleen af van de twee partnerlijsten; daarom
        wordt per thema elke verschillende lijst één keer vergeleken, ook als honderden casussen haar delen."""
        paren: dict[tuple[str, str], tuple[str, str, set[str], float]] = {}
        groepen: dict[str, dict[frozenset, list[Regel]]] = {}
        for r in self.regels:
            if r.partners:
                sleutel = frozenset(p.casefold() for p in r.partners)
                for t in r.themas:
                    groepen.setdefault(t, {}).setdefault(sleutel, []).append(r)
        for thema, per_lijst in groepen.items():
            lijsten = list(per_lijst)[:MAX_LIJSTEN]
            for i, a in enumerate(lijsten):
                for b in lijsten[i:]:
                    aandeel = gedeelde_partners(a, b)
                    if aandeel < drempel:
                        continue
                    leden = (itertools.combinations(per_lijst[a], 2) if a is b
                             else itertools.product(per_lijst[a], per_lijst[b]))
                    for x, y in itertools.islice(leden, maximum * 4):
                        if y.bestand < x.bestand:
                            x, y = y, x
                        sleutel = (x.bestand, y.bestand)
                        if sleutel in paren:
                            paren[sleutel][2].add(thema)
                        elif len(paren) < maximum * 4:
                            paren[sleutel] = (x.naam, y.naam, {thema}, aandeel)
        uit = [(a, b, ", ".join(sorted(t)), d) for a, b, t, d in paren.values()]
        return sorted(uit, key=lambda o: (-o[3], o[0], o[1]))[:maximum]


SUFFIXEN = (".yaml", ".yml", ".json")  # een casus is YAML; JSON mag ook (JSON is geldige YAML)


def casusbestanden(map_: str | Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Alle casusbestanden onder een map (ook in submappen), op volgorde; varianten en verborgen mappen niet.
    Daarnaast wat bewust niet gelezen wordt, met de reden: een snelkoppeling naar een map wordt niet gevolgd
    (zo kan een map niet naar zichzelf of naar elders wijzen). Een snelkoppeling naar een casusbestand wordt
    wel gelezen (de gebruiker van de opdrachtregel leest met zijn eigen rechten); wijst zij nergens heen of naar
    zichzelf, dan meldt het lezen dat. De webapplicatie gebruikt dit niet: zij geeft de bestanden van haar werkmap
    zelf mee (zie web/werkmap.py)."""
    basis = Path(map_)
    if not basis.exists():
        raise InvoerFout(f"De map '{map_}' bestaat niet. Controleer de naam.")
    if not basis.is_dir():
        raise InvoerFout(f"'{map_}' is geen map. Geef de map met casusbestanden.")
    uit: list[Path] = []
    overgeslagen: list[tuple[Path, str]] = []
    te_doen = [basis]
    while te_doen and len(uit) < MAX_BESTANDEN:
        huidig = te_doen.pop()
        try:  # scandir kent het soort van elk item al (zonder een stat per bestand)
            with os.scandir(huidig) as items:
                inhoud = [(item.name, item) for item in items]
        except OSError as fout:
            if huidig == basis:
                raise InvoerFout(f"De map '{map_}' kan niet gelezen worden ({reden(fout)}).") from None
            overgeslagen.append((huidig, f"De map '{huidig}' kan niet gelezen worden ({reden(fout)}); wat erin staat, "
                                         "is niet beoordeeld."))
            continue
        for naam, item in sorted(inhoud, key=lambda paar: paar[0]):
            if naam.startswith(".") or naam == "varianten":
                continue
            pad = huidig / naam
            casus = os.path.splitext(naam)[1].lower() in SUFFIXEN
            try:
                if item.is_symlink():
                    if casus:
                        uit.append(pad)
                    elif _is_map(pad):
                        overgeslagen.append((pad, f"'{pad}' is een snelkoppeling naar een map; die volgt het "
                                                  "overzicht niet. Zet de casusbestanden in de map zelf of in een "
                                                  "gewone submap."))
                elif item.is_dir(follow_symlinks=False):
                    te_doen.append(pad)
                elif casus and item.is_file(follow_symlinks=False):
                    uit.append(pad)
                elif casus:
                    overgeslagen.append((pad, f"'{pad}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of "
                                              "pijp); het is niet gelezen."))
            except OSError:
                continue
    return sorted(uit)[:MAX_BESTANDEN], sorted(overgeslagen)


def _is_map(pad: Path) -> bool:
    """Of een snelkoppeling naar een map wijst; een koppeling die niet te volgen is (te lange naam, geen
    toegang), telt als geen map."""
    try:
        return pad.is_dir()
    except OSError:
        return False


def regel_van(casus: Casus, bestand: str, beoordelaar: Beoordelaar, peiljaar: int) -> Regel:
    return regels_van([casus], [bestand], beoordelaar, peiljaar)[0]


def regels_van(casussen: list[Casus], bestanden: list[str], beoordelaar: Beoordelaar, peiljaar: int) -> list[Regel]:
    """De regels van het overzicht voor deze casussen (eerst alle adviezen, dan alle risico's: zie kort_alle)."""
    korte = beoordelaar.kort_alle(casussen)
    risico = [beoordelaar.risico_met_redenen(kort.feiten) for kort in korte]
    pakket = beoordelaar.pakket
    termijn = pakket.parameterwaarden().get("evaluatie_termijn_jaren")
    return [_regel(casus, bestand, kort, met_redenen, pakket, termijn, peiljaar)
            for casus, bestand, kort, met_redenen in zip(casussen, bestanden, korte, risico)]


def _regel(casus: Casus, bestand: str, kort: Kort, met_redenen: dict[str, tuple[str, list[str]]],
           pakket: Regelpakket, termijn: float | None, peiljaar: int) -> Regel:
    advies, bandbreedte, _, _ = kort
    laatste = casus.evaluatie.jaar_laatste_evaluatie
    volgende = int(laatste + termijn) if laatste is not None and termijn is not None else None
    vorm = casus.juridische_vorm.value if casus.juridische_vorm else None
    soort = VORM_SOORT.get(vorm).value if vorm in VORM_SOORT else None
    wgr = None
    if soort == "wgr":
        wgr = {naam: kort.feiten.get(veld, "onbekend") for naam, veld in wgr_punten(pakket)}
    risico = {soort: niveau for soort, (niveau, _) in met_redenen.items()}
    bekend = [n for n in risico.values() if n in RISICONIVEAUS]
    hoogste = max(bekend, key=RISICONIVEAUS.index) if bekend else "onbekend"
    regime = pakket.kop.overzicht.sturing.get(hoogste)
    vp = casus.verbonden_partij
    gr = soort == "wgr" or (vp.soort is not None and vp.soort.value == "gr")
    belang_begin, belang_eind = financieel_belang(casus, gr)
    return Regel(
        bestand=bestand, naam=casus.naam, fase=casus.fase.value, themas=tuple(casus.themas or ()),
        schaal=casus.schaal,
        juridische_vorm=vorm, vormsoort=soort, partners=tuple(p.naam for p in casus.partners or ()),
        doelen=tuple((casus.doelen.strategisch or []) + (casus.doelen.uitvoerend or [])),
        advies=advies, gunstigst=bandbreedte.gunstigst, ongunstigst=bandbreedte.ongunstigst,
        kosten_per_jaar=casus.onderbouwing.kosten_per_jaar, laatste_evaluatie=laatste, volgende_evaluatie=volgende,
        evaluatie_te_laat=(volgende < peiljaar) if volgende is not None and casus.fase.value == "lopend" else None,
        wgr=wgr, risico=risico, risico_redenen={s: tuple(r) for s, (_, r) in met_redenen.items() if r},
        hoogste_risico=hoogste, sturing=regime.naam if regime and casus.fase.value == "lopend" else None,
        verbonden_partij={"soort": vp.soort.value if vp.soort else None,
                          **{naam: getattr(vp, naam) for naam in (*VP_VELDEN, "risicos")}},
        belang_begin=belang_begin, belang_eind=belang_eind,
        risico_zinnen=risico_zinnen(casus, kort.feiten, met_redenen, pakket))


def financieel_belang(casus: Casus, gr: bool) -> tuple[int | None, int | None]:
    """Het financieel belang van de gemeente in euro, aan begin en eind van het jaar; None als het niet bekend is.

    Het BBV (art. 1) noemt financieel belang het bedrag dat de gemeente kwijt is als de partij failliet gaat, of
    waarvoor zij aansprakelijk is als de partij haar verplichtingen niet nakomt. Bij een vennootschap, stichting of
    vereniging is dat wat de gemeente inbracht (aandelen, lening, garantie: `financieel_belang_begin` en
    `financieel_belang`). Een gemeenschappelijke regeling gaat niet failliet: de deelnemers staan naar hun aandeel
    in voor tekorten. Daar is het belang het aandeel van de gemeente (`aandeel`, in procenten) in het eigen
    vermogen, plus wat de gemeente daarnaast inbracht. Zonder aandeel of eigen vermogen is het niet bekend (nooit
    0: een onbekend bedrag is geen nul)."""
    vp = casus.verbonden_partij
    uit = []
    for inbreng, vermogen in ((vp.financieel_belang_begin, vp.eigen_vermogen_begin),
                              (vp.financieel_belang, vp.eigen_vermogen_eind)):
        if not gr:
            uit.append(inbreng)
        elif vp.aandeel is None or vermogen is None:
            uit.append(None)
        else:
            uit.append(deel_van(vp.aandeel, vermogen) + (inbreng or 0))
    return uit[0], uit[1]


def _bedrag(bedrag: int) -> str:
    from .waarden import euro

    return euro(abs(bedrag))


# Wat een risico hoog of gemiddeld maakt, als zin voor een raadslid: per veld uit de risicovoorwaarden van het
# pakket, met de waarde uit de casus (geen drempel en geen regeltekst). Een veld dat hier niet staat (een eigen
# pakket kan andere velden gebruiken), krijgt de omschrijving uit het pakket.
def _zin_kosten(w, c: Casus) -> str | None:
    return f"De bijdrage van de gemeente is {_bedrag(w)} per jaar; dat is veel." if isinstance(w, int) else None


def _zin_eigen_vermogen(w, c: Casus) -> str | None:
    if not isinstance(w, int) or w >= 0:
        return None
    jaar = f" van {c.verbonden_partij.jaar}" if c.verbonden_partij.jaar else ""
    deel = deel_van(c.verbonden_partij.aandeel, w)
    return (f"Het eigen vermogen is aan het eind{jaar} negatief: een tekort van {_bedrag(w)}"
            + (f", waarvan {_bedrag(deel)} voor rekening van de gemeente." if deel is not None else "."))


def _zin_resultaat(w, c: Casus) -> str | None:
    if not isinstance(w, int) or w >= 0:
        return None
    jaar = f" over {c.verbonden_partij.jaar}" if c.verbonden_partij.jaar else ""
    return f"Het resultaat{jaar} is een tekort van {_bedrag(w)}."


def _zin_evaluatie(w, c: Casus) -> str | None:
    laatste = c.evaluatie.jaar_laatste_evaluatie
    return f"De laatste evaluatie is van {laatste}, {w} jaar geleden." if laatste is not None else None


def _zin_uittreedkosten(w, c: Casus) -> str | None:
    if w != "hoog":
        return None
    som = c.uittreding.uittreedsom
    return "Uittreden kost veel" + (f": geraamd op {_bedrag(som)}." if isinstance(som, int) else ".")


RISICOZINNEN: dict[str, Callable[[object, Casus], str | None]] = {
    "onderbouwing.kosten_per_jaar": _zin_kosten,
    "verbonden_partij.eigen_vermogen_eind": _zin_eigen_vermogen,
    "verbonden_partij.resultaat": _zin_resultaat,
    "evaluatie.jaren_sinds": _zin_evaluatie,
    "evaluatie.uittreedkosten": _zin_uittreedkosten,
}
RISICOWOORDEN: dict[tuple[str, str], str] = {
    ("evaluatie.kostenontwikkeling", "structureel_overschreden"):
        "De kosten gaan structureel boven de begroting of het besparingsdoel uit.",
    ("evaluatie.kostenontwikkeling", "stijgend"): "De kosten stijgen.",
    ("onderbouwing.begroting_onder_druk", "ja"): "De begroting van de gemeente zelf staat onder druk.",
    ("sturing.informatie_aan_raad", "nee"): "De raad krijgt niet uit zichzelf informatie over de samenwerking.",
    ("sturing.raad_tevreden", "nee"): "De raad is niet tevreden over de informatie en de invloed die hij krijgt.",
    ("samenwerking.vertrouwen", "laag"): "Het vertrouwen tussen de partners is laag.",
    ("sturing.rolverdeling_helder", "nee"): "Het is niet duidelijk wie wat doet.",
    ("sturing.evaluatie_afgesproken", "nee"): "Er is geen vaste evaluatie afgesproken.",
    ("sturing.uittredingsregeling", "nee"): "Er is niet vastgelegd hoe een deelnemer kan uittreden.",
}
# Wat een gemiddeld risico kleiner houdt dan hoog: een feit uit de voorwaarde voor hoog dat gunstig is. Zo leest
# 'uittreden kost veel' bij een gemiddeld risico niet als een tegenspraak.
RISICO_MAAR: dict[tuple[str, str], str] = {
    ("sturing.uittredingsregeling", "ja"): "Wel is vastgelegd hoe een deelnemer uittreedt.",
    ("evaluatie.uittreedkosten", "laag"): "Uittreden kost weinig.",
}


_RISICODELEN: dict[str, tuple[dict[tuple[str, str, str], tuple], dict[str, tuple]]] = {}


def _risicodelen(pakket: Regelpakket) -> tuple[dict[tuple[str, str, str], tuple], dict[str, tuple]]:
    """Per (soort, niveau, omschrijving) de toetsen van dat deel van de risicovoorwaarde (zoals de beoordelaar
    ze omschrijft), en per soort de toetsen van de voorwaarde voor hoog. Eén keer per pakket."""
    sleutel = pakket.inhoudshash
    if sleutel not in _RISICODELEN:
        from .beoordelen import beschrijf_voorwaarde
        from .regels import EenVan, lees_voorwaarde

        parameters = pakket.parameterwaarden()
        delen, hoog = {}, {}
        for risico in pakket.kop.overzicht.risicos:
            for niveau in ("hoog", "midden"):
                voorwaarde = lees_voorwaarde(getattr(risico, niveau))
                if niveau == "hoog":
                    hoog[risico.soort] = tuple(voorwaarde.toetsen())
                for deel in voorwaarde.delen if isinstance(voorwaarde, EenVan) else (voorwaarde,):
                    delen[(risico.soort, niveau, beschrijf_voorwaarde(deel, parameters))] = tuple(deel.toetsen())
        _RISICODELEN[sleutel] = delen, hoog
    return _RISICODELEN[sleutel]


def risico_zinnen(casus: Casus, feiten: dict, met_redenen: dict[str, tuple[str, list[str]]],
                  pakket: Regelpakket) -> dict[str, tuple[str, ...]]:
    """Per risicosoort met een hoog of gemiddeld niveau: wat het zo maakt, in zinnen met de waarden uit de casus."""
    delen, hoog = _risicodelen(pakket)
    uit: dict[str, tuple[str, ...]] = {}
    for soort, (niveau, redenen) in met_redenen.items():
        zinnen: list[str] = []
        gebruikt: set[str] = set()
        for omschrijving in redenen:
            for toets in delen.get((soort, niveau, omschrijving), ()):
                waarde = feiten.get(toets.veld)
                if toets.veld in gebruikt or waarde is None:
                    continue
                gebruikt.add(toets.veld)
                zin = (RISICOZINNEN[toets.veld](waarde, casus) if toets.veld in RISICOZINNEN
                       else RISICOWOORDEN.get((toets.veld, str(waarde))))
                zinnen.append(zin or omschrijving[:1].upper() + omschrijving[1:] + ".")
        if niveau == "midden":
            zinnen += [RISICO_MAAR[(t.veld, str(feiten.get(t.veld)))] for t in hoog.get(soort, ())
                       if t.veld not in gebruikt and (t.veld, str(feiten.get(t.veld))) in RISICO_MAAR]
        if zinnen:
            uit[soort] = tuple(dict.fromkeys(zinnen))
    return uit


def leesbaar(tekst: str) -> str:
    """Tekst die overal heen kan (JSON, xlsx, een webpagina): een bestandsnaam met bytes die geen UTF-8 zijn, komt
    van Python met losse surrogaten terug; die worden het vervangteken (\ufffd)."""
    try:
        tekst.encode("utf-8")
        return tekst
    except UnicodeEncodeError:
        return tekst.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _naam(pad: Path, basis: Path) -> str:
    """De naam van een bestand in het register: ten opzichte van de map, met schuine strepen, leesbaar."""
    return leesbaar(pad.relative_to(basis).as_posix() if pad.is_relative_to(basis) else str(pad))


def _beoordeel_blok(paden: list[Path], basis: Path, beoordelaar: Beoordelaar,
                    peiljaar: int) -> list[Regel | tuple[str, str] | None]:
    """Per bestand de regel, of (bestand, melding) als het niet klopt, of None als het geen casus is maar uitvoer van
    samenwerkingstoets zelf (een advies of overzicht als JSON, in dezelfde map bewaard).

    Het blok gaat in drie rondes: eerst alle bestanden lezen, dan alle casussen valideren, dan alle beoordelen.
    De uitkomst is dezelfde als bestand voor bestand, maar elke ronde houdt haar eigen code en data warm in de cache
    van de processor; bij blokken van 50 is dat ruim een tiende sneller."""
    namen = [_naam(pad, basis) for pad in paden]
    uit: list[Regel | tuple[str, str] | None] = [None] * len(paden)
    gelezen: dict[int, Gelezen] = {}
    for i, pad in enumerate(paden):
        try:
            gelezen_ = lees_yaml(pad)
        except InvoerFout as fout:
            uit[i] = namen[i], leesbaar(str(fout))
            continue
        if not (pad.suffix.lower() == ".json" and _is_uitvoer(gelezen_.data)):
            gelezen[i] = gelezen_
    casussen: dict[int, Casus] = {}
    for i, gelezen_ in gelezen.items():
        try:
            casussen[i] = casus_van(gelezen_, beoordelaar.pakket.woordenlijsten)
        except InvoerFout as fout:
            uit[i] = namen[i], leesbaar(str(fout))
    regels = regels_van(list(casussen.values()), [namen[i] for i in casussen], beoordelaar, peiljaar)
    for i, regel in zip(casussen, regels):
        uit[i] = regel
    return uit


def _is_uitvoer(data: dict) -> bool:
    formaat = data.get("formaat")
    return isinstance(formaat, str) and formaat.startswith("samenwerkingstoets/") and "naam" not in data


# --- parallel: elk proces zijn eigen beoordelaar (de regelsets van durable_rules gaan niet over een pijp) ---

_WERKER: dict = {}
PARALLEL_VANAF = 300  # daaronder kost het starten van processen meer dan het oplevert
BLOK = 50


# Python ruimt standaard na elke 700 nieuwe objecten op; een casus maakt er duizenden, die bijna allemaal vanzelf
# weer verdwijnen. Met een ruimere drempel loopt de opruimer minder vaak en kost het beoordelen bijna een tiende
# minder tijd; kringen van objecten worden nog steeds opgeruimd, dus het geheugen blijft vlak.
OPRUIMDREMPEL = 10_000


_OPRUIMEN: dict = {"actief": 0, "oud": None}  # hoeveel blokken ruimer opruimen nu lopen, en de drempel van daarvoor
_OPRUIMSLOT = threading.Lock()


@contextlib.contextmanager
def ruimer_opruimen() -> Iterator[None]:
    """Zolang dit blok loopt, ruimt Python pas na OPRUIMDREMPEL nieuwe objecten op; daarna weer zoals het was. Lopen
    er meer tegelijk (twee overzichten in de webapplicatie), dan zet het laatste dat klaar is de drempel terug."""
    with _OPRUIMSLOT:
        if not _OPRUIMEN["actief"]:
            _OPRUIMEN["oud"] = gc.get_threshold()
            gc.set_threshold(OPRUIMDREMPEL, *_OPRUIMEN["oud"][1:])
        _OPRUIMEN["actief"] += 1
    try:
        yield
    finally:
        with _OPRUIMSLOT:
            _OPRUIMEN["actief"] -= 1
            if not _OPRUIMEN["actief"]:
                gc.set_threshold(*_OPRUIMEN["oud"])


def _start_werker(regelpad: str, peiljaar: int, basis: str) -> None:
    from .laden import lees_regelpakket

    gc.set_threshold(OPRUIMDREMPEL, *gc.get_threshold()[1:])  # een werkproces doet niets anders dan beoordelen
    if "beoordelaar" not in _WERKER:  # gevorkt: de beoordelaar van het hoofdproces is er al (met zijn regelsets)
        _WERKER["beoordelaar"] = Beoordelaar(lees_regelpakket(regelpad))
    _WERKER.update(peiljaar=peiljaar, basis=Path(basis))


def _werk(paden: list[Path]) -> list[Regel | tuple[str, str] | None]:
    return _beoordeel_blok(paden, _WERKER["basis"], _WERKER["beoordelaar"], _WERKER["peiljaar"])


def _uitkomsten(bestanden: list[Path], basis: Path, beoordelaar: Beoordelaar, peiljaar: int,
                regelpad: str | None, intussen: Callable[[], None] | None = None,
                ) -> Iterator[tuple[int, list[Regel | tuple[str, str] | None]]]:
    """De uitkomsten per blok bestanden, in de volgorde van de bestanden (ook als ze parallel berekend worden:
    dezelfde uitvoer, alleen sneller). `intussen` draait in dit proces terwijl de andere processen rekenen."""
    processen = min(os.cpu_count() or 1, 8)
    blokken = [bestanden[i:i + BLOK] for i in range(0, len(bestanden), BLOK)]
    if regelpad is None or processen < 2 or len(bestanden) < PARALLEL_VANAF:
        if intussen:
            intussen()
        for blok in blokken:
            yield len(blok), _beoordeel_blok(blok, basis, beoordelaar, peiljaar)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # 'fork' (Linux) neemt de al geladen modules mee en start dus snel; elders (macOS, Windows) 'spawn'
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    if context.get_start_method() == "fork":  # de werkprocessen erven de beoordelaar met zijn regelsets
        _WERKER["beoordelaar"] = beoordelaar
    with ProcessPoolExecutor(processen, mp_context=context, initializer=_start_werker,
                             initargs=(str(regelpad), peiljaar, str(basis))) as uitvoerder:
        uitkomsten = uitvoerder.map(_werk, blokken)  # alle processen zijn nu gestart (en gevorkt)
        if intussen:
            intussen()
        try:
            for blok, uitkomst in zip(blokken, uitkomsten):
                yield len(blok), uitkomst
        finally:
            _WERKER.clear()


def maak_overzicht(map_: str | Path, beoordelaar: Beoordelaar, peildatum: dt.date | None = None,
                   voortgang: Callable[[int], Callable[[int], None]] | None = None,
                   regelpad: str | None = None, intussen: Callable[[], None] | None = None,
                   per_blok: Callable[["Overzicht", list[Regel]], None] | None = None,
                   paden: list[Path] | None = None, overgeslagen: list[tuple[Path, str]] | None = None) -> Overzicht:
    """Beoordeel alle casussen onder `map_`. Met `regelpad` (het pakket van de beoordelaar) mag dat in meerdere
    processen; `voortgang(totaal)` geeft een functie die na elk blok het aantal verwerkte bestanden hoort.
    `intussen` is werk voor dit proces terwijl de andere rekenen (zoals de bibliotheek voor de uitvoer laden);
    het draait pas als die processen gestart zijn, want een proces laat zich niet veilig vorken midden in een import.
    `per_blok(overzicht, regels)` krijgt elk blok nieuwe regels zodra het binnen is (in de volgorde van de
    bestanden), zodat de uitvoer al geschreven kan worden terwijl de rest nog beoordeeld wordt."""
    basis = Path(map_)
    # `paden`: de bestanden zijn al gekozen en gecontroleerd (de werkmap van de webapplicatie geeft dezelfde
    # casussen als op haar eigen pagina's, langs dezelfde controle)
    if paden is not None:
        bestanden, overgeslagen = list(paden), list(overgeslagen or [])
    else:
        bestanden, overgeslagen = casusbestanden(basis)
    if peildatum is None:  # zoals het stempel van het collegevoorstel: SOURCE_DATE_EPOCH, anders vandaag
        from .collegevoorstel import stempeldatum

        peildatum = stempeldatum(None)
    peiljaar = peildatum.year
    pakket = beoordelaar.pakket
    ov = pakket.kop.overzicht
    overzicht = Overzicht([], [], peiljaar, f"{pakket.naam} {pakket.versie}",
                          {r.soort: r.naam for r in ov.risicos},
                          {n: (s.naam, s.tekst) for n, s in ov.sturing.items()}, ov.overlap_partners, peildatum,
                          pakket.woordenlijsten, [naam for naam, _ in wgr_punten(pakket)])
    stap = voortgang(len(bestanden)) if voortgang else None
    with ruimer_opruimen():
        for aantal_, uitkomsten in _uitkomsten(bestanden, basis, beoordelaar, peiljaar, regelpad, intussen):
            nieuw = [u for u in uitkomsten if isinstance(u, Regel)]
            overzicht.regels += nieuw
            overzicht.fouten += [u for u in uitkomsten if isinstance(u, tuple)]
            if per_blok and nieuw:
                per_blok(overzicht, nieuw)
            if stap:
                stap(aantal_)
    for pad, melding in overgeslagen:
        overzicht.fouten.append((_naam(pad, basis), leesbaar(melding)))
    overzicht.fouten.sort()
    return overzicht
