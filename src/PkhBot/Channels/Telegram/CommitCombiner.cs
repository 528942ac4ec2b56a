using System.Collections.Concurrent;
using PkhBot.Conversation;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// On SQLite (one writer): prepared updates from all lanes are committed together, up to
/// <see cref="TelegramInbox.MaxUpdatesPerTransaction"/> per transaction. Whoever finds the writer free commits what is
/// waiting, its own update included; updates that arrive meanwhile form the next batch. One commit for many, and no
/// update waits for another's network work (that happened before, in its own lane).
/// </summary>
/// <param name="othersComing">Whether some lane is preparing an update right now (it may join this batch).</param>
internal sealed class CommitCombiner(ConversationPipeline pipeline, IUpdateLedger ledger, int maxBatch, Func<bool> othersComing)
{
    private readonly ConcurrentQueue<(PreparedUpdate Update, TaskCompletionSource<PipelineResult> Done)> _waiting = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<PipelineResult> CommitAsync(PreparedUpdate update)
    {
        var done = new TaskCompletionSource<PipelineResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue((update, done));
        await _turn.WaitAsync();
        try
        {
            while (!done.Task.IsCompleted)
            {
                // Lanes woken by the last commit are preparing their next update (microseconds without an LLM): let
                // them join, so a batch is as full as the old in-order chunks, not one update each.
                for (var i = 0; i < 4 && _waiting.Count < maxBatch && othersComing(); i++) await Task.Yield();
                var batch = new List<(PreparedUpdate Update, TaskCompletionSource<PipelineResult> Done)>(maxBatch);
                while (batch.Count < maxBatch && _waiting.TryDequeue(out var next)) batch.Add(next);
                if (batch.Count == 0) break;
                try
                {
                    var results = await pipeline.CommitBatchAsync(batch.Select(b => b.Update).ToList(), ledger, CancellationToken.None);
                    for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                }
                catch (Exception ex)
                {
                    foreach (var b in batch) b.Done.TrySetException(ex);
                }
            }
        }
        finally
        {
            _turn.Release();
        }
        return await done.Task;
    }
}
