# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De geschiedenis van elke casus, in git in de werkmap zelf (met dulwich, zonder git-programma).

Elke opslag uit de webapplicatie wordt een commit van alleen dat casusbestand, met wie het deed, welke velden
veranderden en het advies ervoor en erna in regels onderaan het bericht ('Velden: ...', 'Advies-voor: ...'). Zo
werkt de geschiedenis ook op de opdrachtregel (`git log -- casus.yaml`) en gaat zij mee als de map gekopieerd
wordt. Een werkmap die nog geen repository is, wordt er een bij de eerste opslag; eigen commits van de gebruiker
blijven staan en verschijnen ook in de geschiedenis (zonder velden en adviezen).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

SLEUTELS = ("Casus", "Velden", "Advies-voor", "Advies-na", "Stap", "Intake", "Was", "Kopie-van", "Prullenbak")
_REGEL = re.compile(r"^(" + "|".join(SLEUTELS) + r"): (.*)$", re.M)
_NAAM = re.compile(r"[^\w .'-]+", re.UNICODE)


@dataclass(frozen=True)
class Versie:
    """Eén opslag van een casus."""

    commit: str
    wie: str
    wanneer: dt.datetime
    velden: tuple[str, ...]
    advies_voor: str | None
    advies_na: str | None
    stap: str | None = None
    bericht: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def schone_naam(naam: str) -> str:
    """Een naam voor in git: zonder <, >, regeleinden en andere tekens die een auteur breken; hooguit 80 tekens."""
    return " ".join(_NAAM.sub(" ", naam).split())[:80] or "onbekende adviseur"


class Geschiedenis:
    def __init__(self, map_: Path):
        self.map = map_
        self._slot = threading.Lock()
        self._stappen: tuple[bytes, dict[str, set[str]]] | None = None

    def _repo(self, maken: bool):
        from dulwich.repo import NotGitRepository, Repo

        try:
            return Repo(str(self.map))
        except NotGitRepository:
            if not maken:
                return None
            return Repo.init(str(self.map))

    def leg_vast(self, bestand: Path | list[Path], wie: str, titel: str, regels: dict[str, str]) -> str:
        """Commit alleen `bestand` (of deze bestanden; een bestand dat weg is: de verwijdering), met wie en de
        regels onderaan."""
        from dulwich import porcelain

        naam = schone_naam(wie)
        bericht = titel + "\n\n" + "".join(f"{k}: {' '.join(str(v).split())}\n" for k, v in regels.items() if v)
        auteur = f"{naam} <adviseur@samenwerkingstoets.invalid>".encode()
        with self._slot:
            repo = self._repo(maken=True)
            try:
                for pad in bestand if isinstance(bestand, list) else [bestand]:
                    if pad.exists():
                        porcelain.add(repo, [str(pad)])
                    elif pad.relative_to(self.map).as_posix().encode() in repo.open_index():
                        porcelain.remove(repo, [str(pad)], cached=True)
                sha = porcelain.commit(repo, message=bericht.encode(), author=auteur, committer=auteur)
            finally:
                repo.close()
        return sha.decode() if isinstance(sha, bytes) else str(sha)

    def van(self, bestandsnaam: str, hooguit: int = 200) -> list[Versie]:
        """De opslagen van één casusbestand, de nieuwste eerst."""
        repo = self._repo(maken=False)
        if repo is None:
            return []
        try:
            if not _heeft_head(repo):
                return []
            uit = []
            for ingang in repo.get_walker(paths=[bestandsnaam.encode()], max_entries=hooguit):
                uit.append(_versie(ingang.commit))
            return uit
        finally:
            repo.close()

    def inhoud(self, bestandsnaam: str, commit: str) -> bytes | None:
        """Het casusbestand zoals het was na `commit` (of None als het er toen niet was)."""
        from dulwich.object_store import tree_lookup_path

        if not re.fullmatch(r"[0-9a-f]{40}", commit):
            return None
        repo = self._repo(maken=False)
        if repo is None:
            return None
        try:
            try:
                boom = repo[commit.encode()].tree
                _, sha = tree_lookup_path(repo.object_store.__getitem__, boom, bestandsnaam.encode())
            except (KeyError, AttributeError):
                return None
            return repo[sha].data
        finally:
            repo.close()

    def nieuwe_naam(self, oud: str) -> str | None:
        """De naam die een hernoemde casus nu heeft (de geschiedenis noemt bij hernoemen 'Was: oud'), ook na een
        paar keer hernoemen; None als de casus nooit zo heette."""
        repo = self._repo(maken=False)
        if repo is None:
            return None
        try:
            if not _heeft_head(repo):
                return None
            hernoemd: dict[str, str] = {}
            for ingang in repo.get_walker(max_entries=20_000):
                regels = dict(_REGEL.findall(_tekst(ingang.commit.message)))
                if regels.get("Was") and regels.get("Casus"):
                    hernoemd.setdefault(regels["Was"], regels["Casus"])  # de nieuwste eerst
        finally:
            repo.close()
        naam, gezien = oud, {oud}
        while naam in hernoemd and hernoemd[naam] not in gezien and len(gezien) < 20:
            naam = hernoemd[naam]
            gezien.add(naam)
        return None if naam == oud else naam

    def bezochte_stappen(self) -> dict[str, set[str]]:
        """Per casus die in de intake begon ('Intake: nieuw'): de stappen die al eens zijn opgeslagen. Eén keer
        berekend per stand van de repository."""
        repo = self._repo(maken=False)
        if repo is None:
            return {}
        try:
            if not _heeft_head(repo):
                return {}
            head = repo.head()
            if self._stappen and self._stappen[0] == head:
                return self._stappen[1]
            begonnen: dict[str, set[str]] = {}
            stappen: dict[str, set[str]] = {}
            for ingang in repo.get_walker(max_entries=20_000):
                regels = dict(_REGEL.findall(_tekst(ingang.commit.message)))
                casus = regels.get("Casus")
                if not casus:
                    continue
                if regels.get("Stap"):
                    stappen.setdefault(casus, set()).add(regels["Stap"])
                if regels.get("Intake") == "nieuw":
                    begonnen[casus] = stappen.setdefault(casus, set())
            self._stappen = (head, begonnen)
            return begonnen
        finally:
            repo.close()


