using System;

namespace EvalSpec;

/// <summary>Names the test assembly's <see cref="IEvalStartup"/>: <c>[assembly: EvalStartup(typeof(MyStartup))]</c>.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class EvalStartupAttribute : Attribute
{
    /// <summary>Names the startup type.</summary>
    /// <param name="startupType">A type implementing <see cref="IEvalStartup"/> with a public parameterless constructor.</param>
    public EvalStartupAttribute(Type startupType)
    {
        StartupType = startupType;
    }

    /// <summary>The startup type.</summary>
    public Type StartupType { get; }
}
