using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations.Seed;

/// <summary>
/// Demo data for development databases (<c>seed</c>, and <c>reset --force</c> after migrating): two users, a dubbing
/// project each, its pipeline jobs and glossary. A profile, not a migration: never versioned, never run by deploy.
/// Re-runnable: every insert skips what is already there.
/// </summary>
[Profile("seed")]
public sealed class SeedDemoData : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            INSERT INTO users (email, name, phone) VALUES
              ('ana@example.com', 'Ana Lima', '+55 11 5555 0101'),
              ('ben@example.com', 'Ben Okafor', NULL)
            ON CONFLICT (email) DO NOTHING;

            INSERT INTO user_preferences (user_id, locale)
            SELECT id, CASE email WHEN 'ana@example.com' THEN 'pt-BR' ELSE 'en' END FROM users
            WHERE email IN ('ana@example.com', 'ben@example.com')
            ON CONFLICT (user_id) DO NOTHING;

            INSERT INTO projects (user_id, title, status, source_language, target_language, video_path)
            SELECT u.id, p.title, p.status, p.source_language, p.target_language, p.video_path
            FROM (VALUES
                ('ana@example.com', 'Product launch keynote', 'dubbing', 'en', 'pt', 'videos/keynote.mp4'),
                ('ben@example.com', 'Onboarding tutorial', 'draft', 'en', 'fr', 'videos/onboarding.mp4')
              ) AS p(email, title, status, source_language, target_language, video_path)
            JOIN users u ON u.email = p.email
            WHERE NOT EXISTS (SELECT 1 FROM projects existing WHERE existing.user_id = u.id AND existing.title = p.title);

            INSERT INTO jobs (project_id, stage, status, attempts)
            SELECT pr.id, j.stage, j.status, j.attempts
            FROM projects pr
            CROSS JOIN (VALUES ('transcribe', 'done', 1), ('translate', 'done', 1), ('synthesize', 'running', 2)) AS j(stage, status, attempts)
            WHERE pr.title = 'Product launch keynote'
              AND NOT EXISTS (SELECT 1 FROM jobs existing WHERE existing.project_id = pr.id AND existing.stage = j.stage);

            INSERT INTO glossary (project_id, source_term, target_term)
            SELECT pr.id, g.source_term, g.target_term
            FROM projects pr
            CROSS JOIN (VALUES ('keynote', 'palestra principal'), ('launch', 'lançamento')) AS g(source_term, target_term)
            WHERE pr.title = 'Product launch keynote'
              AND NOT EXISTS (SELECT 1 FROM glossary existing WHERE existing.project_id = pr.id AND existing.source_term = g.source_term);
            """);
    }

    public override void Down()
    {
        // Seed data is not rolled back: reset recreates the schema instead.
    }
}
