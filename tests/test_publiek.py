# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
"""De afspraken voor overheidssoftware: licentie, SPDX, publiccode.yml, changelog en metadata.

publiccode.yml wordt gecontroleerd met een JSON Schema dat hier is opgesteld naar de velden die de Standard
publiccode.yml 0.4 verplicht stelt en de waarden die hij toestaat (https://yml.publiccode.tools/schema.core.html).
De officiële controle (publiccode-parser, in Go) kan op deze machine niet draaien: er is geen Go en de Go-proxy is
niet bereikbaar. Wie het bestand publiceert, draait die daarnaast (zie CONTRIBUTING.md).
"""

from __future__ import annotations

import re
import subprocess
import tomllib

import jsonschema
import yaml

from conftest import ROOT

TEKST = {"type": "string", "minLength": 1}
PUBLICCODE_04 = {
    "type": "object",
    "required": ["publiccodeYmlVersion", "name", "url", "platforms", "categories", "developmentStatus",
                 "softwareType", "description", "legal", "maintenance", "localisation"],
    "properties": {
        "publiccodeYmlVersion": {"const": "0.4"},
        "name": TEKST,
        "url": {"type": "string", "pattern": r"^https?://"},
        "softwareVersion": TEKST,
        "releaseDate": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "platforms": {"type": "array", "minItems": 1, "items": TEKST},
        "categories": {"type": "array", "minItems": 1, "items": {"enum": [
            "accounting", "agile-project-management", "applicant-tracking", "application-development",
            "appointment-scheduling", "backup", "billing-and-invoicing", "blog", "budgeting",
            "business-intelligence", "business-process-management", "cad", "call-center-management",
            "cloud-management", "collaboration", "communications", "compliance-management",
            "contact-management", "content-management", "crm", "customer-service-and-support",
            "data-analytics", "data-collection", "data-visualization", "digital-asset-management",
            "document-management", "donor-management", "e-commerce", "e-signature", "email-management",
            "email-marketing", "employee-management", "enterprise-project-management", "enterprise-social-networking",
            "erp", "event-management", "facility-management", "feedback-and-reviews-management",
            "financial-reporting", "fleet-management", "fund-accounting", "gamification", "geographic-information-systems",
            "grant-management", "graphic-design", "help-desk", "hr", "ide", "identity-management", "instant-messaging",
            "inventory-management", "it-asset-management", "it-development", "it-management", "it-security",
            "it-service-management", "knowledge-management", "learning-management-system", "marketing",
            "mind-mapping", "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking",
            "online-community", "payment-management", "payroll", "predictive-analysis", "procurement",
            "productivity-suite", "project-collaboration", "project-management", "property-management",
            "real-estate-management", "remote-support", "resource-management", "sales-management", "seo",
            "serverless", "social-media-management", "survey", "talent-management", "task-management",
            "taxes-management", "test-management", "time-management", "time-tracking", "translation",
            "video-conferencing", "video-editing", "visitor-management", "voip", "warehouse-management",
            "web-collaboration", "web-conferencing", "website-builder", "whistleblowing", "workflow-management"
            ]}},
        "developmentStatus": {"enum": ["concept", "development", "beta", "stable", "obsolete"]},
        "softwareType": {"enum": ["standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                                  "standalone/backend", "standalone/other", "addon", "library", "configurationFiles"]},
        "description": {"type": "object", "minProperties": 1, "additionalProperties": {
            "type": "object", "required": ["shortDescription", "longDescription", "features"],
            "properties": {"shortDescription": {"type": "string", "minLength": 1, "maxLength": 150},
                           "longDescription": {"type": "string", "minLength": 150, "maxLength": 10000},
                           "features": {"type": "array", "minItems": 1, "items": {"type": "string",
                                                                                   "maxLength": 100}}}}},
        "legal": {"type": "object", "required": ["license"], "properties": {"license": TEKST}},
        "maintenance": {"type": "object", "required": ["type"], "properties": {
            "type": {"enum": ["internal", "contract", "community", "none"]},
            "contacts": {"type": "array", "items": {"type": "object", "required": ["name"]}}}},
        "localisation": {"type": "object", "required": ["localisationReady", "availableLanguages"], "properties": {
            "localisationReady": {"type": "boolean"},
            "availableLanguages": {"type": "array", "minItems": 1, "items": {"pattern": r"^[a-z]{2,3}(-[A-Za-z]+)?$"}}}},
    },
}


def test_publiccode_yml_voldoet_aan_de_standaard_en_noemt_de_licentie_van_de_code():
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    jsonschema.validate(data, PUBLICCODE_04)
    assert data["legal"]["license"] == "EUPL-1.2"
    assert data["maintenance"]["type"] != "internal" or data["maintenance"]["contacts"], "intern beheer noemt wie"
    versie = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert data["softwareVersion"] == versie


def test_er_is_een_licentie_en_elk_pythonbestand_noemt_haar():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert (ROOT / "LICENSES" / "EUPL-1.2.txt").is_file() and (ROOT / "LICENSES" / "CC-BY-4.0.txt").is_file()
    bestanden = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    zonder = [b for b in bestanden if "SPDX-License-Identifier: EUPL-1.2" not in (ROOT / b).read_text(
        encoding="utf-8")[:400]]
    assert bestanden and not zonder, f"zonder SPDX-regel: {zonder}"
    reuse = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
    assert {a["SPDX-License-Identifier"] for a in reuse["annotations"]} == {"EUPL-1.2", "CC-BY-4.0"}


def test_changelog_volgt_keep_a_changelog_en_noemt_de_huidige_versie():
    tekst = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versie = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert "keepachangelog.com" in tekst and "## [Nog niet uitgebracht]" in tekst
    assert re.search(rf"^## \[{re.escape(versie)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", tekst, re.M)
    for kop in re.findall(r"^### (.+)$", tekst, re.M):
        assert kop in {"Toegevoegd", "Gewijzigd", "Verouderd", "Verwijderd", "Opgelost", "Beveiliging"}, kop


def test_security_en_contributing_zeggen_waar_je_terechtkunt():
    assert "melden" in (ROOT / "SECURITY.md").read_text(encoding="utf-8").lower()
    assert "pakket toets" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_de_projectmetadata_noemt_licentie_python_versies_en_adressen():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"
    klassen = project["classifiers"]
    assert {f"Programming Language :: Python :: 3.{v}" for v in (11, 12, 13)} <= set(klassen)
    assert "Natural Language :: Dutch" in klassen and project["urls"]


def test_het_containerimage_draait_als_gewone_gebruiker_met_werkmap_health_check_en_verplichte_sleutel():
    """Het bouwen en controleren zelf doet scripts/container.sh (root, podman, mmdebstrap); dit bewaakt het
    Containerfile."""
    tekst = (ROOT / "Containerfile").read_text(encoding="utf-8")
    laatste_fase = tekst.rsplit("\nFROM ", 1)[1]
    assert "USER toets" in laatste_fase and "gcc" not in laatste_fase, "draaien als gewone gebruiker, zonder compiler"
    assert "VOLUME /werkmap" in laatste_fase and "HEALTHCHECK" in laatste_fase
    assert '"--adres", "0.0.0.0"' in laatste_fase, "op alle adressen: de toepassing eist dan zelf een sleutel"
    assert "--require-hashes" in tekst and "requirements.lock" in tekst
    script = (ROOT / "scripts" / "container.sh").read_text(encoding="utf-8")
    assert "podman build" in script and "--isolation chroot" in script and "chroot --userspec=toets" in script
