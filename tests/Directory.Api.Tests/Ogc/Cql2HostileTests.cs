using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CsCheck;
using Directory.Api.Ogc.Filters;

namespace Directory.Api.Tests.Ogc;

/// <summary>
/// Issue 32: filters an attacker would send. Nesting that made the parser recurse until the process died, expressions
/// too large to test on every feature, LIKE patterns that backtrack, and generated trees of the CQL2 grammar (text and
/// JSON: deep, wide, malformed): each gets a 400 problem naming <c>filter</c>, never a 5xx, and the service answers
/// the next request.
/// </summary>
public sealed class Cql2HostileTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DirectoryApiFactory factory = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PermitsPerMinute", "0");
        client = factory.CreateClient();
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> FilterAsync(string filter, string language = "cql2-text")
    {
        using var response = await client.GetAsync(
            $"/ogc/collections/gemeinden/items?limit=1&filter-lang={language}&filter={Uri.EscapeDataString(filter)}", Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task AssertRefusedAsync(string filter, string language, string says)
    {
        var (status, body) = await FilterAsync(filter, language);
        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {body[..Math.Min(body.Length, 300)]}");
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("filter")[0].GetString()!;
        Assert.Contains(says, message, StringComparison.Ordinal);
        // The service is still there.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ogc/collections/gemeinden/items?limit=1", Cancel)).StatusCode);
    }

    private static string Brackets(int n) => new string('(', n) + "name='x'" + new string(')', n);

    [Fact]
    public async Task FiveThousandBracketsAreRefusedBeforeParsing() // 2,500 opening and 2,500 closing
    {
        // Before this change: "Stack overflow", the test host gone with it.
        await AssertRefusedAsync(Brackets(2500), "cql2-text", "zu tief verschachtelt");
        await AssertRefusedAsync(string.Concat(Enumerable.Repeat("NOT ", 2000)) + "name='x'", "cql2-text", "zu tief verschachtelt");
        await AssertRefusedAsync("S_INTERSECTS(geometry, POLYGON" + new string('(', 3000) + "7 51" + new string(')', 3000) + ")", "cql2-text",
            "zu tief verschachtelt");
        var json = string.Concat(Enumerable.Repeat("""{"op":"not","args":[""", 400)) + "true" + string.Concat(Enumerable.Repeat("]}", 400));
        await AssertRefusedAsync(json, "cql2-json", "zu tief verschachtelt");
    }

    [Fact]
    public async Task NestingUpToTheLimitIsRead()
    {
        var (status, body) = await FilterAsync(Brackets(Cql2Limits.Default.Depth - 1));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Throws<Cql2Exception>(() => Cql2TextParser.Read(Brackets(Cql2Limits.Default.Depth + 1)));
    }

    [Fact]
    public async Task ExpressionsLargerThanTheCapsAreRefused()
    {
        var box = "S_INTERSECTS(geometry, BBOX(6,50,8,52))";
        await AssertRefusedAsync(string.Join(" AND ", Enumerable.Repeat(box, 11)), "cql2-text", "räumliche Bedingungen");
        await AssertRefusedAsync($"name IN ({string.Join(',', Enumerable.Range(0, 501).Select(i => $"'{i}'"))})", "cql2-text", "IN-Listen");
        await AssertRefusedAsync(string.Join(" OR ", Enumerable.Repeat("name LIKE 'O%'", 51)), "cql2-text", "LIKE-Bedingungen");
        await AssertRefusedAsync(string.Join(" OR ", Enumerable.Range(0, 400).Select(i => $"einwohner = {i}")), "cql2-text", "zu groß");
        await AssertRefusedAsync(new string(' ', 10_001) + "TRUE", "cql2-text", "höchstens 10000 Zeichen");

        // 150 clauses, as a heavy but fair client sends them, are answered.
        var fair = string.Join(" OR ", Enumerable.Range(0, 150).Select(i => $"einwohner > {i * 1000}"));
        var (status, body) = await FilterAsync(fair);
        Assert.True(status == HttpStatusCode.OK, body);
    }

    [Theory]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":["a",1,2,3]}]}""")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[null,1,2,3]}]}""")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[[1],1,2,3]}]}""")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":"x"}]}""")]
    [InlineData("""{"op":"isNull","args":[{"property":"unbekannt"}]}""")] // found by the generator: a 500 before
    public async Task MalformedJsonGeometriesAreA400(string filter)
    {
        var (status, body) = await FilterAsync(filter, "cql2-json");
        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {body}");
    }

    [Fact]
    public async Task ABacktrackingLikePatternIsMatchedInLinearTime()
    {
        // "%a%a%a…%b" against a long run of a's: exponential for a backtracking engine, which the old 100 ms time-out
        // turned into a 500. The Gemeinde names are short; the long value is tested directly on the pattern.
        var pattern = string.Concat(Enumerable.Repeat("%a", 30)) + "%b";
        var (status, body) = await FilterAsync($"name LIKE '{pattern}'");
        Assert.True(status == HttpStatusCode.OK, body);
        // Timed without the request (whose first call in a class may wait for a loaded machine's service to start).
        var watch = Stopwatch.StartNew();
        Assert.False(new Cql2LikePattern(pattern).Matches(new string('a', 100_000)));
        Assert.True(new Cql2LikePattern(pattern).Matches(new string('a', 100_000) + "b"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed}");
    }

    [Fact]
    public void TheLikeMatcherAgreesWithARegularExpressionOnGeneratedPatterns()
    {
        // The reference: LIKE as a regular expression (fine on values this short).
        static string Reference(string pattern)
        {
            var regex = new System.Text.StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                regex.Append(c == '\\' && i + 1 < pattern.Length
                    ? System.Text.RegularExpressions.Regex.Escape(pattern[++i].ToString())
                    : c switch { '%' => ".*", '_' => ".", _ => System.Text.RegularExpressions.Regex.Escape(c.ToString()) });
            }

            return regex.Append('$').ToString();
        }

        Gen.Select(Gen.OneOf('a', 'b', '%', '_', '\\').Array[0, 8], Gen.OneOf('a', 'b', '%', '_').Array[0, 10])
            .Sample((pattern, value) =>
            {
                var (p, v) = (new string(pattern), new string(value));
                Assert.Equal(System.Text.RegularExpressions.Regex.IsMatch(v, Reference(p), System.Text.RegularExpressions.RegexOptions.Singleline),
                    new Cql2LikePattern(p).Matches(v));
            }, iter: 20_000);
    }

    // The grammar's atoms: valid conditions of the gemeinden collection, and some that name what it has not.
    private static readonly string[] TextAtoms =
    [
        "name = 'Olpe'", "einwohner > 10000", "kreis IN ('05966','05970')", "einwohner BETWEEN 1 AND 20000", "name IS NULL",
        "name IS NOT NULL", "TRUE", "FALSE", "name LIKE '%a%a%a%a%a%b'", "name NOT LIKE 'O_pe'", "S_INTERSECTS(geometry, BBOX(6,50,8,52))",
        "S_INTERSECTS(geometry, POINT(7.8 51.0))", "S_INTERSECTS(geometry, POLYGON((6.8 50.8, 7.1 50.8, 7.1 51, 6.8 50.8)))",
        "unbekannt = 1", "geometry = 1", "name = 1e999", "einwohner < -0", "S_INTERSECTS(geometry, POLYGON((1 1, 2 2)))",
        "unbekannt IS NULL",
    ];

    private static readonly string[] JsonAtoms =
    [
        """{"op":"=","args":[{"property":"name"},"Olpe"]}""", """{"op":">","args":[{"property":"einwohner"},10000]}""",
        """{"op":"in","args":[{"property":"kreis"},["05966","05970"]]}""", """{"op":"like","args":[{"property":"name"},"%a%a%b"]}""",
        """{"op":"isNull","args":[{"property":"name"}]}""", "true", "false",
        """{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[6,50,8,52]}]}""",
        """{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[7.8,51]}]}""",
        """{"op":"between","args":[{"property":"einwohner"},1,2]}""", """{"op":"=","args":[{"property":"unbekannt"},1]}""",
        """{"op":"foo","args":[]}""", """{"op":"and","args":[true]}""", "{}", "[]", "null", "1",
    ];

    private static Gen<string> TextTree(int depth) => depth == 0
        ? Gen.OneOf(TextAtoms)
        : Gen.Frequency(
            (4, Gen.OneOf(TextAtoms)),
            (1, Gen.Select(TextTree(depth - 1), TextTree(depth - 1), Gen.OneOf("AND", "OR", "and", "Or"), (a, b, op) => $"({a} {op} {b})")),
            (1, TextTree(depth - 1).Select(a => $"NOT {a}")),
            (1, TextTree(depth - 1).Select(a => $"NOT ({a})")),
            (1, Gen.Select(TextTree(0), Gen.Int[1, 400], (a, n) => string.Join(" AND ", Enumerable.Repeat(a, n)))));

    private static Gen<string> JsonTree(int depth) => depth == 0
        ? Gen.OneOf(JsonAtoms)
        : Gen.Frequency(
            (4, Gen.OneOf(JsonAtoms)),
            (1, Gen.Select(JsonTree(depth - 1), JsonTree(depth - 1), Gen.OneOf("and", "or"), (a, b, op) => $$"""{"op":"{{op}}","args":[{{a}},{{b}}]}""")),
            (1, JsonTree(depth - 1).Select(a => $$"""{"op":"not","args":[{{a}}]}""")),
            (1, Gen.Select(JsonTree(0), Gen.Int[1, 400], (a, n) => $$"""{"op":"or","args":[{{string.Join(',', Enumerable.Repeat(a, n))}}]}""")));

    // Deep (thousands of brackets or NOTs around a tree), wide, or malformed (a slice cut out, a character put in).
    private static Gen<string> Hostile(Gen<string> tree, string open, string close, string[] noise) => Gen.Frequency(
        (3, tree),
        (1, Gen.Select(tree, Gen.Int[0, 6000], (t, n) => string.Concat(Enumerable.Repeat(open, n)) + t + string.Concat(Enumerable.Repeat(close, n)))),
        (2, Gen.Select(tree, Gen.Int[0, 1000], Gen.Int[0, 20], (t, at, length) =>
        {
            var start = Math.Min(at, t.Length);
            return t.Remove(start, Math.Min(length, t.Length - start));
        })),
        (2, Gen.Select(tree, Gen.Int[0, 1000], Gen.OneOf(noise), (t, at, c) => t.Insert(Math.Min(at, t.Length), c))));

    [Fact]
    public async Task GeneratedTextFiltersNeverGetA5xx() =>
        await Hostile(TextTree(5), "(", ")", ["(", ")", "'", "\"", ",", "NOT ", " AND", "%", "\\", "\0", "\u202e", "1e", "BBOX(", "POINT("])
            .SampleAsync(filter => AssertNo5xxAsync(filter, "cql2-text"), iter: 1500, threads: 1, print: f => f.Length > 300 ? f[..300] + "…" : f);

    [Fact]
    public async Task GeneratedJsonFiltersNeverGetA5xx() =>
        await Hostile(JsonTree(5), """{"op":"not","args":[""", "]}", ["{", "}", "[", "]", "\"", ",", ":", "\\", "null", "1e999", "\"bbox\":"])
            .SampleAsync(filter => AssertNo5xxAsync(filter, "cql2-json"), iter: 1500, threads: 1, print: f => f.Length > 300 ? f[..300] + "…" : f);

    private async Task AssertNo5xxAsync(string filter, string language)
    {
        var (status, body) = await FilterAsync(filter, language);
        Assert.True((int)status < 500, $"{status}: {body[..Math.Min(body.Length, 300)]}");
        if (status != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("filter", out _), body);
        }
    }
}
