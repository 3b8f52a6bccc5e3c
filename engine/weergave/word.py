# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het collegevoorstel als Word-document (python-docx), in de huisstijl van een sjabloon.

Het document begint altijd bij een sjabloon: het standaardsjabloon dat met het pakket meekomt
(sjabloon.docx: A4, Nederlands, paginanummers), of het sjabloon van de gemeente (`--sjabloon`). Van het
sjabloon blijven de stijlen, de marges, de kop- en voettekst en het logo; de tekst erin wordt vervangen.
Ontbreekt in een sjabloon een stijl (een kop, een lijst, een tabelraster), dan valt de weergave terug
op gewone tekst in plaats van te falen.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from importlib import resources

from . import grafiek as grafiekmodule
from .collegeadvies import Afbeelding, Alinea, Document, Grafiek, Kop, Lijst, Tabel

# Tekens die in XML 1.0 niet mogen (besturingstekens, losse surrogaten): python-docx/lxml weigert ze.
_NIET_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Een Word-sjabloon (.dotx) is een document met een ander inhoudstype; python-docx opent alleen .docx.
_SJABLOON_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _x(tekst: object) -> str:
    """Tekst die veilig in een Word-document kan (XML 1.0). Een bedrag breekt niet over twee regels ('€ 3.100.000'
    blijft bij elkaar: een harde spatie)."""
    return _NIET_XML.sub("", str(tekst)).replace("€ ", "€\u00a0")


def standaardsjabloon() -> bytes:
    return (resources.files(__package__) / "sjabloon.docx").read_bytes()


def als_document(sjabloon: bytes) -> bytes:
    """Een .dotx wordt een .docx: alleen het inhoudstype van het hoofddeel verschilt."""
    bron = zipfile.ZipFile(io.BytesIO(sjabloon))
    typen = bron.read("[Content_Types].xml")
    if _SJABLOON_TYPE not in typen:
        return sjabloon
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            inhoud = bron.read(info.filename)
            doel.writestr(info, typen.replace(_SJABLOON_TYPE, _DOCUMENT_TYPE) if info.filename ==
                          "[Content_Types].xml" else inhoud)
    return uit.getvalue()


def collegeadvies(document: Document, sjabloon: bytes | None = None) -> bytes:
    from docx import Document as Word
    from docx.shared import Cm, Pt

    word = Word(io.BytesIO(als_document(sjabloon) if sjabloon is not None else standaardsjabloon()))
    _maak_leeg(word)
    nederlands(word)
    concept_en_paginanummers(word)
    _kop(word, document.titel, 0)
    for blok in document.blokken:
        if isinstance(blok, Kop):
            _kop(word, blok.tekst, blok.niveau, blok.nieuwe_pagina)
        elif isinstance(blok, Alinea):
            word.add_paragraph(_x(blok.tekst))
        elif isinstance(blok, Lijst):
            _lijst(word, blok)
        elif isinstance(blok, Tabel):
            _tabel(word, blok, Cm, Pt)
        elif isinstance(blok, (Grafiek, Afbeelding)):
            png = blok.png if isinstance(blok, Afbeelding) else grafiekmodule.png(blok)
            word.add_picture(io.BytesIO(png), width=Cm(16))
            _beschrijving(word, blok.titel)
    stempel = word.add_paragraph()
    for i, regel in enumerate(document.stempel.regels()):
        run = stempel.add_run(_x(regel))
        run.font.size = Pt(8)
        if i < len(document.stempel.regels()) - 1:
            run.add_break()
    _eigenschappen(word, document)
    uit = io.BytesIO()
    word.save(uit)
    return vaste_zip(uit.getvalue())


def _stijl(word, naam: str):
    """De stijl met deze (Engelse, ingebouwde) naam, of None als het sjabloon haar niet heeft."""
    try:
        return word.styles[naam]
    except KeyError:
        return None


def _maak_leeg(word) -> None:
    """Haal de tekst van het sjabloon weg; de sectie-instellingen (marges, kop- en voettekst) blijven."""
    from docx.oxml.ns import qn

    for kind in list(word.element.body):
        if kind.tag != qn("w:sectPr"):
            word.element.body.remove(kind)


