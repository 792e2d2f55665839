using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Directory.Core.Geo;
using Directory.Core.Managers;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Tests.Ogc;

/// <summary>
/// QGIS (Debian's python3-qgis, run headless) adds each collection of the running service as an OGC API – Features
/// layer, as a person does with "Layer → Add WFS / OGC API – Features Layer", and reads every feature: the counts
/// must be the database's, and a layer read with a spatial filter must have the features the database has in the box.
/// </summary>
public sealed partial class QgisOapifTests(KestrelApiFixture server) : IClassFixture<KestrelApiFixture>
{
    private const string Python = "/usr/bin/python3";

    // Adds each named collection as an OAPIF layer, reads all its features and those in a box (lon/lat), prints both.
    private const string Script = """
        import os, sys
        from qgis.core import QgsApplication, QgsVectorLayer, QgsRectangle, QgsFeatureRequest
        app = QgsApplication([], False)
        app.initQgis()
        base, box = sys.argv[1], [float(v) for v in sys.argv[2].split(',')]
        for name in sys.argv[3:]:
            layer = QgsVectorLayer(f"url='{base}' typename='{name}'", name, 'OAPIF')
            if not layer.isValid():
                print(f'{name} invalid {layer.error().summary()}')
                continue
            every = sum(1 for _ in layer.getFeatures())
            inside = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(QgsRectangle(*box))))
            print(f'{name} valid {every} {inside}')
        sys.stdout.flush()
        # QGIS 3.22 may crash while it tears down headless; the answers are out.
        os._exit(0)
        """;

    private static readonly double[] Box = [7.7, 50.9, 8.1, 51.2];

    [GeneratedRegex(@"^(\w+) (valid|invalid) ?(\d+)? ?(\d+)?", RegexOptions.Multiline)]
    private static partial Regex LayerLine();

    [Fact]
    public async Task QgisAddsEveryCollectionWithTheDatabaseCountsAndFiltersByBox()
    {
        RequireQgis();
        using var folder = new TemporaryDirectory();
        var script = folder.File("oapif.py");
        await File.WriteAllTextAsync(script, Script, TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                script, server.BaseAddress.TrimEnd('/') + "/ogc", string.Join(',', Box.Select(v => v.ToString(CultureInfo.InvariantCulture))),
                "gemeinden", "kreise", "regierungsbezirke", "familienmanager",
            },
        };
        start.Environment["QT_QPA_PLATFORM"] = "offscreen";
        start.Environment["HOME"] = folder.Path; // QGIS writes its profile there
        using var qgis = Process.Start(start)!;
        var output = qgis.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = qgis.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await qgis.WaitForExitAsync(TestContext.Current.CancellationToken);
        var layers = LayerLine().Matches(await output).ToDictionary(m => m.Groups[1].Value);
        Assert.True(qgis.ExitCode == 0 && layers.Count == 4, $"QGIS (exit code {qgis.ExitCode}): {await output}\n{await errors}");

        var expected = await ExpectedAsync();
        foreach (var (name, (every, inside)) in expected)
        {
            var line = layers[name];
            Assert.True(line.Groups[2].Value == "valid", $"QGIS cannot add {name}: {line.Value}");
            Assert.Equal(every, int.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture));
            if (inside is { } count)
            {
                Assert.Equal(count, int.Parse(line.Groups[4].Value, CultureInfo.InvariantCulture));
            }
        }

        var managersInBox = int.Parse(layers["familienmanager"].Groups[4].Value, CultureInfo.InvariantCulture);
        Assert.True(managersInBox > 0 && managersInBox < expected["familienmanager"].Every);
        Assert.InRange(int.Parse(layers["gemeinden"].Groups[4].Value, CultureInfo.InvariantCulture), 1, 395);
    }

    /// <summary>From the database: every region, the public entries, and the public entries whose point lies in the box.</summary>
    private async Task<Dictionary<string, (int Every, int? Inside)>> ExpectedAsync()
    {
        await using var db = DirectoryDatabase.CreateContext(server.Factory.Database);
        var cancel = TestContext.Current.CancellationToken;
        var visible = (await db.FamilyManagers.AsNoTracking().ToListAsync(cancel)).Where(m => m.IsPublic).ToList();
        var inBox = visible.Count(m =>
        {
            var (lon, lat) = Reprojector.Transform(m.Location.X, m.Location.Y, Crs.Etrs89Utm32N, Crs.Wgs84);
            return lon >= Box[0] && lat >= Box[1] && lon <= Box[2] && lat <= Box[3];
        });
        return new()
        {
            ["gemeinden"] = (await db.Municipalities.CountAsync(cancel), null),
            ["kreise"] = (await db.Districts.CountAsync(cancel), null),
            ["regierungsbezirke"] = (await db.GovernmentRegions.CountAsync(cancel), null),
            ["familienmanager"] = (visible.Count, inBox),
        };
    }

    private static void RequireQgis()
    {
        var available = File.Exists(Python) && Process.Start(new ProcessStartInfo(Python, ["-c", "import qgis.core"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) is { } probe && probe.WaitForExit(60_000) && probe.ExitCode == 0;
        if (available)
        {
            return;
        }

        const string message = "QGIS's Python bindings are not installed (Debian package python3-qgis; tests/run installs it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }
}
