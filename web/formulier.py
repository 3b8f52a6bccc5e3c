# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De intake als formulier, afgeleid uit het casusmodel (nooit een tweede lijst van de velden).

Elke groep van het casusmodel (opgave, toegevoegde waarde, doelen, ...) is een stap; de losse velden
bovenaan vormen de stap 'Basisgegevens'. Elk veld komt met zijn Nederlandse label en woordenlijst uit
de veldcatalogus, en met de criteria van het regelpakket die het lezen (de bron die het dient).
`lees_stap` zet wat de adviseur invulde om naar casusgegevens; de validatie (met dezelfde meldingen als
de CLI) gebeurt daarna op de hele casus, in de werkmap.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any, Mapping

from ..engine.casus import GEEN_IS_ANTWOORD, GEEN_OPGAVE, ONBEKEND, PAKKETVRAGEN, STELLINGEN, SUCCESFACTOREN, Casus
from ..engine.fouten import Melding
from ..engine.regels import Regelpakket
from ..engine.waarden import lees_bedrag, toon, woord

BASIS = "basis"
# Vast: schemaversie 1; afwegingen staan op de adviespagina; de eigen vragen van het pakket staan in hun eigen groep.
NIET_IN_FORMULIER = {"schema", "afwegingen", PAKKETVRAGEN}
MAX_PARTNERS = 30
LEGE_PARTNERRIJEN = 2
GEEN = "geen"  # het vinkje 'geen van deze' bij een lijst woorden
# Stappen die alleen bij een lopende samenwerking iets vragen: de evaluatie, het register van de verbonden partij
# (eigen vermogen, resultaat over een jaar) en het uittreden.
ALLEEN_LOPEND = {"evaluatie", "verbonden_partij", "uittreding"}


@dataclass(frozen=True)
class Veld:
    pad: str
    soort: str  # woord | woorden | getal | tekst | lange_tekst | datum | scores
    label: str
    hulp: str
    waarden: tuple[str, ...] = ()
    telt_mee_voor: tuple[str, ...] = ()  # criteria (met bron) die dit veld lezen
    verplicht: bool = False
    stellingen: tuple[str, ...] = ()  # bij een factor van de scan: de twee stellingen
    geen_mogelijk: bool = False  # 'er is er geen' is een antwoord (in het bestand: `geen`)
    woorden: tuple[tuple[str, str, str], ...] = ()  # bij woorden uit het pakket: (woord, label, uitleg)

    def label_van(self, woord_: str) -> str:
        """Een keuze zoals de adviseur haar ziet: het label uit het pakket, anders het woord met zijn spelling."""
        return next((label for w, label, _ in self.woorden if w == woord_), None) or woord(woord_)

    def uitleg_van(self, woord_: str) -> str:
        return next((uitleg for w, _, uitleg in self.woorden if w == woord_), "")

    @property
    def jaartal(self) -> bool:
        return self.soort == "getal" and is_jaartal(self.pad)


def is_jaartal(pad: str) -> bool:
    """Een getalveld dat een jaartal is (jaar_laatste_evaluatie, verbonden_partij.jaar), geen bedrag."""
    return pad.rsplit(".", 1)[-1].startswith("jaar")


@dataclass(frozen=True)
class Stap:
    sleutel: str
    titel: str
    velden: tuple[Veld, ...] = ()
    partners: bool = False  # de stap met de lijst partners
    scan_per_partner: bool = False  # de stap met de succesfactoren, ook per partner
    alleen_fase: str | None = None


def _titel(tekst: str) -> str:
    tekst = re.sub(r"\s*\(.*\)$", "", tekst)
    return tekst[:1].upper() + tekst[1:]


