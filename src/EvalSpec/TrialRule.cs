namespace EvalSpec;

/// <summary>How a row with several trials (<see cref="EvalAttribute.Trials"/>) is decided.</summary>
public enum TrialRule
{
    /// <summary>pass^k: every trial must pass.</summary>
    AllPass = 0,

    /// <summary>pass@k: at least one trial must pass.</summary>
    AnyPass = 1,

    /// <summary>The share of passing trials must reach <see cref="EvalAttribute.PassRate"/>.</summary>
    PassRate = 2,
}
