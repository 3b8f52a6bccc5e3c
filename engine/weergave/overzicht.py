# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
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

from ..overzicht import RISICONIVEAUS, Overzicht, Regel
from ..vormen import BBV_CATEGORIEEN, CATEGORIE_VAN_VORM, VORMEN_VERBONDEN_PARTIJ
from ..waarden import aantal, datum_tekst, euro, procent, woord
from .collegeadvies import Afbeelding, Alinea, Document, Kop, Lijst, Stempel, Tabel

FORMAAT = "samenwerkingstoets/overzicht/1"
EXTENSIES = {"docx": (".docx",), "xlsx": (".xlsx",), "markdown": (".md", ".markdown"), "json": (".json",),
             "tabel": (".txt",)}
KLEUR_ADVIES = {"positief": "#1c6b2f", "onder voorwaarden": "#b7791f", "negatief": "#b00020",
                "nog geen advies": "#767676"}
KLEUR_RISICO = {"laag": "#1c6b2f", "gemiddeld": "#b7791f", "hoog": "#b00020", "onbekend": "#767676"}  # zoals NIVEAU


def bedrag_tekst(bedrag: Any, leeg: str = "onbekend") -> str:
    return euro(bedrag) if isinstance(bedrag, int) else leeg


def _zin(tekst: Any) -> str:
    """Vrije tekst als zin zonder eigen slotpunt (de opsomming zet er een achter)."""
    return " ".join(str(tekst).split()).rstrip(".")


def _advies(r: Regel) -> str:
    tekst = r.advies.tekst
    if r.gunstigst != r.ongunstigst:
        tekst += f" (bandbreedte {r.ongunstigst.tekst} tot {r.gunstigst.tekst})"
    return tekst


def evaluatie_tekst(r: Regel) -> str:
    if r.fase != "lopend":
        return "n.v.t. (voorstel)"
    if r.volgende_evaluatie is None:
        return "onbekend"
    if r.evaluatie_te_laat:
        return f"te laat: had uiterlijk in {r.volgende_evaluatie} gemoeten (laatste in {r.laatste_evaluatie})"
    return f"uiterlijk {r.volgende_evaluatie} (laatste in {r.laatste_evaluatie})"


NIVEAU = {"laag": "laag", "midden": "gemiddeld", "hoog": "hoog", "onbekend": "onbekend"}


def sturing_tekst(r: Regel) -> str:
    if r.fase != "lopend":
        return "n.v.t. (voorstel)"
    return r.sturing or "onbekend"


def _waarom(r: Regel, o: Overzicht) -> str | None:
    """Wat een risico hoog of gemiddeld maakt, per soort, in gewone zinnen met de bedragen uit de casus."""
    delen = [f"{o.risicosoorten.get(soort, soort)}: {NIVEAU[r.risico[soort]]}. {' '.join(zinnen)}"
             for soort, zinnen in r.risico_zinnen.items() if r.risico.get(soort) in ("hoog", "midden")]
    return " ".join(delen) or None


def _op_een_regel(melding: Any) -> str:
    """Een melding van meer regels (kop en punten) als één regel, voor een cel of een opsomming."""
    return " ".join(str(melding).split())


def _soort(r: Regel) -> str:
    return woord(r.verbonden_partij.get("soort") or r.juridische_vorm or "onbekend")


def wgr_tekst(r: Regel) -> str:
    if r.wgr is None:
        return "-"
    return "in de regeling vastgelegd: " + "; ".join(f"{punt} {waarde}" for punt, waarde in r.wgr.items())


def register_rijen(o: Overzicht) -> list[list[str]]:
    return [[r.naam, r.fase, woord(r.juridische_vorm or "onbekend"), _advies(r), bedrag_tekst(r.kosten_per_jaar),
             evaluatie_tekst(r), NIVEAU[r.hoogste_risico], sturing_tekst(r)] for r in op_volgorde(o.regels)]


def op_volgorde(regels: list[Regel]) -> list[Regel]:
    """Eerst de lopende samenwerkingen, het hoogste risico en de hoogste kosten voorop; dan de voorstellen."""
    rang = {"hoog": 0, "midden": 1, "laag": 2, "onbekend": 3}
    return sorted(regels, key=lambda r: (r.fase != "lopend", rang[r.hoogste_risico], -(r.kosten_per_jaar or 0),
                                         r.naam))


REGISTERKOP = ["Samenwerking", "Fase", "Vorm", "Advies", "Kosten per jaar", "Volgende evaluatie", "Hoogste risico",
               "Sturing"]


