using System.Reflection;
using FluentMigrator;
using Migrations.Runtime.Outcomes;
using Migrations.Safety.Rules;

namespace Migrations.Runtime.Discovery;

/// <summary>
/// The migrations of a bundle assembly in version order. Found by reflection over attributes only
/// (no FluentMigrator runner, no DI), which keeps <c>status</c> fast on large projects.
/// </summary>
public sealed class MigrationSet
{
    private readonly Dictionary<long, MigrationDescriptor> _byVersion;

    private MigrationSet(Assembly assembly, IReadOnlyList<MigrationDescriptor> migrations, IReadOnlyList<Type> profiles)
    {
        Assembly = assembly;
        Migrations = migrations;
        Profiles = profiles;
        _byVersion = migrations.ToDictionary(migration => migration.Version);
    }

    public Assembly Assembly { get; }

    public IReadOnlyList<MigrationDescriptor> Migrations { get; }

    /// <summary>Classes marked [Profile]: seed data, run on request, never versioned.</summary>
    public IReadOnlyList<Type> Profiles { get; }

    public static MigrationSet Load(Assembly assembly) => Load(assembly, _ => true);

    /// <param name="include">Which types belong to this bundle; tests keep several fixture sets in one assembly.</param>
    /// <param name="tags">The runner's tags (--tags, or the bundle's MigrationsTags): migrations their [Tags] exclude are not part of the run.</param>
    public static MigrationSet Load(Assembly assembly, Func<Type, bool> include, IReadOnlyList<string>? tags = null)
    {
        var runnerTags = RunnerTags.For(assembly, tags);
        var (migrations, profiles) = Discover(assembly, type => include(type) && RunnerTags.Runs(type, runnerTags));
        var duplicate = FindDuplicates(migrations).FirstOrDefault();
        if (duplicate is not null)
        {
            throw new BundleFailure(Outcome.ValidationFailed, $"{RuleIds.DuplicateVersion}: " + RuleCatalog.Get(RuleIds.DuplicateVersion).FormatMessage(duplicate[0].Version, duplicate[0].Type.FullName!, duplicate[1].Type.FullName!));
        }

        return new MigrationSet(assembly, migrations, profiles);
    }

    /// <summary>Every migration class, duplicates included, in version order; for the build validation to report on.</summary>
    public static (List<MigrationDescriptor> Migrations, List<Type> Profiles) Discover(Assembly assembly, Func<Type, bool> include)
    {
        var migrations = new List<MigrationDescriptor>();
        var profiles = new List<Type>();
        foreach (var type in LoadableTypes(assembly))
        {
            if (type.IsAbstract || !typeof(IMigration).IsAssignableFrom(type) || !include(type))
            {
                continue;
            }

            if (type.GetCustomAttribute<ProfileAttribute>() is not null)
            {
                profiles.Add(type);
                continue;
            }

            // MigrationAttribute is not inherited, but attributes derived from it (TimestampedMigrationAttribute…) count.
            if (type.GetCustomAttribute<MigrationAttribute>(inherit: false) is { } attribute)
            {
                migrations.Add(new MigrationDescriptor(attribute.Version, type.Name, type, attribute.TransactionBehavior, attribute.Description, attribute.BreakingChange)
                {
                    Squashes = type.GetCustomAttribute<SquashesAttribute>() is { } squash ? squash.Versions.Append(attribute.Version).Distinct().Order().ToList() : [],
                });
            }
        }

        migrations.Sort((left, right) => left.Version != right.Version ? left.Version.CompareTo(right.Version) : string.CompareOrdinal(left.Type.FullName, right.Type.FullName));
        return (migrations, profiles);
    }

    public static IEnumerable<MigrationDescriptor[]> FindDuplicates(IEnumerable<MigrationDescriptor> migrations) =>
        migrations.GroupBy(migration => migration.Version).Where(group => group.Count() > 1).Select(group => group.ToArray());

    public bool Contains(long version) => _byVersion.ContainsKey(version);

    /// <summary>The squash migration that replaced this version, when one of the bundle's did.</summary>
    public MigrationDescriptor? SquashedInto(long version) => Migrations.FirstOrDefault(migration => migration.Squashes.Contains(version));

    public MigrationDescriptor? Find(long version) => _byVersion.GetValueOrDefault(version);

    public MigrationDescriptor Get(long version) =>
        Find(version) ?? throw BundleFailure.Usage($"The bundle has no migration {version}. Run 'status' to list the versions it knows.");

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.Where(type => type is not null)!;
        }
    }
}
