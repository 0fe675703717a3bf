#!/usr/bin/env bash
# CI for the Python package: a fresh virtual environment, the wheel built and installed by
# the README's command (its `sh python-ci` block, `pip install ./bindings/python`, run
# verbatim with the venv first on PATH; maturin from PyPI), the bindings' Rust unit tests,
# pytest and pyspark, then the whole suite, the Spark tests (local[2]) included. Needs cargo,
# python3 (3.9+, with its shared libpython) and Java 17 for Spark. Run from anywhere inside
# the repo.
#
#   NEWSFACTS_VENV  the venv to (re)create (default: bindings/python/.venv)
#   PYTHON          the interpreter to create it with (default: python3)
set -euo pipefail
start=$SECONDS
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
venv="${NEWSFACTS_VENV:-$root/bindings/python/.venv}"
pip=("$venv/bin/python" -m pip --disable-pip-version-check)

echo "-- [$((SECONDS - start)) s] fresh venv: $venv"
rm -rf "$venv"
"${PYTHON:-python3}" -m venv "$venv"

echo "-- [$((SECONDS - start)) s] the CLI the tests compare with"
cargo build --release --bin newsfacts
target="$(cargo metadata --format-version 1 --no-deps | "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
export NEWSFACTS_CLI="$target/release/newsfacts"

echo "-- [$((SECONDS - start)) s] the README's install command"
block="$("$root/.ci/readme-blocks" "sh python-ci")"
printf '%s\n' "$block"
PATH="$venv/bin:$PATH" PIP_DISABLE_PIP_VERSION_CHECK=1 bash -euo pipefail -c "$block"

echo "-- [$((SECONDS - start)) s] the bindings' Rust tests (the dict builder against json.loads)"
# The workspace's plain `cargo test` covers the root package only; these embed Python.
PYO3_PYTHON="$venv/bin/python" cargo test -p newsfacts-python

echo "-- [$((SECONDS - start)) s] pytest, pyspark, pandas, pyarrow"
# pandas < 3: PySpark 4 warns that it does not fully support pandas 3 yet.
"${pip[@]}" install -q "pytest>=8" "pyspark>=3.5,<5" "pandas>=2,<3" "pyarrow>=11"
java -version 2>&1 | head -1

echo "-- [$((SECONDS - start)) s] pytest (the Spark tests start a local[2] JVM)"
"$venv/bin/python" -m pytest -p no:cacheprovider bindings/python/tests -q

echo "-- python package and spark: $((SECONDS - start)) s"
