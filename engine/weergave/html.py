# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Het collegevoorstel als één zelfstandig, printbaar HTML-bestand (CSS en grafiek ingebed)."""

from __future__ import annotations

import base64
from html import escape

from . import grafiek as grafiekmodule
from .collegeadvies import Afbeelding, Alinea, Document, Grafiek, Kop, Lijst, Tabel

CSS = """
body { font-family: "Segoe UI", Arial, sans-serif; max-width: 52em; margin: 2em auto; color: #222;
       line-height: 1.45; padding: 0 1em; overflow-wrap: break-word; }
h1 { font-size: 1.6em; border-bottom: 2px solid #2f6f9f; padding-bottom: .2em; }
h2 { font-size: 1.25em; color: #2f6f9f; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: .85em; margin: .8em 0; }
th, td { border: 1px solid #999; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #e8eef4; }
img { max-width: 100%; }
.stempel { font-size: .8em; color: #555; border-top: 1px solid #999; margin-top: 2em; padding-top: .5em; }
@media (max-width: 600px) { body { margin: 1em auto; } table { display: block; overflow-x: auto; } }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               .nieuwe-pagina { page-break-before: always; }
               table, img { page-break-inside: avoid; } }
"""


def collegeadvies(document: Document) -> bytes:
    delen = ["<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(document.titel)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
             f"<h1>{escape(document.titel)}</h1>"]
    for blok in document.blokken:
        if isinstance(blok, Kop):
            niveau = blok.niveau + 1
            klasse = ' class="nieuwe-pagina"' if blok.nieuwe_pagina else ""
            delen.append(f"<h{niveau}{klasse}>{escape(blok.tekst)}</h{niveau}>")
        elif isinstance(blok, Alinea):
            delen.append(f"<p>{escape(blok.tekst)}</p>")
        elif isinstance(blok, Lijst):
            tag = "ol" if blok.genummerd else "ul"
            start = f' start="{blok.start}"' if blok.genummerd and blok.start != 1 else ""
            delen.append(f"<{tag}{start}>" + "".join(f"<li>{escape(i)}</li>" for i in blok.items) + f"</{tag}>")
        elif isinstance(blok, Tabel):
            kop = "".join(f"<th>{escape(k)}</th>" for k in blok.kop)
            rijen = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in rij) + "</tr>" for rij in blok.rijen)
            delen.append(f"<table><thead><tr>{kop}</tr></thead><tbody>{rijen}</tbody></table>")
        elif isinstance(blok, (Grafiek, Afbeelding)):
            data = base64.b64encode(blok.png if isinstance(blok, Afbeelding) else grafiekmodule.png(blok)).decode("ascii")
            delen.append(f'<img src="data:image/png;base64,{data}" alt="{escape(blok.titel)}">')
    delen.append('<div class="stempel">' + "<br>".join(escape(r) for r in document.stempel.regels()) + "</div>")
    delen += ["</body>", "</html>", ""]
    return "\n".join(delen).encode("utf-8")
