namespace EvalSpec.Generators.Model;

/// <summary>Which xUnit the compilation references, and so which shape of generated tests it gets.</summary>
internal enum XunitFlavor
{
    /// <summary>No xUnit: only the descriptors' types compile; the analyzers say what to add (ES1025).</summary>
    None,

    /// <summary>xUnit v2 (xunit.core) with EvalSpec's v2 adapter (EvalSpec.Xunit): one method per eval method with its descriptor, and EvalSpec's test framework.</summary>
    V2,

    /// <summary>xUnit v3 with EvalSpec's v3 adapter (EvalSpec.Xunit.V3): one method per eval method with its descriptor.</summary>
    V3,

    /// <summary>xUnit v3 without the adapter: no rows are generated (they could not compile); ES1025 names the package.</summary>
    V3WithoutAdapter,

    /// <summary>xUnit v2 without the adapter: no rows are generated (they could not compile); ES1025 names the package.</summary>
    V2WithoutAdapter,
}
