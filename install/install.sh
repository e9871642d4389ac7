#!/usr/bin/env bash
# Builds assay.jar and installs the "assay" Jupyter kernelspec.
#   install/install.sh              # for the current user
#   install/install.sh --prefix DIR # into DIR/share/jupyter/kernels/assay (use JUPYTER_PATH=DIR/share/jupyter)
#   install/install.sh --sys-prefix # into the active Python environment's prefix
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -B -q package -DskipTests
args=("$@")
if [ "${1:-}" = "--sys-prefix" ]; then
  prefix=$(python3 -c 'import sys; print(sys.prefix)')
  args=(--prefix "$prefix")
fi
java -jar kernel/target/assay.jar install "${args[@]}"
