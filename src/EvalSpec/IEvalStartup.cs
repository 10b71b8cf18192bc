namespace EvalSpec;

/// <summary>
/// Configures EvalSpec once per test assembly: judges, options and services. Register the type with
/// <see cref="EvalStartupAttribute"/>; it needs a public parameterless constructor.
/// </summary>
public interface IEvalStartup
{
    /// <summary>Adds services and adjusts options. Called once, before the first row runs.</summary>
    /// <param name="setup">The services, configuration and options being built.</param>
    void Configure(EvalSetup setup);
}
