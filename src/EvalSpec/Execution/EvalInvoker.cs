using System.ComponentModel;
using System.Threading.Tasks;

namespace EvalSpec.Execution;

/// <summary>Adapts the return shapes eval methods may have to one. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EvalInvoker
{
    /// <summary>Awaits a <see cref="Task{TResult}"/> and boxes its result.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <param name="task">The method's task.</param>
    /// <returns>The output.</returns>
    public static async ValueTask<object?> FromTask<T>(Task<T> task) => await task.ConfigureAwait(false);

    /// <summary>Awaits a <see cref="ValueTask{TResult}"/> and boxes its result.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <param name="task">The method's task.</param>
    /// <returns>The output.</returns>
    public static async ValueTask<object?> FromValueTask<T>(ValueTask<T> task) => await task.ConfigureAwait(false);
}
