using global::Telegram.Bot.Types;

namespace PkhBot.Channels.Telegram;

/// <summary>
/// Held updates in per-user lanes: each user's one after another in id order (a flow's answers must not overtake each
/// other), different users side by side, so one user's slow questions (an LLM) never hold back another's /lapor.
/// A lane exists while it has work. Updates enqueued after stop fired are handed back, not processed.
/// </summary>
internal sealed class InboxLanes(Func<Update, Task<InboxOutcome>> process, Func<long, Task> release)
{
    private sealed record Item(Update Update, TaskCompletionSource<InboxOutcome> Done, CancellationToken Stop);

    private readonly object _lock = new();
    private readonly Dictionary<long, Queue<Item>> _lanes = [];
    private int _queued;

    /// <summary>Updates waiting or in progress.</summary>
    public int Queued => Volatile.Read(ref _queued);

    public static long LaneOf(Update u) => u.Message?.From?.Id ?? u.CallbackQuery?.From.Id ?? u.Message?.Chat.Id ?? -u.Id;

    /// <summary>Queues the updates behind their users' earlier ones; the task ends when all of them are finished.</summary>
    public Task<InboxOutcome[]> Enqueue(IEnumerable<Update> updates, CancellationToken stop)
    {
        var done = new List<Task<InboxOutcome>>();
        lock (_lock)
        {
            foreach (var u in updates.OrderBy(u => u.Id))
            {
                var item = new Item(u, new TaskCompletionSource<InboxOutcome>(TaskCreationOptions.RunContinuationsAsynchronously), stop);
                done.Add(item.Done.Task);
                var key = LaneOf(u);
                var idle = !_lanes.TryGetValue(key, out var lane);
                if (idle) _lanes[key] = lane = new Queue<Item>();
                lane!.Enqueue(item);
                _queued++;
                if (idle) _ = Task.Run(() => RunAsync(key));
            }
        }
        return Task.WhenAll(done);
    }

    /// <summary>Whether this process holds the update (waiting in a lane or being processed).</summary>
    public bool Holds(long updateId)
    {
        lock (_lock) return _lanes.Values.Any(l => l.Any(i => i.Update.Id == updateId));
    }

    public List<long> HeldIds()
    {
        lock (_lock) return _lanes.Values.SelectMany(l => l.Select(i => (long)i.Update.Id)).ToList();
    }

    /// <summary>Returns when every lane is empty (at stop: the updates in hand finish, the rest are handed back).</summary>
    public async Task DrainAsync()
    {
        while (Queued > 0) await Task.Delay(20);
    }

    private async Task RunAsync(long key)
    {
        while (true)
        {
            Item item;
            lock (_lock)
            {
                var lane = _lanes[key];
                if (lane.Count == 0)
                {
                    _lanes.Remove(key);
                    return;
                }
                // Stays in the lane while it runs: it is still held (see Holds).
                item = lane.Peek();
            }
            InboxOutcome outcome;
            try
            {
                if (item.Stop.IsCancellationRequested)
                {
                    await release(item.Update.Id);
                    outcome = InboxOutcome.Deferred;
                }
                else outcome = await process(item.Update);
            }
            catch (Exception)
            {
                // process handles its own failures; anything left is for the retry worker.
                outcome = InboxOutcome.Deferred;
            }
            lock (_lock)
            {
                _lanes[key].Dequeue();
                _queued--;
            }
            item.Done.TrySetResult(outcome);
        }
    }
}
