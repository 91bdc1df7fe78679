#!/usr/bin/env bash
# Packs the SDK (build/pack.sh) and makes DIR an empty folder that builds like a user's repository against it: none of
# this repository's build settings apply, NuGet finds the packed SDK, global.json pins its version. Prints the version.
# Usage: bench/standalone-project.sh DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$1"
version="$("$root/build/pack.sh" | tail -n 1)"
rm -rf "$work"; mkdir -p "$work"
printf '<Project />\n' > "$work/Directory.Build.props"
printf '<Project />\n' > "$work/Directory.Build.targets"
printf '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n' > "$work/Directory.Packages.props"
cp "$root/samples/NuGet.config" "$work/NuGet.config"
sed -i "s#../artifacts/packages#$root/artifacts/packages#" "$work/NuGet.config"
printf '{ "msbuild-sdks": { "Migrations.Sdk": "%s" } }\n' "$version" > "$work/global.json"
echo "$version"
