#!/usr/bin/env bash
# Packs the SDK, its companion packages and the dotnet new templates into artifacts/packages with a version unique to this run,
# so no NuGet cache can serve a stale SDK. Prints the version. Writes samples/global.json to pin it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${MIGRATIONS_SDK_VERSION:-1.0.0-local.$(date -u +%Y%m%d%H%M%S)}"
feed="$root/artifacts/packages"
mkdir -p "$feed"
rm -f "$feed"/Migrations.*.nupkg

# One restore of the whole solution first: the analyzer package builds the code-fix project through the MSBuild task,
# which does not restore, and a clean clone has no project.assets.json yet.
echo "restoring Migrations.Sdk.sln" >&2
dotnet restore "$root/Migrations.Sdk.sln" --nologo -v q -p:ContinuousIntegrationBuild="${CI:-false}" >&2

projects=(
  src/Migrations.Safety/Migrations.Safety.csproj
  src/Migrations.Runtime/Migrations.Runtime.csproj
  analyzers/Migrations.Analyzers.Package/Migrations.Analyzers.Package.csproj
  sdk/Migrations.Sdk/Migrations.Sdk.csproj
  sdk/Migrations.Templates/Migrations.Templates.csproj
)
for project in "${projects[@]}"; do
  [ -f "$root/$project" ] || continue
  echo "packing $project" >&2
  dotnet pack "$root/$project" -c Release -p:Version="$version" -o "$feed" --nologo -v q -p:ContinuousIntegrationBuild="${CI:-false}" >&2
done

echo "$version" > "$feed/sdk-version.txt"
cat > "$root/samples/global.json" <<JSON
{
  "sdk": { "version": "10.0.100", "rollForward": "latestFeature" },
  "msbuild-sdks": { "Migrations.Sdk": "$version" }
}
JSON
echo "$version"