def _kop(word, tekst: str, niveau: int, nieuwe_pagina: bool = False) -> None:
    stijl = _stijl(word, "Title" if niveau == 0 else f"Heading {niveau}")
    if stijl is not None:
        alinea = word.add_paragraph(_x(tekst), style=stijl)
    else:
        alinea = word.add_paragraph()
        alinea.add_run(_x(tekst)).bold = True
    alinea.paragraph_format.page_break_before = nieuwe_pagina or None


def _lijst(word, blok: Lijst) -> None:
    stijl = _stijl(word, "List Number" if blok.genummerd else "List Bullet")
    nummering = _nieuwe_nummering(word, stijl, blok.start) if blok.genummerd and stijl is not None else None
    for i, item in enumerate(blok.items, blok.start):
        if stijl is None:
            word.add_paragraph(_x(f"{i}. {item}" if blok.genummerd else f"• {item}"))
            continue
        alinea = word.add_paragraph(_x(item), style=stijl)
        if nummering is not None:
            numpr = alinea._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = 0
            numpr.get_or_add_numId().val = nummering


def _nieuwe_nummering(word, stijl, start: int = 1) -> int | None:
    """Elke genummerde lijst begint bij zijn eigen start (meestal 1): een eigen nummering op de lijst van de stijl,
    met een startwaarde.
    (Zonder dit telt Word alle alinea's met de stijl 'List Number' door, over het hele document.)"""
    ppr = stijl.element.pPr
    numpr = ppr.numPr if ppr is not None else None
    if numpr is None or numpr.numId is None:
        return None
    definities = word.part.numbering_part.element
    bestaand = definities.num_having_numId(numpr.numId.val)
    nieuw = definities.add_num(bestaand.abstractNumId.val)
    nieuw.add_lvlOverride(ilvl=0).add_startOverride(start)
    return nieuw.numId


def _tabel(word, blok: Tabel, Cm, Pt) -> None:
    tabel = word.add_table(rows=1, cols=len(blok.kop))
    raster = _stijl(word, "Table Grid")
    if raster is not None:
        tabel.style = raster
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
    _niet_splitsen(tabel)
    _kolombreedtes(tabel, blok, Cm)


def _beschrijving(word, tekst: str) -> None:
    """Het tekstalternatief van de laatst toegevoegde afbeelding (voor schermlezers)."""
    from docx.oxml.ns import qn

    vormen = word.element.body.findall(".//" + qn("wp:docPr"))
    if vormen:
        vormen[-1].set("descr", _x(tekst))


def _niet_splitsen(tabel) -> None:
    """De kopregel herhaalt zich op elke pagina en een rij breekt niet over twee pagina's."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for i, rij in enumerate(tabel.rows):
        eigenschappen = rij._tr.get_or_add_trPr()
        eigenschappen.append(OxmlElement("w:cantSplit"))
        if i == 0:
            eigenschappen.append(OxmlElement("w:tblHeader"))


def nederlands(word) -> None:
    """Nederlands als documenttaal (de spellingcontrole van Word volgt die), in de standaardopmaak."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    standaard = word.styles.element.find(qn("w:docDefaults"))
    if standaard is None:
        standaard = OxmlElement("w:docDefaults")
        word.styles.element.insert(0, standaard)
    rpr_default = standaard.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        standaard.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    taal = rpr.find(qn("w:lang"))
    if taal is None:
        taal = OxmlElement("w:lang")
        rpr.append(taal)
    for attribuut in ("w:val", "w:eastAsia", "w:bidi"):
        taal.set(qn(attribuut), "nl-NL")


def _kop_en_voetteksten(sectie) -> list[tuple]:
    """De kop- en voetteksten die in deze sectie echt op een pagina komen: de gewone, en die van de eerste pagina
    of de even pagina's als het sjabloon die apart heeft."""
    paren = [(sectie.header, sectie.footer)]
    if sectie.different_first_page_header_footer:
        paren.append((sectie.first_page_header, sectie.first_page_footer))
    if sectie.even_page_header is not None and sectie._document_part.settings.odd_and_even_pages_header_footer:
        paren.append((sectie.even_page_header, sectie.even_page_footer))
    return paren


