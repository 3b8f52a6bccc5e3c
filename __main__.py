# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""`python -m samenwerkingstoets` werkt als de opdracht `samenwerkingstoets`."""

from .cli import main

main()