def _doel(o: Overzicht, doel: str) -> str:
    return o.woorden.label("strategische_doelen", doel) or o.label("uitvoerende_doelen", doel)


def matrix_rijen(o: Overzicht) -> tuple[list[str], list[list[str]]]:
    schalen = [*o.woorden.schaal, "onbekend"]
    matrix = o.matrix()
    gebruikt = [s for s in schalen if any(s in cellen for cellen in matrix.values())]
    rijen = [[o.label("themas", thema)] + ["; ".join(matrix[thema].get(s, [])) or "-" for s in gebruikt]
             for thema in matrix if any(matrix[thema].values())]
    return ["Thema"] + [o.label("schaal", s) for s in gebruikt], rijen


def tabel(o: Overzicht) -> str:
    from .tabel import als_punt, als_regels, binnen_breedte

    uit = als_regels(f"Overzicht van {aantal(len(o.regels), 'samenwerking')} (regelpakket {o.regelpakket}, "
                  f"peiljaar {o.peiljaar})") + [""]
    uit += binnen_breedte("Register", REGISTERKOP, register_rijen(o)) + [""]
    kop, rijen = matrix_rijen(o)
    uit += binnen_breedte("Thema's en schaal", kop, rijen) + [""]
    uit += [r for zin in niet_gediend_zinnen(o) for r in als_regels(zin)]
    wgr = [r for r in o.regels if r.wgr and ("nee" in r.wgr.values() or "onbekend" in r.wgr.values())]
    if wgr:
        uit += [""] + als_regels("Gemeenschappelijke regelingen die (nog) niet alles vastleggen wat de Wgr vraagt, of "
                              "waarvan dat nog na te gaan is:")
        uit += [regel for r in wgr for regel in als_punt(f"{r.naam}: {wgr_tekst(r)}")]
    overlap = o.overlappen(o.overlap_drempel)
    if overlap:
        uit += [""] + als_regels("Mogelijke overlap (zelfde thema, grotendeels dezelfde partners):")
        uit += [regel for a, b, t, d in overlap[:50]
                for regel in als_punt(f"{a} en {b} ({o.label('themas', t)}; {round(d * 100)}% dezelfde partners)")]
    if o.fouten:
        uit += [""] + als_regels(onvolledig(o))
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
        uit.append("Thema's uit de visie zonder samenwerking: " + ", ".join(o.label("themas", t) for t in themas) + ".")
    if doelen:
        uit.append("Doelen uit de visie die geen samenwerking dient: " + ", ".join(_doel(o, d) for d in doelen) + ".")
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
            "risico_toelichting": {k: list(v) for k, v in r.risico_zinnen.items()},
            "hoogste_risico": r.hoogste_risico, "sturing": r.sturing, "verbonden_partij": r.verbonden_partij,
            "financieel_belang": {"begin": r.belang_begin, "eind": r.belang_eind}} for r in o.regels],
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
VP_KOLOMMEN = ["Samenwerking", "Soort", "Vestigingsplaats", "Programma", "Zeggenschap", "Openbaar belang",
               "Jaar van de cijfers", "Aandeel gemeente (%)", "Financieel belang begin (euro)",
               "Financieel belang eind (euro)", "Eigen vermogen begin (euro)", "Eigen vermogen eind (euro)",
               "Vreemd vermogen begin (euro)", "Vreemd vermogen eind (euro)", "Resultaat (euro)",
               "Bijdrage per jaar (euro)", "Hoogste risico", "Risico's"]
