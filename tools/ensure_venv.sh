#!/bin/sh
# Make sure VENV is a virtual environment of Python >= 3.11 with pip, whatever state it is in.
# Usage: tools/ensure_venv.sh PYTHON VENV   (the Makefile runs it before every target that uses .venv)
# A .venv made by an older Python, or without pip (Debian's python3 without python3-venv leaves
# such a half-made folder behind), is removed and made again; if PYTHON itself cannot make a
# usable one, this prints one line that says what to do and fails.
python="$1"
venv="$2"
usable() {
  [ -x "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
    && "$1" -m pip --version >/dev/null 2>&1
}
usable "$venv/bin/python" && exit 0

if ! command -v "$python" >/dev/null 2>&1; then
  echo "make: '$python' was not found; install Python 3.11 or newer, or run make PYTHON=/path/to/python3.12" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "make: Keras Quest needs Python 3.11 or newer, but $python is $("$python" -V 2>&1); run make PYTHON=python3.12 (or another 3.11+)" >&2
  exit 1
fi
if [ -e "$venv" ]; then
  echo "==> $venv is not a usable Python 3.11+ environment with pip: making it again with $python"
  rm -rf "$venv"
fi
if ! "$python" -m venv "$venv" >/dev/null 2>&1 || ! usable "$venv/bin/python"; then
  rm -rf "$venv"
  echo "make: $python cannot make a virtual environment with pip; on Debian/Ubuntu install python3-venv (sudo apt-get install python3-venv), then run make again" >&2
  exit 1
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip || echo "(pip could not be upgraded; the one Python ships with will do)"
