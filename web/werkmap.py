# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De werkmap: een map met casusbestanden (het publieke YAML-formaat) en hun varianten.

De webapplicatie leest en schrijft hier dezelfde bestanden als de CLI en het versiebeheer. Een casus heet
naar zijn bestand (`regionale-inkoop-jeugdzorg` is `regionale-inkoop-jeugdzorg.yaml`); een naam uit een URL
of formulier wordt alleen aanvaard als die uit kleine letters, cijfers en streepjes bestaat, en een pad
verlaat de werkmap nooit (geen '..', geen absoluut pad, geen snelkoppeling). Opslaan gebeurt in één keer
(eerst een tijdelijk bestand) en alleen als het bestand niet veranderd is sinds het geopend werd.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import re
import stat
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: daar draait de webapplicatie met één werkproces (zie cli.web)
    fcntl = None

from ..engine.casus import Casus
from ..engine.fouten import BestandFout, InvoerFout
from ..engine.laden import casus_uit_data, casus_van, gelezen_uit, leest_als_tekst, lees_bytes, lees_yaml
from ..engine.woordenlijsten import Woordenlijsten
from .geschiedenis import Geschiedenis
from ..engine.schrijven import schrijf
from ..engine.waarden import maak_id

NAAM = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
MAX_CASUSSEN = 2_000  # een werkmap van een gemeente telt tientallen samenwerkingen, geen duizenden


class NietGevonden(InvoerFout):
    """Er is geen casus (of variant) met deze naam in de werkmap."""


class Gewijzigd(InvoerFout):
    """Het bestand is veranderd sinds het geopend werd; opslaan zou dat werk wissen."""


@dataclass(frozen=True)
class Bestand:
    id: str
    pad: Path
    gewijzigd: dt.datetime


def versie_van(inhoud: bytes) -> str:
    """Een vingerafdruk van de inhoud: verandert het bestand, dan verandert de versie."""
    return hashlib.sha256(inhoud).hexdigest()[:20]