def _criteria_per_veld(pakket: Regelpakket) -> dict[str, tuple[str, ...]]:
    """Per casusveld de criteria die het lezen, met hun korte bron: 'Opgave als vertrekpunt (Visie Alkmaar)'."""
    uit: dict[str, dict[str, None]] = {}
    for regel in pakket.regels:
        criterium = pakket.kop.criteria[regel.regel.criterium]
        document = criterium.bron.partition("#")[0]
        bron = pakket.kop.bronnen.get(document)
        tekst = f"{criterium.naam} ({(bron.kort or bron.titel) if bron else document})"
        for veld in regel.basisvelden:
            uit.setdefault(veld.replace("[]", ""), {})[tekst] = None
    return {veld: tuple(criteria) for veld, criteria in uit.items()}


def _hulp(soort: str, toelichting: str, info) -> str:
    """Eén regel hulp bij een veld: de toelichting uit het casusmodel, of wat een antwoord betekent."""
    if info.pad in GEEN_IS_ANTWOORD:
        return "Weet u het nog niet, laat het vak dan leeg; is er echt geen, vink dat dan aan."
    if toelichting:
        return toelichting[:1].upper() + toelichting[1:] + "."
    if info.pad in ("naam", "fase"):
        return ("De naam waaronder de samenwerking in stukken en overleggen bekend is." if info.pad == "naam"
                else "Een voorstel voor een nieuwe samenwerking, of een lopende.")
    doel = next((t for groep, t in _GROEPDOEL.items() if info.pad.startswith(groep + ".")), "")
    if soort == "woord":
        # wat voor vraag het is: een feit dat de gemeente niet kiest, of hoe het geregeld is (of in het voorstel staat)
        aard = ("Een feit over de taak, de wet of de omgeving; geen keuze van de gemeente." if info.wereldfeit else
                "Antwoord zoals het nu geregeld is, of zoals het voorstel het regelt.")
        return " ".join(t for t in (doel, aard, "Weet u het (nog) niet, laat dan 'onbekend' staan.") if t)
    tekst = {
        "woorden": "Vink aan wat van toepassing is.",
        "getal": "Een jaartal, zoals 2024." if is_jaartal(info.pad) else
                 "Een bedrag in euro's, geschreven zoals u gewend bent: 750.000 of 1,5 miljoen.",
        "scores": "Per stelling een score van 1 (helemaal oneens) tot 5 (helemaal eens).",
        "datum": ("De datum waarop de feiten betrekking hebben." if info.pad == "peildatum" else
                  "Een datum, zoals 1-1-2027; weet u hem (nog) niet, laat het vak dan leeg."),
    }.get(soort, "In uw eigen woorden. Weet u het (nog) niet, laat het dan leeg.")
    return f"{doel} {tekst}" if doel else tekst


# Waar een groep velden voor dient die de regels niet lezen: dat zegt de hulp bij elk veld erin.
_GROEPDOEL = {
    "collegevoorstel": "Voor de kop van het collegevoorstel.",
    "verbonden_partij": "Voor het register en de paragraaf verbonden partijen in de begroting.",
    "uittreding": "Voor het besluit over uittreden; komt in het collegevoorstel als het advies beëindigen is.",
}


_STAPPEN: dict[str, tuple[Stap, ...]] = {}


def stappen(pakket: Regelpakket) -> tuple[Stap, ...]:
    """De stappen van de intake, in de volgorde van het casusmodel; één keer opgebouwd per pakket(inhoud)."""
    if pakket.inhoudshash not in _STAPPEN:
        _STAPPEN[pakket.inhoudshash] = _maak_stappen(pakket)
    return _STAPPEN[pakket.inhoudshash]


