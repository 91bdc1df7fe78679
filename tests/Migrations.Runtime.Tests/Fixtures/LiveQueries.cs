using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.LiveQueries;

[Migration(202409010000, "settings table")]
public sealed class CreateSettings : Migration
{
    public override void Up() => Create.Table("settings").WithColumn("name").AsString().PrimaryKey();

    public override void Down() => Delete.Table("settings");
}

/// <summary>Asks the live database while its expressions are collected: offline it cannot be rendered completely.</summary>
[Migration(202409020000, "seed the settings it finds missing")]
public sealed class SeedMissingSettings : Migration
{
    public override void Up()
    {
        if (Schema.Table("settings").Exists())
        {
            Insert.IntoTable("settings").Row(new { name = "found by Exists()" });
        }
    }

    public override void Down() => Delete.FromTable("settings").Row(new { name = "found by Exists()" });
}

/// <summary>.NET code against the live connection: rendered as a placeholder, it must run as code.</summary>
[Migration(202409030000, "settings written by code")]
public sealed class WriteSettingsInCode : Migration
{
    public override void Up() => Execute.WithConnection((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO settings (name) VALUES ('written by code')";
        command.ExecuteNonQuery();
    });

    public override void Down() => Execute.Sql("DELETE FROM settings WHERE name = 'written by code'");
}
