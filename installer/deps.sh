#!/usr/bin/env bash
# Installs the Debian 12 packages StretchPlan needs to build, run and test.
# Idempotent: apt-get runs (and updates its lists) only when a package is missing.
# Runs as root, or through sudo otherwise.
#   installer/deps.sh           build, run and test
#   installer/deps.sh --fuzz    also clang, for the libFuzzer targets (make fuzz)
set -euo pipefail

packages=(
  build-essential cmake make pkg-config   # toolchain
  nlohmann-json3-dev                      # sp_core: JSON (de)serialisation
  libicu-dev                              # sp_core: Unicode folding for search
  libsqlite3-dev libsqlitecpp-dev         # sp_db: the clinic database (one system SQLite)
  libpqxx-dev                             # sp_db: the PostgreSQL backend (libpqxx 6.4, libpq)
  libssl-dev                              # sp_hash: SHA-256 (libcrypto)
  libhpdf-dev libpng-dev libjpeg-dev      # sp_handout: PDF writer, image decoding
  libqrencode-dev libfreetype-dev         # sp_handout: QR codes, glyph coverage
  fonts-dejavu-core fonttools             # sp_handout: the embedded fonts, cut down at build time
  libcurl4-openssl-dev                    # sp_mail: SMTP with TLS, MIME
  libsecret-1-dev                         # sp_mail: the SMTP password in the OS keyring
  libpam0g-dev                            # sp_osauth: the computer password that unlocks the app on a file
  xdg-utils                               # sp_mail: xdg-email, the user's own mail program
  libwxgtk3.2-dev libpoppler-cpp-dev      # stretchplan: the desktop app, handout preview
  libcli11-dev                            # stretchplan-cli: argument parsing
  libboost-test-dev                       # tests: Boost.Test
  poppler-utils qpdf                      # tests: PDF text, fonts and structure checks
  python3 python3-aiosmtpd openssl        # tests: a real SMTP server on loopback, test certificates
  postgresql                              # tests: throw-away PostgreSQL 15 clusters (initdb, pg_ctl, psql; runuser is util-linux's)
  dbus dbus-x11 gnome-keyring libsecret-tools  # tests: a session bus and an unlocked keyring for the SMTP password
  xvfb xauth imagemagick                  # tests: the GUI under a virtual X server, screenshots
  desktop-file-utils appstream            # tests: .desktop and AppStream metainfo validation
  librsvg2-bin                            # installer: the PNG icons, rendered from the SVG at build time
  file dpkg-dev                           # make package: CPack's shlibdeps (file, dpkg-shlibdeps)
)
for arg in "$@"; do
  case "$arg" in
    --fuzz) packages+=(clang) ;;
    *) echo "usage: $0 [--fuzz]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
echo "Installing: ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
