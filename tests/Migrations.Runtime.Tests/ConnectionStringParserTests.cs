using Migrations.Runtime.Cli;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Npgsql;

namespace Migrations.Runtime.Tests;

public sealed class ConnectionStringParserTests
{
    [Fact]
    public void PrismaStyleUrl_MapsEveryParameterOntoNpgsql()
    {
        var settings = ConnectionStringParser.Parse("postgresql://app:s%40cret@db.internal:6543/dubbing?connection_limit=10&pool_timeout=20&connect_timeout=10&sslmode=require&schema=tenant_a");
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);

        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("dubbing", builder.Database);
        Assert.Equal("app", builder.Username);
        Assert.Equal("s@cret", builder.Password);
        Assert.Equal(10, builder.MaxPoolSize);
        Assert.Equal(20, builder.Timeout);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("\"tenant_a\"", builder.SearchPath);
        Assert.Equal("tenant_a", settings.Schema);
    }

    [Fact]
    public void UrlWithoutPort_UsesTheDefaultPort()
    {
        var settings = ConnectionStringParser.Parse("postgres://app@localhost/app");
        Assert.Equal(5432, settings.Port);
        Assert.Equal("app@localhost:5432/app", settings.Description);
    }

    [Fact]
    public void KeywordForm_IsAccepted()
    {
        var settings = ConnectionStringParser.Parse("Host=localhost;Port=5433;Database=app;Username=deploy;Password=pw");
        Assert.Equal("deploy@localhost:5433/app", settings.Description);
        Assert.Equal("public", settings.Schema);
    }

    [Fact]
    public void Description_NeverContainsThePassword()
    {
        var settings = ConnectionStringParser.Parse("postgresql://app:TopSecret123@localhost/app");
        Assert.DoesNotContain("TopSecret123", settings.Description);
        Assert.DoesNotContain("TopSecret123", settings.ToString());
    }

    [Theory]
    [InlineData("postgresql://app:TopSecret123@/app", "malformed")]
    [InlineData("postgresql://app:TopSecret123@host/app?nope=1", "unknown parameter 'nope'")]
    [InlineData("postgresql://app:TopSecret123@host/app?connection_limit=zero", "connection_limit")]
    [InlineData("postgresql://app:TopSecret123@host/app?sslmode=sometimes", "sslmode")]
    [InlineData("mysql://app:TopSecret123@host/app", "postgresql://")]
    [InlineData("Bogus=1;Password=TopSecret123", "malformed")]
    [InlineData("   ", "empty")]
    public void MalformedInput_IsAUsageErrorThatHidesThePassword(string raw, string expected)
    {
        var exception = Assert.Throws<BundleFailure>(() => ConnectionStringParser.Parse(raw));
        Assert.Equal(ExitCodes.UsageError, ExitCodes.Of(exception.Kind));
        Assert.Contains(expected, exception.Message);
        Assert.DoesNotContain("TopSecret123", exception.Message);
    }

    [Fact]
    public void PgBouncerFlag_IsRemembered()
    {
        Assert.True(ConnectionStringParser.Parse("postgresql://a@h/db?pgbouncer=true").DeclaresPgBouncer);
    }

    [Fact]
    public void PgBouncerParameter_TakesOnlyTrueOrFalse()
    {
        Assert.False(ConnectionStringParser.Parse("postgresql://a@h/db?pgbouncer=false").DeclaresPgBouncer);
        var error = Assert.Throws<BundleFailure>(() => ConnectionStringParser.Parse("postgresql://a@h/db?pgbouncer=maybe"));
        Assert.Equal(ExitCodes.UsageError, ExitCodes.Of(error.Kind));
        Assert.Contains("pgbouncer=maybe", error.Message);
    }
}
