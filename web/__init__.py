# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De webapplicatie van samenwerkingstoets (samenwerkingstoets web)."""
