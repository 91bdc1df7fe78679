using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.CodeFixes.Infrastructure;

/// <summary>What a fixer's edit starts from: the document, its root and semantic model, and the node the finding names.</summary>
internal sealed class FixTarget<TNode>
    where TNode : SyntaxNode
{
    public FixTarget(Document document, SyntaxNode root, SemanticModel model, TNode node)
    {
        Document = document;
        Root = root;
        Model = model;
        Node = node;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public TNode Node { get; }

    /// <summary>The document with <paramref name="node"/> replaced.</summary>
    public Func<CancellationToken, Task<Document>> Replace(SyntaxNode node, SyntaxNode replacement) =>
        _ => Task.FromResult(Document.WithSyntaxRoot(Root.ReplaceNode(node, replacement)));
}
