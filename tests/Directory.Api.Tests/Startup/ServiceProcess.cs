using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Directory.Core.Storage;
using Directory.Testing;

namespace Directory.Api.Tests.Startup;

/// <summary>The built service (Directory.Api.dll) as its own process on a free loopback port.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    private ServiceProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    public string Log { get { lock (log) { return log.ToString(); } } }

    public static ServiceProcess Start(string database, params string[] settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Directory.Api.dll"), "--urls", url,
                $"--ConnectionStrings:Directory={DirectoryDatabase.ToConnectionString(database)}",
                $"--Directory:GeographySource={RepositoryPaths.Data}", "--Directory:SeedList=", "--Directory:RefreshSeconds=1",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        return new ServiceProcess(Process.Start(start)!, url);
    }

    public async Task WaitUntilReadyAsync(HttpClient http, CancellationToken cancel)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"the service at {Url} stopped:\n{Log}");
            try
            {
                if ((await http.GetAsync(Url + "/api/health", cancel)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                // Listening, but the request waited at the ready gate longer than the client's timeout: the service
                // listens while it prepares the database and loads (docs/architecture.md), and on a busy test
                // machine that took more than 10 s once.
            }

            await Task.Delay(200, cancel);
        }

        Assert.Fail($"the service at {Url} did not answer within 60 s:\n{Log}");
    }

    /// <summary>
    /// Waits, at most a minute, for the process to end by itself (as on an unusable database) and returns its exit
    /// code and everything it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> WaitForExitAsync(CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the service did not stop within 60 s:\n{Log}");
        }

        // The parameterless wait also waits for the end of the redirected output.
        process.WaitForExit();
        return (process.ExitCode, Log);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or the OOM killer ends it.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
