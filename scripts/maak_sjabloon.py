# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Maak het standaardsjabloon voor het collegevoorstel in Word: engine/weergave/sjabloon.docx.

    .venv/bin/python scripts/maak_sjabloon.py

Het sjabloon is wat een gemeente met `--sjabloon` door haar eigen huisstijl vervangt: A4, gewone marges,
Nederlands als documenttaal, Calibri 10,5 pt, 'Concept' in de koptekst en paginanummers in de voettekst.
Het bestand staat in de repository en gaat mee in het pakket; dit script maakt het opnieuw, byte voor
byte hetzelfde, als het ontwerp verandert.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from samenwerkingstoets.engine.weergave.word import concept_en_paginanummers, nederlands, vaste_zip

DOEL = Path(__file__).resolve().parent.parent / "engine" / "weergave" / "sjabloon.docx"


def main() -> None:
    word = Document()
    for sectie in word.sections:
        sectie.page_width, sectie.page_height = Cm(21.0), Cm(29.7)
        sectie.left_margin = sectie.right_margin = Cm(2.5)
        sectie.top_margin = sectie.bottom_margin = Cm(2.0)
        kop = sectie.header.paragraphs[0]
        run = kop.add_run("Concept")
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    concept_en_paginanummers(word)
    nederlands(word)
    normaal = word.styles["Normal"]
    normaal.font.name = "Calibri"
    normaal.font.size = Pt(10.5)
    # Het lege sjabloon heeft geen tekst; de ene lege alinea van python-docx verdwijnt.
    for alinea in list(word.element.body):
        if alinea.tag != qn("w:sectPr"):
            word.element.body.remove(alinea)
    eigenschappen = word.core_properties
    for veld in ("title", "subject", "keywords", "category", "comments"):
        setattr(eigenschappen, veld, "")
    eigenschappen.author = eigenschappen.last_modified_by = "samenwerkingstoets"
    moment = dt.datetime(2026, 1, 1)
    eigenschappen.created = eigenschappen.modified = eigenschappen.last_printed = moment
    eigenschappen.revision = 1
    uit = io.BytesIO()
    word.save(uit)
    DOEL.write_bytes(vaste_zip(uit.getvalue()))
    print(f"Sjabloon geschreven naar {DOEL}.")


if __name__ == "__main__":
    main()
