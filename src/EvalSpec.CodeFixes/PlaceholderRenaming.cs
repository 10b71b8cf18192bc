using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvalSpec.CodeFixes;

/// <summary>
/// Renames a placeholder inside the string literal of a prompt template, keeping the literal's form (regular,
/// verbatim or raw) and everything else in it as written.
/// </summary>
internal static class PlaceholderRenaming
{
    /// <summary>
    /// The literal with every <c>{<paramref name="oldName"/>}</c> placeholder renamed to
    /// <paramref name="newName"/>, or null when the literal spells a brace or the name with an escape sequence
    /// (such as <c>\u007B</c>) and the rename cannot be made in its text.
    /// </summary>
    /// <remarks>
    /// C# delimiters and escape sequences contain no braces, so the braces of the literal's text are the
    /// braces of its value: the rename scans the text with the template rules, then checks that the new
    /// literal's value is exactly the old value renamed.
    /// </remarks>
    public static SyntaxToken? Rename(SyntaxToken literal, string oldName, string newName)
    {
        string text = Rename(literal.Text, oldName, newName);
        SyntaxToken renamed = SyntaxFactory.ParseToken(text);
        if (!renamed.IsKind(literal.Kind()) || renamed.Span.Length != text.Length || renamed.ContainsDiagnostics
            || renamed.ValueText != Rename(literal.ValueText, oldName, newName))
        {
            return null;
        }

        return renamed.WithTriviaFrom(literal);
    }

    /// <summary>
    /// Renames the placeholders of a template as <c>PromptTemplateParser</c> reads it: <c>{{</c> and
    /// <c>}}</c> are literal braces, <c>{ name }</c> is a placeholder (spaces inside the braces kept).
    /// </summary>
    private static string Rename(string template, string oldName, string newName)
    {
        var result = new StringBuilder(template.Length);
        int i = 0;
        while (i < template.Length)
        {
            char c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                result.Append(c, 2);
                i += 2;
                continue;
            }

            int close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                result.Append(c);
                i++;
                continue;
            }

            string inside = template.Substring(i + 1, close - i - 1);
            result.Append('{').Append(inside.Trim() == oldName ? inside.Replace(oldName, newName) : inside).Append('}');
            i = close + 1;
        }

        return result.ToString();
    }
}
