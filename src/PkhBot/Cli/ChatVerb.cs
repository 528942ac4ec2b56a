using System.CommandLine;
using PkhBot.Channels.Console;
using PkhBot.Households;

namespace PkhBot.Cli;

public static class ChatVerb
{
    public static Command Create(CliIo io)
    {
        var asOption = new Option<string>("--as")
        {
            Description = "Peran di konsol: kpm (bawaan), admin, koordinator[:KECAMATAN], pendamping[:KODE], mitra[:KODE] (bawaan DINKOP), pemantau[:KECAMATAN]",
            DefaultValueFactory = _ => "kpm",
        };
        var cmd = new Command("chat", "Percakapan dengan bot di konsol (tanpa Telegram), memakai pipeline yang sama.") { asOption };
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = AppHost.Build(AppMode.Chat, io.HostArgs);
            await app.PrepareAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await seeder.IsEmptyAsync(ct))
            {
                io.Err.WriteLine("Database masih kosong: mengisi data demo Bojonegoro (sekali saja)...");
                await seeder.SeedAsync(app.Configuration.GetValue("Demo:Households", DemoSeeder.DefaultHouseholds), ct);
                await Referrals.DemoReferrals.SeedAsync(scope.ServiceProvider.GetRequiredService<Data.PkhDbContext>(),
                    scope.ServiceProvider.GetRequiredService<Referrals.MitraCatalogue>(), app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            }
            var bound = await scope.ServiceProvider.GetRequiredService<ConsoleIdentity>().BindAsync(pr.GetValue(asOption), ct);
            if (bound.Error is not null)
            {
                io.Err.WriteLine(bound.Error);
                return 2;
            }
            var interactive = ReferenceEquals(io.In, Console.In) && !Console.IsInputRedirected;
            await app.Services.GetRequiredService<ConsoleChat>().RunAsync(bound.UserId, bound.Description, io.In, io.Out, interactive, ct);
            return 0;
        });
        return cmd;
    }
}
