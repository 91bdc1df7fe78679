using System.Text.RegularExpressions;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>README's newcomer path, run as README writes it: a README that drifts from what works fails here.</summary>
public sealed class ReadmeTests
{
    private const string Section = "Use it in your own repository";

    [Fact]
    public async Task UseItInYourOwnRepository_FromAnEmptyFolder_DeploysTheFirstMigration()
    {
        var blocks = FencedBlocks(ReadmeSection(Section));
        var shell = blocks.Where(block => block.Language == "sh").Select(block => block.Text).ToList();
        Assert.Equal(3, shell.Count);
        var migrationBody = Assert.Single(blocks, block => block.Language == "csharp").Text;

        // Step 1 packs in the clone. This run has packed already (PackedSdk); packing again would replace the feed under
        // the other tests. So the step is checked for what it names, and its two variables are set as it sets them.
        Assert.Contains("build/pack.sh", shell[0]);
        Assert.Contains("feed=\"$PWD/artifacts/packages\"", shell[0]);
        Assert.Contains("sdk-version.txt", shell[0]);
        Assert.Equal(PackedSdk.Version, File.ReadAllText(Path.Combine(PackedSdk.Feed, "sdk-version.txt")).Trim());
        var fromStepOne = new Dictionary<string, string> { ["feed"] = PackedSdk.Feed, ["version"] = PackedSdk.Version };
        using var home = new UserHome();

        // Step 2: templates, project and first migration, from an empty folder under an empty home.
        var create = await home.ShellAsync(shell[1], home.Directory, fromStepOne);
        Assert.True(create.ExitCode == 0, create.All);
        var project = Path.Combine(home.Directory, "src", "Shop.Migrations");
        Assert.Contains($"<Project Sdk=\"Migrations.Sdk/{PackedSdk.Version}\">", File.ReadAllText(Path.Combine(project, "Shop.Migrations.csproj")));
        Assert.Contains($"value=\"{PackedSdk.Feed}\"", File.ReadAllText(Path.Combine(project, "NuGet.config")));
        var migration = Assert.Single(Directory.GetFiles(Path.Combine(project, "Migrations")));
        Assert.Matches(@"^\d{14}_CreateUsers\.cs$", Path.GetFileName(migration));

        // Step 3: the user writes the migration; the README's example replaces the template's class body.
        var template = File.ReadAllText(migration);
        Assert.Contains("namespace Shop.Migrations;", template);
        var body = template.IndexOf('{', template.IndexOf("class CreateUsers", StringComparison.Ordinal));
        File.WriteAllText(migration, template[..(body + 1)] + "\n" + migrationBody + "\n}\n");

        // Step 4: build and deploy, to this test's database instead of the README's example server.
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var deploy = await home.ShellAsync(Regex.Replace(shell[2], "^export DATABASE_URL=.*$", $"export DATABASE_URL='{database.Url}'", RegexOptions.Multiline), project);
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Matches(@"CreateUsers\s+applied", deploy.Output);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'"));
    }

    private static string ReadmeSection(string title)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf($"\n## {title}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '## {title}'.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    private static List<(string Language, string Text)> FencedBlocks(string markdown) =>
        Regex.Matches(markdown, @"^```(\w+)\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value))
            .ToList();
}
