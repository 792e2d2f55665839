using System.CommandLine;
using System.Globalization;
using Directory.Core.Staff;
using Directory.Core.Staff.Accounts;
using Directory.Core.Storage;
using Directory.Import.Texts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Import;

/// <summary>
/// <c>Directory.Import user add|reset|remove|list</c>: the staff accounts of the administration area. The only way to make
/// an account: there is no default one and no sign-up page.
/// </summary>
internal static class UserCommand
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static Command Create()
    {
        var command = new Command("user", CliTexts.UserDescription);
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Reset());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = CliTexts.UserNameDescription };
        var validHours = ValidHoursOption();
        var db = ImportCommandLine.DatabaseOption();
        var command = new Command("add", CliTexts.UserAddDescription) { name, validHours, db };
        command.SetAction((parseResult, cancellationToken) => WithUserManagerAsync(parseResult, db, async (users, output, error) =>
        {
            if (await ValidHoursAsync(parseResult, validHours, error) is not { } hours)
            {
                return ImportCommandLine.ExitUsage;
            }

            var password = StaffIdentity.GenerateOneTimePassword();
            var user = new StaffUser
            {
                UserName = parseResult.GetValue(name)!.Trim(),
                MustChangePassword = true,
                CreatedAtUtc = DateTime.UtcNow,
                OneTimePasswordExpiresAtUtc = DateTime.UtcNow.AddHours(hours),
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync(StaffIdentity.Describe(result));
                return ImportCommandLine.ExitInvalidInput;
            }

            // The password goes to this terminal only, once; it is stored nowhere but as Identity's hash.
            await output.WriteLineAsync(string.Format(German, CliTexts.UserAdded, user.UserName, password,
                user.OneTimePasswordExpiresAtUtc.Value.ToLocalTime()));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Reset()
    {
        var name = new Argument<string>("NAME") { Description = CliTexts.UserNameDescription };
        var validHours = ValidHoursOption();
        var db = ImportCommandLine.DatabaseOption();
        var command = new Command("reset", CliTexts.UserResetDescription) { name, validHours, db };
        command.SetAction((parseResult, cancellationToken) => WithUserManagerAsync(parseResult, db, async (users, output, error) =>
        {
            if (await ValidHoursAsync(parseResult, validHours, error) is not { } hours)
            {
                return ImportCommandLine.ExitUsage;
            }

            var userName = parseResult.GetValue(name)!.Trim();
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                await error.WriteLineAsync(string.Format(CliTexts.UserNotFound, userName));
                return ImportCommandLine.ExitInvalidInput;
            }

            // A new one-time password only: the policy validators (length, common passwords) are for chosen ones.
            var password = StaffIdentity.GenerateOneTimePassword();
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            user.MustChangePassword = true;
            user.OneTimePasswordExpiresAtUtc = DateTime.UtcNow.AddHours(hours);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            // A new security stamp ends every session of the account at its next request.
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync(StaffIdentity.Describe(result));
                return ImportCommandLine.ExitDatabaseError;
            }

            await output.WriteLineAsync(string.Format(German, CliTexts.UserReset, user.UserName, password,
                user.OneTimePasswordExpiresAtUtc.Value.ToLocalTime()));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Option<int> ValidHoursOption() => new("--valid-hours")
    {
        Description = CliTexts.UserValidHoursDescription,
        DefaultValueFactory = _ => StaffIdentity.DefaultOneTimePasswordHours,
    };

    private static async Task<int?> ValidHoursAsync(ParseResult parseResult, Option<int> option, TextWriter error)
    {
        var hours = parseResult.GetValue(option);
        if (hours is >= 1 and <= StaffIdentity.MaxOneTimePasswordHours)
        {
            return hours;
        }

        await error.WriteLineAsync(string.Format(CliTexts.UserValidHoursInvalid, hours));
        return null;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("NAME") { Description = CliTexts.UserNameDescription };
        var db = ImportCommandLine.DatabaseOption();
        var command = new Command("remove", CliTexts.UserRemoveDescription) { name, db };
        command.SetAction((parseResult, cancellationToken) => WithUserManagerAsync(parseResult, db, async (users, output, error) =>
        {
            var userName = parseResult.GetValue(name)!.Trim();
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                await error.WriteLineAsync(string.Format(CliTexts.UserNotFound, userName));
                return ImportCommandLine.ExitInvalidInput;
            }

            var result = await users.DeleteAsync(user);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync(StaffIdentity.Describe(result));
                return ImportCommandLine.ExitDatabaseError;
            }

            await output.WriteLineAsync(string.Format(CliTexts.UserRemoved, userName));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command List()
    {
        var db = ImportCommandLine.DatabaseOption();
        var command = new Command("list", CliTexts.UserListDescription) { db };
        command.SetAction((parseResult, cancellationToken) => WithUserManagerAsync(parseResult, db, async (users, output, _) =>
        {
            var accounts = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                await output.WriteLineAsync(CliTexts.UserListEmpty);
                return 0;
            }

            foreach (var account in accounts)
            {
                var state = account.LockoutEnd > DateTimeOffset.UtcNow ? CliTexts.UserStateLocked
                    : StaffIdentity.OneTimePasswordExpired(account, DateTime.UtcNow) ? CliTexts.UserStateOneTimePasswordExpired
                    : account.MustChangePassword ? CliTexts.UserStateOneTimePassword
                    : CliTexts.UserStateActive;
                await output.WriteLineAsync(string.Format(German, CliTexts.UserListLine, account.UserName, account.CreatedAtUtc.ToLocalTime(), state));
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> WithUserManagerAsync(ParseResult parseResult, Option<string> db,
        Func<UserManager<StaffUser>, TextWriter, TextWriter, Task<int>> action, CancellationToken cancellationToken)
    {
        var database = parseResult.GetValue(db)!;
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (!DirectoryDatabase.Exists(database))
        {
            await error.WriteLineAsync(string.Format(CliTexts.DatabaseMissing, DirectoryDatabase.Describe(database)));
            return ImportCommandLine.ExitUsage;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDirectoryDbContext(_ => database);
        services.AddStaffIdentityCore();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await DirectoryDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>(), cancellationToken);
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), output, error);
    }
}
