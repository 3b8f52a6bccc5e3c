"""Het overzicht van alle samenwerkingen tonen: als tabellen in de terminal, als JSON, als werkmap voor
een spreadsheet (xlsx, een blad per weergave) en als concept van de paragraaf verbonden partijen
(Markdown of Word, in de opbouw die het BBV in art. 15 vraagt). Een weergave rekent niets uit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json as _json
import sys
from typing import Any, Iterator

from ..casus import Schaal, Thema
from ..overzicht import RISICONIVEAUS, VP_VELDEN, WGR_PUNTEN, Overzicht, Regel
from ..waarden import aantal, euro, woord
from .collegeadvies import Afbeelding, Alinea, Document, Kop, Lijst, Stempel, Tabel

FORMAAT = "samenwerkingstoets/overzicht/1"
EXTENSIES = {"docx": (".docx",), "xlsx": (".xlsx",), "markdown": (".md", ".markdown"), "json": (".json",),
             "tabel": (".txt",)}
# Wat het BBV (art. 1) een verbonden partij noemt: een organisatie waarin de gemeente een bestuurlijk én een
# financieel belang heeft. Bij deze vormen is dat er doorgaans; een gemeenschappelijk orgaan is geen rechtspersoon,
# maar kan wel een verbonden partij zijn.
VORMEN_VERBONDEN_PARTIJ = ("openbaar_lichaam", "bedrijfsvoeringsorganisatie", "gemeenschappelijk_orgaan",
                           "stichting", "vereniging", "vennootschap")
KLEUR_ADVIES = {"positief": "#1c6b2f", "onder voorwaarden": "#b7791f", "negatief": "#b00020",
                "nog geen advies": "#767676"}
KLEUR_RISICO = {"laag": "#1c6b2f", "gemiddeld": "#b7791f", "hoog": "#b00020", "onbekend": "#767676"}  # zoals NIVEAU


def _bedrag(bedrag: Any) -> str:
    return euro(bedrag) if isinstance(bedrag, int) else "onbekend"


def _zin(tekst: Any) -> str:
    """Vrije tekst als zin zonder eigen slotpunt (de opsomming zet er een achter)."""
    return " ".join(str(tekst).split()).rstrip(".")


def _advies(r: Regel) -> str:
    tekst = r.advies.tekst
    if r.gunstigst != r.ongunstigst:
        tekst += f" (bandbreedte {r.ongunstigst.tekst} tot {r.gunstigst.tekst})"
    return tekst


def _evaluatie(r: Regel) -> str:
    if r.fase != "lopend":
        return "n.v.t. (voorstel)"
    if r.volgende_evaluatie is None:
        return "onbekend"
    if r.evaluatie_te_laat:
        return f"te laat: had uiterlijk in {r.volgende_evaluatie} gemoeten (laatste in {r.laatste_evaluatie})"
    return f"uiterlijk {r.volgende_evaluatie} (laatste in {r.laatste_evaluatie})"


NIVEAU = {"laag": "laag", "midden": "gemiddeld", "hoog": "hoog", "onbekend": "onbekend"}


def _financieel_belang(r: Regel) -> str:
    belang = r.verbonden_partij.get("financieel_belang")
    if belang == 0 and r.vormsoort == "wgr":
        return "geen kapitaalinbreng; als deelnemer draagt de gemeente naar rato bij aan tekorten"
    return _bedrag(belang)


def _sturing(r: Regel) -> str:
    if r.fase != "lopend":
        return "n.v.t. (voorstel)"
    return r.sturing or "onbekend"


def _waarom(r: Regel, o: Overzicht) -> str | None:
    """Wat een risico hoog of gemiddeld maakt, per soort (uit de voorwaarden van het pakket)."""
    delen = [f"{o.risicosoorten.get(soort, soort)}: {'; '.join(redenen)}"
             for soort, redenen in r.risico_redenen.items()]
    return ". ".join(delen) or None


def _op_een_regel(melding: Any) -> str:
    """Een melding van meer regels (kop en punten) als één regel, voor een cel of een opsomming."""
    return " ".join(str(melding).split())


def _soort(r: Regel) -> str:
    return woord(r.verbonden_partij.get("soort") or r.juridische_vorm or "onbekend")


def _wgr(r: Regel) -> str:
    if r.wgr is None:
        return "-"
    return "in de regeling vastgelegd: " + "; ".join(f"{punt} {waarde}" for punt, waarde in r.wgr.items())


def register_rijen(o: Overzicht) -> list[list[str]]:
    return [[r.naam, r.fase, woord(r.juridische_vorm or "onbekend"), _advies(r), _bedrag(r.kosten_per_jaar),
             _evaluatie(r), NIVEAU[r.hoogste_risico], _sturing(r)] for r in _op_volgorde(o.regels)]


def _op_volgorde(regels: list[Regel]) -> list[Regel]:
    """Eerst de lopende samenwerkingen, het hoogste risico en de hoogste kosten voorop; dan de voorstellen."""
    rang = {"hoog": 0, "midden": 1, "laag": 2, "onbekend": 3}
    return sorted(regels, key=lambda r: (r.fase != "lopend", rang[r.hoogste_risico], -(r.kosten_per_jaar or 0),
                                         r.naam))


REGISTERKOP = ["Samenwerking", "Fase", "Vorm", "Advies", "Kosten per jaar", "Volgende evaluatie", "Hoogste risico",
               "Sturing"]


def matrix_rijen(o: Overzicht) -> tuple[list[str], list[list[str]]]:
    schalen = [s.value for s in Schaal if s != Schaal.onbekend] + ["onbekend"]
    matrix = o.matrix()
    gebruikt = [s for s in schalen if any(s in cellen for cellen in matrix.values())]
    rijen = [[woord(thema)] + ["; ".join(matrix[thema].get(s, [])) or "-" for s in gebruikt]
             for thema in matrix if any(matrix[thema].values())]
    return ["Thema"] + [woord(s) for s in gebruikt], rijen


def tabel(o: Overzicht) -> str:
    from .tabel import _punt, _regels, binnen_breedte

    uit = _regels(f"Overzicht van {aantal(len(o.regels), 'samenwerking')} (regelpakket {o.regelpakket}, "
                  f"peiljaar {o.peiljaar})") + [""]
    uit += binnen_breedte("Register", REGISTERKOP, register_rijen(o)) + [""]
    kop, rijen = matrix_rijen(o)
    uit += binnen_breedte("Thema's en schaal", kop, rijen) + [""]
    uit += [r for zin in niet_gediend_zinnen(o) for r in _regels(zin)]
    wgr = [r for r in o.regels if r.wgr and ("nee" in r.wgr.values() or "onbekend" in r.wgr.values())]
    if wgr:
        uit += [""] + _regels("Gemeenschappelijke regelingen die (nog) niet alles vastleggen wat de Wgr vraagt, of "
                              "waarvan dat nog na te gaan is:")
        uit += [regel for r in wgr for regel in _punt(f"{r.naam}: {_wgr(r)}")]
    overlap = o.overlappen(o.overlap_drempel)
    if overlap:
        uit += [""] + _regels("Mogelijke overlap (zelfde thema, grotendeels dezelfde partners):")
        uit += [regel for a, b, t, d in overlap[:50]
                for regel in _punt(f"{a} en {b} ({woord(t)}; {round(d * 100)}% dezelfde partners)")]
    if o.fouten:
        uit += [""] + _regels(onvolledig(o))
    return "\n".join(uit) + "\n"


def onvolledig(o: Overzicht) -> str:
    namen = ", ".join(b for b, _ in o.fouten[:10]) + (" en meer" if len(o.fouten) > 10 else "")
    return (f"Let op: dit overzicht is onvolledig. {aantal(len(o.fouten), 'casusbestand')} "
            f"{'kon' if len(o.fouten) == 1 else 'konden'} niet worden beoordeeld ({namen}); de meldingen staan bij de "
            "foutmeldingen van de opdracht.")


def niet_gediend_zinnen(o: Overzicht) -> list[str]:
    themas, doelen = o.niet_gediend()
    uit = []
    if themas:
        uit.append("Thema's uit de visie zonder samenwerking: " + ", ".join(woord(t) for t in themas) + ".")
    if doelen:
        uit.append("Doelen uit de visie die geen samenwerking dient: " + ", ".join(woord(d) for d in doelen) + ".")
    return uit


def data(o: Overzicht) -> dict[str, Any]:
    themas, doelen = o.niet_gediend()
    return {
        "formaat": FORMAAT, "regelpakket": o.regelpakket, "peiljaar": o.peiljaar,
        "samenwerkingen": [{
            "bestand": r.bestand, "naam": r.naam, "fase": r.fase, "themas": list(r.themas), "schaal": r.schaal,
            "juridische_vorm": r.juridische_vorm, "advies": r.advies.value,
            "bandbreedte": {"gunstigst": r.gunstigst.value, "ongunstigst": r.ongunstigst.value},
            "kosten_per_jaar": r.kosten_per_jaar, "laatste_evaluatie": r.laatste_evaluatie,
            "volgende_evaluatie": r.volgende_evaluatie, "evaluatie_te_laat": r.evaluatie_te_laat, "wgr": r.wgr,
            "risico": r.risico, "risico_redenen": {k: list(v) for k, v in r.risico_redenen.items()},
            "hoogste_risico": r.hoogste_risico, "sturing": r.sturing,
            "verbonden_partij": r.verbonden_partij} for r in o.regels],
        "matrix": o.matrix(), "niet_gediend": {"themas": themas, "doelen": doelen},
        "overlappen": [{"a": a, "b": b, "themas": t, "gedeeld": round(d, 3)} for a, b, t, d in o.overlappen(o.overlap_drempel)],
        "fouten": [{"bestand": b, "melding": str(f)} for b, f in o.fouten],
    }


def json(o: Overzicht) -> str:
    return _json.dumps(data(o), ensure_ascii=False, indent=2) + "\n"


def json_in_delen(o: Overzicht, grootte: int = 1 << 16) -> Iterator[bytes]:
    """Hetzelfde als json(o), als UTF-8 in delen van ongeveer `grootte` tekens: zo staat bij tienduizend
    samenwerkingen niet de hele tekst (tientallen megabytes) twee keer in het geheugen."""
    deel: list[str] = []
    lengte = 0
    for stuk in _json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data(o)):
        deel.append(stuk)
        lengte += len(stuk)
        if lengte >= grootte:
            yield "".join(deel).encode("utf-8")
            deel, lengte = [], 0
    deel.append("\n")
    yield "".join(deel).encode("utf-8")


REGISTERKOLOMMEN = ["Bestand", "Samenwerking", "Fase", "Thema's", "Schaal", "Juridische vorm", "Advies",
                    "Gunstigste advies", "Ongunstigste advies", "Kosten per jaar (euro)",
                    "Laatste evaluatie", "Volgende evaluatie", "Evaluatie te laat", "Hoogste risico", "Sturing"]
WGR_KOLOMMEN = ["Samenwerking", "Vorm", "Zienswijzen", "Evaluatie", "Uittreding", "Burgerparticipatie"]
VP_KOLOMMEN = ["Samenwerking", "Soort", "Vestigingsplaats", "Jaar", "Openbaar belang", "Financieel belang begin (euro)",
               "Financieel belang eind (euro)", "Eigen vermogen begin (euro)", "Eigen vermogen eind (euro)",
               "Vreemd vermogen begin (euro)", "Vreemd vermogen eind (euro)", "Resultaat (euro)",
               "Bijdrage per jaar (euro)", "Hoogste risico", "Risico's"]
OVERLAPKOLOMMEN = ["Samenwerking", "Andere samenwerking", "Gedeelde thema's", "Gedeelde partners (%)"]


class XlsxRegister:
    """Het register als werkmap (xlsx), met een blad per weergave: echte getallen en jaartallen, filters en een
    vaste kopregel. De regels komen blok voor blok binnen (`voeg_toe(o, regels)`), zodat het overzicht de werkmap
    al vult terwijl de andere casussen nog beoordeeld worden; `sluit(o)` voegt de matrix en de meldingen toe.
    openpyxl wordt pas bij de eerste regels geladen (niet voordat de werkprocessen gestart zijn). Breedte en
    opmaak van de kolommen volgen de eerste EERSTE_RIJEN regels van elk blad (tot die er zijn, wachten de
    regels), dus blok voor blok komt er dezelfde werkmap uit als in één keer."""

    EERSTE_RIJEN = 100  # genoeg voor de breedtes; een blad met meer regels wacht niet tot het einde

    def __init__(self) -> None:
        self._bladen: dict[str, list[Any]] = {}

    def _start(self, o: Overzicht) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        self._boek = Workbook(write_only=True)  # rij voor rij naar het bestand: snel en zuinig, ook bij 10.000
        self._boek.properties.creator = "samenwerkingstoets"
        self._boek.properties.title = "Register van samenwerkingen"
        self._doorlopend = Alignment(wrap_text=True, vertical="top")
        self._vet = Font(bold=True)
        koppen = {"Register": REGISTERKOLOMMEN,
                  "Risico": ["Samenwerking"] + list(o.risicosoorten.values()) + ["Hoogste risico", "Sturing",
                                                                                  "Waarom hoog of gemiddeld"],
                  "Wgr": WGR_KOLOMMEN, "Verbonden partijen": VP_KOLOMMEN, "Thema's en schaal": None,
                  "Zonder samenwerking": ["Soort", "Thema of doel uit de visie"], "Overlap": OVERLAPKOLOMMEN,
                  "Niet beoordeeld": ["Bestand", "Melding"], "Verantwoording": ["Onderdeel", "Waarde"]}
        # per blad: het blad, de kop, de opmaak per kolom (None: de kop is nog niet geschreven), het aantal rijen
        # en de rijen die wachten tot de opmaak vastligt
        self._bladen = {titel: [self._boek.create_sheet(titel), kop, None, 0, []] for titel, kop in koppen.items()}

    def voeg_toe(self, o: Overzicht, regels: list[Regel]) -> None:
        if not self._bladen:
            self._start(o)
        self._schrijf("Register", [
            [r.bestand, r.naam, r.fase, ", ".join(woord(t) for t in r.themas), woord(r.schaal or "onbekend"),
             woord(r.juridische_vorm or "onbekend"), r.advies.tekst, r.gunstigst.tekst, r.ongunstigst.tekst,
             r.kosten_per_jaar, r.laatste_evaluatie, r.volgende_evaluatie,
             None if r.evaluatie_te_laat is None else ("ja" if r.evaluatie_te_laat else "nee"),
             NIVEAU[r.hoogste_risico], _sturing(r)] for r in regels])
        self._schrijf("Risico", [[r.naam] + [NIVEAU[r.risico.get(s, "onbekend")] for s in o.risicosoorten]
                                 + [NIVEAU[r.hoogste_risico], _sturing(r), _waarom(r, o)] for r in regels])
        self._schrijf("Wgr", [[r.naam, woord(r.juridische_vorm or "")] + [r.wgr[punt] for punt, _ in WGR_PUNTEN]
                              for r in regels if r.wgr])
        self._schrijf("Verbonden partijen", [
            [r.naam, _soort(r)] + [r.verbonden_partij.get(veld) for veld in VP_VELDEN]
            + [r.kosten_per_jaar, NIVEAU[r.hoogste_risico], r.verbonden_partij.get("risicos")]
            for r in regels if _is_verbonden_partij(r)])

    def sluit(self, o: Overzicht) -> bytes:
        """De werkmap als bytes, met de matrix en de meldingen van `o` (het overzicht zoals het nu compleet is)."""
        from openpyxl.utils import get_column_letter

        if not self._bladen:
            self._start(o)
        kop, rijen = matrix_rijen(o)
        self._bladen["Thema's en schaal"][1] = kop
        self._schrijf("Thema's en schaal", rijen, ook_leeg=True)
        themas, doelen = o.niet_gediend()
        self._schrijf("Zonder samenwerking",
                      [["thema", woord(t)] for t in themas] + [["doel", woord(d)] for d in doelen]
                      or [["-", "Elk thema en elk doel uit de visie heeft ten minste één samenwerking."]],
                      ook_leeg=True)
        self._schrijf("Overlap", [[a, b, woord(t), d] for a, b, t, d in o.overlappen(o.overlap_drempel)]
                      or [["Geen samenwerkingen op hetzelfde thema met grotendeels dezelfde partners.", None, None,
                           None]], ook_leeg=True)
        self._schrijf("Niet beoordeeld", [[b, _op_een_regel(f)] for b, f in o.fouten], ook_leeg=True)
        self._schrijf("Verantwoording", [
            ["Regelpakket", o.regelpakket], ["Peiljaar (voor 'evaluatie te laat')", o.peiljaar],
            ["Samenwerkingen beoordeeld", len(o.regels)], ["Bestanden niet beoordeeld", len(o.fouten)],
            ["Gemaakt op", dt.date.today()],
            ["Let op", "Het advies is een ambtelijke toets aan de visie op regionale samenwerking, geen besluit."]],
            ook_leeg=True)
        for titel in self._bladen:
            self._schrijf(titel, [], ook_leeg=True)  # een blad zonder rijen krijgt toch zijn kop
        for blad, kop, _, aantal_, _ in self._bladen.values():
            if aantal_:
                blad.auto_filter.ref = f"A1:{get_column_letter(len(kop))}{aantal_ + 1}"
        uit = io.BytesIO()
        self._boek.save(uit)
        return uit.getvalue()

    def _schrijf(self, titel: str, rijen: list[list[Any]], ook_leeg: bool = False) -> None:
        """Rijen op een blad. De eerste EERSTE_RIJEN regels bepalen breedtes en opmaak; tot ze er zijn (of tot
        het sluiten, `ook_leeg`) wachten de rijen."""
        blad, kop, opmaak, _, wachtend = gegevens = self._bladen[titel]
        if opmaak is None:
            wachtend += rijen
            if len(wachtend) < self.EERSTE_RIJEN and not ook_leeg:
                return
            rijen, gegevens[4] = wachtend, []
            opmaak = gegevens[2] = self._begin(blad, kop, rijen)
        from openpyxl.cell.cell import Cell

        for rij in rijen:
            if any(type(w) is str and w.startswith("=") for w in rij):
                rij = [_tekstcel(blad, w, opmaak.get(i)) if type(w) is str and w.startswith("=") else w
                       for i, w in enumerate(rij)]
            if opmaak:
                rij = [Cell(blad, 1, 1, w, opmaak[i]) if i in opmaak and not isinstance(w, Cell) else w
                       for i, w in enumerate(rij)]
            blad.append(rij)
        gegevens[3] += len(rijen)

    def _begin(self, blad, kop: list[str], rijen: list[list[Any]]) -> dict[int, Any]:
        """Kolombreedtes, vaste kop en opmaak per kolom (uit de eerste regels), en de kopregel zelf. De opmaak van
        een kolom komt terug als de stijl van een voorbeeldcel, die elke cel van die kolom bij het maken meekrijgt
        (de parameter style_array van openpyxl's Cell): zo wordt hij één keer opgezocht, niet voor elke cel."""
        from openpyxl.utils import get_column_letter

        blad.freeze_panes = "A2"
        blad.print_title_rows = "1:1"
        blad.page_setup.orientation = "landscape"
        blad.page_setup.fitToWidth = 1
        opmaak: dict[int, dict[str, Any]] = {}  # per kolom die opmaak krijgt: de eigenschappen van de cel
        for i, naam in enumerate(kop):
            langste = max([len(str(naam))] + [len(str(rij[i])) for rij in rijen[:self.EERSTE_RIJEN]
                                              if rij[i] is not None])
            blad.column_dimensions[get_column_letter(i + 1)].width = min(max(langste + 2, 10), 60)
            if langste > 60:  # alleen lange tekst (namen, toelichtingen) loopt door op de volgende regel
                opmaak[i] = {"alignment": self._doorlopend}
            if "(euro)" in naam:
                opmaak[i] = {**opmaak.get(i, {}), "number_format": "#,##0"}
            if naam.endswith("(%)"):
                opmaak[i] = {**opmaak.get(i, {}), "number_format": "0%"}
        blad.append([_cel(blad, naam, font=self._vet) for naam in kop])
        return {i: _cel(blad, None, **eigenschappen)._style for i, eigenschappen in opmaak.items()}


def _tekstcel(blad, tekst: str, stijl: Any = None):
    """Een cel die tekst blijft, ook als ze met '=' begint: openpyxl maakt daar anders een formule van, en een
    naam als '=HYPERLINK(...)' in een casusbestand zou dan in de spreadsheet iets gaan doen."""
    from openpyxl.cell.cell import Cell

    cel = Cell(blad, 1, 1, tekst, stijl)
    cel.data_type = "s"
    return cel


def xlsx(o: Overzicht) -> bytes:
    """Het hele overzicht in één keer als werkmap (zie XlsxRegister)."""
    werkmap = XlsxRegister()
    werkmap.voeg_toe(o, o.regels)
    return werkmap.sluit(o)


def _laad_xlsx() -> None:
    """Laad openpyxl en zijn schrijver. openpyxl laadt numpy (ruim 0,05 seconde) alleen om numpy-getallen in cellen
    te herkennen, en Pillow alleen voor afbeeldingen; het register heeft geen van beide. Zijn ze nog niet geladen,
    dan laadt openpyxl hier zonder: de import van een module die in sys.modules op None staat, mislukt, en openpyxl
    vangt dat zelf af. Voor de rest van het proces rekent openpyxl dan zonder numpy en Pillow (numpy-getallen en
    afbeeldingen in een werkmap gaan niet); numpy en Pillow zelf laden daarna gewoon. Alleen voor de opdracht
    overzicht: daar importeert geen andere draad iets. Niet in de webapplicatie, waar andere draden tegelijk kunnen
    importeren."""
    overslaan = [naam for naam in ("numpy", "PIL") if naam not in sys.modules]
    for naam in overslaan:
        sys.modules[naam] = None  # type: ignore[assignment]
    try:
        import openpyxl.cell  # noqa: F401
        import openpyxl.styles  # noqa: F401
        import openpyxl.writer.excel  # noqa: F401  (de schrijver, die pas bij het opslaan geladen zou worden)
    finally:
        for naam in overslaan:
            del sys.modules[naam]


def _laad_word() -> None:
    import docx  # noqa: F401
    import matplotlib

    matplotlib.use("Agg")  # zonder scherm, zoals grafiek.py
    import matplotlib.pyplot  # noqa: F401


# Wat een formaat aan bibliotheken laadt: het overzicht doet dat terwijl de casussen beoordeeld worden.
VOORBEREIDING = {"xlsx": _laad_xlsx, "docx": _laad_word}


def _cel(blad, waarde, **opmaak):
    from openpyxl.cell import WriteOnlyCell

    cel = WriteOnlyCell(blad, value=waarde)
    for naam, w in opmaak.items():
        setattr(cel, naam, w)
    return cel


def verbonden_partijen(o: Overzicht) -> list[Regel]:
    """De samenwerkingen die in de paragraaf horen: lopend, en in een vorm met een eigen organisatie of zo aangemerkt."""
    return [r for r in o.regels if _is_verbonden_partij(r)]


def _is_verbonden_partij(r: Regel) -> bool:
    return r.fase == "lopend" and (r.juridische_vorm in VORMEN_VERBONDEN_PARTIJ
                                   or r.verbonden_partij.get("soort") not in (None, "overig"))


BBV_CATEGORIEEN = (("gr", "Gemeenschappelijke regelingen"), ("vennootschap", "Vennootschappen en coöperaties"),
                   ("stichting", "Stichtingen en verenigingen"), ("overig", "Overige verbonden partijen"))
CATEGORIE_VAN_VORM = {"openbaar_lichaam": "gr", "bedrijfsvoeringsorganisatie": "gr", "gemeenschappelijk_orgaan": "gr",
                      "vennootschap": "vennootschap", "stichting": "stichting", "vereniging": "stichting"}


def _per_categorie(partijen: list[Regel]) -> list[tuple[str, list[Regel]]]:
    """De verbonden partijen in de groepen die het BBV gebruikt."""
    def categorie(r: Regel) -> str:
        return r.verbonden_partij.get("soort") or CATEGORIE_VAN_VORM.get(r.juridische_vorm or "", "overig")
    return [(naam, [r for r in partijen if categorie(r) == sleutel]) for sleutel, naam in BBV_CATEGORIEEN
            if any(categorie(r) == sleutel for r in partijen)]


def _van_tot(begin: Any, eind: Any) -> str:
    return f"begin {_bedrag(begin)}, eind {_bedrag(eind)}"


def _partij(r: Regel, o: Overzicht) -> list:
    """Eén verbonden partij zoals het BBV (art. 15) haar beschrijft, plus toets, risico en evaluatie."""
    vp = r.verbonden_partij
    jaar = f" ({vp['jaar']})" if vp.get("jaar") else ""
    risicos = [f"{o.risicosoorten.get(s, s).lower()}: {NIVEAU[n]}"
               + (f" ({'; '.join(r.risico_redenen[s])})" if r.risico_redenen.get(s) else "")
               for s, n in r.risico.items()]
    negatief = isinstance(vp.get("eigen_vermogen_eind"), int) and vp["eigen_vermogen_eind"] < 0
    regels = (
        f"Soort: {_soort(r)}" + (f"; gevestigd in {_zin(vp['vestigingsplaats'])}." if vp.get("vestigingsplaats") else "."),
        f"Openbaar belang: {_zin(vp.get('openbaar_belang') or 'nog te beschrijven')}.",
        f"Financieel belang van de gemeente{jaar}: " + (
            _financieel_belang(r) if vp.get("financieel_belang_begin") is None
            else _van_tot(vp.get("financieel_belang_begin"), vp.get("financieel_belang"))) +
        f"; bijdrage per jaar: {_bedrag(r.kosten_per_jaar)}.",
        f"Eigen vermogen{jaar}: {_van_tot(vp.get('eigen_vermogen_begin'), vp.get('eigen_vermogen_eind'))}.",
        f"Vreemd vermogen{jaar}: {_van_tot(vp.get('vreemd_vermogen_begin'), vp.get('vreemd_vermogen_eind'))}.",
        f"Resultaat{jaar}: {_bedrag(vp.get('resultaat'))}.",
        f"Risico's: {'; '.join(risicos)}." + (f" Toelichting: {_zin(vp['risicos'])}." if vp.get("risicos") else ""),
        (f"Let op: het eigen vermogen is aan het eind van het jaar negatief ({_bedrag(vp.get('eigen_vermogen_eind'))}); "
         "de deelnemers moeten het tekort aanvullen." if negatief else ""),
        f"Wgr: {_wgr(r)}." if r.wgr else "",
        f"Uitkomst van de samenwerkingstoets (ambtelijk advies, geen besluit): {_advies(r)}.",
        f"Evaluatie: {_evaluatie(r)}.",
    )
    return [Kop(r.naam, 3), Lijst(tuple(x for x in regels if x))]


def paragraaf_met_stempel(o: Overzicht, pakket: Any, mapnaam: str) -> Document:
    """De paragraaf met het stempel onderaan: datum, regelpakket, programma en uit welke map de casussen komen."""
    from ..collegevoorstel import programmaversie, stempeldatum

    stempel = Stempel(datum=stempeldatum(None), regelpakket=f"{pakket.naam} {pakket.versie}",
                      inhoudshash_pakket=pakket.inhoudshash, casusbestand="", casushash="",
                      programmaversie=programmaversie(),
                      bron=f"Casussen: {len(o.regels)} uit de map '{mapnaam}'"
                           + (f"; {len(o.fouten)} niet beoordeeld" if o.fouten else ""))
    return paragraaf(o, stempel)


def paragraaf(o: Overzicht, stempel: Stempel) -> Document:
    """Het concept van de paragraaf verbonden partijen (BBV art. 15), als blokken voor Markdown of Word."""
    from .grafiek import verdeling_png

    partijen = _op_volgorde(verbonden_partijen(o))
    aantal_zin = ("Er zijn geen verbonden partijen" if not partijen else
                  f"Dat {'is er' if len(partijen) == 1 else 'zijn er'} {len(partijen)}")
    blokken: list = []
    if o.fouten:
        blokken += [Alinea(f"Let op: dit concept is onvolledig. {aantal(len(o.fouten), 'casusbestand')} "
                           f"{'kon' if len(o.fouten) == 1 else 'konden'} niet worden beoordeeld en "
                           f"{'staat' if len(o.fouten) == 1 else 'staan'} niet in deze paragraaf; welke en waarom, "
                           "staat in de bijlage aan het eind.")]
    totaal = sum(r.kosten_per_jaar or 0 for r in partijen)
    blokken += [
        Kop("Inleiding"),
        Alinea(f"Deze paragraaf beschrijft de verbonden partijen van de gemeente: samenwerkingen waarin zij een "
               f"bestuurlijk én een financieel belang heeft. {aantal_zin} van de "
               f"{aantal(len(o.regels), 'samenwerking')} in het register"
               + (f", met samen een bijdrage van {_bedrag(totaal)} per jaar" if totaal else "") + ". Elke "
               f"samenwerking is getoetst aan de visie op regionale samenwerking (regelpakket {o.regelpakket}); die "
               "toets is een ambtelijk advies, geen besluit. De financiële gegevens komen uit de casusbestanden; "
               f"het peiljaar is {o.peiljaar}."),
        Kop("Beleid en sturing"),
        Alinea("Hoe intensief de gemeente een verbonden partij volgt, hangt af van het hoogste risico van die partij:"),
        Lijst(tuple(f"{NIVEAU[niveau][:1].upper() + NIVEAU[niveau][1:]} risico: {naam}. {tekst}"
                    for niveau, (naam, tekst) in o.sturing.items())),
        Kop("Overzicht"),
        Tabel(("Verbonden partij", "Soort", "Uitkomst van de toets", "Hoogste risico", "Sturing"),
              tuple((r.naam, _soort(r), _advies(r), NIVEAU[r.hoogste_risico], _sturing(r)) for r in partijen)),
    ]
    for categorie, leden in _per_categorie(partijen):
        blokken.append(Kop(categorie, 2))
        for r in leden:
            blokken += _partij(r, o)
    # Wat volgt gaat over de lopende samenwerkingen: een voorstel (en het ambtelijke advies erover) hoort niet in
    # een stuk voor de raad over verbonden partijen; het register noemt ze wel.
    lopend = dataclasses.replace(o, regels=[r for r in o.regels if r.fase == "lopend"])
    kop, rijen = matrix_rijen(lopend)
    blokken += [Kop("Thema's en schaal van de lopende samenwerkingen"),
                Alinea("Het actuele overzicht van thema's en samenwerkingsrelaties waar de visie om vraagt (alleen "
                       "lopende samenwerkingen; voorstellen staan in het register):"),
                Tabel(tuple(kop), tuple(tuple(r) for r in rijen))]
    blokken += [Alinea(z) for z in niet_gediend_zinnen(lopend)]
    per_thema = [t.value for t in Thema if any(t.value in r.themas for r in lopend.regels)]
    if per_thema:
        groepen = [woord(t) for t in per_thema]
        soorten = {"positief": ("aangaan", "voortzetten"),
                   "onder voorwaarden": ("aangaan_onder_voorwaarden", "voortzetten_onder_voorwaarden"),
                   "negatief": ("niet_aangaan", "beeindigen"), "nog geen advies": ("onvoldoende_informatie",)}
        regels = lopend.regels
        reeksen = {naam: [sum(1 for r in regels if t in r.themas and r.advies.value in woorden) for t in per_thema]
                   for naam, woorden in soorten.items()}
        risico = {NIVEAU[n]: [sum(1 for r in regels if t in r.themas and r.hoogste_risico == n) for t in per_thema]
                  for n in (*RISICONIVEAUS, "onbekend")}
        blokken += [Alinea("Een samenwerking met meer thema's telt in de grafieken bij elk thema mee."),
                    Afbeelding("Advies per thema", verdeling_png("Advies per thema", groepen, reeksen, KLEUR_ADVIES)),
                    Afbeelding("Hoogste risico per thema",
                               verdeling_png("Hoogste risico per thema", groepen, risico, KLEUR_RISICO))]
    overlap = lopend.overlappen(lopend.overlap_drempel)
    if overlap:
        blokken += [Kop("Mogelijke overlap"), Lijst(tuple(
            f"'{a}' en '{b}' ({woord(t)}): {round(d * 100)}% van hun partners is dezelfde"
            for a, b, t, d in overlap[:30]))]
    if o.fouten:
        blokken += [Kop("Bijlage: casusbestanden die niet zijn beoordeeld"),
                    Lijst(tuple(f"{bestand}: {_op_een_regel(melding)}" for bestand, melding in o.fouten))]
    return Document(titel="Paragraaf verbonden partijen (concept)", blokken=tuple(blokken), stempel=stempel,
                    onderwerp="Concept-paragraaf verbonden partijen")
