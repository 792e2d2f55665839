using Directory.Core.Staff;
using Directory.Core.Staff.Accounts;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import.Tests;

/// <summary><c>user add|reset|remove|list</c>: staff accounts made from the command line, the only way to make them.</summary>
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
    public async Task AOneTimePasswordExpiresAndResetIssuesANewOne()
    {
        var (exitCode, output, _) = await CommandLine.RunAsync("user", "add", "d.dorn", "--valid-hours", "2", "--db", Database);
        Assert.Equal(0, exitCode);
        var first = output.Trim().Split(' ').Last();
        var cancel = TestContext.Current.CancellationToken;
        DateTime expires;
        await using (var db = DirectoryDatabase.CreateContext(Database))
        {
            expires = (await db.Users.SingleAsync(cancel)).OneTimePasswordExpiresAtUtc!.Value;
        }

        Assert.InRange(expires, DateTime.UtcNow.AddHours(2).AddMinutes(-1), DateTime.UtcNow.AddHours(2));
        Assert.Contains($"gültig bis {expires.ToLocalTime():dd.MM.yyyy HH:mm} Uhr", output);

        // Expired and locked: the listing says so, and reset gives a new password with the default validity.
        string stampBefore;
        await using (var db = DirectoryDatabase.CreateContext(Database))
        {
            var user = await db.Users.SingleAsync(cancel);
            user.OneTimePasswordExpiresAtUtc = DateTime.UtcNow.AddMinutes(-5);
            stampBefore = user.SecurityStamp!;
            await db.SaveChangesAsync(cancel);
        }

        Assert.Contains("Einmal-Passwort abgelaufen", (await CommandLine.RunAsync("user", "list", "--db", Database)).Output);
        await using (var db = DirectoryDatabase.CreateContext(Database))
        {
            var user = await db.Users.SingleAsync(cancel);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            user.AccessFailedCount = 3;
            await db.SaveChangesAsync(cancel);
        }

        var (resetExit, resetOutput, _) = await CommandLine.RunAsync("user", "reset", "d.dorn", "--db", Database);

        Assert.Equal(0, resetExit);
        var second = resetOutput.Trim().Split(' ').Last();
        Assert.NotEqual(first, second);
        Assert.Contains("Neues Einmal-Passwort für „d.dorn“", resetOutput);
        await using (var db = DirectoryDatabase.CreateContext(Database))
        {
            var user = await db.Users.SingleAsync(cancel);
            var hasher = new PasswordHasher<StaffUser>();
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash!, second));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, first));
            Assert.True(user.MustChangePassword);
            Assert.Null(user.LockoutEnd);
            Assert.Equal(0, user.AccessFailedCount);
            Assert.NotEqual(stampBefore, user.SecurityStamp);
            Assert.InRange(user.OneTimePasswordExpiresAtUtc!.Value, DateTime.UtcNow.AddHours(StaffIdentity.DefaultOneTimePasswordHours - 1),
                DateTime.UtcNow.AddHours(StaffIdentity.DefaultOneTimePasswordHours));
        }

        Assert.Contains("Einmal-Passwort noch nicht ersetzt", (await CommandLine.RunAsync("user", "list", "--db", Database)).Output);
        var (badHours, _, badError) = await CommandLine.RunAsync("user", "reset", "d.dorn", "--valid-hours", "0", "--db", Database);
        Assert.Equal(ImportCommandLine.ExitUsage, badHours);
        Assert.Contains("--valid-hours muss eine ganze Zahl von 1 bis 720 sein", badError);
        var (unknown, _, unknownError) = await CommandLine.RunAsync("user", "reset", "niemand", "--db", Database);
        Assert.Equal(ImportCommandLine.ExitInvalidInput, unknown);
        Assert.Contains("Es gibt kein Konto „niemand“.", unknownError);
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
