#!/usr/bin/env bash
# Builds the Java peer harness: compiles the streaming core of xiaoyao9184/hj-t212-parser
# (stream-reader and segment-parser modules + T212Parser and the few classes it needs) straight from a snapshot of
# that repository, plus Hj212PeerBench.java, with Debian's JDK (javac). Nothing of the peer is
# copied into ecogov: the sources are read from REPO at build time.
# Usage: bench/hj212_peer/build.sh REPO_GIT_DIR OUT_DIR
#   REPO_GIT_DIR: a clone or bare mirror of github.com/xiaoyao9184/hj-t212-parser (commit ac5d822c)
set -euo pipefail
repo=${1:?usage: build.sh REPO_GIT_DIR OUT_DIR}
out=${2:?usage: build.sh REPO_GIT_DIR OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
src=$out/src
rm -rf "$out" && mkdir -p "$src" "$out/classes"
core=hj-t212-parser/src/main/java/com/xy/format/hbt212
files=$(git --git-dir="$repo" ls-tree -r --name-only HEAD | grep -E '^(segment-parser|stream-reader)/src/main/java/.*\.java$')
files="$files $core/core/T212Parser.java $core/core/VerifyUtil.java $core/exception/T212FormatException.java
       $core/model/element/PacketElement.java $core/core/feature/ParserFeature.java"
for f in $files; do
    mkdir -p "$src/$(dirname "$f")"
    git --git-dir="$repo" show "HEAD:$f" > "$src/$f"
done
javac -nowarn -d "$out/classes" $(find "$src" -name '*.java') "$here/Hj212PeerBench.java"
echo "built $out/classes (peer commit $(git --git-dir="$repo" rev-parse --short HEAD))"
