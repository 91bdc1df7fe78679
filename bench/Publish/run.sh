#!/usr/bin/env bash
# Publish time and size after a one-migration change: the sample published with the SDK's defaults (`dotnet publish -r
# linux-x64`: self-contained single file) against `dotnet ef migrations bundle -r linux-x64 --self-contained` of a small
# EF Core project, the baseline. Both are published once to warm their caches, then each round touches one migration of
# each and times both, interleaved. Prints medians, sizes and the ratios. Usage: bench/Publish/run.sh [rounds=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$root/artifacts/bench/publish"
version="$("$root/bench/standalone-project.sh" "$work" | tail -n 1)"
cp -r "$root/samples/VideoDubbing.Migrations" "$work/"
rm -rf "$work/VideoDubbing.Migrations/bin" "$work/VideoDubbing.Migrations/obj"
ours="$work/VideoDubbing.Migrations"
touched="$ours/Migrations/20241107000000_DropProjectVideoUrl.cs"

# The baseline: EF Core's bundle of one migration, with the EF Core version the local feed serves for net10.0.
ef="$work/Ef.Migrations"
mkdir -p "$ef/Migrations"
cat > "$ef/Ef.Migrations.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.15" PrivateAssets="all" />
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
  </ItemGroup>
</Project>
XML
cat > "$ef/BenchContext.cs" <<'CS'
using Microsoft.EntityFrameworkCore;
namespace Ef.Migrations;
public sealed class BenchContext : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost");
}
CS
cat > "$ef/Migrations/20250101000000_Initial.cs" <<'CS'
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
namespace Ef.Migrations;
[DbContext(typeof(BenchContext))]
[Migration("20250101000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("CREATE TABLE widgets (id bigint PRIMARY KEY, name text NOT NULL)");
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE widgets");
}
CS
tools="$work/tools"
dotnet tool install dotnet-ef --version 10.0.15 --tool-path "$tools" >/dev/null
# dotnet ef builds the project without restoring it.
dotnet restore "$ef" -v q >/dev/null
echo "bench: Migrations.Sdk $version against dotnet-ef 10.0.15" >&2

# A failed publish must not pass for a fast one: the script stops.
publish_ours() { dotnet publish "$ours" -c Release -r linux-x64 -o "$work/ours" -v q --nologo >/dev/null || kill $$; }
bundle_ef() { (cd "$ef" && "$tools/dotnet-ef" migrations bundle -r linux-x64 --self-contained --force -o "$work/ef/efbundle" >/dev/null) || kill $$; }
seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "warm-up: first publish of each (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
first_ours="$(seconds publish_ours)"; first_ef="$(seconds bundle_ef)"
echo "first publish: ours ${first_ours}s, EF ${first_ef}s" >&2
ours_times=(); ef_times=()
for round in $(seq 1 "$rounds"); do
  echo "// round $round" >> "$touched"
  echo "// round $round" >> "$ef/Migrations/20250101000000_Initial.cs"
  ef_times+=("$(seconds bundle_ef)")
  ours_times+=("$(seconds publish_ours)")
  echo "round $round: EF ${ef_times[-1]}s, ours ${ours_times[-1]}s (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
done
ours_median="$(printf '%s\n' "${ours_times[@]}" | median)"
ef_median="$(printf '%s\n' "${ef_times[@]}" | median)"
[ -x "$work/ef/efbundle" ] && [ -x "$work/ours/VideoDubbing.Migrations" ] || { echo "a publish failed: no bundle to measure" >&2; exit 1; }
ours_size="$(stat -c %s "$work/ours/VideoDubbing.Migrations")"
ef_size="$(stat -c %s "$work/ef/efbundle")"
"$work/ours/VideoDubbing.Migrations" --help >/dev/null
printf 'publish after a one-migration change, median of %d: ours %.2fs, dotnet ef migrations bundle %.2fs, ratio %.2f; size ours %.1f MB, EF %.1f MB, ratio %.2f; first publish ours %.2fs, EF %.2fs; load average %s\n' \
  "$rounds" "$ours_median" "$ef_median" "$(awk -v a="$ours_median" -v b="$ef_median" 'BEGIN { print a / b }')" \
  "$(awk -v b="$ours_size" 'BEGIN { print b / 1000000 }')" "$(awk -v b="$ef_size" 'BEGIN { print b / 1000000 }')" "$(awk -v a="$ours_size" -v b="$ef_size" 'BEGIN { print a / b }')" \
  "$first_ours" "$first_ef" "$(cut -d' ' -f1-3 /proc/loadavg)"