class Werkmap:
    def __init__(self, map_: str | Path, woorden: Woordenlijsten | None = None):
        pad = Path(map_)
        self.woorden = woorden  # de woordenlijsten van het pakket waarmee de casussen gelezen worden
        if not pad.is_dir():
            raise BestandFout(f"De werkmap '{map_}' bestaat niet of is geen map. Maak de map aan of kies een andere "
                              "met --map.")
        self.map = pad.resolve()
        self.varianten = self.map / "varianten"
        self.geschiedenis = Geschiedenis(self.map)
        self._slot = threading.Lock()  # controle op de versie en vervangen gebeuren samen (binnen dit proces)
        self.ruim_op()

    def ruim_op(self, ouder_dan: float = 60.0) -> int:
        """Tijdelijke bestanden van een opslag die werd afgebroken (kill -9, stroomstoring): `.naam.yaml.*.tmp`, ouder
        dan `ouder_dan` seconden, zodat een opslag die nu loopt er niet onder lijdt. Geeft het aantal."""
        weg = 0
        grens = time.time() - ouder_dan
        for map_ in (self.map, self.varianten):
            if map_.is_symlink():
                continue
            try:
                kandidaten = [p for p in map_.glob(".*.yaml.*.tmp")]
            except OSError:
                continue
            for pad in kandidaten:
                try:
                    info = pad.lstat()
                    if stat.S_ISREG(info.st_mode) and info.st_mtime < grens:
                        pad.unlink()
                        weg += 1
                except OSError:
                    continue
        return weg

    # --- paden ---------------------------------------------------------------------------

    @staticmethod
    def _veilig(map_: Path, id_: str, soort: str) -> Path:
        """Het pad van een gewoon bestand direct in `map_`; de naam is al gecontroleerd."""
        pad = map_ / f"{id_}.yaml"
        # alleen een gewoon bestand, direct in deze map: geen snelkoppeling naar elders
        if _gewoon(pad) is None or pad.resolve().parent != map_.resolve():
            raise NietGevonden(f"Er is geen {soort} met de naam '{id_}'.")
        return pad

    def pad(self, id_: str) -> Path:
        if not isinstance(id_, str) or not NAAM.fullmatch(id_):
            raise NietGevonden(f"Er is geen casus met de naam '{str(id_)[:80]}'.")
        return self._veilig(self.map, id_, "casus")

    def bestanden(self) -> list[Bestand]:
        """De casussen van de werkmap: gewone bestanden direct in de map, met een naam die een casus kan hebben.
        Elke pagina, de API en elke download lezen hieruit, of uit `overzichtbestanden` (dezelfde controle)."""
        uit = []
        for pad in sorted(self.map.glob("*.yaml"))[:MAX_CASUSSEN]:
            info = _gewoon(pad)
            if info is not None and NAAM.fullmatch(pad.stem):
                uit.append(Bestand(pad.stem, pad, dt.datetime.fromtimestamp(info.st_mtime).astimezone()))
        return uit

    def overzichtbestanden(self) -> tuple[list[Path], list[tuple[Path, str]]]:
        """Voor het overzicht: ook de casusbestanden in gewone submappen (zoals een map 'archief'), langs dezelfde
        controle als `bestanden`: alleen gewone bestanden, geen snelkoppeling (ook niet naar een map). Wat op een
        casus lijkt maar niet gelezen wordt, komt alleen bij naam in de tweede lijst: er wordt niets uit gelezen."""
        from ..engine.overzicht import SUFFIXEN

        uit: list[Path] = []
        overgeslagen: list[tuple[Path, str]] = []
        te_doen = [(self.map, 0)]
        while te_doen and len(uit) < MAX_CASUSSEN:
            huidig, diepte = te_doen.pop()
            try:
                namen = sorted(p.name for p in huidig.iterdir())
            except OSError:
                continue
            for naam in namen:
                if naam.startswith(".") or (huidig == self.map and naam == "varianten"):
                    continue
                pad = huidig / naam
                try:
                    info = pad.lstat()
                except OSError:
                    continue
                if stat.S_ISDIR(info.st_mode):
                    if diepte < 4:
                        te_doen.append((pad, diepte + 1))
                elif Path(naam).suffix.lower() in SUFFIXEN:
                    if stat.S_ISREG(info.st_mode):
                        uit.append(pad)
                    else:
                        soort = "een snelkoppeling" if stat.S_ISLNK(info.st_mode) else "geen gewoon bestand"
                        overgeslagen.append((pad, f"'{naam[:100]}' is {soort}; de werkmap leest alleen gewone "
                                                  "bestanden. Het is niet gelezen."))
        return sorted(uit)[:MAX_CASUSSEN], sorted(overgeslagen)

    # --- lezen en schrijven --------------------------------------------------------------

    def lees(self, id_: str) -> tuple[Casus, str]:
        """De casus en de versie van het bestand (voor een latere controle bij opslaan); één keer gelezen."""
        gelezen = lees_yaml(self.pad(id_))
        return casus_van(gelezen, self.woorden), versie_van(gelezen.ruw)

    def data(self, id_: str) -> tuple[dict[str, Any], str]:
        """De ruwe gegevens van het bestand (zoals de adviseur ze schreef) en de versie."""
        gelezen = lees_yaml(self.pad(id_))
        if not isinstance(gelezen.data, dict):
            raise InvoerFout(f"Het bestand '{gelezen.pad.name}' bevat geen casus (geen velden met waarden).")
        return gelezen.data, versie_van(gelezen.ruw)

    def nieuw(self, data: dict[str, Any], wie: str = "", regels: dict[str, str] | None = None) -> str:
        """Bewaar een nieuwe casus onder een vrije naam; geeft de naam. De opslag komt in de geschiedenis."""
        casus_uit_data(data, naam="nieuwe casus", woorden=self.woorden)  # eerst geldig, dan pas een bestand
        with self._vergrendeld():
            id_ = _onder_vrije_naam(self.map, "", maak_id(str(data.get("naam", ""))), data, "casus")
            self.geschiedenis.leg_vast(self.pad(id_), wie, f"Nieuwe casus: {data.get('naam', id_)}",
                                       {"Casus": id_, **(regels or {})})
        return id_

    def bewaar(self, id_: str, data: dict[str, Any], versie: str, wie: str = "",
               regels: dict[str, str] | None = None) -> str:
        """Vervang de casus door `data`, alleen als het bestand nog de geopende versie heeft. Geeft de nieuwe
        versie. Opmerkingen en volgorde in het bestand blijven staan waar de velden blijven bestaan. De opslag komt
        in de geschiedenis, met wie en `regels` (velden, adviezen, stap)."""
        pad = self.pad(id_)
        casus_uit_data(data, naam=pad.name, woorden=self.woorden)
        with self._vergrendeld():
            oud = lees_bytes(pad)
            if versie_van(oud) != versie:
                raise self.gewijzigd(id_)
            nieuw = _als_yaml(data, oud.decode("utf-8-sig"))
            schrijf(pad, nieuw, overschrijf=True)
            if nieuw != oud or (regels or {}).get("Stap"):  # een opgeslagen stap telt ook als er niets veranderde
                self.geschiedenis.leg_vast(pad, wie, f"{data.get('naam', id_)}: opgeslagen",
                                           {"Casus": id_, **(regels or {})})
        return versie_van(nieuw)

    # --- beheren: kopiëren, hernoemen, verwijderen (naar de prullenbak) --------------------------------

    PRULLENBAK = ".prullenbak"

    def kopieer(self, id_: str, naam: str, wie: str = "") -> str:
        """Een nieuwe casus met de gegevens van `id_` en een nieuwe naam; geeft de nieuwe naam van het bestand."""
        data, _ = self.data(id_)
        return self.nieuw({**data, "naam": naam}, wie, {"Velden": "naam", "Kopie-van": id_})

    def hernoem(self, id_: str, naam: str, versie: str, wie: str = "") -> str:
        """Geef de casus een nieuwe naam (in het bestand én als bestandsnaam); de geschiedenis noemt beide."""
        data, _ = self.data(id_)
        nieuw_data = {**data, "naam": naam}
        casus_uit_data(nieuw_data, naam=f"{id_}.yaml", woorden=self.woorden)
        with self._vergrendeld():
            oud_pad = self.pad(id_)
            oud = lees_bytes(oud_pad)
            if versie_van(oud) != versie:
                raise self.gewijzigd(id_)
            tekst = _als_yaml(nieuw_data, oud.decode("utf-8-sig"))
            nieuw_id = maak_id(naam)
            if nieuw_id == id_:
                schrijf(oud_pad, tekst, overschrijf=True)
            else:
                nieuw_id = _vrije_naam(self.map, nieuw_id)
                schrijf(self.map / f"{nieuw_id}.yaml", tekst)
                oud_pad.unlink()
            self.geschiedenis.leg_vast([oud_pad, self.map / f"{nieuw_id}.yaml"], wie,
                                       f"Hernoemd: {data.get('naam', id_)} -> {naam}",
                                       {"Casus": nieuw_id, "Velden": "naam", "Was": id_})
        return nieuw_id

    def verwijder(self, id_: str, versie: str, wie: str = "") -> Path:
        """Zet de casus in de prullenbak van de werkmap (terug te halen: het bestand staat er nog, en in de
        geschiedenis); geeft het pad in de prullenbak."""
        with self._vergrendeld():
            pad = self.pad(id_)
            inhoud = lees_bytes(pad)
            if versie_van(inhoud) != versie:
                raise self.gewijzigd(id_)
            bak = self.map / self.PRULLENBAK
            if bak.is_symlink():
                raise InvoerFout("De prullenbak van de werkmap is een snelkoppeling; er is niets verwijderd.")
            bak.mkdir(exist_ok=True)
            doel = bak / f"{id_}-{dt.datetime.now():%Y%m%d-%H%M%S}.yaml"
            schrijf(doel, inhoud)
            pad.unlink()
            naam = _naam_in(inhoud, pad) or id_
            self.geschiedenis.leg_vast(pad, wie, f"Verwijderd: {naam} (naar de prullenbak)",
                                       {"Casus": id_, "Prullenbak": doel.name})
        return doel

    _IN_DE_BAK = re.compile(r"([a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)-(\d{8}-\d{6})\.yaml")

    def _in_de_bak(self) -> list[tuple[Path, re.Match]]:
        """De bestanden in de prullenbak met een naam zoals verwijderen die geeft (casus-jjjjmmdd-uummss.yaml); leeg
        als de prullenbak er niet is of een snelkoppeling is."""
        bak = self.map / self.PRULLENBAK
        if bak.is_symlink() or not bak.is_dir():
            return []
        return [(pad, treffer) for pad in sorted(bak.glob("*.yaml"))[-MAX_CASUSSEN:]
                if (treffer := self._IN_DE_BAK.fullmatch(pad.name))]

    def prullenbak(self) -> list[tuple[str, str, dt.datetime]]:
        """De verwijderde casussen, de laatste eerst: (bestandsnaam in de prullenbak, naam van de casus, wanneer)."""
        uit = [(pad.name, self._naam_in_bak(pad, treffer), dt.datetime.strptime(treffer.group(2), "%Y%m%d-%H%M%S"))
               for pad, treffer in self._in_de_bak() if _gewoon(pad) is not None]
        return sorted(uit, key=lambda r: r[2], reverse=True)

    def aantal_in_prullenbak(self) -> int:
        return len(self._in_de_bak())

    def naam_in_prullenbak(self, bestandsnaam: str) -> str | None:
        """De naam van de casus in één bestand van de prullenbak (None als dat er niet is)."""
        treffer = self._IN_DE_BAK.fullmatch(bestandsnaam)
        pad = self.map / self.PRULLENBAK / bestandsnaam
        if treffer is None or (self.map / self.PRULLENBAK).is_symlink() or _gewoon(pad) is None:
            return None
        return self._naam_in_bak(pad, treffer)

    @staticmethod
    def _naam_in_bak(pad: Path, treffer: re.Match) -> str:
        try:
            return _naam_in(lees_bytes(pad), pad) or treffer.group(1)
        except InvoerFout:
            return treffer.group(1)

    def zet_terug(self, bestandsnaam: str, wie: str = "") -> str:
        """Zet een casus uit de prullenbak terug in de werkmap (onder haar oude naam, of de eerste vrije); geeft
        de naam van het bestand. De geschiedenis noemt het terugzetten."""
        treffer = self._IN_DE_BAK.fullmatch(bestandsnaam) if isinstance(bestandsnaam, str) else None
        bak = self.map / self.PRULLENBAK
        if treffer is None or bak.is_symlink():
            raise NietGevonden("Deze casus staat niet (meer) in de prullenbak.")
        with self._vergrendeld():
            bron = bak / bestandsnaam
            if _gewoon(bron) is None:
                raise NietGevonden("Deze casus staat niet (meer) in de prullenbak.")
            inhoud = lees_bytes(bron)
            nieuw_id = _vrije_naam(self.map, treffer.group(1))
            doel = self.map / f"{nieuw_id}.yaml"
            schrijf(doel, inhoud)
            bron.unlink()
            naam = _naam_in(inhoud, bron) or nieuw_id
            self.geschiedenis.leg_vast(doel, wie, f"Teruggezet: {naam} (uit de prullenbak)",
                                       {"Casus": nieuw_id, "Prullenbak": bestandsnaam})
        return nieuw_id

    def casus_in_versie(self, id_: str, commit: str) -> Casus | None:
        """De casus zoals zij was na een opslag uit de geschiedenis (None als dat bestand er toen niet was of niet
        meer te lezen is)."""
        inhoud = self.geschiedenis.inhoud(self.pad(id_).name, commit)
        if inhoud is None:
            return None
        try:
            return casus_van(gelezen_uit(inhoud, Path(f"{id_}.yaml ({commit[:8]})")), self.woorden)
        except InvoerFout:
            return None

    @contextlib.contextmanager
    def _vergrendeld(self):
        """De versie controleren en het bestand vervangen gebeurt voor één opslag tegelijk: tussen draden van dit
        proces (een slot) en tussen de werkprocessen van de webapplicatie (een advisory lock op de werkmap zelf,
        waar het systeem dat kent; zo komt er geen slotbestand in de map)."""
        with self._slot:
            if fcntl is None:
                yield
                return
            fd = os.open(self.map, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)  # sluiten geeft het slot vrij

    def gewijzigd(self, id_: str) -> Gewijzigd:
        """De fout als het bestand intussen veranderde: er is niets opgeslagen."""
        return Gewijzigd(f"Het bestand '{id_}.yaml' is veranderd sinds u het opende (door iemand anders of in een "
                         "ander venster). Er is niets opgeslagen. Open de casus opnieuw en voer uw wijziging nog "
                         "eens in.")

    # --- varianten -----------------------------------------------------------------------

    def _variantmap(self) -> bool:
        """Is er een gewone map 'varianten' (geen snelkoppeling naar een map elders)?"""
        return not self.varianten.is_symlink() and self.varianten.is_dir()

    def variantbestanden(self, id_: str) -> list[Bestand]:
        if not self._variantmap():
            return []
        uit = []
        for pad in sorted(self.varianten.glob(f"{id_}--*.yaml"))[:MAX_CASUSSEN]:
            try:
                self.variantpad(pad.stem)
            except NietGevonden:
                continue
            uit.append(Bestand(pad.stem, pad, dt.datetime.fromtimestamp(pad.lstat().st_mtime).astimezone()))
        return uit

    def variantpad(self, variant_id: str) -> Path:
        if not isinstance(variant_id, str):
            raise NietGevonden("Er is geen variant met deze naam.")
        casus, _, rest = variant_id.partition("--")
        if not (NAAM.fullmatch(casus) and NAAM.fullmatch(rest)) or not self._variantmap():
            raise NietGevonden(f"Er is geen variant met de naam '{variant_id[:80]}'.")
        return self._veilig(self.varianten, variant_id, "variant")

    def bewaar_variant(self, id_: str, naam: str, omschrijving: str, wijzigingen: dict[str, Any]) -> str:
        self.pad(id_)
        self.varianten.mkdir(exist_ok=True)
        if not self._variantmap():
            raise InvoerFout("De map 'varianten' in de werkmap is geen gewone map; er is niets opgeslagen.")
        data = {"naam": naam, "omschrijving": omschrijving, **wijzigingen}
        return _onder_vrije_naam(self.varianten, f"{id_}--", maak_id(naam), data, "variant")


