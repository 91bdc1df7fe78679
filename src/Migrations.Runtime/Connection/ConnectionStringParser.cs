using Migrations.Runtime.Outcomes;
using Npgsql;

namespace Migrations.Runtime.Connection;

/// <summary>
/// Turns what a user gives us (<c>--connection</c> or <c>DATABASE_URL</c>) into an Npgsql connection string.
/// Accepts the Npgsql keyword form and the URL form Prisma and most platforms use, mapping the URL's
/// query parameters onto Npgsql's keywords. Error messages never repeat the input: it may hold a password.
/// </summary>
public static class ConnectionStringParser
{
    private static readonly string[] UrlSchemes = ["postgresql://", "postgres://"];

    /// <summary>--connection wins over DATABASE_URL; without either the verb cannot run.</summary>
    public static ConnectionSettings FromOptionOrDatabaseUrl(string? option)
    {
        var raw = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable("DATABASE_URL") : option;
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw BundleFailure.Usage("No database given. Pass --connection \"postgresql://user:password@host:5432/db\" or set DATABASE_URL.");
        }

        return Parse(raw);
    }

    public static ConnectionSettings Parse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw BundleFailure.Usage("The connection string is empty. Pass --connection or set DATABASE_URL.");
        }

        var trimmed = raw.Trim();
        return UrlSchemes.Any(scheme => trimmed.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            ? ParseUrl(trimmed)
            : ParseKeywords(trimmed);
    }

    private static ConnectionSettings ParseKeywords(string raw)
    {
        if (raw.Contains("://", StringComparison.Ordinal))
        {
            throw BundleFailure.Usage("The connection URL must start with postgresql:// or postgres://.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(raw);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            throw BundleFailure.Usage($"The connection string is malformed ({DescribeKeywordError(exception)}). Use 'Host=…;Database=…;Username=…' or a postgresql:// URL.");
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw BundleFailure.Usage("The connection string names no host. Add Host=… or use a postgresql://user@host/db URL.");
        }

        return ConnectionSettings.From(builder, FirstSearchPathSchema(builder.SearchPath), pgBouncer: false);
    }

    /// <summary>"tenant_a, public" → tenant_a: the schema unqualified names are created in, as PostgreSQL reads search_path.</summary>
    private static string? FirstSearchPathSchema(string? searchPath)
    {
        var first = searchPath?.Split(',')[0].Trim();
        if (string.IsNullOrEmpty(first) || first == "\"$user\"" || first == "$user")
        {
            return null;
        }

        return first.StartsWith('"') && first.EndsWith('"') && first.Length > 1 ? first[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : first.ToLowerInvariant();
    }

    private static string DescribeKeywordError(Exception exception)
    {
        // Npgsql names the offending keyword but never its value, so its message is safe to show.
        var message = exception.Message.Split('\n')[0].Trim();
        if (exception is ArgumentException { ParamName: { Length: > 0 } keyword } && !keyword.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return $"unknown keyword or bad value for '{keyword}'";
        }

        return message.Contains("password", StringComparison.OrdinalIgnoreCase) ? "invalid Password value" : message.TrimEnd('.');
    }

    private static ConnectionSettings ParseUrl(string raw)
    {
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw BundleFailure.Usage("The connection URL is malformed. Expected postgresql://user:password@host:5432/database?sslmode=require (URL-encode special characters in the password).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        };

        var (username, password) = SplitUserInfo(uri.UserInfo);
        if (username is not null)
        {
            builder.Username = username;
        }

        if (password is not null)
        {
            builder.Password = password;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw BundleFailure.Usage("The connection URL's path must be just the database name (postgresql://host:5432/database).");
        }

        if (database.Length > 0)
        {
            builder.Database = database;
        }

        string? schema = null;
        var pgBouncer = false;
        int? connectTimeout = null;
        int? poolTimeout = null;
        foreach (var (key, value) in ParseQuery(uri.Query))
        {
            switch (key.ToLowerInvariant())
            {
                case "connection_limit":
                    builder.MaxPoolSize = ParsePositive(key, value);
                    break;
                case "connect_timeout":
                    connectTimeout = ParsePositive(key, value);
                    break;
                case "pool_timeout":
                    poolTimeout = ParsePositive(key, value);
                    break;
                case "sslmode":
                    builder.SslMode = ParseSslMode(value);
                    break;
                case "schema":
                    schema = value;
                    // Quoted, so search_path names exactly the schema the history and fluent objects use ("Tenant_A" stays so).
                    builder.SearchPath = History.HistoryStore.Quote(value);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "options":
                    builder.Options = value;
                    break;
                case "sslrootcert":
                    builder.RootCertificate = value;
                    break;
                case "sslcert":
                    builder.SslCertificate = value;
                    break;
                case "sslkey":
                    builder.SslKey = value;
                    break;
                case "pgbouncer":
                    pgBouncer = value.ToLowerInvariant() switch
                    {
                        "true" or "1" => true,
                        "false" or "0" => false,
                        _ => throw BundleFailure.Usage($"The connection URL says pgbouncer={value}: use pgbouncer=true (a transaction-pooling proxy, which deploy refuses) or pgbouncer=false."),
                    };
                    break;
                case "statement_cache_size":
                case "socket_timeout":
                    // Prisma engine settings with no effect on a migration run: accepted so a DATABASE_URL shared with the app works.
                    break;
                default:
                    throw BundleFailure.Usage($"The connection URL has an unknown parameter '{key}'. Supported: connection_limit, pool_timeout, connect_timeout, sslmode, schema, application_name, options, sslrootcert, sslcert, sslkey, pgbouncer.");
            }
        }

        // Npgsql has one Timeout for opening a connection, pool wait included: honour the larger of the two.
        var timeout = Math.Max(connectTimeout ?? 0, poolTimeout ?? 0);
        if (timeout > 0)
        {
            builder.Timeout = timeout;
        }

        return ConnectionSettings.From(builder, schema, pgBouncer);
    }

    private static (string? Username, string? Password) SplitUserInfo(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo))
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    private static IEnumerable<(string Key, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return (key, value);
        }
    }

    private static int ParsePositive(string key, string value) =>
        int.TryParse(value, out var number) && number > 0
            ? number
            : throw BundleFailure.Usage($"The connection URL parameter '{key}' must be a positive whole number.");

    private static SslMode ParseSslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw BundleFailure.Usage("The connection URL parameter 'sslmode' must be one of disable, allow, prefer, require, verify-ca, verify-full."),
    };
}
