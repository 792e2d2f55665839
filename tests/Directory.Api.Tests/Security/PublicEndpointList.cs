using System.Text.RegularExpressions;
using Directory.Testing;

namespace Directory.Api.Tests.Security;

/// <summary>The documented list of public endpoints: the table "Public endpoints" in docs/security.md.</summary>
internal static partial class PublicEndpointList
{
    [GeneratedRegex(@"^\| (?<methods>[A-Z, ]+) \| `(?<route>[^`]+)` \|")]
    private static partial Regex RowPattern();

    /// <summary>(method, normalised route) pairs.</summary>
    public static IReadOnlySet<(string Method, string Route)> Read()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "security.md"));
        var section = text[text.IndexOf("### Public endpoints", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        var rows = new HashSet<(string, string)>();
        foreach (var line in section.Split('\n'))
        {
            var match = RowPattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            foreach (var method in match.Groups["methods"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                rows.Add((method, Normalise(match.Groups["route"].Value)));
            }
        }

        return rows;
    }

    /// <summary>"/ogc/" and "ogc" are one route; parameter constraints ("{id:int}") do not matter.</summary>
    public static string Normalise(string route) =>
        "/" + ConstraintPattern().Replace(route.Trim('/'), "}").ToLowerInvariant();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex ConstraintPattern();
}
