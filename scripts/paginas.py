# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Tel de pagina's van het collegevoorstel van elke voorbeeldcasus, zoals een collegelid het leest.

    .venv/bin/python scripts/paginas.py [MAP]

Maakt per voorbeeldcasus het Word-document, zet het met LibreOffice om naar PDF en telt de pagina's van
de hoofdtekst (tot de kop 'Bijlagen') en van het geheel. Doel: hoofdtekst hooguit vier A4-pagina's.
Vraagt LibreOffice (`soffice`) en pdftotext (poppler-utils); zonder die programma's zegt het script dat.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOEL = 4


def paginas(pdf: Path) -> list[str]:
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout
    return tekst.split("\f")[:-1] if tekst.endswith("\f") else tekst.split("\f")


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        print("Dit script vraagt LibreOffice en pdftotext (apt-get install libreoffice-writer-nogui poppler-utils).")
        return 2
    map_ = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="paginas-"))
    programma = Path(sys.executable).parent / "samenwerkingstoets"
    te_lang = 0
    print(f"{'casus':55s} {'hoofdtekst':>10s} {'totaal':>7s}  A4")
    for casus in sorted((ROOT / "cases").glob("*.yaml")):
        docx = map_ / (casus.stem + ".docx")
        subprocess.run([str(programma), "collegeadvies", str(casus), "-o", str(docx), "--datum", "2026-11-22",
                        "--overschrijf"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(map_), str(docx)],
                       check=True, capture_output=True)
        pdf = docx.with_suffix(".pdf")
        lijst = paginas(pdf)
        hoofd = next((i for i, p in enumerate(lijst) if any(r.strip() == "Bijlagen" for r in p.splitlines())),
                     len(lijst))
        # De pagina waarop 'Bijlagen' begint, telt mee als er nog hoofdtekst boven staat (de koptekst
        # 'Concept' en het paginanummer tellen niet).
        if hoofd < len(lijst):
            boven = [r.strip() for r in lijst[hoofd].split("Bijlagen")[0].splitlines()]
            if any(r and r != "Concept" and not re.fullmatch(r"Pagina \d+", r) for r in boven):
                hoofd += 1
        a4 = "ja" if "(A4)" in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout \
            else "nee"
        te_lang += hoofd > DOEL
        print(f"{casus.name:55s} {hoofd:10d} {len(lijst):7d}  {a4}")
    print(f"\nDoel: hoofdtekst hooguit {DOEL} pagina's; {te_lang} voorbeeld(en) te lang. PDF's in {map_}")
    return 1 if te_lang else 0


if __name__ == "__main__":
    sys.exit(main())
