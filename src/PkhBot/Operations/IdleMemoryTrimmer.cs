using Microsoft.Extensions.Options;

namespace PkhBot.Operations;

/// <summary>
/// An idle bot allocates a little all the time (polls, the outbox check, scheduled jobs) and the GC sizes its youngest
/// generation from the CPU cache, tens of MB: left alone, an idle bot's working set climbed for minutes before the
/// first collection (the curve: tests/PkhBot.Bench/README.md). When little was allocated since the last look, one compacting collection
/// hands that memory back. A busy bot collects on its own, so nothing is done then. The GC's own setting for this
/// (DOTNET_GCgen0size) exists only as an environment variable.
/// </summary>
public sealed class IdleMemoryTrimmer(IOptions<OperationsOptions> options, TimeProvider clock) : BackgroundService
{
    /// <summary>Allocation rate below which the bot counts as idle (an idle bot stays far below it, a busy one far above).</summary>
    internal const long IdleBytesPerSecond = 512 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.IdleTrimSeconds;
        if (seconds <= 0) return;
        var last = GC.GetTotalAllocatedBytes();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), clock, stoppingToken);
                var now = GC.GetTotalAllocatedBytes();
                if (ShouldTrim(now - last, seconds)) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                last = GC.GetTotalAllocatedBytes();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal static bool ShouldTrim(long allocatedSinceLastLook, int seconds) => allocatedSinceLastLook < IdleBytesPerSecond * seconds;
}
