#!/usr/bin/env bash
# Builds the portal's image with no container engine and no registry: a Debian 12 root file system
# with the JRE, made by mmdebstrap from Debian's packages, plus the WildFly this build provisioned
# (deploy/target/wildfly, configured by configure.cli) and the EAR, as one layer of an OCI image laid
# out by umoci. It needs root (mmdebstrap's root mode) and Debian's mmdebstrap and umoci packages.
#
#   ./mvnw -pl deploy -am package -DskipTests
#   deploy/image/build-offline.sh [out-dir]        # default deploy/target/image-oci
#
# Reproducible: every time stamp is the last commit's (SOURCE_DATE_EPOCH; the entries of Java's trust
# store carry the time they were added, which jks-dates.py sets to it too), so the same commit and the
# same Debian packages give the same image digest. For the same packages on another day, point
# DEBIAN_MIRROR at a snapshot, e.g. http://snapshot.debian.org/archive/debian/20261201T000000Z.
# Push the layout with skopeo: skopeo copy oci:<out-dir>:0.1.0 docker://registry.example.org/campuslab/portal:0.1.0
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/deploy/target/image-oci}"
tag=0.1.0
wildfly="$root/deploy/target/wildfly"
ear="$root/deploy/target/image/campuslab.ear"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

for tool in mmdebstrap umoci; do
    command -v "$tool" > /dev/null || { echo "$tool is missing: apt-get install -y mmdebstrap umoci" >&2; exit 1; }
done
[[ -f "$wildfly/.campuslab-provisioned" && -f "$ear" ]] || {
    echo "Build first: ./mvnw -pl deploy -am package -DskipTests" >&2; exit 1; }

SOURCE_DATE_EPOCH="$(git -C "$root" log -1 --format=%ct)"
export SOURCE_DATE_EPOCH
created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The server as the image holds it: what the build provisioned, without anything a run leaves behind.
mkdir -p "$work/jboss"
cp -a "$wildfly" "$work/jboss/wildfly"
rm -rf "$work/jboss/wildfly/standalone/"{data,log,tmp} "$work/jboss/wildfly/standalone/configuration/standalone_xml_history" \
       "$work/jboss/wildfly/.campuslab-provisioned"
cp "$ear" "$work/jboss/wildfly/standalone/deployments/campuslab.ear"
find "$work/jboss" -newermt "@$SOURCE_DATE_EPOCH" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

mmdebstrap --mode=root --variant=apt --format=tar \
    --include=openjdk-17-jre-headless,ca-certificates,tzdata,fontconfig \
    --customize-hook='chroot "$1" useradd --uid 185 --gid 0 --home-dir /opt/jboss --no-create-home --shell /usr/sbin/nologin jboss' \
    --customize-hook="copy-in $work/jboss /opt" \
    --customize-hook='chown -R 185:0 "$1/opt/jboss" && chmod -R g=u "$1/opt/jboss"' \
    --customize-hook="python3 $here/jks-dates.py \"\$1/etc/ssl/certs/java/cacerts\" $SOURCE_DATE_EPOCH" \
    --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/* "$1"/etc/machine-id' \
    bookworm "$work/rootfs.tar" "$mirror"

rm -rf "$out"
umoci init --layout "$out"
umoci new --image "$out:$tag"
umoci raw add-layer --image "$out:$tag" --history.created="$created" --history.author="CampusLab" \
    --history.created_by="deploy/image/build-offline.sh" --history.comment="Debian 12, OpenJDK 17, WildFly and the EAR" \
    "$work/rootfs.tar"
umoci config --image "$out:$tag" --no-history --created="$created" --author="CampusLab" \
    --config.user=185 --config.workingdir=/opt/jboss \
    --config.env=JBOSS_HOME=/opt/jboss/wildfly --config.env=LANG=C.UTF-8 \
    --config.entrypoint=/opt/jboss/wildfly/bin/standalone.sh \
    --config.cmd=-b --config.cmd=0.0.0.0 --config.cmd=-bmanagement --config.cmd=0.0.0.0 \
    --config.exposedports=8080/tcp --config.exposedports=9990/tcp \
    --config.label=org.opencontainers.image.title=campuslab-portal \
    --config.label=org.opencontainers.image.revision="$(git -C "$root" rev-parse HEAD)"
umoci gc --layout "$out"

digest="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"])' "$out/index.json")"
echo "image $out:$tag  manifest $digest  ($(du -sh "$out" | cut -f1))"
