#!/usr/bin/env bash
# Java for the Spark tests (pyspark needs Java 17+): install the headless JRE only when
# `java -version` fails, so a runner that already has Java is left alone.
set -euo pipefail
if java -version >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y openjdk-17-jre-headless
java -version
