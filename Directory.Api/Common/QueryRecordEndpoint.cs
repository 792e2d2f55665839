namespace Directory.Api.Common;

/// <summary>
/// Hands a handler with an <c>[AsParameters]</c> query record to minimal APIs as a plain <see cref="Delegate"/>, so
/// that the Request Delegate Generator leaves it to the runtime factory. The generator builds every other endpoint's
/// request delegate at compile time (0.15–0.25 s of a cold start on two cores), but its code for a query record does
/// not compile here: it names the record <c>Directory.Api.…</c> without <c>global::</c>, which in the generated
/// namespace means <c>System.IO.Directory</c> (CS0426), and a record's nullable constructor parameters give CS8639
/// (dotnet/aspnetcore#58953).
/// </summary>
public static class QueryRecordEndpoint
{
    /// <summary>The handler, typed as <see cref="Delegate"/> only.</summary>
    public static Delegate Of(Delegate handler) => handler;
}
