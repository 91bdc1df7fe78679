using System.Globalization;

namespace Migrations.Safety.Rules;

/// <summary>One entry of the rule catalog: the public contract users suppress by <see cref="Id"/>.</summary>
public sealed class Rule
{
    public Rule(string id, string category, RuleSeverity defaultSeverity, string title, string messageFormat, bool enabledByDefault = true)
    {
        Id = id;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Title = title;
        MessageFormat = messageFormat;
        EnabledByDefault = enabledByDefault;
    }

    public string Id { get; }

    public string Category { get; }

    public RuleSeverity DefaultSeverity { get; }

    public bool EnabledByDefault { get; }

    /// <summary>Short title; the first line of docs/rules/&lt;Id&gt;.md is "# &lt;Id&gt;: &lt;Title&gt;".</summary>
    public string Title { get; }

    /// <summary>Composite format string: the consequence first, then the safe alternative.</summary>
    public string MessageFormat { get; }

    /// <summary>
    /// The message of a finding in a .sql migration: the same consequence, with the alternative said in SQL and the
    /// file's directives (<c>-- migrations: no-transaction</c>) instead of FluentMigrator calls. Defaults to <see cref="MessageFormat"/>.
    /// </summary>
    public string SqlMessageFormat { get; private set; } = string.Empty;

    public string HelpLink => BuildProtocol.HelpLink(Id);

    /// <summary>Where the rule is reported (see <see cref="RuleLayers"/>).</summary>
    public RuleLayers Layers { get; internal set; } = RuleLayers.Both;

    /// <summary>
    /// The table lock a finding predicts PostgreSQL takes (pg_locks' name, e.g. ShareLock), or null when its hazard is
    /// not a lock (running code, data). <c>test</c> compares it with the lock it observes.
    /// </summary>
    public string? PredictedLock { get; internal set; }

    /// <summary>A finding predicts the table is rewritten (its relfilenode changes); <c>test</c> checks that too.</summary>
    public bool PredictedRewrite { get; internal set; }

    /// <summary>
    /// The rule still applies to a migration that has shipped: what it flags breaks loading or rolling back the bundle
    /// (a duplicate version, an empty Down()), not the deploy that already happened. Lock-file and suppression rules
    /// always apply.
    /// </summary>
    public bool JudgesShipped => alsoOnShipped || Category == RuleCatalog.LockFileCategory || Category == RuleCatalog.SuppressionCategory;

    private bool alsoOnShipped;

    /// <summary>An IDE code fix offers the safe form.</summary>
    public bool Fixable { get; internal set; }

    internal Rule Predicts(string lockMode, bool rewrite = false)
    {
        PredictedLock = lockMode;
        PredictedRewrite = rewrite;
        return this;
    }

    internal Rule WithFix()
    {
        Fixable = true;
        return this;
    }

    internal Rule OnShippedToo()
    {
        alsoOnShipped = true;
        return this;
    }

    internal Rule InSql(string sqlMessageFormat)
    {
        SqlMessageFormat = sqlMessageFormat;
        return this;
    }

    internal Rule ReportedBy(RuleLayers layers)
    {
        Layers = layers;
        return this;
    }

    public string FormatMessage(params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    public string FormatSqlMessage(params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, SqlMessageFormat.Length > 0 ? SqlMessageFormat : MessageFormat, arguments);

    public override string ToString() => Id + ": " + Title;
}
