using System.Text.Json;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>drift sees grants, row-level security, policies and comments, and its --script repairs them.</summary>
public sealed class DriftScriptTests
{
    private const string Guarded = "Migrations.Runtime.Tests.Fixtures.Guarded";

    [Fact]
    public async Task HandMadeGrantPolicyAndCommentChanges_AreDriftAndTheScriptRepairsThem()
    {
        await TestPostgres.EnsureRoleAsync("migrations_test_reader");
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Guarded, "deploy", "-c", database.Url).ExitCode);
        await database.ExecuteAsync("""
            GRANT INSERT, UPDATE ON documents TO migrations_test_reader;
            DROP POLICY documents_own ON documents;
            CREATE POLICY documents_all ON documents USING (true);
            ALTER TABLE documents FORCE ROW LEVEL SECURITY;
            COMMENT ON TABLE documents IS 'edited by hand';
            CREATE INDEX documents_owner_idx ON documents (owner);
            ALTER TABLE documents ALTER COLUMN body SET DEFAULT '';
            """);

        var drifted = BundleRun.Run(Guarded, "drift", "-c", database.Url, "--json");

        Assert.Equal(ExitCodes.DriftFound, drifted.ExitCode);
        using (var document = JsonDocument.Parse(drifted.Output))
        {
            var drift = document.RootElement.GetProperty("drift").EnumerateArray().ToDictionary(item => item.GetProperty("object").GetString()!, item => item);
            Assert.Equal(
                ["column public.documents.body", "comment on table public.documents", "grants on table public.documents", "index public.documents_owner_idx",
                 "policy public.documents.documents_all", "policy public.documents.documents_own", "row level security of table public.documents"],
                drift.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("migrations_test_reader: SELECT", drift["grants on table public.documents"].GetProperty("expected").GetString());
            Assert.Equal("migrations_test_reader: INSERT, SELECT, UPDATE", drift["grants on table public.documents"].GetProperty("actual").GetString());
            Assert.Equal("AS PERMISSIVE FOR SELECT TO migrations_test_reader USING ((owner = CURRENT_USER))", drift["policy public.documents.documents_own"].GetProperty("expected").GetString());
            Assert.Equal(("one row per document", "edited by hand"), (drift["comment on table public.documents"].GetProperty("expected").GetString(), drift["comment on table public.documents"].GetProperty("actual").GetString()));
        }

        var toStdout = BundleRun.Run(Guarded, "drift", "-c", database.Url, "--script");
        Assert.Equal(ExitCodes.DriftFound, toStdout.ExitCode);
        Assert.StartsWith("-- drift --script: SQL that brings", toStdout.Output);
        Assert.Contains("REVOKE INSERT, UPDATE ON TABLE documents FROM migrations_test_reader;\n", toStdout.Output);
        Assert.Contains("DROP POLICY documents_all ON documents;\n", toStdout.Output);
        Assert.Contains("CREATE POLICY documents_own ON documents AS PERMISSIVE FOR SELECT TO migrations_test_reader USING ((owner = CURRENT_USER));\n", toStdout.Output);
        Assert.Contains("COMMENT ON TABLE documents IS 'one row per document';\n", toStdout.Output);
        Assert.Contains("7 object(s) differ", toStdout.Error);

        var file = Path.Combine(Path.GetTempPath(), $"repair-{Guid.NewGuid():N}.sql");
        try
        {
            var written = BundleRun.Run(Guarded, "drift", "-c", database.Url, "--script", "-o", file);
            Assert.Equal(ExitCodes.DriftFound, written.ExitCode);
            Assert.Contains($"Wrote the SQL that would repair the drift to {file}", written.Output);

            // What a reviewer does once the script reads right: run it.
            await database.ExecuteAsync(await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }

        var repaired = BundleRun.Run(Guarded, "drift", "-c", database.Url);
        Assert.True(repaired.ExitCode == ExitCodes.Success, repaired.All);
        Assert.Contains("No drift", repaired.Output);
    }

    [Fact]
    public void OutputWithoutScript_IsAUsageError()
    {
        var result = BundleRun.Run(Guarded, "drift", "-c", "postgresql://nobody@127.0.0.1:1/x", "-o", "repair.sql");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("add --script", result.Error);
    }
}
