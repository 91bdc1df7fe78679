using System.Reflection;
using FluentMigrator;
using Migrations.Runtime.Cli;
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
    public static MigrationSet Load(Assembly assembly, Func<Type, bool> include)
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
                migrations.Add(new MigrationDescriptor(attribute.Version, type.Name, type, attribute.TransactionBehavior, attribute.Description, attribute.BreakingChange));
            }
        }

        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            var pair = duplicate.Take(2).ToArray();
            throw new BundleException(ExitCodes.ValidationFailed, $"{RuleIds.DuplicateVersion}: " + RuleCatalog.Get(RuleIds.DuplicateVersion).FormatMessage(duplicate.Key, pair[0].Type.FullName!, pair[1].Type.FullName!));
        }

        migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        return new MigrationSet(assembly, migrations, profiles);
    }

    public bool Contains(long version) => _byVersion.ContainsKey(version);

    public MigrationDescriptor? Find(long version) => _byVersion.GetValueOrDefault(version);

    public MigrationDescriptor Get(long version) =>
        Find(version) ?? throw BundleException.Usage($"The bundle has no migration {version}. Run 'status' to list the versions it knows.");

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
