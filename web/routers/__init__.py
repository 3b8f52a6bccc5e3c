# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De routes van de webapplicatie, één module per gebied; ze delen de diensten in web/diensten.py."""
