using Directory.Core.Staff;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import.Tests;

/// <summary><c>user add|remove|list</c>: staff accounts made from the command line, the only way to make them.</summary>
public sealed class UserCommandTests : IAsyncLifetime
{
    private readonly TemporaryDirectory folder = new();

    private string Database => folder.Database;

    public async ValueTask InitializeAsync() => await ImportedGeography.CopyToAsync(Database);

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AddPrintsAOneTimePasswordThatIdentityAcceptsAndStoresOnlyAsAHash()
    {
        var (exitCode, output, _) = await CommandLine.RunAsync("user", "add", "m.muster", "--db", Database);
        Assert.Equal(0, exitCode);
        var password = output.Trim().Split(' ').Last();
        Assert.Equal(20, password.Length);

        await using var db = DirectoryDatabase.CreateContext(Database);
        var user = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("m.muster", user.UserName);
        Assert.True(user.MustChangePassword);
        Assert.DoesNotContain(password, user.PasswordHash!);
        var hasher = new PasswordHasher<StaffUser>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash!, password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, password + "x"));

        // The password is printed once: the listing shows the state, never a password.
        var (_, listing, _) = await CommandLine.RunAsync("user", "list", "--db", Database);
        Assert.Contains("m.muster", listing);
        Assert.Contains("Einmal-Passwort noch nicht ersetzt", listing);
        Assert.DoesNotContain(password, listing);
    }

    [Fact]
    public async Task TwoAddsMakeDifferentPasswordsAndADuplicateNameIsRefused()
    {
        var (_, first, _) = await CommandLine.RunAsync("user", "add", "anna", "--db", Database);
        var (_, second, _) = await CommandLine.RunAsync("user", "add", "bernd", "--db", Database);
        Assert.NotEqual(first.Trim().Split(' ').Last(), second.Trim().Split(' ').Last());

        var (exitCode, _, error) = await CommandLine.RunAsync("user", "add", "anna", "--db", Database);
        Assert.Equal(ImportCommandLine.ExitInvalidInput, exitCode);
        Assert.Contains("Es gibt schon ein Konto „anna“.", error);

        var (badName, _, badError) = await CommandLine.RunAsync("user", "add", "anna müller", "--db", Database);
        Assert.Equal(ImportCommandLine.ExitInvalidInput, badName);
        Assert.Contains("ist kein gültiger Kontoname", badError);
    }

    [Fact]
    public async Task RemoveDeletesTheAccountAndNamesAnUnknownOne()
    {
        await CommandLine.RunAsync("user", "add", "carla", "--db", Database);
        var (exitCode, output, _) = await CommandLine.RunAsync("user", "remove", "carla", "--db", Database);
        Assert.Equal(0, exitCode);
        Assert.Contains("Konto „carla“ entfernt.", output);
        await using (var db = DirectoryDatabase.CreateContext(Database))
        {
            Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        }

        var (unknown, _, error) = await CommandLine.RunAsync("user", "remove", "carla", "--db", Database);
        Assert.Equal(ImportCommandLine.ExitInvalidInput, unknown);
        Assert.Contains("Es gibt kein Konto „carla“.", error);
        var (_, empty, _) = await CommandLine.RunAsync("user", "list", "--db", Database);
        Assert.Contains("Es gibt noch kein Konto", empty);
    }

    [Fact]
    public async Task AMissingDatabaseIsAUsageError()
    {
        var (exitCode, _, error) = await CommandLine.RunAsync("user", "list", "--db", folder.File("fehlt.gpkg"));
        Assert.Equal(ImportCommandLine.ExitUsage, exitCode);
        Assert.Contains("fehlt.gpkg", error);
    }
}
