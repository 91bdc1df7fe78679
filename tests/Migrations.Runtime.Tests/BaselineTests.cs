using System.Text.Json;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>baseline checks the live schema against what the migrations up to the version produce before recording anything.</summary>
public sealed class BaselineTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Fact]
    public async Task BaselineOfADatabaseThatDiffers_IsRefusedWithTheDifferencesAndRecordsNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        // Made by hand before the project existed: no identity (so no identity sequence), a nullable name, a column the migrations never add.
        await database.ExecuteAsync("CREATE TABLE widgets (id bigint CONSTRAINT \"PK_widgets\" PRIMARY KEY, name text, colour text, legacy_code int)");

        var refused = BundleRun.Run(Basic, "baseline", "202401020000", "-c", database.Url);

        Assert.Equal(ExitCodes.DriftFound, refused.ExitCode);
        Assert.True(refused.Output.Contains("Baseline refused: 4 object(s)", StringComparison.Ordinal), refused.All);
        Assert.Contains("  changed  column public.widgets.id\n           migrations: bigint not null generated always as identity\n           database:   bigint not null\n", refused.Output);
        Assert.Contains("  changed  column public.widgets.name", refused.Output);
        Assert.Contains("  extra    column public.widgets.legacy_code", refused.Output);
        Assert.Contains("nothing was recorded", refused.Error);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrations_baseline_%'"));

        var json = BundleRun.Run(Basic, "baseline", "202401020000", "-c", database.Url, "--json");
        using (var document = JsonDocument.Parse(json.Output))
        {
            Assert.Equal(4, document.RootElement.GetProperty("drift").GetArrayLength());
            Assert.Equal(ExitCodes.DriftFound, document.RootElement.GetProperty("exitCode").GetInt32());
        }

        var forced = BundleRun.Run(Basic, "baseline", "202401020000", "-c", database.Url, "--force");

        Assert.True(forced.ExitCode == ExitCodes.Success, forced.All);
        Assert.Contains("without checking the schema (--force)", forced.Output);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'baselined'"));
    }
}
