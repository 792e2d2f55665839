using Directory.Api.Texts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Directory.Api.Problems;

/// <summary>Builds the Api's problem responses, each naming the parameter that caused it in <c>errors</c>.</summary>
public static class ApiProblems
{
    /// <summary>400: the parameters in <paramref name="errors"/> are missing or invalid.</summary>
    public static ValidationProblem InvalidParameters(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, ApiTexts.InvalidParameterDetail, type: ProblemTypes.InvalidParameter,
            title: ApiTexts.InvalidParameterTitle);

    /// <summary>A problem with another status that still names the parameter responsible.</summary>
    public static ProblemHttpResult ForParameter(int status, string type, string title, string detail,
        IEnumerable<string> parameters, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(parameters.ToDictionary(p => p, _ => new[] { message }))
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = detail,
        });
}
