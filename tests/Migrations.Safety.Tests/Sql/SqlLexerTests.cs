using System.Linq;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Tests.Sql;

public sealed class SqlLexerTests
{
    private static (SqlTokenKind Kind, string Text)[] Significant(string sql) =>
        SqlLexer.Tokenize(sql).Where(token => token.Kind != SqlTokenKind.Whitespace).Select(token => (token.Kind, token.Text)).ToArray();

    [Fact]
    public void TokensCoverTheWholeTextWithoutGaps()
    {
        const string sql = "SELECT a.\"B c\", E'x\\'y', $f$ ; $f$ -- note\n/* a /* b */ c */ 1.5e3::int;";
        var tokens = SqlLexer.Tokenize(sql);

        var offset = 0;
        foreach (var token in tokens)
        {
            Assert.Equal(offset, token.Offset);
            Assert.Equal(sql.Substring(token.Offset, token.Length), token.Text);
            offset += token.Length;
        }

        Assert.Equal(sql.Length, offset);
    }

    [Fact]
    public void WordsQuotedIdentifiersAndPunctuationAreDistinguished()
    {
        Assert.Equal(
            new[]
            {
                (SqlTokenKind.Word, "CREATE"), (SqlTokenKind.Word, "INDEX"), (SqlTokenKind.QuotedIdentifier, "\"ix \"\"a\"\"\""),
                (SqlTokenKind.Word, "ON"), (SqlTokenKind.QuotedIdentifier, "\"public\""), (SqlTokenKind.Punctuation, "."),
                (SqlTokenKind.Word, "t$1"), (SqlTokenKind.Punctuation, "("), (SqlTokenKind.Word, "c"), (SqlTokenKind.Punctuation, ")"),
                (SqlTokenKind.Semicolon, ";"),
            },
            Significant("CREATE INDEX \"ix \"\"a\"\"\" ON \"public\".t$1 (c);"));
    }

    [Fact]
    public void StringWithDoubledQuoteIsOneLiteral()
    {
        Assert.Equal(new[] { (SqlTokenKind.StringLiteral, "'it''s; DROP TABLE x'") }, Significant("'it''s; DROP TABLE x'"));
    }

    [Fact]
    public void EscapeStringHonoursBackslashEscapes()
    {
        Assert.Equal(
            new[] { (SqlTokenKind.StringLiteral, "E'a\\'b'"), (SqlTokenKind.Word, "c") },
            Significant("E'a\\'b' c"));
    }

    [Fact]
    public void StandardStringDoesNotTreatBackslashAsEscape()
    {
        Assert.Equal(
            new[] { (SqlTokenKind.StringLiteral, "'a\\'"), (SqlTokenKind.Word, "b") },
            Significant("'a\\' b"));
    }

    [Theory]
    [InlineData("$$ DROP TABLE t; $$")]
    [InlineData("$body$ a $$ b $body$")]
    [InlineData("$_x1$ ' \" -- /* $_x1$")]
    public void DollarQuotedStringIsOneLiteral(string sql)
    {
        Assert.Equal(new[] { (SqlTokenKind.StringLiteral, sql) }, Significant(sql));
    }

    [Fact]
    public void PositionalParameterIsNotADollarQuote()
    {
        Assert.Equal(
            new[] { (SqlTokenKind.Parameter, "$1"), (SqlTokenKind.Operator, "+"), (SqlTokenKind.Parameter, "$2") },
            Significant("$1 + $2"));
    }

    [Fact]
    public void BlockCommentsNest()
    {
        Assert.Equal(
            new[] { (SqlTokenKind.BlockComment, "/* a /* b */ still comment */"), (SqlTokenKind.Word, "x") },
            Significant("/* a /* b */ still comment */ x"));
    }

    [Fact]
    public void LineCommentEndsAtTheLineBreak()
    {
        Assert.Equal(
            new[] { (SqlTokenKind.Word, "a"), (SqlTokenKind.LineComment, "-- b; c"), (SqlTokenKind.Word, "d") },
            Significant("a -- b; c\nd"));
    }

    [Fact]
    public void OperatorStopsBeforeAComment()
    {
        Assert.Equal(
            new[] { (SqlTokenKind.Number, "1"), (SqlTokenKind.Operator, "+"), (SqlTokenKind.LineComment, "--x") },
            Significant("1 +--x"));
    }

    [Fact]
    public void NumbersIncludeFractionsAndExponents()
    {
        Assert.Equal(
            new[] { (SqlTokenKind.Number, "1.5e-3"), (SqlTokenKind.Operator, "::"), (SqlTokenKind.Word, "numeric"), (SqlTokenKind.Number, ".5") },
            Significant("1.5e-3::numeric .5"));
    }

    [Theory]
    [InlineData("'unterminated")]
    [InlineData("\"unterminated")]
    [InlineData("/* unterminated /* nested */")]
    [InlineData("$tag$ unterminated")]
    [InlineData("E'\\")]
    public void UnterminatedTokensRunToTheEndWithoutThrowing(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql);

        Assert.Single(tokens);
        Assert.Equal(sql, tokens[0].Text);
    }
}
