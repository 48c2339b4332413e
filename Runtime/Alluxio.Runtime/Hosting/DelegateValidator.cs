using Microsoft.Extensions.Options;

namespace Alluxio.Runtime.Hosting;

/// <summary>Validates options with the options class's own Validate method, failing start-up with every problem listed.</summary>
public sealed class DelegateValidator<TOptions>(Func<TOptions, IEnumerable<string>> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = validate(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
