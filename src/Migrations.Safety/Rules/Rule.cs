using System.Globalization;

namespace Migrations.Safety.Rules
{
    /// <summary>One entry of the rule catalog: the public contract users suppress by <see cref="Id"/>.</summary>
    public sealed class Rule
    {
        public const string HelpLinkBase = "https://github.com/migrations-sdk/migrations-sdk/blob/main/docs/rules/";

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

        public string HelpLink => HelpLinkBase + Id + ".md";

        public string FormatMessage(params object[] arguments) =>
            string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

        public override string ToString() => Id + ": " + Title;
    }
}
