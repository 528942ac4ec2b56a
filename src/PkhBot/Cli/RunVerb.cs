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
        await app.RunAsync(ct);
        return 0;
    }
}