def _maak_stappen(pakket: Regelpakket) -> tuple[Stap, ...]:
    criteria = _criteria_per_veld(pakket)
    catalogus = pakket.catalogus  # met de woorden en de eigen vragen van het pakket
    lijsten = pakket.woordenlijsten

    def veld(pad: str, info) -> Veld:
        soort = info.soort
        if soort == "tekst" and pad in ("omschrijving", "opgave.omschrijving"):
            soort = "lange_tekst"
        kop, _, toelichting = info.beschrijving.partition("; ")
        factor = pad.removeprefix("succesfactoren.")
        # de hulp van het pakket (veldhulp in pack.yaml, in de woorden van de gemeente) gaat voor
        hulp = pakket.kop.veldhulp.get(pad) or _hulp(soort, toelichting, info)
        return Veld(pad=pad, soort=soort, label=kop[:1].upper() + kop[1:], hulp=hulp,
                    waarden=tuple(info.waarden), telt_mee_voor=criteria.get(pad, ())[:4],
                    verplicht=pad in ("naam", "fase"), stellingen=STELLINGEN.get(factor, ()) if soort == "scores"
                    else (), geen_mogelijk=pad in GEEN_IS_ANTWOORD,
                    woorden=tuple((w, v.label, v.uitleg) for w, v in getattr(lijsten, info.woordenlijst).items())
                    if info.woordenlijst else ())

    basis: list[Veld] = []
    uit: list[Stap] = []
    for naam, info in Casus.model_fields.items():
        sleutel = info.alias or naam
        if sleutel in NIET_IN_FORMULIER:
            continue
        titel = _titel(info.description or sleutel)
        kinderen = [(p, v) for p, v in catalogus.items()
                    if p.startswith(sleutel + ".") and not v.afgeleid and "[]" not in p]
        if sleutel == "partners":
            uit.append(Stap("partners", "Partners", partners=True))
        elif sleutel == "succesfactoren":
            uit.append(Stap(sleutel, titel, tuple(veld(p, v) for p, v in kinderen), scan_per_partner=True))
        elif sleutel == "succesfactoren_per_partner":
            continue  # hoort bij de stap 'succesfactoren'
        elif kinderen:
            uit.append(Stap(sleutel, titel, tuple(veld(p, v) for p, v in kinderen),
                            alleen_fase="lopend" if sleutel in ALLEEN_LOPEND else None))
        else:
            basis.append(veld(sleutel, catalogus[sleutel]))
    return (Stap(BASIS, "Basisgegevens", tuple(basis)), *uit)


def nieuwe_casus() -> dict:
    """De gegevens van een casus die net begint: alles onbekend (een ontbrekend veld is onbekend)."""
    return {"schema": 1}


def stappen_voor(pakket: Regelpakket, fase: str | None) -> tuple[Stap, ...]:
    return tuple(s for s in stappen(pakket) if s.alleen_fase is None or s.alleen_fase == fase)


# --- waarden in en uit het formulier ------------------------------------------------------

def _haal(data: dict, pad: str) -> Any:
    huidig: Any = data
    for deel in pad.split("."):
        if not isinstance(huidig, dict):
            return None
        huidig = huidig.get(deel)
    return huidig


def _zet(data: dict, pad: str, waarde: Any) -> None:
    """Zet een veld; None haalt het weg (niet bekend). Een groep die daardoor leeg wordt, verdwijnt ook: een stap
    die niets invult, schrijft geen lege groepen in het bestand."""
    *groepen, naam = pad.split(".")
    if waarde is None:
        ketting = [data]
        for groep in groepen:
            volgende = ketting[-1].get(groep)
            if not isinstance(volgende, dict):
                return
            ketting.append(volgende)
        ketting[-1].pop(naam, None)
        for ouder, groep, kind in zip(reversed(ketting[:-1]), reversed(groepen), reversed(ketting[1:])):
            if kind:
                break
            ouder.pop(groep, None)
        return
    doel = data
    for groep in groepen:
        if not isinstance(doel.get(groep), dict):
            doel[groep] = {}
        doel = doel[groep]
    doel[naam] = waarde


