#!/usr/bin/env bash
# Writes a migrations project of N small migrations (default 1000) that uses Migrations.Sdk: each creates a table,
# and every tenth adds a column to an earlier one. Usage: generate-migrations.sh DIR [N]
set -euo pipefail
dir="$1"; count="${2:-1000}"
mkdir -p "$dir/Migrations"
cat > "$dir/Bench.Migrations.csproj" <<'XML'
<Project Sdk="Migrations.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
</Project>
XML
for i in $(seq 1 "$count"); do
  version="$(date -u -d "2025-01-01 00:00:00 UTC + $i minutes" +%Y%m%d%H%M%S)"
  if (( i % 10 == 0 )); then
    body="Alter.Table(\"t$((i - 1))\").AddColumn(\"note\").AsString().Nullable();"
    down="Delete.Column(\"note\").FromTable(\"t$((i - 1))\");"
  else
    body="Create.Table(\"t$i\").WithColumn(\"id\").AsInt64().PrimaryKey().Identity().WithColumn(\"name\").AsString().NotNullable();"
    down="Delete.Table(\"t$i\");"
  fi
  cat > "$dir/Migrations/M$i.cs" <<CS
using FluentMigrator;
namespace Bench.Migrations;
[Migration($version)]
public sealed class M$i : Migration
{
    public override void Up() => $body
    public override void Down() => $down
}
CS
done