def _heeft_head(repo) -> bool:
    try:
        repo.head()
        return True
    except KeyError:
        return False


def _tekst(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _versie(commit) -> Versie:
    bericht = _tekst(commit.message)
    regels = dict(_REGEL.findall(bericht))
    wie = _tekst(commit.author).split(" <", 1)[0]
    zone = dt.timezone(dt.timedelta(seconds=commit.author_timezone))
    wanneer = dt.datetime.fromtimestamp(commit.author_time, tz=zone)
    velden = tuple(v.strip() for v in regels.get("Velden", "").split(",") if v.strip() and v.strip() != "geen")
    return Versie(commit=commit.id.decode(), wie=wie, wanneer=wanneer, velden=velden,
                  advies_voor=regels.get("Advies-voor"), advies_na=regels.get("Advies-na"), stap=regels.get("Stap"),
                  bericht=bericht.split("\n", 1)[0])


def gewijzigde_velden(oud: dict, nieuw: dict, voorvoegsel: str = "") -> list[str]:
    """De veldpaden die verschillen tussen twee casusgegevens (groepen per veld; een lijst als geheel)."""
    uit = []
    for sleutel in list(dict.fromkeys([*oud, *nieuw])):
        if sleutel == "schema" and not voorvoegsel:
            continue  # de versie van het formaat: geen gegeven over de samenwerking
        a, b = oud.get(sleutel), nieuw.get(sleutel)
        pad = f"{voorvoegsel}{sleutel}"
        if (isinstance(a, dict) or a is None) and (isinstance(b, dict) or b is None) and (a or b) is not None:
            uit += gewijzigde_velden(a or {}, b or {}, pad + ".")  # een nieuwe groep: de velden erin
        elif a != b and str(a).strip() != str(b).strip():  # een tekstblok eindigt in het bestand op een nieuwe regel
            uit.append(pad)
    return uit
