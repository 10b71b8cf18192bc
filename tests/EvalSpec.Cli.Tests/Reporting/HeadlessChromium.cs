using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Cli.Tests.Reporting;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket on 127.0.0.1, no Node and no
/// driver package): navigate, evaluate script, click and type with real input events, take screenshots, and collect the
/// page's uncaught errors.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private readonly StringBuilder _stderr;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private HeadlessChromium(Process process, ClientWebSocket socket, StringBuilder stderr)
    {
        _process = process;
        _stderr = stderr;
        _socket = socket;
        _receiver = Task.Run(ReceiveAsync);
    }

    /// <summary>Uncaught exceptions and console errors of the page so far.</summary>
    public IReadOnlyList<string> Errors => _errors.ToArray();

    /// <summary>Starts Chromium with a fresh profile in <paramref name="profile"/> and attaches to its first page.</summary>
    public static async Task<HeadlessChromium> StartAsync(string profile, int width = 1400, int height = 900)
    {
        string chromium = Chromium.Path
            ?? throw new InvalidOperationException($"{ChromiumFactAttribute.RequireVariable}=1 but Chromium is not installed ({string.Join(" or ", Chromium.Candidates)}); install Debian's chromium package.");
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[]
        {
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
            "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--window-size={width},{height}"), "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            // Chromium writes the port it chose, and the browser's path, to DevToolsActivePort in the profile.
            string portFile = Path.Combine(profile, "DevToolsActivePort");
            var clock = Stopwatch.StartNew();
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (process.HasExited || clock.Elapsed > Patience)
                {
                    throw new InvalidOperationException($"Chromium did not open its DevTools port (exit: {(process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running")}): {stderr}");
                }

                await Task.Delay(50);
            }

            string port = File.ReadAllLines(portFile)[0].Trim();
            using var http = new HttpClient { Timeout = Patience };
            string? page = null;
            while (page is null)
            {
                JsonArray targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
                page = targets.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
                if (page is null)
                {
                    await Task.Delay(50);
                }
            }

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var connect = new CancellationTokenSource(Patience);
            await socket.ConnectAsync(new Uri(page), connect.Token);
            var browser = new HeadlessChromium(process, socket, stderr);

            await browser.SendAsync("Page.enable");
            await browser.SendAsync("Runtime.enable");
            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false });
            return browser;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        JsonElement result = await SendAsync("Page.navigate", new { url });
        if (result.TryGetProperty("errorText", out JsonElement error))
        {
            throw new InvalidOperationException($"Chromium could not open {url}: {error.GetString()}");
        }

        await _loaded.Task.WaitAsync(Patience);
    }

    /// <summary>The value of a script expression (awaited when it is a promise), as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        JsonElement result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out JsonElement exception))
        {
            throw new InvalidOperationException($"The page's script threw evaluating {expression}: {exception}");
        }

        JsonElement value = result.GetProperty("result");
        return value.TryGetProperty("value", out JsonElement v) ? v.Clone() : default;
    }

    public async Task<string?> TextAsync(string expression)
    {
        JsonElement value = await EvaluateAsync(expression);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Undefined || value.ValueKind == JsonValueKind.Null ? null : value.ToString();
    }

    /// <summary>Waits until <paramref name="condition"/> (a script expression) is true.</summary>
    public async Task WaitForAsync(string condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            JsonElement value = await EvaluateAsync($"!!({condition})");
            if (value.ValueKind == JsonValueKind.True)
            {
                return;
            }

            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what} ({condition}); page errors: {string.Join(" | ", Errors)}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Clicks the middle of the first element matching <paramref name="selector"/> with real mouse events.</summary>
    public async Task ClickAsync(string selector)
    {
        string quoted = JsonSerializer.Serialize(selector);
        JsonElement box = await EvaluateAsync(
            $"(function () {{ var e = document.querySelector({quoted}); if (!e) {{ return null; }} e.scrollIntoView({{ block: 'center', inline: 'center' }}); var r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height]; }})()");
        if (box.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"Nothing on the page matches {selector}.");
        }

        double x = box[0].GetDouble(), y = box[1].GetDouble();
        if (box[2].GetDouble() <= 0 || box[3].GetDouble() <= 0)
        {
            throw new InvalidOperationException($"{selector} is not visible (it has no size).");
        }

        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y });
        await SendAsync("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", clickCount = 1 });
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", clickCount = 1 });
    }

    /// <summary>Chooses <paramref name="value"/> in a select element, as a person would (the change event fires).</summary>
    public async Task SelectAsync(string selector, string value)
    {
        string quoted = JsonSerializer.Serialize(selector);
        JsonElement done = await EvaluateAsync(
            $"(function () {{ var s = document.querySelector({quoted}); if (!s) {{ return 'missing'; }} var found = Array.prototype.some.call(s.options, function (o) {{ return o.value === {JsonSerializer.Serialize(value)}; }}); if (!found) {{ return 'no option'; }} s.focus(); s.value = {JsonSerializer.Serialize(value)}; s.dispatchEvent(new Event('change', {{ bubbles: true }})); return 'ok'; }})()");
        if (done.GetString() != "ok")
        {
            throw new InvalidOperationException($"Cannot choose {value} in {selector}: {done.GetString()}.");
        }
    }

    /// <summary>Types <paramref name="text"/> into the element, as keyboard input.</summary>
    public async Task TypeAsync(string selector, string text)
    {
        await ClickAsync(selector);
        await SendAsync("Input.insertText", new { text });
    }

    public async Task PressAsync(string key, string code, int keyCode)
    {
        await SendAsync("Input.dispatchKeyEvent", new { type = "keyDown", key, code, windowsVirtualKeyCode = keyCode });
        await SendAsync("Input.dispatchKeyEvent", new { type = "keyUp", key, code, windowsVirtualKeyCode = keyCode });
    }

    /// <summary>A PNG of what is in the window now.</summary>
    public async Task ScreenshotAsync(string path)
    {
        JsonElement shot = await SendAsync("Page.captureScreenshot", new { format = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        byte[] message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        try
        {
            return await reply.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {Patience.TotalSeconds:0} s. Its errors: {Stderr()}");
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closing.
        }
        finally
        {
            foreach (TaskCompletionSource<JsonElement> pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException("Chromium closed the DevTools connection. Its errors: " + Stderr()));
            }
        }
    }

    private void Dispatch(byte[] message)
    {
        using JsonDocument document = JsonDocument.Parse(message);
        JsonElement root = document.RootElement;
        if (root.TryGetProperty("id", out JsonElement id) && _pending.TryRemove(id.GetInt32(), out TaskCompletionSource<JsonElement>? reply))
        {
            if (root.TryGetProperty("error", out JsonElement error))
            {
                reply.TrySetException(new InvalidOperationException("DevTools error: " + error));
            }
            else
            {
                reply.TrySetResult(root.GetProperty("result").Clone());
            }

            return;
        }

        switch (root.TryGetProperty("method", out JsonElement method) ? method.GetString() : null)
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                _errors.Enqueue(root.GetProperty("params").GetProperty("exceptionDetails").ToString());
                break;
            case "Runtime.consoleAPICalled" when root.GetProperty("params").GetProperty("type").GetString() == "error":
                _errors.Enqueue("console.error: " + root.GetProperty("params").GetProperty("args").ToString());
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, close.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser goes anyway.
        }

        await _stop.CancelAsync();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone.
        }

        await _receiver.ConfigureAwait(false);
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
    }
}