def _heeft_veld(deel, naam: str) -> bool:
    """Staat het veld (PAGE) al in deze kop- of voettekst, als eenvoudig of als samengesteld veld?"""
    from docx.oxml.ns import qn

    element = deel._element
    if any(naam in (v.get(qn("w:instr")) or "").split() for v in element.iter(qn("w:fldSimple"))):
        return True
    return any(naam in (t.text or "").split() for t in element.iter(qn("w:instrText")))


def concept_en_paginanummers(word) -> None:
    """Een concept blijft een concept: 'Concept' in de koptekst van elke pagina, en een paginanummer in de
    voettekst, ook als het sjabloon van de gemeente die niet heeft (dan komen ze erbij; staat het er al, dan blijft
    de huisstijl zoals hij is)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for sectie in word.sections:
        for kop, voet in _kop_en_voetteksten(sectie):
            if kop.is_linked_to_previous and sectie is not word.sections[0]:
                pass  # erft de koptekst van de vorige sectie, die al klopt
            elif "concept" not in " ".join(p.text for p in kop.paragraphs).lower():
                alinea = kop.paragraphs[0] if kop.paragraphs and not kop.paragraphs[0].text.strip() \
                    else kop.add_paragraph()
                alinea.add_run("Concept").bold = True
            if voet.is_linked_to_previous and sectie is not word.sections[0]:
                continue
            if _heeft_veld(voet, "PAGE"):
                continue
            leeg = voet.paragraphs and not any(p.text.strip() for p in voet.paragraphs)
            alinea = voet.paragraphs[0] if leeg else voet.add_paragraph()
            alinea.text = "Pagina "
            for instructie, na in (("PAGE", " van "), ("NUMPAGES", "")):
                veld = OxmlElement("w:fldSimple")
                veld.set(qn("w:instr"), instructie)
                alinea._p.append(veld)
                if na:
                    alinea.add_run(na)


def _eigenschappen(word, document: Document) -> None:
    """Titel en onderwerp uit de casus, het programma als maker; vaste tijden voor een reproduceerbaar bestand."""
    eigenschappen = word.core_properties
    eigenschappen.title = _x(document.titel)
    eigenschappen.subject = document.onderwerp
    eigenschappen.author = "samenwerkingstoets"
    eigenschappen.comments = ""  # een sjabloon kan hier iets hebben staan ('generated by python-docx')
    eigenschappen.keywords = ""
    eigenschappen.category = ""
    eigenschappen.language = "nl-NL"
    moment = dt.datetime.combine(document.stempel.datum, dt.time(0, 0))
    eigenschappen.created = moment
    eigenschappen.modified = moment
    eigenschappen.last_printed = moment
    eigenschappen.last_modified_by = "samenwerkingstoets"
    eigenschappen.revision = 1


def vaste_zip(inhoud: bytes) -> bytes:
    """Dezelfde inhoud geeft dezelfde bytes: vaste tijdstempels en volgorde in het zip-bestand."""
    bron = zipfile.ZipFile(io.BytesIO(inhoud))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam in bron.namelist():
            info = zipfile.ZipInfo(naam, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            doel.writestr(info, bron.read(naam))
    return uit.getvalue()


def _kolombreedtes(tabel, blok: Tabel, Cm, totaal_cm: float = 16.0) -> None:
    """Elke kolom minstens breed genoeg voor zijn langste woord (tot 5 cm; een woord in de vette kop is breder
    per letter); de rest van de paginabreedte naar verhouding van de hoeveelheid tekst."""
    kolommen = [[blok.kop[i]] + [rij[i] for rij in blok.rijen] for i in range(len(blok.kop))]
    # LibreOffice zet een vette kop breder dan Word: 0,23 cm per letter plus de binnenmarge van de cel houdt een
    # kopwoord heel ('Aandeel', 'Hoogste'); gezien in de PDF van de paragraaf verbonden partijen
    minimum = [min(0.4 + max([0.23 * len(w) for w in blok.kop[i].split()]
                             + [0.18 * len(w) for rij in blok.rijen for w in rij[i].split()], default=0.18), 5.0)
               for i in range(len(blok.kop))]
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
