using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace SearchService.Api.Hosting;

/// <summary>
/// A request the framework itself refuses (a parameter that does not bind, such as page=abc or a
/// number too large for its type; a body over Kestrel's limit) becomes a ProblemDetails with the
/// framework's status and the parameter it names, instead of a bare 400 or, where the host throws
/// on bad requests (Development), a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;

    public BadRequestExceptionHandler(IProblemDetailsService problems) => _problems = problems;

    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var parameter = ParameterName().Match(bad.Message) is { Success: true } match ? match.Groups[1].Value : null;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Invalid request",
            Detail = parameter is null ? bad.Message : $"'{parameter}' has a value that is not of its type: {bad.Message}",
        };
        if (parameter is not null)
        {
            problem.Extensions["parameter"] = parameter;
        }

        return await _problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The parameter in the framework's message: Failed to bind parameter "int? page" from "x".</summary>
    [GeneratedRegex("parameter \"[^\"]*?\\s(\\w+)\"")]
    private static partial Regex ParameterName();
}
