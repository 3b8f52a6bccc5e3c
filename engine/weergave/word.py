"""Het collegevoorstel als Word-document (python-docx): kopstijlen, echte tabellen, de grafiek."""

from __future__ import annotations

import datetime as dt
import io
import re

from . import grafiek as grafiekmodule
from .collegeadvies import Alinea, Document, Grafiek, Kop, Lijst, Tabel


# Tekens die in XML 1.0 niet mogen (besturingstekens, losse surrogaten): python-docx/lxml weigert ze.
_NIET_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(tekst: object) -> str:
    """Tekst die veilig in een Word-document kan (XML 1.0)."""
    return _NIET_XML.sub("", str(tekst))


def collegeadvies(document: Document) -> bytes:
    from docx import Document as Word
    from docx.shared import Cm, Pt

    word = Word()
    stijl = word.styles["Normal"]
    stijl.font.name = "Calibri"
    stijl.font.size = Pt(10.5)
    word.add_heading(_x(document.titel), level=0)
    for blok in document.blokken:
        if isinstance(blok, Kop):
            word.add_heading(_x(blok.tekst), level=blok.niveau)
        elif isinstance(blok, Alinea):
            word.add_paragraph(_x(blok.tekst))
        elif isinstance(blok, Lijst):
            for item in blok.items:
                word.add_paragraph(_x(item), style="List Number" if blok.genummerd else "List Bullet")
        elif isinstance(blok, Tabel):
            tabel = word.add_table(rows=1, cols=len(blok.kop))
            tabel.style = "Table Grid"
            for cel, tekst in zip(tabel.rows[0].cells, blok.kop):
                cel.text = _x(tekst)
                for run in cel.paragraphs[0].runs:
                    run.bold = True
            for rij in blok.rijen:
                for cel, tekst in zip(tabel.add_row().cells, rij):
                    cel.text = _x(tekst)
            for rij in tabel.rows:
                for cel in rij.cells:
                    for run in cel.paragraphs[0].runs:
                        run.font.size = Pt(9)
            _kolombreedtes(tabel, blok, Cm)
        elif isinstance(blok, Grafiek):
            word.add_picture(io.BytesIO(grafiekmodule.png(blok)), width=Cm(16))
    stempel = word.add_paragraph()
    for i, regel in enumerate(document.stempel.regels()):
        run = stempel.add_run(_x(regel))
        run.font.size = Pt(8)
        if i < len(document.stempel.regels()) - 1:
            run.add_break()
    eigenschappen = word.core_properties
    eigenschappen.title = _x(document.titel)
    eigenschappen.author = "samenwerkingstoets"
    moment = dt.datetime.combine(document.stempel.datum, dt.time(0, 0))
    eigenschappen.created = moment
    eigenschappen.modified = moment
    eigenschappen.last_modified_by = "samenwerkingstoets"
    eigenschappen.revision = 1
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


def _kolombreedtes(tabel, blok: Tabel, Cm, totaal_cm: float = 16.0) -> None:
    """Elke kolom minstens breed genoeg voor zijn langste woord (tot 2,6 cm); de rest van de
    paginabreedte naar verhouding van de hoeveelheid tekst."""
    kolommen = [[blok.kop[i]] + [rij[i] for rij in blok.rijen] for i in range(len(blok.kop))]
    minimum = [min(0.3 + 0.17 * max((len(w) for t in teksten for w in t.split()), default=1), 2.6)
               for teksten in kolommen]
    if sum(minimum) > totaal_cm:
        minimum = [m * totaal_cm / sum(minimum) for m in minimum]
    tekst = [sum(len(t) for t in teksten) / len(teksten) + 1 for teksten in kolommen]
    rest = totaal_cm - sum(minimum)
    tabel.autofit = False
    for i, kolom in enumerate(tabel.columns):
        breedte = Cm(minimum[i] + rest * tekst[i] / sum(tekst))
        kolom.width = breedte  # het raster (LibreOffice kijkt hiernaar)
        for cel in kolom.cells:  # en elke cel (Word kijkt hiernaar)
            cel.width = breedte