def formulierwaarden(stap: Stap, data: dict) -> dict[str, Any]:
    """De huidige waarden van een stap, per formulierveld (voor het tonen van het formulier)."""
    uit: dict[str, Any] = {}
    for v in stap.velden:
        waarde = _haal(data, v.pad)
        if v.soort == "scores":
            uit[v.pad + ".a"], uit[v.pad + ".b"] = _twee(waarde)
        elif v.soort == "woorden":
            uit[v.pad] = ([str(w) for w in waarde] or [GEEN]) if isinstance(waarde, list) else (
                [str(waarde)] if isinstance(waarde, str) and waarde != "onbekend" else [])
        elif v.geen_mogelijk:
            uit[v.pad] = "" if waarde in (None, "onbekend", GEEN_OPGAVE) else _tekst(waarde)
            uit[v.pad + ".geen"] = waarde == GEEN_OPGAVE
        elif v.soort == "getal" and isinstance(waarde, int) and not v.jaartal:
            uit[v.pad] = toon(waarde)  # '1.200.000', zoals een adviseur het schrijft (en de lezer het weer leest)
        else:
            uit[v.pad] = _tekst(waarde)
    if stap.partners:
        partners = data.get("partners") if isinstance(data.get("partners"), list) else []
        for i, p in enumerate([*partners, *([{}] * LEGE_PARTNERRIJEN)][:MAX_PARTNERS]):
            p = p if isinstance(p, dict) else {}
            for deel in ("naam", "soort", "belang"):
                uit[f"partners.{i}.{deel}"] = _tekst(p.get(deel))
    if stap.scan_per_partner:
        scans = data.get("succesfactoren_per_partner")
        scans = scans if isinstance(scans, dict) else {}
        for i, naam in enumerate(partnernamen(data)):
            scan = scans.get(naam) if isinstance(scans.get(naam), dict) else {}
            for factor in SUCCESFACTOREN:
                uit[f"per_partner.{i}.{factor}.a"], uit[f"per_partner.{i}.{factor}.b"] = _twee(scan.get(factor))
    return uit


def _twee(waarde: Any) -> tuple[str, str]:
    """De twee stellingen van een factor als formulierwaarden ('' als onbekend)."""
    a, b = (waarde + [None, None])[:2] if isinstance(waarde, list) else (None, None)
    return _tekst(None if a == ONBEKEND else a), _tekst(None if b == ONBEKEND else b)


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return str(waarde)


def partnernamen(data: dict) -> list[str]:
    partners = data.get("partners") if isinstance(data.get("partners"), list) else []
    return [str(p["naam"]) for p in partners if isinstance(p, dict) and isinstance(p.get("naam"), str)
            and p["naam"].strip()][:MAX_PARTNERS]


def een(form: Mapping[str, list[str]], sleutel: str) -> str:
    waarden = form.get(sleutel) or [""]
    return str(waarden[0]).strip()


def _getal_of_tekst(tekst: str) -> Any:
    """'2021' en '€ 750.000' worden een getal (zoals de lezer van bedragen ze leest); wat geen getal is, blijft
    tekst, zodat de validatie er dezelfde melding over geeft als bij een casusbestand."""
    getal = lees_bedrag(tekst) if len(tekst) < 40 else tekst
    return getal if isinstance(getal, int) else tekst


def _scores(form: Mapping[str, list[str]], sleutel: str) -> Any:
    a, b = een(form, sleutel + ".a"), een(form, sleutel + ".b")
    if not a and not b:
        return None
    # één stelling ingevuld: bewaard als concept ([3, onbekend]); de factor telt pas mee met twee scores
    return [_getal_of_tekst(x) if x else ONBEKEND for x in (a, b)]


def halve_paren(stap: Stap, data: dict) -> list[str]:
    """De factoren van de scan waarvan maar één stelling is ingevuld (bewaard als concept), als vraag in gewone
    woorden: wat er nog ontbreekt en wat het betekent."""
    if not stap.scan_per_partner:
        return []
    labels = {v.pad.split(".")[-1]: v.label for v in stap.velden if v.soort == "scores"}
    scans = [("", data.get("succesfactoren"))]
    per_partner = data.get("succesfactoren_per_partner")
    if isinstance(per_partner, dict):
        scans += [(f" (scan van {naam})", scan) for naam, scan in per_partner.items()]
    uit = []
    for wie, scan in scans:
        for factor, label in labels.items():
            paar = scan.get(factor) if isinstance(scan, dict) else None
            if isinstance(paar, list) and len(paar) == 2 and [s == ONBEKEND for s in paar].count(True) == 1:
                ingevuld, open_ = ("a", "b") if paar[1] == ONBEKEND else ("b", "a")
                uit.append(f"Bij '{label}'{wie} is alleen stelling {ingevuld} ingevuld. Die is bewaard; vul stelling "
                           f"{open_} in wanneer u die weet. De factor telt pas mee in het advies met twee scores.")
    return uit


