#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtualenv away from the checkout, and uses it:
# the migrations, the font and the translations must all have travelled inside the package.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
[ -f "$here/resources/i18n/compound_desk_zh_CN.qm" ] || make -C "$here" resources/i18n/compound_desk_zh_CN.qm
"$work/venv/bin/python" -m pip wheel --quiet --no-deps -w "$work/dist" "$here"
"$work/venv/bin/python" -m pip install --quiet "$work"/dist/compound_desk-*.whl
cd "$work"
bin="$work/venv/bin/compound-desk"
"$bin" --version
"$bin" --db "$work/c.sqlite" demo --households 50
"$bin" --db "$work/c.sqlite" check --json
"$work/venv/bin/python" - <<'PY'
from pathlib import Path
import desktop.paths as p
fonts = p.resources_dir() / "fonts" / "wqy-microhei.ttc"
assert "site-packages" in str(fonts) and fonts.is_file(), fonts
assert (p.resources_dir() / "i18n" / "compound_desk_zh_CN.qm").is_file()
print("resources travel with the package:", p.resources_dir())
PY
QT_QPA_PLATFORM=offscreen "$bin" --db "$work/c.sqlite" --lang zh_CN --screenshot "$work/roster.png" --page roster
test -s "$work/roster.png"
echo "packaging smoke test passed"
