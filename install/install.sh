#!/usr/bin/env bash
# Installs the "assay" Jupyter kernelspec, building assay.jar first only when it is missing or
# older than a source file (any pom.xml or file under */src/); --rebuild always builds.
#   install/install.sh              # for the current user
#   install/install.sh --prefix DIR # into DIR/share/jupyter/kernels/assay (use JUPYTER_PATH=DIR/share/jupyter)
#   install/install.sh --sys-prefix # into the active Python environment's prefix
#   install/install.sh --rebuild ...# build even when the jar is up to date
# The kernelspec gets its own copy of the jar, so `mvn clean` afterwards does not break it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=kernel/target/assay.jar

rebuild=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--rebuild" ]; then rebuild=true; else args+=("$arg"); fi
done

if [ "$rebuild" = true ]; then
  echo "Building $jar (--rebuild)"
elif [ ! -f "$jar" ]; then
  echo "Building $jar (not built yet)"
  rebuild=true
elif newer=$(find . -path ./target -prune -o \( -name pom.xml -o -path '*/src/*' \) -type f -newer "$jar" -print -quit) \
    && [ -n "$newer" ]; then
  echo "Building $jar (${newer#./} is newer)"
  rebuild=true
else
  echo "$jar is newer than every source file: not rebuilding (install/install.sh --rebuild to force)"
fi
if [ "$rebuild" = true ]; then
  mvn -B -q package -DskipTests
fi

if [ "${args[0]:-}" = "--sys-prefix" ]; then
  prefix=$(python3 -c 'import sys; print(sys.prefix)')
  args=(--prefix "$prefix" "${args[@]:1}")
fi
java -jar "$jar" install ${args[@]+"${args[@]}"}
