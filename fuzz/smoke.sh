#!/usr/bin/env bash
# A short fuzz run of `extract` (default 60 s) so the recipe cannot rot: builds the target
# the way `cargo fuzz build` does (nightly, SanitizerCoverage, `--cfg fuzzing`), seeds it
# with the fixture articles, and fails on any crash or failed assertion.
# Usage: fuzz/smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
if ! cargo +nightly --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
target="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# `--target` keeps build scripts uninstrumented, as cargo-fuzz does.
cargo +nightly build --release --target "$target" --bin extract
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
cp ../fixtures/articles/*.txt "$corpus/"
"target/$target/release/extract" "$corpus" -max_total_time="$secs" -max_len=16384 -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tail -n 12
