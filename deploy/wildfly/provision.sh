#!/usr/bin/env bash
# Provisions the CampusLab WildFly server from the official distribution zip:
#   provision.sh <wildfly-dist.zip> <mysql-connector-j.jar> <target dir>
# Unpacks, adds the MySQL Connector/J module and applies configure.cli offline. Does nothing when
# the target already holds a server provisioned from the same inputs.
set -euo pipefail

dist_zip=$1
driver_jar=$2
target=$3
here=$(cd "$(dirname "$0")" && pwd)

inputs_stamp=$(cat "$dist_zip.sha1" 2>/dev/null || stat -c '%s %Y' "$dist_zip")
inputs_stamp="$inputs_stamp $(sha1sum "$here/configure.cli" "$here/modules/com/mysql/main/module.xml" "$driver_jar" | cut -c1-40 | tr '\n' ' ')"
stamp_file="$target/.campuslab-provisioned"
if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$inputs_stamp" ]]; then
    echo "WildFly already provisioned in $target"
    exit 0
fi

work=$(mktemp -d "$(dirname "$target")/wildfly-provision.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "Provisioning WildFly into $target"
unzip -q "$dist_zip" -d "$work"
server=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'wildfly-*' | head -n 1)
mkdir -p "$server/modules/com/mysql/main"
cp "$here/modules/com/mysql/main/module.xml" "$server/modules/com/mysql/main/"
cp "$driver_jar" "$server/modules/com/mysql/main/mysql-connector-j.jar"
JBOSS_HOME="$server" "$server/bin/jboss-cli.sh" --file="$here/configure.cli" > "$work/configure.log" 2>&1 || {
    cat "$work/configure.log" >&2
    exit 1
}
echo "$inputs_stamp" > "$server/.campuslab-provisioned"
rm -rf "$target"
mv "$server" "$target"
echo "WildFly provisioned in $target"
