namespace EvalSpec.Generators;

/// <summary>Names of the incremental pipeline steps, asserted on by the caching tests.</summary>
internal static class TrackingNames
{
    public const string EvalMethods = nameof(EvalMethods);
    public const string ValidEvalMethods = nameof(ValidEvalMethods);
    public const string ValidEvalClasses = nameof(ValidEvalClasses);
    public const string NotGeneratedTests = nameof(NotGeneratedTests);
    public const string PromptFiles = nameof(PromptFiles);
    public const string DataFiles = nameof(DataFiles);
    public const string ProjectDirectory = nameof(ProjectDirectory);
    public const string UserTestFramework = nameof(UserTestFramework);
    public const string TestFrameworkRegistration = nameof(TestFrameworkRegistration);
    public const string XunitFlavor = nameof(XunitFlavor);
    public const string UserParallelization = nameof(UserParallelization);
    public const string V3Registration = nameof(V3Registration);
}
