# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""Druk af hoe de toets zich verhoudt tot de besluiten die werkelijk genomen zijn (de praktijkset).

    .venv/bin/python scripts/praktijk.py            # ijkset en nieuwe casussen, apart geteld
    .venv/bin/python scripts/praktijk.py --ijkset   # alleen de ijkset (tijdens het ijken)

Per casus: het genomen besluit, het advies van de toets, en of de kernvragen beantwoord zijn.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from samenwerkingstoets.engine.beoordelen import Beoordelaar  # noqa: E402
from samenwerkingstoets.engine.laden import STANDAARDPAKKET, lees_regelpakket  # noqa: E402
from praktijkset import uitkomsten, verslag  # noqa: E402

if __name__ == "__main__":
    # --ijkset: alleen de casussen waarop geijkt mag worden (de nieuwe blijven buiten beeld tijdens het ijken)
    alleen_ijk = "--ijkset" in sys.argv[1:]
    print(verslag(uitkomsten(Beoordelaar(lees_regelpakket(STANDAARDPAKKET)), nieuw=False if alleen_ijk else None)))
