"""`python -m samenwerkingstoets` werkt als de opdracht `samenwerkingstoets`."""

from .cli import main

main()
