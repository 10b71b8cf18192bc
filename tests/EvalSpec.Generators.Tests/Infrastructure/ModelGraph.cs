using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// Walks the data a model type can hold (instance fields, including record and auto-property backing fields,
/// array elements and generic arguments) to find what would keep Roslyn objects alive in the generator cache.
/// </summary>
internal static class ModelGraph
{
    /// <summary>Every type reachable from <paramref name="root"/>, with the path that reaches it.</summary>
    public static IReadOnlyDictionary<Type, string> Reachable(Type root)
    {
        var found = new Dictionary<Type, string>();
        Visit(root, root.Name, found);
        return found;
    }

    /// <summary>
    /// Descriptions of the reachable types that are not plain data: Roslyn types other than enums (symbols,
    /// syntax, compilations, locations...), and object, interface, abstract or delegate types, which could hold them.
    /// </summary>
    public static IReadOnlyList<string> FindImpurities(Type root) =>
        Reachable(root)
            .Select(p => Impurity(p.Key) is { } reason ? $"{p.Value}: {reason}" : null)
            .OfType<string>()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    private static string? Impurity(Type type)
    {
        if (type.IsEnum)
        {
            return null;
        }

        if (type.Namespace is { } ns && (ns == "Microsoft.CodeAnalysis" || ns.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal)))
        {
            return $"{type.FullName} is a Roslyn type";
        }

        if (type == typeof(object) || type.IsInterface || type.IsAbstract || typeof(Delegate).IsAssignableFrom(type))
        {
            return $"{type} can hold anything, including Roslyn objects";
        }

        return null;
    }

    private static void Visit(Type type, string path, Dictionary<Type, string> found)
    {
        if (!found.TryAdd(type, path) || type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.IsEnum)
        {
            return;
        }

        if (type.IsArray)
        {
            Visit(type.GetElementType()!, path + "[]", found);
            return;
        }

        // Roslyn types are reported, not entered: one finding per offending member is enough.
        if (Impurity(type) is null)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Visit(field.FieldType, path + "." + FieldName(field), found);
            }
        }

        // Generic arguments too: a type argument may be stored in a way fields do not show (e.g. behind an interface).
        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                Visit(argument, path + "<" + argument.Name + ">", found);
            }
        }
    }

    // "<Cases>k__BackingField" reads better as "Cases".
    private static string FieldName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.IndexOf('>', StringComparison.Ordinal) is > 0 and int end ? field.Name.Substring(1, end - 1) : field.Name;
}
