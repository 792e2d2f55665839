using System.Net;
using System.Text.RegularExpressions;
using Directory.Core.Staff;
using Directory.Core.Staff.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Staff;

/// <summary>
/// A client that uses the staff area as a browser does: cookies kept, no redirects followed (tests look at them),
/// forms posted with the antiforgery token read from the page that carries the form.
/// </summary>
internal sealed partial class StaffBrowser(HttpClient client)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public HttpClient Client { get; } = client;

    public static StaffBrowser For(DirectoryApiFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Makes an account as <c>Directory.Import user add</c> does and returns its one-time password.</summary>
    public static async Task<string> AddAccountAsync(DirectoryApiFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var password = StaffIdentity.GenerateOneTimePassword();
        var result = await users.CreateAsync(new StaffUser { UserName = name, MustChangePassword = true, CreatedAtUtc = DateTime.UtcNow }, password);
        Assert.True(result.Succeeded, StaffIdentity.Describe(result));
        return password;
    }

    /// <summary>A signed-in browser whose account has its own password.</summary>
    public static async Task<StaffBrowser> SignedInAsync(DirectoryApiFactory factory, string name)
    {
        var oneTime = await AddAccountAsync(factory, name);
        var browser = For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(name, oneTime)).StatusCode);
        var changed = await browser.PostFormAsync("/verwaltung/passwort", new()
        {
            ["CurrentPassword"] = oneTime,
            ["NewPassword"] = OwnPassword,
            ["RepeatPassword"] = OwnPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        return browser;
    }

    public const string OwnPassword = "Familienzeit im Sauerland 2026";

    public Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        PostFormAsync("/verwaltung/anmelden", new() { ["UserName"] = name, ["Password"] = password });

    /// <summary>The token of the form on <paramref name="pagePath"/>.</summary>
    public async Task<string> TokenAsync(string pagePath)
    {
        var page = await Client.GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"{pagePath} ({(int)page.StatusCode}) has no form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts <paramref name="fields"/> to the form on <paramref name="path"/> (token from the same page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? tokenPage = null)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(tokenPage ?? path);
        return await Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Uploads <paramref name="content"/> as <paramref name="fileName"/> through the upload form.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string fileName, byte[] content, bool merge = false, bool skipInvalid = false)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync("/verwaltung/hochladen")), "__RequestVerificationToken" },
            { new StringContent(merge ? "true" : "false"), "Merge" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        if (skipInvalid)
        {
            form.Add(new StringContent("true"), "SkipInvalid");
        }

        return await Client.PostAsync("/verwaltung/hochladen", form);
    }

    public async Task<string> TextAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
