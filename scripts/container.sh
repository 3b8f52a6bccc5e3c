#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 De makers van samenwerkingstoets
# SPDX-License-Identifier: EUPL-1.2
#
# Bouwt het containerimage van de webapplicatie en controleert het, op een machine zonder containerregister:
#   1. een kale Debian 12 met Python, gemaakt met mmdebstrap en geladen met podman import;
#   2. podman build --isolation chroot met het Containerfile;
#   3. het image uitgepakt (podman create + podman mount) en met chroot gecontroleerd: de toepassing draait als
#      gewone gebruiker, weigert zonder toegangssleutel, en met sleutel antwoordt zij en slaagt de health check.
# (podman run kan op deze machines niet; waar het wel kan, draait het image gewoon met podman of docker.)
# Nodig: podman en mmdebstrap (apt-get install podman mmdebstrap), als root. Gebruik: scripts/container.sh [NAAM]
set -euo pipefail
cd "$(dirname "$0")/.."
naam="${1:-localhost/samenwerkingstoets:latest}"
basis="localhost/samenwerkingstoets-basis:bookworm"
werk="$(mktemp -d)"
trap 'umount "$werk/root/proc" 2>/dev/null || true; [ -n "${container:-}" ] && { podman unmount "$container" >/dev/null 2>&1 || true; podman rm "$container" >/dev/null 2>&1 || true; }; rm -rf "$werk"' EXIT

if ! podman image exists "$basis"; then
  echo "==> Basis: Debian 12 (bookworm) met Python, via mmdebstrap"
  mmdebstrap --quiet --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$werk/basis.tar"
  podman import --quiet "$werk/basis.tar" "$basis" >/dev/null
fi

echo "==> Image bouwen: $naam"
podman build --quiet --isolation chroot --format docker -t "$naam" -f Containerfile \
  --secret "id=ca,src=${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}" . >/dev/null

echo "==> Controleren (uitgepakt, met chroot)"
container="$(podman create "$naam")"
root="$(podman mount "$container")"
gebruiker="$(podman image inspect "$naam" --format '{{.Config.User}}')"
[ "$gebruiker" = "toets" ] || { echo "FOUT: het image draait niet als de gebruiker toets maar als '$gebruiker'" >&2; exit 1; }
podman image inspect "$naam" --format '{{json .Config.Volumes}}' | grep -q '/werkmap' \
  || { echo "FOUT: /werkmap is geen volume" >&2; exit 1; }
podman image inspect "$naam" --format '{{json .Config.Healthcheck}}' | grep -q 'openapi.json' \
  || { echo "FOUT: geen health check" >&2; exit 1; }
mkdir -p "$werk/root"
mount --bind "$root" "$werk/root"
mount -t proc proc "$werk/root/proc"
cp cases/regionale-inkoop-jeugdzorg.yaml "$root/werkmap/" && chroot "$root" chown toets:toets /werkmap/regionale-inkoop-jeugdzorg.yaml
entry=(/opt/samenwerkingstoets/bin/samenwerkingstoets web --map /werkmap --adres 0.0.0.0 --poort 18765 --werkers 1)

if chroot --userspec=toets:toets "$werk/root" env -i HOME=/werkmap "${entry[@]}" >"$werk/zonder.log" 2>&1; then
  echo "FOUT: zonder toegangssleutel startte de toepassing toch" >&2; exit 1
fi
grep -q "toegangssleutel" "$werk/zonder.log" || { cat "$werk/zonder.log" >&2; exit 1; }
echo "    zonder sleutel: geweigerd ($(head -c 100 "$werk/zonder.log"))"

chroot --userspec=toets:toets "$werk/root" env -i HOME=/werkmap SAMENWERKINGSTOETS_TOKEN=container-proef-sleutel \
  "${entry[@]}" >"$werk/met.log" 2>&1 &
server=$!
for _ in $(seq 60); do
  chroot --userspec=toets:toets "$werk/root" /opt/samenwerkingstoets/bin/python -c \
    "import urllib.request; urllib.request.urlopen('http://127.0.0.1:18765/api/v1/openapi.json', timeout=2)" 2>/dev/null && break
  sleep 1
done
advies="$(chroot --userspec=toets:toets "$werk/root" /opt/samenwerkingstoets/bin/python -c "
import json, urllib.request
r = urllib.request.Request('http://127.0.0.1:18765/api/v1/adviezen/regionale-inkoop-jeugdzorg',
                           headers={'Authorization': 'Bearer container-proef-sleutel'})
print(json.load(urllib.request.urlopen(r, timeout=10))['advies'])")"
kill "$server"; wait "$server" 2>/dev/null || true
umount "$werk/root/proc"; umount "$werk/root"
[ "$advies" = "aangaan" ] || { echo "FOUT: advies '$advies'" >&2; cat "$werk/met.log" >&2; exit 1; }
echo "    met sleutel: health check geslaagd, advies uit de werkmap: $advies"
echo "==> Klaar: $naam ($(podman image inspect "$naam" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'))"
