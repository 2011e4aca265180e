#!/usr/bin/env bash
# Installs everything Warmline needs on a fresh Debian 12 machine, and is safe to re-run:
#   - Debian packages (SIP user agent, speech engines, sox, prometheus, chromium);
#   - pnpm 10 and the workspace's node modules from the frozen lockfile;
#   - nats-server and FerretDB, built with Go into the project-local .tools/bin;
#   - the generated contract code.
set -euo pipefail
cd "$(dirname "$0")/.."
# Nothing here may phone home: turbo's anonymous telemetry stays off.
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 DO_NOT_TRACK=1
ROOT=$PWD
TOOLS=$ROOT/.tools
NATS_VERSION=v2.12.2
FERRETDB_VERSION=v1.24.2
KUSTOMIZE_VERSION=v5.8.1
KUBECONFORM_VERSION=v0.7.0
# Kubernetes schemas for kubeconform come from this module's OpenAPI (offline CI).
K8S_SCHEMA_VERSION=v1.32.4
PNPM_VERSION=10.34.8
APT_PACKAGES=(
  baresip-core sipsak sox libsox-fmt-all
  flite espeak-ng festival festvox-kallpc16k
  pocketsphinx pocketsphinx-en-us python3-pocketsphinx
  prometheus chromium
)

log() { printf '\033[1;36m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup]\033[0m %s\n' "$*" >&2; exit 1; }

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "debian packages: present"; return; fi
  log "debian packages: installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian's prometheus package starts a system service; the project runs its own on loopback.
  $sudo systemctl disable --now prometheus >/dev/null 2>&1 || true
}

install_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm --version)" = "$PNPM_VERSION" ]; then
    log "pnpm $PNPM_VERSION: present"; return
  fi
  log "pnpm: installing $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || die "npm install -g pnpm@$PNPM_VERSION failed"
}

build_nats_server() {
  if [ -x "$TOOLS/bin/nats-server" ] && "$TOOLS/bin/nats-server" --version | grep -q "${NATS_VERSION#v}"; then
    log "nats-server $NATS_VERSION: present"; return
  fi
  log "nats-server: building $NATS_VERSION with go"
  GOBIN="$TOOLS/bin" GOFLAGS=-buildvcs=false go install "github.com/nats-io/nats-server/v2@$NATS_VERSION"
}

# FerretDB's cmd/ferretdb needs build/version/version.txt, which its own
# `task gen-version` writes and the published module does not carry; we write it
# into a copy of the module source and build that copy.
build_ferretdb() {
  if [ -x "$TOOLS/bin/ferretdb" ] && "$TOOLS/bin/ferretdb" --version 2>/dev/null | grep -q "$FERRETDB_VERSION"; then
    log "ferretdb $FERRETDB_VERSION: present"; return
  fi
  log "ferretdb: building $FERRETDB_VERSION with go"
  local dir src
  dir=$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  src="$TOOLS/src/ferretdb-$FERRETDB_VERSION"
  rm -rf "$src" && mkdir -p "$TOOLS/src" && cp -r "$dir" "$src" && chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  (cd "$src" && GOFLAGS=-buildvcs=false go build -o "$TOOLS/bin/ferretdb" ./cmd/ferretdb)
}

build_kustomize() {
  if [ -x "$TOOLS/bin/kustomize" ] && "$TOOLS/bin/kustomize" version | grep -q "${KUSTOMIZE_VERSION}"; then
    log "kustomize $KUSTOMIZE_VERSION: present"; return
  fi
  log "kustomize: building $KUSTOMIZE_VERSION with go"
  GOBIN="$TOOLS/bin" GOFLAGS=-buildvcs=false go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
}

build_kubeconform() {
  # `kubeconform -v` says "development" when built by go install; the binary's module info does not.
  if [ -x "$TOOLS/bin/kubeconform" ] && go version -m "$TOOLS/bin/kubeconform" | grep -q "mod.*$KUBECONFORM_VERSION"; then
    log "kubeconform $KUBECONFORM_VERSION: present"; return
  fi
  log "kubeconform: building $KUBECONFORM_VERSION with go"
  GOBIN="$TOOLS/bin" GOFLAGS=-buildvcs=false go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
}

# kubeconform downloads schemas from GitHub by default; we build them from the OpenAPI
# document in the k8s.io/kubernetes module instead. That module is not in the checksum
# database this proxy serves, hence GONOSUMDB for it alone.
build_k8s_schemas() {
  local out="$TOOLS/k8s-schemas/$K8S_SCHEMA_VERSION"
  if [ -f "$out/deployment-apps-v1.json" ]; then log "kubernetes schemas $K8S_SCHEMA_VERSION: present"; return; fi
  log "kubernetes schemas: generating $K8S_SCHEMA_VERSION from the k8s.io/kubernetes module"
  local dir
  dir=$(cd /tmp && GONOSUMDB=k8s.io/kubernetes go mod download -json "k8s.io/kubernetes@$K8S_SCHEMA_VERSION" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  node deploy/scripts/k8sSchemas.cjs "$dir/api/openapi-spec/swagger.json" "$out" >/dev/null
}

command -v go >/dev/null || die "Go is required (https://go.dev/dl); it builds nats-server and FerretDB"
command -v node >/dev/null || die "Node.js 20 is required"
mkdir -p "$TOOLS/bin"
install_apt_packages
install_pnpm
build_nats_server
build_ferretdb
build_kustomize
build_kubeconform
log "node modules: pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile --reporter=silent
log "contracts: generating code from proto/"
pnpm --silent proto:gen >/dev/null
build_k8s_schemas
log "done"
