# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De grafiek van de tien succesfactoren, getekend met matplotlib (zonder scherm).

matplotlib wordt pas geïmporteerd als er een grafiek nodig is: `beoordeel` blijft snel. Elke grafiek is een eigen
Figure met een eigen Agg-canvas, zonder pyplot: pyplot houdt een globale toestand bij die niet veilig is in de
threads van de webserver.
Het PNG-bestand bevat geen tijdstempel of softwareversie, zodat dezelfde scores hetzelfde
plaatje geven.
"""

from __future__ import annotations

import io

from .collegeadvies import Grafiek


def png(grafiek: Grafiek) -> bytes:
    labels = list(grafiek.labels)[::-1]
    eigen = [v if v is not None else 0 for v in grafiek.eigen][::-1]
    partner = list(grafiek.partner)[::-1]
    figuur, as_ = _figuur((8, 5.2))
    posities = range(len(labels))
    as_.barh(posities, eigen, color="#2f6f9f", label="eigen scan")
    punten = [(p, i) for i, p in enumerate(partner) if p is not None]
    if punten:
        as_.scatter([p for p, _ in punten], [i for _, i in punten], color="#c0392b", marker="D", zorder=3,
                    label="laagste partner")
    if grafiek.laag is not None:  # drempels uit het regelpakket; zonder drempel geen lijn
        as_.axvline(grafiek.laag, color="#c0392b", linestyle="--", linewidth=1,
                    label=f"laag (< {grafiek.laag:g})".replace(".", ","))
    if grafiek.sterk is not None:
        as_.axvline(grafiek.sterk, color="#27ae60", linestyle="--", linewidth=1,
                    label=f"sterk (≥ {grafiek.sterk:g})".replace(".", ","))
    as_.set_yticks(list(posities), labels, fontsize=8)
    as_.set_xlim(0, 5)
    as_.set_xlabel("score (1 = helemaal oneens, 5 = helemaal eens)")
    for i, waarde in enumerate(eigen):
        if waarde == 0:
            as_.text(0.05, i, "niet ingevuld", va="center", fontsize=7, color="#555555")
    return _als_png(figuur, as_, grafiek.titel, -0.12)


def _figuur(maat: tuple[float, float]):
    """Een nieuwe figuur met één assenstelsel en een eigen Agg-canvas (zonder scherm en zonder pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figuur = Figure(figsize=maat, dpi=110)
    FigureCanvasAgg(figuur)
    return figuur, figuur.subplots()


def _als_png(figuur, as_, titel: str, legenda_onder: float) -> bytes:
    """Titel, legenda onder de grafiek (zodat hij nooit over de balken valt) en een PNG zonder tijdstempel."""
    as_.set_title(titel, fontsize=10)
    as_.legend(loc="upper center", bbox_to_anchor=(0.5, legenda_onder), ncol=4, fontsize=7, frameon=False)
    figuur.tight_layout()
    uit = io.BytesIO()
    figuur.savefig(uit, format="png", metadata={"Software": None})
    return uit.getvalue()


def verdeling_png(titel: str, groepen: list[str], reeksen: dict[str, list[int]], kleuren: dict[str, str]) -> bytes:
    """Gestapelde balken: per groep (bijvoorbeeld een thema) hoeveel samenwerkingen in elke reeks vallen
    (een advies of een risiconiveau). Zonder tijdstempel, zodat dezelfde cijfers hetzelfde plaatje geven."""
    figuur, as_ = _figuur((8, 0.42 * max(len(groepen), 3) + 1.6))
    links = [0] * len(groepen)
    posities = range(len(groepen))
    for naam, waarden in reeksen.items():
        as_.barh(posities, waarden, left=links, color=kleuren.get(naam, "#888888"), label=naam)
        links = [a + b for a, b in zip(links, waarden)]
    as_.set_yticks(list(posities), groepen, fontsize=8)
    as_.invert_yaxis()
    as_.set_xlabel("aantal samenwerkingen")
    as_.xaxis.get_major_locator().set_params(integer=True)
    return _als_png(figuur, as_, titel, -0.18)
