namespace PkhBot.Knowledge;

/// <summary>
/// Builds the index when the bot starts (worker and console chat), so the first question is as fast as the
/// rest and a missing or broken prompts/knowledge folder stops the start with a clear message.
/// </summary>
public sealed class KnowledgeWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<KnowledgeIndex>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
