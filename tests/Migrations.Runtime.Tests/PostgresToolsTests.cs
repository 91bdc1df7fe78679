using Migrations.Runtime.Cli;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Postgres;

namespace Migrations.Runtime.Tests;

/// <summary>Finding pg_dump, pg_restore, initdb and pg_ctl: the errors must say what to install.</summary>
public sealed class PostgresToolsTests
{
    [Fact]
    public void ClientOlderThanTheServer_IsAClearErrorNamingTheVersionToInstall()
    {
        var installed = PostgresTools.MajorVersion(PostgresTools.Find("pg_dump"));

        var failure = Assert.Throws<BundleFailure>(() => PostgresTools.FindAtLeast("pg_dump", 99));

        Assert.Equal(ExitCodes.ToolFailed, ExitCodes.Of(failure.Kind));
        Assert.Equal($"pg_dump {installed} is older than the server (PostgreSQL 99) and cannot read it. Install the PostgreSQL 99 client programs (e.g. apt-get install postgresql-client-99).", failure.Message);
    }

    [Fact]
    public void MissingProgram_IsAClearErrorSayingWhatToInstall()
    {
        var failure = Assert.Throws<BundleFailure>(() => PostgresTools.Find("pg_does_not_exist"));

        Assert.Equal(ExitCodes.ToolFailed, ExitCodes.Of(failure.Kind));
        Assert.StartsWith("pg_does_not_exist was not found on PATH or in /usr/lib/postgresql/*/bin.", failure.Message);
    }
}
