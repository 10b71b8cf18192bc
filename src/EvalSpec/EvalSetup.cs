using System;
using EvalSpec.Judging;
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

    /// <summary>
    /// Configuration from <c>evalspec.json</c> and <c>EVALSPEC_</c> environment variables: EvalSpec's options, and your
    /// own settings under the <c>App</c> section (<c>Configuration["App:BotModel"]</c>, from <c>{ "App": { "BotModel": ... } }</c>
    /// or <c>EVALSPEC_APP__BOTMODEL</c>).
    /// </summary>
    public IConfiguration Configuration { get; }

    /// <summary>Options already bound from <see cref="Configuration"/>; change them here.</summary>
    public EvalOptions Options { get; }

    /// <summary>
    /// Scrubbers for the snapshots of <see cref="SnapshotAttribute"/> evals: GUIDs, time stamps, durations, token counts
    /// and paths are replaced by default; add your own patterns here.
    /// </summary>
    public Snapshots.SnapshotSettings Snapshots { get; } = new();

    /// <summary>
    /// Adds a judge to the rubric panel, which grades the output of identity rows (same as registering an
    /// <see cref="IJudge"/> service). Order matters with <see cref="EvalOptions.EarlyStop"/>: cheapest first.
    /// </summary>
    /// <param name="judge">The judge.</param>
    /// <returns>This setup.</returns>
    public EvalSetup AddRubricJudge(IJudge judge)
    {
        ArgumentNullException.ThrowIfNull(judge);
        Services.AddSingleton(judge);
        return this;
    }

    /// <summary>
    /// Adds a judge to the panel that checks invariant relation rows (the follow-up output against the source
    /// output, in <see cref="JudgeRequest.ReferenceOutput"/>), replacing the default lexical
    /// <see cref="TokenF1InvarianceJudge"/>. Typically an <see cref="EquivalenceJudge"/>.
    /// </summary>
    /// <param name="judge">The judge; it passes when the outputs are equivalent.</param>
    /// <returns>This setup.</returns>
    public EvalSetup AddInvarianceJudge(IJudge judge)
    {
        ArgumentNullException.ThrowIfNull(judge);
        Services.AddKeyedSingleton(JudgeRoles.Invariance, judge);
        return this;
    }

    /// <summary>
    /// Adds a judge to the panel that checks directional relation rows (<see cref="Change.Differs"/>),
    /// replacing the default <see cref="TokenF1ChangeJudge"/>. Typically an <see cref="EquivalenceJudge"/>
    /// with <see cref="EquivalenceJudge.ExpectEquivalent"/> set to false.
    /// </summary>
    /// <param name="judge">The judge; it passes when the outputs differ.</param>
    /// <returns>This setup.</returns>
    public EvalSetup AddChangeJudge(IJudge judge)
    {
        ArgumentNullException.ThrowIfNull(judge);
        Services.AddKeyedSingleton(JudgeRoles.Change, judge);
        return this;
    }
}
