#!/usr/bin/env bash
# Prepares this machine for the voice pipeline: the Debian speech packages (offline STT/TTS) and the Silero VAD
# model, bundled as a classpath resource. Idempotent, and quick when everything is already in place.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
packages=(flite libflite1 pocketsphinx pocketsphinx-en-us libpocketsphinx3 sox)
silero_package="@livekit/agents-plugin-silero@1.9.0"
cache="$here/.cache"
model_dir="$here/models/dev/switchboard/voice/pipeline/vad"
model="$model_dir/silero_vad.onnx"
expected_sha="$(awk '{print $1}' "$here/src/main/model/silero_vad.onnx.sha256")"

ensure_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "voice-pipeline: missing Debian packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "voice-pipeline: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

model_is_valid() {
  [ -f "$model" ] && [ "$(sha256sum "$model" | awk '{print $1}')" = "$expected_sha" ]
}

ensure_model() {
  model_is_valid && return 0
  mkdir -p "$cache" "$model_dir"
  local tarball
  tarball="$(ls "$cache"/livekit-agents-plugin-silero-1.9.0.tgz 2>/dev/null || true)"
  if [ -z "$tarball" ]; then
    if ! command -v npm >/dev/null; then
      echo "voice-pipeline: npm is needed once to fetch the Silero VAD model ($silero_package)" >&2
      exit 1
    fi
    (cd "$cache" && npm pack --silent "$silero_package" >/dev/null)
    tarball="$cache/livekit-agents-plugin-silero-1.9.0.tgz"
  fi
  tar -xzf "$tarball" -C "$cache" package/dist/silero_vad.onnx
  local actual
  actual="$(sha256sum "$cache/package/dist/silero_vad.onnx" | awk '{print $1}')"
  if [ "$actual" != "$expected_sha" ]; then
    echo "voice-pipeline: silero_vad.onnx sha256 $actual does not match the committed $expected_sha" >&2
    exit 1
  fi
  cp "$cache/package/dist/silero_vad.onnx" "$model"
}

ensure_packages
ensure_model
