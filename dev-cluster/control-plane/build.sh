#!/usr/bin/env bash
# Builds the real Kubernetes control plane the dev-cluster runs when it can: kube-apiserver,
# kube-controller-manager and kube-scheduler from the Kubernetes Go module of one release, etcd from
# its Go module, and helm (for the chart's tests), into a cache folder outside the checkout:
#
#   ${CAMPUSLAB_CACHE:-~/.cache/campuslab}/control-plane/<release>/bin/
#
# It builds once: a stamp holds the checksum of the Go module files below, and a rerun with the same
# files does nothing. Without a Go toolchain it says so and stops; the dev-cluster then falls back to
# its simulated API. The Maven build of dev-cluster calls this script (skip: -Dcontrol-plane.skip).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
release="$(sed -n 's/^require k8s.io\/kubernetes \(v[0-9.]*\)$/\1/p' "$here/kubernetes/go.mod")"
cache="${CAMPUSLAB_CACHE:-$HOME/.cache/campuslab}/control-plane/$release"

if ! command -v go > /dev/null 2>&1; then
    echo "control plane: no Go toolchain on this machine; the dev-cluster will use its simulated API"
    exit 0
fi

checksum="$(cd "$here" && cat kubernetes/go.mod kubernetes/go.sum kubernetes/tools.go etcd/go.mod etcd/go.sum \
    etcd/main.go helm/go.mod helm/go.sum helm/tools.go build.sh | sha256sum | cut -c1-64)-$(go env GOVERSION)"
if [[ -f "$cache/stamp" && "$(cat "$cache/stamp")" == "$checksum" ]]; then
    echo "control plane: Kubernetes $release up to date in $cache"
    exit 0
fi

echo "control plane: building Kubernetes $release, etcd and helm into $cache (several minutes, once)"
mkdir -p "$cache"
staging="$(mktemp -d "$cache/.build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
export CGO_ENABLED=0 GOFLAGS=-mod=readonly
started=$SECONDS
(cd "$here/kubernetes" && go build -trimpath -ldflags='-s -w' -o "$staging/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler)
(cd "$here/etcd" && go build -trimpath -ldflags='-s -w' -o "$staging/etcd" .)
(cd "$here/helm" && go build -trimpath -ldflags='-s -w' -o "$staging/helm" helm.sh/helm/v4/cmd/helm)

# Whole or not at all: the binaries replace the old ones together, then the stamp is written.
rm -rf "$cache/bin"
mv "$staging" "$cache/bin"
trap - EXIT
echo "$checksum" > "$cache/stamp"
echo "control plane: built in $((SECONDS - started)) s"
