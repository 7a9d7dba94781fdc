#!/usr/bin/env bash
# Installs the Debian packages recoup builds against when they are missing.
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail
packages=(g++ make pkg-config libboost-dev libhowardhinnant-date-dev tzdata catch2 libbenchmark-dev libtomlplusplus-dev chromium libjna-java)
# `tools/ensure_deps.sh fuzz`: also Clang and its runtime (libFuzzer, ASan, UBSan) for `make fuzz`.
if [ "${1:-}" = "fuzz" ]; then packages+=(clang-14 libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then missing+=(python3-venv); fi
if ! python3 -c 'import sysconfig, os, sys; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) else 1)'; then
  missing+=(python3-dev)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "recoup: installing missing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "recoup: missing Debian packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