def lees_stap(stap: Stap, form: Mapping[str, list[str]], data: dict) -> dict:
    """De casusgegevens met de velden van deze stap vervangen door wat het formulier zegt.
    Een leeg veld betekent: niet bekend (het veld verdwijnt uit het bestand)."""
    nieuw = copy.deepcopy(data)
    for v in stap.velden:
        if v.soort == "scores":
            waarde = _scores(form, v.pad)
        elif v.soort == "woorden":
            gekozen = [str(w).strip() for w in form.get(v.pad, []) if str(w).strip()][:50]
            # 'geen van deze' is een bekend antwoord (een lege lijst); niets aangevinkt is onbekend
            waarde = [w for w in gekozen if w != GEEN] if gekozen else None
            oud = _haal(nieuw, v.pad)
            if waarde and isinstance(oud, list):  # de volgorde uit het bestand blijft (een vinkje heeft er geen)
                waarde = [w for w in oud if w in waarde] + [w for w in waarde if w not in oud]
        elif v.soort == "getal":
            tekst = een(form, v.pad)
            waarde = _getal_of_tekst(tekst) if tekst else None
        elif v.geen_mogelijk:
            tekst = een(form, v.pad)
            waarde = GEEN_OPGAVE if een(form, v.pad + ".geen") == "ja" else (tekst or None)
        else:
            tekst = een(form, v.pad)
            waarde = tekst or None
        _zet(nieuw, v.pad, waarde)
    if stap.partners:
        partners = []
        for i in range(MAX_PARTNERS + LEGE_PARTNERRIJEN):
            rij = {deel: een(form, f"partners.{i}.{deel}") for deel in ("naam", "soort", "belang")}
            if not any(rij.values()) or een(form, f"partners.{i}.weg") == "ja":
                continue
            partners.append({k: w for k, w in rij.items() if w or k == "naam"})
        _zet(nieuw, "partners", partners or None)
        # de scan van een partner die er niet meer is, gaat mee weg
        scans = nieuw.get("succesfactoren_per_partner")
        if isinstance(scans, dict):
            namen = {p["naam"] for p in partners}
            _zet(nieuw, "succesfactoren_per_partner", {n: v for n, v in scans.items() if n in namen} or None)
    if stap.scan_per_partner:
        scans: dict[str, Any] = {}
        oud = nieuw.get("succesfactoren_per_partner") if isinstance(nieuw.get("succesfactoren_per_partner"), dict) \
            else {}
        for i, naam in enumerate(partnernamen(nieuw)):
            if not any(k.startswith(f"per_partner.{i}.") for k in form):
                if naam in oud:  # deze partner stond niet op het formulier (één partner tegelijk): blijft staan
                    scans[naam] = oud[naam]
                continue
            scan = {f: s for f in SUCCESFACTOREN if (s := _scores(form, f"per_partner.{i}.{f}")) is not None}
            if scan:
                scans[naam] = scan
        _zet(nieuw, "succesfactoren_per_partner", scans or None)
    return nieuw


def formulierveld(melding: Melding, data: dict) -> str | None:
    """Het formulierveld waar een melding over gaat: 'partners[2].naam' -> 'partners.1.naam'."""
    if not melding.veld:
        return None
    pad = re.sub(r"\[(\d+)\]", lambda m: f".{int(m.group(1)) - 1}", melding.veld)
    if pad.startswith("succesfactoren_per_partner."):
        _, naam, *rest = pad.split(".")
        namen = partnernamen(data)
        if naam in namen:
            return ".".join(["per_partner", str(namen.index(naam)), *rest])
    return pad
