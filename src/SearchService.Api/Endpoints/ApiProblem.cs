namespace SearchService.Api.Endpoints;

/// <summary>The service's RFC 7807 answers for bad requests: what was wrong, and where (the parameter or line).</summary>
public static class ApiProblem
{
    /// <summary>400: a parameter or body part is wrong.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadRequest(string title, string detail, string? parameter = null) =>
        Create(StatusCodes.Status400BadRequest, title, detail, parameter);

    /// <summary>404: no document with that id.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoDocument(string id) =>
        Create(StatusCodes.Status404NotFound, "No such document", $"There is no document with id '{id}'.", "id");

    /// <summary>Any status with what and where.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Create(int status, string title, string detail, string? parameter = null) =>
        TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: status,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });
}
