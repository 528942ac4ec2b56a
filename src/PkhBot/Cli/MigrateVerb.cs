using System.CommandLine;
using PkhBot.Data;

namespace PkhBot.Cli;

public static class MigrateVerb
{
    public static Command Create(CliIo io)
    {
        var cmd = new Command("migrate", "Terapkan migrasi database (SQLite atau SQL Server) dan data wilayah.");
        cmd.SetAction(async (_, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Tool, io.HostArgs);
            app.Services.ValidateOptions();
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            io.Out.WriteLine("Migrasi selesai.");
            return 0;
        });
        return cmd;
    }
}