def _naam_in(inhoud: bytes, pad: Path) -> str | None:
    """De naam van de samenwerking in een casusbestand (None als het bestand er geen leesbare naam in heeft)."""
    try:
        data = gelezen_uit(inhoud, pad).data
    except InvoerFout:
        return None
    naam = data.get("naam") if isinstance(data, dict) else None
    return " ".join(naam.split())[:200] if isinstance(naam, str) and naam.strip() else None


def _gewoon(pad: Path) -> os.stat_result | None:
    """De gegevens van `pad` als het een gewoon bestand is (geen snelkoppeling, map, pijp of apparaat)."""
    try:
        info = pad.lstat()
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _vrije_naam(map_: Path, basis: str) -> str:
    kort = basis[:70].strip("-") or "casus"
    for n in range(1, 1000):
        naam = kort if n == 1 else f"{kort}-{n}"
        if not (map_ / f"{naam}.yaml").exists() and not (map_ / f"{naam}.yaml").is_symlink():
            return naam
    raise InvoerFout("Er is geen vrije bestandsnaam gevonden; kies een andere naam.")


def _onder_vrije_naam(map_: Path, voorvoegsel: str, basis: str, data: dict[str, Any], soort: str) -> str:
    """Schrijf `data` als nieuw bestand onder de eerste vrije naam (basis, basis-2, ...); nooit over een bestaand
    bestand heen, ook niet als een ander het net maakte. Geeft de naam zonder .yaml."""
    kort = basis[:70].strip("-") or soort
    for n in range(1, 1000):
        naam = voorvoegsel + (kort if n == 1 else f"{kort}-{n}")
        pad = map_ / f"{naam}.yaml"
        if pad.exists() or pad.is_symlink():
            continue
        try:
            schrijf(pad, _als_yaml(data, None))
        except InvoerFout:
            continue  # net door een ander gemaakt: de volgende naam
        return naam
    raise InvoerFout(f"Er is geen vrije bestandsnaam voor deze {soort} gevonden; kies een andere naam.")


