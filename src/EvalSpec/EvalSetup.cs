using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSpec;

/// <summary>What an <see cref="IEvalStartup"/> configures.</summary>
public sealed class EvalSetup
{
    internal EvalSetup(IServiceCollection services, IConfiguration configuration, EvalOptions options)
    {
        Services = services;
        Configuration = configuration;
        Options = options;
    }

    /// <summary>
    /// Services for the run. Every <see cref="Judging.IJudge"/> registered here sits on the panel that grades
    /// the output of identity rows against the eval's rubric. That panel is one check of the row; the
    /// expected-answer check (cases with <see cref="CaseAttribute.Expected"/>) and the relation check
    /// (relation rows) are others, and a row passes only when every check passes.
    /// </summary>
    public IServiceCollection Services { get; }

    /// <summary>Configuration from <c>evalspec.json</c> and <c>EVALSPEC_</c> environment variables.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Options already bound from <see cref="Configuration"/>; change them here.</summary>
    public EvalOptions Options { get; }
}
