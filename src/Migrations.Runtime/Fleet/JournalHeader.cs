using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// The first line of a fleet journal: what run it belongs to. A run resumes a journal only with the same bundle and
/// migrations (by checksum), the same --target and the same shard; the targets file may have changed.
/// </summary>
internal sealed record JournalHeader(string Verb, string Bundle, string Migrations, long? TargetVersion, string Shard, string Targets)
{
    public static JournalHeader For(FleetVerb verb, string bundle, IEnumerable<(long Version, string Checksum)> migrations, long? targetVersion, FleetShard shard, IEnumerable<FleetTarget> targets) => new(
        verb.Name,
        bundle,
        Fingerprint(migrations.Select(migration => $"{migration.Version}:{migration.Checksum}")),
        targetVersion,
        shard.ToString(),
        Fingerprint(targets.Select(target => target.Address)));

    public bool SameRunAs(JournalHeader other) =>
        Verb == other.Verb && Bundle == other.Bundle && Migrations == other.Migrations && TargetVersion == other.TargetVersion && Shard == other.Shard;

    public string Difference(JournalHeader current) =>
        Verb != current.Verb ? $"by '{Verb}', not '{current.Verb}'"
        : Bundle != current.Bundle ? $"by bundle {Bundle}, not {current.Bundle}"
        : Migrations != current.Migrations ? "for other migrations (a different build of the bundle)"
        : TargetVersion != current.TargetVersion ? $"for --target {TargetVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(newest)"}"
        : $"for shard {Shard}, not {current.Shard}";

    public string ToJson() => new JsonObject
    {
        ["journal"] = FleetJournal.Format,
        ["verb"] = Verb,
        ["bundle"] = Bundle,
        ["migrations"] = Migrations,
        ["targetVersion"] = TargetVersion,
        ["shard"] = Shard,
        ["targets"] = Targets,
        ["startedAt"] = DateTimeOffset.UtcNow,
    }.ToJsonString();

    public static JournalHeader? TryParse(string line)
    {
        try
        {
            var node = JsonNode.Parse(line);
            if (node?["journal"]?.GetValue<string>() != FleetJournal.Format
                || node["verb"]?.GetValue<string>() is not { } verb
                || node["bundle"]?.GetValue<string>() is not { } bundle
                || node["migrations"]?.GetValue<string>() is not { } migrations
                || node["shard"]?.GetValue<string>() is not { } shard
                || node["targets"]?.GetValue<string>() is not { } targets)
            {
                return null;
            }

            return new JournalHeader(verb, bundle, migrations, node["targetVersion"]?.GetValue<long>(), shard, targets);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Fingerprint(IEnumerable<string> items) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', items))));
}