VP_NOTITIE = ("Bedragen in euro, aan het begin en het eind van het jaar in de kolom 'Jaar van de cijfers'. Het "
              "financieel belang van een gemeenschappelijke regeling is het aandeel van de gemeente in het eigen "
              "vermogen (plus kapitaal, lening of garantie); bij een vennootschap, stichting of vereniging is het wat "
              "de gemeente inbracht. Een lege cel is niet bekend.")
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
        self._schuin = Font(italic=True)
        koppen = {"Register": REGISTERKOLOMMEN,
                  "Risico": ["Samenwerking"] + list(o.risicosoorten.values()) + ["Hoogste risico", "Sturing",
                                                                                  "Waarom hoog of gemiddeld"],
                  "Wgr": ["Samenwerking", "Vorm"] + [p[:1].upper() + p[1:] for p in o.wgr_punten],
                  "Verbonden partijen": VP_KOLOMMEN, "Thema's en schaal": None,
                  "Zonder samenwerking": ["Soort", "Thema of doel uit de visie"], "Overlap": OVERLAPKOLOMMEN,
                  "Niet beoordeeld": ["Bestand", "Melding"], "Verantwoording": ["Onderdeel", "Waarde"]}
        # per blad: het blad, de kop, de opmaak per kolom (None: de kop is nog niet geschreven), het aantal rijen
        # en de rijen die wachten tot de opmaak vastligt
        self._bladen = {titel: [self._boek.create_sheet(titel), kop, None, 0, []] for titel, kop in koppen.items()}
        # een toelichting staat boven de tabel (niet als rij in de tabel); de kop staat dan op rij 2
        self._notities: dict[str, str] = {"Verbonden partijen": VP_NOTITIE}

    def voeg_toe(self, o: Overzicht, regels: list[Regel]) -> None:
        if not self._bladen:
            self._start(o)
        self._schrijf("Register", [
            [r.bestand, r.naam, r.fase, ", ".join(o.label("themas", t) for t in r.themas), o.label("schaal", r.schaal or "onbekend"),
             woord(r.juridische_vorm or "onbekend"), r.advies.tekst, r.gunstigst.tekst, r.ongunstigst.tekst,
             r.kosten_per_jaar, r.laatste_evaluatie, r.volgende_evaluatie,
             None if r.evaluatie_te_laat is None else ("ja" if r.evaluatie_te_laat else "nee"),
             NIVEAU[r.hoogste_risico], sturing_tekst(r)] for r in regels])
        self._schrijf("Risico", [[r.naam] + [NIVEAU[r.risico.get(s, "onbekend")] for s in o.risicosoorten]
                                 + [NIVEAU[r.hoogste_risico], sturing_tekst(r), _waarom(r, o)] for r in regels])
        self._schrijf("Wgr", [[r.naam, woord(r.juridische_vorm or "")] + [r.wgr.get(punt, "onbekend") for punt in o.wgr_punten]
                              for r in regels if r.wgr])
        self._schrijf("Verbonden partijen", [_vp_rij(r, o) for r in regels if _is_verbonden_partij(r)])

    def sluit(self, o: Overzicht) -> bytes:
        """De werkmap als bytes, met de matrix en de meldingen van `o` (het overzicht zoals het nu compleet is)."""
        from openpyxl.utils import get_column_letter

        if not self._bladen:
            self._start(o)
        kop, rijen = matrix_rijen(o)
        self._bladen["Thema's en schaal"][1] = kop
        self._schrijf("Thema's en schaal", rijen, ook_leeg=True)
        themas, doelen = o.niet_gediend()
        niet_gediend = [["thema", o.label("themas", t)] for t in themas] + [["doel", _doel(o, d)] for d in doelen]
        self._notities["Zonder samenwerking"] = (
            "Thema's en doelen uit de visie die geen enkele samenwerking dient." if niet_gediend
            else "Elk thema en elk doel uit de visie heeft ten minste één samenwerking.")
        self._schrijf("Zonder samenwerking", niet_gediend, ook_leeg=True)
        overlap = [[a, b, o.label("themas", t), d] for a, b, t, d in o.overlappen(o.overlap_drempel)]
        self._notities["Overlap"] = (
            f"Samenwerkingen op hetzelfde thema die minstens {round(o.overlap_drempel * 100)}% van hun partners delen."
            if overlap else "Geen samenwerkingen op hetzelfde thema met grotendeels dezelfde partners.")
        self._schrijf("Overlap", overlap, ook_leeg=True)
        self._schrijf("Niet beoordeeld", [[b, _op_een_regel(f)] for b, f in o.fouten], ook_leeg=True)
        datum = _stempeldatum(o)
        partijen = verbonden_partijen(o)
        jaar = _cijferjaar(partijen)
        self._schrijf("Verantwoording", [
            ["Regelpakket", o.regelpakket],
            ["Peildatum (voor 'evaluatie te laat'; ook de datum van dit register)", datum],
            ["Jaar van de financiële cijfers", jaar if jaar is not None or not partijen
             else "verschilt per verbonden partij (zie het blad Verbonden partijen)"],
            ["Samenwerkingen beoordeeld", len(o.regels)], ["Bestanden niet beoordeeld", len(o.fouten)],
            ["Let op", "Het advies is een ambtelijke toets aan de visie op regionale samenwerking, geen besluit."]],
            ook_leeg=True)
        for titel in self._bladen:
            self._schrijf(titel, [], ook_leeg=True)  # een blad zonder rijen krijgt toch zijn kop
        for titel, (blad, kop, _, aantal_, _) in self._bladen.items():
            kopregel = 2 if titel in self._notities else 1
            if aantal_:
                blad.auto_filter.ref = f"A{kopregel}:{get_column_letter(len(kop))}{aantal_ + kopregel}"
        uit = io.BytesIO()
        self._boek.save(uit)
        return vaste_werkmap(uit.getvalue(), datum)

    def _schrijf(self, titel: str, rijen: list[list[Any]], ook_leeg: bool = False) -> None:
        """Rijen op een blad. De eerste EERSTE_RIJEN regels bepalen breedtes en opmaak; tot ze er zijn (of tot
        het sluiten, `ook_leeg`) wachten de rijen."""
        blad, kop, opmaak, _, wachtend = gegevens = self._bladen[titel]
        if opmaak is None:
            wachtend += rijen
            if len(wachtend) < self.EERSTE_RIJEN and not ook_leeg:
                return
            rijen, gegevens[4] = wachtend, []
            opmaak = gegevens[2] = self._begin(blad, kop, rijen, self._notities.get(titel))
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

    def _begin(self, blad, kop: list[str], rijen: list[list[Any]], notitie: str | None = None) -> dict[int, Any]:
        """Kolombreedtes, vaste kop en opmaak per kolom (uit de eerste regels), en de kopregel zelf. De opmaak van
        een kolom komt terug als de stijl van een voorbeeldcel, die elke cel van die kolom bij het maken meekrijgt
        (de parameter style_array van openpyxl's Cell): zo wordt hij één keer opgezocht, niet voor elke cel."""
        from openpyxl.utils import get_column_letter

        blad.freeze_panes = "A3" if notitie else "A2"
        blad.print_title_rows = "1:2" if notitie else "1:1"
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
            if naam.endswith("(%)"):  # een aandeel in de partij met één decimaal (16,4%), gedeelde partners heel
                opmaak[i] = {**opmaak.get(i, {}), "number_format": "0.0%" if naam.startswith("Aandeel") else "0%"}
        if notitie:  # de toelichting boven de tabel (pas na de breedtes: een werkmap per rij schrijft die eerst)
            blad.append([_cel(blad, notitie, font=self._schuin)])
        blad.append([_cel(blad, naam, font=self._vet) for naam in kop])
        return {i: _cel(blad, None, **eigenschappen)._style for i, eigenschappen in opmaak.items()}


