using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>Teams coming from Prisma, Flyway or plain SQL keep their .sql files: they become migrations of the bundle.</summary>
public sealed class SqlFileMigrationTests
{
    private const string Project = "Legacy.Migrations";

    [Fact]
    public async Task PrismaFolderAndFlatSqlFiles_BuildLockAndDeployToPostgres()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/20241102000000_init/migration.sql"] = """
                -- CreateTable
                CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "email" TEXT NOT NULL);
                CREATE TABLE "Project" ("id" SERIAL PRIMARY KEY, "userId" INTEGER NOT NULL REFERENCES "User"("id"), "status" TEXT NOT NULL);
                """,
            [$"{Project}/Migrations/20241102000000_init/down.sql"] = """
                DROP TABLE "Project";
                DROP TABLE "User";
                """,
            [$"{Project}/Migrations/20241103000000_add_glossary.sql"] = """
                CREATE TABLE "Glossary" ("id" SERIAL PRIMARY KEY, "projectId" INTEGER NOT NULL, "term" TEXT NOT NULL);
                """,
            [$"{Project}/Migrations/20241104000000_index_project_status.sql"] = """
                -- migrations: no-transaction
                CREATE INDEX CONCURRENTLY "Project_status_idx" ON "Project" ("status");
                CREATE INDEX CONCURRENTLY "Project_userId_idx" ON "Project" ("userId");
                """,
        });

        await project.BuildAsync();
        Assert.Contains("\"name\": \"AddGlossary\"", project.Read($"{Project}/migrations.lock.json"));
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = await project.RunBundleAsync(database.Url, "deploy");

        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Contains("20241104000000 IndexProjectStatus (no transaction)", deploy.Output);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'Project_%_idx' AND i.indisvalid"));
        var status = await project.RunBundleAsync(database.Url, "status");
        Assert.Matches(@"20241102000000\s+Init\s+applied", status.Output);
        var rollback = await project.RunBundleAsync(database.Url, "rollback", "--to", "20241101000000");
        Assert.Equal(2, rollback.ExitCode);
        var rollbackAll = await project.RunBundleAsync(database.Url, "rollback", "--steps", "3");
        Assert.Equal(9, rollbackAll.ExitCode);
        Assert.Contains("IndexProjectStatus is forward-only", rollbackAll.Error);

        // Findings in a .sql migration point at the statement in the .sql file, not at the class generated for it, and
        // give their advice in SQL; an explicit COMMIT in a transactional file is PGM017 (it would commit half of it).
        project.Write($"{Project}/Migrations/20241105000000_archive.sql", "-- archive lookups\nCREATE INDEX \"Glossary_term_idx\" ON \"Glossary\" (\"term\");\n  COMMIT;\n");
        var unsafeBuild = await project.TryBuildAsync();
        Assert.NotEqual(0, unsafeBuild.ExitCode);
        Assert.Matches(@"Migrations/20241105000000_archive\.sql\(2,1\): migrations error PGM001: [^(]*Use CREATE INDEX CONCURRENTLY in a file marked -- migrations: no-transaction\.", unsafeBuild.Output);
        Assert.Matches(@"Migrations/20241105000000_archive\.sql\(3,3\): migrations error PGM017: ", unsafeBuild.Output);
        Assert.DoesNotContain("WithOptions", unsafeBuild.Output);
        Assert.DoesNotContain("SqlMigrations.g.cs", unsafeBuild.Output);

        // A .sql migration's [AllowUnsafe]: a directive at the top, with a reason; without one it is PGM900.
        project.Write($"{Project}/Migrations/20241105000000_archive.sql", "-- migrations: allow-unsafe PGM001 because Glossary has a few hundred rows\n" + "CREATE INDEX \"Glossary_term_idx\" ON \"Glossary\" (\"term\");\nCOMMIT;\n");
        var allowed = await project.TryBuildAsync();
        Assert.DoesNotContain("PGM001", allowed.Output);
        Assert.Contains("PGM017", allowed.Output);
        project.Write($"{Project}/Migrations/20241105000000_archive.sql", "-- migrations: allow-unsafe PGM001\nCREATE INDEX \"Glossary_term_idx\" ON \"Glossary\" (\"term\");\n");
        var withoutReason = await project.TryBuildAsync();
        Assert.Matches(@"Migrations/20241105000000_archive\.sql\s?: migrations error PGM900: '-- migrations: allow-unsafe PGM001' has no reason", withoutReason.Output);
    }

    [Fact]
    public async Task SqlFileWithoutAVersion_IsPGM204NamingTheFile()
    {
        // Nothing has shipped (as the template sets it), so the renumbered file's lock entry follows it.
        using var project = TestProject.Create(Project, "<PropertyGroup><MigrationsShippedThrough>0</MigrationsShippedThrough></PropertyGroup>", new Dictionary<string, string>
        {
            [$"{Project}/Migrations/add_users.sql"] = "CREATE TABLE users (id bigint PRIMARY KEY);",
        });

        var result = await project.TryBuildAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Migrations/add_users\.sql\s?: migrations error PGM204: SQL migration 'Migrations/add_users\.sql' has no version in its name", result.Output);

        // The fix PGM204 asks for: renaming the file (no timestamp changes) must regenerate the migration classes.
        File.Move(Path.Combine(project.ProjectDirectory, "Migrations/add_users.sql"), Path.Combine(project.ProjectDirectory, "Migrations/20250101000000_add-users.sql"));
        project.Write($"{Project}/Migrations/20250102000000_add_users.sql", "CREATE TABLE more_users (id bigint PRIMARY KEY);");
        var renamed = await project.TryBuildAsync();
        Assert.True(renamed.ExitCode == 0, renamed.Output);
        var generated = File.ReadAllText(Directory.GetFiles(Path.Combine(project.ProjectDirectory, "obj"), "*.SqlMigrations.g.cs", SearchOption.AllDirectories).Single());
        Assert.Contains("class AddUsers ", generated);
        Assert.Contains("class AddUsers_20250102000000 ", generated);

        File.Move(Path.Combine(project.ProjectDirectory, "Migrations/20250102000000_add_users.sql"), Path.Combine(project.ProjectDirectory, "Migrations/20250103000000_add_users.sql"));
        // Renumbering a migration that has not shipped re-records it under the new number — proof the classes were
        // regenerated: a stale class would instead fail to find its embedded SQL.
        var renumbered = await project.TryBuildAsync();
        Assert.True(renumbered.ExitCode == 0, renumbered.Output);
        Assert.Contains("re-recorded 20250102000000 'AddUsers_20250102000000' as 20250103000000 (renumbered)", renumbered.Output);
        Assert.DoesNotContain("lacks the embedded SQL", renumbered.Output);
        generated = File.ReadAllText(Directory.GetFiles(Path.Combine(project.ProjectDirectory, "obj"), "*.SqlMigrations.g.cs", SearchOption.AllDirectories).Single());
        Assert.Contains("Migration(20250103000000", generated);
        Assert.DoesNotContain("20250102000000", generated);
    }
}
