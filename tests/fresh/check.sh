#!/usr/bin/env bash
# The check before a release: does a fresh Debian 12 machine build, test and package
# StretchPlan by following the README alone?
#
# Builds a minimal Debian 12 root (debootstrap --variant=minbase bookworm, from the mirror
# this machine's apt already uses), installs only git, make and ca-certificates in it,
# clones this repository's HEAD into it and runs, as root inside it:
#   1. CI's own script, `CI=true bash .ci/run`: installer/deps.sh, then the README's test
#      command (`make test`), `make package` and the installed-tree test of the .deb;
#   2. the rest of the README's Install section in the same clone: `apt install` of the
#      .deb, the installed `stretchplan-cli catalog list`, `apt remove stretchplan`;
#   3. the README's run command, `make run`, under Xvfb: the app must start and stay up.
# Anything a documented command needs but no project file installs fails here.
#
# Needs root (debootstrap, chroot, mounts) and about 4 GB of disk; takes 30-40 minutes on
# 2 cores, so it is not part of every CI run.
#   tests/fresh/check.sh [ROOT_DIR]      (default: a new folder under /var/tmp, removed after)
#   SP_FRESH_KEEP=1 keeps the root for a look afterwards.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
[[ $(id -u) -eq 0 ]] || { echo "check.sh: run as root (debootstrap and chroot need it)" >&2; exit 2; }

given_root="${1:-}"
root="$given_root"
if [[ -z "$root" ]]; then
  root="$(mktemp -d /var/tmp/stretchplan-fresh.XXXXXX)"
fi
log() { printf '\n=== %s: %s\n' "$(date +%H:%M:%S)" "$*"; }

# The Debian mirror this machine's apt uses (deb822 sources first, then sources.list).
mirror=""
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f "$f" ]] || continue
  mirror="$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' "$f")"
  [[ -n "$mirror" ]] && break
done
if [[ -z "$mirror" && -f /etc/apt/sources.list ]]; then
  mirror="$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list)"
fi
[[ -n "$mirror" ]] || { echo "check.sh: cannot find a Debian mirror in /etc/apt" >&2; exit 2; }
security="${mirror%/debian}/debian-security"

mounts=()
cleanup() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done
  if [[ "${SP_FRESH_KEEP:-0}" != 1 && -z "$given_root" ]]; then rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT

command -v debootstrap >/dev/null || {
  log "installing debootstrap on this machine"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}

log "debootstrap bookworm (minbase) from $mirror into $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
  { tail -20 "$root.debootstrap.log"; exit 1; }
rm -f "$root.debootstrap.log"
cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

for m in proc sys dev dev/pts; do
  mount --bind "/$m" "$root/$m"
  mounts+=("$root/$m")
done
mkdir -p "$root/dev/shm"

in_root() { chroot "$root" env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

log "only git, make and ca-certificates"
in_root bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git make ca-certificates >/dev/null'

git clone -q --no-local "$repo" "$root/src/stretchplan"

log "CI: .ci/run (deps.sh, make test, make package, the installed-tree test)"
in_root bash -c 'cd /src/stretchplan && CI=true bash .ci/run'

log "README Install: apt install the .deb, the installed CLI, apt remove"
in_root bash -c 'cd /src/stretchplan && make package >/dev/null &&
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./build/stretchplan_*.deb >/dev/null &&
  stretchplan-cli catalog list | head -3 && DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq stretchplan >/dev/null'

log "README quick start: make run (the app must start under Xvfb and stay up for 20 s)"
in_root bash -c 'cd /src/stretchplan && export HOME=$(mktemp -d) &&
  timeout -s TERM 20 xvfb-run -a make run; rc=$?; [[ $rc -eq 124 ]] ||
  { echo "make run ended with $rc before 20 s"; exit 1; }'

log "fresh Debian 12: every step passed"
