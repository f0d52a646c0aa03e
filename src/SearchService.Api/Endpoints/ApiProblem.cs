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

    /// <summary>Any status with what and where, and any further members (a position in the query, a limit).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Create(int status, string title, string detail, string? parameter = null, params (string Name, object? Value)[] more)
    {
        var extensions = new Dictionary<string, object?>();
        if (parameter is not null)
        {
            extensions["parameter"] = parameter;
        }

        foreach (var (name, value) in more)
        {
            extensions[name] = value;
        }

        return TypedResults.Problem(title: title, detail: detail, statusCode: status, extensions: extensions.Count == 0 ? null : extensions);
    }
}
