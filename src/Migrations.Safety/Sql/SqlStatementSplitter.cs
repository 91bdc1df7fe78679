using System;
using System.Collections.Generic;

namespace Migrations.Safety.Sql;

/// <summary>Splits a SQL text into statements on top-level semicolons, the way psql does.</summary>
public static class SqlStatementSplitter
{
    public static IReadOnlyList<SqlStatement> Split(string sql) => Split(sql, SqlLexer.Tokenize(sql));

    public static IReadOnlyList<SqlStatement> Split(string sql, IReadOnlyList<SqlToken> tokens)
    {
        if (sql == null)
        {
            throw new ArgumentNullException(nameof(sql));
        }

        var statements = new List<SqlStatement>();
        var start = 0;
        var depth = 0;
        var atomicDepth = 0;
        SqlToken? previousWord = null;
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (token.IsPunctuation('('))
            {
                depth++;
            }
            else if (token.IsPunctuation(')'))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (token.Kind == SqlTokenKind.Word)
            {
                // CREATE FUNCTION … BEGIN ATOMIC … END holds semicolons of its own (PostgreSQL 14+).
                if (token.IsKeyword("ATOMIC") && previousWord != null && previousWord.IsKeyword("BEGIN"))
                {
                    atomicDepth++;
                }
                else if (atomicDepth > 0 && (token.IsKeyword("CASE") || (token.IsKeyword("BEGIN") && !IsFollowedByAtomic(tokens, index))))
                {
                    atomicDepth++;
                }
                else if (atomicDepth > 0 && token.IsKeyword("END"))
                {
                    atomicDepth--;
                }

                previousWord = token;
            }
            else if (token.Kind == SqlTokenKind.Semicolon && depth == 0 && atomicDepth == 0)
            {
                AddStatement(sql, tokens, start, index, statements);
                start = index + 1;
            }
        }

        AddStatement(sql, tokens, start, tokens.Count, statements);
        return statements;
    }

    private static bool IsFollowedByAtomic(IReadOnlyList<SqlToken> tokens, int index)
    {
        for (var next = index + 1; next < tokens.Count; next++)
        {
            if (!tokens[next].IsTrivia)
            {
                return tokens[next].IsKeyword("ATOMIC");
            }
        }

        return false;
    }

    private static void AddStatement(string sql, IReadOnlyList<SqlToken> tokens, int start, int end, List<SqlStatement> statements)
    {
        var first = start;
        while (first < end && tokens[first].IsTrivia)
        {
            first++;
        }

        var last = end - 1;
        while (last >= first && tokens[last].IsTrivia)
        {
            last--;
        }

        if (first > last)
        {
            return;
        }

        var statementTokens = new List<SqlToken>(last - first + 1);
        for (var index = first; index <= last; index++)
        {
            statementTokens.Add(tokens[index]);
        }

        var offset = tokens[first].Offset;
        statements.Add(new SqlStatement(sql.Substring(offset, tokens[last].End - offset), offset, statementTokens));
    }
}
