using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EvalSpec.Generators.Model;
using Microsoft.CodeAnalysis;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// Reads [Conversation("user: ...", "assistant: ...", "user: ...")] attributes into conversation cases: each argument
/// one turn, <c>role: content</c>. Every problem is ES1024 at the argument it is about (ES1016 for an unusable id,
/// ES1007 for an id another case has).
/// </summary>
internal static class ConversationParser
{
    public static bool HasConversations(IMethodSymbol method, KnownSymbols symbols) =>
        symbols.ConversationAttribute is not null && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ConversationAttribute));

    /// <summary>The conversation cases, in declaration order; <paramref name="earlier"/> are the [Case]s, whose ids they must not reuse.</summary>
    public static List<CaseSpec> Parse(IMethodSymbol method, KnownSymbols symbols, ImmutableArray<IParameterSymbol> parameters, string methodName, IReadOnlyList<CaseSpec> earlier, List<EvalProblem> problems, CancellationToken cancellationToken)
    {
        var cases = new List<CaseSpec>();
        if (symbols.ConversationAttribute is null)
        {
            return cases;
        }

        var ids = new HashSet<string>(earlier.Select(c => c.Id), System.StringComparer.Ordinal);
        foreach (AttributeData attribute in method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ConversationAttribute)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
            {
                continue;
            }

            Location? location = EvalMethodParser.AttributeLocation(attribute, cancellationToken);
            if (parameters.Length > 0)
            {
                string list = string.Join(", ", parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name));
                problems.Add(new EvalProblem(EvalRule.ConversationInvalid, location, methodName,
                    "a [Conversation] has no arguments to bind, but " + methodName + " takes case parameters (" + list + "); remove them, or keep conversations that need arguments in a JSONL file ([CasesFrom]) with a 'turns' member beside the parameters' columns"));
                continue;
            }

            TypedConstant array = attribute.ConstructorArguments[0];
            ImmutableArray<TypedConstant> values = array.IsNull ? ImmutableArray<TypedConstant>.Empty : array.Values;
            var pairs = new List<string>();
            var roles = new List<string>();
            bool valid = true;
            for (int i = 0; i < values.Length && valid; i++)
            {
                Location? at = EvalMethodParser.ArgumentLocation(attribute, i, cancellationToken) ?? location;
                string? turn = values[i].Value as string;
                int colon = turn?.IndexOf(':') ?? -1;
                string? problem = turn is null ? "turn " + (i + 1) + " is null"
                    : colon < 0 ? "turn " + (i + 1) + " (\"" + Shorten(turn) + "\") does not start with a role and a colon"
                    : ConversationRules.CheckTurn(turn.Substring(0, colon), turn.Substring(colon + 1));
                if (problem is not null)
                {
                    problems.Add(new EvalProblem(EvalRule.ConversationInvalid, at, methodName, problem));
                    valid = false;
                    continue;
                }

                string role = ConversationRules.NormalizeRole(turn!.Substring(0, colon))!;
                roles.Add(role);
                pairs.Add(role);
                pairs.Add(TrimOneSpace(turn.Substring(colon + 1)));
            }

            if (!valid)
            {
                continue;
            }

            if (ConversationRules.CheckOrder(roles) is { } order)
            {
                problems.Add(new EvalProblem(EvalRule.ConversationInvalid, values.Length == 0 ? location : EvalMethodParser.ArgumentLocation(attribute, values.Length - 1, cancellationToken) ?? location, methodName, order));
                continue;
            }

            string? explicitId = EvalMethodParser.NamedString(attribute, "Id");
            if (explicitId is not null && (explicitId.Trim().Length == 0 || explicitId.IndexOf('/') >= 0))
            {
                problems.Add(new EvalProblem(EvalRule.EmptyKey, EvalMethodParser.NamedArgumentLocation(attribute, "Id", cancellationToken) ?? location, "case id", methodName, "\"" + explicitId + "\""));
                continue;
            }

            string id = explicitId ?? ConversationRules.CaseId(pairs, new string[0]);
            if (!ids.Add(id))
            {
                problems.Add(new EvalProblem(EvalRule.DuplicateCaseId, location, methodName, id));
                continue;
            }

            cases.Add(new CaseSpec(id, EquatableArray<CaseValue>.Empty, EvalMethodParser.NamedString(attribute, "Expected")) { Turns = new EquatableArray<string>(pairs) });
        }

        return cases;
    }

    /// <summary>"user: Hello" reads as "Hello": the blank after the colon is layout; any further blanks are the turn's.</summary>
    private static string TrimOneSpace(string content) => content.Length > 0 && content[0] == ' ' ? content.Substring(1) : content;

    private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 37) + "..." : text;
}
