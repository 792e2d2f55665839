using System.Text.RegularExpressions;
using Directory.Testing;

namespace Directory.Core.Tests.Architecture;

/// <summary>
/// Issue 33: the rules that keep one concern in one place, read from the sources (written code only: not bin, obj,
/// the compiled model or the migrations' designer files). Each rule is a function from a file to its violations, and
/// each is shown to find a violation in a made-up file, so that none passes by finding nothing.
/// The namespace cycles have their own test (<see cref="NamespaceCycleTests"/>).
/// </summary>
public sealed partial class ArchitectureTests
{
    private sealed record Source(string Path, string Text)
    {
        // The code without comments (line comments and XML documentation), so that prose about a rule is not a breach.
        public string Code { get; } = CommentLine().Replace(Text, "");
    }

    [GeneratedRegex(@"^\s*//.*$|(?<=[;{}),])\s*//(?!/).*$", RegexOptions.Multiline)]
    private static partial Regex CommentLine();

    private static IReadOnlyList<Source> Sources(params string[] projects) =>
        [.. projects.SelectMany(project => System.IO.Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, project), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'))
            .Where(path => !Regex.IsMatch(path, @"/(bin|obj)/|/CompiledModel/|\.Designer\.cs$|ModelSnapshot\.cs$"))
            .Order(StringComparer.Ordinal)
            .Select(path => new Source(path, File.ReadAllText(Path.Combine(RepositoryPaths.Root, path))))];

    private static IReadOnlyList<Source> Written => Sources("Directory.Core", "Directory.Api", "Directory.Import");

