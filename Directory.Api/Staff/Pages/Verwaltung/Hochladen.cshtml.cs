using Directory.Api.Security;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>The upload form: the file is checked with a dry run and kept for the preview.</summary>
public sealed class UploadModel(ListUploads uploads, IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool Merge { get; set; }

    [BindProperty]
    public bool SkipInvalid { get; set; }

    public string? Error { get; private set; }

    public int MaxMegabytes => security.Value.MaxUploadMegabytes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await uploads.StageAsync(Upload, Merge ? ListImportMode.Merge : ListImportMode.Replace, SkipInvalid,
            User.Identity!.Name!, cancellationToken);
        if (outcome.StagedId is not null)
        {
            return Redirect($"/verwaltung/vorschau/{outcome.StagedId}");
        }

        Error = outcome.Error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
