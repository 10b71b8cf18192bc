namespace EvalSpec.Generators.Model;

/// <summary>
/// What the generator emits for one [Eval] method: its rows when it has no errors (<paramref name="Spec"/>), else one
/// test that fails with the errors (<paramref name="NotGeneratedTest"/>). Exactly one is set; a method for which the
/// failing test could not be declared either (its class is not partial, is generic or is not a class) has no model.
/// </summary>
internal sealed record EvalMethodModel(EvalMethodSpec? Spec, NotGeneratedTestSpec? NotGeneratedTest);
