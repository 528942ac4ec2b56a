using System.CommandLine;

namespace PkhBot.Cli;

public static class RunVerb
{
    public static Command Create(CliIo io)
    {
        var cmd = new Command("run", "Jalankan bot (Telegram polling atau webhook, pengingat, health endpoint).");
        cmd.SetAction((_, ct) => RunWorkerAsync(io, ct));
        return cmd;
    }

    public static async Task<int> RunWorkerAsync(CliIo io, CancellationToken ct)
    {
        await using var app = AppHost.Build(AppMode.Worker, io.HostArgs);
        await app.PrepareAsync(ct);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await app.RunAsync(ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The bot stopped itself while still starting (e.g. a broken knowledge folder); its critical log line says why.
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Environment.ExitCode != 0 && lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopping itself, it interrupted another part still starting (the scheduler): the first cause is already logged.
            io.Err.WriteLine($"Bot berhenti saat mulai ({ex.GetType().Name}); lihat log sebelumnya untuk penyebabnya.");
        }
        // A part that stops the bot on a fatal error sets Environment.ExitCode; returning 0 from Main would hide it.
        return Environment.ExitCode;
    }
}