    private static void AssertNone(IEnumerable<string> violations, string rule)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{rule}:\n{string.Join("\n", list)}");
    }

    // ---- SQL only in Core/Storage ------------------------------------------------------------------------------

    [GeneratedRegex(@"CommandText|ExecuteSql|FromSql|SqlQuery|migrationBuilder\.Sql\(|""\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|PRAGMA)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Sql();

    private static IEnumerable<string> SqlOutsideStorage(Source file) =>
        file.Path.StartsWith("Directory.Core/Storage/", StringComparison.Ordinal) ? [] :
        Sql().Matches(file.Code).Select(m => $"{file.Path}: {m.Value.Trim()}");

    [Fact]
    public void SqlIsWrittenOnlyInStorage() => AssertNone(Written.SelectMany(SqlOutsideStorage), "SQL outside Directory.Core/Storage");

    [Fact]
    public void TheSqlRuleFindsSqlElsewhere() =>
        Assert.Single(SqlOutsideStorage(new("Directory.Core/Roads/Import/Store.cs", "command.CommandText = \"SELECT 1\";")).Take(1));

    // ---- no blocking waits ---------------------------------------------------------------------------------------

    [GeneratedRegex(@"\.GetAwaiter\(\)\s*\.GetResult\(\)|\.Wait\(\s*\)|Task\.WaitAll\(|Thread\.Sleep\(")]
    private static partial Regex BlockingWait();

    private static IEnumerable<string> BlockingWaits(Source file) =>
        BlockingWait().Matches(file.Code).Select(m => $"{file.Path}: {m.Value}");

    [Fact]
    public void NothingBlocksAThreadOnATask() =>
        AssertNone(Sources("Directory.Core", "Directory.Api").SelectMany(BlockingWaits), "blocking waits (await instead)");

    [Fact]
    public void TheBlockingRuleFindsAWait() =>
        Assert.NotEmpty(BlockingWaits(new("Directory.Core/Snapshot/X.cs", "var grid = cells.GetAwaiter().GetResult();")));

    // ---- one base address ----------------------------------------------------------------------------------------

    private const string BaseAddressFunction = "Directory.Api/Security/ReverseProxy.cs";

    [GeneratedRegex(@"[Rr]equest\.(Scheme|Host)\b")]
    private static partial Regex SchemeOrHost();

    private static IEnumerable<string> LinksFromTheRequest(Source file) =>
        file.Path == BaseAddressFunction ? [] : SchemeOrHost().Matches(file.Code).Select(m => $"{file.Path}: {m.Value}");

    [Fact]
    public void LinksComeFromTheOneBaseAddressFunction() =>
        AssertNone(Written.SelectMany(LinksFromTheRequest), $"Request.Scheme/Host outside {BaseAddressFunction} (use ReverseProxy.PublicBaseUrl)");

    [Fact]
    public void TheBaseAddressRuleFindsTheHostHeader() =>
        Assert.NotEmpty(LinksFromTheRequest(new("Directory.Api/Hsds/HsdsEndpoints.cs", "var root = $\"{request.Scheme}://{request.Host}\";")));

    // ---- small Api and road files ----------------------------------------------------------------------------------

    private const int MaxApiFileLines = 300;

    // The Api's files and the road network's (issue 34: one search core, no file over 300 lines).
    private static IEnumerable<string> LongApiFiles(Source file) =>
        (file.Path.StartsWith("Directory.Api/", StringComparison.Ordinal) || file.Path.StartsWith("Directory.Core/Roads/", StringComparison.Ordinal))
        && file.Text.Split('\n').Length - 1 > MaxApiFileLines
            ? [$"{file.Path}: {file.Text.Split('\n').Length - 1} lines"]
            : [];

    [Fact]
    public void NoApiOrRoadFileIsOver300Lines() => AssertNone(Written.SelectMany(LongApiFiles), $"Api and road files over {MaxApiFileLines} lines");

    [Fact]
    public void TheFileSizeRuleFindsALongFile()
    {
        Assert.NotEmpty(LongApiFiles(new("Directory.Api/Ogc/OgcEndpoints.cs", string.Concat(Enumerable.Repeat("x\n", 301)))));
        Assert.NotEmpty(LongApiFiles(new("Directory.Core/Roads/Import/OsmRoadReader.cs", string.Concat(Enumerable.Repeat("x\n", 301)))));
    }

    // ---- migrations are frozen -----------------------------------------------------------------------------------

    // A migration may use EF Core's builder and literal SQL; anything of the project's own (a layer helper, a list of
    // codes) changes with the code and would make an old migration do something new.
    [GeneratedRegex(@"using Directory\.|\b(GeoPackageLayers|GeoPackageFunctions|ImportHistory|ListTexts|Crs|RoadNetwork)\.")]
    private static partial Regex LiveCode();

    private static IEnumerable<string> MigrationsCallingLiveCode(Source file) =>
        Regex.IsMatch(file.Path, @"^Directory\.Core/Storage/(Postgis)?Migrations/")
            ? LiveCode().Matches(file.Code).Select(m => $"{file.Path}: {m.Value}")
            : [];

    [Fact]
    public void MigrationsCallOnlyGeneratedCodeAndLiteralSql() =>
        AssertNone(Written.SelectMany(MigrationsCallingLiveCode), "migrations calling the project's code");

    [Fact]
    public void TheMigrationRuleFindsACallIntoTheProject() =>
        Assert.NotEmpty(MigrationsCallingLiveCode(new("Directory.Core/Storage/Migrations/20260101_X.cs",
            "GeoPackageLayers.RegisterLayer(migrationBuilder, \"gemeinden\", \"MULTIPOLYGON\", 25832);")));

    // ---- German texts live in resources --------------------------------------------------------------------------

    // A string literal that reads as German: an umlaut, ß, German quotation marks, or one of the commonest words.
    [GeneratedRegex(@"\$?@?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"[äöüÄÖÜß„“]|\b(der|die|das|und|ist|nicht|kein|keine|für|mit|oder|erwartet|ungültig|Zeile|Spalte)\b")]
    private static partial Regex GermanWords();

    private static int GermanLiterals(Source file) =>
        StringLiteral().Matches(file.Code).Count(m => GermanWords().IsMatch(m.Value));

    /// <summary>
    /// The files that still hold German literals, with how many, until they move to resources (issue 33): a ratchet.
    /// A new file with one, or one more in a listed file, fails; so does one fewer, until the number here is lowered.
    /// The list format's column names and the source data's property names are German by nature and stay.
    /// </summary>
    private static readonly Dictionary<string, int> GermanLiteralsLeft = new(StringComparer.Ordinal)
    {
        // By nature: column names of the list format, the reference data's properties, a language's own name, the
        // German quotation marks that join a list of names.
        ["Directory.Core/Managers/Lists/ListExport.cs"] = 6,
        ["Directory.Core/Managers/Lists/ListSource.cs"] = 3,
        ["Directory.Core/Geography/FeaturePropertyReader.cs"] = 2,
        ["Directory.Api/PublicPages/PageLanguages.cs"] = 1,
        ["Directory.Api/Search/SearchEndpoints.cs"] = 1,
        ["Directory.Core/Managers/Lists/ListImporter.cs"] = 1,
        ["Directory.Core/Managers/Lists/ListRowReader.cs"] = 1,
        ["Directory.Api/Hsds/HsdsModel.cs"] = 1, // "Städteregion", how a region's own name begins
    };

    [Fact]
    public void GermanTextsAreInResources()
    {
        var found = Sources("Directory.Core", "Directory.Api")
            .Where(file => !Regex.IsMatch(file.Path, @"/(Postgis)?Migrations/"))
            .Select(file => (file.Path, Count: GermanLiterals(file)))
            .Where(f => f.Count > 0 || GermanLiteralsLeft.ContainsKey(f.Path))
            .ToDictionary(f => f.Path, f => f.Count, StringComparer.Ordinal);
        var differing = found.Where(f => GermanLiteralsLeft.GetValueOrDefault(f.Key) != f.Value)
            .Select(f => $"{f.Key}: {f.Value} German literals, {GermanLiteralsLeft.GetValueOrDefault(f.Key)} allowed").ToList();
        AssertNone(differing, "German literals outside resources (move them to a .resx; lower the list when one goes)");
    }

    [Fact]
    public void TheGermanRuleFindsAGermanLiteral() =>
        Assert.Equal(1, GermanLiterals(new("Directory.Api/X.cs", "throw new Cql2Exception(\"kein gültiges JSON\", \"Filter\");")));

    // ---- every concern folder has its place in docs/architecture.md ----------------------------------------------

    private static IEnumerable<string> UnlistedFolders(string architecture, IEnumerable<string> folders) =>
        folders.Where(folder => !architecture.Contains($"`{Path.GetFileName(folder)}`", StringComparison.Ordinal));

    [Fact]
    public void ArchitectureDocNamesEveryConcernFolder()
    {
        var architecture = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md"));
        var folders = new[] { "Directory.Core", "Directory.Api" }
            .SelectMany(project => System.IO.Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, project)))
            .Where(folder => Path.GetFileName(folder) is not ("bin" or "obj" or "Properties"))
            .Select(folder => Path.GetRelativePath(RepositoryPaths.Root, folder).Replace('\\', '/'));
        AssertNone(UnlistedFolders(architecture, folders), "folders not named in docs/architecture.md");
    }

    [Fact]
    public void TheFolderRuleFindsAnUnlistedFolder() =>
        Assert.Equal(["Directory.Api/Statistics"], UnlistedFolders("`Search`, `Coverage`", ["Directory.Api/Search", "Directory.Api/Statistics"]));

    // ---- the key rules live on RegionKey -------------------------------------------------------------------------

    // A key's level by its length, or its Kreis or Regierungsbezirk by its first digits, decided anywhere but
    // RegionKey: the AGS hierarchy coded again.
    [GeneratedRegex(@"\b([Kk]ey|area|[Aa]gs|AreaKey|digits|kreis|gemeinde)\.Length\s*(==|is|!=)\s*(8|5|3)\b|\b([Kk]ey|area|[Aa]gs|AreaKey|kreis|gemeinde)\[\.\.(5|3)\]")]
    private static partial Regex KeyRule();

    private static IEnumerable<string> KeyRulesElsewhere(Source file) =>
        file.Path == "Directory.Core/Geography/RegionKey.cs" ? [] : KeyRule().Matches(file.Code).Select(m => $"{file.Path}: {m.Value}");

    [Fact]
    public void TheKeyHierarchyIsCodedOnlyInRegionKey() =>
        AssertNone(Sources("Directory.Core", "Directory.Api").SelectMany(KeyRulesElsewhere), "AGS rules outside RegionKey");

    [Fact]
    public void TheKeyRuleFindsTheHierarchyCodedAgain() =>
        Assert.Equal(2, KeyRulesElsewhere(new("Directory.Api/Hsds/HsdsModel.cs", "var type = area.Key.Length == 8 ? a : b; var kreis = ags[..5];")).Count());
}