def _als_yaml(data: dict[str, Any], oud: str | None) -> bytes:
    """De gegevens als YAML. Bestaat het bestand al, dan blijven opmerkingen en de volgorde van de velden
    staan (ruamel.yaml leest en schrijft het bestand 'rond'); alleen wat veranderde, verandert."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    if oud is not None:
        # een regel die de schrijver langer maakte dan 100 tekens, of tussen quotes zette, blijft zoals hij was
        # (anders zou elke opslag het hele bestand opnieuw afbreken)
        yaml.width = 4096
        yaml.preserve_quotes = True
        boom = yaml.load(oud)  # al door de veilige lader gelezen en goedgekeurd (geen tags, geen verwijzingen)
        if not isinstance(boom, CommentedMap):
            boom = CommentedMap()
    else:
        boom = CommentedMap()
    _werk_bij(boom, data)
    uit = io.StringIO()
    yaml.dump(boom, uit)
    return uit.getvalue().encode("utf-8")


def _werk_bij(boom: Any, data: dict[str, Any], groep: str = "") -> None:
    for sleutel in [k for k in boom if k not in data]:
        del boom[sleutel]
    volgorde = _VOLGORDE.get(groep, [])
    for sleutel, waarde in data.items():
        if isinstance(waarde, dict) and hasattr(boom.get(sleutel), "keys"):
            _werk_bij(boom[sleutel], waarde, f"{groep}.{sleutel}" if groep else sleutel)
        elif sleutel not in boom and sleutel in volgorde and hasattr(boom, "insert"):
            # een nieuw veld komt op zijn plaats in de volgorde van het casusformaat (zie de README), niet onderaan
            plek = sum(1 for k in boom if k in volgorde and volgorde.index(k) < volgorde.index(sleutel))
            boom.insert(plek, sleutel, _zoals_gelezen(waarde))
        elif sleutel not in boom or not _gelijk(boom[sleutel], waarde):
            boom[sleutel] = _zoals_gelezen(waarde)


def _maak_volgorde() -> dict[str, list[str]]:
    """Per groep ('' bovenaan) de velden in de volgorde van het casusformaat."""
    from ..engine.casus import CATALOGUS

    uit: dict[str, list[str]] = {}
    for pad in CATALOGUS:
        if "[]" in pad:
            continue
        delen = pad.split(".")
        for i in range(len(delen)):
            groep, naam = ".".join(delen[:i]), delen[i]
            if naam not in uit.setdefault(groep, []):
                uit[groep].append(naam)
    return uit


_VOLGORDE = _maak_volgorde()


def _zoals_gelezen(waarde: Any) -> Any:
    """Een tekst die de lezer van het programma (YAML 1.1, zoals PyYAML) anders zou lezen dan ruamel.yaml hem
    schrijft (YAML 1.2), komt tussen aanhalingstekens: een casus die 'Off', 'Yes', '12:30', '0x1F' of '~' heet,
    wordt zo weer precies die tekst, en geen ja/nee-waarde, getal of niets."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(waarde, str) and not leest_als_tekst(waarde):
        return DoubleQuotedScalarString(waarde)
    if isinstance(waarde, list):
        lijst = [_zoals_gelezen(w) for w in waarde]
        if lijst and all(isinstance(w, (int, str)) for w in waarde) and len(repr(waarde)) < 60:
            # een kort lijstje woorden of scores op één regel, zoals de README het schrijft: [4, onbekend]
            lijst = CommentedSeq(lijst)
            lijst.fa.set_flow_style()
        return lijst
    if isinstance(waarde, dict):
        return {k: _zoals_gelezen(w) for k, w in waarde.items()}
    return waarde


def _gelijk(oud: Any, nieuw: Any) -> bool:
    """Is de waarde in het bestand gelijk aan de nieuwe? De veilige lader leest een datum als tekst
    ('2026-11-01'), ruamel.yaml als datum: dezelfde datum blijft dan staan zoals hij stond (niet tussen quotes)."""
    if type(oud) is dt.date and isinstance(nieuw, str):
        return oud.isoformat() == nieuw
    if isinstance(oud, str) and isinstance(nieuw, str):
        # een formulier geeft tekst zonder witruimte aan de randen; een tekstblok in het bestand ('>') eindigt op een
        # nieuwe regel. Dat is dezelfde tekst: het blok blijft staan zoals het stond.
        return oud.strip() == nieuw.strip()
    return oud == nieuw
