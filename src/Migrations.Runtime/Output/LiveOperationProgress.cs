using Spectre.Console;

namespace Migrations.Runtime.Output;

/// <summary>
/// On a terminal: one line per operation that updates in place (Spectre.Console's live display: widths, cursor and
/// colour handled there), replaced by a plain, permanent line when the operation ends. Pauses show on the live line.
/// </summary>
public sealed class LiveOperationProgress(IAnsiConsole console) : IOperationProgress, IDisposable
{
    private readonly Lock _gate = new();
    private LiveDisplayContext? _context;
    private TaskCompletionSource? _end;
    private Task? _display;

    public void Report(OperationEvent operationEvent)
    {
        var line = operationEvent.Line();
        var ends = operationEvent.Event.EndsWith(".finished", StringComparison.Ordinal);
        lock (_gate)
        {
            if (_display is null && !ends)
            {
                Begin(line);
                return;
            }

            if (ends)
            {
                End();
                console.MarkupLine(Markup.Escape(line));
                return;
            }

            var style = operationEvent.Event is "backfill.paused" or "index.waiting" ? new Style(Color.Yellow) : Style.Plain;
            _context?.UpdateTarget(new Text(line, style));
        }
    }

    private void Begin(string line)
    {
        var ready = new ManualResetEventSlim();
        _end = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var end = _end.Task;
        _display = Task.Run(() => console.Live(new Text(line)).AutoClear(true).StartAsync(async context =>
        {
            _context = context;
            ready.Set();
            await end;
        }));
        // The live display starts on its own thread; wait for it so the next update has a context to go to.
        ready.Wait(TimeSpan.FromSeconds(2));
    }

    private void End()
    {
        if (_display is null)
        {
            return;
        }

        _end!.TrySetResult();
        _display.Wait(TimeSpan.FromSeconds(2));
        (_display, _context, _end) = (null, null, null);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            End();
        }
    }
}
