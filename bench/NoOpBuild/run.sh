#!/usr/bin/env bash
# Cost of the MigrationsValidate target on a no-op build: two copies of the sample, one with the target and one with
# EnableMigrationsValidation=false in its project file (a global property would change restore inputs between runs),
# each built once, then no-op `dotnet build`s of both, interleaved. Prints medians and the ratio.
# Usage: bench/NoOpBuild/run.sh [runs=9]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-9}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/build/pack.sh" >/dev/null
work="$root/artifacts/bench/noop"
rm -rf "$work"; mkdir -p "$work"
for variant in with without; do
  mkdir -p "$work/$variant"
  cp "$root/samples/global.json" "$root/samples/Directory.Build.props" "$root/samples/Directory.Build.targets" "$root/samples/Directory.Packages.props" "$work/$variant/"
  sed "s#../artifacts/packages#$root/artifacts/packages#" "$root/samples/NuGet.config" > "$work/$variant/NuGet.config"
  cp -r "$root/samples/VideoDubbing.Migrations" "$work/$variant/"
  rm -rf "$work/$variant/VideoDubbing.Migrations/bin" "$work/$variant/VideoDubbing.Migrations/obj"
done
sed -i 's#<TargetFramework>net10.0</TargetFramework>#<TargetFramework>net10.0</TargetFramework><EnableMigrationsValidation>false</EnableMigrationsValidation>#' "$work/without/VideoDubbing.Migrations/VideoDubbing.Migrations.csproj"
build() { dotnet build "$work/$1/VideoDubbing.Migrations" -c Release -v q --nologo >/dev/null; }
build with; build without; build with; build without

seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
with=(); without=()
for _ in $(seq 1 "$runs"); do
  without+=("$(seconds build without)")
  with+=("$(seconds build with)")
done
w="$(printf '%s\n' "${with[@]}" | median)"; wo="$(printf '%s\n' "${without[@]}" | median)"
printf 'no-op dotnet build of the sample, median of %d: with MigrationsValidate %.3fs, without %.3fs, ratio %.3f\n' "$runs" "$w" "$wo" "$(awk -v a="$w" -v b="$wo" 'BEGIN { print a / b }')"
