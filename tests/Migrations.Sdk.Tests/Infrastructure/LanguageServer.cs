using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Migrations.Sdk.Tests.Infrastructure;

/// <summary>
/// A language server driven over stdio as an editor drives it: JSON-RPC messages framed by Content-Length headers.
/// Requests the server sends (configuration, progress tokens) are answered by <see cref="_answer"/>.
/// </summary>
public sealed class LanguageServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Func<string, JsonNode?, JsonNode?> _answer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly StringBuilder _log = new();
    private readonly Task _reading;
    private int _nextId;

    private LanguageServer(Process process, Func<string, JsonNode?, JsonNode?> answer)
    {
        _process = process;
        _answer = answer;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_log) { _log.AppendLine(e.Data); } } };
        _process.BeginErrorReadLine();
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>What the server wrote to stderr: its log, for a failure message.</summary>
    public string Log
    {
        get { lock (_log) { return _log.ToString(); } }
    }

    public static LanguageServer Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?> environment, Func<string, JsonNode?, JsonNode?> answer)
    {
        var process = ProcessRunner.Start(fileName, arguments, workingDirectory, environment, redirectInput: true);
        return new LanguageServer(process, answer);
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await response.Task.WaitAsync(timeout);
    }

    public Task NotifyAsync(string method, JsonNode parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task WriteAsync(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _writing.WaitAsync();
        try
        {
            var input = _process.StandardInput.BaseStream;
            await input.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ReadAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (await ReadMessageAsync(output) is { } message)
            {
                var method = message["method"]?.GetValue<string>();
                var id = message["id"];
                if (method is not null && id is not null)
                {
                    await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = _answer(method, message["params"]) });
                }
                else if (method is null && id is not null && _pending.TryRemove(id.GetValue<int>(), out var pending))
                {
                    if (message["error"] is { } error)
                    {
                        pending.SetException(new InvalidOperationException($"The language server answered with an error: {error.ToJsonString()}"));
                    }
                    else
                    {
                        pending.SetResult(message["result"]);
                    }
                }
            }
        }
        catch (IOException)
        {
            // The server went away: pending requests fail below.
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("The language server exited.\n" + Log));
        }
    }

    private static async Task<JsonNode?> ReadMessageAsync(Stream output)
    {
        var length = -1;
        while (await ReadHeaderLineAsync(output) is { } header)
        {
            if (header.Length == 0)
            {
                break;
            }

            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (length < 0)
        {
            return null;
        }

        var body = new byte[length];
        await output.ReadExactlyAsync(body);
        return JsonNode.Parse(body);
    }

    private static async Task<string?> ReadHeaderLineAsync(Stream output)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await output.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }

        return line.Length == 0 ? null : line.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await _reading.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
        _writing.Dispose();
    }
}
