using System.Net;
using System.Text.Json;

namespace Directory.Api.Tests;

/// <summary>Checks that a response is an RFC 9457 problem document of the expected status and type.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? type = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (type is not null)
        {
            Assert.Equal(type, problem.GetProperty("type").GetString());
        }

        return problem;
    }

    /// <summary>The problem names <paramref name="parameter"/> in its <c>errors</c>.</summary>
    public static async Task<JsonElement> NamesParameterAsync(HttpResponseMessage response, HttpStatusCode status, string type,
        string parameter)
    {
        var problem = await IsProblemAsync(response, status, type);
        var messages = problem.GetProperty("errors").GetProperty(parameter);
        Assert.NotEqual(0, messages.GetArrayLength());
        return problem;
    }
}
