using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KycOcr.LocalHost;

/// <summary>Validates options needed before the container is built (the durable engine starts first).</summary>
internal static class OptionsCheck
{
    public static T Validated<T>(T options) where T : class
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new OptionsValidationException(typeof(T).Name, typeof(T), results.Select(r => r.ErrorMessage ?? "invalid"));
        return options;
    }
}
