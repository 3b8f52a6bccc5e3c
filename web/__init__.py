"""De webapplicatie van samenwerkingstoets (samenwerkingstoets web)."""
