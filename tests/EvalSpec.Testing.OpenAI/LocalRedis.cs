using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace EvalSpec.Testing.OpenAI;

/// <summary>
/// A real Redis for tests: Debian's <c>redis-server</c> on 127.0.0.1 on a free port, with no persistence and a temporary
/// folder, stopped (and its folder deleted) on dispose. (Here, next to the OpenAI-compatible server, so that the runtime and
/// the end-to-end tests share it.)
/// </summary>
public sealed class LocalRedis : IAsyncDisposable
{
    /// <summary>Set by .ci/run: a missing redis-server fails the Redis tests instead of skipping them.</summary>
    public const string RequireVariable = "EVALSPECDEV_REQUIRE_REDIS";

    private static readonly string[] Candidates = { "/usr/bin/redis-server", "/usr/local/bin/redis-server" };
    private Process? _process;
    private string? _folder;

    /// <summary>The redis-server executable, or null when it is not installed.</summary>
    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>The redis-cli next to it.</summary>
    public static string Cli => Path.Combine(Path.GetDirectoryName(Executable!)!, "redis-cli");

    /// <summary>The port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary><c>127.0.0.1:port</c>, as <c>Cache:Redis</c> takes it.</summary>
    public string Address => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the server is running (false after <see cref="Stop"/>).</summary>
    public bool Running => _process is { HasExited: false };

    /// <summary>Starts (or restarts) the server on a free port.</summary>
    /// <returns>Completes when the server answers PING.</returns>
    public async Task StartAsync()
    {
        if (Executable is null)
        {
            throw new InvalidOperationException($"redis-server is not installed ({string.Join(" or ", Candidates)}), and {RequireVariable}=1 requires the Redis tests to run: install Debian's redis-server package (.ci/run does).");
        }

        _folder ??= Directory.CreateTempSubdirectory("evalspec-redis-").FullName;
        for (int attempt = 0; ; attempt++)
        {
            Port = FreePort();
            var start = new ProcessStartInfo(Executable!)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = _folder,
            };
            foreach (string argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--protected-mode", "yes" })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            if (await AnswersAsync(TimeSpan.FromSeconds(20)))
            {
                return;
            }

            Stop();
            if (attempt == 2)
            {
                throw new InvalidOperationException($"redis-server did not start on 127.0.0.1:{Port} within 20 seconds (three tries).");
            }
        }
    }

    /// <summary>Stops the server (the tests of a Redis that goes away mid-run).</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Runs redis-cli against the server and returns its standard output.</summary>
    /// <param name="arguments">The redis-cli arguments after <c>-p port</c>.</param>
    /// <returns>Its standard output.</returns>
    public async Task<string> CliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Cli) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli {string.Join(" ", arguments)} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Stop();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private async Task<bool> AnswersAsync(TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && _process is { HasExited: false })
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                NetworkStream stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
                var buffer = new byte[16];
                int read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