def _vp_rij(r: Regel, o: Overzicht) -> list[Any]:
    """Een verbonden partij op het blad Verbonden partijen: dezelfde cijfers als de paragraaf, als getallen (het
    aandeel als fractie met procentopmaak); wat niet bekend is, blijft leeg (nooit 0)."""
    vp = r.verbonden_partij
    aandeel = vp.get("aandeel")
    return [r.naam, _soort(r), vp.get("vestigingsplaats"), vp.get("programma"), vp.get("zeggenschap"),
            vp.get("openbaar_belang"), vp.get("jaar"), None if aandeel is None else round(aandeel / 100, 6),
            r.belang_begin, r.belang_eind, vp.get("eigen_vermogen_begin"), vp.get("eigen_vermogen_eind"),
            vp.get("vreemd_vermogen_begin"), vp.get("vreemd_vermogen_eind"), vp.get("resultaat"), r.kosten_per_jaar,
            NIVEAU[r.hoogste_risico], " ".join(risico_teksten(r, o))]


def _stempeldatum(o: Overzicht) -> dt.date:
    from ..collegevoorstel import stempeldatum

    return stempeldatum(o.peildatum)


def vaste_werkmap(inhoud: bytes, datum: dt.date) -> bytes:
    """Dezelfde werkmap geeft dezelfde bytes: openpyxl zet het tijdstip van maken en opslaan (tot op de seconde) in
    docProps/core.xml en in elk item van het zip-bestand. Hier worden dat de peildatum (om middernacht) en, in het
    zip-bestand, 1 januari 1980 (zoals het Word-document)."""
    import re
    import zipfile

    moment = f"{datum.isoformat()}T00:00:00Z".encode()
    bron = zipfile.ZipFile(io.BytesIO(inhoud))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam in bron.namelist():
            data = bron.read(naam)
            if naam == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)",
                              lambda m: m.group(1) + moment + m.group(3), data)
            info = zipfile.ZipInfo(naam, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            doel.writestr(info, data)
    return uit.getvalue()


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
    import matplotlib.backends.backend_agg  # noqa: F401  (zonder scherm en zonder pyplot, zoals grafiek.py)
    import matplotlib.figure  # noqa: F401


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


def _per_categorie(partijen: list[Regel]) -> list[tuple[str, list[Regel]]]:
    """De verbonden partijen in de groepen die het BBV gebruikt."""
    def categorie(r: Regel) -> str:
        return r.verbonden_partij.get("soort") or CATEGORIE_VAN_VORM.get(r.juridische_vorm or "", "overig")
    return [(naam, [r for r in partijen if categorie(r) == sleutel]) for sleutel, naam in BBV_CATEGORIEEN
            if any(categorie(r) == sleutel for r in partijen)]


NIET_BEKEND = "niet bekend"


def _saldo(bedrag: Any) -> str:
    """Een bedrag in een zin: een negatief bedrag als tekort."""
    if not isinstance(bedrag, int):
        return NIET_BEKEND
    return euro(bedrag) if bedrag >= 0 else f"een tekort van {euro(-bedrag)}"


def _procent(aandeel: Any) -> str:
    """Een percentage zoals een Nederlandse lezer het schrijft: '16,4%'."""
    return procent(aandeel) if isinstance(aandeel, (int, float)) else NIET_BEKEND


def _is_gr(r: Regel) -> bool:
    return r.vormsoort == "wgr" or r.verbonden_partij.get("soort") == "gr"


def _cijferjaar(partijen: list[Regel]) -> int | None:
    """Het jaar van de financiële cijfers als alle verbonden partijen hetzelfde jaar hebben; anders None."""
    jaren = {r.verbonden_partij.get("jaar") for r in partijen}
    return jaren.pop() if len(jaren) == 1 else None


def _jaarwoorden(r: Regel, jaar: int | None) -> tuple[str, str, str]:
    """De kop van de kolommen begin en eind, en 'over 2025' (of zonder jaar als het niet bekend is)."""
    eigen = r.verbonden_partij.get("jaar") or jaar
    if eigen:
        return f"Begin {eigen}", f"Eind {eigen}", f" over {eigen}"
    return "Begin van het jaar", "Eind van het jaar", ""


def _belang_zin(r: Regel) -> str:
    """Het financieel belang in woorden: waar het bedrag op berust (zie engine.overzicht.financieel_belang)."""
    vp = r.verbonden_partij
    jaar = f" van {vp['jaar']}" if vp.get("jaar") else ""
    inbreng = vp.get("financieel_belang")
    if not _is_gr(r):
        return (f"{_saldo(vp.get('financieel_belang_begin'))} aan het begin en {_saldo(inbreng)} aan het eind{jaar} "
                "(aandelen, lening of garantie van de gemeente). Het aandeel van de gemeente in de partij is "
                f"{_procent(vp.get('aandeel'))}.")
    if vp.get("aandeel") is None:
        return ("niet bekend, omdat het aandeel van de gemeente in de regeling niet bekend is. Als deelnemer staat de "
                "gemeente naar haar aandeel in voor tekorten van de regeling.")
    zin = (f"de gemeente heeft een aandeel van {_procent(vp['aandeel'])} en staat als deelnemer naar dat aandeel in "
           "voor tekorten van de regeling. ")
    if r.belang_begin is None and r.belang_eind is None:
        return zin + "Het bedrag is niet bekend, omdat het eigen vermogen van de regeling niet bekend is."
    zin += (f"Haar deel van het eigen vermogen is {_saldo(r.belang_begin)} aan het begin en "
            f"{_saldo(r.belang_eind)} aan het eind{jaar}.")
    if isinstance(inbreng, int) and inbreng:
        zin += f" Daarin zit ook {euro(inbreng)} aan kapitaal, lening of garantie."
    elif inbreng == 0:
        zin += " De gemeente heeft daarnaast geen kapitaal, lening of garantie verstrekt."
    return zin


def _wgr_zin(r: Regel) -> str:
    """Wat de Wgr vraagt en of de regeling het vastlegt, als één zin (alleen bij een gemeenschappelijke regeling)."""
    if r.wgr is None:
        return ""
    return ("In de regeling vastgelegd, zoals de Wgr vraagt: "
            + ", ".join(f"{punt} {NIET_BEKEND if waarde == 'onbekend' else waarde}" for punt, waarde in r.wgr.items())
            + ".")


def _cijfers(r: Regel, jaar: int | None) -> Tabel:
    """Financieel belang, eigen en vreemd vermogen aan begin en eind van het jaar, en het resultaat."""
    vp = r.verbonden_partij
    begin, eind, over = _jaarwoorden(r, jaar)
    return Tabel(("Bedragen in euro", begin, eind), (
        ("Financieel belang van de gemeente", bedrag_tekst(r.belang_begin, NIET_BEKEND),
         bedrag_tekst(r.belang_eind, NIET_BEKEND)),
        ("Eigen vermogen van de partij", bedrag_tekst(vp.get("eigen_vermogen_begin"), NIET_BEKEND),
         bedrag_tekst(vp.get("eigen_vermogen_eind"), NIET_BEKEND)),
        ("Vreemd vermogen van de partij", bedrag_tekst(vp.get("vreemd_vermogen_begin"), NIET_BEKEND),
         bedrag_tekst(vp.get("vreemd_vermogen_eind"), NIET_BEKEND)),
        (f"Resultaat{over}", "", bedrag_tekst(vp.get("resultaat"), NIET_BEKEND))))


def risico_teksten(r: Regel, o: Overzicht) -> list[str]:
    """Per risicosoort het niveau en wat het zo maakt, in gewone zinnen; daarna de risico's die de gemeente zelf
    noemt."""
    uit = []
    for soort, niveau in r.risico.items():
        naam = o.risicosoorten.get(soort, soort)
        if niveau == "onbekend":
            uit.append(f"{naam}: niet te bepalen, omdat de gegevens ontbreken.")
        else:
            uit.append(" ".join((f"{naam}: {NIVEAU[niveau]}.", *r.risico_zinnen.get(soort, ()))))
    if r.verbonden_partij.get("risicos"):
        uit.append(f"Risico's die de gemeente zelf noemt: {_zin(r.verbonden_partij['risicos'])}.")
    return uit


def _partij(r: Regel, o: Overzicht, jaar: int | None, gemengd: bool) -> list:
    """Eén verbonden partij zoals het BBV (art. 15) haar beschrijft, plus toets, risico en evaluatie."""
    vp = r.verbonden_partij

    def tekst(veld: str) -> str:
        return _zin(vp[veld]) if vp.get(veld) else NIET_BEKEND

    feiten = [
        f"Vestigingsplaats: {tekst('vestigingsplaats')}.",
        f"Openbaar belang: {tekst('openbaar_belang')}.",
        f"Programma in de begroting: {tekst('programma')}.",
        f"Zeggenschap (bestuurlijk belang): {tekst('zeggenschap')}.",
        f"Financieel belang: {_belang_zin(r)}",
        f"Bijdrage van de gemeente: {bedrag_tekst(r.kosten_per_jaar, NIET_BEKEND)}"
        + (" per jaar." if isinstance(r.kosten_per_jaar, int) else "."),
    ]
    if gemengd:  # anders staat het jaar één keer in de inleiding
        feiten.append(f"De cijfers gaan over {vp['jaar']}." if vp.get("jaar")
                      else "Over welk jaar de cijfers gaan, is niet bekend.")
    rest = risico_teksten(r, o)
    al_genoemd = any("eigen vermogen" in zin for zinnen in r.risico_zinnen.values() for zin in zinnen)
    if isinstance(vp.get("eigen_vermogen_eind"), int) and vp["eigen_vermogen_eind"] < 0 and not al_genoemd:
        deel = f"; het deel van de gemeente is {euro(-r.belang_eind)}" if isinstance(r.belang_eind, int) and \
            r.belang_eind < 0 else ""
        rest.append("Let op: het eigen vermogen is aan het eind van het jaar negatief "
                    f"({euro(vp['eigen_vermogen_eind'])}). De deelnemers moeten dat tekort aanvullen{deel}.")
    rest += [_wgr_zin(r),
             f"Uitkomst van de samenwerkingstoets (ambtelijk advies, geen besluit): {_advies(r)}.",
             f"Evaluatie: {evaluatie_tekst(r)}."]
    return [Kop(r.naam, 3), Lijst(tuple(feiten)), _cijfers(r, jaar), Lijst(tuple(x for x in rest if x))]


# Waarom een lopende samenwerking geen verbonden partij is (BBV art. 1: geen eigen organisatie waarin de gemeente
# een bestuurlijk én een financieel belang heeft), per juridische vorm.
GEEN_VERBONDEN_PARTIJ = {
    "dienstverleningsovereenkomst": "de gemeente neemt een dienst af en zit niet in een bestuur",
    "convenant": "afspraken zonder eigen organisatie, bestuur of vermogen",
    "regeling_zonder_meer": "er is geen eigen organisatie, bestuur of vermogen",
    "centrumregeling": "een gemeente voert de taak uit voor de andere, zonder eigen organisatie",
    "netwerk": "er is geen eigen rechtsvorm",
}


def _geen_verbonden_partij(r: Regel) -> str:
    bijdrage = f" Bijdrage: {euro(r.kosten_per_jaar)} per jaar." if isinstance(r.kosten_per_jaar, int) else ""
    if r.juridische_vorm in GEEN_VERBONDEN_PARTIJ:
        return f"{r.naam}, een {woord(r.juridische_vorm)}: {GEEN_VERBONDEN_PARTIJ[r.juridische_vorm]}.{bijdrage}"
    if r.juridische_vorm and r.juridische_vorm != "nog_te_kiezen":
        return (f"{r.naam}, een {woord(r.juridische_vorm)}: de gemeente heeft er geen bestuurlijk én financieel "
                f"belang in.{bijdrage}")
    return f"{r.naam}: de juridische vorm is nog niet gekozen of niet bekend.{bijdrage}"


def paragraaf_met_stempel(o: Overzicht, pakket: Any, mapnaam: str) -> Document:
    """De paragraaf met het stempel onderaan: datum, regelpakket, programma en uit welke map de casussen komen. De
    datum is de peildatum van het overzicht (--peildatum, anders SOURCE_DATE_EPOCH, anders vandaag): dezelfde
    casussen en peildatum geven hetzelfde document."""
    from ..collegevoorstel import programmaversie, stempeldatum

    stempel = Stempel(datum=stempeldatum(o.peildatum), regelpakket=f"{pakket.naam} {pakket.versie}",
                      inhoudshash_pakket=pakket.inhoudshash, casusbestand="", casushash="",
                      programmaversie=programmaversie(),
                      bron=f"Casussen: {len(o.regels)} uit de map '{mapnaam}'"
                           + (f"; {len(o.fouten)} niet beoordeeld" if o.fouten else ""))
    return paragraaf(o, stempel)


def _jaarzin(partijen: list[Regel], jaar: int | None) -> str:
    """Eén keer, in de inleiding: over welk jaar de cijfers gaan."""
    if not partijen:
        return ""
    if jaar is not None:
        return (f" De financiële cijfers gaan over {jaar}: het begin en het eind van dat jaar, zoals ze in de "
                "casusbestanden staan.")
    if all(r.verbonden_partij.get("jaar") is None for r in partijen):
        return " Over welk jaar de financiële cijfers gaan, staat niet in de casusbestanden."
    return " De financiële cijfers gaan niet voor elke partij over hetzelfde jaar; bij elke partij staat welk jaar."


def paragraaf(o: Overzicht, stempel: Stempel) -> Document:
    """Het concept van de paragraaf verbonden partijen (BBV art. 15), als blokken voor Markdown of Word."""
    from .grafiek import verdeling_png

    partijen = op_volgorde(verbonden_partijen(o))
    jaar = _cijferjaar(partijen)
    gemengd = len({r.verbonden_partij.get("jaar") for r in partijen}) > 1
    andere = [r for r in op_volgorde(o.regels) if r.fase == "lopend" and not _is_verbonden_partij(r)]
    aantal_zin = ("Er zijn geen verbonden partijen" if not partijen else
                  f"Dat {'is er' if len(partijen) == 1 else 'zijn er'} {len(partijen)}")
    blokken: list = []
    if o.fouten:
        blokken += [Alinea(f"Let op: dit concept is onvolledig. {aantal(len(o.fouten), 'casusbestand')} "
                           f"{'kon' if len(o.fouten) == 1 else 'konden'} niet worden beoordeeld en "
                           f"{'staat' if len(o.fouten) == 1 else 'staan'} niet in deze paragraaf; welke en waarom, "
                           "staat in de bijlage aan het eind.")]
    totaal = sum(r.kosten_per_jaar or 0 for r in partijen)
    peildatum = f" op {datum_tekst(o.peildatum)}" if o.peildatum else f" in {o.peiljaar}"
    blokken += [
        Kop("Inleiding"),
        Alinea(f"Deze paragraaf beschrijft de verbonden partijen van de gemeente: organisaties waarin zij een "
               f"bestuurlijk én een financieel belang heeft (BBV, art. 1). {aantal_zin} van de "
               f"{aantal(len(o.regels), 'samenwerking')} in het register"
               + (f", met samen een bijdrage van {bedrag_tekst(totaal)} per jaar" if totaal else "") + "."
               + _jaarzin(partijen, jaar)
               + f" Of een evaluatie te laat is, is bepaald{peildatum}. Elke samenwerking is getoetst aan de visie "
               f"op regionale samenwerking (regelpakket {o.regelpakket}); die toets is een ambtelijk advies, geen "
               "besluit."),
        Kop("Beleid en sturing"),
        Alinea("Hoe intensief de gemeente een verbonden partij volgt, hangt af van het hoogste risico van die partij:"),
        Lijst(tuple(f"{NIVEAU[niveau][:1].upper() + NIVEAU[niveau][1:]} risico: {naam}. {tekst}"
                    for niveau, (naam, tekst) in o.sturing.items())),
        Kop("Overzicht"),
        # vier kolommen: zo blijft elke kop heel op een A4 (aandeel bij het bedrag, sturing bij het risico)
        Tabel(("Verbonden partij", "Programma", f"Financieel belang eind {jaar or 'van het jaar'} (aandeel gemeente)",
               "Hoogste risico (sturing)"),
              tuple((r.naam, _zin(r.verbonden_partij.get("programma") or NIET_BEKEND),
                     f"{bedrag_tekst(r.belang_eind, NIET_BEKEND)} ({_procent(r.verbonden_partij.get('aandeel'))})",
                     f"{NIVEAU[r.hoogste_risico]} ({sturing_tekst(r)})") for r in partijen)),
    ]
    for categorie, leden in _per_categorie(partijen):
        blokken.append(Kop(categorie, 2))
        for r in leden:
            blokken += _partij(r, o, jaar, gemengd)
    if andere:
        blokken += [Kop("Andere samenwerkingen, geen verbonden partij"),
                    Alinea("In deze lopende samenwerkingen heeft de gemeente geen bestuurlijk én financieel belang in "
                           "een eigen organisatie. Ze staan in het register, maar niet in de matrix en de grafieken "
                           "hieronder."),
                    Lijst(tuple(_geen_verbonden_partij(r) for r in andere))]
    # De matrix, de grafieken en de overlap gaan alleen over de verbonden partijen: een voorstel (en het ambtelijke
    # advies erover) hoort niet in een stuk voor de raad, en een samenwerking die geen verbonden partij is, hoort
    # niet in deze paragraaf. Het register noemt ze wel.
    vp = dataclasses.replace(o, regels=partijen)
    if partijen:
        kop, rijen = matrix_rijen(vp)
        blokken += [Kop("Thema's en schaal van de verbonden partijen"),
                    Alinea("De verbonden partijen naar thema uit de visie en schaal. Het register (xlsx) geeft dit "
                           "overzicht voor alle samenwerkingen, ook de voorstellen."),
                    Tabel(tuple(kop), tuple(tuple(r) for r in rijen))]
    per_thema = [t for t in o.woorden.themas if any(t in r.themas for r in partijen)]
    if per_thema:
        groepen = [o.label("themas", t) for t in per_thema]
        soorten = {"positief": ("aangaan", "voortzetten"),
                   "onder voorwaarden": ("aangaan_onder_voorwaarden", "voortzetten_onder_voorwaarden"),
                   "negatief": ("niet_aangaan", "beeindigen"), "nog geen advies": ("onvoldoende_informatie",)}
        reeksen = {naam: [sum(1 for r in partijen if t in r.themas and r.advies.value in woorden) for t in per_thema]
                   for naam, woorden in soorten.items()}
        risico = {NIVEAU[n]: [sum(1 for r in partijen if t in r.themas and r.hoogste_risico == n) for t in per_thema]
                  for n in (*RISICONIVEAUS, "onbekend")}
        blokken += [Alinea("Een verbonden partij met meer thema's telt in de grafieken bij elk thema mee."),
                    Afbeelding("Advies per thema", verdeling_png("Advies per thema", groepen, reeksen, KLEUR_ADVIES)),
                    Afbeelding("Hoogste risico per thema",
                               verdeling_png("Hoogste risico per thema", groepen, risico, KLEUR_RISICO))]
    overlap = vp.overlappen(vp.overlap_drempel)
    if overlap:
        blokken += [Kop("Mogelijke overlap"), Lijst(tuple(
            f"'{a}' en '{b}' ({o.label('themas', t)}): {round(d * 100)}% van hun partners is dezelfde"
            for a, b, t, d in overlap[:30]))]
    if o.fouten:
        blokken += [Kop("Bijlage: casusbestanden die niet zijn beoordeeld"),
                    Lijst(tuple(f"{bestand}: {_op_een_regel(melding)}" for bestand, melding in o.fouten))]
    return Document(titel="Paragraaf verbonden partijen (concept)", blokken=tuple(blokken), stempel=stempel,
                    onderwerp="Concept-paragraaf verbonden partijen")
