# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""samenwerkingstoets: toetst een regionale samenwerking aan de visie van de gemeente.

Dit is het importpakket van het product. De repository houdt de indeling van het ontwerp:
`cli.py` (de opdrachtregel), `engine/` (de bibliotheek, zonder click), `rules/` (regelpakketten,
meegeleverd als pakketdata) en `cases/` (voorbeeldcasussen); pyproject.toml beeldt die indeling af
op `samenwerkingstoets`, `samenwerkingstoets.cli` en `samenwerkingstoets.engine`.
"""
